package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"jiayuan/store/ledger"
)

// VerifyResult is the outcome of Verify.
type VerifyResult struct {
	OK      bool
	Links   int64 // links in the chain
	Head    ChainHead
	Problem *Problem // the first broken record, when not OK
}

// Problem names the first record found broken.
type Problem struct {
	Kind   string // integrity, chain, voucher, change, master, balance, attachment, numbering
	Table  string
	ID     int64
	Seq    int64
	Detail string
}

func (p *Problem) String() string {
	return fmt.Sprintf("%s: %s id=%d seq=%d: %s", p.Kind, p.Table, p.ID, p.Seq, p.Detail)
}

// Verify checks the file: SQLite's quick_check of its structure, then every link of the hash
// chain against the records it covers (vouchers with their postings, sub-ledger lines and
// attachment hashes; change-log entries), the current master data against the last logged
// change, the kept balances against the postings, attachments against their hashes, and
// voucher numbering. It stops at the first broken record and names it.
//
// quick_check reads every page and checks its structure; what it leaves to integrity_check
// (VerifyFull) is each index against its table. The chain walk reads every row that is chained
// and recomputes it, so an edit of a record, however made, is found there; an index out of
// step with its table (a damaged file, not an edit: SQLite keeps the two in step) is what only
// VerifyFull finds (store/verify_modes_test.go). integrity_check looks every row up in each
// index: 5 s of the 48 MB 5,000-unit ledger against quick_check's 0.3 s.
//
// The structure check runs on its own connection beside the chain walk: the machines have two
// cores.
func (s *Store) Verify() (VerifyResult, error) { return s.verify(false) }

// VerifyFull is Verify with SQLite's full integrity_check (every index against its table)
// instead of quick_check: `verify --full`, and what a restore checks a backup with.
func (s *Store) VerifyFull() (VerifyResult, error) { return s.verify(true) }

func (s *Store) verify(full bool) (VerifyResult, error) {
	structure := make(chan *Problem, 1)
	go func() {
		if full {
			structure <- s.integrityCheck()
		} else {
			structure <- s.structureQuickCheck()
		}
	}()
	var res VerifyResult
	second := func() (*sqlTx, error) { return s.db.BeginTxx(bg, &sql.TxOptions{ReadOnly: true}) }
	if full {
		// integrity_check takes far longer than the walk: a walk in halves would gain nothing
		// and hold a third connection's memory beside its page cache (a restore runs it)
		second = nil
	}
	err := s.read(bg, func(tx *sqlTx) error {
		p, err := verifyTxWith(tx, &res, second)
		res.Problem = p
		return err
	})
	if p := <-structure; p != nil {
		res.Problem, err = p, nil // a damaged file explains any other finding
	}
	res.OK = err == nil && res.Problem == nil
	return res, err
}

// structureQuickCheck is SQLite's quick_check on a connection of its own.
func (s *Store) structureQuickCheck() *Problem {
	var qc string
	if err := s.db.Get(&qc, `PRAGMA quick_check(1)`); err != nil {
		return &Problem{Kind: "integrity", Detail: err.Error()}
	}
	if qc != "ok" {
		return &Problem{Kind: "integrity", Detail: qc}
	}
	return nil
}

// integrityCheck runs SQLite's own integrity check of the file's structure. It looks every row
// up in each of its table's indexes: with SQLite's default 2 MB page cache most of those
// lookups read the file again (a third of its time went to pread on the 48 MB ledger), so its
// connection gets a larger cache, up to integrityCacheMax, for the check only.
func (s *Store) integrityCheck() *Problem {
	fail := func(err error) *Problem { return &Problem{Kind: "integrity", Detail: err.Error()} }
	c, err := s.db.Connx(bg)
	if err != nil {
		return fail(err)
	}
	defer c.Close()
	var was int64
	if err := c.GetContext(bg, &was, `PRAGMA cache_size`); err != nil {
		return fail(err)
	}
	if fi, err := os.Stat(s.path); err == nil {
		kib := min(fi.Size()/4*5, integrityCacheMax) >> 10 // a cached page costs a little more than its size
		if _, err := c.ExecContext(bg, `PRAGMA cache_size = `+strconv.FormatInt(-kib, 10)); err == nil {
			defer c.ExecContext(bg, `PRAGMA cache_size = `+strconv.FormatInt(was, 10)) // the pooled connection gives it back
		}
	}
	var ic string
	if err := c.GetContext(bg, &ic, `PRAGMA integrity_check(1)`); err != nil {
		return fail(err)
	}
	if ic != "ok" {
		return &Problem{Kind: "integrity", Detail: ic}
	}
	return nil
}

