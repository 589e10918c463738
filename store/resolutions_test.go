package store_test

import (
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// R8: every refusal of the resolutions register and of the spending it authorises leaves the
// file unchanged (f.refuse compares fingerprints).

// assembly records a unanimous vote of the whole community (500.00 m², 4 owners).
func (f *fixture) assembly(purpose ledger.Purpose, date string, amount string, mod ...func(*store.ResolutionInput)) int64 {
	f.t.Helper()
	in := store.ResolutionInput{Body: ledger.BodyAssembly, Purpose: purpose, Date: date, Subject: string(purpose) + " " + date,
		PartArea: 50000, PartOwners: 4, AgreeArea: 50000, AgreeOwners: 4, Amount: m(amount)}
	for _, fn := range mod {
		fn(&in)
	}
	id, err := f.s.RecordResolution(in)
	if err != nil {
		f.t.Fatalf("record %s: %v", purpose, err)
	}
	return id
}

// committee records a committee decision of 7 members: 5 present, 4 for.
func committeeInput(purpose ledger.Purpose, date, amount string, delegation int64) store.ResolutionInput {
	return store.ResolutionInput{Body: ledger.BodyCommittee, Purpose: purpose, Date: date, Subject: "业委会决定 " + date,
		Committee: ledger.Committee{Members: 7, Present: 5, For: 4, Against: 1}, Amount: m(amount), DelegationID: delegation}
}

func (f *fixture) allocate(date, amount string, resolution int64) error {
	_, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookWorking, Date: date, Amount: m(amount), ResolutionID: resolution})
	return err
}

func TestAllocationToWorkingExpensesCitesAResolution(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	f.publicIncome("2024-01-10", "1000.00")
	f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-01-11", Amount: m("500.01")})

	f.refuse("resolution.required", func() error { return f.allocate("2024-02-01", "100.00", 0) })
	late := f.assembly(ledger.PurposeAllocation, "2024-02-02", "300.00")
	f.refuse("resolution.after_voucher", func() error { return f.allocate("2024-02-01", "100.00", late) })
	f.refuse("resolution.over_amount", func() error { return f.allocate("2024-02-03", "300.01", late) })
	other := f.assembly(ledger.PurposeOtherUse, "2024-01-20", "0")
	f.refuse("resolution.wrong_purpose", func() error { return f.allocate("2024-02-03", "100.00", other) })
	failed := f.assembly(ledger.PurposeAllocation, "2024-01-20", "300.00", func(in *store.ResolutionInput) { in.AgreeArea, in.AgreeOwners = 25000, 2 })
	f.refuse("resolution.not_passed", func() error { return f.allocate("2024-02-03", "100.00", failed) })

	if err := f.allocate("2024-02-03", "200.00", late); err != nil {
		t.Fatal(err)
	}
	f.refuse("resolution.over_amount", func() error { return f.allocate("2024-02-04", "100.01", late) })
	if err := f.allocate("2024-02-04", "100.00", late); err != nil {
		t.Fatal(err)
	}
	if n := f.count(`SELECT count(*) FROM vouchers WHERE resolution_id = ?`, late); n != 4 { // both sides of both transfers
		t.Fatalf("vouchers citing the allocation: %d, want 4", n)
	}
	reg, err := f.s.Register()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range reg {
		if e.ID == late && e.Used.String() != "300.00" {
			t.Fatalf("used %s, want 300.00", e.Used)
		}
	}
	f.verifyOK()
}

func TestOtherUseOfPublicIncomeCitesAResolution(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	f.publicIncome("2024-01-10", "1000.00")
	f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-01-11", Amount: m("500.01")})
	spend := store.VoucherInput{Book: ledger.BookPublic, Date: "2024-03-01", Summary: "小区文化活动",
		Lines: []store.LineInput{line("5209", "80.00"), line("1001", "-80.00")}}
	f.refusePost("resolution.required", spend)
	alloc := f.assembly(ledger.PurposeAllocation, "2024-01-20", "300.00")
	spend.ResolutionID = alloc
	f.refusePost("resolution.wrong_purpose", spend)
	spend.ResolutionID = f.assembly(ledger.PurposeOtherUse, "2024-02-20", "0")
	f.post(spend)
	f.post(publicSpend("2024-03-02", "10.00")) // an audit fee needs no resolution
	f.verifyOK()
}

