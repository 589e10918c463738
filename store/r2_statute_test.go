package store_test

import (
	"errors"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// at33 deposits 33% of every unit's initial amount: Σ ¥16,500.00 against ¥50,000.00.
func (f *fixture) at33() {
	f.t.Helper()
	f.deposit("2024-01-05", m("3300.00"), m("3300.00"), m("3300.00"), m("2640.00"), m("3960.00"))
}

func (f *fixture) quarter(today, q string) store.QuarterStatus {
	f.t.Helper()
	st, err := f.s.Status(day(today), false)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, x := range st.Quarters {
		if x.Quarter == q {
			return x
		}
	}
	f.t.Fatalf("no quarter %s in %+v", q, st.Quarters)
	return store.QuarterStatus{}
}

func (f *fixture) toFund(date, amount string, building int64) {
	f.t.Helper()
	if _, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: date, Amount: m(amount), BuildingID: building}); err != nil {
		f.t.Fatal(err)
	}
}

// The statute's worked figures in a ledger: the fund at 33% (above the national list's 30%)
// and still the quarter owes strictly more than half of its net income.
func TestR2StatuteWorkedFiguresInALedger(t *testing.T) {
	f := mustCreate(t)
	f.at33()
	if st, _ := f.s.Status(day("2024-07-01"), false); st.Fund.Ratio != "33.00" {
		t.Fatalf("fund ratio %s", st.Fund.Ratio)
	}
	inc := f.publicIncome("2024-08-15", "13168.32")
	if inc.R2Net != m("13168.32") {
		t.Fatalf("R2 net %s: the statute binds whatever the fund's level", inc.R2Net)
	}
	q := f.quarter("2024-09-30", "2024Q3")
	if q.Required != m("6584.17") || q.Short != m("6584.17") || q.DueBy != "2024-10-30" || q.Overdue {
		t.Fatalf("Q3 %+v", q)
	}
	// two incomes in a quarter make one requirement: ¥60.00 + ¥40.01 → ¥50.01, not 30.01 + 20.01
	f.publicIncome("2024-10-02", "60.00")
	f.publicIncome("2024-11-20", "40.01")
	if q4 := f.quarter("2024-12-31", "2024Q4"); q4.Required != m("50.01") || q4.Net != m("100.01") {
		t.Fatalf("Q4 %+v", q4)
	}
	// a quarter with only a deduction owes nothing
	f.post(store.VoucherInput{Book: ledger.BookPublic, Date: "2025-01-10", Summary: "税费",
		Lines: []store.LineInput{line("5001", "10.00"), line("1001", "-10.00")}})
	if q1 := f.quarter("2025-03-31", "2025Q1"); !q1.Required.IsZero() || !q1.Short.IsZero() {
		t.Fatalf("2025Q1 %+v", q1)
	}
	f.verifyOK()
}

// Ring-fencing: spending is refused only when it would bring the public bank balance below
// what is owed, and the refusal says how much is owed and how much may still be spent.
func TestR2StatuteRingFence(t *testing.T) {
	f := mustCreate(t)
	f.publicIncome("2024-04-02", "1000.00") // owed ¥500.01
	before := f.fingerprint()
	_, err := f.s.PostVoucher(publicSpend("2024-04-03", "500.00"))
	var e *ledger.Error
	if !errors.As(err, &e) || e.Key != "r2.ring_fenced" {
		t.Fatalf("want r2.ring_fenced, got %v", err)
	}
	if e.Args["owed"] != "500.01" || e.Args["free"] != "499.99" {
		t.Fatalf("args %v", e.Args)
	}
	if f.fingerprint() != before {
		t.Fatal("a ring-fenced spending changed the file")
	}
	res := f.allocRes() // recorded before the refusal, which must leave the file unchanged
	f.refuse("r2.ring_fenced", func() error {
		_, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookWorking, Date: "2024-04-03", Amount: m("500.00"), ResolutionID: res})
		return err
	})
	f.post(publicSpend("2024-04-03", "499.99")) // down to exactly what is owed
	f.refusePost("r2.ring_fenced", publicSpend("2024-04-04", "0.01"))
	f.toFund("2024-04-05", "500.01", 0) // the transfer itself is never refused
	// one requirement for the quarter: ¥1,010.00 owes ¥505.01, of which ¥5.00 is still owed
	f.publicIncome("2024-04-06", "10.00")
	f.refusePost("r2.ring_fenced", publicSpend("2024-04-07", "5.01"))
	f.post(publicSpend("2024-04-07", "5.00"))
	f.verifyOK()
}

