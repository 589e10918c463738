package store

import (
	"fmt"
	"strings"
	"time"

	"jiayuan/store/ledger"
)

// Status is the state of the books on a day: what the dashboard and `jiayuan status` show.
type Status struct {
	Community     string
	Today         string
	Books         map[ledger.Book]ledger.Money
	Fund          FundStatus
	Replenishment *ReplenishmentCase // the case not yet closed, if any
	Quarters      []QuarterStatus    // public income per quarter, oldest first
	Outstanding   ledger.Money       // transfer to the fund R2 still requires today
	Due           []ledger.DueItem   // disclosures and audits due or overdue (R7)
	Chain         ChainHead
}

// FundStatus is the maintenance fund against its initial amount at each level (R1).
type FundStatus struct {
	Balance        ledger.Money
	Initial        ledger.Money
	Ratio          string // percent, 2 dp; "" when there is no initial amount
	Below          bool
	Threshold      string // percent
	Buildings      []LevelRatio
	Units          []LevelRatio
	UnitsBelow     int
	BuildingsBelow int
	// Garages and other non-residential units, accounted separately (单独核算): when Separate,
	// Balance, Initial and Ratio above are the residential fund's and this is their own line.
	Separate       bool
	NonResidential LevelRatio
}

// LevelRatio is a building's or a unit's balance against its initial amount.
type LevelRatio struct {
	ID      int64
	Name    string
	Balance ledger.Money
	Initial ledger.Money
	Ratio   string
	Below   bool
}

// QuarterStatus is a quarter of public income and the transfer R2 requires for it.
type QuarterStatus struct {
	Quarter    string
	Income     ledger.Money // gross
	Deductions ledger.Money
	Net        ledger.Money
	SubjectNet ledger.Money // net recognised while the fund was below the threshold
	Required   ledger.Money
	Done       ledger.Money // transferred to the fund within the quarter
	Short      ledger.Money // cumulative shortfall at the quarter's end
	Closed     bool
}

// Status computes the status on today (YYYY-MM-DD) in one read snapshot, from aggregates.
func (s *Store) Status(today time.Time, withUnits bool) (Status, error) {
	st := Status{Today: ledger.FormatDate(today), Books: map[ledger.Book]ledger.Money{}}
	err := s.read(bg, func(tx *sqlTx) error {
		c, err := readCommunity(tx)
		if err != nil {
			return err
		}
		st.Community = c.Name
		p := c.Policy
		for _, b := range ledger.Books {
			if st.Books[b], err = bookBalance(tx, b); err != nil {
				return err
			}
		}
		if st.Fund, err = fundStatus(tx, p, st.Books[ledger.BookFund], withUnits); err != nil {
			return err
		}
		if st.Quarters, err = quarterStatus(tx, p, st.Today); err != nil {
			return err
		}
		if st.Outstanding, err = outstandingAt(tx, p, st.Today); err != nil {
			return err
		}
		if st.Due, err = dueItems(tx, p, c.StartDate, today); err != nil {
			return err
		}
		st.Chain, err = chainHead(tx)
		return err
	})
	if err != nil {
		return st, err
	}
	cases, err := s.ReplenishmentCases()
	if err != nil {
		return st, err
	}
	for i := range cases {
		if cases[i].Status != "closed" {
			st.Replenishment = &cases[i]
			break
		}
	}
	return st, nil
}

func ratioText(bal, initial ledger.Money) string {
	r, ok := ledger.Ratio(bal, initial)
	if !ok {
		return ""
	}
	return ledger.RatioPercent(r)
}

func fundStatus(tx *sqlTx, p ledger.Policy, bal ledger.Money, withUnits bool) (FundStatus, error) {
	f := FundStatus{Balance: bal, Threshold: p.ReplenishThreshold.Shift(2).String()}
	fs, err := readFundSplit(tx, p)
	if err != nil {
		return f, err
	}
	f.Balance, f.Initial, f.Separate = fs.Balance, fs.Initial, fs.Separate
	bal = f.Balance
	if fs.NonResUnits > 0 {
		f.NonResidential = LevelRatio{Name: "non_residential", Balance: fs.NonResBalance, Initial: fs.NonResInitial,
			Ratio: ratioText(fs.NonResBalance, fs.NonResInitial)}
	}
	f.Ratio = ratioText(bal, f.Initial)
	f.Below = p.NeedsReplenishment(bal, f.Initial)
	rows, err := tx.Query(`SELECT b.id, b.code, COALESCE(SUM(ub.balance_fen), 0), COALESCE(SUM(u.initial_fen), 0) FROM buildings b
		LEFT JOIN units u ON u.building_id = b.id LEFT JOIN unit_balances ub ON ub.unit_id = u.id GROUP BY b.id ORDER BY length(b.code), b.code`)
	if err != nil {
		return f, err
	}
	for rows.Next() {
		var l LevelRatio
		var b, i int64
		if err := rows.Scan(&l.ID, &l.Name, &b, &i); err != nil {
			rows.Close()
			return f, err
		}
		l.Balance, l.Initial = ledger.Fen(b), ledger.Fen(i)
		l.Ratio, l.Below = ratioText(l.Balance, l.Initial), p.NeedsReplenishment(l.Balance, l.Initial)
		if l.Below {
			f.BuildingsBelow++
		}
		f.Buildings = append(f.Buildings, l)
	}
	rows.Close()
	rows, err = tx.Query(`SELECT u.id, b.code || '-' || u.room, COALESCE(ub.balance_fen, 0), u.initial_fen FROM units u JOIN buildings b ON b.id = u.building_id
		LEFT JOIN unit_balances ub ON ub.unit_id = u.id ORDER BY length(b.code), b.code, length(u.room), u.room`)
	if err != nil {
		return f, err
	}
	defer rows.Close()
	for rows.Next() {
		var l LevelRatio
		var b, i int64
		if err := rows.Scan(&l.ID, &l.Name, &b, &i); err != nil {
			return f, err
		}
		l.Balance, l.Initial = ledger.Fen(b), ledger.Fen(i)
		l.Below = p.NeedsReplenishment(l.Balance, l.Initial)
		if l.Below {
			f.UnitsBelow++
		}
		if withUnits {
			l.Ratio = ratioText(l.Balance, l.Initial)
			f.Units = append(f.Units, l)
		}
	}
	return f, rows.Err()
}