func TestCommitteeDecidesOnlyWithinTheDelegatedAmount(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	f.publicIncome("2024-01-10", "2000.00")
	f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-01-11", Amount: m("1000.01")})

	// the budget and delegations are the assembly's alone: wrong body
	f.refuse("resolution.assembly_only", func() error {
		in := committeeInput(ledger.PurposeBudget, "2024-01-15", "0", 0)
		in.Year = 2024
		_, err := f.s.RecordResolution(in)
		return err
	})
	f.refuse("resolution.assembly_only", func() error {
		_, err := f.s.RecordResolution(committeeInput(ledger.PurposeDelegation, "2024-01-15", "1000.00", 0))
		return err
	})
	// spending without a delegation
	f.refuse("resolution.committee_needs_delegation", func() error {
		_, err := f.s.RecordResolution(committeeInput(ledger.PurposeAllocation, "2024-01-15", "100.00", 0))
		return err
	})
	deleg := f.assembly(ledger.PurposeDelegation, "2024-01-12", "1000.00")
	notDeleg := f.assembly(ledger.PurposeAllocation, "2024-01-12", "1000.00")
	f.refuse("resolution.not_a_delegation", func() error {
		_, err := f.s.RecordResolution(committeeInput(ledger.PurposeAllocation, "2024-01-15", "100.00", notDeleg))
		return err
	})
	first, err := f.s.RecordResolution(committeeInput(ledger.PurposeAllocation, "2024-01-15", "600.00", deleg))
	if err != nil {
		t.Fatal(err)
	}
	// past the delegated amount: 600.00 + 400.01 > 1,000.00
	f.refuse("resolution.over_delegation", func() error {
		_, err := f.s.RecordResolution(committeeInput(ledger.PurposeOtherUse, "2024-01-16", "400.01", deleg))
		return err
	})
	if _, err := f.s.RecordResolution(committeeInput(ledger.PurposeOtherUse, "2024-01-16", "400.00", deleg)); err != nil {
		t.Fatal(err)
	}
	// the committee's own amount bounds what cites it
	f.refuse("resolution.over_amount", func() error { return f.allocate("2024-02-01", "600.01", first) })
	if err := f.allocate("2024-02-01", "600.00", first); err != nil {
		t.Fatal(err)
	}
	// more than half of ALL members: 3 of 7 for is a majority of the 5 present, not of all
	in := committeeInput(ledger.PurposeGeneral, "2024-02-02", "0", 0)
	in.Committee = ledger.Committee{Members: 7, Present: 5, For: 3, Against: 2}
	failed, err := f.s.RecordResolution(in)
	if err != nil {
		t.Fatal(err)
	}
	reg, _ := f.s.Register()
	for _, e := range reg {
		if e.ID == failed && e.Passed {
			t.Fatal("3 of 7 members passed a committee decision")
		}
		if e.ID == deleg && e.Used.String() != "1000.00" {
			t.Fatalf("delegation used %s, want 1000.00", e.Used)
		}
	}
	in.Committee = ledger.Committee{Members: 7, Present: 5, For: 4, Against: 2}
	f.refuse("committee.votes_exceed_present", func() error { _, err := f.s.RecordResolution(in); return err })
	in.Committee = ledger.Committee{Members: 7, Present: 8, For: 4}
	f.refuse("committee.present_exceeds_members", func() error { _, err := f.s.RecordResolution(in); return err })
	f.verifyOK()
}

func TestWorkingBudgetIsApprovedAndNotOverspent(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	f.publicIncome("2024-01-10", "2000.00")
	f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-01-11", Amount: m("1000.01")})
	if err := f.allocate("2024-01-20", "900.00", f.assembly(ledger.PurposeAllocation, "2024-01-15", "0")); err != nil {
		t.Fatal(err)
	}
	// no resolution approving the year's budget
	f.refuse("budget.no_resolution", func() error { return f.s.SetBudget(2024, "5001", m("100.00")) })
	f.assembly(ledger.PurposeBudget, "2024-01-15", "300.00", func(in *store.ResolutionInput) { in.Year = 2024 })
	f.refuse("budget.no_resolution", func() error { return f.s.SetBudget(2025, "5001", m("100.00")) })
	if err := f.s.SetBudget(2024, "5001", m("100.00")); err != nil {
		t.Fatal(err)
	}
	if err := f.s.SetBudget(2024, "5002", m("200.00")); err != nil {
		t.Fatal(err)
	}
	f.refuse("budget.over_approved", func() error { return f.s.SetBudget(2024, "5003", m("0.01")) })

	office := func(date, amount string) store.VoucherInput {
		return store.VoucherInput{Book: ledger.BookWorking, Date: date, Summary: "办公用品",
			Lines: []store.LineInput{line("5001", amount), line("1001", "-"+amount)}}
	}
	f.post(office("2024-02-01", "60.00"))
	// over budget by one fen
	f.refusePost("budget.over", office("2024-02-02", "40.01"))
	// a line without a budget in a budgeted year
	f.refusePost("budget.over", store.VoucherInput{Book: ledger.BookWorking, Date: "2024-02-02", Summary: "津贴",
		Lines: []store.LineInput{line("5003", "1.00"), line("1001", "-1.00")}})
	f.post(office("2024-02-02", "40.00"))
	// a raise resolved after the expense's date does not count
	f.assembly(ledger.PurposeBudgetRaise, "2024-03-01", "50.00", func(in *store.ResolutionInput) { in.Year, in.AccountCode = 2024, "5001" })
	f.refusePost("budget.over", office("2024-02-28", "0.01"))
	f.post(office("2024-03-01", "50.00"))
	f.refusePost("budget.over", office("2024-03-02", "0.01"))
	// a year without any budget is not checked
	f.post(office("2025-01-02", "10.00"))
	f.verifyOK()
}

