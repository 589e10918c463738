package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// openVerified opens a file read-only and checks that it passes the check at open and Verify.
func openVerified(t *testing.T, path string) (*store.Store, store.VerifyResult) {
	t.Helper()
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	if p := s.Damage(); p != nil {
		t.Fatalf("%s fails the check at open: %s", path, p)
	}
	res, err := s.Verify()
	if err != nil || !res.OK {
		t.Fatalf("%s does not verify: %v %v", path, err, res.Problem)
	}
	return s, res
}

func TestBackupIsTheWholeLedgerUnderANameThatSaysItsHead(t *testing.T) {
	r := newRichLedger(t)
	dir := t.TempDir()
	b, err := r.s.Backup(dir)
	if err != nil {
		t.Fatal(err)
	}
	head, _ := r.s.ChainHead()
	if b.Seq != head.Seq || b.Hash != ledger.ShortHash(head.Hash) || b.Size == 0 {
		t.Errorf("backup %+v, head %v", b, head)
	}
	name := filepath.Base(b.Path)
	want := fmt.Sprintf("test_%s_seq%d_%s.jiayuan", b.Time.Format("20060102-150405"), head.Seq, ledger.ShortHash(head.Hash))
	if name != want {
		t.Errorf("name %s, want %s", name, want)
	}
	// one plain file, nothing beside it
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the backup folder holds %d files, want just the backup", len(entries))
	}
	bs, res := openVerified(t, b.Path)
	if res.Head != head {
		t.Errorf("backup head %v, ledger %v", res.Head, head)
	}
	if got, want := dumpHash(t, bs), dumpHash(t, r.s); got != want {
		t.Error("the backup's rows differ from the ledger's")
	}
	// the ledger is untouched and still writable
	r.publicIncome("2024-03-01", "1.00")
	r.verifyOK()
}

func TestBackupToAFileOrAFolder(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	usb := t.TempDir()
	file := filepath.Join(usb, "账本备份.jiayuan")
	b, err := f.s.BackupTo(file)
	if err != nil || b.Path != file {
		t.Fatalf("%v %+v", err, b)
	}
	openVerified(t, file)
	before, _ := os.ReadFile(file)
	f.refuse("backup.exists", func() error { _, err := f.s.BackupTo(file); return err })
	if after, _ := os.ReadFile(file); string(after) != string(before) {
		t.Error("a refused backup overwrote the file")
	}
	// two backups of one head in one second get distinct names
	b1, err1 := f.s.Backup(usb)
	b2, err2 := f.s.Backup(usb)
	if err1 != nil || err2 != nil || b1.Path == b2.Path {
		t.Fatalf("%v %v %s %s", err1, err2, b1.Path, b2.Path)
	}
	list, _ := store.ListBackups(usb)
	if len(list) != 2 || list[0].Path != b2.Path {
		t.Errorf("list %+v: want the two standard names, newest first (the user's own file is not listed)", list)
	}
	// a folder that does not exist yet is made
	deep := filepath.Join(usb, "a", "b")
	if _, err := f.s.Backup(deep); err != nil {
		t.Fatal(err)
	}
	// a read-only store backs up too (the CLI while the window writes)
	f.s.Close()
	ro, err := store.Open(f.path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Backup(deep); err != nil {
		t.Fatal(err)
	}
	f.reopen()
}

// Backups taken while another goroutine posts are each a snapshot between two vouchers.
func TestBackupWhilePosting(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	dir := t.TempDir()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := f.s.PostVoucher(store.VoucherInput{Book: ledger.BookFund, Date: "2024-02-01", Summary: "手续费",
				Lines: []store.LineInput{line("5002", "0.01"), line("1001", "-0.01")}}); err != nil {
				t.Error(err)
				return
			}
		}
	})
	var backups []store.BackupInfo
	for range 8 {
		b, err := f.s.Backup(dir)
		if err != nil {
			t.Fatal(err)
		}
		backups = append(backups, b)
	}
	close(stop)
	wg.Wait()
	seqs := map[int64]bool{}
	for _, b := range backups {
		s, res := openVerified(t, b.Path)
		if res.Head.Seq != b.Seq || ledger.ShortHash(res.Head.Hash) != b.Hash {
			t.Errorf("%s holds head %v", filepath.Base(b.Path), res.Head)
		}
		seqs[b.Seq] = true
		s.Close()
	}
	t.Logf("%d backups at %d distinct heads while posting", len(backups), len(seqs))
}

