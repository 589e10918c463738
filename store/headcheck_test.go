package store_test

import (
	"fmt"
	"strings"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// printedHead is the chain head as the footer of a PDF exported now prints it.
func (r *richLedger) printedHead() string {
	r.t.Helper()
	h, err := r.s.ChainHead()
	if err != nil {
		r.t.Fatal(err)
	}
	return h.Short()
}

func (r *richLedger) checkHead(printed string) store.HeadCheck {
	r.t.Helper()
	hc, err := r.s.CheckHead(printed, 50)
	if err != nil {
		r.t.Fatal(err)
	}
	return hc
}

func TestPrintedHeadHoldsAfterMorePostings(t *testing.T) {
	r := newRichLedger(t)
	printed := r.printedHead()
	a := r.publicIncome("2024-04-10", "80.00")
	if _, err := r.s.AddOwner(store.Owner{Name: "钱七"}); err != nil {
		t.Fatal(err)
	}
	b := r.publicIncome("2024-04-11", "90.00")
	hc := r.checkHead(printed)
	if hc.Status != store.HeadHolds || hc.Added != 3 || len(hc.After) != 3 {
		t.Fatalf("check %+v; want it to hold with 3 records added", hc)
	}
	if hc.After[0].Seq != a.ChainSeq || hc.After[0].Date != "2024-04-10" || !strings.Contains(hc.After[0].What, a.No) ||
		hc.After[1].Kind != "change" || hc.After[1].Entity != "owner" || hc.After[2].Seq != b.ChainSeq {
		t.Errorf("records after the printout: %+v", hc.After)
	}
	if hc.Hash == "" || !strings.HasPrefix(hc.Hash, hc.Prefix) {
		t.Errorf("hash %q, prefix %q", hc.Hash, hc.Prefix)
	}
	// the current head holds with nothing after it; a longer prefix holds too
	if hc := r.checkHead(r.printedHead()); hc.Status != store.HeadHolds || hc.Added != 0 {
		t.Errorf("current head: %+v", hc)
	}
	h, _ := r.s.ChainHead()
	if hc := r.checkHead(fmt.Sprintf("#%d %s", h.Seq, h.Hash)); hc.Status != store.HeadHolds {
		t.Errorf("full hash: %+v", hc)
	}
	// a printed head with one digit changed is no link of this chain
	wrong := printed[:len(printed)-1] + map[bool]string{true: "1", false: "0"}[strings.HasSuffix(printed, "0")]
	if hc := r.checkHead(wrong); hc.Status != store.HeadRewritten {
		t.Errorf("wrong digit: %+v", hc)
	}
	if _, err := r.s.CheckHead("#12", 5); ledger.KeyOf(err) != "head.invalid" {
		t.Errorf("no hash: %v", err)
	}
}

// A tail cut — the newest vouchers deleted with their links, the guards dropped for it and
// put back — leaves a chain that verifies on its own; only a head printed before the cut
// shows that records were removed.
func TestPrintedHeadFindsTailCut(t *testing.T) {
	r := newRichLedger(t)
	a := r.publicIncome("2024-04-10", "80.00")
	b := r.publicIncome("2024-04-11", "90.00")
	printed := r.printedHead()
	r.s.Close()
	sqlite3(t, r.path, fmt.Sprintf(`DROP TRIGGER vouchers_permanent_d; DROP TRIGGER postings_permanent_d; DROP TRIGGER chain_permanent_d;
		DELETE FROM postings WHERE voucher_id IN (%[1]d, %[2]d); DELETE FROM vouchers WHERE id IN (%[1]d, %[2]d);
		DELETE FROM chain WHERE seq >= %[3]d;
		UPDATE account_balances SET balance_fen = (SELECT COALESCE(SUM(amount_fen), 0) FROM postings WHERE account_id = account_balances.account_id);
		CREATE TRIGGER vouchers_permanent_d BEFORE DELETE ON vouchers BEGIN SELECT RAISE(ABORT, 'posted vouchers are permanent'); END;
		CREATE TRIGGER postings_permanent_d BEFORE DELETE ON postings BEGIN SELECT RAISE(ABORT, 'posted vouchers are permanent'); END;
		CREATE TRIGGER chain_permanent_d BEFORE DELETE ON chain BEGIN SELECT RAISE(ABORT, 'the chain is append-only'); END;`,
		a.ID, b.ID, a.ChainSeq))
	r.reopen()
	r.verifyOK() // the cut file passes a plain verify
	hc := r.checkHead(printed)
	if hc.Status != store.HeadShorter || hc.Links != a.ChainSeq-1 {
		t.Errorf("check %+v; want shorter, %d links", hc, a.ChainSeq-1)
	}
	// new postings after the cut take the removed positions: the printed head is then rewritten
	r.publicIncome("2024-04-12", "70.00")
	r.publicIncome("2024-04-13", "60.00")
	r.verifyOK()
	if hc := r.checkHead(printed); hc.Status != store.HeadRewritten {
		t.Errorf("after new postings over the cut: %+v", hc)
	}
}

// A fully recomputed chain after an amount was changed verifies on its own, and fails
// against the head printed before.
func TestPrintedHeadFindsRecomputedChain(t *testing.T) {
	r := newRichLedger(t)
	printed := r.printedHead()
	r.s.Close()
	sqlite3(t, r.path, fmt.Sprintf(`DROP TRIGGER postings_permanent_u;
		UPDATE postings SET amount_fen = amount_fen + 10000 * (CASE WHEN amount_fen > 0 THEN 1 ELSE -1 END) WHERE voucher_id = %d;
		UPDATE account_balances SET balance_fen = (SELECT COALESCE(SUM(amount_fen), 0) FROM postings WHERE account_id = account_balances.account_id);
		CREATE TRIGGER postings_permanent_u BEFORE UPDATE ON postings BEGIN SELECT RAISE(ABORT, 'posted vouchers are permanent'); END;`, r.inc1.ID))
	if err := store.RechainForTest(r.path); err != nil {
		t.Fatal(err)
	}
	r.reopen()
	r.verifyOK()
	if v, _ := r.s.Voucher(r.inc1.ID); v.Total.Cmp(m("600.00")) != 0 {
		t.Fatalf("the edit did not take: total %s", v.Total)
	}
	if hc := r.checkHead(printed); hc.Status != store.HeadRewritten {
		t.Errorf("check %+v; want rewritten", hc)
	}
}
