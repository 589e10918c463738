package store

import (
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
		if err := tx.Get(&total, `SELECT count(*) FROM bank_lines WHERE book = ? AND date >= ? AND date <= ?`, book, from, to); err != nil {
			return err
		}
		var lines []storedBankLine
		if err := tx.Select(&lines, `SELECT id, `+storedBankCols+` FROM bank_lines
			WHERE book = ? AND date >= ? AND date <= ? ORDER BY date, import_id, pos LIMIT ? OFFSET ?`, book, from, to, limit, max(offset, 0)); err != nil {
			return err
		}
		for _, b := range lines {
			l := StoredBankLine{ID: b.ID, Date: b.Date, Amount: ledger.Fen(b.Amount), Counterparty: b.Counterparty, Reference: b.Reference, Summary: b.Summary}
			if b.Balance.Valid {
				l.Balance, l.HasBalance = ledger.Fen(b.Balance.Int64), true
			}
			out = append(out, l)
		}
		return nil
	})
	return out, total, err
}
