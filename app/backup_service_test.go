package app

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"jiayuan/app/demo"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// figures is what the dashboard shows of a ledger: the books' balances and the chain head.
func figures(t *testing.T, sess *Session) string {
	t.Helper()
	d, err := NewLedgerService(sess).Dashboard()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, x := range d.Books {
		b.WriteString(x.Book + "=" + x.Balance + " ")
	}
	b.WriteString(d.ChainHead)
	return b.String()
}

func TestBackupNowIsListedAndRestoreReopensTheLedgerAsItWas(t *testing.T) {
	sess := demoSession(t)
	svc := NewBackupService(sess)
	before := figures(t, sess)
	b, err := svc.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	if b.Kind != "manual" || !b.Current || b.Size == 0 || b.Seq == 0 {
		t.Errorf("backup %+v", b)
	}
	list, err := svc.Backups()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, x := range list.Backups {
		if x.Path == b.Path {
			found = x.Kind == "manual" && x.Current && x.Time == b.Time
		}
	}
	if !found || list.Dir == "" || list.KeepLast != store.KeepLastBackups {
		t.Fatalf("the backup is not listed as made now by the user: %+v", list)
	}

	// The ledger moves on; then the backup is restored.
	st, _ := sess.Store()
	path := st.Path()
	if _, err := st.AddBuilding(store.Building{Code: "99号", Name: "恢复后不应存在"}); err != nil {
		t.Fatal(err)
	}
	if figures(t, sess) == before {
		t.Fatal("the change did not move the chain head")
	}
	if list, _ := svc.Backups(); list.Backups[0].Current {
		t.Error("an old backup is shown as the current state")
	}
	out, err := svc.RestoreFrom(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	if out.Ledger.Path != path || out.Saved == "" || out.Seq != b.Seq {
		t.Errorf("restore %+v", out)
	}
	if got := figures(t, sess); got != before {
		t.Errorf("after the restore: %s, want %s", got, before)
	}
	st, _ = sess.Store()
	if bs, _ := st.Buildings(); len(bs) == 0 || bs[len(bs)-1].Code == "99号" {
		t.Error("the building added after the backup is still there")
	}
	// the file it replaced is kept and listed, so that the restore can be undone
	list, _ = svc.Backups()
	kept := false
	for _, x := range list.Backups {
		kept = kept || (x.Kind == "pre-restore" && x.Path == out.Saved)
	}
	if !kept {
		t.Errorf("the pre-restore copy %s is not listed: %+v", out.Saved, list.Backups)
	}
	// and the ledger is writable again
	if _, err := st.AddBuilding(store.Building{Code: "98号"}); err != nil {
		t.Errorf("the reopened ledger refuses writes: %v", err)
	}
}

func TestRestoreRefusesACorruptedBackupAndReplacesNothing(t *testing.T) {
	sqlite, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 command-line tool not on PATH")
	}
	sess := demoSession(t)
	svc := NewBackupService(sess)
	b, err := svc.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	// A copy edited outside the app in its middle: only the full check finds it.
	bad := filepath.Join(t.TempDir(), "edited.jiayuan")
	raw, _ := os.ReadFile(b.Path)
	os.WriteFile(bad, raw, 0o644)
	sql := `DROP TRIGGER postings_permanent_u;
		UPDATE postings SET amount_fen = amount_fen + 100 WHERE voucher_id = (SELECT MIN(id) FROM vouchers) AND line = 1;
		UPDATE account_balances SET balance_fen = (SELECT SUM(amount_fen) FROM postings WHERE account_id = account_balances.account_id);`
	if out, err := exec.Command(sqlite, bad, sql).CombinedOutput(); err != nil {
		t.Fatalf("sqlite3: %v %s", err, out)
	}
	st, _ := sess.Store()
	path := st.Path()
	before := figures(t, sess)
	listBefore, _ := svc.Backups()

	_, err = svc.RestoreFrom(bad)
	if k := ledger.KeyOf(err); k != "backup.not_good" {
		t.Fatalf("want backup.not_good, got %v", err)
	}
	msg := NewError(sess.cat, err)
	if !strings.Contains(msg.Message, "不能用来恢复") || strings.Contains(msg.Message, "backup.not_good") {
		t.Errorf("message: %s", msg.Message)
	}
	// nothing replaced: the same ledger is open with the same figures, no copy kept
	st2, err := sess.Store()
	if err != nil || st2.Path() != path || st2.ReadOnly() {
		t.Fatalf("after a refused restore the ledger is not open as before: %v", err)
	}
	if got := figures(t, sess); got != before {
		t.Errorf("figures changed: %s, want %s", got, before)
	}
	listAfter, _ := svc.Backups()
	for _, x := range listAfter.Backups {
		if x.Kind == "pre-restore" {
			t.Errorf("a refused restore kept a pre-restore copy: %s", x.Path)
		}
	}
	if len(listAfter.Backups) != len(listBefore.Backups) {
		t.Errorf("backups %d → %d", len(listBefore.Backups), len(listAfter.Backups))
	}
	if _, err := os.Stat(path + ".restoring"); err == nil {
		t.Error("the copy of the refused backup was left behind")
	}
	// not a file, not there
	if _, err := svc.RestoreFrom(filepath.Join(t.TempDir(), "none.jiayuan")); ledger.KeyOf(err) != "backup.missing" {
		t.Errorf("missing file: %v", err)
	}
}

