package store

import (
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"jiayuan/store/ledger"

	"github.com/jmoiron/sqlx"
)

// Every Open checks the file quickly before anything uses it (Verify stays the full check):
//
//   - SQLite's quick_check: the structure of every page (a fraction of integrity_check's time:
//     0.2 s on the 48 MB 5,000-unit ledger, against 2 s). OpenChecked skips it when the file is
//     exactly as it was when it last passed (the mark in its backups folder, checkmark.go), and
//     Options.ChainCheckOnly leaves it to Verify; the checks below always run;
//   - the chain has no gap (count = the head's seq);
//   - the head link recomputes from its predecessor, and the record it covers still has the
//     digest the link bound;
//   - as many vouchers and change-log entries as the chain has links of each kind.
//
// That finds a torn or corrupted file, the newest record altered, and rows deleted or added
// anywhere, in a few hundred milliseconds at most (the rest of the chain is Verify's). A file
// that fails is opened only to be looked at: every write is refused (ledger.damaged), so
// nothing new is ever chained onto a damaged history, and OpenChecked — what the window and
// the backup command call — refuses it outright, naming the newest good backup as the way out.
// Verify still opens it read-only to name the first broken record (Open does not refuse it,
// so that verify can, and so do the existing tests that tamper and then verify).
//
// OpenChecked for writing also holds the file against its newest backup, whose name carries the
// chain head (checkAgainstBackups): the newest records cut off, which leaves a consistent file,
// or an older copy put back, are refused too.

// guard is what Open keeps beside the SQL handle: read-only mode, the writer lock, and what
// the check at open found.
type guard struct {
	ro      bool
	release func() // the writer lock; nil when read-only
	damage  *Problem
	once    sync.Once
	marks   string      // where the mark of a clean check is kept (checkmark.go); "" for none
	wrote   atomic.Bool // something was committed since the open
	closing sync.Once
	// structure tells whether the check at open read the whole file (quick_check).
	structure bool
}

// closeGuard gives the writer lock back (after the handle is closed, so the last connection's
// checkpoint is done while it is held).
func (s *Store) closeGuard() {
	s.g.once.Do(func() {
		if s.g.release != nil {
			s.g.release()
		}
	})
}

// Damage is what the check at open found wrong with the file, or nil for a sound file.
func (s *Store) Damage() *Problem { return s.g.damage }

// CheckedStructure reports whether the check at open ran SQLite's quick_check over the whole
// file, rather than finding it unchanged since it last passed or being asked for the chain
// check only.
func (s *Store) CheckedStructure() bool { return s.g.structure }

// ReadOnly reports whether the ledger was opened without the right to write.
func (s *Store) ReadOnly() bool { return s.g.ro }

// writable refuses a write to a damaged or read-only ledger with a message for the user.
func (s *Store) writable() error {
	if p := s.g.damage; p != nil {
		return ledger.Refuse("ledger.damaged", "path", s.path, "detail", p.String())
	}
	if s.g.ro {
		return ledger.Refuse("ledger.read_only", "path", s.path)
	}
	return nil
}

// checkAtOpen runs the check at open and records what it found. A query that fails on the
// file counts as damage too: a file that cannot be checked is not used. SQLite's quick_check
// is left out when the caller asked for the chain check only, or when the mark in marks shows
// the file is exactly as it was when it last passed (checkmark.go).
func (s *Store) checkAtOpen(chainOnly bool, marks string) {
	s.g.marks = marks
	st, known := fileState{}, false
	if marks != "" && !chainOnly {
		st, known = stateOf(s.path)
	}
	if chainOnly || known {
		head, p := s.chainCheck()
		if chainOnly || p != nil {
			s.g.damage = p
			if p != nil {
				dropMark(marks, s.path)
			}
			return
		}
		if m, ok := readMark(marks, st); ok && m.sameFile(st) && m.Seq == head.Seq && m.Hash == head.Hash {
			return // checked before, and not changed since
		}
	}
	s.g.structure = true
	p, err := quickCheck(s.db)
	if err != nil {
		p = &Problem{Kind: "integrity", Detail: err.Error()}
	}
	s.g.damage = p
	switch {
	case p != nil:
		dropMark(marks, s.path)
	case known:
		if head, err := chainHead(s.db); err == nil {
			st.Seq, st.Hash = head.Seq, head.Hash
			writeMark(marks, st)
		}
	}
}

