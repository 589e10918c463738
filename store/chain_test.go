package store_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// An untouched ledger verifies and reports its links and head.
func TestVerifyUntouched(t *testing.T) {
	f := mustCreate(t)
	res := f.verifyOK()
	links := f.count(`SELECT count(*) FROM chain`)
	if links == 0 || res.Links != links || res.Links != f.count(`SELECT count(*) FROM change_log`) {
		t.Errorf("fresh ledger: links %d, chain rows %d", res.Links, links)
	}

	r := newRichLedger(t)
	res = r.verifyOK()
	head, err := r.s.ChainHead()
	if err != nil {
		t.Fatal(err)
	}
	n := r.count(`SELECT count(*) FROM vouchers`) + r.count(`SELECT count(*) FROM change_log`)
	if res.Links != n || res.Head != head || head.Seq != n || res.Problem != nil {
		t.Errorf("verify %+v, head %+v, records %d", res, head, n)
	}
	var last string
	r.s.DB().QueryRow(`SELECT hash FROM chain ORDER BY seq DESC LIMIT 1`).Scan(&last)
	if head.Hash != last || len(head.Hash) != 64 {
		t.Errorf("head hash %q, last link %q", head.Hash, last)
	}
	if ok, _ := regexp.MatchString(`^#\d+ [0-9a-f]{12}$`, head.Short()); !ok || head.Short() != fmt.Sprintf("#%d %s", head.Seq, head.Hash[:12]) {
		t.Errorf("short form %q", head.Short())
	}
	// every posted voucher knows its link
	for _, v := range []store.Voucher{r.deposit, r.repair, r.fee, r.inc1, r.xferOut, r.xferIn} {
		var kind string
		var ref int64
		var hash string
		r.s.DB().QueryRow(`SELECT kind, ref_id, hash FROM chain WHERE seq = ?`, v.ChainSeq).Scan(&kind, &ref, &hash)
		if kind != "voucher" || ref != v.ID || hash != v.ChainHash {
			t.Errorf("voucher %s: link %s/%d/%s, voucher says %d %s", v.No, kind, ref, hash, v.ChainSeq, v.ChainHash)
		}
	}
	// reopened (and read-only) it verifies the same
	r.reopen()
	if res2 := r.verifyOK(); res2.Head != res.Head || res2.Links != res.Links {
		t.Errorf("after reopening: %+v, was %+v", res2, res)
	}
}

// Each posted voucher and each master-data change extends the chain by one link; a change
// that changes nothing, and a refusal, add none. The change log records who and when.
func TestChainGrowsOneLinkPerRecord(t *testing.T) {
	f := mustCreate(t)
	at := time.Date(2024, 5, 6, 7, 8, 9, 0, time.FixedZone("CST", 8*3600))
	f.s.SetClock(func() time.Time { return at })
	f.s.SetActor("王秘书")
	seq := func() int64 { h, _ := f.s.ChainHead(); return h.Seq }

	s0 := seq()
	v := f.depositAll("2024-01-05")
	if seq() != s0+1 || v.ChainSeq != s0+1 {
		t.Errorf("a voucher added %d links", seq()-s0)
	}
	if v.CreatedBy != "王秘书" || v.PostedAt != "2024-05-05T23:08:09Z" {
		t.Errorf("voucher by %q at %q", v.CreatedBy, v.PostedAt)
	}
	s0 = seq()
	out, in, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-02-01", Amount: m("1.00")})
	if ledger.KeyOf(err) != "book.overdrawn" {
		t.Fatalf("transfer from an empty public book: %v", err)
	}
	f.publicIncome("2024-02-01", "10.00")
	if out, in, err = f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-02-01", Amount: m("1.00")}); err != nil {
		t.Fatal(err)
	}
	if seq() != s0+3 || in.ChainSeq != out.ChainSeq+1 {
		t.Errorf("income + transfer added %d links, want 3", seq()-s0)
	}

	s0 = seq()
	u := store.Unit{ID: f.units[0], BuildingID: f.bA, Room: "101", AreaCM2: unitAreas[0], HousingType: "commodity",
		Initial: ledger.Fen(unitInitials[0]), OwnerID: f.owners[0]}
	if err := f.s.UpdateUnit(u); err != nil {
		t.Fatal(err)
	}
	if seq() != s0 {
		t.Errorf("an update that changed nothing added %d links", seq()-s0)
	}
	u.HousingType = "public_sold"
	if err := f.s.UpdateUnit(u); err != nil {
		t.Fatal(err)
	}
	if seq() != s0+1 {
		t.Errorf("an update added %d links", seq()-s0)
	}
	ch, n, err := f.s.Changes(store.ChangeFilter{Entity: "unit", EntityID: f.units[0]})
	if err != nil || n != 2 || ch[0].Action != "update" || ch[0].Actor != "王秘书" || ch[0].ChainSeq != seq() || ch[1].Action != "create" {
		t.Errorf("changes %+v %d %v", ch, n, err)
	}
	s0 = seq()
	if _, err := f.s.CreateProject(store.ProjectInput{Name: "x", ScopeKind: "community", Date: "2024-02-01"}); err != nil {
		t.Fatal(err)
	}
	if seq() != s0+2 { // the project and its scope
		t.Errorf("a project added %d links, want 2", seq()-s0)
	}
	f.verifyOK()
}

