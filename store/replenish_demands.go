package store

import (
	"strings"

	"jiayuan/store/ledger"
)

// Demand is a written demand to pay (催缴) sent to one unit in a case: the committee's record
// that it asked, with the amount then outstanding (S6 item 25: amount, deadline, consequences).
type Demand struct {
	ID      int64
	CaseID  int64
	UnitID  int64
	Date    string
	Note    string
	Unit    string // building-room
	Owner   string
	Overdue ledger.Money // outstanding at the time of reading
}

// RecordDemand records a written demand to a unit that still owes in a case, dated on or after
// the day its dues were set.
func (s *Store) RecordDemand(caseID, unitID int64, date, note string) (int64, error) {
	date = strings.TrimSpace(date)
	d, err := ledger.ParseDate(date)
	if err != nil {
		return 0, err
	}
	if ledger.FormatDate(d) != date {
		return 0, ledger.Refuse("date.invalid", "input", date)
	}
	var id int64
	err = s.write(bg, func(t *Tx) error {
		terms, _, err := readCaseTerms(t, caseID)
		if err != nil {
			return err
		}
		if terms == nil {
			var n int
			if err := t.Get(&n, `SELECT count(*) FROM replenishment_cases WHERE id = ?`, caseID); err != nil {
				return err
			}
			if n == 0 {
				return ledger.Refuse("record.not_found", "what", "replenishment case", "id", caseID)
			}
			return ledger.Refuse("replenish.demand_no_dues")
		}
		if date < terms.SetOn {
			return ledger.Refuse("replenish.demand_before_dues", "date", terms.SetOn)
		}
		var due, paid int64
		if err := t.QueryRow(`SELECT d.due_fen, COALESCE((SELECT SUM(e.amount_fen) FROM unit_entries e JOIN vouchers v ON v.id = e.voucher_id
			WHERE v.case_id = d.case_id AND e.unit_id = d.unit_id), 0) FROM replenishment_dues d WHERE d.case_id = ? AND d.unit_id = ?`,
			caseID, unitID).Scan(&due, &paid); err != nil {
			return ledger.Refuse("replenish.demand_not_owing")
		}
		if paid >= due {
			return ledger.Refuse("replenish.demand_not_owing")
		}
		id, err = t.insertLogged("replenishment_demand", `INSERT INTO replenishment_demands(case_id, unit_id, date, note) VALUES (?,?,?,?)`,
			caseID, unitID, date, strings.TrimSpace(note))
		return err
	})
	return id, err
}

// Demands lists the written demands of a case (caseID > 0) or of a unit (unitID > 0), oldest first.
func (s *Store) Demands(caseID, unitID int64) ([]Demand, error) {
	rows, err := s.db.Query(`SELECT m.id, m.case_id, m.unit_id, m.date, m.note, b.code || '-' || u.room, COALESCE(o.name, ''),
		COALESCE((SELECT d.due_fen FROM replenishment_dues d WHERE d.case_id = m.case_id AND d.unit_id = m.unit_id), 0) -
		COALESCE((SELECT SUM(e.amount_fen) FROM unit_entries e JOIN vouchers v ON v.id = e.voucher_id WHERE v.case_id = m.case_id AND e.unit_id = m.unit_id), 0)
		FROM replenishment_demands m JOIN units u ON u.id = m.unit_id JOIN buildings b ON b.id = u.building_id LEFT JOIN owners o ON o.id = u.owner_id
		WHERE (? = 0 OR m.case_id = ?) AND (? = 0 OR m.unit_id = ?) ORDER BY m.date, m.id`, caseID, caseID, unitID, unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Demand
	for rows.Next() {
		var d Demand
		var rest int64
		if err := rows.Scan(&d.ID, &d.CaseID, &d.UnitID, &d.Date, &d.Note, &d.Unit, &d.Owner, &rest); err != nil {
			return nil, err
		}
		d.Overdue = ledger.Fen(max(rest, 0))
		out = append(out, d)
	}
	return out, rows.Err()
}
