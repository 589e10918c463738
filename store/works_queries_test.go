package store_test

import (
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

func TestProjectVotesVouchersAndScope(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	id := f.project(store.ProjectInput{ScopeKind: "buildings", BuildingIDs: []int64{f.bB}}, false, "1000.00")
	short := store.VoteInput{Title: "第一次", Date: "2024-01-20", PartArea: 10000, PartOwners: 1, AgreeArea: 10000, AgreeOwners: 1}
	if _, vc, err := f.s.RecordProjectVote(id, short); err != nil || vc.Passed {
		t.Fatalf("short vote %v %+v", err, vc)
	}
	pass := store.VoteInput{Title: "第二次", Body: "partial", Date: "2024-01-25", PartArea: 20000, PartOwners: 1, AgreeArea: 20000, AgreeOwners: 1, Note: "书面表决"}
	rid, _, err := f.s.RecordProjectVote(id, pass)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := f.s.ProjectResolutions(id)
	if err != nil || len(rs) != 2 {
		t.Fatalf("%d resolutions, %v", len(rs), err)
	}
	r := rs[0] // newest first
	if r.ID != rid || r.Title != "第二次" || r.Body != "partial" || r.Kind != "use" || r.ProjectID != id || r.ScopeArea != 20000 ||
		r.ScopeOwners != 1 || !r.Passed || r.Note != "书面表决" || rs[1].Passed {
		t.Fatalf("resolutions %+v", rs)
	}
	if one, err := f.s.Resolution(rid); err != nil || one != r {
		t.Fatalf("resolution %+v %v", one, err)
	}
	if _, err := f.s.Resolution(999); ledger.KeyOf(err) != "record.not_found" {
		t.Fatalf("unknown resolution: %v", err)
	}

	bs, err := f.s.ProjectScopeBuildings(id)
	if err != nil || len(bs) != 1 || bs[0].Code != "2号" || bs[0].Units != 2 || bs[0].Total != 2 || bs[0].AreaCM2 != 20000 {
		t.Fatalf("scope buildings %+v %v", bs, err)
	}
	all, err := f.s.BuildingSummaries()
	if err != nil || len(all) != 2 || all[0].Code != "1号" || all[0].Units != 3 || all[0].AreaCM2 != 30000 || !all[0].HasLift {
		t.Fatalf("buildings %+v %v", all, err)
	}

	v, err := f.s.PostProjectExpense(id, "2024-02-01", m("600.00"), "工程款", nil)
	if err != nil {
		t.Fatal(err)
	}
	rev, err := f.s.Reverse(v.ID, "2024-02-02", "金额有误")
	if err != nil {
		t.Fatal(err)
	}
	f.depositAll("2024-02-03") // another voucher, of no project
	vs, err := f.s.ProjectVouchers(id)
	if err != nil || len(vs) != 2 || vs[0].ID != v.ID || !vs[0].Reversed || vs[0].Total.String() != "600.00" || vs[1].ID != rev[0].ID ||
		vs[1].ReversesID != v.ID || vs[0].No == "" {
		t.Fatalf("project vouchers %+v %v", vs, err)
	}

	labels, err := f.s.UnitLabels([]int64{f.units[0], f.units[4], 9999})
	if err != nil || len(labels) != 2 || labels[f.units[4]].BuildingCode != "2号" || labels[f.units[4]].Room != "202" ||
		labels[f.units[4]].OwnerName != "赵六" || labels[f.units[0]].AreaCM2 != 10000 {
		t.Fatalf("labels %+v %v", labels, err)
	}
}

func TestReplenishmentDecisionCheckAndDuesPage(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	// spend down to ¥10,000.00 of ¥50,000.00 (20%): a case opens
	pid := f.communityProject()
	if _, err := f.s.PostProjectExpense(pid, "2024-02-01", m("40000.00"), "工程款", nil); err != nil {
		t.Fatal(err)
	}
	cases, _ := f.s.ReplenishmentCases()
	if len(cases) != 1 || cases[0].Status != "open" {
		t.Fatalf("cases %+v", cases)
	}
	cid := cases[0].ID
	before := f.fingerprint()
	// community: 500.00 m², 4 owners; 3 of 4 take part with 400 m²; 300 m² agree = exactly 3/4
	in := store.VoteInput{Date: "2024-02-10", PartArea: 40000, PartOwners: 3, AgreeArea: 30000, AgreeOwners: 3}
	vc, err := f.s.CheckReplenishmentDecision(cid, in)
	if err != nil || !vc.Passed || vc.ScopeArea != 50000 || vc.ScopeOwners != 4 {
		t.Fatalf("check %+v %v", vc, err)
	}
	in.AgreeArea = 29999
	vc, _ = f.s.CheckReplenishmentDecision(cid, in)
	if vc.Passed || ledger.KeyOf(vc.Refusal) != "vote.approval_area_low" {
		t.Fatalf("short check %+v", vc)
	}
	if after := f.fingerprint(); after != before {
		t.Fatal("the check wrote to the ledger")
	}
	_, rec, err := f.s.RecordReplenishmentDecision(cid, in, nil)
	if err != nil || rec.Passed != vc.Passed || rec.ScopeArea != vc.ScopeArea {
		t.Fatalf("the record disagrees with the check: %+v vs %+v (%v)", rec, vc, err)
	}
	if _, err := f.s.CheckReplenishmentDecision(999, in); ledger.KeyOf(err) != "record.not_found" {
		t.Fatalf("unknown case: %v", err)
	}

	// the failed decision set nothing; a passing one (exactly 3/4) sets the default terms' dues,
	// and the bank notice is then refused: the owners decided (R1, statute's order)
	in.AgreeArea = 30000
	if _, rec, err := f.s.RecordReplenishmentDecision(cid, in, nil); err != nil || !rec.Passed {
		t.Fatalf("decision %+v %v", rec, err)
	}
	f.refuse("replenish.notice_after_decision", func() error { return f.s.RecordBankNotice(cid, "2024-05-15") })
	rows, n, err := f.s.CaseDuesPage(cid, store.DueFilter{Limit: 2})
	if err != nil || n != 5 || len(rows) != 2 || rows[0].BuildingCode != "1号" || rows[0].Room != "101" || rows[0].OwnerName != "张三" {
		t.Fatalf("first page %+v %d %v", rows, n, err)
	}
	// each unit bore 40000 × area/500 and owes its top-up back to 50% of its initial amount
	u4, ok, err := f.s.CaseDue(cid, f.units[3])
	if err != nil || !ok || u4.Due.String() != "2400.00" || !u4.Paid.IsZero() || u4.Room != "201" {
		t.Fatalf("u4 due %+v %v %v", u4, ok, err)
	}
	if _, err := f.s.RecordReplenishmentPayment(cid, f.units[3], "2024-03-01", u4.Due, ""); err != nil {
		t.Fatal(err)
	}
	if _, n, _ := f.s.CaseDuesPage(cid, store.DueFilter{Outstanding: true}); n != 4 {
		t.Fatalf("%d units still owe, want 4", n)
	}
	rows, n, _ = f.s.CaseDuesPage(cid, store.DueFilter{Text: "2号"})
	if n != 2 || rows[0].Paid.String() != "2400.00" || rows[1].Paid.Sign() != 0 {
		t.Fatalf("building 2 %+v", rows)
	}
	if _, n, _ := f.s.CaseDuesPage(cid, store.DueFilter{Text: "2号-202"}); n != 1 {
		t.Fatalf("by label: %d", n)
	}
	if _, n, _ := f.s.CaseDuesPage(cid, store.DueFilter{Text: "李四"}); n != 1 {
		t.Fatalf("by owner: %d", n)
	}
	if _, ok, err := f.s.CaseDue(cid, 9999); ok || err != nil {
		t.Fatalf("unknown unit: %v %v", ok, err)
	}
}
