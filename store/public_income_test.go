package store_test

import (
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

func TestPublicIncomeBySourceSumsEachQuarterAndAgreesWithStatus(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	f.publicIncome("2024-02-01", "500.00")
	f.publicIncome("2024-03-31", "250.50")
	f.post(store.VoucherInput{Book: ledger.BookPublic, Date: "2024-04-01", Summary: "广告收入（扣税）",
		Lines: []store.LineInput{line("1001", "940.00"), line("5001", "60.00"), line("4002", "-1000.00")}})
	ad := f.post(store.VoucherInput{Book: ledger.BookPublic, Date: "2024-05-01", Summary: "基站租金",
		Lines: []store.LineInput{line("1001", "300.00"), line("4004", "-300.00")}})
	if _, err := f.s.Reverse(ad.ID, "2024-05-02", "重复入账"); err != nil {
		t.Fatal(err)
	}
	f.publicIncome("2024-07-01", "99.00") // after the date asked for

	got, err := f.s.PublicIncomeBySource("2024-06-30")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Quarter != "2024Q1" || got[1].Quarter != "2024Q2" {
		t.Fatalf("quarters %+v", got)
	}
	q1, q2 := got[0], got[1]
	if len(q1.Income) != 1 || q1.Income[0].Code != "4001" || q1.Income[0].Amount != m("750.50") || q1.Income[0].NameZH != "停车费收入" || len(q1.Deductions) != 0 {
		t.Errorf("Q1 %+v", q1)
	}
	// the reversed base-station rent is gone from Q2
	if len(q2.Income) != 1 || q2.Income[0].Code != "4002" || q2.Income[0].Amount != m("1000.00") ||
		len(q2.Deductions) != 1 || q2.Deductions[0].Code != "5001" || q2.Deductions[0].Amount != m("60.00") {
		t.Errorf("Q2 %+v", q2)
	}

	st, err := f.s.Status(time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC), false)
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range st.Quarters {
		var inc, ded ledger.Money
		for _, s := range got[i].Income {
			inc = inc.Add(s.Amount)
		}
		for _, s := range got[i].Deductions {
			ded = ded.Add(s.Amount)
		}
		if q.Quarter != got[i].Quarter || q.Income != inc || q.Deductions != ded {
			t.Errorf("status %s income %s deductions %s; by source %s %s %s", q.Quarter, q.Income, q.Deductions, got[i].Quarter, inc, ded)
		}
	}
}