// The third quarter's transfer is made in October, after the property company's statement: it
// counts for the third quarter, which closes; without it the quarter is overdue after its grace
// days and cannot close.
func TestR2StatuteTransferAfterTheQuarterCountsForIt(t *testing.T) {
	f := mustCreate(t)
	f.publicIncome("2024-09-30", "13168.32")
	if q := f.quarter("2024-10-30", "2024Q3"); q.Overdue {
		t.Fatalf("within grace: %+v", q)
	}
	if q := f.quarter("2024-10-31", "2024Q3"); !q.Overdue || q.Short != m("6584.17") {
		t.Fatalf("the day after grace: %+v", q)
	}
	f.refuse("r2.close_shortfall", func() error { return f.s.ClosePeriod(ledger.BookPublic, "2024Q3", "2024-10-08") })
	f.toFund("2024-10-08", "6584.16", 0)
	f.refuse("r2.close_shortfall", func() error { return f.s.ClosePeriod(ledger.BookPublic, "2024Q3", "2024-10-08") })
	f.toFund("2024-10-09", "0.01", 0)
	if err := f.s.ClosePeriod(ledger.BookPublic, "2024Q3", "2024-10-09"); err != nil {
		t.Fatal(err)
	}
	q := f.quarter("2024-12-31", "2024Q3")
	if !q.Closed || !q.Short.IsZero() || q.Settled != m("6584.17") || !q.Done.IsZero() || q.Overdue {
		t.Fatalf("closed Q3 %+v", q)
	}
	f.verifyOK()
}

// Public income owned by one building's owners: its requirement is settled only by a transfer
// for that building, whose fund side is split among that building's units only.
func TestR2BuildingOwnedIncome(t *testing.T) {
	f := mustCreate(t)
	f.publicIncome("2024-04-02", "100.00") // the community's: ¥50.01
	ads := f.post(store.VoucherInput{Book: ledger.BookPublic, Date: "2024-04-03", Summary: "2号楼电梯广告", BuildingID: f.bB,
		Lines: []store.LineInput{line("1001", "60.00"), line("4002", "-60.00")}})
	f.post(store.VoucherInput{Book: ledger.BookPublic, Date: "2024-05-03", Summary: "2号楼电梯广告", BuildingID: f.bB,
		Lines: []store.LineInput{line("1001", "40.01"), line("4002", "-40.01")}})
	if ads.BuildingID != f.bB {
		t.Fatalf("building %d", ads.BuildingID)
	}
	if q := f.quarter("2024-06-30", "2024Q2"); q.Required != m("100.02") { // 50.01 + 50.01, one per scope
		t.Fatalf("Q2 %+v", q)
	}
	f.toFund("2024-06-10", "100.02", 0) // all of it for the community: the building's stays owed
	if q := f.quarter("2024-06-30", "2024Q2"); q.Short != m("50.01") {
		t.Fatalf("after the community's transfer: %+v", q)
	}
	_, in, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-06-11", Amount: m("50.01"), BuildingID: f.bB})
	if err != nil {
		t.Fatal(err)
	}
	if q := f.quarter("2024-06-30", "2024Q2"); !q.Short.IsZero() {
		t.Fatalf("after the building's transfer: %+v", q)
	}
	shares := f.unitEntries(in.ID)
	var sum int64
	for _, u := range f.units[:3] {
		if shares[u] != 0 {
			t.Fatalf("unit %d of building 1 got %d of building 2's income", u, shares[u])
		}
	}
	for _, u := range f.units[3:] {
		if shares[u] <= 0 {
			t.Fatalf("unit %d of building 2 got nothing: %v", u, shares)
		}
		sum += shares[u]
	}
	if sum != 5001 {
		t.Fatalf("building 2's units got %d fen", sum)
	}
	// a reversal keeps the scope
	rev, err := f.s.Reverse(in.ID, "2024-06-12", "录错")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range rev {
		if v.BuildingID != f.bB {
			t.Fatalf("reversal %s lost its building", v.No)
		}
	}
	if q := f.quarter("2024-06-30", "2024Q2"); q.Short != m("50.01") {
		t.Fatalf("after the reversal: %+v", q)
	}
	// the breakdown by scope: the community settled, building 2 owing its own 50.01, overdue
	// once the quarter's grace days have passed
	by, err := f.s.PublicIncomeByBuilding("2024-08-01")
	if err != nil {
		t.Fatal(err)
	}
	if len(by) != 2 || by[0].BuildingID != 0 || by[0].Net != m("100.00") || by[0].Required != m("50.01") || !by[0].Short.IsZero() {
		t.Fatalf("community %+v", by)
	}
	if b := by[1]; b.BuildingID != f.bB || b.Code == "" || b.Net != m("100.01") || b.Required != m("50.01") || !b.Settled.IsZero() ||
		b.Short != m("50.01") || !b.Overdue {
		t.Fatalf("building 2 %+v", b)
	}
	// the scope belongs to public income and its transfer only, and to a building that exists
	f.refusePost("scope.building_public_only", store.VoucherInput{Book: ledger.BookWorking, Date: "2024-06-13", Summary: "x", BuildingID: f.bB,
		Lines: []store.LineInput{line("1001", "1.00"), line("3001", "-1.00")}, Opening: true})
	f.refusePost("record.not_found", store.VoucherInput{Book: ledger.BookPublic, Date: "2024-06-13", Summary: "x", BuildingID: 999,
		Lines: []store.LineInput{line("1001", "1.00"), line("4002", "-1.00")}})
	res := f.allocRes()
	f.refuse("scope.building_public_only", func() error {
		_, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookWorking, Date: "2024-06-13", Amount: m("1.00"), BuildingID: f.bB, ResolutionID: res})
		return err
	})
	f.verifyOK()
}
