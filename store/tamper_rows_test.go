package store_test

import (
	"fmt"
	"strings"
	"testing"
)

// Rows deleted or reordered outside the app, beyond the cases of tamper_test.go: each is found
// by verify, which names the record.
func TestTamperRowsDeletedOrReordered(t *testing.T) {
	t.Run("one posting line deleted", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER postings_permanent_d; DELETE FROM postings WHERE voucher_id = %d AND line = 2;`, r.office.ID))
		wantProblem(t, p, "voucher", "vouchers", r.office.ID)
	})
	t.Run("one sub-account line deleted, the unit's balance fixed", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER unit_entries_permanent_d;
			DELETE FROM unit_entries WHERE id = (SELECT MIN(id) FROM unit_entries WHERE voucher_id = %d);
			UPDATE unit_balances SET balance_fen = (SELECT SUM(amount_fen) FROM unit_entries e WHERE e.unit_id = unit_balances.unit_id);`, r.repair.ID))
		wantProblem(t, p, "voucher", "vouchers", r.repair.ID)
	})
	t.Run("an attachment unbound from its voucher", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER voucher_attachments_permanent_d; DELETE FROM voucher_attachments WHERE voucher_id = %d;`, r.fee.ID))
		wantProblem(t, p, "voucher", "vouchers", r.fee.ID)
	})
	t.Run("an attachment deleted with its links", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER voucher_attachments_permanent_d;
			DELETE FROM voucher_attachments WHERE attachment_id = %[1]d; DELETE FROM attachments WHERE id = %[1]d;`, r.attachment.ID))
		wantProblem(t, p, "voucher", "vouchers", r.fee.ID)
	})
	t.Run("a change-log entry deleted", func(t *testing.T) {
		r := newRichLedger(t)
		id, seq := r.lastUnitChange()
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER change_log_permanent_d; DELETE FROM change_log WHERE id = %d;`, id))
		wantProblem(t, p, "change", "change_log", id)
		if p.Seq != seq || !strings.Contains(p.Detail, "missing") {
			t.Errorf("problem %s; want the missing record at seq %d", p, seq)
		}
	})
	t.Run("a change-log entry deleted with its link", func(t *testing.T) {
		r := newRichLedger(t)
		id, seq := r.lastUnitChange()
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER change_log_permanent_d; DROP TRIGGER chain_permanent_d;
			DELETE FROM change_log WHERE id = %d; DELETE FROM chain WHERE seq = %d;`, id, seq))
		if p.Kind != "chain" || p.Table != "chain" || p.Seq != seq {
			t.Errorf("problem %s; want the missing link %d", p, seq)
		}
	})
	t.Run("an owner deleted", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`UPDATE units SET owner_id = NULL WHERE owner_id = %[1]d; DELETE FROM owners WHERE id = %[1]d;`, r.owners[3]))
		if p.Kind != "master" || (p.Table != "owner" && p.Table != "unit") {
			t.Errorf("problem %s; want the owner or its units", p)
		}
	})
	t.Run("a project's scope narrowed", func(t *testing.T) {
		r := newRichLedger(t)
		pid := r.project2()
		p := r.tamper(fmt.Sprintf(`DELETE FROM project_units WHERE project_id = %d AND unit_id = %d;`, pid, r.units[0]))
		wantProblem(t, p, "master", "project_scope", pid)
	})
	t.Run("two posting lines of a voucher reordered", func(t *testing.T) {
		r := newRichLedger(t)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER postings_permanent_u;
			UPDATE postings SET line = -line WHERE voucher_id = %[1]d;
			UPDATE postings SET line = CASE line WHEN -1 THEN 2 WHEN -2 THEN 1 ELSE -line END WHERE voucher_id = %[1]d;`, r.inc2.ID))
		wantProblem(t, p, "voucher", "vouchers", r.inc2.ID)
	})
	t.Run("sub-account lines moved between two vouchers", func(t *testing.T) {
		r := newRichLedger(t)
		a, b := r.deposit.ID, r.repair.ID
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER unit_entries_permanent_u;
			UPDATE unit_entries SET voucher_id = CASE voucher_id WHEN %[1]d THEN %[2]d ELSE %[1]d END
			WHERE id IN ((SELECT MIN(id) FROM unit_entries WHERE voucher_id = %[1]d), (SELECT MIN(id) FROM unit_entries WHERE voucher_id = %[2]d));`, a, b))
		wantProblem(t, p, "voucher", "vouchers", min(a, b))
	})
	t.Run("two change-log entries reordered", func(t *testing.T) {
		r := newRichLedger(t)
		var a, b int64
		r.s.DB().QueryRow(`SELECT MIN(id), MAX(id) FROM (SELECT id FROM change_log WHERE entity = 'unit' ORDER BY id LIMIT 2)`).Scan(&a, &b)
		p := r.tamper(fmt.Sprintf(`DROP TRIGGER change_log_permanent_u;
			UPDATE change_log SET id = -id WHERE id IN (%[1]d, %[2]d);
			UPDATE change_log SET id = CASE id WHEN -%[1]d THEN %[2]d ELSE %[1]d END WHERE id IN (-%[1]d, -%[2]d);`, a, b))
		wantProblem(t, p, "change", "change_log", a)
	})
}

