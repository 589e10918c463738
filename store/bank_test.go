package store_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

func bl(row int, date, amount, balance, ref, cp string) store.BankLine {
	l := store.BankLine{Row: row, Date: date, Amount: m(amount), Reference: ref, Counterparty: cp}
	if balance != "" {
		l.Balance, l.HasBalance = m(balance), true
	}
	return l
}

// The public book's vouchers of January and its statement: the parking income is on the
// bank two days later, the audit fee the same day; the bank's interest is not in the book
// yet, and a refund the book recorded has not reached the bank.
func bankFixture(t *testing.T) *fixture {
	f := mustCreate(t)
	f.depositAll("2024-01-02") // the fund at 100%: no transfer owed on public income (R2)
	f.publicIncome("2024-01-05", "1000.00")
	f.publicIncome("2024-01-06", "1000.00")
	f.post(publicSpend("2024-01-20", "300.00"))
	f.publicIncome("2024-01-30", "55.00") // not at the bank by the 31st
	return f
}

func januaryStatement() []store.BankLine {
	// the newest line first, as some banks export
	return []store.BankLine{
		bl(5, "2024-01-31", "1.23", "1701.23", "T004", ""),
		bl(4, "2024-01-20", "-300.00", "1700.00", "T003", "审计所"),
		bl(3, "2024-01-08", "1000.00", "2000.00", "T002", "停车公司"),
		bl(2, "2024-01-07", "1000.00", "1000.00", "T001", "停车公司"),
	}
}

