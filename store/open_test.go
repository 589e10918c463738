package store_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

func TestCreateAndOpen(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	f.refuse("ledger.file_exists", func() error {
		_, err := store.Create(f.path, store.Community{Name: "x", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
		return err
	})
	dir := t.TempDir()
	for key, c := range map[string]store.Community{
		"community.name_empty":      {Name: " ", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()},
		"date.invalid":              {Name: "x", StartDate: "2024-02-30", Policy: ledger.DefaultPolicy()},
		"policy.ratio_out_of_range": {Name: "x", StartDate: "2024-01-01"},
		"policy.target_below_threshold": func() store.Community {
			p := ledger.DefaultPolicy()
			p.ReplenishTarget = p.ReplenishThreshold.Div(ledger.Fen(200).Decimal())
			return store.Community{Name: "x", StartDate: "2024-01-01", Policy: p}
		}(),
	} {
		p := filepath.Join(dir, key+".jiayuan")
		if _, err := store.Create(p, c); ledger.KeyOf(err) != key {
			t.Errorf("create: want %s, got %v", key, err)
		}
		if _, err := os.Stat(p); err == nil {
			t.Errorf("a refused Create left %s behind", p)
		}
	}
	if _, err := store.Open(filepath.Join(dir, "missing.jiayuan"), store.Options{}); ledger.KeyOf(err) != "ledger.file_missing" {
		t.Errorf("open missing: %v", err)
	}

	// reopened, the ledger is the same and verifies
	head, _ := f.s.ChainHead()
	f.reopen()
	if h, _ := f.s.ChainHead(); h != head {
		t.Errorf("head %v after reopening, was %v", h, head)
	}
	f.verifyOK()

	// read-only: verifies, refuses writes, changes nothing
	before := f.fingerprint()
	f.s.Close()
	ro, err := store.Open(f.path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if res, err := ro.Verify(); err != nil || !res.OK {
		t.Fatalf("read-only verify: %v %+v", err, res)
	}
	if _, err := ro.AddOwner(store.Owner{Name: "x"}); err == nil {
		t.Error("a read-only ledger accepted a write")
	}
	ro.Close()
	f.reopen()
	if after := f.fingerprint(); after != before {
		t.Error("read-only session changed the file")
	}
}

// Opening a file that is not a ledger — another program's SQLite database, an empty file,
// a text file — is refused and leaves the file as it was (no ledger schema added, no switch
// to WAL).
func TestOpenForeignFileLeavesItAlone(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "notes.db")
	if bin, err := exec.LookPath("sqlite3"); err == nil {
		if out, err := exec.Command(bin, foreign, "CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('备忘');").CombinedOutput(); err != nil {
			t.Fatalf("%v %s", err, out)
		}
	} else {
		foreign = "" // no tool to make one
	}
	empty := filepath.Join(dir, "empty.jiayuan")
	os.WriteFile(empty, nil, 0o644)
	text := filepath.Join(dir, "readme.jiayuan")
	os.WriteFile(text, []byte("这不是账本 — not a ledger, just some text that is long enough to look like a header......"), 0o644)

	for _, p := range []string{foreign, empty, text} {
		if p == "" {
			continue
		}
		before, _ := os.ReadFile(p)
		for _, ro := range []bool{false, true} {
			s, err := store.Open(p, store.Options{ReadOnly: ro})
			if err == nil {
				s.Close()
				t.Errorf("%s (read-only %v): opened as a ledger", filepath.Base(p), ro)
				continue
			}
			if ledger.KeyOf(err) != "ledger.not_a_ledger" {
				t.Errorf("%s (read-only %v): want ledger.not_a_ledger, got %v", filepath.Base(p), ro, err)
			}
		}
		after, _ := os.ReadFile(p)
		if !bytes.Equal(before, after) {
			t.Errorf("%s: a refused Open changed the file (%d bytes → %d)", filepath.Base(p), len(before), len(after))
		}
		for _, suffix := range []string{"-wal", "-shm", "-journal"} {
			if _, err := os.Stat(p + suffix); err == nil {
				t.Errorf("%s: a refused Open left %s behind", filepath.Base(p), suffix)
			}
		}
	}
}