// integrityCacheMax bounds the page cache of the full integrity check, so that it (and a
// restore, which runs it) stays under 150 MB beside the chain walk on the 20,000-unit, 20-year
// ledger (190 MB of file).
const integrityCacheMax = 32 << 20

func verifyTx(tx *sqlTx, res *VerifyResult) (*Problem, error) { return verifyTxWith(tx, res, nil) }

// verifyTxWith is verifyTx with a second read transaction to be had for half of the walk
// (voucherDigestsSplit); nil for none.
func verifyTxWith(tx *sqlTx, res *VerifyResult, second func() (*sqlTx, error)) (*Problem, error) {
	vd, unitSums, p, err := voucherDigests(tx, second)
	if p != nil || err != nil {
		return p, err
	}
	cd, p, err := changeDigests(tx)
	if p != nil || err != nil {
		return p, err
	}
	if p, err := walkChain(tx, vd, cd, res); p != nil || err != nil {
		return p, err
	}
	checkBalances := func(tx *sqlTx) (*Problem, error) { return checkBalances(tx, unitSums) }
	for _, check := range []func(*sqlTx) (*Problem, error){checkTriggers, checkMasterData, checkBalances, checkAttachments, checkNumbering} {
		if p, err := check(tx); p != nil || err != nil {
			return p, err
		}
	}
	return nil, nil
}

type linkRef struct {
	digest string
	seq    int64
}

// errLinesOutOfOrder stops a walk of the sub-ledger lines in file order that found a line of
// an earlier voucher after a later one's.
var errLinesOutOfOrder = errors.New("store: sub-ledger lines out of voucher order")

// voucherDigests streams every voucher with its postings, sub-ledger lines and attachments
// (merge-joined on voucher id, so memory stays flat) and returns each voucher's digest.
//
// The sub-ledger lines are most of the file (2.4 million on a 20,000-unit, 20-year ledger).
// Read through unit_entries_voucher, each is a look-up of the table in index order, all over
// the file; a voucher's lines are written with it, so the table in its own order is already in
// voucher order, and read so it is one sequential pass. A file where it is not (lines written
// otherwise, or moved to another voucher by hand) is walked again in index order, so the
// digests, and so what verify finds, do not depend on the order of the rows.
//
// It also sums the lines by unit on the way, for checkBalances: one pass over them, not two.
func voucherDigests(tx *sqlTx, second func() (*sqlTx, error)) (map[int64]linkRef, map[int64]int64, *Problem, error) {
	if second != nil {
		if out, sums, p, err, ok := voucherDigestsSplit(tx, second); ok {
			return out, sums, p, err
		}
	}
	sums := map[int64]int64{}
	out, p, err := voucherDigestsIn(tx, true, sums, whole)
	if errors.Is(err, errLinesOutOfOrder) {
		clear(sums)
		out, p, err = voucherDigestsIn(tx, false, sums, whole)
	}
	return out, sums, p, err
}

