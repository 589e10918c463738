package app

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"jiayuan/app/demo"
	"jiayuan/app/i18n"
	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// worksLedger is a small community for the works tests: 2 buildings of 6 units each, every
// unit 100.00 m² (the first of building A 50.00 m²) with an initial deposit of ¥10,000.00
// paid in full on the first day, one owner per unit except that one owner holds two units
// of building A (so A has 6 units but 5 owners).
type worksLedger struct {
	sess      *Session
	st        *store.Store
	buildings [2]int64
	units     [2][]int64
}

const worksToday = "2026-11-22"

func newWorksLedger(t *testing.T, start string) *worksLedger {
	t.Helper()
	now, _ := ledger.ParseDate(worksToday)
	now = now.Add(10 * time.Hour)
	path := filepath.Join(t.TempDir(), "works.jiayuan")
	st, err := store.Create(path, store.Community{Name: "和平苑", StartDate: start, Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	w := &worksLedger{}
	var shared int64
	for b := range 2 {
		if w.buildings[b], err = st.AddBuilding(store.Building{Code: fmt.Sprintf("%d号", b+1)}); err != nil {
			t.Fatal(err)
		}
		var total ledger.Money
		var splits []store.UnitSplit
		for k := range 6 {
			var owner int64
			if b == 0 && k == 1 {
				owner = shared
			} else if owner, err = st.AddOwner(store.Owner{Name: fmt.Sprintf("业主%d-%d", b+1, k+1)}); err != nil {
				t.Fatal(err)
			}
			if b == 0 && k == 0 {
				shared = owner
			}
			area := int64(10000)
			if b == 0 && k == 0 {
				area = 5000
			}
			id, err := st.AddUnit(store.Unit{BuildingID: w.buildings[b], Room: fmt.Sprintf("10%d", k+1), AreaCM2: area, HousingType: "commodity",
				Initial: ledger.Yuan(10000), OwnerID: owner})
			if err != nil {
				t.Fatal(err)
			}
			w.units[b] = append(w.units[b], id)
			total = total.Add(ledger.Yuan(10000))
			splits = append(splits, store.UnitSplit{UnitID: id, Amount: ledger.Yuan(10000)})
		}
		if _, err := st.PostVoucher(store.VoucherInput{Book: ledger.BookFund, Date: start, Summary: "首期交存", Splits: splits,
			Lines: []store.LineInput{{AccountCode: ledger.CodeBank, Amount: total}, {AccountCode: ledger.CodeFundInitial, Amount: total.Neg()}}}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	w.sess = NewSession(ops.NewConfigStore(t.TempDir()), i18n.MustLoad())
	w.sess.now = func() time.Time { return now }
	if w.st, err = w.sess.open(path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.sess.Close)
	return w
}

func wantKey(t *testing.T, err error, key string) {
	t.Helper()
	if got := ledger.KeyOf(err); got != key {
		t.Fatalf("want refusal %s, got %v", key, err)
	}
	if msg := NewError(i18n.MustLoad(), err).Message; msg == key || msg == "" {
		t.Fatalf("refusal %s has no Chinese message", key)
	}
}

// The whole life of a project on one building: a vote that falls short (and the expense it
// cannot carry), a passing vote, the cost audit, the apportionment preview, an expense one fen
// over the cost audit refused, the expense posted, acceptance.
func TestProjectFromVoteToExpense(t *testing.T) {
	w := newWorksLedger(t, "2026-01-01")
	s := NewProjectService(w.sess)
	opts, err := s.Options()
	if err != nil {
		t.Fatal(err)
	}
	if len(opts.Buildings) != 2 || opts.Buildings[0].Units != 6 || opts.Buildings[0].Area != "550.00" || opts.TotalUnits != 12 ||
		len(opts.EmergencyTriggers) != len(ledger.EmergencyTriggers) || opts.Today != worksToday {
		t.Fatalf("options %+v", opts)
	}
	id, err := s.CreateProject(ProjectForm{Name: "1号楼屋面防水", Reason: "屋面渗漏", Kind: "normal", Budget: "12,000", Contractor: "安居建设",
		SelectionMethod: "三家比选", ContractNo: "HT-01", ScopeKind: "buildings", BuildingIDs: []int64{w.buildings[0]}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Project(id)
	if err != nil {
		t.Fatal(err)
	}
	if p.ScopeUnits != 6 || p.ScopeArea != "550.00" || p.ScopeOwners != 5 || p.Stage != "vote" || p.Budget != "12000.00" ||
		p.CreatedOn != worksToday || len(p.Buildings) != 1 || p.Buildings[0].Code != "1号" {
		t.Fatalf("project %+v", p)
	}

	// typing: nothing yet, then participation only
	c, err := s.CheckVote(id, VoteForm{})
	if err != nil || c.Complete || c.Passed || c.ScopeArea != "550.00" || c.ScopeOwners != 5 || c.Problem != nil {
		t.Fatalf("empty check %+v %v", c, err)
	}
	c, _ = s.CheckVote(id, VoteForm{PartArea: "350", PartOwners: "3"})
	if c.PartAreaPct != "63.63" || c.PartAreaOK || c.PartOwnersPct != "60.00" || c.PartOwnersOK || c.Complete {
		t.Fatalf("partial check %+v", c)
	}
	short := VoteForm{Title: "屋面防水表决", Date: worksToday, PartArea: "350.00", PartOwners: "4", AgreeArea: "300", AgreeOwners: "3"}
	c, _ = s.CheckVote(id, short)
	if !c.Complete || c.Passed || c.PartAreaOK || !c.PartOwnersOK || !c.AgreeAreaOK || !c.AgreeOwnersOK || c.Reason == nil ||
		c.Reason.Key != "vote.participation_area_low" || c.Reason.Message == "" {
		t.Fatalf("short check %+v", c)
	}
	rec, err := s.RecordVote(id, short)
	if err != nil || rec.Passed {
		t.Fatalf("recording a short vote: %+v %v", rec, err)
	}
	if err := s.SetCostAudit(id, "11,500.00"); err != nil {
		t.Fatal(err)
	}
	_, err = s.PostExpense(id, ProjectExpenseForm{Date: worksToday, Amount: "11500"})
	wantKey(t, err, "vote.participation_area_low")

	pass := VoteForm{Title: "屋面防水表决（第二次）", Body: "partial", Date: worksToday, PartArea: "450", PartOwners: "4", AgreeArea: "400", AgreeOwners: "3"}
	c, _ = s.CheckVote(id, pass)
	if !c.Passed || !c.PartAreaOK || !c.PartOwnersOK || !c.AgreeAreaOK || !c.AgreeOwnersOK || c.Reason != nil || c.AgreeAreaPct != "88.88" {
		t.Fatalf("passing check %+v", c)
	}
	if rec, err = s.RecordVote(id, pass); err != nil || !rec.Passed {
		t.Fatalf("recording a passing vote: %+v %v", rec, err)
	}

	// the apportionment preview: 6 units by area, total equal to the expense to the fen
	pv, err := s.ApportionPreview(id, "11,500.00", 0, 4)
	if err != nil {
		t.Fatal(err)
	}
	if pv.Amount != "11500.00" || pv.Total != "11500.00" || pv.Units != 6 || pv.TotalArea != "550.00" || len(pv.Rows) != 4 ||
		pv.Rows[0].Unit != "1号-101" || pv.Rows[0].Area != "50.00" || pv.Rows[0].Share != "1045.45" || pv.Rows[0].Owner == "" {
		t.Fatalf("preview %+v", pv)
	}
	pv2, _ := s.ApportionPreview(id, "11500", 4, 4)
	if len(pv2.Rows) != 2 || pv2.Offset != 4 {
		t.Fatalf("second page %+v", pv2)
	}
	sum := ledger.Zero
	for _, r := range append(pv.Rows, pv2.Rows...) {
		m, _ := ledger.ParseAmount(r.Share)
		sum = sum.Add(m)
	}
	if sum.String() != "11500.00" {
		t.Fatalf("shares add up to %s", sum)
	}

	_, err = s.PostExpense(id, ProjectExpenseForm{Date: worksToday, Amount: "11500.01"})
	wantKey(t, err, "project.over_cost_audit")
	v, err := s.PostExpense(id, ProjectExpenseForm{Date: worksToday, Amount: "11,500.00"})
	if err != nil || v.No == "" || v.Total != "11500.00" || v.Summary != "1号楼屋面防水 工程款" {
		t.Fatalf("expense %+v %v", v, err)
	}
	p, _ = s.Project(id)
	if p.Charged != "11500.00" || p.Remaining != "0.00" || p.Stage != "accept" || len(p.Votes) != 2 || len(p.Vouchers) != 1 ||
		p.Vouchers[0].No != v.No || !p.Votes[0].Valid || p.Votes[1].Valid || p.Votes[1].Passed || p.Votes[0].Body != "partial" {
		t.Fatalf("after the expense %+v", p)
	}
	if err := s.SetAcceptance(id, worksToday); err != nil {
		t.Fatal(err)
	}
	list, _ := s.Projects()
	if len(list) != 1 || list[0].Stage != "done" || list[0].AcceptedOn != worksToday || !list[0].Voted {
		t.Fatalf("list %+v", list)
	}
	// the unit's sub-account carries its share
	stmt, _ := w.st.UnitStatement(w.units[0][0])
	if last := stmt[len(stmt)-1]; last.Amount.String() != "-1045.45" {
		t.Fatalf("unit statement %+v", last)
	}
}

// The live check's figure-by-figure verdicts agree with the store's exact R3 check at the
// boundaries: exactly 2/3 participates, exactly half agrees.
func TestVoteCheckBoundaries(t *testing.T) {
	w := newWorksLedger(t, "2026-01-01")
	s := NewProjectService(w.sess)
	// building 2: 6 units of 100.00 m², 6 owners
	id, err := s.CreateProject(ProjectForm{Name: "2号楼", ScopeKind: "buildings", BuildingIDs: []int64{w.buildings[1]}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		f                    VoteForm
		pa, po, aa, ao, pass bool
	}{
		{VoteForm{PartArea: "400", PartOwners: "4", AgreeArea: "200.01", AgreeOwners: "3"}, true, true, true, true, true},
		{VoteForm{PartArea: "399.99", PartOwners: "4", AgreeArea: "300", AgreeOwners: "3"}, false, true, true, true, false},
		{VoteForm{PartArea: "400", PartOwners: "3", AgreeArea: "300", AgreeOwners: "2"}, true, false, true, true, false},
		{VoteForm{PartArea: "400", PartOwners: "4", AgreeArea: "200", AgreeOwners: "3"}, true, true, false, true, false},
		{VoteForm{PartArea: "400", PartOwners: "4", AgreeArea: "300", AgreeOwners: "2"}, true, true, true, false, false},
		{VoteForm{PartArea: "６００", PartOwners: "６", AgreeArea: "600㎡", AgreeOwners: "6人"}, true, true, true, true, true},
	} {
		c, err := s.CheckVote(id, tc.f)
		if err != nil || c.Problem != nil {
			t.Fatalf("%+v: %v %+v", tc.f, err, c.Problem)
		}
		if c.PartAreaOK != tc.pa || c.PartOwnersOK != tc.po || c.AgreeAreaOK != tc.aa || c.AgreeOwnersOK != tc.ao || c.Passed != tc.pass || !c.Complete {
			t.Errorf("%+v: got %+v", tc.f, c)
		}
		if c.Passed != (c.PartAreaOK && c.PartOwnersOK && c.AgreeAreaOK && c.AgreeOwnersOK) {
			t.Errorf("%+v: verdict disagrees with the figures", tc.f)
		}
	}
	// unreadable or contradictory figures are a problem to fix, not a vote result
	c, _ := s.CheckVote(id, VoteForm{PartArea: "四百"})
	if c.Problem == nil || c.Problem.Key != "area.invalid" || c.Problem.Message == "" || c.ScopeArea != "600.00" {
		t.Errorf("unreadable area: %+v", c)
	}
	c, _ = s.CheckVote(id, VoteForm{PartOwners: "4.5"})
	if c.Problem == nil || c.Problem.Key != "works.count_invalid" {
		t.Errorf("unreadable count: %+v", c)
	}
	c, _ = s.CheckVote(id, VoteForm{PartArea: "400", AgreeArea: "450"})
	if c.Problem == nil || c.Problem.Key != "vote.agreement_exceeds_participation" {
		t.Errorf("agree > part: %+v", c)
	}
	c, _ = s.CheckVote(id, VoteForm{PartArea: "700"})
	if c.Problem == nil || c.Problem.Key != "vote.participation_exceeds_scope" {
		t.Errorf("part > scope: %+v", c)
	}
	_, err = s.RecordVote(id, VoteForm{Title: "x", PartArea: "400"})
	wantKey(t, err, "works.vote_incomplete")
	_, err = s.RecordVote(id, VoteForm{Title: "x", PartArea: "400", PartOwners: "4", AgreeArea: "500", AgreeOwners: "3"})
	wantKey(t, err, "vote.agreement_exceeds_participation")
	p, _ := s.Project(id)
	if len(p.Votes) != 0 {
		t.Errorf("a refused vote was recorded: %+v", p.Votes)
	}
}

func TestCreateProjectRefusals(t *testing.T) {
	w := newWorksLedger(t, "2026-01-01")
	s := NewProjectService(w.sess)
	_, err := s.CreateProject(ProjectForm{Name: " ", ScopeKind: "community"})
	wantKey(t, err, "project.name_empty")
	_, err = s.CreateProject(ProjectForm{Name: "电梯", Kind: "emergency", ScopeKind: "community"})
	wantKey(t, err, "works.trigger_required")
	_, err = s.CreateProject(ProjectForm{Name: "电梯", Kind: "emergency", EmergencyTrigger: "rain", ScopeKind: "community"})
	wantKey(t, err, "project.bad_emergency_trigger")
	_, err = s.CreateProject(ProjectForm{Name: "电梯", ScopeKind: "buildings"})
	wantKey(t, err, "works.choose_buildings")
	_, err = s.CreateProject(ProjectForm{Name: "电梯", ScopeKind: "units"})
	wantKey(t, err, "works.choose_units")
	_, err = s.CreateProject(ProjectForm{Name: "电梯", ScopeKind: "community", Budget: "12.345"})
	wantKey(t, err, "amount.too_many_decimals")
	if ps, _ := s.Projects(); len(ps) != 0 {
		t.Fatalf("refused projects were recorded: %+v", ps)
	}

	// an emergency project on two picked units needs no vote: cost audit, then pay
	page, err := s.SearchUnits("2-10", 0, 0, 50)
	if err != nil || page.Total != 6 || page.Rows[0].Label != "2号-101" {
		t.Fatalf("search 2-10: %+v %v", page, err)
	}
	page, _ = s.SearchUnits("业主2-3", 0, 0, 50)
	if page.Total != 1 || page.Rows[0].Room != "103" {
		t.Fatalf("search by owner: %+v", page)
	}
	id, err := s.CreateProject(ProjectForm{Name: "水泵抢修", Kind: "emergency", EmergencyTrigger: "water_supply", ScopeKind: "units",
		UnitIDs: []int64{w.units[1][0], w.units[1][1]}})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := s.Project(id)
	if p.Stage != "costAudit" || p.ScopeUnits != 2 || p.EmergencyTrigger != "water_supply" {
		t.Fatalf("emergency project %+v", p)
	}
	_, err = s.PostExpense(id, ProjectExpenseForm{Amount: "100"})
	wantKey(t, err, "project.no_cost_audit")
	if err := s.SetCostAudit(id, "-5"); ledger.KeyOf(err) != "amount.not_positive" {
		t.Fatalf("negative cost audit: %v", err)
	}
	if err := s.SetCostAudit(id, "800"); err != nil {
		t.Fatal(err)
	}
	// issue 11 (regulation art. 73/87): no emergency record, no payment
	_, err = s.PostExpense(id, ProjectExpenseForm{Amount: "800", Summary: "水泵抢修"})
	wantKey(t, err, "emergency.approval_missing")
	if err := s.SetEmergencyRecord(id, EmergencyForm{ApprovedOn: worksToday, InformedOn: worksToday}); err != nil {
		t.Fatal(err)
	}
	if r, err := s.EmergencyRecord(id); err != nil || r.ApprovedOn != worksToday {
		t.Fatalf("record %+v %v", r, err)
	}
	if _, err := s.PostExpense(id, ProjectExpenseForm{Amount: "800", Summary: "水泵抢修"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCostAudit(id, "799.99"); ledger.KeyOf(err) != "project.cost_audit_below_charged" {
		t.Fatalf("cost audit below charged: %v", err)
	}
}

// On the demo ledger (its history of projects), the list and every project page read.
func TestProjectsOnTheDemo(t *testing.T) {
	sess := NewSession(ops.NewConfigStore(t.TempDir()), i18n.MustLoad())
	p := filepath.Join(t.TempDir(), "demo.jiayuan")
	if err := demo.Generate(p, demo.Options{Units: 60, Years: 4}); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.open(p); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sess.Close)
	s := NewProjectService(sess)
	list, err := s.Projects()
	if err != nil || len(list) < 3 {
		t.Fatalf("%d projects, %v", len(list), err)
	}
	for _, r := range list {
		d, err := s.Project(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Stage != "done" || d.Charged != d.CostAudit || len(d.Vouchers) == 0 {
			t.Errorf("demo project %s: stage %s charged %s cost audit %s", d.Name, d.Stage, d.Charged, d.CostAudit)
		}
		if d.EmergencyTrigger == "" && (len(d.Votes) == 0 || !d.Votes[0].Valid) {
			t.Errorf("demo project %s has no valid vote", d.Name)
		}
	}
}
