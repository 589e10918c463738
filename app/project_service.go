package app

import (
	"strings"

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
