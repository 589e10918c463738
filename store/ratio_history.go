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
	Initial   ledger.Money // Σ units' initial required deposits (residential only, unless the policy includes garages)
	Threshold string       // percent, e.g. "30"
	Points    []RatioPoint // oldest first, one per quarter from the books' start to today
}

// RatioHistory computes the fund's balance at each quarter's end from the start of the books
// to today, from quarterly sums in SQL, and its ratio to the initial amount (today's Σ of the
// units' initial deposits: units are master data recorded when the books start). Both leave
// out garages and other non-residential units when they are accounted separately, as R1 does.
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
		split, err := readFundSplit(tx, p)
		if err != nil {
			return err
		}
		h.Initial = split.Initial
		// the fund's bank balance at each quarter's end, less the non-residential units' own
		// when they are accounted separately: the ratio the trigger computes (R1)
		cum := map[int]int64{} // year*4 + quarter-1 → what the quarter added
		first := -1
		add := func(query string) error {
			var quarters []struct {
				Y int   `db:"y"`
				Q int   `db:"q"`
				S int64 `db:"s"`
			}
			if err := tx.Select(&quarters, `SELECT CAST(substr(date, 1, 4) AS INTEGER) AS y, (CAST(substr(date, 6, 2) AS INTEGER) + 2) / 3 AS q,
				SUM(amount_fen) AS s FROM (`+query+`) GROUP BY y, q`, today); err != nil {
				return err
			}
			for _, r := range quarters {
				k := r.Y*4 + r.Q - 1
				cum[k] += r.S
				if first < 0 || k < first {
					first = k
				}
			}
			return nil
		}
		if err := add(`SELECT p.date, p.amount_fen FROM postings p
			WHERE p.account_id IN (SELECT id FROM accounts WHERE book = 'fund' AND kind = 'asset') AND p.date <= ?`); err != nil {
			return err
		}
		if split.Separate {
			if err := add(`SELECT e.date, -e.amount_fen AS amount_fen FROM unit_entries e JOIN units u ON u.id = e.unit_id
				WHERE ` + nonResidentialSQL + ` AND e.date <= ?`); err != nil {
				return err
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
		for k, d := range cum {
			if k < k0 {
				bal += d // before the chart's first quarter
			}
		}
		for k := k0; k <= k1; k++ {
			bal += cum[k] // quarters without postings keep the balance before them
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