func TestAutoBackupSkipsAnUnchangedLedgerAndRotates(t *testing.T) {
	f := mustCreate(t)
	dir := t.TempDir()
	b1, made, err := f.s.AutoBackup(dir)
	if err != nil || !made {
		t.Fatalf("first: %v %v", made, err)
	}
	b2, made, err := f.s.AutoBackup(dir)
	if err != nil || made || b2.Path != b1.Path {
		t.Fatalf("unchanged ledger backed up again: %v %v %+v", made, err, b2)
	}
	// a user's file and a copy kept before a restore are never rotated away
	keep := []string{filepath.Join(dir, "notes.txt"), filepath.Join(dir, "test_20200101-000000_seq1_000000000000_pre-restore.jiayuan")}
	for _, p := range keep {
		os.WriteFile(p, []byte("x"), 0o644)
	}
	// old backups from earlier months (names only: rotation reads the names)
	for i := range 30 {
		at := time.Date(2023, time.Month(1+i/3), 1+i, 12, 0, 0, 0, time.Local)
		name := fmt.Sprintf("test_%s_seq%d_%012d.jiayuan", at.Format("20060102-150405"), i+1, i)
		os.WriteFile(filepath.Join(dir, name), []byte("old"), 0o644)
	}
	for i := range 12 {
		f.publicIncome("2024-02-01", fmt.Sprintf("%d.00", i+1))
		if _, made, err := f.s.AutoBackup(dir); err != nil || !made {
			t.Fatalf("after a change: %v %v", made, err)
		}
	}
	list, _ := store.ListBackups(dir)
	// the 10 newest (all of this month) + one for each of the 10 months of 2023
	if len(list) != store.KeepLastBackups+10 {
		t.Errorf("%d backups left, want %d", len(list), store.KeepLastBackups+10)
	}
	head, _ := f.s.ChainHead()
	if list[0].Seq != head.Seq {
		t.Errorf("newest backup #%d, head #%d", list[0].Seq, head.Seq)
	}
	for _, p := range keep {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("rotation removed %s", filepath.Base(p))
		}
	}
	if _, err := os.Stat(b1.Path); err == nil {
		t.Error("the first backup should have rotated out")
	}
}

func TestRetainBackupsKeepsTheLastTenAndTheNewestOfEachMonth(t *testing.T) {
	var list []store.BackupInfo
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.Local) }
	// 2024: three a month Jan–Apr; then 12 in May
	for m := time.January; m <= time.April; m++ {
		for d := 1; d <= 3; d++ {
			list = append(list, store.BackupInfo{Path: fmt.Sprintf("%02d-%02d", m, d), Time: at(2024, m, d*5, 9)})
		}
	}
	for d := 1; d <= 12; d++ {
		list = append(list, store.BackupInfo{Path: fmt.Sprintf("05-%02d", d), Time: at(2024, time.May, d, 9)})
	}
	keep, drop := store.RetainBackups(list, 10)
	var got []string
	for _, b := range keep {
		got = append(got, b.Path)
	}
	want := "05-12 05-11 05-10 05-09 05-08 05-07 05-06 05-05 05-04 05-03 04-03 03-03 02-03 01-03"
	if strings.Join(got, " ") != want {
		t.Errorf("keep %s\nwant %s", strings.Join(got, " "), want)
	}
	if len(keep)+len(drop) != len(list) {
		t.Errorf("%d kept + %d dropped of %d", len(keep), len(drop), len(list))
	}
	if k, d := store.RetainBackups(nil, 10); len(k)+len(d) != 0 {
		t.Error("nothing to rotate")
	}
}

// ---- restore ----

