package store_test

import (
	"fmt"
	"strings"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// richLedger is a ledger with something of everything the chain covers.
type richLedger struct {
	*fixture
	deposit, repair, fee store.Voucher // fund: with sub-ledger lines, with sub-ledger lines, with an attachment
	inc1, inc2           store.Voucher // public income
	xferOut, xferIn      store.Voucher // public → working
	office               store.Voucher // working expense
	attachment           store.AttachmentInfo
	projectID            int64
	closedFrom, closedTo string
}

func newRichLedger(t *testing.T) *richLedger {
	t.Helper()
	r := &richLedger{fixture: mustCreate(t)}
	r.deposit = r.depositAll("2024-01-05")
	r.projectID = r.communityProject()
	var err error
	if r.repair, err = r.s.PostProjectExpense(r.projectID, "2024-02-01", m("1234.57"), "屋面维修", nil); err != nil {
		t.Fatal(err)
	}
	if r.attachment, err = r.s.AddAttachment("发票.txt", []byte("增值税普通发票 No. 0042 金额 1.50")); err != nil {
		t.Fatal(err)
	}
	r.fee = r.post(store.VoucherInput{Book: ledger.BookFund, Date: "2024-02-02", Summary: "手续费", AttachmentIDs: []int64{r.attachment.ID},
		Lines: []store.LineInput{line("5002", "1.50"), line("1001", "-1.50")}})
	r.inc1 = r.publicIncome("2024-02-03", "500.00")
	r.inc2 = r.publicIncome("2024-02-04", "300.00")
	if r.xferOut, r.xferIn, err = r.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookWorking, Date: "2024-02-05", Amount: m("100.00"), ResolutionID: r.allocRes()}); err != nil {
		t.Fatal(err)
	}
	r.office = r.post(store.VoucherInput{Book: ledger.BookWorking, Date: "2024-02-06", Summary: "办公用品",
		Lines: []store.LineInput{line("5001", "20.00"), line("1001", "-20.00")}})
	if err := r.s.ClosePeriod(ledger.BookWorking, "2024Q1", "2024-04-01"); err != nil {
		t.Fatal(err)
	}
	r.verifyOK()
	return r
}

// tamper closes the app, edits the file with the sqlite3 tool, reopens it and verifies: it
// must fail and name the broken record.
func (r *richLedger) tamper(sql string) *store.Problem {
	r.t.Helper()
	r.s.Close()
	sqlite3(r.t, r.path, sql)
	r.reopen()
	res, err := r.s.Verify()
	if err != nil {
		r.t.Fatalf("verify: %v", err)
	}
	if res.OK || res.Problem == nil {
		r.t.Fatalf("verify passed after %q", sql)
	}
	r.t.Logf("%s", res.Problem)
	return res.Problem
}

func wantProblem(t *testing.T, p *store.Problem, kind, table string, id int64) {
	t.Helper()
	if p.Kind != kind || p.Table != table || p.ID != id {
		t.Errorf("problem %s; want kind %s table %s id %d", p, kind, table, id)
	}
}