// Lines are stored in date order, matched to vouchers (same amount, nearest date within the
// window), and a second import of the statement changes nothing.
func TestImportBankMatchesAndReimportChangesNothing(t *testing.T) {
	f := bankFixture(t)
	res, err := f.s.ImportBank(store.ImportSource{Name: "jan.csv"}, ledger.BookPublic, januaryStatement())
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 4 || res.Matched != 3 || len(res.Warnings) != 0 || res.ImportID == 0 {
		t.Errorf("result %+v", res)
	}
	if n := f.count(`SELECT source_row FROM bank_lines WHERE pos = 1`); n != 2 {
		t.Errorf("first stored line is row %d, want the oldest (row 2)", n)
	}
	f.verifyOK()
	f.unchanged(func() (store.ImportResult, error) {
		return f.s.ImportBank(store.ImportSource{Name: "jan.csv"}, ledger.BookPublic, januaryStatement())
	})

	rec, err := f.s.Reconcile(ledger.BookPublic, "2024-01-31", store.ReconcileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// book 1,755.00 + bank-only interest 1.23 = 1,756.23 = bank 1,701.23 + book-only 55.00
	if rec.BookBalance != m("1755.00") || rec.BankBalance != m("1701.23") || rec.BankBalanceSource != "statement" || !rec.Reconciled {
		t.Errorf("reconciliation %+v", rec)
	}
	if len(rec.BankOnlyIn) != 1 || rec.BankOnlyIn[0].Reference != "T004" || len(rec.BookOnlyIn) != 1 || rec.BookOnlyIn[0].Amount != m("55.00") ||
		len(rec.BankOnlyOut)+len(rec.BookOnlyOut) != 0 || rec.Matched != 3 || rec.From != "2024-01-07" {
		t.Errorf("items %+v", rec)
	}
	// with a window of one day the income of the 6th matches the 7th, and the income of the
	// 5th (before the statement starts, so taken as cleared) no longer matches the 8th: the
	// reconciliation shows the 8th's line and the difference it leaves
	rec, _ = f.s.Reconcile(ledger.BookPublic, "2024-01-31", store.ReconcileOptions{MatchDays: 1})
	if rec.Matched != 2 || rec.Reconciled || rec.Difference != m("1000.00") || len(rec.BankOnlyIn) != 2 || rec.BankOnlyIn[0].Date != "2024-01-08" {
		t.Errorf("window 1: %+v", rec)
	}
	// a bank balance given that contradicts the statement is refused
	given := m("1.00")
	if _, err := f.s.Reconcile(ledger.BookPublic, "2024-01-31", store.ReconcileOptions{BankBalance: &given}); ledger.KeyOf(err) != "bank.balance_differs" {
		t.Error(err)
	}
}

// A later statement that overlaps the first adds only its new lines; lines with neither
// reference nor balance are recognised by date, amount, counterparty and summary, the k-th
// such line of a file matching the k-th stored one.
func TestImportBankDuplicatesAcrossFiles(t *testing.T) {
	f := bankFixture(t)
	if _, err := f.s.ImportBank(store.ImportSource{Name: "jan"}, ledger.BookPublic, januaryStatement()); err != nil {
		t.Fatal(err)
	}
	feb := append(januaryStatement(), bl(6, "2024-02-02", "5.00", "1706.23", "T005", ""))
	res, err := f.s.ImportBank(store.ImportSource{Name: "jan-feb"}, ledger.BookPublic, feb)
	if err != nil || res.Created != 1 || res.Skipped != 4 {
		t.Fatalf("%+v %v", res, err)
	}
	plain := []store.BankLine{bl(2, "2024-03-01", "10.00", "", "", "张三"), bl(3, "2024-03-01", "10.00", "", "", "张三")}
	if res, err := f.s.ImportBank(store.ImportSource{Name: "mar"}, ledger.BookPublic, plain); err != nil || res.Created != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	f.unchanged(func() (store.ImportResult, error) {
		return f.s.ImportBank(store.ImportSource{Name: "mar"}, ledger.BookPublic, plain)
	})
	three := append(plain, bl(4, "2024-03-01", "10.00", "", "", "张三"))
	if res, err := f.s.ImportBank(store.ImportSource{Name: "mar2"}, ledger.BookPublic, three); err != nil || res.Created != 1 || res.Skipped != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	f.verifyOK()
}

// Duplicate rows in one file, a reference imported before with another amount and bad lines
// are refused by row; balances that do not follow are warned about.
func TestImportBankRefusalsAndWarnings(t *testing.T) {
	f := bankFixture(t)
	if _, err := f.s.ImportBank(store.ImportSource{Name: "jan"}, ledger.BookPublic, januaryStatement()); err != nil {
		t.Fatal(err)
	}
	bad := []store.BankLine{
		bl(2, "2024-02-01", "10.00", "1711.23", "T010", ""),
		bl(3, "2024-02-01", "10.00", "1711.23", "T010", ""),   // same reference
		bl(4, "2024-02-02", "10.00", "1721.23", "", ""),       //
		bl(5, "2024-02-02", "10.00", "1721.23", "", ""),       // same date, amount and balance
		bl(6, "2024-01-20", "-301.00", "1700.00", "T003", ""), // T003 was -300.00
		bl(7, "2024-02-30", "1.00", "", "", ""),
	}
	ps := f.importRefused(func() (store.ImportResult, error) {
		return f.s.ImportBank(store.ImportSource{Name: "bad"}, ledger.BookPublic, bad)
	})
	if !problemAt(ps, 3, "import.duplicate_row") || !problemAt(ps, 5, "import.duplicate_row") || !problemAt(ps, 7, "date.invalid") || len(ps) != 3 {
		t.Errorf("%+v", ps)
	}
	ps = f.importRefused(func() (store.ImportResult, error) {
		return f.s.ImportBank(store.ImportSource{Name: "bad"}, ledger.BookPublic, bad[4:5])
	})
	if !problemAt(ps, 6, "import.bank_ref_conflict") {
		t.Errorf("%+v", ps)
	}
	gap := []store.BankLine{bl(2, "2024-02-01", "10.00", "1711.23", "", ""), bl(3, "2024-02-02", "10.00", "1731.23", "", "")}
	res, err := f.s.ImportBank(store.ImportSource{Name: "gap"}, ledger.BookPublic, gap)
	if err != nil || len(res.Warnings) != 1 || res.Warnings[0].Row != 3 || res.Warnings[0].Err.Key != "import.balance_gap" {
		t.Errorf("%+v %v", res, err)
	}
	if _, err := f.s.ImportBank(store.ImportSource{Name: "x"}, "cash", gap); ledger.KeyOf(err) != "voucher.unknown_book" {
		t.Error(err)
	}
}

// Bank lines are covered by the chain: an amount changed outside the app is found by verify.
func TestVerifyFindsAnEditedBankLine(t *testing.T) {
	f := bankFixture(t)
	if _, err := f.s.ImportBank(store.ImportSource{Name: "jan"}, ledger.BookPublic, januaryStatement()); err != nil {
		t.Fatal(err)
	}
	f.verifyOK()
	f.s.Close()
	// the file refuses the edit until its guard is dropped
	sqlite3(t, f.path, `DROP TRIGGER bank_lines_permanent_u; UPDATE bank_lines SET amount_fen = amount_fen + 1 WHERE id = 2;`)
	f.reopen()
	res, err := f.s.Verify()
	if err != nil || res.OK || res.Problem.Kind != "master" || res.Problem.Table != "import" {
		t.Fatalf("verify: %+v %v", res.Problem, err)
	}
}

func TestReconcileWithoutStatement(t *testing.T) {
	f := bankFixture(t)
	if _, err := f.s.Reconcile(ledger.BookFund, "2024-01-31", store.ReconcileOptions{}); ledger.KeyOf(err) != "bank.no_lines" {
		t.Error(err)
	}
	// a statement without balances: the bank's balance must be given
	lines := []store.BankLine{bl(2, "2024-01-07", "1000.00", "", "", ""), bl(3, "2024-01-08", "1000.00", "", "", "")}
	if _, err := f.s.ImportBank(store.ImportSource{Name: "nb"}, ledger.BookPublic, lines); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Reconcile(ledger.BookPublic, "2024-01-10", store.ReconcileOptions{}); ledger.KeyOf(err) != "bank.balance_unknown" {
		t.Error(err)
	}
	bal := m("2000.00")
	rec, err := f.s.Reconcile(ledger.BookPublic, "2024-01-10", store.ReconcileOptions{BankBalance: &bal})
	if err != nil || rec.BankBalanceSource != "given" || !rec.Reconciled || rec.Matched != 2 {
		t.Errorf("%+v %v", rec, err)
	}
}

// A statement of 100,000 lines is stored in one transaction, reconciled, and recognised when
// imported again.
func TestImportBankHundredThousandLines(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	f := mustCreate(t)
	const n = 100_000
	lines := make([]store.BankLine, n)
	bal := int64(0)
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range lines {
		amt := int64(i%50000 + 1)
		if i%3 == 0 && bal > amt {
			amt = -amt
		}
		bal += amt
		lines[i] = store.BankLine{Row: i + 2, Date: day.AddDate(0, 0, i/60).Format(ledger.DateLayout), Amount: ledger.Fen(amt),
			Balance: ledger.Fen(bal), HasBalance: true, Reference: fmt.Sprintf("R%07d", i), Counterparty: "业主", Summary: "物业费"}
	}
	start := time.Now()
	res, err := f.s.ImportBank(store.ImportSource{Name: "big.csv"}, ledger.BookPublic, lines)
	if err != nil || res.Created != n {
		t.Fatalf("%+v %v", res, err)
	}
	t.Logf("100,000 bank lines imported in %s", time.Since(start).Round(time.Millisecond))
	start = time.Now()
	rec, err := f.s.Reconcile(ledger.BookPublic, "2030-12-31", store.ReconcileOptions{})
	if err != nil || rec.BankLines != n || rec.BankBalance != ledger.Fen(bal) {
		t.Fatalf("%v %+v", err, rec.BankBalance)
	}
	t.Logf("reconciled in %s", time.Since(start).Round(time.Millisecond))
	head, _ := f.s.ChainHead()
	start = time.Now()
	res, err = f.s.ImportBank(store.ImportSource{Name: "big.csv"}, ledger.BookPublic, lines)
	if h, _ := f.s.ChainHead(); err != nil || res.Created != 0 || res.Skipped != n || h != head || f.count(`SELECT count(*) FROM bank_lines`) != n {
		t.Fatalf("re-import %+v %v", res, err)
	}
	t.Logf("re-import recognised in %s", time.Since(start).Round(time.Millisecond))
	if !strings.HasPrefix(rec.From, "2024-01-01") {
		t.Errorf("from %s", rec.From)
	}
	f.verifyOK()
}
