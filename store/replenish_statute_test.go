package store_test

import (
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// statuteFixture adds u6 (2号-203, 100.00 m², owner o4, initial ¥60,000.00) to the fixture and
// brings the fund to the worked example: every initial deposit recorded (Σ ¥110,000.00),
// then on 2026-01-09 a repair of u6's own parts leaves it ¥10,000.00 (fund ¥60,000.00, 54%), and
// on 2026-01-10 a repair of u1–u5 of ¥27,000.01 leaves the fund ¥32,999.99 (29.99%): the trigger.
func statuteFixture(t *testing.T) (*fixture, int64, store.ReplenishmentCase) {
	f := mustCreate(t)
	u6, err := f.s.AddUnit(store.Unit{BuildingID: f.bB, Room: "203", AreaCM2: 10000, HousingType: "commodity", Initial: m("60000.00"), OwnerID: f.owners[3]})
	if err != nil {
		t.Fatal(err)
	}
	f.depositAll("2025-12-01")
	f.post(store.VoucherInput{Book: ledger.BookFund, Date: "2025-12-01", Summary: "首期交存 2号-203",
		Lines: []store.LineInput{line("1001", "60000.00"), line("4001", "-60000.00")}, Splits: []store.UnitSplit{{UnitID: u6, Amount: m("60000.00")}}})
	p6 := f.project(store.ProjectInput{Name: "203 外窗", ScopeKind: "units", UnitIDs: []int64{u6}, Date: "2026-01-02"}, true, "50000.00")
	if _, err := f.s.PostProjectExpense(p6, "2026-01-09", m("50000.00"), "203 外窗", nil); err != nil {
		t.Fatal(err)
	}
	if cs, _ := f.s.ReplenishmentCases(); len(cs) != 0 {
		t.Fatalf("case at 54%%: %+v", cs)
	}
	p5 := f.project(store.ProjectInput{Name: "屋面", ScopeKind: "units", UnitIDs: f.units, Date: "2026-01-02"}, true, "27000.01")
	if _, err := f.s.PostProjectExpense(p5, "2026-01-10", m("27000.01"), "屋面", nil); err != nil {
		t.Fatal(err)
	}
	cs, err := f.s.ReplenishmentCases()
	if err != nil || len(cs) != 1 {
		t.Fatalf("cases %+v %v", cs, err)
	}
	return f, u6, cs[0]
}

// The worked example, step by step, with every refusal leaving the file unchanged.
func TestReplenishmentStatuteWorkedExample(t *testing.T) {
	f, u6, c := statuteFixture(t)
	if c.TriggerDate != "2026-01-10" || c.DecisionDeadline != "2026-04-10" || c.NoticeFrom != "2026-04-11" || c.Stage != "open" ||
		c.Balance != m("32999.99") || c.Initial != m("110000.00") {
		t.Fatalf("case %+v", c)
	}
	// no decision: the notice is refused up to day 90, naming the day it becomes possible
	f.refuse("replenish.notice_too_early", func() error { return f.s.RecordBankNotice(c.ID, "2026-04-10") })
	err := f.s.RecordBankNotice(c.ID, "2026-04-10")
	if e, ok := err.(*ledger.Error); !ok || e.Args["from"] != "2026-04-11" {
		t.Fatalf("refusal names %v", err)
	}
	f.refuse("date.invalid", func() error { return f.s.RecordBankNotice(c.ID, "2026-4-15") })
	if err := f.s.RecordBankNotice(c.ID, "2026-04-15"); err != nil {
		t.Fatal(err)
	}
	cs, _ := f.s.ReplenishmentCases()
	c = cs[0]
	if c.Stage != "noticed" || c.PaymentDeadline != "2026-07-14" || c.Terms == nil || c.Terms.Source != "notice" ||
		len(c.Terms.Schedule) != 1 || c.Terms.Schedule[0] != "2026-07-14" {
		t.Fatalf("after the notice %+v %+v", c, c.Terms)
	}
	d6, ok, err := f.s.CaseDue(c.ID, u6)
	if err != nil || !ok || d6.Due != m("20000.00") {
		t.Fatalf("u6 owes %+v %v %v, want 20000.00", d6, ok, err)
	}
	// written demands: only to a unit that owes, not before the dues were set
	f.refuse("replenish.demand_before_dues", func() error { _, err := f.s.RecordDemand(c.ID, u6, "2026-04-14", ""); return err })
	if _, err := f.s.RecordDemand(c.ID, u6, "2026-07-20", "催缴通知书 第1号"); err != nil {
		t.Fatal(err)
	}
	// u6 is sold while it owes: the due stays with the unit under its new owner
	buyer, err := f.s.AddOwner(store.Owner{Name: "钱七"})
	if err != nil {
		t.Fatal(err)
	}
	f.refuse("unit.owner_unchanged", func() error { return f.s.ChangeOwner(u6, f.owners[3], "2026-07-25") })
	if err := f.s.ChangeOwner(u6, buyer, "2026-07-25"); err != nil {
		t.Fatal(err)
	}
	f.refuse("unit.owner_change_before", func() error { return f.s.ChangeOwner(u6, f.owners[0], "2026-07-24") })
	if d, _, _ := f.s.CaseDue(c.ID, u6); d.Due != m("20000.00") || d.OwnerName != "钱七" {
		t.Fatalf("after the sale %+v", d)
	}
	if ch, _ := f.s.OwnerChanges(u6); len(ch) != 1 || ch[0].FromOwner != "赵六" || ch[0].ToOwner != "钱七" || ch[0].Date != "2026-07-25" {
		t.Fatalf("owner changes %+v", ch)
	}
	if ud, _ := f.s.UnitDues(u6); len(ud) != 1 || ud[0].Due != m("20000.00") {
		t.Fatalf("u6's page %+v", ud)
	}
	// partial payments: ¥10,000.00 of u6's; the others in full lift the fund above 30% —
	// "ratio restored, 1 unit still owes ¥10,000.00": the case stays open
	if _, err := f.s.RecordReplenishmentPayment(c.ID, u6, "2026-08-01", m("10000.00"), ""); err != nil {
		t.Fatal(err)
	}
	dues, _, _ := f.s.CaseDues(c.ID, 0, 0)
	for _, d := range dues {
		if d.UnitID != u6 {
			if _, err := f.s.RecordReplenishmentPayment(c.ID, d.UnitID, "2026-08-02", d.Due, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	day, _ := ledger.ParseDate("2026-08-03")
	st, _ := f.s.Status(day, false)
	if st.Fund.Below || st.Replenishment == nil || st.Replenishment.Owing != 1 || st.Replenishment.Outstanding != m("10000.00") {
		t.Fatalf("ratio %s below %v case %+v", st.Fund.Ratio, st.Fund.Below, st.Replenishment)
	}
	if ds, _ := f.s.Demands(0, u6); len(ds) != 1 || ds[0].Overdue != m("10000.00") || ds[0].Date != "2026-07-20" {
		t.Fatalf("demands %+v", ds)
	}
	// one fen too much is refused by the window; the store takes the last payment and closes
	if _, err := f.s.RecordReplenishmentPayment(c.ID, u6, "2026-08-20", m("10000.00"), ""); err != nil {
		t.Fatal(err)
	}
	cs, _ = f.s.ReplenishmentCases()
	if cs[0].Stage != "closed" || cs[0].ClosedOn != "2026-08-20" || cs[0].ClosedReason != "paid" {
		t.Fatalf("after the last payment %+v", cs[0])
	}
	f.refuse("replenish.demand_not_owing", func() error { _, err := f.s.RecordDemand(c.ID, u6, "2026-08-21", ""); return err })
	f.verifyOK()
}

// A decision within the 90 days carries its own terms: four quarterly instalments of an
// amount per m², whatever the unit's balance. The bank notice is then refused.
func TestReplenishmentDecisionTerms(t *testing.T) {
	f, u6, c := statuteFixture(t)
	d, _ := ledger.ParseDate("2026-03-01")
	first, _ := ledger.ParseDate("2026-03-31")
	terms := ledger.ReplenishTerms{Basis: ledger.BasisPerM2, PerM2: m("30.01"), Instalments: 4, FirstDue: first, IntervalMonths: 3}
	vote := store.VoteInput{Title: "续筹方案", Date: "2026-03-01", PartArea: 60000, PartOwners: 4, AgreeArea: 60000, AgreeOwners: 4}
	// terms that cannot apply are refused with nothing written (not even the resolution)
	bad := terms
	bad.FirstDue = d.AddDate(0, 0, -1)
	f.refuse("replenish.terms_first_due", func() error { _, _, err := f.s.RecordReplenishmentDecision(c.ID, vote, &bad); return err })
	if _, vc, err := f.s.RecordReplenishmentDecision(c.ID, vote, &terms); err != nil || !vc.Passed {
		t.Fatalf("decision %+v %v", vc, err)
	}
	cs, _ := f.s.ReplenishmentCases()
	c = cs[0]
	if c.Stage != "decided" || c.Terms.Source != "decision" || c.PaymentDeadline != "2026-12-31" ||
		len(c.Terms.Schedule) != 4 || c.Terms.Schedule[1] != "2026-06-30" || c.Terms.Schedule[2] != "2026-09-30" {
		t.Fatalf("decided case %+v %+v", c, c.Terms)
	}
	// 100.00 m² × ¥30.01 = ¥3,001.00; 80.00 m² → ¥2,400.80; 120.00 m² → ¥3,601.20
	for unit, want := range map[int64]string{f.units[0]: "3001.00", f.units[3]: "2400.80", f.units[4]: "3601.20", u6: "3001.00"} {
		if d, _, _ := f.s.CaseDue(c.ID, unit); d.Due != m(want) {
			t.Errorf("unit %d due %s, want %s", unit, d.Due, want)
		}
	}
	sch, dueBy, err := f.s.UnitSchedule(c.ID, f.units[3], first.AddDate(0, 3, 0))
	if err != nil || len(sch) != 4 || sch[0].Amount != m("600.20") || sch[3].Amount != m("600.20") || dueBy != m("1200.40") {
		t.Fatalf("schedule %+v due by %s %v", sch, dueBy, err)
	}
	f.refuse("replenish.notice_after_decision", func() error { return f.s.RecordBankNotice(c.ID, "2026-04-15") })

	// a later decision replaces the dues; one waiving them closes the case with what was paid
	if _, err := f.s.RecordReplenishmentPayment(c.ID, f.units[0], "2026-03-31", m("750.25"), ""); err != nil {
		t.Fatal(err)
	}
	waive := ledger.ReplenishTerms{Basis: ledger.BasisWaive}
	vote.Date = "2026-05-01"
	if _, vc, err := f.s.RecordReplenishmentDecision(c.ID, vote, &waive); err != nil || !vc.Passed {
		t.Fatalf("waiver %+v %v", vc, err)
	}
	cs, _ = f.s.ReplenishmentCases()
	if cs[0].Stage != "closed" || cs[0].ClosedReason != "waived" || cs[0].Units != 1 || cs[0].Due != m("750.25") {
		t.Fatalf("waived %+v", cs[0])
	}
	f.refuse("replenish.not_open", func() error { return f.s.RecordBankNotice(c.ID, "2026-05-02") })
	f.verifyOK()
}

// garageLedger is the fixture's five residential units (¥50,000.00 initial) and a garage
// (¥10,000.00), all deposited in full, then a repair of ¥35,500.00 on the residential units
// on spendOn: residential ¥14,500.00 (29%); with the garage ¥24,500.00 of ¥60,000.00 (40.83%).
// include puts the garage in the ratio; mode, if set, is R2's transfer mode.
func garageLedger(t *testing.T, include bool, mode, spendOn string) (*fixture, int64) {
	t.Helper()
	f := mustCreate(t)
	c, _ := f.s.Community()
	c.Policy.IncludeNonResidential = include
	if mode != "" {
		c.Policy.TransferMode = mode
	}
	if err := f.s.UpdateCommunity(c); err != nil {
		t.Fatal(err)
	}
	g, err := f.s.AddUnit(store.Unit{BuildingID: f.bB, Room: "G01", AreaCM2: 1500, HousingType: "garage", Initial: m("10000.00"), OwnerID: f.owners[3]})
	if err != nil {
		t.Fatal(err)
	}
	f.depositAll("2024-01-05")
	f.post(store.VoucherInput{Book: ledger.BookFund, Date: "2024-01-05", Summary: "首期交存 车库",
		Lines: []store.LineInput{line("1001", "10000.00"), line("4001", "-10000.00")}, Splits: []store.UnitSplit{{UnitID: g, Amount: m("10000.00")}}})
	p := f.project(store.ProjectInput{ScopeKind: "units", UnitIDs: f.units}, true, "35500.00")
	if _, err := f.s.PostProjectExpense(p, spendOn, m("35500.00"), "屋面", nil); err != nil {
		t.Fatal(err)
	}
	return f, g
}

// Garages are accounted separately: a residential fund at 29% triggers though the garages'
// money would lift the whole above 30%; a policy that includes them does not trigger.
func TestGaragesAccountedSeparately(t *testing.T) {
	for _, include := range []bool{false, true} {
		f, g := garageLedger(t, include, "", "2024-02-01")
		cs, _ := f.s.ReplenishmentCases()
		day, _ := ledger.ParseDate("2024-02-01")
		st, _ := f.s.Status(day, false)
		if include {
			if len(cs) != 0 || st.Fund.Separate || st.Fund.Ratio != "40.83" {
				t.Fatalf("garages included: cases %+v ratio %s", cs, st.Fund.Ratio)
			}
			continue
		}
		if len(cs) != 1 || cs[0].Initial != m("50000.00") || cs[0].Balance != m("14500.00") {
			t.Fatalf("separate: cases %+v", cs)
		}
		if !st.Fund.Separate || st.Fund.Ratio != "29.00" || st.Fund.Initial != m("50000.00") ||
			st.Fund.NonResidential.Balance != m("10000.00") || st.Fund.NonResidential.Ratio != "100.00" {
			t.Fatalf("status %+v", st.Fund)
		}
		// the notice's dues leave the garage out
		if err := f.s.RecordBankNotice(cs[0].ID, "2024-05-02"); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := f.s.CaseDue(cs[0].ID, g); ok {
			t.Fatal("the garage owes residential replenishment")
		}
		f.verifyOK()
	}
}

// The ratio's history and the national list's R2 rule (public income bound only while the
// fund is below 30%) look at the same residential ratio as the trigger: 29%, not the 40.83%
// the garage's own deposit would make it.
func TestGaragesSeparateInRatioHistoryAndNationalRule(t *testing.T) {
	for _, include := range []bool{false, true} {
		f, _ := garageLedger(t, include, ledger.TransferBelowThreshold, "2024-04-01")
		f.publicIncome("2024-04-10", "100.00")
		h, err := f.s.RatioHistory("2024-06-30")
		if err != nil {
			t.Fatal(err)
		}
		q1, q2 := h.Points[len(h.Points)-2], h.Points[len(h.Points)-1]
		wantInitial, wantQ1, wantQ2, wantReq := m("50000.00"), "100.00", "29.00", m("50.01")
		if include {
			wantInitial, wantQ1, wantQ2, wantReq = m("60000.00"), "100.00", "40.83", ledger.Zero
		}
		if h.Initial != wantInitial || q1.Quarter != "2024Q1" || q1.Ratio != wantQ1 || q2.Ratio != wantQ2 || q2.Below != !include {
			t.Fatalf("include %v: initial %s, %+v %+v", include, h.Initial, q1, q2)
		}
		if q := f.quarter("2024-06-30", "2024Q2"); q.Required != wantReq {
			t.Fatalf("include %v: the national rule requires %s: %+v", include, wantReq, q)
		}
	}
}

// A ledger that starts mid-life: no case until its opening balance is posted; an opening
// below 30% then opens one at the next fund posting.
func TestReplenishmentAfterOpening(t *testing.T) {
	f := mustCreate(t)
	var units []store.OpeningUnit
	for i, u := range f.units {
		units = append(units, store.OpeningUnit{UnitID: u, Amount: ledger.Fen(unitInitials[i] / 5)})
	}
	if _, err := f.s.PostOpening(store.OpeningInput{Book: ledger.BookFund, Date: "2023-12-31", Amount: m("9999.99"), Bank: m("9999.99"),
		BankGiven: true, Units: units}); err != nil {
		t.Fatal(err)
	}
	f.post(store.VoucherInput{Book: ledger.BookFund, Date: "2024-01-31", Summary: "利息",
		Lines: []store.LineInput{line("1001", "1.00"), line("4003", "-1.00")}})
	if cs, _ := f.s.ReplenishmentCases(); len(cs) != 1 || cs[0].TriggerDate > "2024-01-31" {
		t.Fatalf("cases after an opening at 20%%: %+v", cs)
	}
}

// The emergency record: a roof leak needs the appraisal certificate as well as the
// committee's approval and the housing office informed; each gap is refused, file unchanged.
func TestEmergencyRecordRequired(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	pid := f.project(store.ProjectInput{Name: "屋面渗漏抢修", ScopeKind: "buildings", BuildingIDs: []int64{f.bA}, EmergencyTrigger: "roof_leak"}, false, "2000.00")
	spend := func() error {
		_, err := f.s.PostProjectExpense(pid, "2024-02-10", m("1000.00"), "屋面渗漏抢修", nil)
		return err
	}
	f.refuse("emergency.approval_missing", spend)
	if err := f.s.SetEmergencyRecord(pid, store.EmergencyRecord{ApprovedOn: "2024-02-01"}); err != nil {
		t.Fatal(err)
	}
	f.refuse("emergency.certificate_missing", spend)
	cert, err := f.s.AddAttachment("鉴定报告.pdf", []byte("%PDF-1.4 appraisal"))
	if err != nil {
		t.Fatal(err)
	}
	f.refuse("attachment.unknown", func() error {
		return f.s.SetEmergencyRecord(pid, store.EmergencyRecord{ApprovedOn: "2024-02-01", CertificateID: 9999})
	})
	if err := f.s.SetEmergencyRecord(pid, store.EmergencyRecord{ApprovedOn: "2024-02-01", CertificateID: cert.ID}); err != nil {
		t.Fatal(err)
	}
	f.refuse("emergency.informed_missing", spend)
	if err := f.s.SetEmergencyRecord(pid, store.EmergencyRecord{ApprovedOn: "2024-02-01", CertificateID: cert.ID, InformedOn: "2024-02-11"}); err != nil {
		t.Fatal(err)
	}
	f.refuse("emergency.informed_after_expense", spend)
	if err := f.s.SetEmergencyRecord(pid, store.EmergencyRecord{ApprovedOn: "2024-02-01", CertificateID: cert.ID, InformedOn: "2024-02-02"}); err != nil {
		t.Fatal(err)
	}
	if err := spend(); err != nil {
		t.Fatal(err)
	}
	normal := f.project(store.ProjectInput{Name: "普通", ScopeKind: "community"}, true, "")
	f.refuse("emergency.not_emergency", func() error {
		return f.s.SetEmergencyRecord(normal, store.EmergencyRecord{ApprovedOn: "2024-02-01"})
	})
	f.verifyOK()
}
