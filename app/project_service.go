package app

import (
	"strings"

	"jiayuan/app/i18n"
	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// ProjectService is the repair projects screen (维修工程): projects with their scope, the
// owners' votes checked live against R3, the cost audit, acceptance, and the fund expense with
// its per-unit apportionment (R4). It is bound to the frontend.
type ProjectService struct {
	sess *Session
}

// NewProjectService builds the service.
func NewProjectService(sess *Session) *ProjectService { return &ProjectService{sess: sess} }

// ScopeBuildingOption is a building as scope pickers list it.
type ScopeBuildingOption struct {
	ID    int64  `json:"id"`
	Code  string `json:"code"`
	Name  string `json:"name"`
	Units int    `json:"units"`
	Area  string `json:"area"` // m², 2 dp
}

// ProjectOptions is what the new-project form offers.
type ProjectOptions struct {
	Today             string                `json:"today"`
	EmergencyTriggers []string              `json:"emergencyTriggers"` // keys of the statutory triggers
	Buildings         []ScopeBuildingOption `json:"buildings"`
	TotalUnits        int                   `json:"totalUnits"`
	TotalArea         string                `json:"totalArea"`
}

// ProjectForm is a new project as typed. Kind is "normal" (needs a vote) or "emergency"
// (cites EmergencyTrigger instead). ScopeKind is community, buildings or units.
type ProjectForm struct {
	Name             string  `json:"name"`
	Reason           string  `json:"reason"`
	Kind             string  `json:"kind"`
	EmergencyTrigger string  `json:"emergencyTrigger"`
	Budget           string  `json:"budget"`
	Contractor       string  `json:"contractor"`
	SelectionMethod  string  `json:"selectionMethod"`
	ContractNo       string  `json:"contractNo"`
	Date             string  `json:"date"`
	ScopeKind        string  `json:"scopeKind"`
	BuildingIDs      []int64 `json:"buildingIds"`
	UnitIDs          []int64 `json:"unitIds"`
}

// ProjectRow is a project as the list shows it.
type ProjectRow struct {
	ID               int64  `json:"id"`
	Name             string `json:"name"`
	Reason           string `json:"reason"`
	ScopeKind        string `json:"scopeKind"`
	EmergencyTrigger string `json:"emergencyTrigger"`
	Budget           string `json:"budget"`
	CostAudit        string `json:"costAudit"` // "0.00" until the cost audit is recorded
	Charged          string `json:"charged"`
	Remaining        string `json:"remaining"` // cost audit − charged
	AcceptedOn       string `json:"acceptedOn"`
	CreatedOn        string `json:"createdOn"`
	ScopeUnits       int    `json:"scopeUnits"`
	ScopeArea        string `json:"scopeArea"`
	ScopeOwners      int64  `json:"scopeOwners"`
	Voted            bool   `json:"voted"` // a passing vote of the scope's owners is on record
	// Stage is the next step: vote, costAudit, pay, accept, done.
	Stage string `json:"stage"`
}

// ScopeBuildingRow is a building in a project's scope.
type ScopeBuildingRow struct {
	ID    int64  `json:"id"`
	Code  string `json:"code"`
	Units int    `json:"units"`
	Total int    `json:"total"`
	Area  string `json:"area"`
}

// VoteRow is a recorded vote with its shares.
type VoteRow struct {
	ID             int64  `json:"id"`
	Title          string `json:"title"`
	Body           string `json:"body"`
	Date           string `json:"date"`
	ScopeArea      string `json:"scopeArea"`
	ScopeOwners    int64  `json:"scopeOwners"`
	PartArea       string `json:"partArea"`
	PartOwners     int64  `json:"partOwners"`
	AgreeArea      string `json:"agreeArea"`
	AgreeOwners    int64  `json:"agreeOwners"`
	PartAreaPct    string `json:"partAreaPct"`
	PartOwnersPct  string `json:"partOwnersPct"`
	AgreeAreaPct   string `json:"agreeAreaPct"`
	AgreeOwnersPct string `json:"agreeOwnersPct"`
	Passed         bool   `json:"passed"`
	// Valid: it passed and its denominators are the project's scope today, so an expense may
	// cite it.
	Valid bool   `json:"valid"`
	Note  string `json:"note"`
}

// ProjectVoucher is a posted voucher as lists show it.
type ProjectVoucher struct {
	ID         int64  `json:"id"`
	No         string `json:"no"`
	Date       string `json:"date"`
	Summary    string `json:"summary"`
	Kind       string `json:"kind"`
	Total      string `json:"total"`
	Reversed   bool   `json:"reversed"`
	ReversesID int64  `json:"reversesId"`
}

// ProjectDetail is the project page.
type ProjectDetail struct {
	ProjectRow
	Contractor      string             `json:"contractor"`
	SelectionMethod string             `json:"selectionMethod"`
	ContractNo      string             `json:"contractNo"`
	Buildings       []ScopeBuildingRow `json:"buildings"`
	Votes           []VoteRow          `json:"votes"`
	Vouchers        []ProjectVoucher   `json:"vouchers"`
	Today           string             `json:"today"`
}

// VoteForm is a vote's figures as typed (ops.VoteForm, under app on the bridge).
type VoteForm ops.VoteForm

// VoteCheckResult is the live check of a vote's figures against R3, figure by figure. A
// figure's share is "" while it cannot be computed (not typed yet, or nothing to divide by).
type VoteCheckResult struct {
	Kind           string `json:"kind"` // use (> 1/2 agree) or replenish (≥ 3/4 agree)
	ScopeArea      string `json:"scopeArea"`
	ScopeOwners    int64  `json:"scopeOwners"`
	PartAreaPct    string `json:"partAreaPct"`
	PartOwnersPct  string `json:"partOwnersPct"`
	AgreeAreaPct   string `json:"agreeAreaPct"`
	AgreeOwnersPct string `json:"agreeOwnersPct"`
	PartAreaOK     bool   `json:"partAreaOk"`
	PartOwnersOK   bool   `json:"partOwnersOk"`
	AgreeAreaOK    bool   `json:"agreeAreaOk"`
	AgreeOwnersOK  bool   `json:"agreeOwnersOk"`
	// Complete: all four figures are typed and readable; only then does Passed mean anything.
	Complete bool `json:"complete"`
	Passed   bool `json:"passed"`
	// Problem says what is wrong with the figures as typed (unreadable, or more agreeing than
	// participating); such figures cannot be recorded.
	Problem *Error `json:"problem"`
	// Reason is why complete figures fail R3 (the first figure that falls short).
	Reason *Error `json:"reason"`
}

// ApportionRow is one unit's share of an expense.
type ApportionRow struct {
	UnitID int64  `json:"unitId"`
	Unit   string `json:"unit"` // "3号-1201"
	Owner  string `json:"owner"`
	Area   string `json:"area"`
	Share  string `json:"share"`
}

// ApportionPage is one page of an apportionment preview, with the totals of all units.
type ApportionPage struct {
	Amount    string         `json:"amount"`
	Total     string         `json:"total"` // Σ of every unit's share: equals Amount to the fen (R4)
	Units     int            `json:"units"`
	TotalArea string         `json:"totalArea"`
	Offset    int            `json:"offset"`
	Rows      []ApportionRow `json:"rows"`
}

// ProjectExpenseForm is a fund expense for a project as typed.
type ProjectExpenseForm struct {
	Date    string `json:"date"`
	Amount  string `json:"amount"`
	Summary string `json:"summary"`
}

// ScopeUnitPick is a unit as the scope picker lists it.
type ScopeUnitPick struct {
	ID       int64  `json:"id"`
	Label    string `json:"label"` // "3号-1201"
	Building string `json:"building"`
	Room     string `json:"room"`
	Owner    string `json:"owner"`
	Area     string `json:"area"`
}

// ScopeUnitPage is one page of the picker's search.
type ScopeUnitPage struct {
	Total int             `json:"total"`
	Rows  []ScopeUnitPick `json:"rows"`
}

func (s *ProjectService) today() string { return ledger.FormatDate(s.sess.now()) }

// Options returns what the new-project form needs: the statutory emergency triggers and the
// buildings with their units.
func (s *ProjectService) Options() (ProjectOptions, error) {
	st, err := s.sess.Store()
	if err != nil {
		return ProjectOptions{}, err
	}
	bs, err := st.BuildingSummaries()
	if err != nil {
		return ProjectOptions{}, err
	}
	o := ProjectOptions{Today: s.today(), EmergencyTriggers: append([]string{}, ledger.EmergencyTriggers...), Buildings: []ScopeBuildingOption{}}
	var area int64
	for _, b := range bs {
		o.Buildings = append(o.Buildings, ScopeBuildingOption{ID: b.ID, Code: b.Code, Name: b.Name, Units: b.Units, Area: ledger.FormatArea(b.AreaCM2)})
		o.TotalUnits += b.Units
		area += b.AreaCM2
	}
	o.TotalArea = ledger.FormatArea(area)
	return o, nil
}

// SearchUnits finds units for the scope picker by room, building or owner, one page at a time.
func (s *ProjectService) SearchUnits(text string, buildingID int64, offset, limit int) (ScopeUnitPage, error) {
	st, err := s.sess.Store()
	if err != nil {
		return ScopeUnitPage{}, err
	}
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	if offset < 0 {
		offset = 0
	}
	rows, n, err := ops.SearchUnits(st, ops.UnitSearch{Text: text, BuildingID: buildingID, Offset: offset, Limit: limit})
	if err != nil {
		return ScopeUnitPage{}, err
	}
	out := ScopeUnitPage{Total: n, Rows: []ScopeUnitPick{}}
	for _, u := range rows {
		out.Rows = append(out.Rows, ScopeUnitPick{ID: u.ID, Label: u.BuildingCode + "-" + u.Room, Building: u.BuildingCode, Room: u.Room,
			Owner: u.OwnerName, Area: ledger.FormatArea(u.AreaCM2)})
	}
	return out, nil
}

// Projects lists the projects, newest first.
func (s *ProjectService) Projects() ([]ProjectRow, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	ps, err := st.Projects()
	if err != nil {
		return nil, err
	}
	out := make([]ProjectRow, 0, len(ps))
	for _, p := range ps {
		out = append(out, projectRow(p))
	}
	return out, nil
}

func projectRow(p store.Project) ProjectRow {
	r := ProjectRow{ID: p.ID, Name: p.Name, Reason: p.Reason, ScopeKind: p.ScopeKind, EmergencyTrigger: p.EmergencyTrigger,
		Budget: p.Budget.String(), CostAudit: p.CostAudit.String(), Charged: p.Charged.String(), Remaining: p.CostAudit.Sub(p.Charged).String(),
		AcceptedOn: p.AcceptedOn, CreatedOn: p.CreatedOn, ScopeUnits: p.ScopeUnits, ScopeArea: ledger.FormatArea(p.ScopeAreaCM2),
		ScopeOwners: p.ScopeOwners, Voted: p.ResolutionID != 0}
	switch {
	case p.EmergencyTrigger == "" && p.ResolutionID == 0:
		r.Stage = "vote"
	case p.CostAudit.Sign() <= 0:
		r.Stage = "costAudit"
	case p.Charged.Sign() <= 0:
		r.Stage = "pay"
	case p.AcceptedOn == "":
		r.Stage = "accept"
	default:
		r.Stage = "done"
	}
	return r
}

// Project returns the project page: its figures, scope, votes and vouchers.
func (s *ProjectService) Project(id int64) (ProjectDetail, error) {
	st, err := s.sess.Store()
	if err != nil {
		return ProjectDetail{}, err
	}
	p, err := st.Project(id)
	if err != nil {
		return ProjectDetail{}, err
	}
	d := ProjectDetail{ProjectRow: projectRow(p), Contractor: p.Contractor, SelectionMethod: p.SelectionMethod, ContractNo: p.ContractNo,
		Buildings: []ScopeBuildingRow{}, Votes: []VoteRow{}, Vouchers: []ProjectVoucher{}, Today: s.today()}
	bs, err := st.ProjectScopeBuildings(id)
	if err != nil {
		return d, err
	}
	for _, b := range bs {
		d.Buildings = append(d.Buildings, ScopeBuildingRow{ID: b.ID, Code: b.Code, Units: b.Units, Total: b.Total, Area: ledger.FormatArea(b.AreaCM2)})
	}
	rs, err := st.ProjectResolutions(id)
	if err != nil {
		return d, err
	}
	for _, r := range rs {
		v := voteRow(r)
		v.Valid = r.Passed && r.ScopeArea == p.ScopeAreaCM2 && r.ScopeOwners == p.ScopeOwners
		d.Votes = append(d.Votes, v)
	}
	vs, err := st.ProjectVouchers(id)
	if err != nil {
		return d, err
	}
	for _, v := range vs {
		d.Vouchers = append(d.Vouchers, projectVoucher(v))
	}
	return d, nil
}

func projectVoucher(v store.VoucherListRow) ProjectVoucher {
	return ProjectVoucher{ID: v.ID, No: v.No, Date: v.Date, Summary: v.Summary, Kind: v.Kind, Total: v.Total.String(), Reversed: v.Reversed, ReversesID: v.ReversesID}
}

func voteRow(r store.Resolution) VoteRow {
	return VoteRow{ID: r.ID, Title: r.Title, Body: r.Body, Date: r.Date, ScopeArea: ledger.FormatArea(r.ScopeArea), ScopeOwners: r.ScopeOwners,
		PartArea: ledger.FormatArea(r.PartArea), PartOwners: r.PartOwners, AgreeArea: ledger.FormatArea(r.AgreeArea), AgreeOwners: r.AgreeOwners,
		PartAreaPct: ops.Percent(r.PartArea, r.ScopeArea), PartOwnersPct: ops.Percent(r.PartOwners, r.ScopeOwners), AgreeAreaPct: ops.Percent(r.AgreeArea, r.PartArea),
		AgreeOwnersPct: ops.Percent(r.AgreeOwners, r.PartOwners), Passed: r.Passed, Note: r.Note}
}

// CreateProject records a new project with its scope and returns its id.
func (s *ProjectService) CreateProject(f ProjectForm) (int64, error) {
	st, err := s.sess.Store()
	if err != nil {
		return 0, err
	}
	in := store.ProjectInput{Name: f.Name, Reason: f.Reason, ScopeKind: f.ScopeKind, BuildingIDs: f.BuildingIDs, UnitIDs: f.UnitIDs,
		Contractor: f.Contractor, SelectionMethod: f.SelectionMethod, ContractNo: f.ContractNo, Date: strings.TrimSpace(f.Date)}
	if strings.TrimSpace(f.Name) == "" {
		return 0, ledger.Refuse("project.name_empty")
	}
	switch f.Kind {
	case "emergency":
		if f.EmergencyTrigger == "" {
			return 0, ledger.Refuse("works.trigger_required")
		}
		in.EmergencyTrigger = f.EmergencyTrigger
	case "normal", "":
	default:
		return 0, ledger.Refuse("works.bad_project_kind", "kind", f.Kind)
	}
	if strings.TrimSpace(f.Budget) != "" {
		if in.Budget, err = ledger.ParsePositiveAmount(f.Budget); err != nil {
			return 0, err
		}
	}
	if in.Date == "" {
		in.Date = s.today()
	}
	switch f.ScopeKind {
	case "buildings":
		if len(f.BuildingIDs) == 0 {
			return 0, ledger.Refuse("works.choose_buildings")
		}
	case "units":
		if len(f.UnitIDs) == 0 {
			return 0, ledger.Refuse("works.choose_units")
		}
	}
	return st.CreateProject(in)
}

// checkResult applies R3 figure by figure (the core's own tests, ledger.ParticipationOK and
// ApprovalOK) and takes the verdict itself from the store's check.
func checkResult(cat i18n.Catalog, kind ledger.VoteKind, v ops.VoteFigures, vc store.VoteCheck) VoteCheckResult {
	in := v.In
	r := VoteCheckResult{Kind: string(kind), ScopeArea: ledger.FormatArea(vc.ScopeArea), ScopeOwners: vc.ScopeOwners}
	if v.HasPA {
		r.PartAreaPct = ops.Percent(in.PartArea, vc.ScopeArea)
		r.PartAreaOK = ledger.ParticipationOK(in.PartArea, vc.ScopeArea)
	}
	if v.HasPO {
		r.PartOwnersPct = ops.Percent(in.PartOwners, vc.ScopeOwners)
		r.PartOwnersOK = ledger.ParticipationOK(in.PartOwners, vc.ScopeOwners)
	}
	if v.HasAA && v.HasPA {
		r.AgreeAreaPct = ops.Percent(in.AgreeArea, in.PartArea)
		r.AgreeAreaOK = ledger.ApprovalOK(kind, in.AgreeArea, in.PartArea)
	}
	if v.HasAO && v.HasPO {
		r.AgreeOwnersPct = ops.Percent(in.AgreeOwners, in.PartOwners)
		r.AgreeOwnersOK = ledger.ApprovalOK(kind, in.AgreeOwners, in.PartOwners)
	}
	if v.Complete() {
		r.Complete = true
		r.Passed = vc.Passed
		if vc.Refusal != nil {
			e := NewError(cat, vc.Refusal)
			if strings.HasSuffix(ledger.KeyOf(vc.Refusal), "_low") {
				r.Reason = &e
			} else {
				r.Problem = &e
			}
		}
	} else {
		// a partial entry can already be inconsistent
		var key string
		switch {
		case v.HasPA && in.PartArea > vc.ScopeArea, v.HasPO && in.PartOwners > vc.ScopeOwners:
			key = "vote.participation_exceeds_scope"
		case v.HasAA && v.HasPA && in.AgreeArea > in.PartArea, v.HasAO && v.HasPO && in.AgreeOwners > in.PartOwners:
			key = "vote.agreement_exceeds_participation"
		}
		if key != "" {
			e := NewError(cat, ledger.Refuse(key))
			r.Problem = &e
		}
	}
	return r
}

func problemResult(cat i18n.Catalog, kind ledger.VoteKind, vc store.VoteCheck, err error) VoteCheckResult {
	e := NewError(cat, err)
	return VoteCheckResult{Kind: string(kind), ScopeArea: ledger.FormatArea(vc.ScopeArea), ScopeOwners: vc.ScopeOwners, Problem: &e}
}

// CheckVote is the live check of a vote on a project while its figures are typed: the scope's
// denominators, each share against its threshold, and whether the vote would pass. Nothing is
// written. Figures that cannot be read come back as Problem, not as an error.
func (s *ProjectService) CheckVote(projectID int64, f VoteForm) (VoteCheckResult, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VoteCheckResult{}, err
	}
	v, perr := ops.ReadVote(ops.VoteForm(f))
	vc, err := st.CheckProjectVote(projectID, v.In)
	if err != nil {
		return VoteCheckResult{}, err
	}
	if perr != nil {
		return problemResult(s.sess.cat, ledger.VoteUse, vc, perr), nil
	}
	return checkResult(s.sess.cat, ledger.VoteUse, v, vc), nil
}

