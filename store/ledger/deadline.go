package ledger

import (
	"fmt"
	"time"
)

// DueItem is something R7 says must be done: a disclosure of a book for a period, or the
// audit of a year.
type DueItem struct {
	Kind    string // "disclosure" or "audit"
	Book    Book   // for a disclosure
	Year    int    // for an audit
	Period  Period
	Due     string // last day, YYYY-MM-DD
	Overdue bool
}

// DisclosureMonths is how often a book must be disclosed.
func (p Policy) DisclosureMonths(b Book) int {
	switch b {
	case BookFund:
		return p.FundDisclosureMonths
	case BookPublic:
		return p.PublicDisclosureMonths
	}
	return p.WorkingDisclosureMonths
}

// DisclosuresDue lists, for one book, every period since the ledger began (start) that has
// ended by today and is not covered by disclosures, with its due date (period end + grace)
// and whether it is overdue. The first period runs from start, not from the calendar period's
// first day, since the ledger holds nothing before it. A period is covered when the disclosed
// periods together span it (disclosing the fund every quarter covers its half-years).
func (p Policy) DisclosuresDue(b Book, start string, disclosed []Period, today time.Time) []DueItem {
	st, err := ParseDate(start)
	if err != nil {
		return nil
	}
	months := p.DisclosureMonths(b)
	todayS := FormatDate(today)
	var out []DueItem
	first := PeriodOfMonths(st, months)
	first.From = FormatDate(st)
	for per := first; per.To < todayS; {
		// per.To is written by FormatDate, so it parses; time.Parse rather than ParseDate,
		// whose 1990–2100 range would turn a period after 2100 into year 1 and loop forever
		end, _ := time.Parse(DateLayout, per.To)
		if !covered(per, disclosed) {
			due := FormatDate(end.AddDate(0, 0, p.DisclosureGraceDays))
			out = append(out, DueItem{Kind: "disclosure", Book: b, Period: per, Due: due, Overdue: todayS > due})
		}
		per = PeriodOfMonths(end.AddDate(0, 0, 1), months)
	}
	return out
}

// covered reports whether the union of the disclosed periods spans per, day by day.
func covered(per Period, disclosed []Period) bool {
	next := per.From // the first day of per not yet known to be covered
	for progress := true; progress; {
		progress = false
		for _, d := range disclosed {
			if d.From > next || d.To < next {
				continue
			}
			if d.To >= per.To {
				return true
			}
			end, err := time.Parse(DateLayout, d.To)
			if err != nil {
				continue
			}
			next = FormatDate(end.AddDate(0, 0, 1))
			progress = true
		}
	}
	return false
}

// AuditsDue lists every calendar year from firstYear that has ended by today and has no audit
// report: the report is due by 30 June of the next year (R7). Per the Shanghai rule, a first
// period shorter than a year runs on to the end of the next year, so a ledger that began after
// 1 January has its first audit cover two calendar years.
func AuditsDue(start string, audited map[int]bool, today time.Time) []DueItem {
	return AuditsDueFrom(start, start, audited, today)
}

// AuditsDueFrom is AuditsDue with the audit periods counted from the day the owners'
// assembly account was opened (S4: the first period runs from the opening to the end of the
// next year), not from the first day of these books: a ledger moved in mid-life, with its
// opening balances, still shows the year that needs an audit. Years that ended before the
// books began are left out (the app holds nothing of them).
func AuditsDueFrom(opened, booksStart string, audited map[int]bool, today time.Time) []DueItem {
	st, err := ParseDate(opened)
	if err != nil {
		return nil
	}
	books, err := ParseDate(booksStart)
	if err != nil {
		books = st
	}
	first := st.Year()
	if st.Month() != time.January || st.Day() != 1 {
		first++ // the first, short year is audited together with the next
	}
	todayS := FormatDate(today)
	var out []DueItem
	for y := first; y < today.Year(); y++ {
		if audited[y] || y < books.Year() {
			continue
		}
		from := fmt.Sprintf("%04d-01-01", y)
		if y == first && first != st.Year() {
			from = FormatDate(st)
		}
		due := fmt.Sprintf("%04d-06-30", y+1)
		out = append(out, DueItem{Kind: "audit", Year: y, Period: Period{from, fmt.Sprintf("%04d-12-31", y)}, Due: due, Overdue: todayS > due})
	}
	return out
}
