package store_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// il is an imported line: account, amount (debit positive), and optionally building and room.
func il(row int, account, amount string, unit ...string) store.ImportLine {
	l := store.ImportLine{Row: row, Account: account, Amount: m(amount)}
	if len(unit) == 2 {
		l.Building, l.Room = unit[0], unit[1]
	}
	return l
}

func iv(book ledger.Book, date, no, summary string, lines ...store.ImportLine) store.ImportVoucher {
	v := store.ImportVoucher{Book: book, Date: date, No: no, Summary: summary, Lines: lines}
	for _, l := range lines {
		if !l.Auto {
			v.Rows = append(v.Rows, l.Row)
		}
	}
	return v
}

// cites names the resolution a voucher cites (R8).
func cites(resolution string, v store.ImportVoucher) store.ImportVoucher {
	v.Resolution = resolution
	return v
}

// history is a small historical book across the three books, as ReadVouchers groups it.
func history() []store.ImportVoucher {
	auto := il(13, "1001", "-50.00")
	auto.Auto = true
	return []store.ImportVoucher{
		// listed out of date order on purpose: posted in date order
		iv(ledger.BookPublic, "2024-01-15", "记-1", "停车费", il(6, "1001", "1000.00"), il(7, "停车费收入", "-1000.00")),
		iv(ledger.BookFund, "2024-01-10", "记-1", "首期交存",
			il(2, "1001 银行存款", "30000.00"), il(3, "4001", "-10000.01", "1", "101"), il(4, "首期交存", "-9999.99", "1号", "102室"),
			il(5, "4001", "-10000.00", "1幢", "103")),
		cites("#1", iv(ledger.BookPublic, "2024-02-01", "记-2", "拨付工作经费", il(8, "5102", "300.00"), il(9, "银行存款", "-300.00"))),
		iv(ledger.BookWorking, "2024-02-01", "记-1", "收到工作经费", il(10, "1001", "300.00"), il(11, "公共收益拨入", "-300.00")),
		iv(ledger.BookWorking, "2024-02-03", "", "办公用品", il(12, "办公经费", "50.00"), auto),
	}
}

// A historical book posts through the same rules as vouchers typed in: deposits split on the
// units the rows name, a transfer between books as its pair of vouchers (the receiving side in
// the file recognised, not posted twice), a one-line voucher against the bank. A second
// import of the same file changes nothing; an overlapping file adds only what is new.
func TestImportVouchersPostThroughTheRules(t *testing.T) {
	f := mustCreate(t)
	f.allocRes() // resolution #1, which the allocation in the file cites
	res, err := f.s.ImportVouchers(store.ImportSource{Name: "book.xlsx"}, history())
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 5 || res.Transfers != 1 || res.Skipped != 0 || res.Rows != 11 || res.ImportID == 0 {
		t.Errorf("result %+v", res)
	}
	if got := f.bookBalance(ledger.BookFund); got != 3000000 {
		t.Errorf("fund %d", got)
	}
	if got := f.bookBalance(ledger.BookPublic); got != 70000 {
		t.Errorf("public %d", got)
	}
	if got := f.bookBalance(ledger.BookWorking); got != 25000 {
		t.Errorf("working %d", got)
	}
	dep := f.count(`SELECT id FROM vouchers WHERE book = 'fund' AND summary = '首期交存'`)
	if e := f.unitEntries(dep); e[f.units[0]] != 1000001 || e[f.units[1]] != 999999 || e[f.units[2]] != 1000000 || len(e) != 3 {
		t.Errorf("deposit split %v", e)
	}
	if n := f.count(`SELECT count(*) FROM vouchers WHERE kind = 'transfer'`); n != 2 {
		t.Errorf("%d transfer vouchers", n)
	}
	// numbered in date order: the fund's deposit is 基-2024-0001, parking 公-2024-0001
	if n := f.count(`SELECT number FROM vouchers WHERE book = 'public' AND date = '2024-01-15'`); n != 1 {
		t.Errorf("public voucher number %d", n)
	}
	if n := f.count(`SELECT count(*) FROM import_vouchers WHERE source_no = '记-1'`); n != 3 {
		t.Errorf("source numbers kept: %d", n)
	}
	f.verifyOK()

	again := f.unchanged(func() (store.ImportResult, error) {
		return f.s.ImportVouchers(store.ImportSource{Name: "book.xlsx"}, history())
	})
	if !again.AlreadyImported || again.PreviousAt == "" {
		t.Errorf("re-import %+v", again)
	}

	more := append(history(), iv(ledger.BookPublic, "2024-03-01", "记-3", "广告费", il(14, "1001", "80.00"), il(15, "4002", "-80.00")))
	res, err = f.s.ImportVouchers(store.ImportSource{Name: "book-q1.xlsx"}, more)
	if err != nil || res.Created != 1 || res.Skipped != 5 || res.AlreadyImported {
		t.Fatalf("overlapping file: %+v %v", res, err)
	}
	f.verifyOK()
}

