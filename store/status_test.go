package store_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

func day(s string) time.Time {
	d, err := ledger.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Status on a small ledger, with every figure worked out by hand.
//
// Fund: deposits ¥50,000.00; a community repair of ¥35,000.00 (u1–u3 7,000.00 each, u4
// 5,600.00, u5 8,400.00) leaves exactly 30%; a building-B repair of ¥2,037.04 (u4 814.82 —
// it has the larger remainder, .6 against .4 —, u5 1,222.22) takes it to ¥12,962.96:
// 25.9259…%, shown "25.92" (rounded down, not "25.93").
//
//	unit  balance   initial    ratio   below
//	u1    3000.01   10000.01   30.00   no   (30.00007%)
//	u2    2999.99    9999.99   29.99   yes  (29.99999%: shown 29.99, never 30.00)
//	u3    3000.00   10000.00   30.00   no   (exactly 30%)
//	u4    1585.18    8000.00   19.81   yes
//	u5    2377.78   12000.00   19.81   yes
//	A     9000.00   30000.00   30.00   no
//	B     3962.96   20000.00   19.81   yes
func TestStatus(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	all := f.project(store.ProjectInput{Name: "屋面", ScopeKind: "community"}, true, "35000.00")
	bOnly := f.project(store.ProjectInput{Name: "2号楼外墙", ScopeKind: "buildings", BuildingIDs: []int64{f.bB}}, true, "2037.04")
	if _, err := f.s.PostProjectExpense(all, "2024-02-01", m("35000.00"), "屋面维修", nil); err != nil {
		t.Fatal(err)
	}
	if cs, _ := f.s.ReplenishmentCases(); len(cs) != 0 {
		t.Fatal("case opened at exactly 30%")
	}
	if _, err := f.s.PostProjectExpense(bOnly, "2024-03-01", m("2037.04"), "外墙维修", nil); err != nil {
		t.Fatal(err)
	}

	st, err := f.s.Status(day("2024-03-31"), true)
	if err != nil {
		t.Fatal(err)
	}
	if st.Community != "测试小区" || st.Today != "2024-03-31" {
		t.Errorf("community %q today %q", st.Community, st.Today)
	}
	fs := st.Fund
	if fs.Balance != m("12962.96") || fs.Initial != m("50000.00") || fs.Ratio != "25.92" || !fs.Below || fs.Threshold != "30" {
		t.Errorf("fund %+v", fs)
	}
	if st.Books[ledger.BookFund] != m("12962.96") || !st.Books[ledger.BookPublic].IsZero() || !st.Books[ledger.BookWorking].IsZero() {
		t.Errorf("books %v", st.Books)
	}
	if st.Replenishment == nil || st.Replenishment.TriggerDate != "2024-03-01" || st.Replenishment.DecisionDeadline != "2024-05-30" {
		t.Errorf("replenishment %+v", st.Replenishment)
	}
	wantUnits := []struct{ bal, ratio string }{{"3000.01", "30.00"}, {"2999.99", "29.99"}, {"3000.00", "30.00"}, {"1585.18", "19.81"}, {"2377.78", "19.81"}}
	wantBelow := []bool{false, true, false, true, true}
	if len(fs.Units) != 5 || fs.UnitsBelow != 3 {
		t.Fatalf("units %+v below %d", fs.Units, fs.UnitsBelow)
	}
	for i, u := range fs.Units {
		if u.ID != f.units[i] || u.Balance != m(wantUnits[i].bal) || u.Initial != ledger.Fen(unitInitials[i]) ||
			u.Ratio != wantUnits[i].ratio || u.Below != wantBelow[i] {
			t.Errorf("unit %d: %+v, want balance %s ratio %s below %v", i+1, u, wantUnits[i].bal, wantUnits[i].ratio, wantBelow[i])
		}
	}
	if fs.Units[0].Name != "1号-101" {
		t.Errorf("unit name %q", fs.Units[0].Name)
	}
	if len(fs.Buildings) != 2 || fs.BuildingsBelow != 1 {
		t.Fatalf("buildings %+v below %d", fs.Buildings, fs.BuildingsBelow)
	}
	a, b := fs.Buildings[0], fs.Buildings[1]
	if a.ID != f.bA || a.Name != "1号" || a.Balance != m("9000.00") || a.Initial != m("30000.00") || a.Ratio != "30.00" || a.Below {
		t.Errorf("building A %+v", a)
	}
	if b.ID != f.bB || b.Balance != m("3962.96") || b.Initial != m("20000.00") || b.Ratio != "19.81" || !b.Below {
		t.Errorf("building B %+v", b)
	}
	// without units the counts stay, the list goes
	if st2, _ := f.s.Status(day("2024-03-31"), false); len(st2.Fund.Units) != 0 || st2.Fund.UnitsBelow != 3 {
		t.Errorf("without units: %d listed, %d below", len(st2.Fund.Units), st2.Fund.UnitsBelow)
	}
	// A threshold finer than six decimals is counted unit by unit in Go rather than in SQL's
	// integers: at 30.00001% u3's exact 30% is below it, u1's 30.00007% still is not.
	c, err := f.s.Community()
	if err != nil {
		t.Fatal(err)
	}
	c.Policy.ReplenishThreshold = decimal.RequireFromString("0.3000001")
	if err := f.s.UpdateCommunity(c); err != nil {
		t.Fatal(err)
	}
	for _, withUnits := range []bool{false, true} {
		if st3, _ := f.s.Status(day("2024-03-31"), withUnits); st3.Fund.UnitsBelow != 4 {
			t.Errorf("threshold 30.00001%%, with units %v: %d below, want 4", withUnits, st3.Fund.UnitsBelow)
		}
	}
	c.Policy.ReplenishThreshold = decimal.RequireFromString("0.30")
	if err := f.s.UpdateCommunity(c); err != nil {
		t.Fatal(err)
	}

	// Public income by quarter under the statute. Q2: income 1,000.00 and a tax deduction of
	// 100.00 → net 900.00, required strictly more than half: 450.01; 300.00 transferred → short
	// 150.01, overdue since 2024-07-31 (30 days' grace). Q3: income 200.00 → required 100.01,
	// none transferred → short 100.01, due by 2024-10-30.
	f.publicIncome("2024-04-02", "1000.00")
	f.post(store.VoucherInput{Book: ledger.BookPublic, Date: "2024-04-03", Summary: "税费",
		Lines: []store.LineInput{line("5001", "100.00"), line("1001", "-100.00")}})
	if _, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-05-01", Amount: m("300.00")}); err != nil {
		t.Fatal(err)
	}
	f.publicIncome("2024-07-10", "200.00")
	if _, err := f.s.AddDisclosure(store.Disclosure{Book: ledger.BookPublic, Period: ledger.Period{From: "2024-01-01", To: "2024-03-31"},
		PublishedOn: "2024-04-10", Place: "小区公告栏"}); err != nil {
		t.Fatal(err)
	}

	st, err = f.s.Status(day("2024-10-15"), false)
	if err != nil {
		t.Fatal(err)
	}
	if st.Books[ledger.BookPublic] != m("800.00") || st.Books[ledger.BookFund] != m("13262.96") || st.Fund.Ratio != "26.52" {
		t.Errorf("books %v ratio %s", st.Books, st.Fund.Ratio)
	}
	want := []store.QuarterStatus{
		{Quarter: "2024Q2", Income: m("1000.00"), Deductions: m("100.00"), Net: m("900.00"), SubjectNet: m("900.00"), Required: m("450.01"),
			Done: m("300.00"), Settled: m("300.00"), Short: m("150.01"), DueBy: "2024-07-30", Overdue: true},
		{Quarter: "2024Q3", Income: m("200.00"), Net: m("200.00"), SubjectNet: m("200.00"), Required: m("100.01"), Short: m("100.01"), DueBy: "2024-10-30"},
	}
	if len(st.Quarters) != len(want) {
		t.Fatalf("quarters %+v", st.Quarters)
	}
	for i := range want {
		if st.Quarters[i] != want[i] {
			t.Errorf("quarter %d: %+v\n             want %+v", i, st.Quarters[i], want[i])
		}
	}
	if st.Outstanding != m("250.02") {
		t.Errorf("outstanding %s, want 250.02", st.Outstanding)
	}
	// as of an earlier day, later postings do not count
	if st2, _ := f.s.Status(day("2024-04-30"), false); st2.Outstanding != m("450.01") || len(st2.Quarters) != 1 {
		t.Errorf("on 2024-04-30: outstanding %s, %d quarters", st2.Outstanding, len(st2.Quarters))
	}

	// R7 on 2024-10-15 (books from 2024-01-01, 30 days' grace): fund H1 overdue; public Q1 was
	// disclosed, Q2 overdue, Q3 due 10-30; working Q1 and Q2 overdue, Q3 due; no audit yet.
	type due struct {
		kind    string
		book    ledger.Book
		from    string
		due     string
		overdue bool
	}
	wantDue := []due{
		{"disclosure", ledger.BookFund, "2024-01-01", "2024-07-30", true},
		{"disclosure", ledger.BookPublic, "2024-04-01", "2024-07-30", true},
		{"disclosure", ledger.BookPublic, "2024-07-01", "2024-10-30", false},
		{"disclosure", ledger.BookWorking, "2024-01-01", "2024-04-30", true},
		{"disclosure", ledger.BookWorking, "2024-04-01", "2024-07-30", true},
		{"disclosure", ledger.BookWorking, "2024-07-01", "2024-10-30", false},
	}
	if len(st.Due) != len(wantDue) {
		t.Fatalf("due %+v", st.Due)
	}
	for i, d := range st.Due {
		w := wantDue[i]
		if d.Kind != w.kind || d.Book != w.book || d.Period.From != w.from || d.Due != w.due || d.Overdue != w.overdue {
			t.Errorf("due %d: %+v, want %+v", i, d, w)
		}
	}
	head, _ := f.s.ChainHead()
	if st.Chain != head {
		t.Errorf("status chain %v, head %v", st.Chain, head)
	}

	// the 2024 audit is due by 2025-06-30; an audit of only two books does not cover it
	audits := func(today string) []ledger.DueItem {
		st, err := f.s.Status(day(today), false)
		if err != nil {
			t.Fatal(err)
		}
		var out []ledger.DueItem
		for _, d := range st.Due {
			if d.Kind == "audit" {
				out = append(out, d)
			}
		}
		return out
	}
	if a := audits("2025-06-30"); len(a) != 1 || a[0].Year != 2024 || a[0].Due != "2025-06-30" || a[0].Overdue {
		t.Errorf("audits on 2025-06-30: %+v", a)
	}
	if a := audits("2025-07-01"); len(a) != 1 || !a[0].Overdue {
		t.Errorf("audits on 2025-07-01: %+v", a)
	}
	if _, err := f.s.AddAudit(store.Audit{Year: 2024, Books: []ledger.Book{ledger.BookFund, ledger.BookPublic}, Firm: "某会计师事务所", ReportOn: "2025-05-20"}); err != nil {
		t.Fatal(err)
	}
	if a := audits("2025-07-01"); len(a) != 1 {
		t.Errorf("an audit of two books covered the year: %+v", a)
	}
	// an audit engaged but not reported does not count
	if _, err := f.s.AddAudit(store.Audit{Year: 2024, Books: []ledger.Book{ledger.BookWorking}, Firm: "另一家事务所"}); err != nil {
		t.Fatal(err)
	}
	if a := audits("2025-07-01"); len(a) != 1 {
		t.Errorf("an audit without a report covered the year: %+v", a)
	}
	// a second firm's reported audit of the third book completes the year
	if _, err := f.s.AddAudit(store.Audit{Year: 2024, Books: []ledger.Book{ledger.BookWorking}, Firm: "另一家事务所", ReportOn: "2025-06-20"}); err != nil {
		t.Fatal(err)
	}
	if a := audits("2025-07-01"); len(a) != 0 {
		t.Errorf("a year audited by two reports still due: %+v", a)
	}
	f.verifyOK()
}

// An empty ledger (no units): no ratio, nothing below, nothing owed.
func TestStatusEmptyLedger(t *testing.T) {
	f := mustCreate(t)
	st, err := f.s.Status(day("2024-01-01"), true)
	if err != nil {
		t.Fatal(err)
	}
	if st.Fund.Ratio != "0.00" || st.Fund.Below != true || st.Replenishment != nil || !st.Outstanding.IsZero() || len(st.Quarters) != 0 {
		// the fixture has units with initial amounts and no deposits: 0.00%, below
		t.Errorf("status %+v", st.Fund)
	}
	path := f.path + "-empty.jiayuan"
	s, err := store.Create(path, store.Community{Name: "空", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err = s.Status(day("2024-01-01"), true)
	if err != nil {
		t.Fatal(err)
	}
	if st.Fund.Ratio != "" || st.Fund.Below || len(st.Fund.Buildings) != 0 || len(st.Due) != 0 {
		t.Errorf("empty ledger status %+v due %+v", st.Fund, st.Due)
	}
}
