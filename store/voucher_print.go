package store

import (
	"database/sql"
	"errors"

	"jiayuan/store/ledger"
)

// VoucherIDs lists the ids of a book's vouchers dated from..to, in number order (as they are
// printed and bound).
func (s *Store) VoucherIDs(book ledger.Book, from, to string) ([]int64, error) {
	if !book.Valid() {
		return nil, ledger.Refuse("voucher.unknown_book", "book", book)
	}
	var ids []int64
	err := s.db.Select(&ids, `SELECT id FROM vouchers WHERE book = ? AND date BETWEEN ? AND ? ORDER BY year, number`, book, from, to)
	return ids, err
}

// VoucherByNumber finds a book's voucher by its year and number (维-2026-0012 is year 2026,
// number 12); ledger.voucher_no_unknown when there is none.
func (s *Store) VoucherByNumber(book ledger.Book, year, number int) (int64, error) {
	var id int64
	err := s.db.QueryRow(`SELECT id FROM vouchers WHERE book = ? AND year = ? AND number = ?`, book, year, number).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ledger.Refuse("report.voucher_not_found", "voucher", ledger.VoucherNo(book, year, number))
	}
	return id, err
}