// Every voucher the rules refuse is listed with its rows, and nothing is written: names that
// do not resolve are found first; then each voucher is posted in a savepoint so all refusals
// are seen, not only the first.
func TestImportVouchersRefusalsAreListedAndNothingIsWritten(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	single := il(21, "1001", "-5.00")
	single.Auto = true
	bad := []store.ImportVoucher{
		iv(ledger.BookPublic, "2024-02-01", "1", "停车费", il(2, "1001", "10.00"), il(3, "停车费收入", "-10.00")),
		iv(ledger.BookPublic, "2024-02-01", "2", "?", il(4, "1001", "10.00"), il(5, "6666", "-10.00")),
		iv(ledger.BookFund, "2024-02-01", "3", "?", il(6, "1001", "10.00"), il(7, "停车费收入", "-10.00")),
		iv(ledger.BookFund, "2024-02-01", "4", "?", il(8, "1001", "10.00"), il(9, "4001", "-10.00", "9", "901")),
		iv(ledger.BookFund, "2024-02-01", "5", "?", il(10, "1001", "10.00"), il(11, "4001", "-10.00")),
		func() store.ImportVoucher {
			v := iv(ledger.BookFund, "2024-02-01", "6", "?", il(12, "5001", "10.00"), il(13, "1001", "-10.00"))
			v.Project = "没有这个工程"
			return v
		}(),
		iv(ledger.BookPublic, "2024-02-01", "7", "?", il(14, "5101", "10.00"), il(15, "1001", "-9.00"), il(16, "5301", "-1.00")),
		iv(ledger.BookPublic, "2024-02-01", "8", "?", il(20, "1001", "5.00"), single),
	}
	ps := f.importRefused(func() (store.ImportResult, error) { return f.s.ImportVouchers(store.ImportSource{Name: "x"}, bad) })
	for _, w := range []struct {
		row int
		key string
	}{{5, "import.unknown_account"}, {7, "import.account_other_book"}, {9, "import.unknown_unit"}, {11, "import.unit_required"},
		{12, "import.unknown_project"}, {14, "import.transfer_shape"}, {20, "import.single_line_bank"}} {
		if !problemAt(ps, w.row, w.key) {
			t.Errorf("row %d: no %s in %+v", w.row, w.key, ps)
		}
	}
	if len(ps) != 7 {
		t.Errorf("%d problems %+v", len(ps), ps)
	}

	// The names resolve; the rules refuse three vouchers, each reported at its rows.
	rules := []store.ImportVoucher{
		iv(ledger.BookPublic, "2024-02-01", "1", "停车费", il(2, "1001", "10.00"), il(3, "4001", "-10.00")),
		iv(ledger.BookPublic, "2024-02-02", "2", "不平", il(4, "1001", "10.00"), il(5, "4001", "-9.99")),
		iv(ledger.BookFund, "2024-02-03", "3", "维修", il(6, "5001", "100.00"), il(7, "1001", "-100.00")),
		iv(ledger.BookPublic, "2023-12-01", "4", "建账前", il(8, "1001", "10.00"), il(9, "4001", "-10.00")),
		iv(ledger.BookWorking, "2024-02-04", "5", "透支", il(10, "5001", "10.00"), il(11, "1001", "-10.00")),
		iv(ledger.BookPublic, "2024-02-05", "6", "停车费", il(12, "1001", "10.00"), il(13, "4001", "-10.00")),
	}
	ps = f.importRefused(func() (store.ImportResult, error) { return f.s.ImportVouchers(store.ImportSource{Name: "y"}, rules) })
	for _, w := range []struct {
		row, last int
		key       string
	}{{4, 5, "voucher.unbalanced"}, {6, 7, "project.required"}, {8, 9, "voucher.before_start"}, {10, 11, "book.overdrawn"}} {
		found := false
		for _, p := range ps {
			found = found || (p.Row == w.row && p.Last == w.last && p.Err.Key == w.key)
		}
		if !found {
			t.Errorf("rows %d–%d: no %s in %+v", w.row, w.last, w.key, ps)
		}
	}
	if len(ps) != 4 {
		t.Errorf("%d problems %+v", len(ps), ps)
	}
	f.verifyOK()
}