func TestRestoreReplacesTheLedgerAndKeepsTheOldFile(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	dir := t.TempDir()
	good, err := f.s.Backup(dir)
	if err != nil {
		t.Fatal(err)
	}
	f.publicIncome("2024-02-01", "500.00")
	later, _ := f.s.ChainHead()
	laterRows := dumpHash(t, f.s)

	// refused while the ledger is open for writing, here or in another process
	f.refuse("restore.in_use", func() error { _, err := store.Restore(f.path, good.Path, dir); return err })
	f.s.Close()

	res, err := store.Restore(f.path, good.Path, dir)
	if err != nil {
		t.Fatal(err)
	}
	if res.Head.Seq != good.Seq || res.Saved == "" {
		t.Fatalf("restore %+v", res)
	}
	// the file it replaced, kept whole
	saved, sres := openVerified(t, res.Saved)
	if sres.Head != later || dumpHash(t, saved) != laterRows {
		t.Errorf("the saved copy is not the replaced ledger: head %v, was %v", sres.Head, later)
	}
	if !strings.HasSuffix(res.Saved, "_pre-restore.jiayuan") {
		t.Errorf("saved as %s", res.Saved)
	}
	for _, side := range []string{".restoring", "-wal", "-shm", "-journal"} {
		if _, err := os.Stat(f.path + side); err == nil {
			t.Errorf("%s left behind", side)
		}
	}
	// the ledger is the backup, and goes on
	f.reopen()
	if h, _ := f.s.ChainHead(); h.Seq != good.Seq {
		t.Errorf("head #%d after restore, want #%d", h.Seq, good.Seq)
	}
	f.publicIncome("2024-02-02", "1.00")
	f.verifyOK()
	// restoring a ledger that is missing (lost laptop, new one) makes it
	f.s.Close()
	fresh := filepath.Join(t.TempDir(), "new.jiayuan")
	if res, err := store.Restore(fresh, good.Path, dir); err != nil || res.Saved != "" {
		t.Fatalf("%v %+v", err, res)
	}
	openVerified(t, fresh)
	f.reopen()
}

func TestRestoreRefusesABadBackupAndChangesNothing(t *testing.T) {
	r := newRichLedger(t)
	dir := t.TempDir()
	b, err := r.s.Backup(dir)
	if err != nil {
		t.Fatal(err)
	}
	// the backup edited outside the app in its middle: only the full check finds it
	sqlite3(t, b.Path, fmt.Sprintf(`DROP TRIGGER postings_permanent_u; UPDATE postings SET amount_fen = amount_fen + 100 WHERE voucher_id = %d AND line = 1;
		UPDATE account_balances SET balance_fen = (SELECT SUM(amount_fen) FROM postings WHERE account_id = account_balances.account_id);`, r.inc1.ID))
	if s, err := store.Open(b.Path, store.Options{ReadOnly: true}); err != nil || s.Damage() != nil {
		t.Fatalf("this edit should pass the quick check (the full one finds it): %v %v", err, s.Damage())
	} else {
		s.Close()
	}
	before := r.fingerprint()
	r.s.Close()
	raw, _ := os.ReadFile(r.path)
	_, err = store.Restore(r.path, b.Path, dir)
	if ledger.KeyOf(err) != "backup.not_good" || !strings.Contains(err.Error(), fmt.Sprint(r.inc1.ID)) {
		t.Fatalf("want backup.not_good naming voucher %d, got %v", r.inc1.ID, err)
	}
	if now, _ := os.ReadFile(r.path); string(now) != string(raw) {
		t.Error("a refused restore changed the ledger file")
	}
	if _, err := os.Stat(r.path + ".restoring"); err == nil {
		t.Error("the copy of the refused backup was left behind")
	}
	r.reopen()
	if r.fingerprint() != before {
		t.Error("a refused restore changed the ledger")
	}
	// not a ledger at all, missing, the ledger itself
	junk := filepath.Join(dir, "junk.jiayuan")
	os.WriteFile(junk, []byte(strings.Repeat("这不是账本", 500)), 0o644)
	r.s.Close()
	for key, from := range map[string]string{"backup.not_good": junk, "backup.missing": filepath.Join(dir, "none.jiayuan"), "restore.same_file": r.path} {
		if _, err := store.Restore(r.path, from, dir); ledger.KeyOf(err) != key {
			t.Errorf("%s: want %s, got %v", filepath.Base(from), key, err)
		}
	}
	r.reopen()
}

