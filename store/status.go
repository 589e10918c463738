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
	Oversight     Oversight // resolutions not yet published, contracts expiring or without income (R8)
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
	ID      int64        `db:"id"`
	Name    string       `db:"name"`
	Balance ledger.Money `db:"balance_fen"`
	Initial ledger.Money `db:"initial_fen"`
	Ratio   string       `db:"-"`
	Below   bool         `db:"-"`
}

// QuarterStatus is a quarter of public income and the transfer R2 requires for it.
type QuarterStatus struct {
	Quarter    string
	Income     ledger.Money // gross
	Deductions ledger.Money
	Net        ledger.Money
	SubjectNet ledger.Money // net income R2 binds (all of it under the statute)
	Required   ledger.Money // one requirement per quarter and building scope, rounded up
	Done       ledger.Money // transferred to the fund within the quarter (by date)
	Settled    ledger.Money // transfers counted toward this quarter, oldest quarter first
	Short      ledger.Money // Required − Settled, as of today
	DueBy      string       // the quarter's end plus the policy's grace days
	Overdue    bool         // short after DueBy
	Closed     bool
}

// Status computes the status on today (YYYY-MM-DD) in one read snapshot, from aggregates.
func (s *Store) Status(today time.Time, withUnits bool) (Status, error) {
	st := Status{Today: ledger.FormatDate(today), Books: map[ledger.Book]ledger.Money{}}
	var policy ledger.Policy
	err := s.read(bg, func(tx *sqlTx) error {
		c, err := st.readBooks(tx)
		if err != nil {
			return err
		}
		p := c.Policy
		policy = p
		if st.Chain, err = chainHead(tx); err != nil {
			return err
		}
		sums := s.buildingSumsBeside(tx, p, st.Chain)
		if st.Quarters, err = quarterStatus(tx, p, st.Today); err != nil {
			return err
		}
		if st.Outstanding, err = owedToFund(tx, p, st.Today); err != nil {
			return err
		}
		if st.Due, err = dueItems(tx, p, c.StartDate, c.AuditStart(), today); err != nil {
			return err
		}
		var b []buildingSums
		if sums != nil {
			r := <-sums
			if b, err = r.sums, r.err; err != nil {
				return err
			}
		}
		st.Fund, err = fundStatus(tx, p, st.Books[ledger.BookFund], withUnits, b)
		return err
	})
	if err != nil {
		return st, err
	}
	// only the case still open is read and completed (its terms and the units owing, which sum
	// every due): a closed one's payments, a sub-ledger line per unit, are not shown here
	cases, err := s.listCases(" WHERE c.status <> 'closed'", " LIMIT 1")
	if err != nil {
		return st, err
	}
	if len(cases) > 0 {
		if err := s.completeCase(&cases[0], policy); err != nil {
			return st, err
		}
		st.Replenishment = &cases[0]
	}
	st.Oversight, err = s.oversight(today)
	return st, err
}

// readBooks fills in the community's name and the books' balances, and returns the community.
func (st *Status) readBooks(tx *sqlTx) (Community, error) {
	c, err := readCommunity(tx)
	if err != nil {
		return c, err
	}
	st.Community = c.Name
	for _, b := range ledger.Books {
		if st.Books[b], err = bookBalance(tx, b); err != nil {
			return c, err
		}
	}
	return c, nil
}

func ratioText(bal, initial ledger.Money) string {
	r, ok := ledger.Ratio(bal, initial)
	if !ok {
		return ""
	}
	return ledger.RatioPercent(r)
}

func fundStatus(tx *sqlTx, p ledger.Policy, bal ledger.Money, withUnits bool, sums []buildingSums) (FundStatus, error) {
	f := FundStatus{Balance: bal, Threshold: p.ReplenishThreshold.Shift(2).String()}
	if sums == nil {
		var err error
		if sums, err = readBuildingSums(tx, p); err != nil {
			return f, err
		}
	}
	var all, nb, ni int64
	var nonRes int
	f.Buildings = make([]LevelRatio, len(sums))
	for i, b := range sums {
		all, nb, ni, nonRes = all+b.Initial, nb+b.NonResBalance, ni+b.NonResInitial, nonRes+b.NonResUnits
		f.UnitsBelow += b.UnitsBelow
		l := LevelRatio{ID: b.ID, Name: b.Name, Balance: ledger.Fen(b.Balance), Initial: ledger.Fen(b.Initial)}
		l.Ratio, l.Below = ratioText(l.Balance, l.Initial), p.NeedsReplenishment(l.Balance, l.Initial)
		if l.Below {
			f.BuildingsBelow++
		}
		f.Buildings[i] = l
	}
	fs := splitFund(p, bal, all, nb, ni, nonRes)
	f.Balance, f.Initial, f.Separate = fs.Balance, fs.Initial, fs.Separate
	if fs.NonResUnits > 0 {
		f.NonResidential = LevelRatio{Name: "non_residential", Balance: fs.NonResBalance, Initial: fs.NonResInitial,
			Ratio: ratioText(fs.NonResBalance, fs.NonResInitial)}
	}
	f.Ratio = ratioText(f.Balance, f.Initial)
	f.Below = p.NeedsReplenishment(f.Balance, f.Initial)
	if !withUnits {
		return f, nil
	}
	if err := tx.Select(&f.Units, `SELECT u.id, b.code || '-' || u.room AS name, COALESCE(ub.balance_fen, 0) AS balance_fen, u.initial_fen
		FROM units u JOIN buildings b ON b.id = u.building_id
		LEFT JOIN unit_balances ub ON ub.unit_id = u.id ORDER BY length(b.code), b.code, length(u.room), u.room`); err != nil {
		return f, err
	}
	// the list decides each unit in Go (ledger.BelowThreshold); the count above came from SQL,
	// and status_counts_test holds the two to the same answer
	for i := range f.Units {
		l := &f.Units[i]
		l.Ratio, l.Below = ratioText(l.Balance, l.Initial), p.NeedsReplenishment(l.Balance, l.Initial)
	}
	return f, nil
}