func TestTamperDetected(t *testing.T) {
	t.Run("posting amount", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER postings_permanent_u; UPDATE postings SET amount_fen = amount_fen + 100 WHERE voucher_id = %d AND line = 1;`, r.inc1.ID))
		wantProblem(t, p, "voucher", "vouchers", r.inc1.ID)
		if p.Seq != r.inc1.ChainSeq {
			t.Errorf("seq %d, want %d", p.Seq, r.inc1.ChainSeq)
		}
	})
	t.Run("posting amounts changed in balance, kept balances fixed too", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER postings_permanent_u;
			UPDATE postings SET amount_fen = amount_fen - 10000 WHERE voucher_id = %[1]d AND amount_fen > 0;
			UPDATE postings SET amount_fen = amount_fen + 10000 WHERE voucher_id = %[1]d AND amount_fen < 0;
			UPDATE account_balances SET balance_fen = (SELECT SUM(amount_fen) FROM postings WHERE account_id = account_balances.account_id);`, r.inc2.ID))
		wantProblem(t, p, "voucher", "vouchers", r.inc2.ID)
	})
	t.Run("voucher date", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER vouchers_permanent_u; UPDATE vouchers SET date = '2024-03-01' WHERE id = %d;`, r.repair.ID))
		wantProblem(t, p, "voucher", "vouchers", r.repair.ID)
	})
	t.Run("voucher date moved into a closed period, postings too", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER vouchers_permanent_u; DROP TRIGGER postings_permanent_u;
			UPDATE vouchers SET date = '2024-01-02' WHERE id = %[1]d; UPDATE postings SET date = '2024-01-02' WHERE voucher_id = %[1]d;`, r.office.ID))
		wantProblem(t, p, "voucher", "vouchers", r.office.ID)
	})
	t.Run("unit_entries amount", func(t *testing.T) {
		r := newRichLedger(t)
		// one fen moved from one unit to another: the sub-ledger still sums to the posting, and
		// the kept unit balances are fixed to match
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER unit_entries_permanent_u;
			UPDATE unit_entries SET amount_fen = amount_fen + 1 WHERE voucher_id = %[1]d AND unit_id = %[2]d;
			UPDATE unit_entries SET amount_fen = amount_fen - 1 WHERE voucher_id = %[1]d AND unit_id = %[3]d;
			UPDATE unit_balances SET balance_fen = (SELECT SUM(amount_fen) FROM unit_entries e WHERE e.unit_id = unit_balances.unit_id);`,
			r.repair.ID, r.units[0], r.units[1]))
		wantProblem(t, p, "voucher", "vouchers", r.repair.ID)
	})
	t.Run("voucher deleted with its postings", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER vouchers_permanent_d; DROP TRIGGER postings_permanent_d;
			DELETE FROM postings WHERE voucher_id = %[1]d; DELETE FROM vouchers WHERE id = %[1]d;`, r.inc1.ID))
		wantProblem(t, p, "voucher", "vouchers", r.inc1.ID)
		if !strings.Contains(p.Detail, "missing") || p.Seq != r.inc1.ChainSeq {
			t.Errorf("problem %s", p)
		}
	})
	t.Run("fund voucher deleted with postings and sub-ledger lines", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER vouchers_permanent_d; DROP TRIGGER postings_permanent_d; DROP TRIGGER unit_entries_permanent_d;
			DELETE FROM unit_entries WHERE voucher_id = %[1]d; DELETE FROM postings WHERE voucher_id = %[1]d; DELETE FROM vouchers WHERE id = %[1]d;`, r.repair.ID))
		wantProblem(t, p, "voucher", "vouchers", r.repair.ID)
	})
	t.Run("voucher row deleted alone", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER vouchers_permanent_d; DELETE FROM vouchers WHERE id = %d;`, r.inc2.ID))
		wantProblem(t, p, "voucher", "postings", r.inc2.ID) // its postings are left without it
	})
	t.Run("chain row deleted in the middle", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER chain_permanent_d; DELETE FROM chain WHERE seq = %d;`, r.inc1.ChainSeq))
		if p.Kind != "chain" || p.Table != "chain" || p.Seq != r.inc1.ChainSeq {
			t.Errorf("problem %s; want the missing link %d", p, r.inc1.ChainSeq)
		}
	})
	t.Run("last chain row deleted", func(t *testing.T) {
		r := newRichLedger(t)
		head, _ := r.s.ChainHead()
		var kind string
		var ref int64
		r.s.DB().QueryRow(`SELECT kind, ref_id FROM chain WHERE seq = ?`, head.Seq).Scan(&kind, &ref)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER chain_permanent_d; DELETE FROM chain WHERE seq = %d;`, head.Seq))
		table := map[string]string{"voucher": "vouchers", "change": "change_log"}[kind]
		wantProblem(t, p, kind, table, ref)
	})
	t.Run("chain hash rewritten", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER chain_permanent_u; UPDATE chain SET hash = '%s' WHERE seq = %d;`, strings.Repeat("ab", 32), r.inc1.ChainSeq))
		if p.Kind != "chain" || p.Table != "chain" || p.ID != r.inc1.ID || p.Seq != r.inc1.ChainSeq {
			t.Errorf("problem %s", p)
		}
	})
	t.Run("two vouchers' ids swapped", func(t *testing.T) {
		r := newRichLedger(t)
		a, b := r.inc1.ID, r.inc2.ID
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER vouchers_permanent_u;
			UPDATE vouchers SET id = -id WHERE id IN (%[1]d, %[2]d);
			UPDATE vouchers SET id = CASE id WHEN -%[1]d THEN %[2]d ELSE %[1]d END WHERE id IN (-%[1]d, -%[2]d);`, a, b))
		wantProblem(t, p, "voucher", "vouchers", a)
		if p.Seq != r.inc1.ChainSeq {
			t.Errorf("seq %d, want %d", p.Seq, r.inc1.ChainSeq)
		}
	})
	t.Run("two vouchers' numbers swapped", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER vouchers_permanent_u;
			UPDATE vouchers SET number = -number WHERE id IN (%[1]d, %[2]d);
			UPDATE vouchers SET number = CASE id WHEN %[1]d THEN %[4]d ELSE %[3]d END WHERE id IN (%[1]d, %[2]d);`,
			r.inc1.ID, r.inc2.ID, r.inc1.Number, r.inc2.Number))
		wantProblem(t, p, "voucher", "vouchers", r.inc1.ID)
	})
	t.Run("two chain links reordered", func(t *testing.T) {
		r := newRichLedger(t)
		a, b := r.inc1.ChainSeq, r.inc2.ChainSeq
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER chain_permanent_u;
			UPDATE chain SET seq = -seq WHERE seq IN (%[1]d, %[2]d);
			UPDATE chain SET seq = CASE seq WHEN -%[1]d THEN %[2]d ELSE %[1]d END WHERE seq IN (-%[1]d, -%[2]d);`, a, b))
		// link a now covers inc2, which claims position b
		wantProblem(t, p, "voucher", "vouchers", r.inc2.ID)
		if p.Seq != a {
			t.Errorf("seq %d, want %d", p.Seq, a)
		}
	})
	t.Run("unit initial amount", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`UPDATE units SET initial_fen = initial_fen * 2 WHERE id = %d;`, r.units[2]))
		wantProblem(t, p, "master", "unit", r.units[2])
	})
	t.Run("unit area", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`UPDATE units SET area_cm2 = 10001 WHERE id = %d;`, r.units[0]))
		wantProblem(t, p, "master", "unit", r.units[0])
	})
	t.Run("unit inserted", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`INSERT INTO units(id, building_id, room, area_cm2, housing_type, initial_fen) VALUES (100, %d, '104', 9000, 'commodity', 900000);`, r.bA))
		wantProblem(t, p, "master", "unit", 100)
		if !strings.Contains(p.Detail, "never logged") {
			t.Errorf("detail %q", p.Detail)
		}
	})
	t.Run("unit deleted", func(t *testing.T) {
		r := newRichLedger(t)
		unit, err := r.s.AddUnit(store.Unit{BuildingID: r.bB, Room: "203", AreaCM2: 100, HousingType: "garage"})
		if err != nil {
			t.Fatal(err)
		}
		p := r.tamper(fmt.Sprintf(`DELETE FROM units WHERE id = %d;`, unit))
		wantProblem(t, p, "master", "unit", unit)
	})
	t.Run("attachment bytes", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`UPDATE attachments SET data = CAST('增值税普通发票 No. 0042 金额 9.50' AS BLOB) WHERE id = %d;`, r.attachment.ID))
		wantProblem(t, p, "attachment", "attachments", r.attachment.ID)
	})
	t.Run("attachment replaced with its hash", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`UPDATE attachments SET data = CAST('x' AS BLOB), sha256 = '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881', size = 1 WHERE id = %d;`, r.attachment.ID))
		// the voucher binds the hash: the voucher is named first
		wantProblem(t, p, "voucher", "vouchers", r.fee.ID)
	})
	t.Run("account_balances", func(t *testing.T) {
		r := newRichLedger(t)
		acct := r.accountID(ledger.BookFund, "1001")
		p := r.tamper(fmt.Sprintf(`UPDATE account_balances SET balance_fen = balance_fen + 100000 WHERE account_id = %d;`, acct))
		wantProblem(t, p, "balance", "account_balances", acct)
	})
	t.Run("unit_balances", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`UPDATE unit_balances SET balance_fen = balance_fen + 1 WHERE unit_id = %d;`, r.units[3]))
		wantProblem(t, p, "balance", "unit_balances", r.units[3])
	})
	t.Run("change log entry", func(t *testing.T) {
		r := newRichLedger(t)
		id := r.count(`SELECT MAX(id) FROM change_log WHERE entity = 'unit' AND entity_id = ?`, r.units[0])
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER change_log_permanent_u; UPDATE change_log SET actor = 'someone else' WHERE id = %d;`, id))
		wantProblem(t, p, "change", "change_log", id)
	})
	t.Run("community settings", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(`UPDATE community SET replenish_threshold = '0.2';`)
		wantProblem(t, p, "master", "community", 1)
	})
	t.Run("closed period reopened", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(`DELETE FROM closed_periods WHERE book = 'working';`)
		wantProblem(t, p, "master", "closed_period", 1)
	})
	t.Run("project cost audit raised", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`UPDATE projects SET cost_audit_fen = cost_audit_fen * 10 WHERE id = %d;`, r.projectID))
		wantProblem(t, p, "master", "project", r.projectID)
	})
	t.Run("project scope widened", func(t *testing.T) {
		r := newRichLedger(t)
		pid := r.project2()
		p := r.tamper(fmt.Sprintf(`INSERT INTO project_units(project_id, unit_id) VALUES (%d, %d);`, pid, r.units[4]))
		wantProblem(t, p, "master", "project_scope", pid)
	})
	t.Run("resolution figures", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(`UPDATE resolutions SET agree_owners = agree_owners - 1 WHERE id = 1;`)
		wantProblem(t, p, "master", "resolution", 1)
	})
}

// project2 is a project over building A only.
func (r *richLedger) project2() int64 {
	return r.project(store.ProjectInput{ScopeKind: "buildings", BuildingIDs: []int64{r.bA}}, false, "")
}

// Edits that the chain does not cover. Each subtest skips with the reason while the gap stays;
// once verify catches it, the subtest checks that it names the record.
func TestTamperKnownGaps(t *testing.T) {
	t.Run("chart of accounts", func(t *testing.T) {
		// turning the public audit-fee account into a "deduction" would let public spending
		// pass while R2's transfer is outstanding
		r := newRichLedger(t)
		acct := r.accountID(ledger.BookPublic, "5201")
		r.s.Close()
		sqlite3(t, r.path, fmt.Sprintf(`UPDATE accounts SET kind = 'deduction' WHERE id = %d;`, acct))
		r.reopen()
		res, err := r.s.Verify()
		if err != nil {
			t.Fatal(err)
		}
		if res.OK {
			t.Fatal("the accounts table (chart of accounts) is not covered by the chain or the change log; an edit of an account's kind, per_unit or counterpart outside the app verifies OK")
		}
		if res.Problem.ID != acct {
			t.Errorf("problem %s", res.Problem)
		}
	})
	t.Run("replenishment dues inserted before the notice", func(t *testing.T) {
		r := mustCreate(t)
		r.deposit("2024-01-05", m("1000.00")) // opens a case
		r.s.Close()
		sqlite3(t, r.path, fmt.Sprintf(`INSERT INTO replenishment_dues(case_id, unit_id, due_fen) VALUES (1, %d, 1);`, r.units[0]))
		r.reopen()
		res, err := r.s.Verify()
		if err != nil {
			t.Fatal(err)
		}
		if res.OK {
			t.Fatal("dues of a case whose dues were never logged (before the bank notice) are not compared with the change log")
		}
	})
	t.Run("permanence triggers dropped", func(t *testing.T) {
		r := newRichLedger(t)
		r.s.Close()
		sqlite3(t, r.path, `DROP TRIGGER postings_permanent_u; DROP TRIGGER vouchers_permanent_d;`)
		r.reopen()
		res, err := r.s.Verify()
		if err != nil {
			t.Fatal(err)
		}
		if res.OK {
			t.Fatal("verify does not check that the permanence triggers exist; no record was changed, so the chain is intact, but the file no longer refuses edits through the app's own handle")
		}
	})
}

// With several broken records verify names the first one, every time (not whichever a map
// iteration happens to give first).
func TestVerifyNamesTheFirstBrokenRecordDeterministically(t *testing.T) {
	t.Run("master data", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`UPDATE units SET initial_fen = initial_fen + 1 WHERE id IN (%d, %d, %d);`, r.units[1], r.units[2], r.units[4]))
		for range 30 {
			res, err := r.s.Verify()
			if err != nil {
				t.Fatal(err)
			}
			if res.Problem.Table != "unit" || res.Problem.ID != r.units[1] {
				t.Fatalf("named %s; want the first broken unit %d (first run named %s)", res.Problem, r.units[1], p)
			}
		}
	})
	t.Run("vouchers outside the chain", func(t *testing.T) {
		r := newRichLedger(t)
		r.tamper(`INSERT INTO vouchers(id, book, year, number, date, summary, kind, created_by, posted_at, chain_seq) VALUES
			(501, 'working', 2025, 1, '2025-01-01', 'a', 'normal', 'x', 'x', 9001),
			(502, 'working', 2025, 2, '2025-01-01', 'b', 'normal', 'x', 'x', 9002),
			(503, 'working', 2025, 3, '2025-01-01', 'c', 'normal', 'x', 'x', 9003);`)
		for range 30 {
			res, _ := r.s.Verify()
			if res.Problem.ID != 501 {
				t.Fatalf("named %s; want voucher 501", res.Problem)
			}
		}
	})
}
