package store

import (
	"database/sql"

	"jiayuan/store/ledger"
)

// voucherRow is a vouchers row as the chain sees it.
type voucherRow struct {
	id, year, number                            int64
	book, date, summary, kind                   string
	reversesID, transferGroup, projectID, resID sql.NullInt64
	caseID, buildingID                          sql.NullInt64
	emergency, createdBy, postedAt              string
	r2Net, chainSeq                             int64
}

const voucherCols = `id, book, year, number, date, summary, kind, reverses_id, transfer_group, project_id, resolution_id,
	emergency_trigger, case_id, r2_net_fen, created_by, posted_at, chain_seq, building_id`

func scanVoucherRow(sc interface{ Scan(...any) error }) (voucherRow, error) {
	var r voucherRow
	err := sc.Scan(&r.id, &r.book, &r.year, &r.number, &r.date, &r.summary, &r.kind, &r.reversesID, &r.transferGroup,
		&r.projectID, &r.resID, &r.emergency, &r.caseID, &r.r2Net, &r.createdBy, &r.postedAt, &r.chainSeq, &r.buildingID)
	return r, err
}

// postingCanon and unitCanon are the parts of postings and sub-ledger lines the chain binds.
type postingCanon struct {
	line             int64
	book, code, memo string
	amount           int64
	date             string
}

type unitCanon struct {
	unitID int64
	code   string
	amount int64
	date   string
}

// canonVoucher writes the canonical form of a posted voucher: its row, every posting, every
// sub-ledger line, the hashes of its attachments, and the owners' receipts it issued. A voucher
// without receipts has the form it had before receipts existed, so older chains still verify.
func canonVoucher(c *ledger.Canon, v voucherRow, ps []postingCanon, us []unitCanon, atts []string, rs []receiptCanon) {
	c.Reset()
	c.Int("id", v.id).Str("book", v.book).Int("year", v.year).Int("number", v.number).Str("date", v.date).
		Str("summary", v.summary).Str("kind", v.kind).Int("reverses", v.reversesID.Int64).Int("transfer", v.transferGroup.Int64).
		Int("project", v.projectID.Int64).Int("resolution", v.resID.Int64).Str("emergency", v.emergency).
		Int("case", v.caseID.Int64).Int("r2net", v.r2Net).Str("by", v.createdBy).Str("at", v.postedAt).Int("seq", v.chainSeq)
	if v.buildingID.Valid { // only since version 3, so that older vouchers keep their digests
		c.Int("building", v.buildingID.Int64)
	}
	c.Int("postings", int64(len(ps)))
	for _, p := range ps {
		c.Int("line", p.line).Str("acct", p.book+":"+p.code).Int("amt", p.amount).Str("memo", p.memo).Str("pdate", p.date)
	}
	c.Int("units", int64(len(us)))
	for _, u := range us {
		c.Int("unit", u.unitID).Str("uacct", u.code).Int("uamt", u.amount).Str("udate", u.date)
	}
	c.Int("attachments", int64(len(atts)))
	for _, a := range atts {
		c.Str("sha256", a)
	}
	if len(rs) > 0 {
		c.Int("receipts", int64(len(rs)))
		for _, r := range rs {
			c.Int("ryear", r.year).Int("rno", r.number).Int("runit", r.unitID).Int("ramt", r.amount).
				Str("rowner", r.owner).Str("rfor", r.purpose).Str("rat", r.issuedAt)
		}
	}
}

// voucherDigest reads one voucher and returns its canonical digest.
func voucherDigest(q querier, id int64) (string, error) {
	v, err := scanVoucherRow(q.QueryRow(`SELECT `+voucherCols+` FROM vouchers WHERE id = ?`, id))
	if err != nil {
		return "", err
	}
	ps, err := queryPostingCanon(q, `WHERE p.voucher_id = ?`, id)
	if err != nil {
		return "", err
	}
	us, err := queryUnitCanon(q, `WHERE e.voucher_id = ?`, id)
	if err != nil {
		return "", err
	}
	atts, err := queryAttachmentHashes(q, id)
	if err != nil {
		return "", err
	}
	var rs []receiptCanon
	if hasTable(q, "receipts") {
		if rs, err = voucherReceiptCanons(q, id); err != nil {
			return "", err
		}
	}
	var c ledger.Canon
	canonVoucher(&c, v, ps, us, atts, rs)
	return c.Digest(), nil
}

// voucherReceiptCanons reads one voucher's receipts as receiptCanons does, through q's Select
// (prepared in a write transaction, as queryPostingCanon).
func voucherReceiptCanons(q querier, id int64) ([]receiptCanon, error) {
	var rows []struct {
		Year     int64  `db:"year"`
		Number   int64  `db:"number"`
		UnitID   int64  `db:"unit_id"`
		Amount   int64  `db:"amount_fen"`
		Owner    string `db:"owner"`
		Purpose  string `db:"purpose"`
		IssuedAt string `db:"issued_at"`
	}
	err := q.Select(&rows, `SELECT year, number, unit_id, amount_fen, owner, purpose, issued_at FROM receipts WHERE voucher_id = ? ORDER BY id`, id)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	out := make([]receiptCanon, len(rows))
	for i, r := range rows {
		out[i] = receiptCanon{year: r.Year, number: r.Number, unitID: r.UnitID, amount: r.Amount, owner: r.Owner, purpose: r.Purpose, issuedAt: r.IssuedAt}
	}
	return out, nil
}

// queryPostingCanon reads one voucher's postings (where names it) through q's Select, which a
// write transaction runs prepared: every post computes its voucher's digest.
func queryPostingCanon(q querier, where string, args ...any) ([]postingCanon, error) {
	var rows []struct {
		Line   int64  `db:"line"`
		Book   string `db:"book"`
		Code   string `db:"code"`
		Amount int64  `db:"amount_fen"`
		Memo   string `db:"memo"`
		Date   string `db:"date"`
	}
	err := q.Select(&rows, `SELECT p.line, a.book, a.code, p.amount_fen, p.memo, p.date FROM postings p JOIN accounts a ON a.id = p.account_id `+where+` ORDER BY p.line`, args...)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	out := make([]postingCanon, len(rows))
	for i, r := range rows {
		out[i] = postingCanon{line: r.Line, book: r.Book, code: r.Code, amount: r.Amount, memo: r.Memo, date: r.Date}
	}
	return out, nil
}

// queryUnitCanon reads one voucher's sub-ledger lines (where names it), as queryPostingCanon.
func queryUnitCanon(q querier, where string, args ...any) ([]unitCanon, error) {
	// scanned by hand: a voucher of a 20,000-unit estate has 20,000 of these lines, read back
	// at each posting, and sqlx's reflection cost a third as much as SQLite
	rows, err := queryRows(q, `SELECT e.unit_id, a.code, e.amount_fen, e.date FROM unit_entries e JOIN accounts a ON a.id = e.account_id `+where+` ORDER BY e.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []unitCanon
	for rows.Next() {
		var u unitCanon
		if err := rows.Scan(&u.unitID, &u.code, &u.amount, &u.date); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

func queryAttachmentHashes(q querier, voucherID int64) ([]string, error) {
	var out []string
	err := q.Select(&out, `SELECT a.sha256 FROM voucher_attachments va JOIN attachments a ON a.id = va.attachment_id WHERE va.voucher_id = ? ORDER BY a.sha256`, voucherID)
	return out, err
}