func TestFundRepairWithinSmallRepairDelegation(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	unvoted := func() int64 {
		return f.project(store.ProjectInput{Name: "小修", ScopeKind: "community", Date: "2024-02-01"}, false, "5000.00")
	}
	p1, p2 := unvoted(), unvoted()
	repair := func(project, resolution int64, date, amount string) store.VoucherInput {
		return store.VoucherInput{Book: ledger.BookFund, Date: date, Summary: "小额维修", ProjectID: project, ResolutionID: resolution,
			Lines: []store.LineInput{line("5001", amount), line("1001", "-"+amount)}}
	}
	f.refusePost("vote.missing", repair(p1, 0, "2024-03-01", "100.00"))
	alloc := f.assembly(ledger.PurposeAllocation, "2024-02-01", "0")
	f.refusePost("resolution.wrong_purpose", repair(p1, alloc, "2024-03-01", "100.00"))
	deleg := f.assembly(ledger.PurposeRepairDelegation, "2024-02-10", "1500.00", func(in *store.ResolutionInput) { in.PerCase = m("1000.00") })
	f.refusePost("resolution.after_voucher", repair(p1, deleg, "2024-02-09", "100.00"))
	f.post(repair(p1, deleg, "2024-03-01", "1000.00"))
	f.refusePost("resolution.over_repair_case", repair(p1, deleg, "2024-03-02", "0.01"))
	f.refusePost("resolution.over_repair_year", repair(p2, deleg, "2024-03-02", "500.01"))
	f.post(repair(p2, deleg, "2024-03-02", "500.00"))
	// a new year starts a new yearly limit
	f.post(repair(p2, deleg, "2025-01-02", "300.00"))
	f.refuse("resolution.repair_limits", func() error {
		_, err := f.s.RecordResolution(store.ResolutionInput{Body: ledger.BodyAssembly, Purpose: ledger.PurposeRepairDelegation,
			Date: "2024-02-10", Subject: "小额维修授权", PartArea: 50000, PartOwners: 4, AgreeArea: 50000, AgreeOwners: 4, Amount: m("100.00")})
		return err
	})
	f.verifyOK()
}

func TestResolutionPublicationAndAttachments(t *testing.T) {
	f := mustCreate(t)
	id := f.assembly(ledger.PurposeGeneral, "2024-02-10", "0")
	un, err := f.s.UnpublishedResolutions()
	if err != nil || len(un) != 1 || un[0].PublishDue != "2024-02-13" {
		t.Fatalf("unpublished %+v %v", un, err)
	}
	f.refuse("resolution.published_before", func() error { return f.s.PublishResolution(id, "2024-02-09") })
	if err := f.s.PublishResolution(id, "2024-02-12"); err != nil {
		t.Fatal(err)
	}
	att, err := f.s.AddAttachment("表决票.pdf", []byte("%PDF-1.4 ballots"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.AttachToResolution(id, att.ID); err != nil {
		t.Fatal(err)
	}
	if un, _ := f.s.UnpublishedResolutions(); len(un) != 0 {
		t.Fatalf("still unpublished: %+v", un)
	}
	reg, _ := f.s.Register()
	if len(reg) != 1 || reg[0].PublishedOn != "2024-02-12" || len(reg[0].Attachments) != 1 {
		t.Fatalf("register %+v", reg)
	}
	f.verifyOK()
	// the terms are master data: an edit outside the app is found
	f.s.Close()
	sqlite3(t, f.path, `UPDATE resolution_terms SET amount_fen = 99999999 WHERE id = `+itoa(id))
	f.reopen()
	if res, err := f.s.Verify(); err == nil && res.Problem == nil {
		t.Fatal("an edited resolution verified")
	}
}
