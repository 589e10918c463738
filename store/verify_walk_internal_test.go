package store

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"jiayuan/store/ledger"
)

// Verify reads the tables of entities snapshotted by tableRow in one pass each
// (checkTableAgainstLog) instead of a snapshot per id: each row must read exactly as the
// entity's snapshotter has it, and the entities with snapshots of their own (an import's
// lines, a statement's lines, an attachment without its data) must keep theirs.
func TestVerifyTableWalkReadsAsTheSnapshots(t *testing.T) {
	s, _ := smallLedger(t, 3)
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

// Verify walks the vouchers in two halves on two read transactions (voucherDigestsSplit): the
// digests and unit sums must be the walk in one's, and a file whose lines are out of voucher
// order is left to the walk in one.
func TestVerifyWalkInTwoHalvesIsTheWalkInOne(t *testing.T) {
	s, units := smallLedger(t, 4)
	var splits []UnitSplit
	for _, u := range units {
		splits = append(splits, UnitSplit{UnitID: u, Amount: ledger.Fen(100)})
	}
	for day := 5; day < 25; day++ {
		if _, err := s.PostVoucher(VoucherInput{Book: ledger.BookFund, Date: fmt.Sprintf("2024-01-%02d", day), Summary: "交存",
			Lines:  []LineInput{{AccountCode: ledger.CodeBank, Amount: ledger.Fen(400)}, {AccountCode: ledger.CodeFundInitial, Amount: ledger.Fen(-400)}},
			Splits: splits}); err != nil {
			t.Fatal(err)
		}
	}
	walk := func(second func() (*sqlTx, error)) (map[int64]linkRef, map[int64]int64) {
		var out map[int64]linkRef
		var sums map[int64]int64
		err := s.read(bg, func(tx *sqlTx) error {
			if second != nil {
				o, su, p, err, ok := voucherDigestsSplit(tx, second)
				if !ok || p != nil || err != nil {
					t.Fatalf("split walk: ok %v problem %v error %v", ok, p, err)
				}
				out, sums = o, su
				return nil
			}
			o, su, p, err := voucherDigests(tx, nil)
			if p != nil {
				t.Fatal(p)
			}
			out, sums = o, su
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out, sums
	}
	one, oneSums := walk(nil)
	two, twoSums := walk(func() (*sqlTx, error) { return s.db.BeginTxx(bg, &sql.TxOptions{ReadOnly: true}) })
	if len(one) != 20 || !reflect.DeepEqual(one, two) || !reflect.DeepEqual(oneSums, twoSums) {
		t.Errorf("in one: %d digests, sums %v; in two halves: %d digests, sums %v", len(one), oneSums, len(two), twoSums)
	}
	// a line moved back to the first voucher: the halves refuse, the walk in one reads it
	var first int64
	s.db.Get(&first, `SELECT MIN(voucher_id) FROM unit_entries`)
	if _, err := s.db.Exec(`DROP TRIGGER unit_entries_permanent_u; UPDATE unit_entries SET voucher_id = ? WHERE id = (SELECT MAX(id) FROM unit_entries)`, first); err != nil {
		t.Fatal(err)
	}
	s.read(bg, func(tx *sqlTx) error {
		if _, _, _, _, ok := voucherDigestsSplit(tx, func() (*sqlTx, error) { return s.db.BeginTxx(bg, &sql.TxOptions{ReadOnly: true}) }); ok {
			t.Error("the halves walked lines out of voucher order")
		}
		return nil
	})
}

// smallLedger is a new ledger with one building of n units, an owner each.
func smallLedger(t *testing.T, n int) (*Store, []int64) {
	t.Helper()
	s, err := Create(filepath.Join(t.TempDir(), "small.jiayuan"), Community{Name: "小区", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	b, err := s.AddBuilding(Building{Code: "1号"})
	if err != nil {
		t.Fatal(err)
	}
	var units []int64
	for i := range n {
		o, err := s.AddOwner(Owner{Name: "业主"})
		if err != nil {
			t.Fatal(err)
		}
		u, err := s.AddUnit(Unit{BuildingID: b, Room: string(rune('1'+i)) + "01", AreaCM2: 8000, HousingType: "commodity", Initial: ledger.Fen(500000), OwnerID: o})
		if err != nil {
			t.Fatal(err)
		}
		units = append(units, u)
	}
	return s, units
}
