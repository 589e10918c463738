package app

import (
	"testing"

	"jiayuan/store/ledger"
)

// belowThreshold spends ¥90,000 of the ¥120,000 fund on an emergency repair of the whole
// community: 25% is left, and a replenishment case opens today.
func belowThreshold(t *testing.T, w *worksLedger) {
	t.Helper()
	ps := NewProjectService(w.sess)
	id, err := ps.CreateProject(ProjectForm{Name: "全小区消防整改", Kind: "emergency", EmergencyTrigger: "fire_safety", ScopeKind: "community"})
	if err != nil {
		t.Fatal(err)
	}
	if err := ps.SetCostAudit(id, "90000"); err != nil {
		t.Fatal(err)
	}
	// issue 11: an emergency expense needs the committee's approval and the office informed
	if err := ps.SetEmergencyRecord(id, EmergencyForm{ApprovedOn: worksToday, InformedOn: worksToday}); err != nil {
		t.Fatal(err)
	}
	if _, err := ps.PostExpense(id, ProjectExpenseForm{Amount: "90000"}); err != nil {
		t.Fatal(err)
	}
}

func TestReplenishmentCaseFromDecisionToCollection(t *testing.T) {
	w := newWorksLedger(t, "2026-01-01")
	s := NewReplenishService(w.sess)
	o, err := s.Overview()
	if err != nil || o.Current != nil || len(o.Past) != 0 || o.FundRatio != "100.00" {
		t.Fatalf("before: %+v %v", o, err)
	}
	belowThreshold(t, w)
	o, err = s.Overview()
	if err != nil {
		t.Fatal(err)
	}
	c := o.Current
	if c == nil || c.Status != "open" || c.TriggerDate != worksToday || c.DecisionDeadline != "2027-02-20" || c.DecisionDaysLeft != 90 ||
		c.DecisionOverdue || c.Decided || c.Ratio != "25.00" || o.FundRatio != "25.00" || o.Threshold != "30" || o.Target != "50" {
		t.Fatalf("open case %+v / %+v", c, o)
	}

	// the decision: ≥ 2/3 take part, ≥ 3/4 of them agree; community: 1150 m², 11 owners
	short := VoteForm{Title: "续筹决定", Date: worksToday, PartArea: "1000", PartOwners: "10", AgreeArea: "700", AgreeOwners: "8"}
	v, err := s.CheckDecision(c.ID, short)
	if err != nil || v.Kind != "replenish" || v.ScopeArea != "1150.00" || v.ScopeOwners != 11 || !v.PartAreaOK || v.AgreeAreaOK ||
		!v.AgreeOwnersOK || v.Passed || v.Reason == nil || v.Reason.Key != "vote.approval_area_low" || v.AgreeAreaPct != "70.00" {
		t.Fatalf("short decision %+v %v", v, err)
	}
	if v, err = s.RecordDecision(c.ID, short); err != nil || v.Passed {
		t.Fatalf("recording it: %+v %v", v, err)
	}
	o, _ = s.Overview()
	if o.Current.Decided {
		t.Fatal("a decision that fell short decided the case")
	}
	// exactly 3/4 agrees: enough for a replenishment, where > 1/2 would be for a use
	pass := VoteForm{Title: "续筹决定（第二次）", Date: worksToday, PartArea: "1000", PartOwners: "8", AgreeArea: "750", AgreeOwners: "6"}
	if v, err = s.RecordDecision(c.ID, pass); err != nil || !v.Passed {
		t.Fatalf("passing decision: %+v %v", v, err)
	}
	o, _ = s.Overview()
	if c = o.Current; !c.Decided || c.Decision == nil || c.Decision.AgreeAreaPct != "75.00" || c.Decision.Title != "续筹决定（第二次）" {
		t.Fatalf("decided case %+v", c)
	}

	// the statute's order (issue 11): the decision's terms (by default 50% in one payment within
	// 90 days) set the dues; the bank notice is refused once the owners have decided
	err = s.RecordBankNotice(c.ID, "2027-02-21")
	wantKey(t, err, "replenish.notice_after_decision")
	o, _ = s.Overview()
	c = o.Current
	if c.Stage != "decided" || c.Terms == nil || c.Terms.Source != "decision" || c.Terms.SharePct != "50" || c.NoticePossible {
		t.Fatalf("decided case %+v %+v", c, c.Terms)
	}
	// top-up to 50%: a 100 m² unit bore 90000×100/1150 = 7826.09, keeps 2173.91, owes 2826.09;
	// the 50 m² unit bore 3913.04 and keeps more than half, so it owes nothing
	if c.Status != "noticed" || c.PaymentDeadline != "2027-02-20" || c.PaymentDaysLeft != 90 || c.Units != 11 || c.UnitsSettled != 0 ||
		c.Paid != "0.00" || c.Due != c.Outstanding || c.CollectionPct != "0.00" {
		t.Fatalf("noticed case %+v", c)
	}
	page, err := s.Dues(c.ID, "", false, 0, 5)
	if err != nil || page.Total != 11 || len(page.Rows) != 5 || page.Rows[0].Unit != "1号-102" || page.Rows[0].Due != "2826.09" ||
		page.Rows[0].Outstanding != "2826.09" || page.Rows[0].Settled || c.Due != "31086.96" {
		t.Fatalf("dues %+v %v", page, err)
	}
	if p2, _ := s.Dues(c.ID, "2号", false, 0, 50); p2.Total != 6 {
		t.Fatalf("dues of building 2: %d", p2.Total)
	}
	unit := page.Rows[0].UnitID
	_, err = s.RecordPayment(c.ID, ReplenishPaymentForm{UnitID: w.units[0][0], Amount: "1"})
	wantKey(t, err, "works.unit_not_in_case")
	_, err = s.RecordPayment(c.ID, ReplenishPaymentForm{UnitID: unit, Date: worksToday, Amount: "2826.10"})
	wantKey(t, err, "works.payment_exceeds_due")
	_, err = s.RecordPayment(c.ID, ReplenishPaymentForm{UnitID: unit, Amount: "0"})
	wantKey(t, err, "amount.not_positive")
	pay, err := s.RecordPayment(c.ID, ReplenishPaymentForm{UnitID: unit, Date: worksToday, Amount: "1,000.00"})
	if err != nil || pay.Total != "1000.00" || pay.Summary != "1号-102 续筹交存" {
		t.Fatalf("part payment %+v %v", pay, err)
	}
	if _, err := s.RecordPayment(c.ID, ReplenishPaymentForm{UnitID: unit, Date: worksToday, Amount: "1826.09"}); err != nil {
		t.Fatal(err)
	}
	o, _ = s.Overview()
	c = o.Current
	if c.Paid != "2826.09" || c.UnitsSettled != 1 {
		t.Fatalf("after one unit paid: %+v", c)
	}
	due, _ := ledger.ParseAmount(c.Due)
	r, _ := ledger.Ratio(ledger.Fen(282609), due)
	if c.CollectionPct != ledger.RatioPercent(r) {
		t.Fatalf("collection %s, want %s", c.CollectionPct, ledger.RatioPercent(r))
	}
	owing, _ := s.Dues(c.ID, "", true, 0, 50)
	if owing.Total != 10 {
		t.Fatalf("%d units still owe", owing.Total)
	}
	// everyone else pays: the fund is back above 30% and the last payment closes the case
	for _, d := range owing.Rows {
		if _, err := s.RecordPayment(c.ID, ReplenishPaymentForm{UnitID: d.UnitID, Date: worksToday, Amount: d.Outstanding}); err != nil {
			t.Fatal(err)
		}
	}
	o, _ = s.Overview()
	if o.Current != nil || len(o.Past) != 1 || o.Past[0].Status != "closed" || o.Past[0].CollectionPct != "100.00" || o.Past[0].UnitsSettled != 11 {
		t.Fatalf("after collection: %+v", o)
	}
}