// Cutting the newest records off the end — the last voucher with its link, its kept balance
// repaired — leaves a chain that is whole but shorter: verify cannot see it from inside the
// file; the head printed on an earlier export (the anchor) does.
func TestTailTruncationNeedsTheAnchor(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	last := f.publicIncome("2024-02-01", "10.00")
	anchor := f.verifyOK().Head
	f.s.Close()
	sqlite3(t, f.path, fmt.Sprintf(`DROP TRIGGER postings_permanent_d; DROP TRIGGER vouchers_permanent_d; DROP TRIGGER chain_permanent_d;
		DELETE FROM postings WHERE voucher_id = %[1]d; DELETE FROM vouchers WHERE id = %[1]d; DELETE FROM chain WHERE seq = %[2]d;
		UPDATE account_balances SET balance_fen = COALESCE((SELECT SUM(amount_fen) FROM postings p WHERE p.account_id = account_balances.account_id), 0);`,
		last.ID, last.ChainSeq))
	f.reopen()
	res, err := f.s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if res.OK {
		t.Logf("truncated ledger verifies on its own (head #%d); the anchor #%d shows the cut", res.Head.Seq, anchor.Seq)
	}
	if res.Head == anchor {
		t.Fatal("the head did not change: the anchor cannot detect the truncation")
	}
}

// Records added outside the app without a link are named.
func TestTamperRecordsOutsideTheChain(t *testing.T) {
	t.Run("voucher", func(t *testing.T) {
		r := newRichLedger(t)
		acct := r.accountID(ledger.BookPublic, "1001")
		inc := r.accountID(ledger.BookPublic, "4001")
		p := r.tamper(fmt.Sprintf(`INSERT INTO vouchers(id, book, year, number, date, summary, kind, created_by, posted_at, chain_seq)
			VALUES (500, 'public', 2024, 99, '2024-02-07', '虚增收入', 'normal', 'x', '2024-02-07T00:00:00Z', 9999);
			INSERT INTO postings(voucher_id, line, account_id, amount_fen, memo, date) VALUES (500, 1, %d, 100, '', '2024-02-07'), (500, 2, %d, -100, '', '2024-02-07');`, acct, inc))
		wantProblem(t, p, "voucher", "vouchers", 500)
	})
	t.Run("change", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(`INSERT INTO change_log(id, at, actor, entity, entity_id, action, before, after, chain_seq)
			VALUES (900, '2024-01-01T00:00:00Z', 'x', 'owner', 77, 'create', '', '{}', 9999);`)
		wantProblem(t, p, "change", "change_log", 900)
	})
}
