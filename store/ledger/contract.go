package ledger

import (
	"time"

	"github.com/shopspring/decimal"
)

// ContractTerms are what the expected income of a public-income contract follows.
type ContractTerms struct {
	Start, End string // first and last day, YYYY-MM-DD
	Period     string // month, quarter, year
	Amount     Money  // per period
}

// ValidContractPeriod reports whether p is a period a contract's amount may be stated per.
func ValidContractPeriod(p string) bool { return p == "month" || p == "quarter" || p == "year" }

// ExpectedInQuarter is the income a contract brings in a calendar quarter (e.g. "2026Q2"):
// the days of the quarter it runs, at its amount per period spread evenly over the days of
// each period, rounded to the fen once for the quarter. A contract running the whole quarter
// of a monthly ¥1,000.00 expects ¥3,000.00 exactly: whole months count as whole amounts.
func ExpectedInQuarter(c ContractTerms, quarter string) Money {
	q, err := QuarterPeriod(quarter)
	if err != nil || c.End < q.From || c.Start > q.To {
		return Zero
	}
	from, to := maxS(c.Start, q.From), minS(c.End, q.To)
	months := map[string]int{"month": 1, "quarter": 3, "year": 12}[c.Period]
	if months == 0 {
		return Zero
	}
	// walk the months of the quarter: a month wholly inside the contract counts 1/months of a
	// period; a part month counts by its days.
	qs, _ := ParseDate(q.From)
	total := Zero.Decimal()
	for i := 0; i < 3; i++ {
		m := qs.AddDate(0, i, 0)
		mFrom, mTo := FormatDate(m), FormatDate(m.AddDate(0, 1, -1))
		a, b := maxS(from, mFrom), minS(to, mTo)
		if a > b {
			continue
		}
		days := daysBetween(a, b) + 1
		monthDays := daysBetween(mFrom, mTo) + 1
		share := c.Amount.Decimal().Div(decimal.NewFromInt(int64(months))).Mul(decimal.NewFromInt(int64(days))).Div(decimal.NewFromInt(int64(monthDays)))
		total = total.Add(share)
	}
	return MoneyRound(total)
}

// ExpiringWithin reports whether a contract ends within days after today (and has not ended).
func ExpiringWithin(end string, today time.Time, days int) bool {
	t := FormatDate(today)
	return end >= t && end <= FormatDate(today.AddDate(0, 0, days))
}

func daysBetween(a, b string) int {
	x, _ := ParseDate(a)
	y, _ := ParseDate(b)
	return int(y.Sub(x).Hours()/24 + 0.5)
}

func maxS(a, b string) string {
	if a > b {
		return a
	}
	return b
}

func minS(a, b string) string {
	if a < b {
		return a
	}
	return b
}