// RecordVote records the owners' vote on a project. A vote that falls short is recorded as
// failed (it is a fact) but no expense may cite it; figures that contradict each other are
// refused.
func (s *ProjectService) RecordVote(projectID int64, f VoteForm) (VoteCheckResult, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VoteCheckResult{}, err
	}
	v, err := ops.ReadVote(ops.VoteForm(f))
	if err != nil {
		return VoteCheckResult{}, err
	}
	if !v.Complete() {
		return VoteCheckResult{}, ledger.Refuse("works.vote_incomplete")
	}
	if v.In.Date == "" {
		v.In.Date = s.today()
	}
	_, vc, err := st.RecordProjectVote(projectID, v.In)
	if err != nil {
		return VoteCheckResult{}, err
	}
	return checkResult(s.sess.cat, ledger.VoteUse, v, vc), nil
}

// SetCostAudit records the cost-audit (审价) amount: the most the fund may pay for the project.
func (s *ProjectService) SetCostAudit(projectID int64, amount string) error {
	st, err := s.sess.Store()
	if err != nil {
		return err
	}
	m, err := ledger.ParsePositiveAmount(amount)
	if err != nil {
		return err
	}
	return st.SetCostAudit(projectID, m)
}

// SetAcceptance records the day the works were accepted (竣工验收).
func (s *ProjectService) SetAcceptance(projectID int64, date string) error {
	st, err := s.sess.Store()
	if err != nil {
		return err
	}
	return st.SetAcceptance(projectID, strings.TrimSpace(date))
}

