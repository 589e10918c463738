package ops

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// A unit as people write it. One set of rules for every place a person types a unit: the
// unit pickers of the window (vouchers, projects, reports) and `jiayuan report --unit`.
//
//	"3号-1201", "3-1201", "3号楼-1201", "3幢1201", "3号楼1201室", "３号－１２０１"
//
// all name room 1201 of building 3号: the building is compared in the form the ledger keeps
// codes in (store.BuildingCode: "3", "3幢", "3号楼" are "3号") and the room without a
// trailing 室 (store.RoomCode), after full-width characters are folded.

// labelRE is a building number with its suffix written straight before the room: "3号楼1201".
// A bare "楼" is not a building's suffix here: "3楼" is a floor.
var labelRE = regexp.MustCompile(`^([0-9]+)\s*(号楼|号|幢|栋)\s*(\S+)$`)

// ParseUnitLabel reads a unit's label: the building's code and the room, in the forms the
// ledger keeps them. ok is false when text is not a label (a room alone, an owner's name).
func ParseUnitLabel(text string) (building, room string, ok bool) {
	t := strings.TrimSpace(width.Fold.String(text))
	if b, r, dashed := strings.Cut(t, "-"); dashed {
		b, r = strings.TrimSpace(b), strings.TrimSpace(r)
		if b == "" || r == "" {
			return "", "", false
		}
		return store.BuildingCode(b), store.RoomCode(r), true
	}
	if m := labelRE.FindStringSubmatch(t); m != nil {
		return store.BuildingCode(m[1] + m[2]), store.RoomCode(m[3]), true
	}
	return "", "", false
}

// FindBuilding finds the building a person named: by its code in any of its written forms
// ("3", "3号", "3号楼"), its name, or else its id. ok is false when none matches.
func FindBuilding(st *store.Store, text string) (b store.Building, ok bool, err error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return b, false, nil
	}
	bs, err := st.Buildings()
	if err != nil {
		return b, false, err
	}
	code := store.BuildingCode(text)
	for _, b := range bs {
		if b.Code == text || b.Name == text || store.BuildingCode(b.Code) == code {
			return b, true, nil
		}
	}
	if id, err := strconv.ParseInt(text, 10, 64); err == nil {
		for _, b := range bs {
			if b.ID == id {
				return b, true, nil
			}
		}
	}
	return b, false, nil
}

// FindUnit finds the one unit a person named: by its label ("3号-1201") or its id. A name
// that is neither is refused, saying how to write it.
func FindUnit(st *store.Store, text string) (store.UnitRow, error) {
	text = strings.TrimSpace(text)
	notFound := ledger.Refuse("report.unit_not_found", "unit", text)
	if id, err := strconv.ParseInt(text, 10, 64); err == nil {
		u, err := st.UnitByID(id)
		if err != nil {
			return u, notFound
		}
		return u, nil
	}
	code, room, ok := ParseUnitLabel(text)
	if !ok {
		return store.UnitRow{}, notFound
	}
	rows, err := labelled(st, code, room, 0, true)
	if err != nil {
		return store.UnitRow{}, err
	}
	if len(rows) != 1 {
		return store.UnitRow{}, notFound
	}
	return rows[0], nil
}

// UnitSearch is what a unit picker asks for: the text typed, optionally within one building,
// and the page (Limit 0: the store's default).
type UnitSearch struct {
	Text       string
	BuildingID int64
	Offset     int
	Limit      int
}

// SearchUnits finds the units a picker offers for what a person typed, one page of them and
// how many match in all. A label ("3号-12") lists the building's rooms that begin with the
// room typed; anything else is matched in the room, the building's code and the owner's name.
func SearchUnits(st *store.Store, q UnitSearch) ([]store.UnitRow, int, error) {
	text := strings.TrimSpace(q.Text)
	if code, room, ok := ParseUnitLabel(text); ok {
		rows, err := labelled(st, code, room, q.BuildingID, false)
		if err != nil {
			return nil, 0, err
		}
		if rows != nil {
			from := min(max(q.Offset, 0), len(rows))
			to := len(rows)
			if q.Limit > 0 {
				to = min(from+q.Limit, len(rows))
			}
			return rows[from:to], len(rows), nil
		}
		// no such building: the text may be an owner's name with a dash in it
	}
	return st.Units(store.UnitFilter{BuildingID: q.BuildingID, Text: text, Limit: q.Limit, Offset: q.Offset})
}

// labelled is the units of the building coded code whose room is room (exact) or begins with
// it, in room order; within (when not 0) must be that building. It returns nil (not an
// empty list) when no building has that code.
func labelled(st *store.Store, code, room string, within int64, exact bool) ([]store.UnitRow, error) {
	b, ok, err := FindBuilding(st, code)
	if err != nil || !ok {
		return nil, err
	}
	out := []store.UnitRow{}
	if within != 0 && within != b.ID {
		return out, nil
	}
	const all = 1 << 30
	rows, _, err := st.Units(store.UnitFilter{BuildingID: b.ID, Limit: all})
	if err != nil {
		return nil, err
	}
	for _, u := range rows {
		r := store.RoomCode(u.Room)
		if r == room || (!exact && strings.HasPrefix(r, room)) {
			out = append(out, u)
		}
	}
	return out, nil
}
