package store

import (
	"time"

	"jiayuan/store/ledger"
)

// Figures is the part of Status that a generator needs between its postings: the books'
// balances, the fund against its initial amount (no building or unit lines), public income by
// quarter with R2, and what R2 still requires. Status adds the per-building and per-unit
// ratios, what is due, the replenishment case and oversight, which a 20,000-unit ledger reads
// in tens of milliseconds: the demo asked for them hundreds of times.
func (s *Store) Figures(today time.Time) (Status, error) {
	st := Status{Today: ledger.FormatDate(today), Books: map[ledger.Book]ledger.Money{}}
	err := s.read(bg, func(tx *sqlTx) error {
		c, err := st.readBooks(tx)
		if err != nil {
			return err
		}
		p := c.Policy
		fs, err := readFundSplit(tx, p)
		if err != nil {
			return err
		}
		st.Fund = FundStatus{Balance: fs.Balance, Initial: fs.Initial, Separate: fs.Separate, Threshold: p.ReplenishThreshold.Shift(2).String(),
			Ratio: ratioText(fs.Balance, fs.Initial), Below: p.NeedsReplenishment(fs.Balance, fs.Initial)}
		if st.Quarters, err = quarterStatus(tx, p, st.Today); err != nil {
			return err
		}
		st.Outstanding, err = owedToFund(tx, p, st.Today)
		return err
	})
	return st, err
}