// No decision: the bank notice is refused up to day 90 and possible from day 91; its dues
// follow, and the case stays open after the ratio is restored until the last unit pays.
func TestReplenishmentBankNoticeWithoutDecision(t *testing.T) {
	w := newWorksLedger(t, "2026-01-01")
	s := NewReplenishService(w.sess)
	belowThreshold(t, w)
	o, _ := s.Overview()
	c := o.Current
	if c.Stage != "open" || c.NoticeFrom != "2027-02-21" || c.NoticePossible {
		t.Fatalf("open case %+v", c)
	}
	err := s.RecordBankNotice(c.ID, "2027-02-20")
	wantKey(t, err, "replenish.notice_too_early")
	if err := s.RecordBankNotice(c.ID, "2027-02-21"); err != nil {
		t.Fatal(err)
	}
	o, _ = s.Overview()
	if c = o.Current; c.Stage != "noticed" || c.PaymentDeadline != "2027-05-22" || c.Owing != 11 || c.Terms.Source != "notice" {
		t.Fatalf("noticed case %+v", c)
	}
	page, _ := s.Dues(c.ID, "", false, 0, 50)
	if err := s.RecordDemand(c.ID, page.Rows[0].UnitID, "2027-06-01", "催缴"); err != nil {
		t.Fatal(err)
	}
	if ds, err := s.Demands(c.ID); err != nil || len(ds) != 1 || ds[0].Unit != page.Rows[0].Unit || ds[0].Outstanding != page.Rows[0].Due {
		t.Fatalf("demands %+v %v", ds, err)
	}
	for _, d := range page.Rows[1:] {
		if _, err := s.RecordPayment(c.ID, ReplenishPaymentForm{UnitID: d.UnitID, Date: "2027-06-02", Amount: d.Outstanding}); err != nil {
			t.Fatal(err)
		}
	}
	o, _ = s.Overview()
	if c = o.Current; c == nil || !c.RatioRestored || c.Owing != 1 || c.Outstanding != page.Rows[0].Due {
		t.Fatalf("restored but open %+v / ratio %s", c, o.FundRatio)
	}
	if _, err := s.RecordPayment(c.ID, ReplenishPaymentForm{UnitID: page.Rows[0].UnitID, Date: "2027-06-03", Amount: c.Outstanding}); err != nil {
		t.Fatal(err)
	}
	if o, _ = s.Overview(); o.Current != nil || o.Past[0].ClosedReason != "paid" || o.Past[0].ClosedOn != "2027-06-03" {
		t.Fatalf("closed %+v", o)
	}
}

func TestReplenishmentUnknownCase(t *testing.T) {
	w := newWorksLedger(t, "2026-01-01")
	s := NewReplenishService(w.sess)
	_, err := s.CheckDecision(999, VoteForm{})
	wantKey(t, err, "record.not_found")
	_, err = s.RecordDecision(999, VoteForm{PartArea: "1", PartOwners: "1", AgreeArea: "1", AgreeOwners: "1", Date: worksToday})
	wantKey(t, err, "record.not_found")
}
