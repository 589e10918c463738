package store

import (
	"path/filepath"
	"testing"

	"jiayuan/store/ledger"
)

// Verify reads the tables of entities snapshotted by tableRow in one pass each
// (checkTableAgainstLog) instead of a snapshot per id: each row must read exactly as the
// entity's snapshotter has it, and the entities with snapshots of their own (an import's
// lines, a statement's lines, an attachment without its data) must keep theirs.
func TestVerifyTableWalkReadsAsTheSnapshots(t *testing.T) {
	s, err := Create(filepath.Join(t.TempDir(), "walk.jiayuan"), Community{Name: "小区", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := s.AddBuilding(Building{Code: "1号"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		o, err := s.AddOwner(Owner{Name: "业主"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddUnit(Unit{BuildingID: b, Room: string(rune('1'+i)) + "01", AreaCM2: 8000, HousingType: "commodity", Initial: ledger.Fen(500000), OwnerID: o}); err != nil {
			t.Fatal(err)
		}
	}
	for _, own := range []string{"attachment", "import", "statement"} {
		if f, ok := snapshotters[own]; ok && isTableRow(f) {
			t.Errorf("%s has a snapshot of its own, not the whole row", own)
		}
	}
	walked := 0
	for entity, table := range trackedTables {
		if !isTableRow(snapshotters[entity]) {
			continue
		}
		walked++
		rows, err := s.db.Query(`SELECT * FROM ` + table + ` ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals, err := scanValues(rows, len(cols))
			if err != nil {
				t.Fatal(err)
			}
			got, err := rowJSON(table, cols, vals)
			if err != nil {
				t.Fatal(err)
			}
			id := vals[0].(int64)
			want, err := snapshot(s.db, entity, id)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%s %d: the walk reads %s, its snapshot is %s", entity, id, got, want)
			}
		}
		rows.Close()
	}
	if walked < 10 {
		t.Errorf("only %d entities read whole", walked)
	}
}
