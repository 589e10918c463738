package store

import (
	"fmt"
	"time"

	"jiayuan/store/ledger"
)

// RatioPoint is the maintenance fund against its initial amount at the end of a quarter, or on
// today for the quarter in progress.
type RatioPoint struct {
	Quarter string // "2024Q3"
	Date    string // the quarter's last day, or today for the current quarter
	Balance ledger.Money
	Ratio   string // percent with 2 decimals; "" when there is no initial amount
	Below   bool   // below the replenishment threshold (R1), decided exactly
}

// RatioHistory is the fund ratio over time, for the dashboard's trend.
type RatioHistory struct {
	Initial   ledger.Money // Σ units' initial required deposits
	Threshold string       // percent, e.g. "30"
	Points    []RatioPoint // oldest first, one per quarter from the books' start to today
}

// RatioHistory computes the fund's bank balance at each quarter end from the start of the
// books to today with one aggregate query (quarterly sums, accumulated by a window function),
// and the ratio of each to the initial amount. The initial amount is today's Σ of the units'
// initial deposits: units are master data recorded when the books start.
func (s *Store) RatioHistory(today string) (RatioHistory, error) {
	var h RatioHistory
	end, err := ledger.ParseDate(today)
	if err != nil {
		return h, err
	}
	err = s.read(bg, func(tx *sqlTx) error {
		c, err := readCommunity(tx)
		if err != nil {
			return err
		}
		p := c.Policy
		h.Threshold = p.ReplenishThreshold.Shift(2).String()
		if h.Initial, err = initialTotal(tx); err != nil {
			return err
		}
		var quarters []struct {
			Y   int   `db:"y"`
			Q   int   `db:"q"`
			Bal int64 `db:"bal"`
		}
		if err := tx.Select(&quarters, `SELECT y, q, SUM(s) OVER (ORDER BY y, q ROWS UNBOUNDED PRECEDING) AS bal FROM (
			SELECT CAST(substr(p.date, 1, 4) AS INTEGER) AS y, (CAST(substr(p.date, 6, 2) AS INTEGER) + 2) / 3 AS q, SUM(p.amount_fen) AS s
			FROM postings p WHERE p.account_id IN (SELECT id FROM accounts WHERE book = 'fund' AND kind = 'asset') AND p.date <= ?
			GROUP BY y, q) ORDER BY y, q`, today); err != nil {
			return err
		}
		cum := map[int]int64{} // year*4 + quarter-1 → balance at its end
		first := -1
		for _, r := range quarters {
			k := r.Y*4 + r.Q - 1
			cum[k] = r.Bal
			if first < 0 {
				first = k
			}
		}
		start, err := ledger.ParseDate(c.StartDate)
		if err != nil {
			return err
		}
		k0 := start.Year()*4 + (int(start.Month())-1)/3
		if first >= 0 && first < k0 {
			k0 = first // opening balances dated before the start
		}
		k1 := end.Year()*4 + (int(end.Month())-1)/3
		if k1-k0 > 400 {
			k0 = k1 - 400 // a century of quarters is enough for a chart
		}
		var bal int64
		for k := k0; k <= k1; k++ {
			if b, ok := cum[k]; ok {
				bal = b // quarters without postings keep the balance before them
			}
			y, q := k/4, k%4+1
			pt := RatioPoint{Quarter: fmt.Sprintf("%dQ%d", y, q), Balance: ledger.Fen(bal)}
			qEnd := time.Date(y, time.Month(3*q+1), 0, 0, 0, 0, 0, time.UTC)
			if k == k1 {
				pt.Date = today
			} else {
				pt.Date = ledger.FormatDate(qEnd)
			}
			pt.Ratio = ratioText(pt.Balance, h.Initial)
			pt.Below = p.NeedsReplenishment(pt.Balance, h.Initial)
			h.Points = append(h.Points, pt)
		}
		return nil
	})
	return h, err
}
