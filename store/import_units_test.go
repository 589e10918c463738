package store_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// importRefused runs an import that must be refused with row problems, checks the file is
// unchanged, and returns the problems.
func (f *fixture) importRefused(run func() (store.ImportResult, error)) []store.RowProblem {
	f.t.Helper()
	before := f.fingerprint()
	_, err := run()
	var rr *store.RowsRefused
	if !errors.As(err, &rr) {
		f.t.Fatalf("want row problems, got %v", err)
	}
	if ledger.KeyOf(err) != "import.rows_refused" {
		f.t.Errorf("a refused import should read as import.rows_refused, got %q", ledger.KeyOf(err))
	}
	if after := f.fingerprint(); after != before {
		f.t.Fatalf("a refused import changed the file:\nbefore %s\nafter  %s", before, after)
	}
	return rr.Problems
}

// unchanged runs an import that must change nothing (a re-import) and returns its result.
func (f *fixture) unchanged(run func() (store.ImportResult, error)) store.ImportResult {
	f.t.Helper()
	before := f.fingerprint()
	res, err := run()
	if err != nil {
		f.t.Fatal(err)
	}
	if after := f.fingerprint(); after != before {
		f.t.Fatalf("a re-import changed the file:\nbefore %s\nafter  %s", before, after)
	}
	if res.ImportID != 0 || res.Created != 0 {
		f.t.Errorf("re-import result %+v", res)
	}
	return res
}

func problemAt(ps []store.RowProblem, row int, key string) bool {
	for _, p := range ps {
		if p.Row == row && p.Err.Key == key {
			return true
		}
	}
	return false
}

var src = store.ImportSource{Name: "roster.xlsx", SHA256: strings.Repeat("ab", 32)}

func roster() []store.ImportUnit {
	return []store.ImportUnit{
		{Row: 2, Building: "3", Room: "101", AreaCM2: 8950, HousingType: "commodity", Owner: "钱七", Phone: "13900000001", Initial: m("8950.00")},
		{Row: 3, Building: "3号", Room: "102室", AreaCM2: 10025, HousingType: "public_sold", Owner: "孙八", Initial: m("10025.00")},
		{Row: 4, Building: "３幢", Room: "201", AreaCM2: 7500, Owner: "钱七", Phone: "13900000001", Initial: m("7500.00")},
		{Row: 5, Building: "1号", Room: "104", AreaCM2: 6000, HousingType: "garage", Initial: m("0")},
		// the fixture's own unit, said the same way: skipped
		{Row: 6, Building: "1", Room: "101", AreaCM2: 10000, HousingType: "commodity", Owner: "张三", Initial: ledger.Fen(1000001)},
	}
}

// A roster creates the buildings and owners it names (an owner once however many units),
// through the change log, and verifies; importing it again changes nothing.
func TestImportUnitsCreatesLoggedRecordsAndReimportChangesNothing(t *testing.T) {
	f := mustCreate(t)
	logBefore := f.count(`SELECT count(*) FROM change_log`)
	res, err := f.s.ImportUnits(src, roster())
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 4 || res.Skipped != 1 || res.Buildings != 1 || res.Owners != 2 || res.ImportID == 0 || res.Rows != 5 {
		t.Errorf("result %+v", res)
	}
	// 1 building + 2 owners + 4 units + the import itself, each logged and chained
	if n := f.count(`SELECT count(*) FROM change_log`) - logBefore; n != 8 {
		t.Errorf("%d change-log entries, want 8", n)
	}
	if n := f.count(`SELECT count(*) FROM buildings WHERE code = '3号'`); n != 1 {
		t.Errorf("building 3号: %d", n)
	}
	if n := f.count(`SELECT count(DISTINCT owner_id) FROM units u JOIN buildings b ON b.id = u.building_id WHERE b.code = '3号'`); n != 2 {
		t.Errorf("owners of building 3: %d", n)
	}
	if n := f.count(`SELECT count(*) FROM units WHERE room = '102' AND housing_type = 'public_sold' AND area_cm2 = 10025`); n != 1 {
		t.Error("room 102室 should be stored as 102")
	}
	if n := f.count(`SELECT count(*) FROM units u JOIN buildings b ON b.id = u.building_id WHERE b.code = '3号' AND u.room = '201' AND u.housing_type = 'commodity'`); n != 1 {
		t.Error("a unit without a type is commodity housing")
	}
	f.verifyOK()

	again := f.unchanged(func() (store.ImportResult, error) { return f.s.ImportUnits(src, roster()) })
	if again.Skipped != 5 {
		t.Errorf("re-import %+v", again)
	}
	f.reopen()
	f.verifyOK()
}

