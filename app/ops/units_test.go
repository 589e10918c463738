package ops_test

import (
	"path/filepath"
	"strings"
	"testing"

	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

func TestParseUnitLabel(t *testing.T) {
	for _, c := range []struct {
		in, building, room string
		ok                 bool
	}{
		{"3号-1201", "3号", "1201", true},
		{"3-1201", "3号", "1201", true},
		{" 3 - 1201 ", "3号", "1201", true},
		{"3号楼-1201室", "3号", "1201", true},
		{"3号楼1201", "3号", "1201", true},
		{"3幢1201", "3号", "1201", true},
		{"3栋 1201", "3号", "1201", true},
		{"3号1201", "3号", "1201", true},
		{"03号-1201", "3号", "1201", true},
		{"３号－１２０１", "3号", "1201", true},
		{"A座-101", "A座", "101", true},
		{"3-", "", "", false},
		{"-1201", "", "", false},
		{"1201", "", "", false},
		{"3楼1201", "", "", false}, // 3楼 is a floor, not a building
		{"张三", "", "", false},
		{"", "", "", false},
	} {
		b, r, ok := ops.ParseUnitLabel(c.in)
		if b != c.building || r != c.room || ok != c.ok {
			t.Errorf("ParseUnitLabel(%q) = %q, %q, %v; want %q, %q, %v", c.in, b, r, ok, c.building, c.room, c.ok)
		}
	}
}

// unitsLedger has buildings 3号 (rooms 101, 102, 1201, 1202) and 12号 (room 101, owner 李-明),
// and building A座 (room 101).
func unitsLedger(t *testing.T) (*store.Store, map[string]int64) {
	t.Helper()
	st, err := store.Create(filepath.Join(t.TempDir(), "u.jiayuan"), store.Community{Name: "测试小区", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ids := map[string]int64{}
	for _, b := range []struct {
		code, name string
		rooms      []string
	}{{"3号", "3号楼", []string{"101", "102", "1201", "1202"}}, {"12号", "12号楼", []string{"101"}}, {"A座", "A座", []string{"101"}}} {
		bid, err := st.AddBuilding(store.Building{Code: b.code, Name: b.name})
		if err != nil {
			t.Fatal(err)
		}
		ids[b.code] = bid
		for _, r := range b.rooms {
			id, err := st.AddUnit(store.Unit{BuildingID: bid, Room: r, AreaCM2: 8000, HousingType: "commodity"})
			if err != nil {
				t.Fatal(err)
			}
			ids[b.code+"-"+r] = id
		}
	}
	return st, ids
}

func TestFindUnit(t *testing.T) {
	st, ids := unitsLedger(t)
	for _, c := range []struct {
		in, want string // want "" : refused
	}{
		{"3号-1201", "3号-1201"},
		{"3-1201", "3号-1201"},
		{"3号楼1201", "3号-1201"},
		{"3号楼-1201室", "3号-1201"},
		{"12-101", "12号-101"},
		{"A座-101", "A座-101"},
		{"3-12", ""},   // a room is named whole
		{"9号-101", ""}, // no such building
		{"3号-999", ""},
		{"张三", ""},
	} {
		u, err := ops.FindUnit(st, c.in)
		if c.want == "" {
			if ledger.KeyOf(err) != "report.unit_not_found" {
				t.Errorf("FindUnit(%q): %v, want refusal report.unit_not_found", c.in, err)
			}
			continue
		}
		if err != nil || u.ID != ids[c.want] {
			t.Errorf("FindUnit(%q) = unit %d, %v; want %s (%d)", c.in, u.ID, err, c.want, ids[c.want])
		}
	}
	if u, err := ops.FindUnit(st, "2"); err != nil || u.ID != 2 {
		t.Errorf("FindUnit by id: %d, %v", u.ID, err)
	}
}

func TestFindBuilding(t *testing.T) {
	st, ids := unitsLedger(t)
	for _, c := range []struct{ in, want string }{
		{"3", "3号"}, {"3号", "3号"}, {"3号楼", "3号"}, {"３号", "3号"}, {"12幢", "12号"}, {"A座", "A座"}, {"7号", ""}, {"", ""},
	} {
		b, ok, err := ops.FindBuilding(st, c.in)
		if err != nil || ok != (c.want != "") || (ok && b.ID != ids[c.want]) {
			t.Errorf("FindBuilding(%q) = %d, %v, %v; want %s", c.in, b.ID, ok, err, c.want)
		}
	}
	// a number that is no building's code is an id
	if b, ok, _ := ops.FindBuilding(st, "2"); !ok || b.ID != 2 {
		t.Errorf("FindBuilding by id: %d %v", b.ID, ok)
	}
}

func TestSearchUnits(t *testing.T) {
	st, ids := unitsLedger(t)
	labels := func(rows []store.UnitRow) string {
		var out []string
		for _, r := range rows {
			out = append(out, r.BuildingCode+"-"+r.Room)
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct {
		q     ops.UnitSearch
		want  string
		total int
	}{
		{ops.UnitSearch{Text: "3号-12"}, "3号-1201 3号-1202", 2},
		{ops.UnitSearch{Text: "3-1"}, "3号-101 3号-102 3号-1201 3号-1202", 4},
		{ops.UnitSearch{Text: "3号楼120"}, "3号-1201 3号-1202", 2},
		{ops.UnitSearch{Text: "3-1", Offset: 1, Limit: 2}, "3号-102 3号-1201", 4},
		{ops.UnitSearch{Text: "12-1"}, "12号-101", 1},
		{ops.UnitSearch{Text: "3-1", BuildingID: ids["12号"]}, "", 0},
		{ops.UnitSearch{Text: "3-1", BuildingID: ids["3号"], Limit: 1}, "3号-101", 4},
		{ops.UnitSearch{Text: "9-1"}, "", 0}, // no building 9: searched as text
		{ops.UnitSearch{Text: "1201"}, "3号-1201", 1},
		{ops.UnitSearch{Text: "A座", Limit: 10}, "A座-101", 1},
	} {
		rows, n, err := ops.SearchUnits(st, c.q)
		if err != nil || labels(rows) != c.want || n != c.total {
			t.Errorf("SearchUnits(%+v) = %q (%d), %v; want %q (%d)", c.q, labels(rows), n, err, c.want, c.total)
		}
	}
}
