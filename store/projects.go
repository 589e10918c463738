package store

import (
	"strings"

	"jiayuan/store/ledger"
)

// ProjectInput describes a repair project (维修工程) and its scope.
type ProjectInput struct {
	Name             string
	Reason           string
	ScopeKind        string  // community, buildings, units
	BuildingIDs      []int64 // for buildings
	UnitIDs          []int64 // for units
	EmergencyTrigger string  // one of ledger.EmergencyTriggers for 应急使用, else ""
	Budget           ledger.Money
	Contractor       string
	SelectionMethod  string
	ContractNo       string
	Date             string
}

// Project is a repair project with its figures.
type Project struct {
	ID               int64        `db:"id"`
	Name             string       `db:"name"`
	Reason           string       `db:"reason"`
	ScopeKind        string       `db:"scope_kind"`
	EmergencyTrigger string       `db:"emergency_trigger"`
	Budget           ledger.Money `db:"budget_fen"`
	Contractor       string       `db:"contractor"`
	SelectionMethod  string       `db:"selection_method"`
	ContractNo       string       `db:"contract_no"`
	CostAudit        ledger.Money `db:"cost_audit_fen"`
	AcceptedOn       string       `db:"accepted_on"`
	CreatedOn        string       `db:"created_on"`
	ScopeUnits       int          `db:"-"`
	ScopeAreaCM2     int64        `db:"-"`
	ScopeOwners      int64        `db:"-"`
	Charged          ledger.Money `db:"-"` // net fund expenses posted against it
	ResolutionID     int64        `db:"-"` // newest resolution that passes, 0 if none
}

// CreateProject records a project and its scope of units.
func (s *Store) CreateProject(in ProjectInput) (int64, error) {
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" {
		return 0, ledger.Refuse("project.name_empty")
	}
	if _, err := ledger.ParseDate(in.Date); err != nil {
		return 0, err
	}
	if in.EmergencyTrigger != "" && !ledger.ValidEmergencyTrigger(in.EmergencyTrigger) {
		return 0, ledger.Refuse("project.bad_emergency_trigger", "trigger", in.EmergencyTrigger)
	}
	var id int64
	err := s.write(bg, func(t *Tx) error {
		units, err := t.scopeUnits(in.ScopeKind, in.BuildingIDs, in.UnitIDs)
		if err != nil {
			return err
		}
		id, err = t.insertLogged("project", `INSERT INTO projects(name, reason, scope_kind, emergency_trigger, budget_fen, contractor,
			selection_method, contract_no, created_on) VALUES (?,?,?,?,?,?,?,?,?)`, in.Name, strings.TrimSpace(in.Reason), in.ScopeKind,
			in.EmergencyTrigger, in.Budget.Fen(), strings.TrimSpace(in.Contractor), strings.TrimSpace(in.SelectionMethod),
			strings.TrimSpace(in.ContractNo), in.Date)
		if err != nil {
			return err
		}
		return t.change("project_scope", id, func() error {
			stmt, err := t.Prepare(`INSERT INTO project_units(project_id, unit_id) VALUES (?,?)`)
			if err != nil {
				return err
			}
			defer stmt.Close()
			for _, u := range units {
				if _, err := stmt.Exec(id, u); err != nil {
					return err
				}
			}
			return nil
		})
	})
	return id, err
}

// scopeUnits resolves a scope to unit ids.
func (t *Tx) scopeUnits(kind string, buildings, units []int64) ([]int64, error) {
	var ids []int64
	collect := func(q string, args ...any) error {
		var part []int64
		err := t.Select(&part, q, args...)
		ids = append(ids, part...)
		return err
	}
	var err error
	switch kind {
	case "community":
		err = collect(`SELECT id FROM units ORDER BY id`)
	case "buildings":
		for _, ch := range chunks(buildings, 500) {
			if err = collect(`SELECT id FROM units WHERE building_id IN (`+placeholders(len(ch))+`) ORDER BY id`, int64sToAny(ch)...); err != nil {
				break
			}
		}
	case "units":
		for _, ch := range chunks(units, 500) {
			if err = collect(`SELECT id FROM units WHERE id IN (`+placeholders(len(ch))+`) ORDER BY id`, int64sToAny(ch)...); err != nil {
				break
			}
		}
		if err == nil && len(ids) != len(units) {
			return nil, ledger.Refuse("split.unknown_unit")
		}
	default:
		return nil, ledger.Refuse("project.bad_scope", "scope", kind)
	}
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, ledger.Refuse("project.empty_scope")
	}
	return ids, nil
}

