package store

import (
	"database/sql"

	"jiayuan/store/ledger"
)

// StoredBankLine is a bank statement line as stored.
type StoredBankLine struct {
	ID           int64
	Date         string
	Amount       ledger.Money // in positive, out negative
	Balance      ledger.Money
	HasBalance   bool
	Counterparty string
	Reference    string
	Summary      string
}

// BankLines returns a book's bank lines from..to ("" = from the first) in the bank's order,
// limit of them after offset (limit 0: all), and how many there are in all.
func (s *Store) BankLines(book ledger.Book, from, to string, offset, limit int) ([]StoredBankLine, int, error) {
	if from == "" {
		from = "0000-00-00"
	}
	if limit <= 0 {
		limit = -1
	}
	var out []StoredBankLine
	total := 0
	err := s.read(bg, func(tx *sqlTx) error {
		if !hasBankTables(tx) {
			return nil
		}
		if err := tx.QueryRow(`SELECT count(*) FROM bank_lines WHERE book = ? AND date >= ? AND date <= ?`, book, from, to).Scan(&total); err != nil {
			return err
		}
		rows, err := tx.Query(`SELECT id, date, amount_fen, balance_fen, counterparty, reference, summary FROM bank_lines
			WHERE book = ? AND date >= ? AND date <= ? ORDER BY date, import_id, pos LIMIT ? OFFSET ?`, book, from, to, limit, max(offset, 0))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var l StoredBankLine
			var amt int64
			var bal sql.NullInt64
			if err := rows.Scan(&l.ID, &l.Date, &amt, &bal, &l.Counterparty, &l.Reference, &l.Summary); err != nil {
				return err
			}
			l.Amount = ledger.Fen(amt)
			if bal.Valid {
				l.Balance, l.HasBalance = ledger.Fen(bal.Int64), true
			}
			out = append(out, l)
		}
		return rows.Err()
	})
	return out, total, err
}
