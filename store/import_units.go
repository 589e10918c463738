package store

import (
	"strconv"

	"jiayuan/store/ledger"
)

// ImportUnit is one row of a unit roster (幢, 室, 建筑面积, 房屋类型, 业主, 电话, 首期应筹集金额).
type ImportUnit struct {
	Row         int
	Building    string // as written: "1", "1幢" and "1号" are the same building
	Room        string
	AreaCM2     int64
	HousingType string // one of HousingTypes; "" = not given (a new unit is commodity housing)
	Owner       string // "" = not given
	Phone       string
	Initial     ledger.Money
}

type existingUnit struct {
	id                  int64
	area, initial       int64
	housingType         string
	ownerName, ownerTel string
	hasOwner            bool
}

// ImportUnits adds a unit roster in one transaction, creating the buildings and owners it
// names. A unit already in the ledger (same building and room) is skipped when the row says
// the same about it, and refused when the row differs: an import never changes a unit. Owners
// are told apart by name and phone together. Every row is checked before anything is written;
// any problem refuses the whole file.
func (s *Store) ImportUnits(src ImportSource, rows []ImportUnit) (ImportResult, error) {
	res := ImportResult{Kind: "units", Rows: len(rows), DryRun: src.DryRun}
	var ps problems
	h := newRowsHasher("units")
	seen := map[[2]string]int{}
	ok := make([]bool, len(rows))
	for i := range rows {
		r := &rows[i]
		r.Building, r.Room, r.Owner, r.Phone = BuildingCode(r.Building), RoomCode(r.Room), normText(r.Owner), normText(r.Phone)
		h.fields(r.Building, r.Room, strconv.FormatInt(r.AreaCM2, 10), r.HousingType, r.Owner, r.Phone, strconv.FormatInt(r.Initial.Fen(), 10))
		if r.Building == "" {
			ps.add(r.Row, "", ledger.Refuse("building.code_empty"))
			continue
		}
		u := Unit{Room: r.Room, AreaCM2: r.AreaCM2, HousingType: r.HousingType, Initial: r.Initial}
		if u.HousingType == "" {
			u.HousingType = "commodity"
		}
		if err := u.check(); err != nil {
			ps.add(r.Row, "", err)
			continue
		}
		if r.Phone != "" && r.Owner == "" {
			ps.add(r.Row, "", ledger.Refuse("import.phone_without_owner"))
			continue
		}
		key := [2]string{r.Building, r.Room}
		if first, dup := seen[key]; dup {
			ps.add(r.Row, "", ledger.Refuse("import.duplicate_unit", "building", r.Building, "room", r.Room, "first", first))
			continue
		}
		seen[key] = r.Row
		ok[i] = true
	}
	if len(rows) == 0 {
		return res, ledger.Refuse("import.no_rows")
	}
	err := s.importWrite(src.DryRun, func(t *Tx) error {
		buildings, err := t.buildingsByCode()
		if err != nil {
			return err
		}
		units, err := t.unitsByRoom()
		if err != nil {
			return err
		}
		owners, err := t.ownersByNamePhone()
		if err != nil {
			return err
		}
		isNew := make([]bool, len(rows))
		for i := range rows {
			if !ok[i] {
				continue
			}
			r := &rows[i]
			bid, known := buildings[r.Building]
			var eu existingUnit
			exists := false
			if known {
				eu, exists = units[unitKey{bid, r.Room}]
			}
			if !exists {
				isNew[i] = true
				continue
			}
			if err := unitDiffers(r, eu); err != nil {
				ps.add(r.Row, "", err)
				continue
			}
			res.Skipped++
		}
		if err := ps.err(); err != nil {
			return err
		}
		for i := range rows {
			if !isNew[i] {
				continue
			}
			r := rows[i]
			bid, known := buildings[r.Building]
			if !known {
				bid, err = t.insertLogged("building", `INSERT INTO buildings(code, name, has_lift) VALUES (?,?,0)`, r.Building, r.Building)
				if err != nil {
					return err
				}
				buildings[r.Building] = bid
				res.Buildings++
			}
			var oid int64
			if r.Owner != "" {
				k := r.Owner + "\x00" + r.Phone
				if oid = owners[k]; oid == 0 {
					oid, err = t.insertLogged("owner", `INSERT INTO owners(name, phone) VALUES (?,?)`, r.Owner, r.Phone)
					if err != nil {
						return err
					}
					owners[k] = oid
					res.Owners++
				}
			}
			ht := r.HousingType
			if ht == "" {
				ht = "commodity"
			}
			if _, err := t.insertLogged("unit", `INSERT INTO units(building_id, room, area_cm2, housing_type, initial_fen, owner_id) VALUES (?,?,?,?,?,?)`,
				bid, r.Room, r.AreaCM2, ht, r.Initial.Fen(), nullID(oid)); err != nil {
				if ledger.KeyOf(err) == "record.duplicate" {
					return ledger.Refuse("unit.duplicate", "room", r.Room)
				}
				return err
			}
			res.Created++
		}
		if res.Created == 0 {
			return nil // everything was there already: nothing is written
		}
		id, err := t.insertImport("units", "", src, h.sum(), &res)
		if err != nil {
			return err
		}
		res.ImportID = id
		return t.logImport(id)
	})
	if err != nil {
		return ImportResult{Kind: "units", Rows: len(rows), DryRun: src.DryRun}, err
	}
	if src.DryRun {
		res.ImportID = 0
	}
	return res, nil
}

