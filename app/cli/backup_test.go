package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jiayuan/store"
)

func TestBackupAndRestoreCommands(t *testing.T) {
	data := t.TempDir()
	t.Setenv("JIAYUAN_DATA_DIR", data)
	p := demoLedger(t)
	auto := filepath.Join(data, "backups", "demo")

	code, out, _ := run(t, "--help")
	if code != 0 || !strings.Contains(out, "backup") || !strings.Contains(out, "restore") {
		t.Errorf("--help does not list backup and restore:\n%s", out)
	}

	// into the app's backups folder, into a folder (a USB stick), to a file
	code, out, errs := run(t, "backup", "--ledger", p)
	if code != 0 || !strings.Contains(out, auto) {
		t.Fatalf("backup: %d %s %s", code, out, errs)
	}
	usb := t.TempDir()
	if code, out, errs := run(t, "--lang", "en", "backup", "--ledger", p, "--out", usb); code != 0 || !strings.Contains(out, "Backed up to "+usb) {
		t.Fatalf("backup to a folder: %d %s %s", code, out, errs)
	}
	file := filepath.Join(usb, "给审计的副本.jiayuan")
	if code, _, errs := run(t, "backup", "--ledger", p, "--out", file); code != 0 {
		t.Fatalf("backup to a file: %d %s", code, errs)
	}
	if code, _, errs := run(t, "backup", "--ledger", p, "--out", file); code != 1 || !strings.Contains(errs, file) {
		t.Errorf("a second backup to the same file: %d %s", code, errs)
	}
	if code, out, _ := run(t, "verify", "--ledger", file); code != 0 {
		t.Errorf("the backup does not verify: %s", out)
	}

	// the ledger moves on; restore --from latest takes it back to the backup
	s, err := store.Open(p, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.ChainHead()
	if _, err := s.AddOwner(store.Owner{Name: "新业主"}); err != nil {
		t.Fatal(err)
	}
	// refused while the ledger is open for writing
	if code, _, errs := run(t, "restore", "--ledger", p, "--from", "latest"); code != 1 || !strings.Contains(errs, "正被") {
		t.Errorf("restore while open: %d %s", code, errs)
	}
	s.Close()
	code, out, _ = run(t, "restore", "--ledger", p)
	if code != 2 || !strings.Contains(out, auto) {
		t.Errorf("restore without --from should list the backups: %d\n%s", code, out)
	}
	code, out, errs = run(t, "--lang", "en", "restore", "--ledger", p, "--from", "latest")
	if code != 0 || !strings.Contains(out, "Restored the ledger") || !strings.Contains(out, "_pre-restore.jiayuan") {
		t.Fatalf("restore: %d %s %s", code, out, errs)
	}
	s, err = store.Open(p, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if h, _ := s.ChainHead(); h != before {
		t.Errorf("head %v after restore, want %v", h, before)
	}
	s.Close()

	// a ledger file destroyed: a backup of it is refused, naming the newest good backup, and
	// restore mends it
	os.WriteFile(p, []byte(strings.Repeat("坏", 5000)), 0o644)
	code, _, errs = run(t, "backup", "--ledger", p)
	if code != 1 || !strings.Contains(errs, auto) {
		t.Errorf("backup of a broken ledger should be refused naming the newest good backup: %d %s", code, errs)
	}
	if code, out, errs := run(t, "restore", "--ledger", p, "--from", "latest"); code != 0 {
		t.Fatalf("restore over a broken ledger: %d %s %s", code, out, errs)
	}
	if code, out, _ := run(t, "verify", "--ledger", p); code != 0 {
		t.Errorf("restored ledger does not verify: %s", out)
	}
	if _, err := os.Stat(filepath.Join(data, "backups")); err != nil {
		t.Error(err)
	}
}
