package store_test

import (
	"strings"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// The report queries on the fixture, each figure worked out by hand (see helpers_test.go):
//
//	2024-01-05 首期交存 of every unit: ¥50,000.00 (u1 10,000.01, u2 9,999.99, u3 10,000.00,
//	           u4 8,000.00, u5 12,000.00)
//	2024-02-29 roof repair ¥35,000.00 over the community by area (100,100,100,80,120 of 500):
//	           u1 7,000.00, u2 7,000.00, u3 7,000.00, u4 5,600.00, u5 8,400.00
//	2024-03-01 repair ¥0.01 more: the fund is below 30%, a case opens
//	2024-04-01 the owners' decision (dues: 50% of initial, one payment), 2024-04-10 u1 pays its due
//	2024-07-01 bank charge ¥12.34 (not split over the units)
//	public book: income ¥1,000.00 on 2024-02-10 and ¥500.00 on 2024-05-10, audit fee ¥300.00
//	           on 2024-05-20 after transferring the R2 share
type reportFixture struct {
	*fixture
	project int64
	caseID  int64
}

func newReportFixture(t *testing.T) *reportFixture {
	f := &reportFixture{fixture: mustCreate(t)}
	f.depositAll("2024-01-05")
	f.project = f.project2()
	if _, err := f.s.PostProjectExpense(f.project, "2024-02-29", m("35000.00"), "屋面大修 一期", nil); err != nil {
		t.Fatal(err)
	}
	f.publicIncome("2024-02-10", "1000.00")
	if _, err := f.s.PostProjectExpense(f.project, "2024-03-01", m("0.01"), "屋面大修 二期", nil); err != nil {
		t.Fatal(err)
	}
	cs, err := f.s.ReplenishmentCases()
	if err != nil || len(cs) != 1 {
		t.Fatalf("cases %v %v", cs, err)
	}
	f.caseID = cs[0].ID
	// the statute's order: before day 91 only the owners' decision can set dues
	if _, vc, err := f.s.RecordReplenishmentDecision(f.caseID, store.VoteInput{Title: "续筹决定", Date: "2024-04-01",
		PartArea: 50000, PartOwners: 4, AgreeArea: 50000, AgreeOwners: 4}, nil); err != nil || !vc.Passed {
		t.Fatalf("decision %+v %v", vc, err)
	}
	dues, _, _ := f.s.CaseDues(f.caseID, 0, 0)
	if _, err := f.s.RecordReplenishmentPayment(f.caseID, f.units[0], "2024-04-10", dues[0].Due, "u1 续筹"); err != nil {
		t.Fatal(err)
	}
	f.publicIncome("2024-05-10", "500.00")
	if _, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-05-15", Amount: m("750.00")}); err != nil {
		t.Fatal(err)
	}
	f.post(publicSpend("2024-05-20", "300.00"))
	f.post(store.VoucherInput{Book: ledger.BookFund, Date: "2024-07-01", Summary: "银行手续费",
		Lines: []store.LineInput{line("5002", "12.34"), line("1001", "-12.34")}})
	return f
}

func (f *reportFixture) project2() int64 {
	return f.fixture.project(store.ProjectInput{Name: "屋面大修", ScopeKind: "community"}, true, "40000.00")
}