// ApportionPreview shows how an expense would fall on the project's units by area (R4): one
// page of units, with the total of every unit's share, which equals the amount to the fen.
func (s *ProjectService) ApportionPreview(projectID int64, amount string, offset, limit int) (ApportionPage, error) {
	st, err := s.sess.Store()
	if err != nil {
		return ApportionPage{}, err
	}
	m, err := ledger.ParsePositiveAmount(amount)
	if err != nil {
		return ApportionPage{}, err
	}
	shares, err := st.ApportionPreview(projectID, m)
	if err != nil {
		return ApportionPage{}, err
	}
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	if offset < 0 || offset >= len(shares) {
		offset = 0
	}
	var total ledger.Money
	var area int64
	for _, sh := range shares {
		total = total.Add(sh.Amount)
		area += sh.AreaCM2
	}
	page := shares[offset:min(offset+limit, len(shares))]
	ids := make([]int64, len(page))
	for i, sh := range page {
		ids[i] = sh.UnitID
	}
	labels, err := st.UnitLabels(ids)
	if err != nil {
		return ApportionPage{}, err
	}
	out := ApportionPage{Amount: m.String(), Total: total.String(), Units: len(shares), TotalArea: ledger.FormatArea(area), Offset: offset,
		Rows: make([]ApportionRow, 0, len(page))}
	for _, sh := range page {
		l := labels[sh.UnitID]
		out.Rows = append(out.Rows, ApportionRow{UnitID: sh.UnitID, Unit: l.BuildingCode + "-" + l.Room, Owner: l.OwnerName,
			Area: ledger.FormatArea(sh.AreaCM2), Share: sh.Amount.String()})
	}
	return out, nil
}

// PostExpense posts the fund's payment for the project (Dr 维修工程支出, Cr bank), apportioned
// over its scope. The store refuses it without a valid vote or emergency trigger, or above
// the cost-audit amount (R3).
func (s *ProjectService) PostExpense(projectID int64, f ProjectExpenseForm) (ProjectVoucher, error) {
	st, err := s.sess.Store()
	if err != nil {
		return ProjectVoucher{}, err
	}
	m, err := ledger.ParsePositiveAmount(f.Amount)
	if err != nil {
		return ProjectVoucher{}, err
	}
	date := strings.TrimSpace(f.Date)
	if date == "" {
		date = s.today()
	}
	summary := strings.TrimSpace(f.Summary)
	if summary == "" {
		p, err := st.Project(projectID)
		if err != nil {
			return ProjectVoucher{}, err
		}
		summary = p.Name + " 工程款"
	}
	v, err := st.PostProjectExpense(projectID, date, m, summary, nil)
	if err != nil {
		return ProjectVoucher{}, err
	}
	return ProjectVoucher{ID: v.ID, No: v.No, Date: v.Date, Summary: v.Summary, Kind: v.Kind, Total: v.Total.String()}, nil
}