func TestRestoreRefusesAnotherLedgersBackup(t *testing.T) {
	a := mustCreate(t)
	other, err := store.Create(filepath.Join(t.TempDir(), "other.jiayuan"), store.Community{Name: "别的小区", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	dir := t.TempDir()
	bb, err := other.Backup(dir)
	if err != nil {
		t.Fatal(err)
	}
	a.s.Close()
	if _, err := store.Restore(a.path, bb.Path, dir); ledger.KeyOf(err) != "backup.other_ledger" {
		t.Fatalf("want backup.other_ledger, got %v", err)
	}
	a.reopen()
}

// A ledger that fails the check at open is restored too, and the damaged file is kept as it
// was (the evidence), whether it is still readable or not a database any more.
func TestRestoreOverADamagedLedger(t *testing.T) {
	for _, how := range []string{"altered", "overwritten"} {
		t.Run(how, func(t *testing.T) {
			r := newRichLedger(t)
			dir := t.TempDir()
			good, err := r.s.Backup(dir)
			if err != nil {
				t.Fatal(err)
			}
			r.s.Close()
			if how == "altered" {
				sqlite3(t, r.path, fmt.Sprintf(`DROP TRIGGER vouchers_permanent_d; DROP TRIGGER postings_permanent_d;
					DELETE FROM postings WHERE voucher_id = %[1]d; DELETE FROM vouchers WHERE id = %[1]d;`, r.inc1.ID))
			} else {
				os.WriteFile(r.path, []byte(strings.Repeat("\x00garbage", 4096)), 0o644)
			}
			damaged, _ := os.ReadFile(r.path)
			_, err = store.OpenChecked(r.path, store.Options{}, dir)
			if ledger.KeyOf(err) != "ledger.damaged_restore" || !strings.Contains(err.Error(), good.Path) {
				t.Fatalf("want ledger.damaged_restore naming %s, got %v", good.Path, err)
			}
			res, err := store.Restore(r.path, good.Path, dir)
			if err != nil {
				t.Fatal(err)
			}
			kept, _ := os.ReadFile(res.Saved)
			if how == "overwritten" && string(kept) != string(damaged) {
				t.Error("the damaged file was not kept byte for byte")
			}
			if how == "altered" {
				s, err := store.Open(res.Saved, store.Options{ReadOnly: true})
				if err != nil || s.Damage() == nil {
					t.Fatalf("the kept copy should still show the damage: %v", err)
				}
				s.Close()
			}
			r.reopen()
			r.verifyOK()
		})
	}
}

// ---- the check at open ----

func TestOpenCheckFindsDamageAndRefusesWrites(t *testing.T) {
	cases := []struct {
		name  string
		sql   func(r *richLedger, last store.Voucher) string
		kind  string
		table string
	}{
		{"newest voucher altered", func(r *richLedger, last store.Voucher) string {
			return fmt.Sprintf(`DROP TRIGGER vouchers_permanent_u; UPDATE vouchers SET summary = '改过' WHERE id = %d;`, last.ID)
		}, "voucher", "vouchers"},
		{"a voucher deleted", func(r *richLedger, last store.Voucher) string {
			return fmt.Sprintf(`DROP TRIGGER vouchers_permanent_d; DROP TRIGGER postings_permanent_d;
				DELETE FROM postings WHERE voucher_id = %[1]d; DELETE FROM vouchers WHERE id = %[1]d;`, r.inc1.ID)
		}, "voucher", "vouchers"},
		{"a change deleted", func(r *richLedger, last store.Voucher) string {
			return `DROP TRIGGER change_log_permanent_d; DELETE FROM change_log WHERE id = 3;`
		}, "change", "change_log"},
		{"a link deleted in the middle", func(r *richLedger, last store.Voucher) string {
			return fmt.Sprintf(`DROP TRIGGER chain_permanent_d; DELETE FROM chain WHERE seq = %d;`, r.inc1.ChainSeq)
		}, "chain", "chain"},
		{"the newest link rewritten", func(r *richLedger, last store.Voucher) string {
			return fmt.Sprintf(`DROP TRIGGER chain_permanent_u; UPDATE chain SET hash = '%s' WHERE seq = (SELECT MAX(seq) FROM chain);`, strings.Repeat("ab", 32))
		}, "chain", "chain"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newRichLedger(t)
			last := r.post(store.VoucherInput{Book: ledger.BookWorking, Date: "2024-04-02", Summary: "文具",
				Lines: []store.LineInput{line("5001", "2.00"), line("1001", "-2.00")}})
			r.s.Close()
			sqlite3(t, r.path, c.sql(r, last))
			r.reopen() // opened, for looking only
			p := r.s.Damage()
			if p == nil || p.Kind != c.kind || p.Table != c.table {
				t.Fatalf("check at open found %v; want %s in %s", p, c.kind, c.table)
			}
			t.Logf("%s", p)
			r.refuse("ledger.damaged", func() error { _, err := r.s.AddOwner(store.Owner{Name: "x"}); return err })
			if res, err := r.s.Verify(); err != nil || res.OK {
				t.Errorf("verify passed: %v", err)
			}
			if _, err := store.OpenChecked(r.path, store.Options{ReadOnly: true}, t.TempDir()); ledger.KeyOf(err) != "ledger.damaged" {
				t.Errorf("OpenChecked without backups: %v", err)
			}
			if _, made, err := r.s.AutoBackup(t.TempDir()); made || err != nil {
				t.Errorf("a damaged ledger was backed up automatically: %v %v", made, err)
			}
		})
	}
}

func TestOpenCheckFindsACorruptedPage(t *testing.T) {
	r := newRichLedger(t)
	for range 150 { // the pages at the end of the file hold vouchers, not the schema
		r.publicIncome("2024-04-10", "1.00")
	}
	r.s.Close()
	b, err := os.ReadFile(r.path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	n := len(b) / page
	// scribble over the last pages, as a failing disk or a torn copy would
	for p := n - 3; p < n; p++ {
		copy(b[p*page:(p+1)*page], []byte(strings.Repeat("\xff\x00", page/2)))
	}
	os.WriteFile(r.path, b, 0o644)
	s, err := store.Open(r.path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the schema is intact, the file should open (for looking only): %v", err)
	}
	defer s.Close()
	p := s.Damage()
	if p == nil || p.Kind != "integrity" {
		t.Fatalf("check at open found %v; want an integrity problem", p)
	}
	t.Logf("%s", p)
	if _, err := store.OpenChecked(r.path, store.Options{}, t.TempDir()); ledger.KeyOf(err) != "ledger.damaged" {
		t.Errorf("OpenChecked: %v", err)
	}
}

func TestReadOnlyRefusesWritesWithAMessage(t *testing.T) {
	f := mustCreate(t)
	ro, err := store.Open(f.path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.ReadOnly() || f.s.ReadOnly() {
		t.Error("ReadOnly")
	}
	if _, err := ro.AddOwner(store.Owner{Name: "x"}); ledger.KeyOf(err) != "ledger.read_only" {
		t.Errorf("want ledger.read_only, got %v", err)
	}
}

// The window opens a ledger for writing only if the file reaches the head of its newest
// backup with the same hash: the newest records cut off (which the file cannot show by itself),
// an older copy put back by hand, or a history rewritten since, are refused with the backup
// named. A restore that was meant, and another ledger of the same file name, are not.
func TestOpenCheckedComparesWithTheNewestBackup(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	dir := t.TempDir()
	old, err := f.s.Backup(dir)
	if err != nil {
		t.Fatal(err)
	}
	oldCopy := filepath.Join(t.TempDir(), "copy.jiayuan")
	f.s.BackupTo(oldCopy)
	last := f.publicIncome("2024-02-01", "100.00")
	newest, err := f.s.Backup(dir)
	if err != nil {
		t.Fatal(err)
	}
	f.s.Close()
	open := func(ro bool) error {
		s, err := store.OpenChecked(f.path, store.Options{ReadOnly: ro}, dir)
		if err == nil {
			s.Close()
		}
		return err
	}
	if err := open(false); err != nil {
		t.Fatalf("a ledger at the head of its newest backup: %v", err)
	}

	// the newest voucher cut off with its link, balances fixed: verify cannot tell
	sqlite3(t, f.path, fmt.Sprintf(`DROP TRIGGER vouchers_permanent_d; DROP TRIGGER postings_permanent_d; DROP TRIGGER chain_permanent_d;
		DELETE FROM postings WHERE voucher_id = %[1]d; DELETE FROM vouchers WHERE id = %[1]d; DELETE FROM chain WHERE seq = %[2]d;
		UPDATE account_balances SET balance_fen = COALESCE((SELECT SUM(amount_fen) FROM postings WHERE account_id = account_balances.account_id), 0);
		CREATE TRIGGER vouchers_permanent_d BEFORE DELETE ON vouchers BEGIN SELECT RAISE(ABORT, 'posted vouchers are permanent'); END;
		CREATE TRIGGER postings_permanent_d BEFORE DELETE ON postings BEGIN SELECT RAISE(ABORT, 'posted vouchers are permanent'); END;
		CREATE TRIGGER chain_permanent_d BEFORE DELETE ON chain BEGIN SELECT RAISE(ABORT, 'the chain is append-only'); END;`, last.ID, last.ChainSeq))
	err = open(false)
	if ledger.KeyOf(err) != "ledger.behind_backup" || !strings.Contains(err.Error(), newest.Path) {
		t.Fatalf("want ledger.behind_backup naming %s, got %v", newest.Path, err)
	}
	if err := open(true); err != nil {
		t.Errorf("read-only, to look: %v", err)
	}
	// a voucher posted in its place: the same position, another record
	f.reopen()
	f.publicIncome("2024-02-01", "1.00")
	f.s.Close()
	if err := open(false); ledger.KeyOf(err) != "ledger.diverged" {
		t.Fatalf("want ledger.diverged, got %v", err)
	}

	// an older copy put back by hand
	os.Remove(f.path)
	copyTestFile(t, oldCopy, f.path)
	if err := open(false); ledger.KeyOf(err) != "ledger.behind_backup" {
		t.Fatalf("an older copy: want ledger.behind_backup, got %v", err)
	}
	// restoring the older backup on purpose is not refused afterwards
	if _, err := store.Restore(f.path, old.Path, dir); err != nil {
		t.Fatal(err)
	}
	if err := open(false); err != nil {
		t.Fatalf("after a restore: %v", err)
	}

	// another community's ledger with the same file name shares the folder: not compared
	otherPath := filepath.Join(t.TempDir(), "test.jiayuan")
	other, err := store.Create(otherPath, store.Community{Name: "同名小区", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		other.AddOwner(store.Owner{Name: "x"})
	}
	if _, err := other.Backup(dir); err != nil {
		t.Fatal(err)
	}
	other.Close()
	if err := open(false); err != nil {
		t.Fatalf("another ledger's newer backup in the folder: %v", err)
	}
}

func copyTestFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// After a posting session — the head still for the idle time — the ledger is backed up once.
func TestBackupWhenIdle(t *testing.T) {
	f := mustCreate(t)
	dir := t.TempDir()
	f.s.BackupWhenIdle(dir, time.Second, t.Logf)
	for range 3 {
		f.publicIncome("2024-02-01", "1.00")
		time.Sleep(20 * time.Millisecond) // still posting
	}
	if list, _ := store.ListBackups(dir); len(list) != 0 {
		t.Fatalf("backed up during the session: %d", len(list))
	}
	head, _ := f.s.ChainHead()
	deadline := time.Now().Add(10 * time.Second)
	for {
		list, _ := store.ListBackups(dir)
		if len(list) == 1 && list[0].Seq == head.Seq {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no backup of #%d after the session: %+v", head.Seq, list)
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(1500 * time.Millisecond)
	if list, _ := store.ListBackups(dir); len(list) != 1 {
		t.Errorf("an unchanged ledger backed up again: %d", len(list))
	}
}
