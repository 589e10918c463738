package store_test

import (
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

func TestRatioHistoryHasEveryQuarterEndAndAgreesWithTheBalances(t *testing.T) {
	f := mustCreate(t) // books start 2024-01-01, Σ initial ¥50,000.00
	f.at30("0.00")     // 2024-01-05: ¥15,000.00 = 30.00%
	f.post(store.VoucherInput{Book: ledger.BookFund, Date: "2024-08-01", Summary: "银行手续费",
		Lines: []store.LineInput{line("5002", "0.01"), line("1001", "-0.01")}}) // 2024Q3 ends one fen below 30%
	f.post(store.VoucherInput{Book: ledger.BookFund, Date: "2025-02-10", Summary: "利息",
		Lines: []store.LineInput{line("1001", "5000.01"), line("4003", "-5000.01")}})

	h, err := f.s.RatioHistory("2025-05-20")
	if err != nil {
		t.Fatal(err)
	}
	if h.Initial != m("50000.00") || h.Threshold != "30" {
		t.Fatalf("initial %s threshold %s", h.Initial, h.Threshold)
	}
	want := []struct{ q, date, bal, ratio string }{
		{"2024Q1", "2024-03-31", "15000.00", "30.00"},
		{"2024Q2", "2024-06-30", "15000.00", "30.00"}, // no postings: the balance carries on
		{"2024Q3", "2024-09-30", "14999.99", "29.99"},
		{"2024Q4", "2024-12-31", "14999.99", "29.99"},
		{"2025Q1", "2025-03-31", "20000.00", "40.00"},
		{"2025Q2", "2025-05-20", "20000.00", "40.00"}, // the quarter in progress ends today
	}
	if len(h.Points) != len(want) {
		t.Fatalf("%d points: %+v", len(h.Points), h.Points)
	}
	for i, w := range want {
		p := h.Points[i]
		if p.Quarter != w.q || p.Date != w.date || p.Balance != m(w.bal) || p.Ratio != w.ratio || p.Below != (w.ratio == "29.99") {
			t.Errorf("point %d = %+v, want %+v", i, p, w)
		}
		// each point is the fund's balance on its date, as Status computes it
		d, _ := ledger.ParseDate(p.Date)
		if st, err := f.s.Status(d, false); err == nil && i == len(want)-1 && st.Fund.Balance != p.Balance {
			t.Errorf("today's point %s, status %s", p.Balance, st.Fund.Balance)
		}
	}
	if _, err := f.s.RatioHistory("2025-13-01"); ledger.KeyOf(err) == "" {
		t.Errorf("a bad date: %v", err)
	}
}

func TestRatioHistoryOfAnEmptyLedger(t *testing.T) {
	f := mustCreate(t)
	h, err := f.s.RatioHistory(ledger.FormatDate(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Points) != 1 || h.Points[0].Balance != ledger.Zero || h.Points[0].Ratio != "0.00" || !h.Points[0].Below {
		t.Errorf("%+v", h.Points)
	}
}
