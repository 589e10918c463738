package store_test

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"jiayuan/app/demo"
	"jiayuan/store"
)

// Status sums the buildings and counts the units below the threshold in one grouped query;
// with the unit list it also decides each unit in Go. Both must agree, on a ledger with
// buildings above and below the threshold, and units below it.
func TestStatusCountsAgreeWithTheUnitList(t *testing.T) {
	p := filepath.Join(t.TempDir(), "demo.jiayuan")
	if err := demo.Generate(p, demo.Options{Units: 120, Years: 5, Seed: 7, End: "2022-06-30"}); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(p, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	day := time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC)
	short, err := s.Status(day, false)
	if err != nil {
		t.Fatal(err)
	}
	full, err := s.Status(day, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Fund.Units) != 120 || len(full.Fund.Buildings) == 0 {
		t.Fatalf("%d units, %d buildings", len(full.Fund.Units), len(full.Fund.Buildings))
	}
	if !reflect.DeepEqual(short.Fund.Buildings, full.Fund.Buildings) {
		t.Errorf("buildings differ:\n%+v\n%+v", short.Fund.Buildings, full.Fund.Buildings)
	}
	// the count is decided in SQL over integers, each listed unit in Go with decimals
	listed := 0
	for _, u := range full.Fund.Units {
		if u.Below {
			listed++
		}
	}
	if listed == 0 || listed == len(full.Fund.Units) {
		t.Fatalf("%d of %d units below: the ledger does not test the count", listed, len(full.Fund.Units))
	}
	if short.Fund.UnitsBelow != listed || full.Fund.UnitsBelow != listed || short.Fund.BuildingsBelow != full.Fund.BuildingsBelow {
		t.Errorf("below: %d units and %d buildings without the list, %d and %d with it",
			short.Fund.UnitsBelow, short.Fund.BuildingsBelow, full.Fund.UnitsBelow, full.Fund.BuildingsBelow)
	}
	t.Logf("%d of %d units below, %d of %d buildings", full.Fund.UnitsBelow, len(full.Fund.Units), full.Fund.BuildingsBelow, len(full.Fund.Buildings))
}
