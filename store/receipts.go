package store

import (
	"database/sql"
	"fmt"
	"strings"

	"jiayuan/store/ledger"
)

// Receipt is an owner's receipt (收款收据) for a deposit posted to a unit.
type Receipt struct {
	ID           int64
	Year, Number int
	No           string // "2026-0007": the year's series and the number in it
	VoucherID    int64
	VoucherNo    string
	VoucherDate  string
	ReversedByNo string // the reversal's number when the deposit was reversed ("" if not)
	UnitID       int64
	BuildingCode string
	Room         string
	Owner        string
	Amount       ledger.Money
	Purpose      string
	IssuedAt     string // RFC 3339, when the voucher was posted and the number given
	ChainSeq     int64  // the voucher's link, which binds the receipt
	ChainHash    string
}

// ReceiptNo formats a receipt number: its year's series and a number padded to four digits.
func ReceiptNo(year, number int) string { return fmt.Sprintf("%d-%04d", year, number) }

// receiptCanon is what the chain binds of a receipt, as part of its voucher's record.
type receiptCanon struct {
	year, number, unitID, amount int64
	owner, purpose, issuedAt     string
}

// issueReceipts numbers a receipt for every unit a deposit voucher credits (首期交存 and 续筹交存
// lines split over the units), in the year's own series, inside the transaction that posts
// the voucher: a number is given once and the chain binds it with the voucher. Reversals and
// opening balances issue none; a reversed deposit keeps its receipt, printed as reversed.
func (t *Tx) issueReceipts(voucherID int64, in VoucherInput, date string, year int) error {
	if in.Book != ledger.BookFund {
		return nil
	}
	rows, err := t.Query(`SELECT e.unit_id, SUM(e.amount_fen), MIN(a.code) FROM unit_entries e JOIN accounts a ON a.id = e.account_id
		WHERE e.voucher_id = ? AND a.book = 'fund' AND a.code IN (?, ?) GROUP BY e.unit_id HAVING SUM(e.amount_fen) > 0 ORDER BY e.unit_id`,
		voucherID, ledger.CodeFundInitial, ledger.CodeFundReplenish)
	if err != nil {
		return err
	}
	type due struct {
		unit, fen int64
		code      string
	}
	var dues []due
	for rows.Next() {
		var d due
		if err := rows.Scan(&d.unit, &d.fen, &d.code); err != nil {
			rows.Close()
			return err
		}
		dues = append(dues, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(dues) == 0 {
		return err
	}
	var next int
	if err := t.Get(&next, `SELECT COALESCE(MAX(number), 0) + 1 FROM receipts WHERE year = ?`, year); err != nil {
		return err
	}
	replenishPurpose, err := t.replenishPurpose(in.CaseID, year)
	if err != nil {
		return err
	}
	stmt, err := t.Prepare(`INSERT INTO receipts(year, number, voucher_id, unit_id, owner, amount_fen, purpose, issued_at)
		VALUES (?,?,?,?,COALESCE((SELECT o.name FROM units u JOIN owners o ON o.id = u.owner_id WHERE u.id = ?), ''),?,?,?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, d := range dues {
		purpose := "首期交存专项维修资金"
		if d.code == ledger.CodeFundReplenish {
			purpose = replenishPurpose
		}
		if _, err := stmt.Exec(year, next, voucherID, d.unit, d.unit, d.fen, purpose, t.stamp()); err != nil {
			return err
		}
		next++
	}
	return nil
}

// replenishPurpose is what a replenishment receipt is for: "2026年续筹第2期" — the year paid
// and the community's round of replenishment (its cases in order) — or "续筹交存专项维修资金"
// when the deposit cites no case.
func (t *Tx) replenishPurpose(caseID int64, year int) (string, error) {
	if caseID == 0 {
		return "续筹交存专项维修资金", nil
	}
	var round int
	if err := t.Get(&round, `SELECT count(*) FROM replenishment_cases WHERE id <= ?`, caseID); err != nil {
		return "", err
	}
	return fmt.Sprintf("%d年续筹第%d期", year, round), nil
}

// hasTable reports whether the file has a table: a file opened read-only is not migrated, so
// a ledger made before a table existed is read without it.
func hasTable(q queryer, name string) bool {
	if t, ok := q.(*Tx); ok { // once a transaction (txMemo)
		if have, ok := t.memo.tables[name]; ok {
			return have
		}
		have := queryHasTable(q, name)
		if t.memo.tables == nil {
			t.memo.tables = map[string]bool{}
		}
		t.memo.tables[name] = have
		return have
	}
	return queryHasTable(q, name)
}

func queryHasTable(q queryer, name string) bool {
	var n int
	q.Get(&n, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, name)
	return n > 0
}

// receiptCanons reads the receipts of vouchers (all when voucherID is 0), by voucher.
func receiptCanons(q rowQueryer, voucherID int64) (map[int64][]receiptCanon, error) {
	where, args := "", []any{}
	if voucherID != 0 {
		where, args = " WHERE voucher_id = ?", []any{voucherID}
	}
	rows, err := q.Query(`SELECT voucher_id, year, number, unit_id, amount_fen, owner, purpose, issued_at FROM receipts`+where+` ORDER BY voucher_id, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]receiptCanon{}
	for rows.Next() {
		var vid int64
		var r receiptCanon
		if err := rows.Scan(&vid, &r.year, &r.number, &r.unitID, &r.amount, &r.owner, &r.purpose, &r.issuedAt); err != nil {
			return nil, err
		}
		out[vid] = append(out[vid], r)
	}
	return out, rows.Err()
}

// ReceiptFilter selects receipts: by id, by voucher, by unit, or issued for vouchers dated in
// a period; zero values select everything.
type ReceiptFilter struct {
	ID, VoucherID, UnitID int64
	From, To              string
}

// Receipts lists receipts in number order (year, then number).
func (s *Store) Receipts(f ReceiptFilter) ([]Receipt, error) {
	if !hasTable(s.db, "receipts") {
		return nil, nil
	}
	var where []string
	var args []any
	add := func(cond string, v any) { where, args = append(where, cond), append(args, v) }
	if f.ID != 0 {
		add("r.id = ?", f.ID)
	}
	if f.VoucherID != 0 {
		add("r.voucher_id = ?", f.VoucherID)
	}
	if f.UnitID != 0 {
		add("r.unit_id = ?", f.UnitID)
	}
	if f.From != "" {
		add("v.date >= ?", f.From)
	}
	if f.To != "" {
		add("v.date <= ?", f.To)
	}
	q := `SELECT r.id, r.year, r.number, r.voucher_id, v.book, v.year, v.number, v.date, COALESCE(rv.book, ''), COALESCE(rv.year, 0),
		COALESCE(rv.number, 0), r.unit_id, b.code, u.room, r.owner, r.amount_fen, r.purpose, r.issued_at, v.chain_seq, COALESCE(ch.hash, '')
		FROM receipts r JOIN vouchers v ON v.id = r.voucher_id LEFT JOIN vouchers rv ON rv.reverses_id = v.id
		LEFT JOIN chain ch ON ch.seq = v.chain_seq
		JOIN units u ON u.id = r.unit_id JOIN buildings b ON b.id = u.building_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := s.db.Query(q+` ORDER BY r.year, r.number`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Receipt
	for rows.Next() {
		var r Receipt
		var vbook, rbook string
		var vyear, vnum, ryear, rnum int
		var amt int64
		if err := rows.Scan(&r.ID, &r.Year, &r.Number, &r.VoucherID, &vbook, &vyear, &vnum, &r.VoucherDate, &rbook, &ryear, &rnum,
			&r.UnitID, &r.BuildingCode, &r.Room, &r.Owner, &amt, &r.Purpose, &r.IssuedAt, &r.ChainSeq, &r.ChainHash); err != nil {
			return nil, err
		}
		r.No, r.Amount, r.VoucherNo = ReceiptNo(r.Year, r.Number), ledger.Fen(amt), voucherNo(vbook, vyear, vnum)
		if rbook != "" {
			r.ReversedByNo = voucherNo(rbook, ryear, rnum)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Receipt reads one receipt.
func (s *Store) Receipt(id int64) (Receipt, error) {
	rs, err := s.Receipts(ReceiptFilter{ID: id})
	if err != nil {
		return Receipt{}, err
	}
	if len(rs) == 0 {
		return Receipt{}, notFound(sql.ErrNoRows, "receipt", id)
	}
	return rs[0], nil
}
