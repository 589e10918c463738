package store

import (
	"database/sql"
	"errors"
	"strings"

	"jiayuan/store/ledger"
)

// Building is a 幢 / 门牌幢.
type Building struct {
	ID      int64  `db:"id"`
	Code    string `db:"code"` // e.g. "12号"
	Name    string `db:"name"`
	HasLift bool   `db:"has_lift"`
}

// Owner is an owner; one headcount however many units.
type Owner struct {
	ID    int64  `db:"id"`
	Name  string `db:"name"`
	Phone string `db:"phone"`
}

// HousingTypes are the kinds of unit the fund knows.
var HousingTypes = []string{"commodity", "public_sold", "non_residential", "garage"}

// Unit is a 户 with its area and its initial required deposit (首期应筹集金额), as recorded by
// the fund bank: it is stored, never computed.
type Unit struct {
	ID          int64        `db:"id"`
	BuildingID  int64        `db:"building_id"`
	Room        string       `db:"room"`
	AreaCM2     int64        `db:"area_cm2"` // building area in 0.01 m²
	HousingType string       `db:"housing_type"`
	Initial     ledger.Money `db:"initial_fen"`
	OwnerID     int64        `db:"owner_id"` // 0 = none recorded
}

// AddBuilding records a building.
func (s *Store) AddBuilding(b Building) (int64, error) {
	b.Code, b.Name = strings.TrimSpace(b.Code), strings.TrimSpace(b.Name)
	if b.Code == "" {
		return 0, ledger.Refuse("building.code_empty")
	}
	if b.Name == "" {
		b.Name = b.Code
	}
	var id int64
	err := s.write(bg, func(t *Tx) (err error) {
		id, err = t.insertLogged("building", `INSERT INTO buildings(code, name, has_lift) VALUES (?,?,?)`, b.Code, b.Name, b.HasLift)
		if ledger.KeyOf(err) == "record.duplicate" {
			return ledger.Refuse("building.duplicate", "code", b.Code)
		}
		return err
	})
	return id, err
}

// Buildings lists the buildings in code order.
func (s *Store) Buildings() ([]Building, error) {
	var out []Building
	err := s.db.Select(&out, `SELECT id, code, name, has_lift FROM buildings ORDER BY length(code), code`)
	return out, err
}

// OwnerByID reads an owner.
func (s *Store) OwnerByID(id int64) (Owner, error) {
	var o Owner
	err := s.db.Get(&o, `SELECT id, name, phone FROM owners WHERE id = ?`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return Owner{}, ledger.Refuse("owner.not_found", "id", id)
	}
	return o, err
}

