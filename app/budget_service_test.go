package app

import (
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

func TestWorkingBudgetAgainstActual(t *testing.T) {
	w := newWorksLedger(t, "2025-03-01")
	// the working book gets ¥5,000 and spends ¥1,200.50 on the office and ¥300 on meetings
	if _, err := w.st.PostVoucher(store.VoucherInput{Book: ledger.BookWorking, Date: "2026-02-01", Summary: "期初",
		Lines:   []store.LineInput{{AccountCode: ledger.CodeBank, Amount: ledger.Yuan(5000)}, {AccountCode: ledger.CodeOpening, Amount: ledger.Yuan(-5000)}},
		Opening: true}); err != nil {
		t.Fatal(err)
	}
	for _, e := range []struct {
		code string
		fen  int64
	}{{"5001", 120050}, {"5002", 30000}} {
		if _, err := w.st.PostVoucher(store.VoucherInput{Book: ledger.BookWorking, Date: "2026-03-01", Summary: "支出",
			Lines: []store.LineInput{{AccountCode: e.code, Amount: ledger.Fen(e.fen)}, {AccountCode: ledger.CodeBank, Amount: ledger.Fen(-e.fen)}}}); err != nil {
			t.Fatal(err)
		}
	}
	s := NewBudgetService(w.sess)
	v, err := s.Budget(0)
	if err != nil {
		t.Fatal(err)
	}
	if v.Year != 2026 || len(v.Years) != 3 || v.Years[0] != 2027 || v.Years[2] != 2025 || len(v.Lines) != 4 || v.Balance != "3499.50" {
		t.Fatalf("view %+v", v)
	}
	office := v.Lines[0]
	if office.Code != "5001" || office.Name != "办公经费" || office.NameEn != "Office" || office.Budget != "0.00" || office.Actual != "1200.50" ||
		!office.Over || office.UsedPct != "" {
		t.Fatalf("office without a budget %+v", office)
	}
	// without the assembly's approval of the year's budget, nothing is set (R8)
	_, err = s.SetBudget(2026, []BudgetEntry{{"5001", "1,000"}})
	wantKey(t, err, "budget.no_resolution")
	area, owners, _ := w.st.AssemblyScope(0)
	if _, err := w.st.RecordResolution(store.ResolutionInput{Body: ledger.BodyAssembly, Purpose: ledger.PurposeBudget, Year: 2026,
		Date: "2026-01-10", Subject: "2026 年度工作经费预算", PartArea: area, PartOwners: owners, AgreeArea: area, AgreeOwners: owners}); err != nil {
		t.Fatal(err)
	}
	v, err = s.SetBudget(2026, []BudgetEntry{{"5001", "1,000"}, {"5002", "2000.00"}, {"5003", ""}, {"5009", "500"}})
	if err != nil {
		t.Fatal(err)
	}
	office, meet := v.Lines[0], v.Lines[1]
	if office.Budget != "1000.00" || !office.Over || office.Remaining != "-200.50" || office.UsedPct != "120.05" {
		t.Fatalf("office over budget %+v", office)
	}
	if meet.Over || meet.Remaining != "1700.00" || meet.UsedPct != "15.00" {
		t.Fatalf("meetings %+v", meet)
	}
	if v.Total.Budget != "3500.00" || v.Total.Actual != "1500.50" || v.Total.Over {
		t.Fatalf("total %+v", v.Total)
	}
	// one bad line: nothing is written
	for _, bad := range []struct {
		e   []BudgetEntry
		key string
	}{
		{[]BudgetEntry{{"5001", "9000"}, {"5002", "-1"}}, "works.budget_negative"},
		{[]BudgetEntry{{"5001", "9000"}, {"5002", "abc"}}, "amount.invalid"},
		{[]BudgetEntry{{"5001", "9000"}, {"1001", "1"}}, "budget.bad_account"},
	} {
		_, err := s.SetBudget(2026, bad.e)
		wantKey(t, err, bad.key)
	}
	v, _ = s.Budget(2026)
	if v.Lines[0].Budget != "1000.00" {
		t.Fatalf("a refused budget changed a line: %+v", v.Lines[0])
	}
	// another year has its own budget and nothing spent
	v, _ = s.Budget(2025)
	if v.Lines[0].Budget != "0.00" || v.Lines[0].Actual != "0.00" || v.Lines[0].Over {
		t.Fatalf("2025 %+v", v.Lines[0])
	}
	_, err = s.Budget(1800)
	wantKey(t, err, "works.year_invalid")
}
