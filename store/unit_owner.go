package store

import (
	"strings"

	"jiayuan/store/ledger"
)

// OwnerChange is a unit sold or passed to a new owner on a date. A replenishment due stays
// with the unit: the buyer must top up (regulation art. 65 ¶5), so nothing about the dues
// changes — the unit's page and statement show them under the new owner.
type OwnerChange struct {
	ID        int64
	UnitID    int64
	Date      string
	FromOwner string
	ToOwner   string
}

// ChangeOwner records that a unit passed to another (existing) owner on date.
func (s *Store) ChangeOwner(unitID, ownerID int64, date string) error {
	return s.ChangeOwnerTo(unitID, Owner{ID: ownerID}, date)
}

// ChangeOwnerTo records that a unit passed to an owner on date: the owner with to.ID, or the
// one recorded with to's name and phone, or a new one — all in one transaction, so a refused
// change leaves no new owner behind.
func (s *Store) ChangeOwnerTo(unitID int64, to Owner, date string) error {
	date = strings.TrimSpace(date)
	d, err := ledger.ParseDate(date)
	if err != nil {
		return err
	}
	if ledger.FormatDate(d) != date {
		return ledger.Refuse("date.invalid", "input", date)
	}
	return s.write(bg, func(t *Tx) error {
		var from int64
		if err := t.Get(&from, `SELECT COALESCE(owner_id, 0) FROM units WHERE id = ?`, unitID); err != nil {
			return notFound(err, "unit", unitID)
		}
		ownerID := to.ID
		if ownerID == 0 {
			to.Name, to.Phone = strings.TrimSpace(to.Name), strings.TrimSpace(to.Phone)
			if to.Name == "" {
				return ledger.Refuse("owner.name_empty")
			}
			t.Get(&ownerID, `SELECT id FROM owners WHERE name = ? AND phone = ? ORDER BY id LIMIT 1`, to.Name, to.Phone)
		} else {
			var n int
			if err := t.Get(&n, `SELECT count(*) FROM owners WHERE id = ?`, ownerID); err != nil {
				return err
			}
			if n == 0 {
				return ledger.Refuse("record.not_found", "what", "owner", "id", ownerID)
			}
		}
		if ownerID != 0 && from == ownerID {
			return ledger.Refuse("unit.owner_unchanged")
		}
		var last string
		t.Get(&last, `SELECT COALESCE(MAX(date), '') FROM unit_owner_changes WHERE unit_id = ?`, unitID)
		if date < last {
			return ledger.Refuse("unit.owner_change_before", "date", last)
		}
		if ownerID == 0 {
			var err error
			if ownerID, err = t.insertLogged("owner", `INSERT INTO owners(name, phone) VALUES (?,?)`, to.Name, to.Phone); err != nil {
				return err
			}
		}
		if _, err := t.insertLogged("unit_owner_change", `INSERT INTO unit_owner_changes(unit_id, date, from_owner_id, to_owner_id) VALUES (?,?,?,?)`,
			unitID, date, nullID(from), ownerID); err != nil {
			return err
		}
		return t.change("unit", unitID, func() error {
			_, err := t.Exec(`UPDATE units SET owner_id = ? WHERE id = ?`, ownerID, unitID)
			return err
		})
	})
}

// OwnerChanges lists a unit's changes of owner, oldest first.
func (s *Store) OwnerChanges(unitID int64) ([]OwnerChange, error) {
	rows, err := s.db.Query(`SELECT c.id, c.unit_id, c.date, COALESCE(f.name, ''), t.name FROM unit_owner_changes c
		LEFT JOIN owners f ON f.id = c.from_owner_id JOIN owners t ON t.id = c.to_owner_id WHERE c.unit_id = ? ORDER BY c.date, c.id`, unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OwnerChange
	for rows.Next() {
		var c OwnerChange
		if err := rows.Scan(&c.ID, &c.UnitID, &c.Date, &c.FromOwner, &c.ToOwner); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
