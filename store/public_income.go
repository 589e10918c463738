package store

import (
	"fmt"

	"jiayuan/store/ledger"
)

// SourceAmount is what one account of the public book did in a quarter: gross income from a
// source (parking, ads, rent…) or a deduction (tax, labour…), as a positive amount.
type SourceAmount struct {
	Code   string
	NameZH string
	NameEN string
	Kind   ledger.AccountKind // income or deduction
	Amount ledger.Money
}

// QuarterSources is a quarter's public income by source and its deductions by kind.
type QuarterSources struct {
	Quarter    string // "2024Q3"
	Income     []SourceAmount
	Deductions []SourceAmount
}

// PublicIncomeBySource sums the public book's income and deduction accounts per quarter, up to
// and including date, in one aggregate query; oldest quarter first. Reversals count with their
// sign, so a reversed income is gone from its quarter.
func (s *Store) PublicIncomeBySource(date string) ([]QuarterSources, error) {
	rows, err := s.db.Query(`SELECT substr(p.date, 1, 4) AS y, (CAST(substr(p.date, 6, 2) AS INTEGER) + 2) / 3 AS q,
		a.code, a.name_zh, a.name_en, a.kind, SUM(p.amount_fen)
		FROM postings p JOIN accounts a ON a.id = p.account_id
		WHERE a.book = 'public' AND a.kind IN ('income', 'deduction') AND p.date <= ?
		GROUP BY y, q, a.id ORDER BY y, q, a.kind DESC, a.code`, date)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []QuarterSources
	for rows.Next() {
		var y string
		var q int
		var sa SourceAmount
		var sum int64
		if err := rows.Scan(&y, &q, &sa.Code, &sa.NameZH, &sa.NameEN, &sa.Kind, &sum); err != nil {
			return nil, err
		}
		if sum == 0 {
			continue
		}
		quarter := fmt.Sprintf("%sQ%d", y, q)
		if len(out) == 0 || out[len(out)-1].Quarter != quarter {
			out = append(out, QuarterSources{Quarter: quarter})
		}
		cur := &out[len(out)-1]
		if sa.Kind == ledger.KindIncome {
			sa.Amount = ledger.Fen(-sum) // income is a credit
			cur.Income = append(cur.Income, sa)
		} else {
			sa.Amount = ledger.Fen(sum)
			cur.Deductions = append(cur.Deductions, sa)
		}
	}
	return out, rows.Err()
}

// TransferPartners lists the other vouchers of a voucher's transfer between books (the
// receiving book's voucher for the sending one and the other way round), reversals included.
func (s *Store) TransferPartners(id int64) ([]TransferPartner, error) {
	rows, err := s.db.Query(`SELECT o.id, o.book, o.year, o.number, o.date, o.summary, o.kind, COALESCE(o.reverses_id, 0),
		(SELECT COALESCE(SUM(p.amount_fen), 0) FROM postings p WHERE p.voucher_id = o.id AND p.amount_fen > 0),
		EXISTS (SELECT 1 FROM vouchers r WHERE r.reverses_id = o.id)
		FROM vouchers v JOIN vouchers o ON o.transfer_group = v.transfer_group AND o.id <> v.id AND o.kind = v.kind
		WHERE v.id = ? AND v.transfer_group IS NOT NULL ORDER BY o.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TransferPartner
	for rows.Next() {
		var r TransferPartner
		var book string
		var year, number int
		var total int64
		if err := rows.Scan(&r.ID, &book, &year, &number, &r.Date, &r.Summary, &r.Kind, &r.ReversesID, &total, &r.Reversed); err != nil {
			return nil, err
		}
		r.Book, r.No, r.Total = ledger.Book(book), voucherNo(book, year, number), ledger.Fen(total)
		out = append(out, r)
	}
	return out, rows.Err()
}

// TransferPartner is the other side of a transfer between books.
type TransferPartner struct {
	VoucherListRow
	Book ledger.Book
}
