package store_test

import (
	"path/filepath"
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// bulkLedger makes a ledger with WithBulkWrites: one building, one unit, its first deposit.
func bulkLedger(t *testing.T) (*store.Store, string, int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bulk.jiayuan")
	s, err := store.Create(path, store.Community{Name: "批量小区", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()}, store.WithBulkWrites())
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddBuilding(store.Building{Code: "1号"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := s.AddUnit(store.Unit{BuildingID: b, Room: "101", AreaCM2: 10000, HousingType: "commodity", Initial: ledger.Yuan(10000)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PostVoucher(store.VoucherInput{Book: ledger.BookFund, Date: "2024-01-15", Summary: "首期",
		Lines:  []store.LineInput{{AccountCode: ledger.CodeBank, Amount: ledger.Yuan(10000)}, {AccountCode: ledger.CodeFundInitial, Amount: ledger.Yuan(-10000)}},
		Splits: []store.UnitSplit{{UnitID: u, Amount: ledger.Yuan(10000)}}}); err != nil {
		t.Fatal(err)
	}
	return s, path, u
}

// A generated ledger is written in one transaction (store/bulk.go): every read and rule sees
// what was written before it, and the file holds all of it once closed.
func TestBulkWritesSeeThemselvesAndLast(t *testing.T) {
	s, path, _ := bulkLedger(t)
	st, err := s.Figures(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if st.Fund.Balance != ledger.Yuan(10000) {
		t.Fatalf("fund seen inside the bulk transaction: %s, want 10,000.00", st.Fund.Balance.Grouped())
	}
	// a refused write (the working book has no money yet) abandons the whole bulk
	if _, err := s.PostVoucher(store.VoucherInput{Book: ledger.BookWorking, Date: "2024-01-20", Summary: "办公用品",
		Lines: []store.LineInput{{AccountCode: "5001", Amount: ledger.Yuan(1)}, {AccountCode: ledger.CodeBank, Amount: ledger.Yuan(-1)}}}); err == nil {
		t.Fatal("a working-expense voucher with no money in its book was posted")
	}
	if _, err := s.AddBuilding(store.Building{Code: "2号"}); err == nil {
		t.Fatal("a write after the refusal went on")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// nothing of it is in the file
	if r, err := store.Open(path, store.Options{}); err == nil {
		r.Close()
		t.Fatal("a bulk ledger whose write was refused opened as a ledger")
	}
}

func TestBulkWritesCommitAtClose(t *testing.T) {
	s, path, u := bulkLedger(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	res, err := r.Verify()
	if err != nil || !res.OK {
		t.Fatalf("verify: %v %v", err, res.Problem)
	}
	us, err := r.UnitStatement(u)
	if err != nil {
		t.Fatal(err)
	}
	if len(us) != 1 {
		t.Fatalf("unit statement has %d lines, want the first deposit", len(us))
	}
	var mode string
	if err := r.DB().QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal mode %q (%v), want wal", mode, err)
	}
}
