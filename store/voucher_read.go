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
	s.db.QueryRow(`SELECT id FROM vouchers WHERE reverses_id = ?`, id).Scan(&v.ReversedByID)
	s.db.QueryRow(`SELECT hash FROM chain WHERE seq = ?`, v.ChainSeq).Scan(&v.ChainHash)
	s.db.QueryRow(`SELECT count(*) FROM unit_entries WHERE voucher_id = ?`, id).Scan(&v.UnitEntries)
	rows, err := s.db.Query(`SELECT p.line, a.code, a.name_zh, a.kind, p.amount_fen, p.memo FROM postings p
		JOIN accounts a ON a.id = p.account_id WHERE p.voucher_id = ? ORDER BY p.line`, id)
	if err != nil {
		return v, err
	}
	defer rows.Close()
	for rows.Next() {
		var l PostedLine
		var amt int64
		if err := rows.Scan(&l.Line, &l.AccountCode, &l.AccountName, &l.Kind, &amt, &l.Memo); err != nil {
			return v, err
		}
		l.Amount = ledger.Fen(amt)
		if amt > 0 {
			v.Total = v.Total.Add(l.Amount)
		}
		v.Lines = append(v.Lines, l)
	}
	if err := rows.Err(); err != nil {
		return v, err
	}
	v.Attachments, err = s.voucherAttachments(id)
	return v, err
}

func voucherFromRow(r voucherRow) Voucher {
	return Voucher{ID: r.id, Book: ledger.Book(r.book), Year: int(r.year), Number: int(r.number),
		No: voucherNo(r.book, int(r.year), int(r.number)), Date: r.date, Summary: r.summary, Kind: r.kind,
		ReversesID: r.reversesID.Int64, TransferGroup: r.transferGroup.Int64, ProjectID: r.projectID.Int64,
		ResolutionID: r.resID.Int64, EmergencyTrigger: r.emergency, CaseID: r.caseID.Int64, R2Net: ledger.Fen(r.r2Net),
		CreatedBy: r.createdBy, PostedAt: r.postedAt, ChainSeq: r.chainSeq}
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
	ID         int64
	No         string
	Date       string
	Summary    string
	Kind       string
	Total      ledger.Money
	Reversed   bool
	ReversesID int64
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
	if err := s.db.QueryRow(`SELECT count(*) FROM vouchers v WHERE `+w, args...).Scan(&n); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.Query(`SELECT v.id, v.book, v.year, v.number, v.date, v.summary, v.kind, COALESCE(v.reverses_id, 0), `+total+`,
		EXISTS (SELECT 1 FROM vouchers r WHERE r.reverses_id = v.id)
		FROM vouchers v WHERE `+w+` ORDER BY v.date DESC, v.id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []VoucherListRow
	for rows.Next() {
		var r VoucherListRow
		var book string
		var year, number int
		var t int64
		if err := rows.Scan(&r.ID, &book, &year, &number, &r.Date, &r.Summary, &r.Kind, &r.ReversesID, &t, &r.Reversed); err != nil {
			return nil, 0, err
		}
		r.No = voucherNo(book, year, number)
		r.Total = ledger.Fen(t)
		out = append(out, r)
	}
	return out, n, rows.Err()
}

// Account is an account of a book's chart.
type Account struct {
	ledger.Account
	Balance ledger.Money
}

// Accounts lists a book's chart with current balances.
func (s *Store) Accounts(b ledger.Book) ([]Account, error) {
	rows, err := s.db.Query(`SELECT a.code, a.kind, a.name_zh, a.name_en, a.per_unit, a.counterpart, COALESCE(ab.balance_fen, 0)
		FROM accounts a LEFT JOIN account_balances ab ON ab.account_id = a.id WHERE a.book = ? ORDER BY a.code`, b)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Account
	for rows.Next() {
		a := Account{Account: ledger.Account{Book: b}}
		var bal int64
		if err := rows.Scan(&a.Code, &a.Kind, &a.NameZH, &a.NameEN, &a.PerUnit, &a.Counterpart, &bal); err != nil {
			return nil, err
		}
		a.Balance = ledger.Fen(bal)
		out = append(out, a)
	}
	return out, rows.Err()
}