func TestAccountTotalsSplitAPeriodIntoOpeningMovementAndClosing(t *testing.T) {
	f := newReportFixture(t)
	all, err := f.s.AccountTotals(ledger.BookFund, "", "")
	if err != nil {
		t.Fatal(err)
	}
	live, _ := f.s.Accounts(ledger.BookFund)
	for i, a := range all {
		if a.Code != live[i].Code || a.Closing != live[i].Balance || !a.Opening.IsZero() {
			t.Errorf("%s: all time %+v, the kept balance %s", a.Code, a, live[i].Balance)
		}
	}
	// March to June 2024: after the first deposits and the first repair.
	acc, err := f.s.AccountTotals(ledger.BookFund, "2024-03-01", "2024-06-30")
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]store.AccountPeriod{}
	for _, a := range acc {
		by[a.Code] = a
	}
	u1due := must(f.s.CaseDues(f.caseID, 0, 0))[0].Due
	bank := by["1001"]
	if bank.Opening != m("15000.00") || bank.Debit != m("750.00").Add(u1due) || bank.Credit != m("0.01") ||
		bank.Closing != m("15749.99").Add(u1due) {
		t.Errorf("bank %+v", bank)
	}
	if r := by["5001"]; r.Opening != m("35000.00") || r.Debit != m("0.01") || !r.Credit.IsZero() || r.Movement() != m("0.01") {
		t.Errorf("repairs %+v", r)
	}
	if d := by["4001"]; d.Opening != m("-50000.00") || !d.Debit.IsZero() || !d.Credit.IsZero() || d.Closing != m("-50000.00") {
		t.Errorf("deposits %+v", d)
	}
	// Every period balances: Σ debits = Σ credits, Σ openings = Σ closings = 0.
	var dr, cr, open, closing ledger.Money
	for _, a := range acc {
		dr, cr, open, closing = dr.Add(a.Debit), cr.Add(a.Credit), open.Add(a.Opening), closing.Add(a.Closing)
	}
	if dr != cr || !open.IsZero() || !closing.IsZero() {
		t.Errorf("not balanced: dr %s cr %s opening %s closing %s", dr, cr, open, closing)
	}
	if _, err := f.s.AccountTotals("cash", "", ""); ledger.KeyOf(err) != "voucher.unknown_book" {
		t.Errorf("unknown book: %v", err)
	}
	bal, err := f.s.BookBalancesAt(ledger.BookFund, []string{"2024-01-04", "2024-01-05", "2024-06-30", "2099-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	want := []ledger.Money{ledger.Zero, m("50000.00"), bank.Closing, bank.Closing.Sub(m("12.34"))}
	for i := range want {
		if bal[i] != want[i] {
			t.Errorf("balance %d = %s, want %s", i, bal[i], want[i])
		}
	}
}

func TestJournalRowsStreamAPeriodInDateOrder(t *testing.T) {
	f := newReportFixture(t)
	var rows []store.JournalRow
	err := f.s.JournalRows(ledger.BookPublic, "2024-02-01", "2024-05-31", func(r *store.JournalRow) error {
		rows = append(rows, *r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.Date+" "+r.No+" "+r.AccountCode+" "+r.Amount.String())
	}
	want := []string{
		"2024-02-10 公-2024-0001 1001 1000.00", "2024-02-10 公-2024-0001 4001 -1000.00",
		"2024-05-10 公-2024-0002 1001 500.00", "2024-05-10 公-2024-0002 4001 -500.00",
		"2024-05-15 公-2024-0003 5101 750.00", "2024-05-15 公-2024-0003 1001 -750.00",
		"2024-05-20 公-2024-0004 5201 300.00", "2024-05-20 公-2024-0004 1001 -300.00",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("journal rows:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rows[4].VoucherKind != "transfer" || rows[0].Summary != "停车费收入" || rows[1].AccountKind != ledger.KindIncome {
		t.Errorf("row details %+v", rows[:5])
	}
	n := 0
	stop := f.s.JournalRows(ledger.BookPublic, "", "", func(*store.JournalRow) error {
		n++
		return errStop
	})
	if stop != errStop || n != 1 {
		t.Errorf("fn's error stops the stream: %v after %d rows", stop, n)
	}
}

var errStop = ledger.Refuse("test.stop")

func TestUnitPeriodTotalsAreTheSubLedgerInOneQuery(t *testing.T) {
	f := newReportFixture(t)
	all, err := f.s.UnitPeriodTotals("", "", store.UnitSelect{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 5 {
		t.Fatalf("%d units", len(all))
	}
	var sum ledger.Money
	for i, u := range all {
		row, _ := f.s.UnitByID(f.units[i])
		if u.UnitID != f.units[i] || u.Closing != row.Balance {
			t.Errorf("unit %d: %+v, balance %s", i+1, u, row.Balance)
		}
		if u.Deposits.Sub(u.Repairs).Add(u.TransfersIn) != u.Closing {
			t.Errorf("unit %d does not add up: %+v", i+1, u)
		}
		sum = sum.Add(u.Closing)
	}
	// The bank charge is not split: the units hold ¥12.34 more than the fund.
	fund := f.bookBalance(ledger.BookFund)
	if sum.Fen() != fund+1234 {
		t.Errorf("units %s, fund %s", sum, ledger.Fen(fund))
	}
	// April to December for building 1号: u1 paid its due, each got a share of the transfer.
	b, err := f.s.UnitPeriodTotals("2024-04-01", "2024-12-31", store.UnitSelect{BuildingID: f.bA})
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 3 || b[0].Room != "101" || b[0].BuildingCode != "1号" || b[0].Owner != "张三" {
		t.Fatalf("building 1号: %+v", b)
	}
	due := must(f.s.CaseDues(f.caseID, 0, 0))[0].Due
	u1 := b[0]
	if u1.Opening != m("3000.01") || u1.Deposits != due || u1.TransfersIn != m("150.00") || !u1.Repairs.IsZero() || u1.Entries != 2 {
		t.Errorf("u1 April–December: %+v", u1)
	}
	one, err := f.s.UnitPeriodTotals("2024-01-01", "2024-02-29", store.UnitSelect{UnitID: f.units[4]})
	if err != nil || len(one) != 1 {
		t.Fatal(one, err)
	}
	if u5 := one[0]; u5.Deposits != m("12000.00") || u5.Repairs != m("8400.00") || u5.Closing != m("3600.00") || u5.Initial != m("12000.00") {
		t.Errorf("u5 to February: %+v", u5)
	}
	// The lines of the same selection, unit by unit in the same order, dates ascending.
	var lines []store.UnitLine
	if err := f.s.EachUnitLine("", "", store.UnitSelect{}, func(l *store.UnitLine) error { lines = append(lines, *l); return nil }); err != nil {
		t.Fatal(err)
	}
	perUnit := map[int64]ledger.Money{}
	last := map[int64]string{}
	order := []int64{}
	for _, l := range lines {
		if len(order) == 0 || order[len(order)-1] != l.UnitID {
			order = append(order, l.UnitID)
		}
		if l.Date < last[l.UnitID] {
			t.Errorf("unit %d lines out of date order", l.UnitID)
		}
		last[l.UnitID] = l.Date
		perUnit[l.UnitID] = perUnit[l.UnitID].Add(l.Amount)
	}
	for i, u := range all {
		if order[i] != u.UnitID || perUnit[u.UnitID] != u.Closing {
			t.Errorf("unit %d: lines add up to %s, totals %s", u.UnitID, perUnit[u.UnitID], u.Closing)
		}
	}
	if lines[0].No != "维-2024-0001" || lines[0].Summary != "首期交存" || lines[0].AccountCode != "4001" {
		t.Errorf("first line %+v", lines[0])
	}
}

func TestBuildingBalancesAtDates(t *testing.T) {
	f := newReportFixture(t)
	bs, err := f.s.BuildingBalancesAt([]string{"2024-01-04", "2024-01-31", "2024-03-31"})
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 2 || bs[0].Code != "1号" || bs[0].Units != 3 || bs[0].Initial != m("30000.00") || bs[1].Initial != m("20000.00") {
		t.Fatalf("%+v", bs)
	}
	// 1号: 30,000.00 deposited, 21,000.00 of the first repair; the 0.01 of the second falls on u5 (2号).
	want := [][]string{{"0.00", "30000.00", "9000.00"}, {"0.00", "20000.00", "5999.99"}}
	for i, b := range bs {
		for k, w := range want[i] {
			if b.Balances[k] != m(w) {
				t.Errorf("%s at %d: %s, want %s", b.Code, k, b.Balances[k], w)
			}
		}
	}
}

func TestProjectExpensesAndSharesAddUp(t *testing.T) {
	f := newReportFixture(t)
	vs, err := f.s.ProjectExpenses(f.project, "", "")
	if err != nil || len(vs) != 2 {
		t.Fatalf("%+v %v", vs, err)
	}
	if vs[0].Amount != m("35000.00") || vs[1].Amount != m("0.01") || vs[0].No != "维-2024-0002" {
		t.Errorf("vouchers %+v", vs)
	}
	shares, err := f.s.ProjectShares(f.project, "", "")
	if err != nil || len(shares) != 5 {
		t.Fatal(shares, err)
	}
	var sum ledger.Money
	for _, s := range shares {
		sum = sum.Add(s.Amount)
	}
	p, _ := f.s.Project(f.project)
	if sum != p.Charged || shares[4].Amount != m("8400.01") || shares[0].AreaCM2 != 10000 {
		t.Errorf("shares %+v add up to %s, charged %s", shares, sum, p.Charged)
	}
	feb, _ := f.s.ProjectShares(f.project, "2024-02-01", "2024-02-29")
	if feb[4].Amount != m("8400.00") {
		t.Errorf("February's share of u5 %s", feb[4].Amount)
	}
	ids, _ := f.s.ProjectsInPeriod("2024-03-01", "2024-03-31")
	none, _ := f.s.ProjectsInPeriod("2024-06-01", "2024-12-31")
	if len(ids) != 1 || ids[0] != f.project || len(none) != 0 {
		t.Errorf("projects in March %v, in the second half %v", ids, none)
	}
}

func TestCaseByBuildingAddsUpToTheCase(t *testing.T) {
	f := newReportFixture(t)
	cs, err := f.s.ReplenishmentCases()
	if err != nil {
		t.Fatal(err)
	}
	c := cs[0]
	bs, err := f.s.CaseByBuilding(c.ID, "")
	if err != nil || len(bs) != 2 {
		t.Fatal(bs, err)
	}
	var due, paid ledger.Money
	units := 0
	for _, b := range bs {
		due, paid, units = due.Add(b.Due), paid.Add(b.Paid), units+b.Units
	}
	if due != c.Due || paid != c.Paid || units != c.Units || bs[0].PaidUnits != 1 || bs[1].PaidUnits != 0 {
		t.Errorf("by building %+v, case %+v", bs, c)
	}
	before, _ := f.s.CaseByBuilding(c.ID, "2024-04-09")
	if !before[0].Paid.IsZero() {
		t.Errorf("paid before the payment: %+v", before)
	}
}

func TestAttachmentRefsNameTheirVouchers(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	a, err := f.s.AddAttachment("回单.pdf", []byte("slip"))
	if err != nil {
		t.Fatal(err)
	}
	loose, _ := f.s.AddAttachment("未用.txt", []byte("loose"))
	v := f.post(store.VoucherInput{Book: ledger.BookFund, Date: "2024-03-01", Summary: "手续费", AttachmentIDs: []int64{a.ID},
		Lines: []store.LineInput{line("5002", "1.00"), line("1001", "-1.00")}})
	refs, err := f.s.AttachmentRefs("2024-01-01", "2024-12-31")
	if err != nil || len(refs) != 2 {
		t.Fatalf("%+v %v", refs, err)
	}
	if r := refs[0]; r.ID != a.ID || r.VoucherID != v.ID || r.VoucherNo != v.No || r.VoucherDate != "2024-03-01" || r.SHA256 != a.SHA256 {
		t.Errorf("voucher attachment %+v", r)
	}
	if r := refs[1]; r.ID != loose.ID || r.VoucherID != 0 || r.Entity != "" {
		t.Errorf("unbound attachment %+v", r)
	}
	if refs, _ := f.s.AttachmentRefs("2025-01-01", "2025-12-31"); len(refs) != 1 {
		t.Errorf("another year lists %+v", refs)
	}
}
