package app

import (
	"jiayuan/app/ops"
)

// The repair projects screen's types that cross the bridge.

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