// quarterStatus sums public income by quarter in SQL and applies R2 to each quarter.
func quarterStatus(tx *sqlTx, p ledger.Policy, today string) ([]QuarterStatus, error) {
	var sums []struct {
		Year       string       `db:"y"`
		Q          int          `db:"q"`
		Income     ledger.Money `db:"income"`
		Deductions ledger.Money `db:"deductions"`
		Done       ledger.Money `db:"done"`
	}
	if err := tx.Select(&sums, `SELECT substr(p.date, 1, 4) AS y, (CAST(substr(p.date, 6, 2) AS INTEGER) + 2) / 3 AS q,
		SUM(CASE WHEN a.kind = 'income' THEN -p.amount_fen ELSE 0 END) AS income,
		SUM(CASE WHEN a.kind = 'deduction' THEN p.amount_fen ELSE 0 END) AS deductions,
		SUM(CASE WHEN a.code = ? THEN p.amount_fen ELSE 0 END) AS done
		FROM postings p JOIN accounts a ON a.id = p.account_id WHERE a.book = 'public' AND p.date <= ? GROUP BY y, q ORDER BY y, q`,
		ledger.CodePublicToFund, today); err != nil {
		return nil, err
	}
	var out []QuarterStatus
	idx := map[string]int{}
	for _, r := range sums {
		qs := QuarterStatus{Quarter: fmt.Sprintf("%sQ%d", r.Year, r.Q), Income: r.Income, Deductions: r.Deductions, Done: r.Done}
		qs.Net = qs.Income.Sub(qs.Deductions)
		idx[qs.Quarter] = len(out)
		out = append(out, qs)
	}
	settled, err := settleTransfers(tx, p, today)
	if err != nil {
		return nil, err
	}
	for _, x := range settled {
		i, ok := idx[x.Quarter]
		if !ok {
			continue
		}
		q := &out[i]
		q.SubjectNet, q.Required = q.SubjectNet.Add(x.Net), q.Required.Add(x.Required)
		q.Settled, q.Short = q.Settled.Add(x.Settled), q.Short.Add(x.Short)
		q.DueBy, q.Overdue = x.DueBy, q.Overdue || x.Overdue
	}
	for i := range out {
		if out[i].DueBy == "" {
			out[i].DueBy = p.TransferDueBy(out[i].Quarter)
		}
	}
	closed := map[string]bool{}
	periods, err := selectPeriods(tx, `SELECT period_from, period_to FROM closed_periods WHERE book = 'public'`)
	if err != nil {
		return nil, err
	}
	for i := range out {
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

// dueItems lists the disclosures and audits due or overdue (R7).
func dueItems(tx *sqlTx, p ledger.Policy, start, auditStart string, today time.Time) ([]ledger.DueItem, error) {
	disclosed := map[ledger.Book][]ledger.Period{}
	var periods []bookPeriod
	if err := tx.Select(&periods, `SELECT book, period_from, period_to FROM disclosures`); err != nil {
		return nil, err
	}
	for _, bp := range periods {
		disclosed[bp.Book] = append(disclosed[bp.Book], bp.Period())
	}
	var out []ledger.DueItem
	for _, b := range ledger.Books {
		out = append(out, p.DisclosuresDue(b, start, disclosed[b], today)...)
	}
	// A year is audited when its reported audits together cover the three books: one firm may
	// audit the fund and another the committee's books.
	covered := map[int]string{}
	var audits []struct {
		Year  int    `db:"year"`
		Books string `db:"books"`
	}
	if err := tx.Select(&audits, `SELECT year, books FROM audits WHERE report_on <> ''`); err != nil {
		return nil, err
	}
	for _, a := range audits {
		covered[a.Year] += "," + a.Books
	}
	audited := map[int]bool{}
	for y, books := range covered {
		audited[y] = coversAllBooks(books)
	}
	return append(out, ledger.AuditsDueFrom(auditStart, start, audited, today)...), nil
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