// chainCheck is the cheap part of the check at open, in one snapshot, with the chain head.
func (s *Store) chainCheck() (ChainHead, *Problem) {
	var head ChainHead
	tx, err := s.db.BeginTxx(bg, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return head, &Problem{Kind: "integrity", Detail: err.Error()}
	}
	defer tx.Rollback()
	p, err := chainHeadCheck(tx)
	if err == nil && p == nil {
		head, err = chainHead(tx)
	}
	if err != nil {
		p = &Problem{Kind: "integrity", Detail: err.Error()}
	}
	return head, p
}

// checkBeforeClose checks a ledger that was written in this session, with marks kept, before
// it is closed; it returns the chain head to mark, or nil when there is nothing to mark.
func (s *Store) checkBeforeClose() (mark *ChainHead) {
	s.g.closing.Do(func() {
		if s.g.marks == "" || !s.g.wrote.Load() || s.g.damage != nil {
			return
		}
		if p, err := quickCheck(s.db); p != nil || err != nil {
			dropMark(s.g.marks, s.path)
			return
		}
		if h, err := chainHead(s.db); err == nil {
			mark = &h
		}
	})
	return mark
}

// markAfterClose records the closed file (its last checkpoint done) as checked.
func (s *Store) markAfterClose(head ChainHead) {
	if st, ok := stateOf(s.path); ok {
		st.Seq, st.Hash = head.Seq, head.Hash
		writeMark(s.g.marks, st)
	}
}

// QuickCheck runs the check of Open again on the open file.
func (s *Store) QuickCheck() (*Problem, error) { return quickCheck(s.db) }

func quickCheck(db *sqlx.DB) (*Problem, error) {
	var qc string
	if err := db.Get(&qc, `PRAGMA quick_check(1)`); err != nil {
		return &Problem{Kind: "integrity", Detail: err.Error()}, nil
	}
	if qc != "ok" {
		return &Problem{Kind: "integrity", Detail: qc}, nil
	}
	tx, err := db.BeginTxx(bg, &sql.TxOptions{ReadOnly: true}) // one snapshot for what follows
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return chainHeadCheck(tx)
}

// chainLink is a row of the chain table.
type chainLink struct {
	Seq    int64  `db:"seq"`
	Kind   string `db:"kind"`
	RefID  int64  `db:"ref_id"`
	Digest string `db:"digest"`
	Hash   string `db:"hash"`
}

