package store_test

import (
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// at30 deposits exactly 30% of every unit's initial amount but the fen given: Σ = ¥15,000.00 −
// short, against Σ initial ¥50,000.00.
func (f *fixture) at30(short string) {
	f.t.Helper()
	f.deposit("2024-01-05", m("3000.00"), m("3000.00"), m("3000.00"), m("2400.00"), m("3600.00").Sub(m(short)))
}

// mustCreateNational is a ledger under the national policy list's R2 rule (at least 50% of
// income recognised while the fund is below 30%), the rule ledgers made before the statute
// became the default keep. The tests in this file are about that rule; the statute's are in
// r2_statute_test.go.
func mustCreateNational(t *testing.T) *fixture {
	t.Helper()
	f := mustCreate(t)
	c, err := f.s.Community()
	if err != nil {
		t.Fatal(err)
	}
	c.Policy = ledger.LegacyTransferPolicy(c.Policy)
	if err := f.s.UpdateCommunity(c); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) outstanding(today string) ledger.Money {
	f.t.Helper()
	d, _ := ledger.ParseDate(today)
	st, err := f.s.Status(d, false)
	if err != nil {
		f.t.Fatal(err)
	}
	return st.Outstanding
}

func TestR2NoObligationAtExactly30Percent(t *testing.T) {
	f := mustCreateNational(t)
	f.at30("0.00")
	st, _ := f.s.Status(time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), false)
	if st.Fund.Ratio != "30.00" || st.Fund.Below {
		t.Fatalf("fund ratio %s below=%v, want 30.00 and not below", st.Fund.Ratio, st.Fund.Below)
	}
	inc := f.publicIncome("2024-04-02", "1000.00")
	if !inc.R2Net.IsZero() {
		t.Errorf("income at exactly 30%% carries R2 net %s, want none", inc.R2Net)
	}
	if o := f.outstanding("2024-04-30"); !o.IsZero() {
		t.Errorf("outstanding %s, want 0", o)
	}
	f.post(publicSpend("2024-04-03", "100.00"))
	if _, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookWorking, Date: "2024-04-04", Amount: m("100.00"), ResolutionID: f.allocRes()}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.ClosePeriod(ledger.BookPublic, "2024Q2", "2024-07-01"); err != nil {
		t.Fatal(err)
	}
	if cs, _ := f.s.ReplenishmentCases(); len(cs) != 0 {
		t.Errorf("a fund at exactly 30%% opened a replenishment case: %+v", cs)
	}
	f.verifyOK()
}

func TestR2ObligationOneFenBelow(t *testing.T) {
	f := mustCreateNational(t)
	f.at30("0.01") // ¥14,999.99
	inc := f.publicIncome("2024-04-02", "1000.00")
	if inc.R2Net != m("1000.00") {
		t.Fatalf("R2 net %s, want 1000.00", inc.R2Net)
	}
	if o := f.outstanding("2024-04-02"); o != m("500.00") {
		t.Fatalf("outstanding %s, want 500.00", o)
	}
	f.allocRes() // recorded before the refusals, which must leave the file unchanged
	// the ¥500.00 owed is ring-fenced (issue 11: spending is refused only when it would bring
	// the bank balance of ¥1,000.00 below what is owed; before, any spending was refused while
	// anything was owed): of either kind, one fen too much is refused
	f.refusePost("r2.ring_fenced", publicSpend("2024-04-03", "500.01"))
	f.refusePost("r2.ring_fenced", store.VoucherInput{Book: ledger.BookPublic, Date: "2024-04-03", Summary: "手续费",
		Lines: []store.LineInput{line("5301", "500.01"), line("1001", "-500.01")}})
	f.refuse("r2.ring_fenced", func() error {
		_, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookWorking, Date: "2024-04-03", Amount: m("500.01"), ResolutionID: f.allocRes()})
		return err
	})
	f.post(store.VoucherInput{Book: ledger.BookPublic, Date: "2024-04-03", Summary: "手续费",
		Lines: []store.LineInput{line("5301", "0.50"), line("1001", "-0.50")}})
	// receiving income, deducting and transferring to the fund are not "other spending"
	if _, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-04-04", Amount: m("499.99")}); err != nil {
		t.Fatal(err)
	}
	// bank ¥500.01, owed ¥0.01: ¥500.00 may still be spent, not a fen more
	f.refusePost("r2.ring_fenced", publicSpend("2024-04-05", "500.01"))
	if o := f.outstanding("2024-04-05"); o != m("0.01") {
		t.Fatalf("outstanding %s, want 0.01", o)
	}
	if _, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-04-05", Amount: m("0.01")}); err != nil {
		t.Fatal(err)
	}
	f.post(publicSpend("2024-04-06", "100.00"))
	if _, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookWorking, Date: "2024-04-06", Amount: m("399.50"), ResolutionID: f.allocRes()}); err != nil {
		t.Fatal(err)
	}
	// the fund is back above 30%: new income owes nothing
	inc2 := f.publicIncome("2024-04-07", "1000.00")
	if !inc2.R2Net.IsZero() {
		t.Errorf("income after the fund recovered carries R2 net %s", inc2.R2Net)
	}
	f.verifyOK()
}

