package store_test

import (
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

func (f *fixture) receipts(flt store.ReceiptFilter) []store.Receipt {
	f.t.Helper()
	rs, err := f.s.Receipts(flt)
	if err != nil {
		f.t.Fatal(err)
	}
	return rs
}

// Every deposit posted to a unit gets a receipt, numbered in the year's own series when the
// voucher is posted; reversals and other postings give none, and a reversed deposit keeps its
// number (never reused) and names its reversal.
func TestReceiptsNumberedPerYear(t *testing.T) {
	f := mustCreate(t)
	first := f.deposit("2024-01-05", m("100.00"), m("200.00"), ledger.Zero, m("50.01"))
	rs := f.receipts(store.ReceiptFilter{VoucherID: first.ID})
	if len(rs) != 3 {
		t.Fatalf("receipts %+v; want one per unit paid", rs)
	}
	for i, want := range []struct {
		no, room, owner, amount string
	}{{"2024-0001", "101", "张三", "100.00"}, {"2024-0002", "102", "李四", "200.00"}, {"2024-0003", "201", "赵六", "50.01"}} {
		r := rs[i]
		if r.No != want.no || r.Room != want.room || r.Owner != want.owner || r.Amount.String() != want.amount ||
			r.Purpose != "首期交存专项维修资金" || r.VoucherNo != first.No || r.ChainSeq != first.ChainSeq || r.VoucherDate != "2024-01-05" {
			t.Errorf("receipt %d: %+v; want %+v", i, r, want)
		}
	}
	f.publicIncome("2024-01-06", "10.00")                                               // not a deposit: no receipt
	f.post(store.VoucherInput{Book: ledger.BookFund, Date: "2024-01-07", Summary: "利息", // interest is split over units, but is no deposit
		Lines: []store.LineInput{line("1001", "3.00"), line("4003", "-3.00")}})
	second := f.deposit("2024-02-01", ledger.Zero, ledger.Zero, m("10.00"))
	next := f.deposit("2025-01-03", m("1.00"))
	if rs := f.receipts(store.ReceiptFilter{}); len(rs) != 5 || rs[3].No != "2024-0004" || rs[3].VoucherID != second.ID || rs[4].No != "2025-0001" || rs[4].VoucherID != next.ID {
		t.Fatalf("series: %+v", rs)
	}
	rev, err := f.s.Reverse(first.ID, "2024-03-01", "金额录错")
	if err != nil {
		t.Fatal(err)
	}
	rs = f.receipts(store.ReceiptFilter{From: "2024-01-01", To: "2024-12-31"})
	if len(rs) != 4 || rs[0].ReversedByNo != rev[0].No || rs[3].ReversedByNo != "" {
		t.Errorf("after the reversal: %+v", rs)
	}
	if got := f.receipts(store.ReceiptFilter{UnitID: f.units[2]}); len(got) != 1 || got[0].No != "2024-0004" {
		t.Errorf("by unit: %+v", got)
	}
	// the next deposit of 2024 continues the series after the reversal: numbers are never reused
	if d := f.deposit("2024-03-02", m("5.00")); f.receipts(store.ReceiptFilter{VoucherID: d.ID})[0].No != "2024-0005" {
		t.Errorf("after the reversal: %+v", f.receipts(store.ReceiptFilter{VoucherID: d.ID}))
	}
	f.verifyOK()
}

func TestReceiptPurposeNamesTheReplenishmentRound(t *testing.T) {
	f := mustCreate(t)
	f.deposit("2024-01-05", m("100.00"))
	f.s.Close()
	// a case as the store opens one; its rules are another test's subject
	sqlite3(t, f.path, `INSERT INTO replenishment_cases(level, trigger_date, balance_fen, initial_fen, decision_deadline, status)
		VALUES ('community', '2024-01-10', 1, 100, '2024-04-09', 'open');`)
	f.reopen()
	var caseID int64 = 1
	v, err := f.s.RecordReplenishmentPayment(caseID, f.units[1], "2024-02-01", m("12.34"), "")
	if err != nil {
		t.Fatal(err)
	}
	rs := f.receipts(store.ReceiptFilter{VoucherID: v.ID})
	if len(rs) != 1 || rs[0].Purpose != "2024年续筹第1期" || rs[0].No != "2024-0002" {
		t.Errorf("receipts %+v", rs)
	}
}

// A receipt is part of its voucher's record in the chain: changing or removing one outside
// the app is found.
func TestReceiptTamperDetected(t *testing.T) {
	for name, sql := range map[string]string{
		"amount":  `DROP TRIGGER receipts_permanent_u; UPDATE receipts SET amount_fen = amount_fen + 1 WHERE number = 2;`,
		"number":  `DROP TRIGGER receipts_permanent_u; UPDATE receipts SET number = 9 WHERE number = 3;`,
		"deleted": `DROP TRIGGER receipts_permanent_d; DELETE FROM receipts WHERE number = 1;`,
	} {
		t.Run(name, func(t *testing.T) {
			r := newRichLedger(t)
			p := r.tamper(sql)
			wantProblem(t, p, "voucher", "vouchers", r.deposit.ID)
		})
	}
	t.Run("guard dropped", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(`DROP TRIGGER receipts_permanent_u;`)
		if p.Kind != "schema" {
			t.Errorf("problem %s", p)
		}
	})
}