// chainHeadCheck is the cheap check of the chain against the records it covers.
func chainHeadCheck(tx *sqlTx) (*Problem, error) {
	var count struct {
		N        int64 `db:"n"`
		MaxSeq   int64 `db:"max_seq"`
		Vouchers int64 `db:"vouchers"`
		Changes  int64 `db:"changes"`
	}
	// Counted through the (kind, ref_id) index, a tenth of the table's pages (45,000 links of
	// two 64-character hashes each on a 20,000-unit ledger), and MAX(seq) is one seek: this
	// runs at every open, so `status` pays for it.
	if err := tx.Get(&count, `SELECT (SELECT count(*) FROM chain) AS n, COALESCE((SELECT MAX(seq) FROM chain), 0) AS max_seq,
		(SELECT count(*) FROM chain WHERE kind = 'voucher') AS vouchers, (SELECT count(*) FROM chain WHERE kind = 'change') AS changes`); err != nil {
		return nil, err
	}
	n, maxSeq := count.N, count.MaxSeq
	if n != maxSeq {
		// find the first gap to name it, as verify would
		var missing int64
		err := tx.Get(&missing, `SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM chain WHERE seq = 1)
			UNION ALL SELECT c.seq + 1 FROM chain c WHERE c.seq < (SELECT MAX(seq) FROM chain)
			AND NOT EXISTS (SELECT 1 FROM chain d WHERE d.seq = c.seq + 1) ORDER BY 1 LIMIT 1`)
		if err != nil {
			return nil, err
		}
		return &Problem{Kind: "chain", Table: "chain", Seq: missing, Detail: fmt.Sprintf("link %d is missing (%d links up to #%d)", missing, n, maxSeq)}, nil
	}
	if n > 0 {
		var link chainLink
		if err := tx.Get(&link, `SELECT seq, kind, ref_id, digest, hash FROM chain WHERE seq = ?`, maxSeq); err != nil {
			return nil, err
		}
		kind, ref, digest, hash := link.Kind, link.RefID, link.Digest, link.Hash
		prev := ledger.GenesisHash
		if maxSeq > 1 {
			if err := tx.Get(&prev, `SELECT hash FROM chain WHERE seq = ?`, maxSeq-1); err != nil {
				return nil, err
			}
		}
		if ledger.LinkHash(prev, maxSeq, kind, ref, digest) != hash {
			return &Problem{Kind: "chain", Table: "chain", ID: ref, Seq: maxSeq, Detail: "the newest link's hash does not follow from the one before"}, nil
		}
		table, got, seq, err := headRecordDigest(tx, kind, ref)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return &Problem{Kind: kind, Table: table, ID: ref, Seq: maxSeq, Detail: "the record the newest link covers is missing"}, nil
		case err != nil:
			return nil, err
		case seq != maxSeq:
			return &Problem{Kind: kind, Table: table, ID: ref, Seq: maxSeq, Detail: fmt.Sprintf("the record claims chain position %d", seq)}, nil
		case got != digest:
			return &Problem{Kind: kind, Table: table, ID: ref, Seq: maxSeq, Detail: "the newest record was altered after it was written"}, nil
		}
	}
	for _, c := range []struct {
		kind, table string
		links       int64
	}{{"voucher", "vouchers", count.Vouchers}, {"change", "change_log", count.Changes}} {
		links, rows := c.links, int64(0)
		if err := tx.Get(&rows, `SELECT count(*) FROM `+c.table); err != nil {
			return nil, err
		}
		if links == rows {
			continue
		}
		// name the record, as verify would (only now: these anti-joins are not free)
		var r struct {
			ID  int64 `db:"id"`
			Seq int64 `db:"seq"`
		}
		err := tx.Get(&r, `SELECT seq, ref_id AS id FROM chain WHERE kind = ? AND ref_id NOT IN (SELECT id FROM `+c.table+`) ORDER BY seq LIMIT 1`, c.kind)
		if err == nil {
			return &Problem{Kind: c.kind, Table: c.table, ID: r.ID, Seq: r.Seq, Detail: "the record this link covers is missing"}, nil
		}
		err = tx.Get(&r, `SELECT id, chain_seq AS seq FROM `+c.table+` WHERE id NOT IN (SELECT ref_id FROM chain WHERE kind = ?) ORDER BY id LIMIT 1`, c.kind)
		if err == nil {
			return &Problem{Kind: c.kind, Table: c.table, ID: r.ID, Seq: r.Seq, Detail: "a record outside the chain"}, nil
		}
		return &Problem{Kind: c.kind, Table: c.table, Detail: fmt.Sprintf("%d records but %d links in the chain", rows, links)}, nil
	}
	return nil, nil
}

// headRecordDigest recomputes the digest of the record a link covers and returns the chain
// position the record claims.
func headRecordDigest(tx *sqlTx, kind string, ref int64) (table, digest string, seq int64, err error) {
	if kind == "change" {
		var e ChangeEntry
		err = tx.Get(&e, `SELECT id, at, actor, entity, entity_id, action, before, after, chain_seq FROM change_log WHERE id = ?`, ref)
		if err != nil {
			return "change_log", "", 0, err
		}
		return "change_log", changeDigest(e.ID, e.At, e.Actor, e.Entity, e.EntityID, e.Action, e.Before, e.After), e.ChainSeq, nil
	}
	if err = tx.Get(&seq, `SELECT chain_seq FROM vouchers WHERE id = ?`, ref); err != nil {
		return "vouchers", "", 0, err
	}
	digest, err = voucherDigest(tx, ref)
	return "vouchers", digest, seq, err
}