// SetCostAudit records the project's cost-audit (审价) amount: the most the fund may pay.
func (s *Store) SetCostAudit(projectID int64, amount ledger.Money) error {
	if amount.Sign() <= 0 {
		return ledger.Refuse("amount.not_positive", "input", amount.String())
	}
	return s.write(bg, func(t *Tx) error {
		var charged int64
		t.Get(&charged, `SELECT COALESCE(SUM(p.amount_fen), 0) FROM postings p JOIN vouchers v ON v.id = p.voucher_id JOIN accounts a ON a.id = p.account_id
			WHERE v.project_id = ? AND a.book = 'fund' AND a.code = ?`, projectID, ledger.CodeFundRepair)
		if amount.Fen() < charged {
			return ledger.Refuse("project.cost_audit_below_charged", "charged", ledger.Fen(charged).Grouped())
		}
		return t.updateProject(projectID, `cost_audit_fen = ?`, amount.Fen())
	})
}

// SetAcceptance records the date the works were accepted (竣工验收).
func (s *Store) SetAcceptance(projectID int64, date string) error {
	if _, err := ledger.ParseDate(date); err != nil {
		return err
	}
	return s.write(bg, func(t *Tx) error { return t.updateProject(projectID, `accepted_on = ?`, date) })
}

func (t *Tx) updateProject(id int64, set string, args ...any) error {
	var n int
	if err := t.Get(&n, `SELECT count(*) FROM projects WHERE id = ?`, id); err != nil || n == 0 {
		return ledger.Refuse("record.not_found", "what", "project", "id", id)
	}
	return t.change("project", id, func() error {
		_, err := t.Exec(`UPDATE projects SET `+set+` WHERE id = ?`, append(args, id)...)
		return err
	})
}

// VoteInput is the result of a vote as the sheets record it. Areas in 0.01 m².
type VoteInput struct {
	Title                  string
	Body                   string // "assembly" (业主大会) or "partial" (相关业主)
	Date                   string
	PartArea, PartOwners   int64
	AgreeArea, AgreeOwners int64
	Note                   string
}

// VoteCheck is a vote's figures against its scope and whether they pass R3.
type VoteCheck struct {
	ScopeArea, ScopeOwners int64
	Passed                 bool
	Refusal                error // why it fails, nil when it passes
}

// CheckProjectVote tells, without writing, whether these figures would pass for the project:
// the live check the UI shows while the secretary types.
func (s *Store) CheckProjectVote(projectID int64, in VoteInput) (VoteCheck, error) {
	var vc VoteCheck
	err := s.read(bg, func(tx *sqlTx) error {
		units, err := unitIDsOf(tx, projectID)
		if err != nil {
			return err
		}
		vc.ScopeArea, vc.ScopeOwners, err = scopeFigures(tx, units)
		return err
	})
	if err != nil {
		return vc, err
	}
	vc.Refusal = ledger.CheckVote(ledger.Vote{Kind: ledger.VoteUse, ScopeArea: vc.ScopeArea, ScopeOwners: vc.ScopeOwners,
		PartArea: in.PartArea, PartOwners: in.PartOwners, AgreeArea: in.AgreeArea, AgreeOwners: in.AgreeOwners})
	vc.Passed = vc.Refusal == nil
	return vc, nil
}

