package store

import (
	"strings"

	"jiayuan/store/ledger"
)

// Voucher reads one posted voucher with its lines, attachments and chain link.
func (s *Store) Voucher(id int64) (Voucher, error) {
	r, err := scanVoucherRow(s.db.QueryRow(`SELECT `+voucherCols+` FROM vouchers WHERE id = ?`, id))
	if err != nil {
		return Voucher{}, notFound(err, "voucher", id)
	}
	v := voucherFromRow(r)
	s.db.Get(&v.ReversedByID, `SELECT id FROM vouchers WHERE reverses_id = ?`, id)
	s.db.Get(&v.ChainHash, `SELECT hash FROM chain WHERE seq = ?`, v.ChainSeq)
	s.db.Get(&v.UnitEntries, `SELECT count(*) FROM unit_entries WHERE voucher_id = ?`, id)
	if err := readVoucherLines(s.db, &v); err != nil {
		return v, err
	}
	v.Attachments, err = voucherAttachments(s.db, id)
	return v, err
}

// readVoucherLines reads a voucher's posted lines in order and totals its debits.
func readVoucherLines(q querier, v *Voucher) error {
	if err := q.Select(&v.Lines, `SELECT p.line, a.code, a.name_zh, a.kind, p.amount_fen, p.memo FROM postings p
		JOIN accounts a ON a.id = p.account_id WHERE p.voucher_id = ? ORDER BY p.line`, v.ID); err != nil {
		return err
	}
	for _, l := range v.Lines {
		if l.Amount.Sign() > 0 {
			v.Total = v.Total.Add(l.Amount)
		}
	}
	return nil
}

func voucherFromRow(r voucherRow) Voucher {
	return Voucher{ID: r.id, Book: ledger.Book(r.book), Year: int(r.year), Number: int(r.number),
		No: voucherNo(r.book, int(r.year), int(r.number)), Date: r.date, Summary: r.summary, Kind: r.kind,
		ReversesID: r.reversesID.Int64, TransferGroup: r.transferGroup.Int64, ProjectID: r.projectID.Int64,
		ResolutionID: r.resID.Int64, EmergencyTrigger: r.emergency, CaseID: r.caseID.Int64, R2Net: ledger.Fen(r.r2Net),
		CreatedBy: r.createdBy, PostedAt: r.postedAt, ChainSeq: r.chainSeq, BuildingID: r.buildingID.Int64}
}

// VoucherFilter selects vouchers of one book; zero values select all of it.
type VoucherFilter struct {
	Book        ledger.Book
	From, To    string // dates, inclusive
	AccountCode string
	Text        string       // part of the summary or a line's memo
	MinAmount   ledger.Money // on the voucher total
	MaxAmount   ledger.Money
	Limit       int
	Offset      int
}

// VoucherListRow is a voucher as the list shows it.
type VoucherListRow struct {
	ID         int64        `db:"id"`
	No         string       `db:"-"`
	Date       string       `db:"date"`
	Summary    string       `db:"summary"`
	Kind       string       `db:"kind"`
	Total      ledger.Money `db:"total_fen"`
	Reversed   bool         `db:"reversed"`
	ReversesID int64        `db:"reverses_id"`
}

// voucherListCols are a VoucherListRow's columns of vouchers v but its total, with the
// voucher's number parts (see selectVoucherList).
const voucherListCols = `v.id, v.book, v.year, v.number, v.date, v.summary, v.kind, COALESCE(v.reverses_id, 0) AS reverses_id,
	EXISTS (SELECT 1 FROM vouchers r WHERE r.reverses_id = v.id) AS reversed`

// keyedVoucherRow is a VoucherListRow as scanned, with its number's parts.
type keyedVoucherRow struct {
	VoucherListRow
	voucherKey
}

// selectKeyedVouchers runs a query of voucherListCols and a total_fen, each row numbered.
func selectKeyedVouchers(q querier, query string, args ...any) ([]keyedVoucherRow, error) {
	var rows []keyedVoucherRow
	err := q.Select(&rows, query, args...)
	for i := range rows {
		rows[i].VoucherListRow.No = rows[i].voucherKey.No()
	}
	return rows, err
}

// selectVoucherList appends the rows of a query of voucherListCols and a total_fen to out.
func selectVoucherList(q querier, out []VoucherListRow, query string, args ...any) ([]VoucherListRow, error) {
	rows, err := selectKeyedVouchers(q, query, args...)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		out = append(out, r.VoucherListRow)
	}
	return out, nil
}

// Vouchers returns one page of a book's vouchers, newest first, and how many match in all.
func (s *Store) Vouchers(f VoucherFilter) ([]VoucherListRow, int, error) {
	if !f.Book.Valid() {
		return nil, 0, ledger.Refuse("voucher.unknown_book", "book", f.Book)
	}
	where, args := []string{"v.book = ?"}, []any{f.Book}
	if f.From != "" {
		where = append(where, "v.date >= ?")
		args = append(args, f.From)
	}
	if f.To != "" {
		where = append(where, "v.date <= ?")
		args = append(args, f.To)
	}
	if f.AccountCode != "" {
		where = append(where, "EXISTS (SELECT 1 FROM postings p JOIN accounts a ON a.id = p.account_id WHERE p.voucher_id = v.id AND a.code = ?)")
		args = append(args, f.AccountCode)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		where = append(where, "(v.summary LIKE ? OR EXISTS (SELECT 1 FROM postings p WHERE p.voucher_id = v.id AND p.memo LIKE ?))")
		args = append(args, "%"+t+"%", "%"+t+"%")
	}
	total := `(SELECT SUM(p.amount_fen) FROM postings p WHERE p.voucher_id = v.id AND p.amount_fen > 0)`
	if !f.MinAmount.IsZero() {
		where = append(where, total+" >= ?")
		args = append(args, f.MinAmount.Fen())
	}
	if !f.MaxAmount.IsZero() {
		where = append(where, total+" <= ?")
		args = append(args, f.MaxAmount.Fen())
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}
	w := strings.Join(where, " AND ")
	var n int
	if err := s.db.Get(&n, `SELECT count(*) FROM vouchers v WHERE `+w, args...); err != nil {
		return nil, 0, err
	}
	out, err := selectVoucherList(s.db, nil, `SELECT `+voucherListCols+`, `+total+` AS total_fen
		FROM vouchers v WHERE `+w+` ORDER BY v.date DESC, v.id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	return out, n, nil
}

// Account is an account of a book's chart.
type Account struct {
	ledger.Account
	Balance ledger.Money `db:"balance_fen"`
}

// Accounts lists a book's chart with current balances.
func (s *Store) Accounts(b ledger.Book) ([]Account, error) {
	var out []Account
	// ledger.Account (the pure core) has no db tags: its fields go by their lower-cased names.
	err := s.db.Select(&out, `SELECT a.book, a.code, a.kind, a.name_zh AS namezh, a.name_en AS nameen, a.per_unit AS perunit,
		a.counterpart, COALESCE(ab.balance_fen, 0) AS balance_fen
		FROM accounts a LEFT JOIN account_balances ab ON ab.account_id = a.id WHERE a.book = ? ORDER BY a.code`, b)
	return out, err
}
