package store

import (
	"database/sql"
	"errors"
	"strings"

	"jiayuan/store/ledger"
)

// Read-only queries for the works and oversight screens (projects, replenishment, audits):
// a project's votes and vouchers, a replenishment decision checked before it is recorded,
// unit labels for paged tables, and a case's dues filtered and paged in SQL.

// Resolution is a recorded vote of owners (表决). Areas in 0.01 m².
type Resolution struct {
	ID          int64  `db:"id"`
	Title       string `db:"title"`
	Body        string `db:"body"` // assembly, partial
	Kind        string `db:"kind"` // use, replenish
	ProjectID   int64  `db:"project_id"`
	Date        string `db:"date"`
	ScopeArea   int64  `db:"scope_area_cm2"`
	ScopeOwners int64  `db:"scope_owners"`
	PartArea    int64  `db:"part_area_cm2"`
	PartOwners  int64  `db:"part_owners"`
	AgreeArea   int64  `db:"agree_area_cm2"`
	AgreeOwners int64  `db:"agree_owners"`
	Passed      bool   `db:"passed"`
	Note        string `db:"note"`
}

const resolutionCols = `id, title, body, kind, COALESCE(project_id, 0) AS project_id, date, scope_area_cm2, scope_owners,
	part_area_cm2, part_owners, agree_area_cm2, agree_owners, passed, note`

// ProjectResolutions lists the votes recorded on a project, newest first.
func (s *Store) ProjectResolutions(projectID int64) ([]Resolution, error) {
	var out []Resolution
	err := s.db.Select(&out, `SELECT `+resolutionCols+` FROM resolutions WHERE project_id = ? ORDER BY date DESC, id DESC`, projectID)
	return out, err
}

// Resolution reads one recorded vote.
func (s *Store) Resolution(id int64) (Resolution, error) {
	var r Resolution
	err := s.db.Get(&r, `SELECT `+resolutionCols+` FROM resolutions WHERE id = ?`, id)
	if err != nil {
		return r, notFound(err, "resolution", id)
	}
	return r, nil
}

// ProjectVouchers lists the vouchers that pay a project, and the reversals of them, oldest
// first.
func (s *Store) ProjectVouchers(projectID int64) ([]VoucherListRow, error) {
	return selectVoucherList(s.db, []VoucherListRow{}, `SELECT `+voucherListCols+`,
		COALESCE((SELECT SUM(p.amount_fen) FROM postings p WHERE p.voucher_id = v.id AND p.amount_fen > 0), 0) AS total_fen
		FROM vouchers v WHERE v.project_id = ? OR v.reverses_id IN (SELECT id FROM vouchers WHERE project_id = ?)
		ORDER BY v.date, v.id`, projectID, projectID)
}

// ScopeBuilding is a building with how many of its units a project's scope holds.
type ScopeBuilding struct {
	ID      int64  `db:"id"`
	Code    string `db:"code"`
	Units   int    `db:"units"` // of the project's scope
	Total   int    `db:"total"` // units of the building
	AreaCM2 int64  `db:"area_cm2"`
}

// ProjectScopeBuildings tells which buildings a project's scope touches, in building order.
func (s *Store) ProjectScopeBuildings(projectID int64) ([]ScopeBuilding, error) {
	var out []ScopeBuilding
	err := s.db.Select(&out, `SELECT b.id, b.code, count(*) AS units, SUM(u.area_cm2) AS area_cm2,
		(SELECT count(*) FROM units x WHERE x.building_id = b.id) AS total
		FROM project_units pu JOIN units u ON u.id = pu.unit_id JOIN buildings b ON b.id = u.building_id
		WHERE pu.project_id = ? GROUP BY b.id ORDER BY length(b.code), b.code`, projectID)
	return out, err
}

// BuildingSummary is a building with its units' count and total area, for scope pickers.
type BuildingSummary struct {
	Building
	Units   int   `db:"units"`
	AreaCM2 int64 `db:"area_cm2"`
}

// BuildingSummaries lists the buildings in code order with their units and area.
func (s *Store) BuildingSummaries() ([]BuildingSummary, error) {
	var out []BuildingSummary
	err := s.db.Select(&out, `SELECT b.id, b.code, b.name, b.has_lift, count(u.id) AS units, COALESCE(SUM(u.area_cm2), 0) AS area_cm2
		FROM buildings b LEFT JOIN units u ON u.building_id = b.id GROUP BY b.id ORDER BY length(b.code), b.code`)
	return out, err
}

// UnitLabel names a unit for a table row: its building, room and owner.
type UnitLabel struct {
	ID           int64  `db:"id"`
	BuildingCode string `db:"building_code"`
	Room         string `db:"room"`
	OwnerName    string `db:"owner_name"`
	AreaCM2      int64  `db:"area_cm2"`
}

// unitLabelCols are a UnitLabel's columns of units u, buildings b and owners o.
const unitLabelCols = `u.id, b.code AS building_code, u.room, COALESCE(o.name, '') AS owner_name, u.area_cm2`

