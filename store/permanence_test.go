package store_test

import (
	"strings"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// R5: posted records are permanent, even through SQL on the store's own handle.
func TestPostedRowsCannotBeEditedOrDeleted(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	pid := f.communityProject()
	rep, err := f.s.PostProjectExpense(pid, "2024-02-01", m("100.00"), "屋面维修", nil)
	if err != nil {
		t.Fatal(err)
	}
	att, err := f.s.AddAttachment("receipt.txt", []byte("发票 No. 123"))
	if err != nil {
		t.Fatal(err)
	}
	f.post(store.VoucherInput{Book: ledger.BookFund, Date: "2024-02-02", Summary: "手续费", AttachmentIDs: []int64{att.ID},
		Lines: []store.LineInput{line("5002", "1.00"), line("1001", "-1.00")}})

	stmts := []string{
		"UPDATE postings SET amount_fen = amount_fen + 1 WHERE voucher_id = ?",
		"UPDATE postings SET memo = 'x' WHERE voucher_id = ?",
		"DELETE FROM postings WHERE voucher_id = ?",
		"UPDATE vouchers SET date = '2024-02-03' WHERE id = ?",
		"UPDATE vouchers SET summary = 'x' WHERE id = ?",
		"DELETE FROM vouchers WHERE id = ?",
		"UPDATE unit_entries SET amount_fen = amount_fen - 1 WHERE voucher_id = ?",
		"DELETE FROM unit_entries WHERE voucher_id = ?",
		"DELETE FROM voucher_attachments WHERE voucher_id >= ?",
		"UPDATE chain SET hash = 'x' WHERE ref_id = ?",
		"DELETE FROM chain WHERE seq >= ?",
		"UPDATE change_log SET actor = 'x' WHERE id >= ?",
		"DELETE FROM change_log WHERE id >= ?",
	}
	for _, q := range stmts {
		before := f.fingerprint()
		_, err := f.s.DB().Exec(q, rep.ID)
		if err == nil || !(strings.Contains(err.Error(), "permanent") || strings.Contains(err.Error(), "append-only")) {
			t.Errorf("%s: want the permanence trigger to abort, got %v", q, err)
		}
		if after := f.fingerprint(); after != before {
			t.Fatalf("%s changed the file", q)
		}
	}
	f.verifyOK()
}

func TestReversal(t *testing.T) {
	f := mustCreate(t)
	dep := f.depositAll("2024-01-05")
	inc := f.publicIncome("2024-02-01", "1000.00")
	inc2 := f.publicIncome("2024-02-02", "200.00")

	rv, err := f.s.Reverse(inc.ID, "2024-02-10", "金额录错")
	if err != nil {
		t.Fatal(err)
	}
	if len(rv) != 1 {
		t.Fatalf("want one reversal, got %d", len(rv))
	}
	r := rv[0]
	if r.Kind != "reversal" || r.ReversesID != inc.ID || r.Book != ledger.BookPublic {
		t.Errorf("reversal %+v does not cite the original %d", r, inc.ID)
	}
	if !strings.Contains(r.Summary, inc.No) || !strings.Contains(r.Summary, "金额录错") {
		t.Errorf("summary %q should cite %s and the reason", r.Summary, inc.No)
	}
	if r.Number != inc2.Number+1 || r.Year != 2024 {
		t.Errorf("reversal numbered %s, want the next number after %s", r.No, inc2.No)
	}
	for i, l := range r.Lines {
		if l.AccountCode != inc.Lines[i].AccountCode || l.Amount != inc.Lines[i].Amount.Neg() {
			t.Errorf("line %d: %+v does not mirror %+v", i+1, l, inc.Lines[i])
		}
	}
	orig, _ := f.s.Voucher(inc.ID)
	if orig.ReversedByID != r.ID {
		t.Errorf("original's ReversedByID = %d, want %d", orig.ReversedByID, r.ID)
	}
	if got := f.bookBalance(ledger.BookPublic); got != 20000 {
		t.Errorf("public balance after reversal %d fen, want 20000", got)
	}

	f.refuse("reverse.already", func() error { _, err := f.s.Reverse(inc.ID, "2024-02-11", "再冲"); return err })
	f.refuse("reverse.of_reversal", func() error { _, err := f.s.Reverse(r.ID, "2024-02-11", "冲销的冲销"); return err })

	// a fund voucher with sub-ledger lines: the reversal mirrors them unit by unit
	pid := f.communityProject()
	exp, err := f.s.PostProjectExpense(pid, "2024-03-01", m("1234.57"), "屋面维修", nil)
	if err != nil {
		t.Fatal(err)
	}
	rv, err = f.s.Reverse(exp.ID, "2024-03-02", "重复付款")
	if err != nil {
		t.Fatal(err)
	}
	a, b := f.unitEntries(exp.ID), f.unitEntries(rv[0].ID)
	if len(a) != 5 || len(b) != len(a) {
		t.Fatalf("sub-ledger lines %v, reversal %v", a, b)
	}
	for u, amt := range a {
		if b[u] != -amt {
			t.Errorf("unit %d: reversal %d, original %d", u, b[u], amt)
		}
	}
	for i, u := range f.units {
		row, _ := f.s.UnitByID(u)
		if row.Balance.Fen() != unitInitials[i] {
			t.Errorf("unit %d balance %s after reversal, want %s", u, row.Balance, ledger.Fen(unitInitials[i]))
		}
	}
	if rv[0].ProjectID != pid {
		t.Errorf("reversal of a project expense should cite the project")
	}
	// the fund is numbered separately from the public book: deposit #1, expense #2, reversal #3
	if dep.Number != 1 || exp.Number != 2 || rv[0].Number != 3 {
		t.Errorf("fund numbers %d %d %d, want 1 2 3", dep.Number, exp.Number, rv[0].Number)
	}
	// a reversal that would overdraw its book is refused: the deposit, now that money was spent
	if _, err := f.s.PostProjectExpense(pid, "2024-03-03", m("10.00"), "屋面维修", nil); err != nil {
		t.Fatal(err)
	}
	f.refuse("book.overdrawn", func() error { _, err := f.s.Reverse(dep.ID, "2024-03-04", "x"); return err })
	f.verifyOK()
}

func TestTransferReversedOnBothSides(t *testing.T) {
	for _, fromSide := range []string{"public", "receiving"} {
		t.Run(fromSide, func(t *testing.T) {
			f := mustCreate(t)
			f.depositAll("2024-01-05")
			f.publicIncome("2024-02-01", "1000.00")
			out, in, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-02-02", Amount: m("300.00")})
			if err != nil {
				t.Fatal(err)
			}
			outW, inW, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookWorking, Date: "2024-02-03", Amount: m("200.00"), ResolutionID: f.allocRes()})
			if err != nil {
				t.Fatal(err)
			}
			if out.Kind != "transfer" || in.Kind != "transfer" || out.TransferGroup == 0 || out.TransferGroup != in.TransferGroup ||
				outW.TransferGroup == out.TransferGroup || inW.TransferGroup != outW.TransferGroup {
				t.Fatalf("transfer groups: %d/%d, %d/%d", out.TransferGroup, in.TransferGroup, outW.TransferGroup, inW.TransferGroup)
			}
			if out.Book != ledger.BookPublic || in.Book != ledger.BookFund || inW.Book != ledger.BookWorking {
				t.Fatal("transfer books wrong")
			}
			if n := len(f.unitEntries(in.ID)); n != 5 {
				t.Errorf("transfer into the fund split over %d units, want all 5", n)
			}
			target, targetW := out.ID, outW.ID
			if fromSide == "receiving" {
				target, targetW = in.ID, inW.ID
			}
			rv, err := f.s.Reverse(target, "2024-02-05", "转错")
			if err != nil {
				t.Fatal(err)
			}
			if len(rv) != 2 {
				t.Fatalf("a transfer's reversal has %d vouchers, want 2", len(rv))
			}
			got := map[int64]store.Voucher{}
			for _, r := range rv {
				got[r.ReversesID] = r
				if r.Kind != "reversal" || r.TransferGroup != out.TransferGroup {
					t.Errorf("reversal %+v", r)
				}
			}
			if got[out.ID].Book != ledger.BookPublic || got[in.ID].Book != ledger.BookFund {
				t.Errorf("reversals do not cover both sides: %v", got)
			}
			if _, err := f.s.Reverse(targetW, "2024-02-05", "转错"); err != nil {
				t.Fatal(err)
			}
			if f.bookBalance(ledger.BookPublic) != 100000 || f.bookBalance(ledger.BookFund) != 5000000 || f.bookBalance(ledger.BookWorking) != 0 {
				t.Errorf("balances after reversing the transfers: public %d fund %d working %d", f.bookBalance(ledger.BookPublic),
					f.bookBalance(ledger.BookFund), f.bookBalance(ledger.BookWorking))
			}
			for i, u := range f.units {
				row, _ := f.s.UnitByID(u)
				if row.Balance.Fen() != unitInitials[i] {
					t.Errorf("unit %d balance %s after reversal", u, row.Balance)
				}
			}
			// neither side can be reversed again, from either end
			for _, id := range []int64{out.ID, in.ID, outW.ID, inW.ID} {
				f.refuse("reverse.already", func() error { _, err := f.s.Reverse(id, "2024-02-06", "again"); return err })
			}
			for _, r := range rv {
				f.refuse("reverse.of_reversal", func() error { _, err := f.s.Reverse(r.ID, "2024-02-06", "again"); return err })
			}
			f.verifyOK()
		})
	}
}

func TestReversalOfWorkingAllocationThatWasSpentIsRefused(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	f.publicIncome("2024-02-01", "1000.00")
	out, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookWorking, Date: "2024-02-02", Amount: m("300.00"), ResolutionID: f.allocRes()})
	if err != nil {
		t.Fatal(err)
	}
	f.post(store.VoucherInput{Book: ledger.BookWorking, Date: "2024-02-03", Summary: "办公用品",
		Lines: []store.LineInput{line("5001", "250.00"), line("1001", "-250.00")}})
	f.refuse("book.overdrawn", func() error { _, err := f.s.Reverse(out.ID, "2024-02-04", "x"); return err })
}