// voucherDigestsSplit walks the vouchers in two halves at once, the second on a read
// transaction of its own (second), when both transactions see the same chain head: the walk
// is most of verify's time and the machines have two cores. The halves meet at the voucher
// whose lines are halfway through the sub-ledger table; each must find only its own vouchers'
// lines there, in order, or ok is false and the caller walks the whole in one (as when the
// second transaction cannot be had, or sees another head). What it finds is what the walk in
// one would: the first half's problem before the second's, the receipts checked against all.
func voucherDigestsSplit(tx *sqlTx, second func() (*sqlTx, error)) (out map[int64]linkRef, sums map[int64]int64, p *Problem, err error, ok bool) {
	var rows struct {
		Max int64 `db:"max_id"`
	}
	if tx.Get(&rows, `SELECT COALESCE(MAX(id), 0) AS max_id FROM unit_entries`) != nil || rows.Max < 2 {
		return
	}
	var mid, rowMid int64 // the voucher at the middle row, and its first line
	if tx.Get(&mid, `SELECT voucher_id FROM unit_entries WHERE id >= ? ORDER BY id LIMIT 1`, rows.Max/2) != nil ||
		tx.Get(&rowMid, `SELECT MIN(id) FROM unit_entries WHERE voucher_id = ?`, mid) != nil {
		return
	}
	tx2, err2 := second()
	if err2 != nil {
		return
	}
	defer tx2.Rollback()
	head, err1 := chainHead(tx)
	head2, err2 := chainHead(tx2)
	if err1 != nil || err2 != nil || head != head2 {
		return
	}
	type part struct {
		out  map[int64]linkRef
		sums map[int64]int64
		p    *Problem
		err  error
	}
	walk := func(t *sqlTx, sp span) part {
		r := part{sums: map[int64]int64{}}
		r.out, r.p, r.err = voucherDigestsIn(t, true, r.sums, sp)
		return r
	}
	later := make(chan part, 1)
	go func() { later <- walk(tx2, span{mid, math.MaxInt64, rowMid, math.MaxInt64}) }()
	a := walk(tx, span{0, mid, 0, rowMid})
	b := <-later
	for _, r := range []part{a, b} {
		if errors.Is(r.err, errLinesOutOfOrder) {
			return // lines not in voucher order: walked in one
		}
	}
	for _, r := range []part{a, b} {
		if r.err != nil || r.p != nil {
			return nil, nil, r.p, r.err, true
		}
	}
	for id, l := range b.out {
		a.out[id] = l
	}
	for u, sum := range b.sums {
		a.sums[u] += sum
	}
	if hasTable(tx, "receipts") {
		receipts, err := receiptCanons(tx, 0)
		if err != nil {
			return nil, nil, nil, err, true
		}
		for _, vid := range sortedIDs(receipts) {
			if _, ok := a.out[vid]; !ok {
				return nil, nil, &Problem{Kind: "voucher", Table: "receipts", ID: vid, Detail: "receipt of a voucher that does not exist"}, nil, true
			}
		}
	}
	return a.out, a.sums, nil, nil, true
}

// span is a part of the walk: vouchers from..to-1, and in file order the sub-ledger lines of
// rows rowFrom..rowTo-1, which must be theirs.
type span struct{ from, to, rowFrom, rowTo int64 }

var whole = span{0, math.MaxInt64, 0, math.MaxInt64}