// RecordProjectVote records the owners' resolution on a project. The denominators are the
// project scope's own area and headcount, so a vote of other owners cannot be cited. A vote
// that fails is recorded as failed; it is a fact, but no expense may cite it.
func (s *Store) RecordProjectVote(projectID int64, in VoteInput) (int64, VoteCheck, error) {
	if strings.TrimSpace(in.Title) == "" {
		return 0, VoteCheck{}, ledger.Refuse("vote.title_empty")
	}
	if _, err := ledger.ParseDate(in.Date); err != nil {
		return 0, VoteCheck{}, err
	}
	vc, err := s.CheckProjectVote(projectID, in)
	if err != nil {
		return 0, vc, err
	}
	if k := ledger.KeyOf(vc.Refusal); k != "" && !strings.HasSuffix(k, "_low") {
		return 0, vc, vc.Refusal // inconsistent figures are a typing error, not a vote result
	}
	var id int64
	err = s.write(bg, func(t *Tx) (err error) {
		id, err = t.insertResolution(in, "use", projectID, vc)
		return err
	})
	return id, vc, err
}

func (t *Tx) insertResolution(in VoteInput, kind string, projectID int64, vc VoteCheck) (int64, error) {
	body := in.Body
	if body == "" {
		body = "assembly"
	}
	return t.insertLogged("resolution", `INSERT INTO resolutions(title, body, kind, project_id, date, scope_area_cm2, scope_owners,
		part_area_cm2, part_owners, agree_area_cm2, agree_owners, passed, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		strings.TrimSpace(in.Title), body, kind, nullID(projectID), in.Date, vc.ScopeArea, vc.ScopeOwners, in.PartArea, in.PartOwners,
		in.AgreeArea, in.AgreeOwners, vc.Passed, strings.TrimSpace(in.Note))
}

// RecordReplenishmentDecision records the owners' decision on a replenishment case (≥ 3/4
// of participants, R3); a passing decision is linked to the case and its terms set the dues
// (nil terms: the policy's target share in one payment due PaymentDays after the decision).
func (s *Store) RecordReplenishmentDecision(caseID int64, in VoteInput, terms *ledger.ReplenishTerms) (int64, VoteCheck, error) {
	if _, err := ledger.ParseDate(in.Date); err != nil {
		return 0, VoteCheck{}, err
	}
	var id int64
	var vc VoteCheck
	err := s.write(bg, func(t *Tx) error {
		var n int
		if err := t.Get(&n, `SELECT count(*) FROM replenishment_cases WHERE id = ?`, caseID); err != nil || n == 0 {
			return ledger.Refuse("record.not_found", "what", "replenishment case", "id", caseID)
		}
		all, err := t.scopeUnits("community", nil, nil)
		if err != nil {
			return err
		}
		if vc.ScopeArea, vc.ScopeOwners, err = scopeFigures(t, all); err != nil {
			return err
		}
		vc.Refusal = ledger.CheckVote(ledger.Vote{Kind: ledger.VoteReplenish, ScopeArea: vc.ScopeArea, ScopeOwners: vc.ScopeOwners,
			PartArea: in.PartArea, PartOwners: in.PartOwners, AgreeArea: in.AgreeArea, AgreeOwners: in.AgreeOwners})
		vc.Passed = vc.Refusal == nil
		if k := ledger.KeyOf(vc.Refusal); k != "" && !strings.HasSuffix(k, "_low") {
			return vc.Refusal
		}
		if strings.TrimSpace(in.Title) == "" {
			in.Title = "续筹决定"
		}
		if id, err = t.insertResolution(in, "replenish", 0, vc); err != nil {
			return err
		}
		if vc.Passed {
			return t.decideCase(caseID, id, in.Date, terms)
		}
		return nil
	})
	return id, vc, err
}

// Projects lists the projects, newest first.
func (s *Store) Projects() ([]Project, error) {
	var ids []int64
	if err := s.db.Select(&ids, `SELECT id FROM projects ORDER BY id DESC`); err != nil {
		return nil, err
	}
	out := make([]Project, 0, len(ids))
	for _, id := range ids {
		p, err := s.Project(id)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// Project reads one project with its scope figures and what has been charged.
func (s *Store) Project(id int64) (Project, error) {
	var p Project
	err := s.db.Get(&p, `SELECT id, name, reason, scope_kind, emergency_trigger, budget_fen, contractor, selection_method, contract_no,
		cost_audit_fen, accepted_on, created_on FROM projects WHERE id = ?`, id)
	if err != nil {
		return p, notFound(err, "project", id)
	}
	units, err := unitIDsOf(s.db, id)
	if err != nil {
		return p, err
	}
	p.ScopeUnits = len(units)
	if p.ScopeAreaCM2, p.ScopeOwners, err = scopeFigures(s.db, units); err != nil {
		return p, err
	}
	s.db.Get(&p.Charged, `SELECT COALESCE(SUM(p.amount_fen), 0) FROM postings p JOIN vouchers v ON v.id = p.voucher_id JOIN accounts a ON a.id = p.account_id
		WHERE v.project_id = ? AND a.book = 'fund' AND a.code = ?`, id, ledger.CodeFundRepair)
	s.db.Get(&p.ResolutionID, `SELECT id FROM resolutions WHERE project_id = ? AND passed = 1 AND scope_area_cm2 = ? AND scope_owners = ? ORDER BY date DESC, id DESC LIMIT 1`,
		id, p.ScopeAreaCM2, p.ScopeOwners)
	return p, nil
}

// Share is one unit's part of an apportioned amount.
type Share struct {
	UnitID  int64
	AreaCM2 int64
	Amount  ledger.Money
}

// ApportionPreview shows how an expense would fall on the project's units (R4), summing
// exactly to the amount, without writing anything.
func (s *Store) ApportionPreview(projectID int64, amount ledger.Money) ([]Share, error) {
	var ids, weights []int64
	err := s.read(bg, func(tx *sqlTx) error {
		units, err := unitIDsOf(tx, projectID)
		if err != nil {
			return err
		}
		for _, ch := range chunks(units, 500) {
			var part []struct {
				ID   int64 `db:"id"`
				Area int64 `db:"area_cm2"`
			}
			if err := tx.Select(&part, `SELECT id, area_cm2 FROM units WHERE id IN (`+placeholders(len(ch))+`) ORDER BY id`, int64sToAny(ch)...); err != nil {
				return err
			}
			for _, u := range part {
				ids, weights = append(ids, u.ID), append(weights, u.Area)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	shares, err := ledger.Apportion(amount, weights)
	if err != nil {
		return nil, err
	}
	out := make([]Share, len(ids))
	for i := range ids {
		out[i] = Share{ids[i], weights[i], shares[i]}
	}
	return out, nil
}

// PostProjectExpense posts a fund repair expense for a project: Dr 维修工程支出, Cr bank,
// apportioned over its scope by area.
func (s *Store) PostProjectExpense(projectID int64, date string, amount ledger.Money, summary string, attachments []int64) (Voucher, error) {
	if amount.Sign() <= 0 {
		return Voucher{}, ledger.Refuse("amount.not_positive", "input", amount.String())
	}
	return s.PostVoucher(VoucherInput{Book: ledger.BookFund, Date: date, Summary: summary, ProjectID: projectID, AttachmentIDs: attachments,
		Lines: []LineInput{{AccountCode: ledger.CodeFundRepair, Amount: amount}, {AccountCode: ledger.CodeBank, Amount: amount.Neg()}}})
}

func unitIDsOf(q querier, projectID int64) ([]int64, error) {
	var ids []int64
	if err := q.Select(&ids, `SELECT unit_id FROM project_units WHERE project_id = ? ORDER BY unit_id`, projectID); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, ledger.Refuse("record.not_found", "what", "project", "id", projectID)
	}
	return ids, nil
}