func TestRestoreLedgerThatFailedToOpenFromItsNewestGoodBackup(t *testing.T) {
	sess, _, dir := testSession(t)
	p := filepath.Join(dir, "小区.jiayuan")
	if err := demo.Generate(p, demo.Options{Units: 20}); err != nil {
		t.Fatal(err)
	}
	ls := NewLedgerService(sess)
	if _, err := ls.OpenLedger(p); err != nil { // the automatic backup on open
		t.Fatal(err)
	}
	before := figures(t, sess)
	sess.detach()
	os.WriteFile(p, []byte(strings.Repeat("\x00garbage", 4096)), 0o644)
	_, err := ls.OpenLedger(p)
	if ledger.KeyOf(err) != "ledger.damaged_restore" {
		t.Fatalf("want ledger.damaged_restore, got %v", err)
	}
	svc := NewBackupService(sess)
	out, err := svc.RestoreLedger(p, "")
	if err != nil {
		t.Fatal(err)
	}
	if out.Ledger.Path != p || out.Saved == "" {
		t.Errorf("restore %+v", out)
	}
	if got := figures(t, sess); got != before {
		t.Errorf("after the restore: %s, want %s", got, before)
	}
	if kept, _ := os.ReadFile(out.Saved); !strings.HasPrefix(string(kept), "\x00garbage") {
		t.Error("the damaged file was not kept as it was")
	}
	// a ledger without any backup: a clear refusal, nothing changed
	q := filepath.Join(dir, "无备份.jiayuan")
	os.WriteFile(q, []byte("x"), 0o644)
	if _, err := svc.RestoreLedger(q, ""); ledger.KeyOf(err) != "backup.none_good" {
		t.Errorf("no backups: %v", err)
	}
	if b, _ := os.ReadFile(q); string(b) != "x" {
		t.Error("the file without backups was changed")
	}
}

func TestBackupToFolderAndChooseBackupFile(t *testing.T) {
	sess := demoSession(t)
	usb := t.TempDir()
	t.Setenv(E2ESaveDirEnv, usb)
	svc := NewBackupService(sess)
	b, err := svc.BackupToFolder()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(b.Path) != filepath.Join(usb, "usb") || !strings.HasSuffix(b.Name, ".jiayuan") || b.Kind != "file" {
		t.Errorf("backup to folder %+v", b)
	}
	got, err := svc.ChooseBackupFile()
	if err != nil {
		t.Fatal(err)
	}
	if got.Path != b.Path || got.Seq != b.Seq || got.Hash != b.Hash || got.Community == "" {
		t.Errorf("chosen %+v, want %+v", got, b)
	}
}

func TestTheDemoLedgerHasNoAutomaticBackups(t *testing.T) {
	sess, _, _ := testSession(t)
	if _, err := NewLedgerService(sess).OpenDemo(); err != nil {
		t.Fatal(err)
	}
	svc := NewBackupService(sess)
	list, err := svc.Backups()
	if err != nil || list.Dir != "" || len(list.Backups) != 0 {
		t.Errorf("demo: %+v %v", list, err)
	}
	if _, err := svc.BackupNow(); ledger.KeyOf(err) != "backup.demo_none" {
		t.Errorf("backup now of the demo: %v", err)
	}
}

// TestSafetyE2EFixture writes the ledgers of e2e/tests/safety.test.mjs into
// $JIAYUAN_SAFETY_FIXTURE (a folder): 安全小区.jiayuan, a small community with years of
// postings, and 新迁入小区.jiayuan, 60 units and no voucher yet (its opening balances to enter).
func TestSafetyE2EFixture(t *testing.T) {
	dir := os.Getenv("JIAYUAN_SAFETY_FIXTURE")
	if dir == "" {
		t.Skip("JIAYUAN_SAFETY_FIXTURE not set")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "安全小区.jiayuan")
	if err := demo.Generate(p, demo.Options{Units: 30}); err != nil {
		t.Fatal(err)
	}
	sess, _, tmp := testSession(t)
	in := goodInput(tmp)
	in.Community.Name = "新迁入小区"
	in.Path = filepath.Join(dir, "新迁入小区.jiayuan")
	in.Units = nil
	for i := range 60 {
		in.Units = append(in.Units, NewUnitRow{Building: []string{"1号", "2号"}[i/30], Room: fmt.Sprintf("%d%02d", i%30/2+1, i%2+1),
			Area: "80", HousingType: "commodity", Initial: "8000", OwnerName: fmt.Sprintf("业主%d", i+1)})
	}
	if _, err := NewLedgerService(sess).CreateLedger(in); err != nil {
		t.Fatal(err)
	}
}