func voucherDigestsIn(tx *sqlTx, fileOrder bool, unitSums map[int64]int64, sp span) (map[int64]linkRef, *Problem, error) {
	vrows, err := tx.Query(`SELECT `+voucherCols+` FROM vouchers WHERE id >= ? AND id < ? ORDER BY id`, sp.from, sp.to)
	if err != nil {
		return nil, nil, err
	}
	defer vrows.Close()
	prows, err := tx.Query(`SELECT p.voucher_id, p.line, a.book, a.code, p.amount_fen, p.memo, p.date FROM postings p
		JOIN accounts a ON a.id = p.account_id WHERE p.voucher_id >= ? AND p.voucher_id < ? ORDER BY p.voucher_id, p.line`, sp.from, sp.to)
	if err != nil {
		return nil, nil, err
	}
	defer prows.Close()
	// Sub-ledger lines are most of the file (600,000 on the 5,000-unit ledger): their account
	// codes come from a map rather than a join, which saves SQLite a lookup and Go a string
	// per line. A line whose account does not exist gets no code, so its voucher's digest
	// differs, as the join's dropping it did.
	var accounts []struct {
		ID   int64  `db:"id"`
		Code string `db:"code"`
	}
	if err := tx.Select(&accounts, `SELECT id, code FROM accounts`); err != nil {
		return nil, nil, err
	}
	codes := make(map[int64]string, len(accounts))
	for _, a := range accounts {
		codes[a.ID] = a.Code
	}
	// One column of text per line rather than five values: the driver's cost is per column,
	// and this is the loop of verify that runs millions of times.
	uq := `SELECT ` + unitLineText + ` FROM unit_entries WHERE voucher_id >= ? AND voucher_id < ? ORDER BY voucher_id, id`
	args := []any{sp.from, sp.to}
	if fileOrder {
		uq = `SELECT ` + unitLineText + ` FROM unit_entries WHERE id >= ? AND id < ? ORDER BY id`
		args = []any{sp.rowFrom, sp.rowTo}
	}
	urows, err := tx.Query(uq, args...)
	if err != nil {
		return nil, nil, err
	}
	defer urows.Close()
	var links []struct {
		VoucherID int64  `db:"voucher_id"`
		SHA256    string `db:"sha256"`
	}
	if err := tx.Select(&links, `SELECT va.voucher_id, a.sha256 FROM voucher_attachments va JOIN attachments a ON a.id = va.attachment_id ORDER BY va.voucher_id, a.sha256`); err != nil {
		return nil, nil, err
	}
	atts := map[int64][]string{}
	for _, l := range links {
		atts[l.VoucherID] = append(atts[l.VoucherID], l.SHA256)
	}
	var receipts map[int64][]receiptCanon
	if hasTable(tx, "receipts") {
		if receipts, err = receiptCanons(tx, 0); err != nil {
			return nil, nil, err
		}
	}

	type pRow struct {
		vid int64
		p   postingCanon
	}
	type uRow struct {
		vid int64
		u   unitCanon
	}
	var pNext *pRow
	var uNext *uRow
	readP := func() error {
		pNext = nil
		if prows.Next() {
			var r pRow
			if err := prows.Scan(&r.vid, &r.p.line, &r.p.book, &r.p.code, &r.p.amount, &r.p.memo, &r.p.date); err != nil {
				return err
			}
			pNext = &r
		}
		return prows.Err()
	}
	var lastU int64
	var line sql.RawBytes
	var lastDate string
	readU := func() error {
		uNext = nil
		if urows.Next() {
			var r uRow
			var account int64
			if err := urows.Scan(&line); err != nil {
				return err
			}
			if !parseUnitLine(line, &r.vid, &r.u.unitID, &account, &r.u.amount, &lastDate) {
				return fmt.Errorf("store: a sub-ledger line that is not whole numbers and a date: %q", line)
			}
			r.u.date = lastDate
			if r.vid < lastU || r.vid < sp.from || r.vid >= sp.to {
				return errLinesOutOfOrder
			}
			lastU = r.vid
			unitSums[r.u.unitID] += r.u.amount
			r.u.code = codes[account]
			uNext = &r
		}
		return urows.Err()
	}
	if err := readP(); err != nil {
		return nil, nil, err
	}
	if err := readU(); err != nil {
		return nil, nil, err
	}
	out := map[int64]linkRef{}
	var c ledger.Canon
	var ps []postingCanon
	var us []unitCanon
	for vrows.Next() {
		v, err := scanVoucherRow(vrows)
		if err != nil {
			return nil, nil, err
		}
		if pNext != nil && pNext.vid < v.id {
			return nil, &Problem{Kind: "voucher", Table: "postings", ID: pNext.vid, Detail: "posting of a voucher that does not exist"}, nil
		}
		if uNext != nil && uNext.vid < v.id {
			return nil, &Problem{Kind: "voucher", Table: "unit_entries", ID: uNext.vid, Detail: "sub-account line of a voucher that does not exist"}, nil
		}
		ps, us = ps[:0], us[:0]
		for pNext != nil && pNext.vid == v.id {
			ps = append(ps, pNext.p)
			if err := readP(); err != nil {
				return nil, nil, err
			}
		}
		for uNext != nil && uNext.vid == v.id {
			us = append(us, uNext.u)
			if err := readU(); err != nil {
				return nil, nil, err
			}
		}
		canonVoucher(&c, v, ps, us, atts[v.id], receipts[v.id])
		out[v.id] = linkRef{c.Digest(), v.chainSeq}
	}
	if err := vrows.Err(); err != nil {
		return nil, nil, err
	}
	if pNext != nil {
		return nil, &Problem{Kind: "voucher", Table: "postings", ID: pNext.vid, Detail: "posting of a voucher that does not exist"}, nil
	}
	if uNext != nil {
		return nil, &Problem{Kind: "voucher", Table: "unit_entries", ID: uNext.vid, Detail: "sub-account line of a voucher that does not exist"}, nil
	}
	if sp != whole {
		return out, nil, nil // the receipts are checked against every voucher (voucherDigests)
	}
	for _, vid := range sortedIDs(receipts) {
		if _, ok := out[vid]; !ok {
			return nil, &Problem{Kind: "voucher", Table: "receipts", ID: vid, Detail: "receipt of a voucher that does not exist"}, nil
		}
	}
	return out, nil, nil
}