// UnitLabels returns the labels of the given units by id; unknown ids are left out.
func (s *Store) UnitLabels(ids []int64) (map[int64]UnitLabel, error) {
	out := make(map[int64]UnitLabel, len(ids))
	for _, ch := range chunks(ids, 500) {
		var labels []UnitLabel
		if err := s.db.Select(&labels, `SELECT `+unitLabelCols+` FROM units u JOIN buildings b ON b.id = u.building_id
			LEFT JOIN owners o ON o.id = u.owner_id WHERE u.id IN (`+placeholders(len(ch))+`)`, int64sToAny(ch)...); err != nil {
			return nil, err
		}
		for _, l := range labels {
			out[l.ID] = l
		}
	}
	return out, nil
}

// CheckReplenishmentDecision tells, without writing, whether these figures would carry a
// replenishment decision (R3: ≥ 2/3 participation, ≥ 3/4 of participants agreeing), against
// the whole community's area and headcount: the live check of the decision form.
func (s *Store) CheckReplenishmentDecision(caseID int64, in VoteInput) (VoteCheck, error) {
	var vc VoteCheck
	err := s.read(bg, func(tx *sqlTx) error {
		var n int
		if err := tx.Get(&n, `SELECT count(*) FROM replenishment_cases WHERE id = ?`, caseID); err != nil || n == 0 {
			return ledger.Refuse("record.not_found", "what", "replenishment case", "id", caseID)
		}
		var ids []int64
		if err := tx.Select(&ids, `SELECT id FROM units`); err != nil {
			return err
		}
		var err error
		vc.ScopeArea, vc.ScopeOwners, err = scopeFigures(tx, ids)
		return err
	})
	if err != nil {
		return vc, err
	}
	vc.Refusal = ledger.CheckVote(ledger.Vote{Kind: ledger.VoteReplenish, ScopeArea: vc.ScopeArea, ScopeOwners: vc.ScopeOwners,
		PartArea: in.PartArea, PartOwners: in.PartOwners, AgreeArea: in.AgreeArea, AgreeOwners: in.AgreeOwners})
	vc.Passed = vc.Refusal == nil
	return vc, nil
}

// DueFilter selects a case's dues.
type DueFilter struct {
	Text        string // part of the room, the building code or the owner's name
	Outstanding bool   // only units that still owe something
	Limit       int
	Offset      int
}

// DueRow is one unit's due and payments in a case, labelled for the table.
type DueRow struct {
	UnitLabel
	Due  ledger.Money `db:"due_fen"`
	Paid ledger.Money `db:"paid_fen"`
}

// CaseDuesPage returns one page of a case's dues in building and room order, and how many
// match in all.
func (s *Store) CaseDuesPage(caseID int64, f DueFilter) ([]DueRow, int, error) {
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 50
	}
	if f.Offset < 0 {
		f.Offset = 0
	}
	paid := `COALESCE((SELECT SUM(e.amount_fen) FROM unit_entries e JOIN vouchers v ON v.id = e.voucher_id
		WHERE v.case_id = d.case_id AND e.unit_id = d.unit_id), 0)`
	where, args := []string{"d.case_id = ?"}, []any{caseID}
	if t := strings.TrimSpace(f.Text); t != "" {
		like := "%" + t + "%"
		where = append(where, "(u.room LIKE ? OR b.code LIKE ? OR o.name LIKE ? OR (b.code || '-' || u.room) LIKE ?)")
		args = append(args, like, like, like, like)
	}
	if f.Outstanding {
		where = append(where, paid+" < d.due_fen")
	}
	from := ` FROM replenishment_dues d JOIN units u ON u.id = d.unit_id JOIN buildings b ON b.id = u.building_id
		LEFT JOIN owners o ON o.id = u.owner_id WHERE ` + strings.Join(where, " AND ")
	var n int
	if err := s.db.Get(&n, `SELECT count(*)`+from, args...); err != nil {
		return nil, 0, err
	}
	out := []DueRow{}
	if err := s.db.Select(&out, `SELECT `+unitLabelCols+`, d.due_fen, `+paid+` AS paid_fen`+from+
		` ORDER BY length(b.code), b.code, length(u.room), u.room LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...); err != nil {
		return nil, 0, err
	}
	return out, n, nil
}

// CaseDue returns one unit's due and payments in a case; ok is false when the case asks
// nothing of the unit.
func (s *Store) CaseDue(caseID, unitID int64) (row DueRow, ok bool, err error) {
	err = s.db.Get(&row, `SELECT `+unitLabelCols+`, d.due_fen,
		COALESCE((SELECT SUM(e.amount_fen) FROM unit_entries e JOIN vouchers v ON v.id = e.voucher_id WHERE v.case_id = d.case_id AND e.unit_id = d.unit_id), 0) AS paid_fen
		FROM replenishment_dues d JOIN units u ON u.id = d.unit_id JOIN buildings b ON b.id = u.building_id LEFT JOIN owners o ON o.id = u.owner_id
		WHERE d.case_id = ? AND d.unit_id = ?`, caseID, unitID)
	if errors.Is(err, sql.ErrNoRows) {
		return row, false, nil
	}
	if err != nil {
		return row, false, err
	}
	return row, true, nil
}