// identity is the hash of a ledger's first link (the community's creation, with its time):
// the same in every copy and backup of one ledger, different between ledgers.
func identity(q queryer) string {
	var h string
	if err := q.Get(&h, `SELECT hash FROM chain WHERE seq = 1`); err != nil {
		return ""
	}
	return h
}

// OpenChecked opens a ledger to be used (the window, and commands that read its figures): a
// file that fails the check at open is refused, never used, and the refusal names the newest
// good backup in backupDir (where the app keeps this ledger's automatic backups) as the way
// out. A file that is no longer a database at all, beside backups of it, is refused the same
// way.
func OpenChecked(path string, opt Options, backupDir string) (*Store, error) {
	s, err := openChecking(path, opt, backupDir)
	if err != nil {
		if k := ledger.KeyOf(err); k == "ledger.not_a_ledger" && backupDir != "" {
			if b, ok := NewestGoodBackup(backupDir, ""); ok {
				return nil, ledger.Refuse("ledger.damaged_restore", "path", path, "detail", k, "backup", b.Path,
					"time", b.Time.Format("2006-01-02 15:04"), "seq", b.Seq)
			}
		}
		return nil, err
	}
	p := s.Damage()
	if p == nil {
		if backupDir != "" && !opt.ReadOnly {
			if err := s.checkAgainstBackups(backupDir); err != nil {
				s.Close()
				return nil, err
			}
		}
		return s, nil
	}
	id := identity(s.db)
	s.Close()
	if backupDir != "" {
		if b, ok := NewestGoodBackup(backupDir, id); ok {
			return nil, ledger.Refuse("ledger.damaged_restore", "path", path, "detail", p.String(), "backup", b.Path,
				"time", b.Time.Format("2006-01-02 15:04"), "seq", b.Seq)
		}
	}
	return nil, ledger.Refuse("ledger.damaged", "path", path, "detail", p.String())
}

// checkAgainstBackups compares the ledger, about to be written, with its newest backup, whose
// name holds the chain head it had (the same head exported PDFs print). The file must reach
// that head with the same hash. Otherwise its newest records were removed (the one change
// the file cannot show by itself: the chain cut back with them is consistent) or its history
// was rewritten, or an older copy was put in its place; then writing is refused, naming the
// backup. It costs one query unless something is wrong; a backup of another ledger with the
// same file name is told apart by its identity.
func (s *Store) checkAgainstBackups(dir string) error {
	list, _ := ListBackups(dir)
	if len(list) == 0 {
		return nil
	}
	head, err := s.ChainHead()
	if err != nil {
		return err
	}
	id := identity(s.db)
	for _, b := range list {
		if b.Seq <= head.Seq {
			var h string
			if s.db.Get(&h, `SELECT hash FROM chain WHERE seq = ?`, b.Seq) == nil && ledger.ShortHash(h) == b.Hash {
				return nil // the file goes on from its newest backup
			}
		}
		bs, err := Open(b.Path, Options{ReadOnly: true})
		if err != nil {
			continue
		}
		same := bs.Damage() == nil && identity(bs.db) == id
		bs.Close()
		if !same {
			continue // another ledger's, or not a good one
		}
		args := []any{"path", s.path, "seq", head.Seq, "backup", b.Path, "time", b.Time.Format("2006-01-02 15:04"), "backupSeq", b.Seq}
		if b.Seq <= head.Seq {
			return ledger.Refuse("ledger.diverged", args...)
		}
		return ledger.Refuse("ledger.behind_backup", args...)
	}
	return nil
}