// unitLineText is a sub-ledger line as one text: "voucher,unit,account,amount,date" (a NULL
// in any makes it NULL, which fails the scan, as the columns' NOT NULL would have it).
const unitLineText = `voucher_id || ',' || unit_id || ',' || account_id || ',' || amount_fen || ',' || date`

// parseUnitLine reads a unitLineText. The date is the rest of the line; it is kept in *date,
// reused while it repeats (a voucher's lines share one), so the walk allocates no string per
// line.
func parseUnitLine(b []byte, voucher, unit, account, amount *int64, date *string) bool {
	for _, dst := range []*int64{voucher, unit, account, amount} {
		i := 0
		neg := i < len(b) && b[i] == '-'
		if neg {
			i++
		}
		start, n := i, int64(0)
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			if n > (1<<63-1-9)/10 {
				return false
			}
			n = n*10 + int64(b[i]-'0')
		}
		if i == start || i >= len(b) || b[i] != ',' {
			return false
		}
		if neg {
			n = -n
		}
		*dst, b = n, b[i+1:]
	}
	if string(b) != *date {
		*date = string(b)
	}
	return true
}

func changeDigests(tx *sqlTx) (map[int64]linkRef, *Problem, error) {
	rows, err := tx.Query(`SELECT id, at, actor, entity, entity_id, action, before, after, chain_seq FROM change_log ORDER BY id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	out := map[int64]linkRef{}
	for rows.Next() {
		var e ChangeEntry
		if err := rows.Scan(&e.ID, &e.At, &e.Actor, &e.Entity, &e.EntityID, &e.Action, &e.Before, &e.After, &e.ChainSeq); err != nil {
			return nil, nil, err
		}
		out[e.ID] = linkRef{changeDigest(e.ID, e.At, e.Actor, e.Entity, e.EntityID, e.Action, e.Before, e.After), e.ChainSeq}
	}
	return out, nil, rows.Err()
}

// walkChain recomputes every link in order and compares it with the records.
func walkChain(tx *sqlTx, vd, cd map[int64]linkRef, res *VerifyResult) (*Problem, error) {
	rows, err := tx.Query(`SELECT seq, kind, ref_id, digest, hash FROM chain ORDER BY seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	prev := ledger.GenesisHash
	var want int64 = 1
	seenV, seenC := 0, 0
	for rows.Next() {
		var seq, ref int64
		var kind, digest, hash string
		if err := rows.Scan(&seq, &kind, &ref, &digest, &hash); err != nil {
			return nil, err
		}
		if seq != want {
			return &Problem{Kind: "chain", Table: "chain", Seq: want, Detail: fmt.Sprintf("link %d is missing", want)}, nil
		}
		table, refs := "vouchers", vd
		if kind == "change" {
			table, refs = "change_log", cd
		}
		r, ok := refs[ref]
		switch {
		case !ok:
			return &Problem{Kind: kind, Table: table, ID: ref, Seq: seq, Detail: "the record this link covers is missing"}, nil
		case r.seq != seq:
			return &Problem{Kind: kind, Table: table, ID: ref, Seq: seq, Detail: fmt.Sprintf("the record claims chain position %d", r.seq)}, nil
		case r.digest != digest:
			return &Problem{Kind: kind, Table: table, ID: ref, Seq: seq, Detail: "the record was altered after it was written"}, nil
		}
		if ledger.LinkHash(prev, seq, kind, ref, digest) != hash {
			return &Problem{Kind: "chain", Table: "chain", ID: ref, Seq: seq, Detail: "the link's hash does not follow from the one before"}, nil
		}
		if kind == "change" {
			seenC++
		} else {
			seenV++
		}
		prev = hash
		want++
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if seenV != len(vd) || seenC != len(cd) {
		for _, id := range sortedIDs(vd) {
			r := vd[id]
			var n int
			tx.Get(&n, `SELECT count(*) FROM chain WHERE kind = 'voucher' AND ref_id = ?`, id)
			if n == 0 {
				return &Problem{Kind: "voucher", Table: "vouchers", ID: id, Seq: r.seq, Detail: "a voucher outside the chain"}, nil
			}
		}
		for _, id := range sortedIDs(cd) {
			r := cd[id]
			var n int
			tx.Get(&n, `SELECT count(*) FROM chain WHERE kind = 'change' AND ref_id = ?`, id)
			if n == 0 {
				return &Problem{Kind: "change", Table: "change_log", ID: id, Seq: r.seq, Detail: "a change outside the chain"}, nil
			}
		}
	}
	res.Links = want - 1
	res.Head = ChainHead{Seq: want - 1, Hash: prev}
	return nil, nil
}

// trackedTables maps logged entities with one row per id to their tables.
var trackedTables = map[string]string{
	"account": "accounts", "community": "community", "building": "buildings", "owner": "owners", "unit": "units", "resolution": "resolutions",
	"resolution_terms": "resolution_terms", "contract": "contracts",
	"project": "projects", "replenishment_case": "replenishment_cases", "budget": "budgets", "audit": "audits",
	"audit_finding": "audit_findings", "disclosure": "disclosures", "closed_period": "closed_periods", "attachment": "attachments",
}

// trackedIDs finds the ids of logged entities kept as sets of rows (a project's scope, a
// case's dues, an attachment's links), so rows added outside the app are found too.
var trackedIDs = map[string]string{
	"project_scope":      `SELECT DISTINCT project_id FROM project_units`,
	"replenishment_dues": `SELECT DISTINCT case_id FROM replenishment_dues`,
	"record_attachment":  `SELECT DISTINCT attachment_id FROM record_attachments`,
}

// checkMasterData compares every master-data record with the last logged state of it, so an
// edit made outside the app is found, and so is a row added or removed outside it.
func checkMasterData(tx *sqlTx) (*Problem, error) {
	q := &preparedTx{tx: tx, stmts: map[string]*sql.Stmt{}}
	defer q.close()
	last := map[string]map[int64]string{}
	rows, err := tx.Query(`SELECT entity, entity_id, after FROM change_log ORDER BY id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var e, after string
		var id int64
		rows.Scan(&e, &id, &after)
		if last[e] == nil {
			last[e] = map[int64]string{}
		}
		last[e][id] = after
	}
	rows.Close()
	for _, entity := range entities() {
		table, ok := trackedTables[entity]
		if ok && !hasTable(tx, table) { // a file read without the migration that made it
			continue
		}
		if ok && isTableRow(snapshotters[entity]) {
			if p, err := checkTableAgainstLog(tx, entity, table, last[entity]); p != nil || err != nil {
				return p, err
			}
			continue
		}
		ids := map[int64]bool{}
		for id := range last[entity] {
			ids[id] = true
		}
		idQuery := trackedIDs[entity]
		if ok {
			idQuery = `SELECT id FROM ` + table
		}
		if idQuery != "" {
			var have []int64
			if err := tx.Select(&have, idQuery); err != nil {
				return nil, err
			}
			for _, id := range have {
				ids[id] = true
			}
		}
		for _, id := range sortedIDs(ids) { // lowest id first: the first broken record, every time
			now, err := snapshot(q, entity, id)
			if err != nil {
				return nil, err
			}
			logged, ok := last[entity][id]
			if !ok {
				return &Problem{Kind: "master", Table: entity, ID: id, Detail: "a record that was never logged (added outside the app)"}, nil
			}
			if now != logged {
				return &Problem{Kind: "master", Table: entity, ID: id, Detail: "differs from its last logged change (edited outside the app): now " + clip(now) + ", logged " + clip(logged)}, nil
			}
		}
	}
	return nil, nil
}

// checkTableAgainstLog is checkMasterData for an entity kept as one row per id: the table read
// in one pass in id order, merged with the logged ids, rather than a query per id (40,000 of
// them for the units and owners of a 20,000-unit ledger). The snapshots are tableRow's.
func checkTableAgainstLog(tx *sqlTx, entity, table string, logged map[int64]string) (*Problem, error) {
	rows, err := tx.Query(`SELECT * FROM ` + table + ` ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	idCol := slices.Index(cols, "id")
	if idCol < 0 {
		return nil, fmt.Errorf("store: %s has no id column", table)
	}
	compare := func(id int64, now string) *Problem {
		was, ok := logged[id]
		if !ok {
			return &Problem{Kind: "master", Table: entity, ID: id, Detail: "a record that was never logged (added outside the app)"}
		}
		if now != was {
			return &Problem{Kind: "master", Table: entity, ID: id, Detail: "differs from its last logged change (edited outside the app): now " + clip(now) + ", logged " + clip(was)}
		}
		return nil
	}
	ids := sortedIDs(logged) // logged ids without a row are compared with "" in their place
	next := 0
	for rows.Next() {
		vals, err := scanValues(rows, len(cols))
		if err != nil {
			return nil, err
		}
		id, ok := vals[idCol].(int64)
		if !ok {
			return &Problem{Kind: "master", Table: entity, Detail: fmt.Sprintf("a record with the id %v (added outside the app)", vals[idCol])}, nil
		}
		for ; next < len(ids) && ids[next] < id; next++ {
			if p := compare(ids[next], ""); p != nil {
				return p, nil
			}
		}
		if next < len(ids) && ids[next] == id {
			next++
		}
		now, err := rowJSON(table, cols, vals)
		if err != nil {
			return nil, err
		}
		if p := compare(id, now); p != nil {
			return p, nil
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for ; next < len(ids); next++ {
		if p := compare(ids[next], ""); p != nil {
			return p, nil
		}
	}
	return nil, nil
}

// preparedTx prepares each query once in a transaction: checkMasterData snapshots every unit
// and owner (10,000 queries of a few kinds on the 5,000-unit ledger), and preparing them took
// a third of its time.
type preparedTx struct {
	tx    *sqlTx
	stmts map[string]*sql.Stmt
}

func (p *preparedTx) Query(query string, args ...any) (*sql.Rows, error) {
	st, ok := p.stmts[query]
	if !ok {
		var err error
		if st, err = p.tx.Prepare(query); err != nil {
			return nil, err
		}
		p.stmts[query] = st
	}
	return st.Query(args...)
}

func (p *preparedTx) close() {
	for _, st := range p.stmts {
		st.Close()
	}
}

// sortedIDs returns a map's keys in ascending order, so verify reports deterministically.
func sortedIDs[V any](m map[int64]V) []int64 {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func clip(s string) string {
	if s == "" {
		return "(none)"
	}
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// checkBalances compares the running balances with the postings and the sub-ledger lines
// they summarise (unitSums: every line's amount summed by unit, by voucherDigests).
func checkBalances(tx *sqlTx, unitSums map[int64]int64) (*Problem, error) {
	var id int64
	err := tx.Get(&id, `SELECT a.id FROM accounts a LEFT JOIN account_balances ab ON ab.account_id = a.id
		WHERE COALESCE(ab.balance_fen, 0) <> COALESCE((SELECT SUM(amount_fen) FROM postings p WHERE p.account_id = a.id), 0) LIMIT 1`)
	if err == nil {
		return &Problem{Kind: "balance", Table: "account_balances", ID: id, Detail: "kept balance differs from the postings"}, nil
	} else if err != sql.ErrNoRows {
		return nil, err
	}
	var kept []struct {
		UnitID  int64 `db:"unit_id"`
		Balance int64 `db:"balance_fen"`
	}
	if err := tx.Select(&kept, `SELECT unit_id, balance_fen FROM unit_balances`); err != nil {
		return nil, err
	}
	keptOf := make(map[int64]int64, len(kept))
	for _, k := range kept {
		keptOf[k.UnitID] = k.Balance
	}
	for _, id := range sortedIDs(unitSums) { // a unit with lines: its kept balance (none is 0) is their sum
		if keptOf[id] != unitSums[id] {
			return &Problem{Kind: "balance", Table: "unit_balances", ID: id, Detail: "kept sub-account balance differs from its lines"}, nil
		}
	}
	for _, k := range kept { // a unit without lines keeps none but 0
		if _, ok := unitSums[k.UnitID]; !ok && k.Balance != 0 {
			return &Problem{Kind: "balance", Table: "unit_balances", ID: k.UnitID, Detail: "kept sub-account balance differs from its lines"}, nil
		}
	}
	return nil, nil
}

func checkAttachments(tx *sqlTx) (*Problem, error) {
	rows, err := tx.Query(`SELECT id, sha256, data FROM attachments ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var h string
		var data []byte
		if err := rows.Scan(&id, &h, &data); err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		if !strings.EqualFold(hex.EncodeToString(sum[:]), h) {
			return &Problem{Kind: "attachment", Table: "attachments", ID: id, Detail: "content does not match its hash"}, nil
		}
	}
	return nil, rows.Err()
}

// checkNumbering finds a gap in a book's voucher numbers within a year (R5).
func checkNumbering(tx *sqlTx) (*Problem, error) {
	var gap struct {
		Book string `db:"book"`
		Year int64  `db:"year"`
		N    int64  `db:"n"`
		Max  int64  `db:"max_number"`
	}
	err := tx.Get(&gap, `SELECT book, year, count(*) AS n, MAX(number) AS max_number FROM vouchers GROUP BY book, year HAVING count(*) <> MAX(number) OR MIN(number) <> 1 LIMIT 1`)
	if err == nil {
		return &Problem{Kind: "numbering", Table: "vouchers", Detail: fmt.Sprintf("%s %d: %d vouchers but numbers up to %d", gap.Book, gap.Year, gap.N, gap.Max)}, nil
	} else if err != sql.ErrNoRows {
		return nil, err
	}
	return nil, nil
}

// guardTriggers are the triggers that keep posted records permanent and balances in step. A
// file without them no longer refuses edits through the app, so verify reports it.
var guardTriggers = []string{
	"vouchers_permanent_u", "vouchers_permanent_d", "postings_permanent_u", "postings_permanent_d",
	"unit_entries_permanent_u", "unit_entries_permanent_d", "voucher_attachments_permanent_d",
	"chain_permanent_u", "chain_permanent_d", "change_log_permanent_u", "change_log_permanent_d",
	"postings_balance", "unit_entries_balance",
}

func checkTriggers(tx *sqlTx) (*Problem, error) {
	var names []string
	if err := tx.Select(&names, `SELECT name FROM sqlite_master WHERE type = 'trigger'`); err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, n := range names {
		have[n] = true
	}
	guards := guardTriggers
	if hasTable(tx, "receipts") {
		guards = append(guards[:len(guards):len(guards)], "receipts_permanent_u", "receipts_permanent_d")
	}
	for _, n := range guards {
		if !have[n] {
			return &Problem{Kind: "schema", Table: "sqlite_master", Detail: "the guard " + n + " was removed outside the app"}, nil
		}
	}
	return nil, nil
}
