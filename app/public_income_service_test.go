package app

import (
	"testing"
)

func TestPublicIncomeOverviewByQuarterAgainstR2(t *testing.T) {
	sess, d := booksSession(t, "2026-11-22")
	vs, pis := NewVoucherService(sess), NewPublicIncomeService(sess)
	if _, err := vs.Post(booksIncome(addDaysTo(d.LastQFrom, 9), "")); err != nil {
		t.Fatal(err)
	}
	o, err := pis.Overview()
	if err != nil {
		t.Fatal(err)
	}
	if o.Today != "2026-11-22" || !o.FundBelow || o.FundRatio != "22.00" || o.Threshold != "30" || o.Share != "50" || o.Strict || o.Outstanding != "617.25" {
		t.Fatalf("overview %+v", o)
	}
	q := o.Quarters[0] // newest first
	if q.Quarter != d.LastQ || q.From != d.LastQFrom || q.To != d.LastQTo || q.Gross != "1357.50" || q.Deducted != "123.00" || q.Net != "1234.50" ||
		q.SubjectNet != "1234.50" || q.Required != "617.25" || q.Done != "0.00" || q.Short != "617.25" || q.Closed || q.Current {
		t.Fatalf("%s: %+v", d.LastQ, q)
	}
	if len(o.Scopes) != 1 || o.Scopes[0].BuildingID != 0 || o.Scopes[0].Required != "617.25" || o.Scopes[0].Short != "617.25" {
		t.Errorf("scopes %+v", o.Scopes)
	}
	if len(q.Income) != 1 || q.Income[0].Code != "4001" || q.Income[0].Name != "停车费收入" || q.Income[0].Amount != "1357.50" ||
		len(q.Deductions) != 1 || q.Deductions[0].NameEn != "Taxes" || q.Deductions[0].Amount != "123.00" {
		t.Errorf("sources %+v / %+v", q.Income, q.Deductions)
	}
	last := o.Quarters[len(o.Quarters)-1]
	if !last.Closed || last.Required != "0.00" || len(last.Income) != 2 {
		t.Errorf("the oldest quarter (closed, before the fund fell): %+v", last)
	}
	for _, c := range []struct{ date, want string }{
		{addDaysTo(d.LastQFrom, 8), "0.00"},
		{d.LastQTo, "617.25"},
		{"2026-11-22", "617.25"},
	} {
		if got, err := pis.OutstandingOn(c.date); err != nil || got != c.want {
			t.Errorf("outstanding on %s: %s %v, want %s", c.date, got, err, c.want)
		}
	}
	if _, err := pis.OutstandingOn("2026-02-30"); err == nil {
		t.Error("a date that does not exist is refused")
	}

	if _, err := vs.Transfer(BookTransferRequest{From: "public", To: "fund", Date: d.LastQTo, Amount: "617.25"}); err != nil {
		t.Fatal(err)
	}
	o, _ = pis.Overview()
	if q := o.Quarters[0]; q.Done != "617.25" || q.Short != "0.00" || o.Outstanding != "0.00" {
		t.Errorf("after the transfer: %+v, outstanding %s", q, o.Outstanding)
	}

	// one building's owners' income (ads in its lifts) shows as its own scope, owed by that
	// building alone (this ledger keeps the national rule: at least half, ≥)
	bs, err := NewUnitService(sess).Buildings()
	if err != nil || len(bs) == 0 {
		t.Fatal(bs, err)
	}
	ads := booksIncome(d.LastQTo, "")
	ads.Summary, ads.BuildingID = "电梯广告", bs[0].ID
	ads.Lines = []VoucherLineInput{{Account: "1001", Debit: "100.00"}, {Account: "4002", Credit: "100.00"}}
	if _, err := vs.Post(ads); err != nil {
		t.Fatal(err)
	}
	o, _ = pis.Overview()
	if len(o.Scopes) != 2 || o.Scopes[0].Short != "0.00" || o.Scopes[1].BuildingID != bs[0].ID || o.Scopes[1].Building != bs[0].Name ||
		o.Scopes[1].Net != "100.00" || o.Scopes[1].Required != "50.00" || o.Scopes[1].Short != "50.00" || !o.Scopes[1].Overdue || o.Outstanding != "50.00" {
		t.Errorf("with a building's income: %+v, outstanding %s", o.Scopes, o.Outstanding)
	}
}
