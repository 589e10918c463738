package ops_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

func TestCheckUnitRowsNamesEachBadRowAndField(t *testing.T) {
	rows := []ops.UnitRow{
		{Row: 2, Building: "1", Room: "101", Area: "89.50", Initial: "8950"},
		{Row: 3, Building: "1", Room: "", Area: "", Initial: ""}, // blank: skipped
		{Row: 4, Building: "1号", Room: "101", Area: "70", Initial: "1"},
		{Row: 5, Building: "", Room: "102", Area: "70", Initial: "1"},
		{Row: 6, Building: "1", Room: "103", Area: "0.00", Initial: "1"},
		{Row: 7, Building: "1", Room: "104", Area: "70", HousingType: "别墅", Initial: "1"},
		{Row: 8, Building: "1", Room: "105", Area: "70", Initial: "-0.01"},
		{Row: 9, Building: "1", Room: "106", Area: "70", Initial: "1", OwnerPhone: "139"},
		{Row: 10, Building: "1", Room: "107", Area: "70.005", Initial: "1"},
		{Row: 11, Building: "1", Room: "108", Area: "70", Initial: "0.001"},
		{Row: 12, Building: "2", Room: "101", Area: "70", HousingType: "车库", Initial: "0"},
	}
	units, problems := ops.CheckUnitRows(rows, 100)
	want := map[int]string{4: "room", 5: "building", 6: "area", 7: "housingType", 8: "initial", 9: "ownerName", 10: "area", 11: "initial"}
	got := map[int]string{}
	for _, p := range problems {
		got[p.Row] = p.Field
		if p.Err.Args["row"] == "" {
			t.Errorf("%v: the refusal does not carry its row", p)
		}
	}
	for row, field := range want {
		if got[row] != field {
			t.Errorf("row %d: problem in %q, want %q (all: %v)", row, got[row], field, problems)
		}
	}
	if len(problems) != len(want) {
		t.Errorf("%d problems, want %d: %v", len(problems), len(want), problems)
	}
	if len(units) != 2 || units[0].Row != 2 || units[0].AreaCM2 != 8950 || units[1].HousingType != "garage" {
		t.Errorf("good rows: %+v", units)
	}
	if _, problems := ops.CheckUnitRows(rows, 1); len(problems) != 1 {
		t.Errorf("limit 1: %d problems", len(problems))
	}
}

func TestPolicyNamed(t *testing.T) {
	sh, err := ops.PolicyNamed("Shanghai")
	if err != nil || !sh.TransferShare.Equal(ledger.DefaultPolicy().TransferShare) || sh.TransferStrict != ledger.DefaultPolicy().TransferStrict {
		t.Errorf("shanghai: %+v %v", sh, err)
	}
	nat, err := ops.PolicyNamed("national")
	if err != nil || nat.TransferStrict || nat.TransferShare.String() != "0.5" || nat.TransferThreshold.String() != "0.3" {
		t.Errorf("national: %+v %v", nat, err)
	}
	if err := nat.Validate(); err != nil {
		t.Errorf("national does not validate: %v", err)
	}
	if _, err := ops.PolicyNamed("beijing"); ledger.KeyOf(err) != "policy.unknown_name" {
		t.Errorf("unknown name: %v", err)
	}
}

func TestCreateLedgerLeavesNoFileWhenTheStoreRefusesTheUnits(t *testing.T) {
	dir := t.TempDir()
	p, err := ops.NewLedgerPath(filepath.Join(dir, "小区"))
	if err != nil || p != filepath.Join(dir, "小区.jiayuan") {
		t.Fatalf("path %q %v", p, err)
	}
	c, err := ops.CheckCommunity(store.Community{Name: " 小区 ", StartDate: "2025-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil || c.Name != "小区" {
		t.Fatalf("community %+v %v", c, err)
	}
	// The same room twice under two ways of writing the building: the wizard's checks pass
	// rows the store's own check refuses, inside the creation.
	units := []store.ImportUnit{{Row: 1, Building: "1", Room: "101", AreaCM2: 100, Initial: ledger.Fen(100)},
		{Row: 2, Building: "1", Room: "101", AreaCM2: 100, Initial: ledger.Fen(100)}}
	err = ops.CreateLedger(p, ops.NewLedger{Community: c, Units: units})
	var rr *store.RowsRefused
	if !errors.As(err, &rr) {
		t.Fatalf("want the rows refused, got %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
	if err := ops.CreateLedger(p, ops.NewLedger{Community: c, Units: units[:1]}); err != nil {
		t.Fatal(err)
	}
	if _, err := ops.NewLedgerPath(p); ledger.KeyOf(err) != "ledger.file_exists" {
		t.Errorf("an existing file: %v", err)
	}
	if err := ops.CreateLedger(p, ops.NewLedger{Community: c}); ledger.KeyOf(err) != "ledger.file_exists" {
		t.Errorf("created over an existing file: %v", err)
	}
	for _, bad := range []store.Community{{Name: "", StartDate: "2025-01-01"}, {Name: "x", StartDate: ""},
		{Name: "x", StartDate: "2025-13-01"}, {Name: "x", StartDate: "2025-01-01", TermStart: "2025-02-01", TermEnd: "2025-01-01"}} {
		if _, err := ops.CheckCommunity(bad); ledger.KeyOf(err) == "" {
			t.Errorf("%+v: not refused (%v)", bad, err)
		}
	}
}
