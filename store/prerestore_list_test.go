package store_test

import (
	"os"
	"path/filepath"
	"testing"

	"jiayuan/store"
)

// The copies a restore keeps are listed, newest first, with the chain head their name holds
// (none for a copy of a file too damaged to read it); backups and other files are not.
func TestListPreRestoreCopies(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{
		"阳光小区_20260101-080000_seq12_0123456789ab_pre-restore.jiayuan",
		"阳光小区_20260301-090000_pre-restore.jiayuan",
		"阳光小区_20260201-080000_seq20_abcdefabcdef.jiayuan", // an ordinary backup
		"notes.txt",
	} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := store.ListPreRestoreCopies(dir)
	if err != nil || len(got) != 2 {
		t.Fatalf("ListPreRestoreCopies = %+v, %v; want the two copies", got, err)
	}
	if filepath.Base(got[0].Path) != "阳光小区_20260301-090000_pre-restore.jiayuan" || got[0].Seq != 0 || got[0].Hash != "" {
		t.Errorf("newest first, without a head: %+v", got[0])
	}
	if got[1].Seq != 12 || got[1].Hash != "0123456789ab" || got[1].Time.Format("2006-01-02 15:04") != "2026-01-01 08:00" {
		t.Errorf("the copy with its head: %+v", got[1])
	}
	if none, err := store.ListPreRestoreCopies(filepath.Join(dir, "missing")); err != nil || len(none) != 0 {
		t.Errorf("a missing folder: %+v, %v", none, err)
	}
}