// The one removal the file cannot show by itself: the newest records taken off the end, the
// chain and the balances cut back with them. Everything left is consistent, so verify passes;
// what tells is the chain head, which is printed on every exported PDF and in every backup's
// name: the file no longer reaches it (OpenChecked compares the file with its newest backup and
// refuses to write on it: TestOpenCheckedComparesWithTheNewestBackup).
func TestTamperTailCutOffShowsOnlyInTheHead(t *testing.T) {
	r := newRichLedger(t)
	last := r.post(publicSpend("2024-04-05", "10.00"))
	printed, _ := r.s.ChainHead() // on the PDF handed to the auditors
	b, err := r.s.Backup(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	r.s.Close()
	sqlite3(t, r.path, fmt.Sprintf(`DROP TRIGGER vouchers_permanent_d; DROP TRIGGER postings_permanent_d; DROP TRIGGER chain_permanent_d;
		DELETE FROM postings WHERE voucher_id = %[1]d; DELETE FROM vouchers WHERE id = %[1]d; DELETE FROM chain WHERE seq = %[2]d;
		UPDATE account_balances SET balance_fen = COALESCE((SELECT SUM(amount_fen) FROM postings WHERE account_id = account_balances.account_id), 0);
		CREATE TRIGGER vouchers_permanent_d BEFORE DELETE ON vouchers BEGIN SELECT RAISE(ABORT, 'posted vouchers are permanent'); END;
		CREATE TRIGGER postings_permanent_d BEFORE DELETE ON postings BEGIN SELECT RAISE(ABORT, 'posted vouchers are permanent'); END;
		CREATE TRIGGER chain_permanent_d BEFORE DELETE ON chain BEGIN SELECT RAISE(ABORT, 'the chain is append-only'); END;`, last.ID, last.ChainSeq))
	r.reopen()
	if p := r.s.Damage(); p != nil {
		t.Logf("the check at open found it: %s", p)
	}
	res := r.verifyOK()
	if res.Head.Seq >= printed.Seq || b.Seq != printed.Seq {
		t.Fatalf("head #%d, printed #%d, backup #%d", res.Head.Seq, printed.Seq, b.Seq)
	}
	t.Logf("verify passes at #%d; the PDF and the backup %s say #%d", res.Head.Seq, b.Hash, printed.Seq)
}

// lastUnitChange is the newest change-log entry about a unit, and its chain position.
func (r *richLedger) lastUnitChange() (id, seq int64) {
	r.t.Helper()
	if err := r.s.DB().QueryRow(`SELECT id, chain_seq FROM change_log WHERE entity = 'unit' ORDER BY id DESC LIMIT 1`).Scan(&id, &seq); err != nil {
		r.t.Fatal(err)
	}
	return id, seq
}