// quarterStatus sums public income by quarter in SQL and applies R2 to each quarter.
func quarterStatus(tx *sqlTx, p ledger.Policy, today string) ([]QuarterStatus, error) {
	rows, err := tx.Query(`SELECT substr(p.date, 1, 4) AS y, (CAST(substr(p.date, 6, 2) AS INTEGER) + 2) / 3 AS q,
		SUM(CASE WHEN a.kind = 'income' THEN -p.amount_fen ELSE 0 END),
		SUM(CASE WHEN a.kind = 'deduction' THEN p.amount_fen ELSE 0 END),
		SUM(CASE WHEN a.code = ? THEN p.amount_fen ELSE 0 END)
		FROM postings p JOIN accounts a ON a.id = p.account_id WHERE a.book = 'public' AND p.date <= ? GROUP BY y, q ORDER BY y, q`,
		ledger.CodePublicToFund, today)
	if err != nil {
		return nil, err
	}
	var out []QuarterStatus
	idx := map[string]int{}
	for rows.Next() {
		var y string
		var q int
		var inc, ded, done int64
		if err := rows.Scan(&y, &q, &inc, &ded, &done); err != nil {
			rows.Close()
			return nil, err
		}
		qs := QuarterStatus{Quarter: fmt.Sprintf("%sQ%d", y, q), Income: ledger.Fen(inc), Deductions: ledger.Fen(ded), Done: ledger.Fen(done)}
		qs.Net = qs.Income.Sub(qs.Deductions)
		idx[qs.Quarter] = len(out)
		out = append(out, qs)
	}
	rows.Close()
	rows, err = tx.Query(`SELECT year, (CAST(substr(date, 6, 2) AS INTEGER) + 2) / 3, SUM(r2_net_fen) FROM vouchers
		WHERE book = 'public' AND r2_net_fen <> 0 AND date <= ? GROUP BY year, 2`, today)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var y, q int
		var net int64
		rows.Scan(&y, &q, &net)
		if i, ok := idx[fmt.Sprintf("%dQ%d", y, q)]; ok {
			out[i].SubjectNet = ledger.Fen(net)
			out[i].Required = p.RequiredTransfer(ledger.Fen(net))
		}
	}
	rows.Close()
	closed := map[string]bool{}
	cr, err := tx.Query(`SELECT period_from, period_to FROM closed_periods WHERE book = 'public'`)
	if err != nil {
		return nil, err
	}
	var periods []ledger.Period
	for cr.Next() {
		var per ledger.Period
		cr.Scan(&per.From, &per.To)
		periods = append(periods, per)
	}
	cr.Close()
	var cumReq, cumDone ledger.Money
	for i := range out {
		cumReq, cumDone = cumReq.Add(out[i].Required), cumDone.Add(out[i].Done)
		out[i].Short = ledger.Shortfall(cumReq, cumDone)
		qp, _ := ledger.QuarterPeriod(out[i].Quarter)
		for _, per := range periods {
			if per.From <= qp.From && per.To >= qp.To {
				closed[out[i].Quarter] = true
			}
		}
		out[i].Closed = closed[out[i].Quarter]
	}
	return out, nil
}

func outstandingAt(tx *sqlTx, p ledger.Policy, date string) (ledger.Money, error) {
	req, err := requiredTransfers(tx, p, date)
	if err != nil {
		return ledger.Zero, err
	}
	done, err := transfersToFund(tx, date)
	if err != nil {
		return ledger.Zero, err
	}
	return ledger.Shortfall(req, done), nil
}

// dueItems lists the disclosures and audits due or overdue (R7).
func dueItems(tx *sqlTx, p ledger.Policy, start string, today time.Time) ([]ledger.DueItem, error) {
	disclosed := map[ledger.Book][]ledger.Period{}
	rows, err := tx.Query(`SELECT book, period_from, period_to FROM disclosures`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var b string
		var per ledger.Period
		rows.Scan(&b, &per.From, &per.To)
		disclosed[ledger.Book(b)] = append(disclosed[ledger.Book(b)], per)
	}
	rows.Close()
	var out []ledger.DueItem
	for _, b := range ledger.Books {
		out = append(out, p.DisclosuresDue(b, start, disclosed[b], today)...)
	}
	// A year is audited when its reported audits together cover the three books: one firm may
	// audit the fund and another the committee's books.
	covered := map[int]string{}
	rows, err = tx.Query(`SELECT year, books FROM audits WHERE report_on <> ''`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var y int
		var books string
		rows.Scan(&y, &books)
		covered[y] += "," + books
	}
	rows.Close()
	audited := map[int]bool{}
	for y, books := range covered {
		audited[y] = coversAllBooks(books)
	}
	return append(out, ledger.AuditsDue(start, audited, today)...), nil
}

// coversAllBooks reports whether an audit's comma-separated books include all three.
func coversAllBooks(books string) bool {
	n := 0
	for _, b := range ledger.Books {
		for _, x := range strings.Split(books, ",") {
			if x == string(b) {
				n++
				break
			}
		}
	}
	return n == len(ledger.Books)
}
