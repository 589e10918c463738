package store_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"jiayuan/store"
)

// The routine verify checks the structure with SQLite's quick_check (every page read, its
// b-tree checked) and recomputes the chain; VerifyFull (`verify --full`, and a restore) runs
// integrity_check instead, which also looks every row up in each of its table's indexes. This
// is what each finds. Every edit of the tamper suites (tamper_test.go, tamper_rows_test.go,
// headcheck_test.go) runs through the routine Verify, so those suites prove that quick_check
// and the chain find every edit; what only the full check finds is an index out of step with
// its table, which an edit through SQL cannot make (SQLite updates both) and which changes no
// figure the app reads from the table.
func TestVerifyModes(t *testing.T) {
	type outcome struct{ routine, full string } // "" for OK, else the problem's kind
	cases := []struct {
		name   string
		damage func(r *richLedger)
		want   outcome
	}{
		{"nothing changed", func(r *richLedger) {}, outcome{"", ""}},
		{"a posting's amount edited through SQL", func(r *richLedger) {
			sqlite3(t, r.path, fmt.Sprintf(`DROP TRIGGER postings_permanent_u; UPDATE postings SET amount_fen = amount_fen + 100 WHERE voucher_id = %d AND line = 1;`, r.inc1.ID))
		}, outcome{"voucher", "voucher"}},
		{"a unit's area edited through SQL", func(r *richLedger) {
			sqlite3(t, r.path, fmt.Sprintf(`UPDATE units SET area_cm2 = area_cm2 + 1 WHERE id = %d;`, r.units[0]))
		}, outcome{"master", "master"}},
		{"a page of old postings overwritten on disk", func(r *richLedger) {
			pageNo, err := strconv.ParseInt(sqlite3Out(t, r.path, `SELECT min(pageno) FROM dbstat WHERE name = 'postings' AND pagetype = 'leaf'`), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			fh, err := os.OpenFile(r.path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer fh.Close()
			const page = 4096
			if _, err := fh.WriteAt([]byte(strings.Repeat("\xff\x00", page/2)), (pageNo-1)*page); err != nil {
				t.Fatal(err)
			}
		}, outcome{"integrity", "integrity"}},
		// An index's definition changed under it: its entries no longer match the rows.
		{"an index out of step with its table, one verify reads", func(r *richLedger) {
			sqlite3(t, r.path, `PRAGMA writable_schema = ON;
				UPDATE sqlite_master SET sql = 'CREATE INDEX postings_account_date ON postings(account_id, amount_fen, date)' WHERE name = 'postings_account_date';`)
		}, outcome{"balance", "integrity"}}, // the balances are summed through it
		{"an index out of step with its table, one verify does not read", func(r *richLedger) {
			sqlite3(t, r.path, `PRAGMA writable_schema = ON;
				UPDATE sqlite_master SET sql = 'CREATE INDEX units_owner ON units(building_id)' WHERE name = 'units_owner';`)
		}, outcome{"", "integrity"}}, // only the full check
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newRichLedger(t)
			for range 150 { // the pages at the start of postings then hold old vouchers only
				r.publicIncome("2024-04-10", "1.00")
			}
			r.s.Close()
			c.damage(r)
			s, err := store.Open(r.path, store.Options{ReadOnly: true, ChainCheckOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			r.s = s // closed by the fixture
			kind := func(full bool) string {
				verify := s.Verify
				if full {
					verify = s.VerifyFull
				}
				res, err := verify()
				if err != nil {
					t.Fatalf("verify (full %v): %v", full, err)
				}
				if res.OK != (res.Problem == nil) {
					t.Fatalf("OK %v with problem %v", res.OK, res.Problem)
				}
				if res.Problem == nil {
					return ""
				}
				t.Logf("full %v: %s", full, res.Problem)
				return res.Problem.Kind
			}
			if got := (outcome{kind(false), kind(true)}); got != c.want {
				t.Errorf("routine verify found %q, full found %q; want %q and %q", got.routine, got.full, c.want.routine, c.want.full)
			}
		})
	}
}

// Verify reads the sub-ledger lines in the table's own order, which is voucher order as the app
// writes them; a line moved to an earlier voucher breaks that order, and the walk then reads
// them again in voucher order, so what it names does not depend on how the rows lie.
func TestVerifySubLedgerLineMovedToAnEarlierVoucher(t *testing.T) {
	r := newRichLedger(t)
	p := r.tamper(fmt.Sprintf(`DROP TRIGGER unit_entries_permanent_u;
		UPDATE unit_entries SET voucher_id = %d WHERE id = (SELECT max(id) FROM unit_entries WHERE voucher_id = %d);`, r.deposit.ID, r.repair.ID))
	wantProblem(t, p, "voucher", "vouchers", r.deposit.ID) // the first in the chain of the two
}
