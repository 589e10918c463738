package ledger

import (
	"fmt"
	"time"
)

// Quarter names the calendar quarter of a date, e.g. "2024Q3".
func Quarter(t time.Time) string { return fmt.Sprintf("%dQ%d", t.Year(), (int(t.Month())-1)/3+1) }

// Period is a closed range of days, both ends included, in YYYY-MM-DD.
type Period struct {
	From, To string
}

// Contains reports whether date (YYYY-MM-DD) lies within p. Dates in this form order as text.
func (p Period) Contains(date string) bool { return date >= p.From && date <= p.To }

// QuarterPeriod returns the quarter "YYYYQn" as a Period.
func QuarterPeriod(q string) (Period, error) {
	var y, n int
	// Sscanf ignores trailing text and accepts signs and leading zeros: only the canonical
	// form that Quarter writes ("2024Q3") is a quarter.
	if _, err := fmt.Sscanf(q, "%dQ%d", &y, &n); err != nil || n < 1 || n > 4 || y < 1990 || y > 2100 ||
		q != fmt.Sprintf("%dQ%d", y, n) {
		return Period{}, Refuse("period.invalid", "input", q)
	}
	start := time.Date(y, time.Month(3*(n-1)+1), 1, 0, 0, 0, 0, time.UTC)
	return Period{FormatDate(start), FormatDate(start.AddDate(0, 3, -1))}, nil
}

// YearPeriod returns the calendar year as a Period.
func YearPeriod(y int) Period {
	return Period{fmt.Sprintf("%04d-01-01", y), fmt.Sprintf("%04d-12-31", y)}
}

// PeriodOfMonths returns the period of the given length in months (1, 3, 6 or 12) that
// contains t, aligned on the calendar year.
func PeriodOfMonths(t time.Time, months int) Period {
	m0 := (int(t.Month())-1)/months*months + 1
	start := time.Date(t.Year(), time.Month(m0), 1, 0, 0, 0, 0, time.UTC)
	return Period{FormatDate(start), FormatDate(start.AddDate(0, months, -1))}
}

// VoucherNo formats a voucher number: book prefix, year and the consecutive number, e.g.
// "维-2024-0007". Numbers restart each year in each book (R5).
func VoucherNo(b Book, year, n int) string {
	prefix := map[Book]string{BookFund: "维", BookPublic: "公", BookWorking: "经"}[b]
	return fmt.Sprintf("%s-%d-%04d", prefix, year, n)
}
