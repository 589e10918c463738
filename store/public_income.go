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
	var rows []struct {
		Year    string             `db:"y"`
		Quarter int                `db:"q"`
		Code    string             `db:"code"`
		NameZH  string             `db:"name_zh"`
		NameEN  string             `db:"name_en"`
		Kind    ledger.AccountKind `db:"kind"`
		Sum     int64              `db:"sum_fen"`
	}
	err := s.db.Select(&rows, `SELECT substr(p.date, 1, 4) AS y, (CAST(substr(p.date, 6, 2) AS INTEGER) + 2) / 3 AS q,
		a.code, a.name_zh, a.name_en, a.kind, SUM(p.amount_fen) AS sum_fen
		FROM postings p JOIN accounts a ON a.id = p.account_id
		WHERE a.book = 'public' AND a.kind IN ('income', 'deduction') AND p.date <= ?
		GROUP BY y, q, a.id ORDER BY y, q, a.kind DESC, a.code`, date)
	if err != nil {
		return nil, err
	}
	var out []QuarterSources
	for _, r := range rows {
		sa, sum := SourceAmount{Code: r.Code, NameZH: r.NameZH, NameEN: r.NameEN, Kind: r.Kind}, r.Sum
		if sum == 0 {
			continue
		}
		quarter := fmt.Sprintf("%sQ%d", r.Year, r.Quarter)
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
	return out, nil
}

// TransferPartners lists the other vouchers of a voucher's transfer between books (the
// receiving book's voucher for the sending one and the other way round), reversals included.
func (s *Store) TransferPartners(id int64) ([]TransferPartner, error) {
	// v is the partner here (voucherListCols name vouchers v), o the voucher asked about.
	rows, err := selectKeyedVouchers(s.db, `SELECT `+voucherListCols+`,
		(SELECT COALESCE(SUM(p.amount_fen), 0) FROM postings p WHERE p.voucher_id = v.id AND p.amount_fen > 0) AS total_fen
		FROM vouchers o JOIN vouchers v ON v.transfer_group = o.transfer_group AND v.id <> o.id AND v.kind = o.kind
		WHERE o.id = ? AND o.transfer_group IS NOT NULL ORDER BY v.id`, id)
	if err != nil {
		return nil, err
	}
	var out []TransferPartner
	for _, r := range rows {
		out = append(out, TransferPartner{VoucherListRow: r.VoucherListRow, Book: ledger.Book(r.Book)})
	}
	return out, nil
}

// TransferPartner is the other side of a transfer between books.
type TransferPartner struct {
	VoucherListRow
	Book ledger.Book
}