// unitDiffers refuses a row that says something else about a unit already in the ledger.
func unitDiffers(r *ImportUnit, eu existingUnit) error {
	args := []any{"building", r.Building, "room", r.Room}
	switch {
	case eu.area != r.AreaCM2:
		return ledger.Refuse("import.unit_differs_area", append(args, "old", ledger.FormatArea(eu.area), "new", ledger.FormatArea(r.AreaCM2))...)
	case eu.initial != r.Initial.Fen():
		return ledger.Refuse("import.unit_differs_initial", append(args, "old", ledger.Fen(eu.initial).Grouped(), "new", r.Initial.Grouped())...)
	case r.HousingType != "" && eu.housingType != r.HousingType:
		o, n := housingNames[eu.housingType], housingNames[r.HousingType]
		return ledger.Refuse("import.unit_differs_type", append(args, "old", o[0], "new", n[0], "oldEn", o[1], "newEn", n[1])...)
	case r.Owner != "" && (!eu.hasOwner || eu.ownerName != r.Owner || eu.ownerTel != r.Phone):
		old := "—"
		if eu.hasOwner {
			old = eu.ownerName
			if eu.ownerTel != "" {
				old += " " + eu.ownerTel
			}
		}
		nw := r.Owner
		if r.Phone != "" {
			nw += " " + r.Phone
		}
		return ledger.Refuse("import.unit_differs_owner", append(args, "old", old, "new", nw)...)
	}
	return nil
}

// housingNames name the housing types in refusals' arguments (zh-CN, en).
var housingNames = map[string][2]string{
	"commodity": {"商品房", "commodity housing"}, "public_sold": {"售后公房", "sold public housing"},
	"non_residential": {"非住宅", "non-residential"}, "garage": {"车库", "garage"},
}

type unitKey struct {
	building int64
	room     string
}

// buildingsByCode maps each building's code, in the form BuildingCode gives, to its id.
// An exact code wins over another building's code that folds to the same form.
func (t *Tx) buildingsByCode() (map[string]int64, error) {
	var bs []Building
	if err := t.Select(&bs, `SELECT id, code FROM buildings ORDER BY id`); err != nil {
		return nil, err
	}
	out := map[string]int64{}
	exact := map[string]bool{}
	for _, b := range bs {
		k := BuildingCode(b.Code)
		if _, had := out[k]; !had || (k == b.Code && !exact[k]) {
			out[k] = b.ID
			exact[k] = k == b.Code
		}
	}
	return out, nil
}

func (t *Tx) unitsByRoom() (map[unitKey]existingUnit, error) {
	var units []struct {
		Unit
		HasOwner  bool   `db:"has_owner"`
		OwnerName string `db:"owner_name"`
		OwnerTel  string `db:"owner_tel"`
	}
	if err := t.Select(&units, `SELECT u.id, u.building_id, u.room, u.area_cm2, u.housing_type, u.initial_fen, u.owner_id IS NOT NULL AS has_owner,
		COALESCE(o.name, '') AS owner_name, COALESCE(o.phone, '') AS owner_tel FROM units u LEFT JOIN owners o ON o.id = u.owner_id ORDER BY u.id`); err != nil {
		return nil, err
	}
	out := make(map[unitKey]existingUnit, len(units))
	for _, u := range units {
		k := unitKey{u.BuildingID, RoomCode(u.Room)}
		if _, had := out[k]; !had {
			out[k] = existingUnit{id: u.ID, area: u.AreaCM2, initial: u.Initial.Fen(), housingType: u.HousingType,
				hasOwner: u.HasOwner, ownerName: normText(u.OwnerName), ownerTel: normText(u.OwnerTel)}
		}
	}
	return out, nil
}

func (t *Tx) ownersByNamePhone() (map[string]int64, error) {
	var owners []Owner
	if err := t.Select(&owners, `SELECT id, name, phone FROM owners ORDER BY id`); err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for _, o := range owners {
		k := normText(o.Name) + "\x00" + normText(o.Phone)
		if out[k] == 0 {
			out[k] = o.ID
		}
	}
	return out, nil
}

// unitIDsByRoom maps (building code form, room form) to unit ids, for imports that name units.
func (t *Tx) unitIDsByRoom() (map[[2]string]int64, error) {
	var units []UnitLabel
	if err := t.Select(&units, `SELECT u.id, b.code AS building_code, u.room FROM units u JOIN buildings b ON b.id = u.building_id ORDER BY u.id`); err != nil {
		return nil, err
	}
	out := map[[2]string]int64{}
	for _, u := range units {
		k := [2]string{BuildingCode(u.BuildingCode), RoomCode(u.Room)}
		if out[k] == 0 {
			out[k] = u.ID
		}
	}
	return out, nil
}