// FindOwner returns the first owner recorded with exactly this name and phone, or 0: the same
// person owning a second unit is one owner (a vote counts heads once).
func (s *Store) FindOwner(name, phone string) (int64, error) {
	var id int64
	err := s.db.Get(&id, `SELECT id FROM owners WHERE name = ? AND phone = ? ORDER BY id LIMIT 1`,
		strings.TrimSpace(name), strings.TrimSpace(phone))
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// AddOwner records an owner.
func (s *Store) AddOwner(o Owner) (int64, error) {
	o.Name = strings.TrimSpace(o.Name)
	if o.Name == "" {
		return 0, ledger.Refuse("owner.name_empty")
	}
	var id int64
	err := s.write(bg, func(t *Tx) (err error) {
		id, err = t.insertLogged("owner", `INSERT INTO owners(name, phone) VALUES (?,?)`, o.Name, strings.TrimSpace(o.Phone))
		return err
	})
	return id, err
}

func (u *Unit) check() error {
	u.Room = strings.TrimSpace(u.Room)
	if u.Room == "" {
		return ledger.Refuse("unit.room_empty")
	}
	if u.AreaCM2 <= 0 {
		return ledger.Refuse("area.not_positive", "input", ledger.FormatArea(u.AreaCM2))
	}
	ok := false
	for _, h := range HousingTypes {
		ok = ok || h == u.HousingType
	}
	if !ok {
		return ledger.Refuse("unit.unknown_type", "type", u.HousingType)
	}
	if u.Initial.Sign() < 0 {
		return ledger.Refuse("unit.initial_negative")
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// AddUnit records a unit.
func (s *Store) AddUnit(u Unit) (int64, error) {
	if err := u.check(); err != nil {
		return 0, err
	}
	var id int64
	err := s.write(bg, func(t *Tx) error {
		var err error
		id, err = t.addUnit(u)
		return err
	})
	return id, err
}

func (t *Tx) addUnit(u Unit) (int64, error) {
	var n int
	if err := t.Get(&n, `SELECT count(*) FROM buildings WHERE id = ?`, u.BuildingID); err != nil || n == 0 {
		return 0, ledger.Refuse("unit.unknown_building")
	}
	id, err := t.insertLogged("unit", `INSERT INTO units(building_id, room, area_cm2, housing_type, initial_fen, owner_id) VALUES (?,?,?,?,?,?)`,
		u.BuildingID, u.Room, u.AreaCM2, u.HousingType, u.Initial.Fen(), nullID(u.OwnerID))
	if ledger.KeyOf(err) == "record.duplicate" {
		return 0, ledger.Refuse("unit.duplicate", "room", u.Room)
	}
	return id, err
}

// UpdateUnit changes a unit's details. Its area may not change once fund money has been
// apportioned by it, since past shares would no longer add up.
func (s *Store) UpdateUnit(u Unit) error {
	if err := u.check(); err != nil {
		return err
	}
	return s.write(bg, func(t *Tx) error {
		var area int64
		if err := t.Get(&area, `SELECT area_cm2 FROM units WHERE id = ?`, u.ID); err != nil {
			return notFound(err, "unit", u.ID)
		}
		if area != u.AreaCM2 {
			var n int
			t.Get(&n, `SELECT count(*) FROM unit_entries WHERE unit_id = ?`, u.ID)
			if n > 0 {
				return ledger.Refuse("unit.area_fixed")
			}
		}
		return t.change("unit", u.ID, func() error {
			_, err := t.Exec(`UPDATE units SET building_id=?, room=?, area_cm2=?, housing_type=?, initial_fen=?, owner_id=? WHERE id=?`,
				u.BuildingID, u.Room, u.AreaCM2, u.HousingType, u.Initial.Fen(), nullID(u.OwnerID), u.ID)
			if err != nil {
				return mapConstraint(err)
			}
			return nil
		})
	})
}

// UnitRow is a unit as the unit table shows it.
type UnitRow struct {
	Unit
	BuildingCode string       `db:"building_code"`
	OwnerName    string       `db:"owner_name"`
	Balance      ledger.Money `db:"balance_fen"`
}

// unitRowCols are the columns of a UnitRow, from units u, buildings b, owners o and
// unit_balances ub.
const unitRowCols = `u.id, u.building_id, u.room, u.area_cm2, u.housing_type, u.initial_fen,
	COALESCE(u.owner_id, 0) AS owner_id, b.code AS building_code, COALESCE(o.name, '') AS owner_name,
	COALESCE(ub.balance_fen, 0) AS balance_fen`

// UnitFilter selects units; zero values select all.
type UnitFilter struct {
	BuildingID  int64
	Text        string // part of the room, the building code or the owner's name
	HousingType string
	BelowRatio  bool // only units whose balance is below the replenishment threshold
	Limit       int
	Offset      int
}

// Units returns one page of units in building and room order, and how many match in all.
func (s *Store) Units(f UnitFilter) ([]UnitRow, int, error) {
	where, args := []string{"1=1"}, []any{}
	if f.BuildingID != 0 {
		where = append(where, "u.building_id = ?")
		args = append(args, f.BuildingID)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		where = append(where, "(u.room LIKE ? OR b.code LIKE ? OR o.name LIKE ?)")
		like := "%" + t + "%"
		args = append(args, like, like, like)
	}
	if f.HousingType != "" {
		where = append(where, "u.housing_type = ?")
		args = append(args, f.HousingType)
	}
	if f.BelowRatio {
		c, err := s.Community()
		if err != nil {
			return nil, 0, err
		}
		// balance < threshold × initial, exactly: compare balance×10^4 with initial×(threshold×10^4)
		th := c.Policy.ReplenishThreshold.Shift(4).IntPart()
		where = append(where, "COALESCE(ub.balance_fen, 0) * 10000 < u.initial_fen * ?")
		args = append(args, th)
	}
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 50
	}
	from := ` FROM units u JOIN buildings b ON b.id = u.building_id LEFT JOIN owners o ON o.id = u.owner_id
		LEFT JOIN unit_balances ub ON ub.unit_id = u.id WHERE ` + strings.Join(where, " AND ")
	var total int
	if err := s.db.Get(&total, `SELECT count(*)`+from, args...); err != nil {
		return nil, 0, err
	}
	var out []UnitRow
	if err := s.db.Select(&out, `SELECT `+unitRowCols+from+
		` ORDER BY length(b.code), b.code, length(u.room), u.room LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// UnitByID returns one unit with its balance.
func (s *Store) UnitByID(id int64) (UnitRow, error) {
	var r UnitRow
	err := s.db.Get(&r, `SELECT `+unitRowCols+` FROM units u JOIN buildings b ON b.id = u.building_id
		LEFT JOIN owners o ON o.id = u.owner_id LEFT JOIN unit_balances ub ON ub.unit_id = u.id WHERE u.id = ?`, id)
	if err != nil {
		return r, notFound(err, "unit", id)
	}
	return r, nil
}

// UnitEntry is one line of a unit's sub-account (分户账).
type UnitEntry struct {
	VoucherID int64        `db:"voucher_id"`
	VoucherNo string       `db:"-"`
	Date      string       `db:"date"`
	Summary   string       `db:"summary"`
	Account   string       `db:"code"` // account code in the fund book
	Amount    ledger.Money `db:"amount_fen"`
	Balance   ledger.Money `db:"-"` // running balance after this line
}

// UnitStatement returns a unit's sub-account lines in date order with running balance.
func (s *Store) UnitStatement(unitID int64) ([]UnitEntry, error) {
	var rows []struct {
		UnitEntry
		voucherKey
	}
	if err := s.db.Select(&rows, `SELECT e.voucher_id, v.book, v.year, v.number, e.date, v.summary, a.code, e.amount_fen
		FROM unit_entries e JOIN vouchers v ON v.id = e.voucher_id JOIN accounts a ON a.id = e.account_id
		WHERE e.unit_id = ? ORDER BY e.date, e.id`, unitID); err != nil {
		return nil, err
	}
	var out []UnitEntry
	var bal ledger.Money
	for _, r := range rows {
		e := r.UnitEntry
		e.VoucherNo = r.No()
		bal = bal.Add(e.Amount)
		e.Balance = bal
		out = append(out, e)
	}
	return out, nil
}

// scopeFigures returns the total area and owner headcount of a set of units: the denominators
// of a vote of the owners of those parts (an owner counts once however many units).
func scopeFigures(q querier, unitIDs []int64) (area, owners int64, err error) {
	seen := map[int64]bool{}
	for _, chunk := range chunks(unitIDs, 500) {
		var units []struct {
			Area  int64 `db:"area_cm2"`
			Owner int64 `db:"owner"` // a unit with no owner recorded counts as one of its own
		}
		if err := q.Select(&units, `SELECT area_cm2, COALESCE(owner_id, -id) AS owner FROM units WHERE id IN (`+placeholders(len(chunk))+`)`, int64sToAny(chunk)...); err != nil {
			return 0, 0, err
		}
		for _, u := range units {
			area += u.Area
			seen[u.Owner] = true
		}
	}
	return area, int64(len(seen)), nil
}

func chunks(ids []int64, n int) [][]int64 {
	var out [][]int64
	for len(ids) > n {
		out = append(out, ids[:n])
		ids = ids[n:]
	}
	if len(ids) > 0 {
		out = append(out, ids)
	}
	return out
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

func int64sToAny(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}