// The required share is rounded up to the fen: 50% of ¥100.01 requires ¥50.01.
func TestR2RequiredRoundsUp(t *testing.T) {
	f := mustCreateNational(t)
	f.at30("0.01")
	f.publicIncome("2024-04-02", "100.01")
	if o := f.outstanding("2024-04-02"); o != m("50.01") {
		t.Fatalf("outstanding %s, want 50.01", o)
	}
	if _, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-04-04", Amount: m("50.00")}); err != nil {
		t.Fatal(err)
	}
	// bank ¥50.01, owed ¥0.01
	f.refusePost("r2.ring_fenced", publicSpend("2024-04-05", "50.01"))
	f.post(publicSpend("2024-04-05", "50.00"))
}

// Deductions (tax, labour, management cost) reduce the net income the share applies to.
func TestR2NetOfDeductions(t *testing.T) {
	f := mustCreateNational(t)
	f.at30("0.01")
	f.post(store.VoucherInput{Book: ledger.BookPublic, Date: "2024-04-02", Summary: "广告收入（扣税）",
		Lines: []store.LineInput{line("1001", "940.00"), line("5001", "60.00"), line("4002", "-1000.00")}})
	if o := f.outstanding("2024-04-02"); o != m("470.00") {
		t.Fatalf("outstanding %s, want 470.00 (50%% of net 940.00)", o)
	}
}

func TestR2QuarterCannotCloseWithShortfall(t *testing.T) {
	f := mustCreateNational(t)
	f.at30("0.01")
	f.publicIncome("2024-04-02", "1000.00")
	f.refuse("r2.close_shortfall", func() error { return f.s.ClosePeriod(ledger.BookPublic, "2024Q2", "2024-07-01") })
	if _, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-06-30", Amount: m("499.98")}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-07-01", Amount: m("0.01")}); err != nil {
		t.Fatal(err)
	}
	f.refuse("r2.close_shortfall", func() error { return f.s.ClosePeriod(ledger.BookPublic, "2024Q2", "2024-07-02") })
	// a transfer made after the quarter's end, once its statement is in, counts for it (issue
	// 11; before, only transfers dated within the quarter did)
	if _, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-07-02", Amount: m("0.01")}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.ClosePeriod(ledger.BookPublic, "2024Q2", "2024-07-02"); err != nil {
		t.Fatalf("close once transferred: %v", err)
	}
	// the closed quarter refuses postings: income, spending, a transfer, a reversal
	f.refusePost("period.closed", store.VoucherInput{Book: ledger.BookPublic, Date: "2024-06-30", Summary: "停车费",
		Lines: []store.LineInput{line("1001", "1.00"), line("4001", "-1.00")}})
	f.refusePost("period.closed", publicSpend("2024-05-01", "1.00"))
	f.refuse("period.closed", func() error {
		_, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-04-01", Amount: m("1.00")})
		return err
	})
	d, _ := ledger.ParseDate("2024-07-02")
	st, _ := f.s.Status(d, false)
	if len(st.Quarters) != 2 || !st.Quarters[0].Closed || st.Quarters[0].Quarter != "2024Q2" || st.Quarters[1].Closed {
		t.Errorf("quarters %+v", st.Quarters)
	}
	f.verifyOK()
}

// An income recognised in error and reversed in the next quarter: R2 attributes the reversal's
// negative net income to the quarter of the reversal, where (clamped at zero) it cancels
// nothing, so the erroneous income's transfer stays required. This documents the behaviour.
func TestR2ReversalInLaterQuarterKeepsObligation(t *testing.T) {
	f := mustCreateNational(t)
	f.at30("0.01")
	inc := f.publicIncome("2024-06-29", "1000.00")
	if _, err := f.s.Reverse(inc.ID, "2024-07-02", "录错"); err != nil {
		t.Fatal(err)
	}
	got := f.outstanding("2024-07-02")
	t.Logf("outstanding after reversing the only income in the next quarter: %s", got)
	if got != m("500.00") {
		t.Errorf("behaviour changed: outstanding %s (was 500.00); update this test and the report", got)
	}
	// reversed within the same quarter, the obligation goes away
	f2 := mustCreateNational(t)
	f2.at30("0.01")
	inc2 := f2.publicIncome("2024-06-28", "1000.00")
	if _, err := f2.s.Reverse(inc2.ID, "2024-06-29", "录错"); err != nil {
		t.Fatal(err)
	}
	if o := f2.outstanding("2024-06-30"); !o.IsZero() {
		t.Errorf("outstanding %s after a same-quarter reversal, want 0", o)
	}
}

// R2 checks what is outstanding, and the bank balance, as of the spending voucher's date, so a
// spending dated before the income that created the obligation passes while the transfer is
// in fact outstanding. This documents the behaviour; see the report.
func TestR2BackdatedSpendingPasses(t *testing.T) {
	f := mustCreateNational(t)
	f.at30("0.01")
	f.publicIncome("2024-04-02", "1000.00")
	f.refusePost("r2.ring_fenced", publicSpend("2024-04-03", "600.00"))
	_, err := f.s.PostVoucher(publicSpend("2024-04-01", "600.00"))
	t.Logf("spending dated the day before the income, posted after it: %v", err)
	if err != nil {
		t.Errorf("behaviour changed (now %v): update this test and the report", err)
	}
}
