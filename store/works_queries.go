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
	ID                     int64
	Title                  string
	Body                   string // assembly, partial
	Kind                   string // use, replenish
	ProjectID              int64
	Date                   string
	ScopeArea, ScopeOwners int64
	PartArea, PartOwners   int64
	AgreeArea, AgreeOwners int64
	Passed                 bool
	Note                   string
}

const resolutionCols = `id, title, body, kind, COALESCE(project_id, 0), date, scope_area_cm2, scope_owners, part_area_cm2, part_owners,
	agree_area_cm2, agree_owners, passed, note`

func scanResolution(sc interface{ Scan(...any) error }) (Resolution, error) {
	var r Resolution
	err := sc.Scan(&r.ID, &r.Title, &r.Body, &r.Kind, &r.ProjectID, &r.Date, &r.ScopeArea, &r.ScopeOwners, &r.PartArea, &r.PartOwners,
		&r.AgreeArea, &r.AgreeOwners, &r.Passed, &r.Note)
	return r, err
}

// ProjectResolutions lists the votes recorded on a project, newest first.
func (s *Store) ProjectResolutions(projectID int64) ([]Resolution, error) {
	rows, err := s.db.Query(`SELECT `+resolutionCols+` FROM resolutions WHERE project_id = ? ORDER BY date DESC, id DESC`, projectID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Resolution
	for rows.Next() {
		r, err := scanResolution(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Resolution reads one recorded vote.
func (s *Store) Resolution(id int64) (Resolution, error) {
	r, err := scanResolution(s.db.QueryRow(`SELECT `+resolutionCols+` FROM resolutions WHERE id = ?`, id))
	if err != nil {
		return r, notFound(err, "resolution", id)
	}
	return r, nil
}

// ProjectVouchers lists the vouchers that pay a project, and the reversals of them, oldest
// first.
func (s *Store) ProjectVouchers(projectID int64) ([]VoucherListRow, error) {
	rows, err := s.db.Query(`SELECT v.id, v.book, v.year, v.number, v.date, v.summary, v.kind, COALESCE(v.reverses_id, 0),
		COALESCE((SELECT SUM(p.amount_fen) FROM postings p WHERE p.voucher_id = v.id AND p.amount_fen > 0), 0),
		EXISTS (SELECT 1 FROM vouchers r WHERE r.reverses_id = v.id)
		FROM vouchers v WHERE v.project_id = ? OR v.reverses_id IN (SELECT id FROM vouchers WHERE project_id = ?)
		ORDER BY v.date, v.id`, projectID, projectID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []VoucherListRow{}
	for rows.Next() {
		var r VoucherListRow
		var book string
		var year, number int
		var t int64
		if err := rows.Scan(&r.ID, &book, &year, &number, &r.Date, &r.Summary, &r.Kind, &r.ReversesID, &t, &r.Reversed); err != nil {
			return nil, err
		}
		r.No = voucherNo(book, year, number)
		r.Total = ledger.Fen(t)
		out = append(out, r)
	}
	return out, rows.Err()
}

// ScopeBuilding is a building with how many of its units a project's scope holds.
type ScopeBuilding struct {
	ID      int64
	Code    string
	Units   int // of the project's scope
	Total   int // units of the building
	AreaCM2 int64
}

// ProjectScopeBuildings tells which buildings a project's scope touches, in building order.
func (s *Store) ProjectScopeBuildings(projectID int64) ([]ScopeBuilding, error) {
	rows, err := s.db.Query(`SELECT b.id, b.code, count(*), SUM(u.area_cm2), (SELECT count(*) FROM units x WHERE x.building_id = b.id)
		FROM project_units pu JOIN units u ON u.id = pu.unit_id JOIN buildings b ON b.id = u.building_id
		WHERE pu.project_id = ? GROUP BY b.id ORDER BY length(b.code), b.code`, projectID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ScopeBuilding
	for rows.Next() {
		var b ScopeBuilding
		if err := rows.Scan(&b.ID, &b.Code, &b.Units, &b.AreaCM2, &b.Total); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// BuildingSummary is a building with its units' count and total area, for scope pickers.
type BuildingSummary struct {
	Building
	Units   int
	AreaCM2 int64
}

// BuildingSummaries lists the buildings in code order with their units and area.
func (s *Store) BuildingSummaries() ([]BuildingSummary, error) {
	rows, err := s.db.Query(`SELECT b.id, b.code, b.name, b.has_lift, count(u.id), COALESCE(SUM(u.area_cm2), 0)
		FROM buildings b LEFT JOIN units u ON u.building_id = b.id GROUP BY b.id ORDER BY length(b.code), b.code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []BuildingSummary
	for rows.Next() {
		var b BuildingSummary
		if err := rows.Scan(&b.ID, &b.Code, &b.Name, &b.HasLift, &b.Units, &b.AreaCM2); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// UnitLabel names a unit for a table row: its building, room and owner.
type UnitLabel struct {
	ID           int64
	BuildingCode string
	Room         string
	OwnerName    string
	AreaCM2      int64
}

// UnitLabels returns the labels of the given units by id; unknown ids are left out.
func (s *Store) UnitLabels(ids []int64) (map[int64]UnitLabel, error) {
	out := make(map[int64]UnitLabel, len(ids))
	for _, ch := range chunks(ids, 500) {
		rows, err := s.db.Query(`SELECT u.id, b.code, u.room, COALESCE(o.name, ''), u.area_cm2 FROM units u JOIN buildings b ON b.id = u.building_id
			LEFT JOIN owners o ON o.id = u.owner_id WHERE u.id IN (`+placeholders(len(ch))+`)`, int64sToAny(ch)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var l UnitLabel
			if err := rows.Scan(&l.ID, &l.BuildingCode, &l.Room, &l.OwnerName, &l.AreaCM2); err != nil {
				rows.Close()
				return nil, err
			}
			out[l.ID] = l
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
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
		if err := tx.QueryRow(`SELECT count(*) FROM replenishment_cases WHERE id = ?`, caseID).Scan(&n); err != nil || n == 0 {
			return ledger.Refuse("record.not_found", "what", "replenishment case", "id", caseID)
		}
		rows, err := tx.Query(`SELECT id FROM units`)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
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
	Due  ledger.Money
	Paid ledger.Money
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
	if err := s.db.QueryRow(`SELECT count(*)`+from, args...).Scan(&n); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.Query(`SELECT u.id, b.code, u.room, COALESCE(o.name, ''), u.area_cm2, d.due_fen, `+paid+from+
		` ORDER BY length(b.code), b.code, length(u.room), u.room LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := []DueRow{}
	for rows.Next() {
		var r DueRow
		var due, p int64
		if err := rows.Scan(&r.ID, &r.BuildingCode, &r.Room, &r.OwnerName, &r.AreaCM2, &due, &p); err != nil {
			return nil, 0, err
		}
		r.Due, r.Paid = ledger.Fen(due), ledger.Fen(p)
		out = append(out, r)
	}
	return out, n, rows.Err()
}

// CaseDue returns one unit's due and payments in a case; ok is false when the case asks
// nothing of the unit.
func (s *Store) CaseDue(caseID, unitID int64) (row DueRow, ok bool, err error) {
	var due, paid int64
	err = s.db.QueryRow(`SELECT u.id, b.code, u.room, COALESCE(o.name, ''), u.area_cm2, d.due_fen,
		COALESCE((SELECT SUM(e.amount_fen) FROM unit_entries e JOIN vouchers v ON v.id = e.voucher_id WHERE v.case_id = d.case_id AND e.unit_id = d.unit_id), 0)
		FROM replenishment_dues d JOIN units u ON u.id = d.unit_id JOIN buildings b ON b.id = u.building_id LEFT JOIN owners o ON o.id = u.owner_id
		WHERE d.case_id = ? AND d.unit_id = ?`, caseID, unitID).Scan(&row.ID, &row.BuildingCode, &row.Room, &row.OwnerName, &row.AreaCM2, &due, &paid)
	if errors.Is(err, sql.ErrNoRows) {
		return row, false, nil
	}
	if err != nil {
		return row, false, err
	}
	row.Due, row.Paid = ledger.Fen(due), ledger.Fen(paid)
	return row, true, nil
}