// A row that says something else about a unit already in the ledger is refused (an import
// never changes a unit), like a duplicate row in the file and invalid values; every problem
// is listed by row and nothing is written.
func TestImportUnitsRefusesDifferencesAndDuplicates(t *testing.T) {
	f := mustCreate(t)
	rows := roster()
	rows[4].AreaCM2 = 10001                                                                                               // 1-101 differs
	rows = append(rows, store.ImportUnit{Row: 7, Building: "3号", Room: "101", AreaCM2: 100, Initial: m("1")})             // repeats row 2
	rows = append(rows, store.ImportUnit{Row: 8, Building: "1", Room: "102", AreaCM2: 10000, Initial: ledger.Fen(999999), // owner differs
		Owner: "别人"})
	rows = append(rows, store.ImportUnit{Row: 9, Building: "", Room: "1", AreaCM2: 100, Initial: m("1")})
	rows = append(rows, store.ImportUnit{Row: 10, Building: "9", Room: "1", AreaCM2: 100, HousingType: "villa", Initial: m("1")})
	rows = append(rows, store.ImportUnit{Row: 11, Building: "9", Room: "2", AreaCM2: 100, Phone: "139", Initial: m("1")})
	ps := f.importRefused(func() (store.ImportResult, error) { return f.s.ImportUnits(src, rows) })
	for _, w := range []struct {
		row int
		key string
	}{{6, "import.unit_differs_area"}, {7, "import.duplicate_unit"}, {8, "import.unit_differs_owner"}, {9, "building.code_empty"},
		{10, "unit.unknown_type"}, {11, "import.phone_without_owner"}} {
		if !problemAt(ps, w.row, w.key) {
			t.Errorf("row %d: no %s in %+v", w.row, w.key, ps)
		}
	}
	if len(ps) != 6 {
		t.Errorf("%d problems: %+v", len(ps), ps)
	}
	if ps[1].Err.Args["first"] != "2" {
		t.Errorf("duplicate should name row 2: %v", ps[1].Err.Args)
	}
}

func TestImportUnitsDryRunWritesNothing(t *testing.T) {
	f := mustCreate(t)
	before := f.fingerprint()
	dry := src
	dry.DryRun = true
	res, err := f.s.ImportUnits(dry, roster())
	if err != nil || res.Created != 4 || !res.DryRun || res.ImportID != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	if f.fingerprint() != before {
		t.Fatal("a dry run changed the file")
	}
}

func TestBuildingAndRoomForms(t *testing.T) {
	for in, want := range map[string]string{"1": "1号", "01": "1号", "1号": "1号", "1幢": "1号", "1栋": "1号", "1号楼": "1号", "１２号": "12号",
		"A座": "A座", " 3 ": "3号", "0": "0号", "十二号": "十二号"} {
		if got := store.BuildingCode(in); got != want {
			t.Errorf("BuildingCode(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"101": "101", "101室": "101", "１０１": "101", "室": "室"} {
		if got := store.RoomCode(in); got != want {
			t.Errorf("RoomCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// A roster of 100,000 units goes in in one transaction, and again changes nothing. (About a
// minute: 300,000 logged and chained records; JIAYUAN_BIG=1 runs it.)
func TestImportUnitsHundredThousand(t *testing.T) {
	if testing.Short() || os.Getenv("JIAYUAN_BIG") == "" {
		t.Skip("set JIAYUAN_BIG=1 to import 100,000 units")
	}
	f := mustCreate(t)
	const n = 100_000
	rows := make([]store.ImportUnit, n)
	for i := range rows {
		rows[i] = store.ImportUnit{Row: i + 2, Building: fmt.Sprint(100 + i/500), Room: fmt.Sprintf("%04d", i%500+1), AreaCM2: int64(5000 + i%9000),
			HousingType: "commodity", Owner: fmt.Sprintf("业主%d", i), Phone: fmt.Sprintf("139%08d", i), Initial: ledger.Fen(int64(500000 + i))}
	}
	start := time.Now()
	res, err := f.s.ImportUnits(src, rows)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("100,000 units imported in %s", time.Since(start).Round(time.Millisecond))
	if res.Created != n || res.Buildings != 200 || res.Owners != n {
		t.Errorf("%+v", res)
	}
	head, _ := f.s.ChainHead()
	start = time.Now()
	res, err = f.s.ImportUnits(src, rows)
	t.Logf("re-import checked in %s", time.Since(start).Round(time.Millisecond))
	if h, _ := f.s.ChainHead(); err != nil || res.Created != 0 || res.Skipped != n || h != head {
		t.Errorf("re-import: %+v %v, head %v → %v", res, err, head, h)
	}
}