// A repair names its project; the vote and the cost audit are checked as for a typed voucher,
// and the expense is shared over the project's units by area.
func TestImportVouchersRepairWithProject(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	pid := f.communityProject()
	v := iv(ledger.BookFund, "2024-03-01", "9", "更换水泵", il(2, "维修工程支出", "500.00"), il(3, "1001", "-500.00"))
	v.Project = "维修工程"
	res, err := f.s.ImportVouchers(store.ImportSource{Name: "r"}, []store.ImportVoucher{v})
	if err != nil || res.Created != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	vid := f.count(`SELECT id FROM vouchers WHERE project_id = ?`, pid)
	if e := f.unitEntries(vid); len(e) != 5 || e[f.units[4]] != -12000 {
		t.Errorf("apportionment %v", e)
	}
	f.verifyOK()
}

// The receiving side of a transfer without its public side is refused, until the public side
// is in the ledger: then it is recognised as already posted.
func TestImportVouchersTransferSides(t *testing.T) {
	f := mustCreate(t)
	f.publicIncome("2024-01-10", "1000.00")
	fundSide := []store.ImportVoucher{iv(ledger.BookFund, "2024-01-20", "1", "公共收益转入", il(2, "1001", "500.00"), il(3, "4004", "-500.00"))}
	ps := f.importRefused(func() (store.ImportResult, error) {
		return f.s.ImportVouchers(store.ImportSource{Name: "fund"}, fundSide)
	})
	if !problemAt(ps, 2, "import.transfer_unpaired") {
		t.Fatalf("%+v", ps)
	}
	publicSide := []store.ImportVoucher{iv(ledger.BookPublic, "2024-01-20", "1", "转入维修资金", il(2, "5101", "500.00"), il(3, "1001", "-500.00"))}
	if res, err := f.s.ImportVouchers(store.ImportSource{Name: "public"}, publicSide); err != nil || res.Created != 2 || res.Transfers != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	res := f.unchanged(func() (store.ImportResult, error) {
		return f.s.ImportVouchers(store.ImportSource{Name: "fund"}, fundSide)
	})
	if res.Skipped != 1 {
		t.Errorf("%+v", res)
	}
	f.verifyOK()
}

func TestImportVouchersDryRun(t *testing.T) {
	f := mustCreate(t)
	f.allocRes()
	before := f.fingerprint()
	res, err := f.s.ImportVouchers(store.ImportSource{Name: "d", DryRun: true}, history())
	if err != nil || res.Created != 5 || res.ImportID != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	if f.fingerprint() != before {
		t.Fatal("a dry run changed the file")
	}
}

// 100,000 rows of a historical book (50,000 vouchers over ten years) in one transaction.
// Several minutes on a loaded machine: JIAYUAN_BIG=1 runs it.
func TestImportVouchersHundredThousandRows(t *testing.T) {
	if testing.Short() || os.Getenv("JIAYUAN_BIG") == "" {
		t.Skip("set JIAYUAN_BIG=1 to post 100,000 rows")
	}
	f := mustCreate(t)
	f.depositAll("2024-01-02")
	var vs []store.ImportVoucher
	day := time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC)
	for i := 0; len(vs) < 50_000; i++ {
		d := day.AddDate(0, 0, i/14).Format(ledger.DateLayout)
		amt := ledger.Fen(int64(1000 + i%20000)).String()
		switch {
		case i%14 == 13 && i/14%30 == 0:
			vs = append(vs, iv(ledger.BookPublic, d, fmt.Sprint(i), "拨付工作经费", il(2*i, "5102", "100.00"), il(2*i+1, "1001", "-100.00")))
		case i%14 == 12 && i/14%90 == 0:
			vs = append(vs, iv(ledger.BookFund, d, fmt.Sprint(i), "利息", il(2*i, "1001", amt), il(2*i+1, "4003", "-"+amt)))
		default:
			vs = append(vs, iv(ledger.BookPublic, d, fmt.Sprint(i), "停车费", il(2*i, "1001", amt), il(2*i+1, "4001", "-"+amt)))
		}
	}
	start := time.Now()
	res, err := f.s.ImportVouchers(store.ImportSource{Name: "big"}, vs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d rows, %d vouchers posted in %s", res.Rows, res.Created, time.Since(start).Round(time.Millisecond))
	head, _ := f.s.ChainHead()
	start = time.Now()
	res, err = f.s.ImportVouchers(store.ImportSource{Name: "big"}, vs)
	if h, _ := f.s.ChainHead(); err != nil || !res.AlreadyImported || h != head {
		t.Fatalf("re-import %+v %v", res, err)
	}
	t.Logf("re-import recognised in %s", time.Since(start).Round(time.Millisecond))
}
