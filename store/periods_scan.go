package store

import "jiayuan/store/ledger"

// bookPeriod is a book's period as tables store it (closed_periods, disclosures): the pure
// core's ledger.Period carries no db tags, so rows scan into this and convert.
type bookPeriod struct {
	Book ledger.Book `db:"book"`
	From string      `db:"period_from"`
	To   string      `db:"period_to"`
}

// Period is the stored period as the core's rules take it.
func (p bookPeriod) Period() ledger.Period { return ledger.Period{From: p.From, To: p.To} }

// selectPeriods runs a query of period_from and period_to and returns the periods.
func selectPeriods(q querier, query string, args ...any) ([]ledger.Period, error) {
	var rows []bookPeriod
	if err := q.Select(&rows, query, args...); err != nil {
		return nil, err
	}
	out := make([]ledger.Period, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.Period())
	}
	return out, nil
}
