package store

import (
	"strconv"

	"jiayuan/store/ledger"
)

// ParsePeriod reads "2024Q3" (a quarter) or "2024" (a year).
func ParsePeriod(s string) (ledger.Period, error) {
	if len(s) == 4 {
		y, err := strconv.Atoi(s)
		if err != nil || y < 1990 || y > 2100 {
			return ledger.Period{}, ledger.Refuse("period.invalid", "input", s)
		}
		return ledger.YearPeriod(y), nil
	}
	return ledger.QuarterPeriod(s)
}

// ClosePeriod closes a quarter or a year of a book: no posting may be dated in it afterwards
// (R5). The public book cannot close a period while the transfer R2 requires for it falls
// short.
func (s *Store) ClosePeriod(b ledger.Book, period string, today string) error {
	if !b.Valid() {
		return ledger.Refuse("voucher.unknown_book", "book", b)
	}
	p, err := ParsePeriod(period)
	if err != nil {
		return err
	}
	if _, err := ledger.ParseDate(today); err != nil {
		return err
	}
	if today < p.To {
		return ledger.Refuse("period.not_ended", "to", p.To)
	}
	return s.write(bg, func(t *Tx) error {
		var n int
		t.Get(&n, `SELECT count(*) FROM closed_periods WHERE book = ? AND period_from <= ? AND period_to >= ?`, b, p.From, p.To)
		if n > 0 {
			return ledger.Refuse("period.already_closed", "from", p.From, "to", p.To)
		}
		if b == ledger.BookPublic {
			c, err := readCommunity(t)
			if err != nil {
				return err
			}
			if err := checkQuarterSettled(t, c.Policy, p, today); err != nil {
				return err
			}
		}
		_, err := t.insertLogged("closed_period", `INSERT INTO closed_periods(book, period_from, period_to, closed_on) VALUES (?,?,?,?)`,
			b, p.From, p.To, today)
		return err
	})
}

// ClosedPeriod is a closed period of a book.
type ClosedPeriod struct {
	Book     ledger.Book
	Period   ledger.Period
	ClosedOn string
}

// ClosedPeriods lists the closed periods, newest first.
func (s *Store) ClosedPeriods() ([]ClosedPeriod, error) {
	var rows []struct {
		bookPeriod
		ClosedOn string `db:"closed_on"`
	}
	if err := s.db.Select(&rows, `SELECT book, period_from, period_to, closed_on FROM closed_periods ORDER BY period_to DESC, book`); err != nil {
		return nil, err
	}
	var out []ClosedPeriod
	for _, r := range rows {
		out = append(out, ClosedPeriod{Book: r.Book, Period: r.Period(), ClosedOn: r.ClosedOn})
	}
	return out, nil
}
