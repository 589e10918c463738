package ledger

import (
	"slices"
	"testing"
	"time"
)

func TestDisclosureMonthsPerBook(t *testing.T) {
	p := DefaultPolicy()
	if p.DisclosureMonths(BookFund) != 6 || p.DisclosureMonths(BookPublic) != 3 || p.DisclosureMonths(BookWorking) != 3 {
		t.Fatal("default disclosure months wrong")
	}
	p.FundDisclosureMonths, p.PublicDisclosureMonths, p.WorkingDisclosureMonths = 3, 1, 12
	if p.DisclosureMonths(BookFund) != 3 || p.DisclosureMonths(BookPublic) != 1 || p.DisclosureMonths(BookWorking) != 12 {
		t.Fatal("disclosure months ignore the settings")
	}
}

// due is a compact DueItem for disclosures: period, due date, overdue.
type due struct {
	from, to, due string
	overdue       bool
}

func disclosuresOf(items []DueItem, b Book, t *testing.T) []due {
	t.Helper()
	var out []due
	for _, it := range items {
		if it.Kind != "disclosure" || it.Book != b || it.Year != 0 {
			t.Fatalf("item %+v is not a disclosure of %s", it, b)
		}
		out = append(out, due{it.Period.From, it.Period.To, it.Due, it.Overdue})
	}
	return out
}

func TestR7DisclosuresDue(t *testing.T) {
	p := DefaultPolicy() // fund every 6 months, public every quarter, 30 days' grace
	cases := []struct {
		name      string
		book      Book
		start     string
		disclosed []Period
		today     string
		want      []due
	}{
		{"fund started mid-year: the first half-year runs from the start", BookFund, "2024-05-10", nil, "2025-03-01", []due{
			{"2024-05-10", "2024-06-30", "2024-07-30", true},
			{"2024-07-01", "2024-12-31", "2025-01-30", true},
		}},
		{"a period that has not ended is not due yet", BookFund, "2024-05-10", nil, "2024-06-30", nil},
		{"a period is due the day after it ends", BookFund, "2024-05-10", nil, "2024-07-01", []due{
			{"2024-05-10", "2024-06-30", "2024-07-30", false},
		}},
		{"on the due date it is not overdue yet", BookFund, "2024-05-10", nil, "2024-07-30", []due{
			{"2024-05-10", "2024-06-30", "2024-07-30", false},
		}},
		{"the day after the due date it is overdue", BookFund, "2024-05-10", nil, "2024-07-31", []due{
			{"2024-05-10", "2024-06-30", "2024-07-30", true},
		}},
		{"a disclosure from the start covers the first period", BookFund, "2024-05-10",
			[]Period{{"2024-05-10", "2024-06-30"}}, "2025-03-01", []due{
				{"2024-07-01", "2024-12-31", "2025-01-30", true},
			}},
		{"a calendar half-year disclosure covers the first period too", BookFund, "2024-05-10",
			[]Period{{"2024-01-01", "2024-06-30"}}, "2025-03-01", []due{
				{"2024-07-01", "2024-12-31", "2025-01-30", true},
			}},
		{"quarterly fund disclosures cover the half-years", BookFund, "2024-05-10",
			[]Period{{"2024-10-01", "2024-12-31"}, {"2024-05-10", "2024-06-30"}, {"2024-07-01", "2024-09-30"}}, "2025-03-01", nil},
		{"overlapping disclosures cover", BookFund, "2024-07-01",
			[]Period{{"2024-07-01", "2024-10-15"}, {"2024-09-01", "2024-12-31"}}, "2025-03-01", nil},
		{"a yearly disclosure covers both halves", BookFund, "2024-01-01",
			[]Period{{"2024-01-01", "2024-12-31"}}, "2025-03-01", nil},
		{"a gap of one day leaves the period due", BookFund, "2024-07-01",
			[]Period{{"2024-07-01", "2024-09-30"}, {"2024-10-02", "2024-12-31"}}, "2025-03-01", []due{
				{"2024-07-01", "2024-12-31", "2025-01-30", true},
			}},
		{"a disclosure of another period does not cover", BookFund, "2024-01-01",
			[]Period{{"2023-01-01", "2023-12-31"}}, "2024-07-01", []due{
				{"2024-01-01", "2024-06-30", "2024-07-30", false},
			}},
		{"public income quarterly from a mid-quarter start", BookPublic, "2024-05-10", nil, "2024-10-15", []due{
			{"2024-05-10", "2024-06-30", "2024-07-30", true},
			{"2024-07-01", "2024-09-30", "2024-10-30", false},
		}},
		{"public income across the year end", BookPublic, "2024-11-20",
			[]Period{{"2024-11-20", "2024-12-31"}}, "2025-05-01", []due{
				{"2025-01-01", "2025-03-31", "2025-04-30", true},
			}},
		{"working expenses quarterly from the first day of a quarter", BookWorking, "2024-01-01",
			[]Period{{"2024-01-01", "2024-03-31"}}, "2024-07-02", []due{
				{"2024-04-01", "2024-06-30", "2024-07-30", false},
			}},
		{"a start in the future has nothing due", BookFund, "2026-01-01", nil, "2025-03-01", nil},
		{"a bad start has nothing due", BookFund, "2024-13-01", nil, "2025-03-01", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			items := p.DisclosuresDue(c.book, c.start, c.disclosed, day(t, c.today))
			if got := disclosuresOf(items, c.book, t); !slices.Equal(got, c.want) {
				t.Fatalf("DisclosuresDue = %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestR7DisclosureGraceIsASetting(t *testing.T) {
	p := DefaultPolicy()
	p.DisclosureGraceDays = 0
	items := p.DisclosuresDue(BookPublic, "2024-01-01", nil, day(t, "2024-04-01"))
	want := []due{{"2024-01-01", "2024-03-31", "2024-03-31", true}}
	if got := disclosuresOf(items, BookPublic, t); !slices.Equal(got, want) {
		t.Fatalf("DisclosuresDue = %+v, want %+v", got, want)
	}
}

func TestR7DisclosuresOverManyYearsAreConsecutive(t *testing.T) {
	p := DefaultPolicy()
	items := p.DisclosuresDue(BookPublic, "2020-02-15", nil, day(t, "2025-01-01"))
	if len(items) != 20 {
		t.Fatalf("%d quarters due, want 20", len(items))
	}
	for i := 1; i < len(items); i++ {
		prevEnd := day(t, items[i-1].Period.To)
		if FormatDate(prevEnd.AddDate(0, 0, 1)) != items[i].Period.From {
			t.Fatalf("gap or overlap between %+v and %+v", items[i-1].Period, items[i].Period)
		}
	}
	if items[19].Period != (Period{"2024-10-01", "2024-12-31"}) {
		t.Fatalf("last = %+v", items[19].Period)
	}
}

func TestR7AuditsDue(t *testing.T) {
	type audit struct {
		year          int
		from, to, due string
		overdue       bool
	}
	cases := []struct {
		name    string
		start   string
		audited map[int]bool
		today   string
		want    []audit
	}{
		{"a full first year is audited by 30 June of the next", "2024-01-01", nil, "2025-01-01", []audit{
			{2024, "2024-01-01", "2024-12-31", "2025-06-30", false},
		}},
		{"the year is not due before it ends", "2024-01-01", nil, "2024-12-31", nil},
		{"on 30 June it is not overdue yet", "2024-01-01", nil, "2025-06-30", []audit{
			{2024, "2024-01-01", "2024-12-31", "2025-06-30", false},
		}},
		{"from 1 July it is overdue", "2024-01-01", nil, "2025-07-01", []audit{
			{2024, "2024-01-01", "2024-12-31", "2025-06-30", true},
		}},
		{"a short first year rolls into the next", "2024-05-10", nil, "2025-12-31", nil},
		{"the combined first period is due after the second year", "2024-05-10", nil, "2026-01-01", []audit{
			{2025, "2024-05-10", "2025-12-31", "2026-06-30", false},
		}},
		{"the combined first period overdue", "2024-05-10", nil, "2026-07-01", []audit{
			{2025, "2024-05-10", "2025-12-31", "2026-06-30", true},
		}},
		{"started on the last day of a year", "2024-12-31", nil, "2026-01-01", []audit{
			{2025, "2024-12-31", "2025-12-31", "2026-06-30", false},
		}},
		{"started on 2 January", "2024-01-02", nil, "2025-01-01", nil},
		{"audited years are skipped", "2024-01-01", map[int]bool{2024: true}, "2027-03-01", []audit{
			{2025, "2025-01-01", "2025-12-31", "2026-06-30", true},
			{2026, "2026-01-01", "2026-12-31", "2027-06-30", false},
		}},
		{"the combined first audit is recorded under its last year", "2024-05-10", map[int]bool{2025: true}, "2027-01-01", []audit{
			{2026, "2026-01-01", "2026-12-31", "2027-06-30", false},
		}},
		{"everything audited", "2024-01-01", map[int]bool{2024: true, 2025: true}, "2026-03-01", nil},
		{"a bad start has nothing due", "2024/01/01", nil, "2026-03-01", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []audit
			for _, it := range AuditsDue(c.start, c.audited, day(t, c.today)) {
				if it.Kind != "audit" || it.Book != "" {
					t.Fatalf("item %+v is not an audit", it)
				}
				got = append(got, audit{it.Year, it.Period.From, it.Period.To, it.Due, it.Overdue})
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("AuditsDue = %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestR7DisclosuresDueEndsWhenTodayIsPastTheDateRange(t *testing.T) {
	// a laptop whose clock says 2102: the periods run past 2100, where ParseDate stops
	done := make(chan []DueItem, 1)
	go func() {
		done <- DefaultPolicy().DisclosuresDue(BookPublic, "2099-01-01", nil, time.Date(2102, 1, 1, 0, 0, 0, 0, time.UTC))
	}()
	select {
	case items := <-done:
		if len(items) != 12 {
			t.Fatalf("%d quarters due from 2099 to 2101, want 12", len(items))
		}
		last := items[len(items)-1]
		if last.Period != (Period{"2101-10-01", "2101-12-31"}) || last.Due != "2102-01-30" || last.Overdue {
			t.Fatalf("last item = %+v", last)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("DisclosuresDue does not end")
	}
}

// Audit periods count from the opening of the owners' assembly account, not from the first
// day of these books: a ledger moved in mid-life (books from 2026-07-01, account opened in
// 2019) still shows 2026 as a year that needs an audit, by 30 June 2027.
func TestAuditsCountFromTheAssemblyAccount(t *testing.T) {
	type audit struct {
		year     int
		from, to string
		due      string
	}
	cases := []struct {
		name, opened, books, today string
		want                       []audit
	}{
		{"books from mid-2026, account from 2019", "2019-03-01", "2026-07-01", "2027-01-05", []audit{{2026, "2026-01-01", "2026-12-31", "2027-06-30"}}},
		{"counted from the books alone, 2026 would roll into 2027", "2026-07-01", "2026-07-01", "2027-01-05", nil},
		{"account opened mid-2025, books from 2026: the first period still runs from the opening", "2025-05-10", "2026-01-01", "2027-01-05", []audit{{2026, "2025-05-10", "2026-12-31", "2027-06-30"}}},
		{"account opened mid-2025, books from its opening", "2025-05-10", "2025-05-10", "2027-01-05", []audit{{2026, "2025-05-10", "2026-12-31", "2027-06-30"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []audit
			for _, it := range AuditsDueFrom(c.opened, c.books, nil, day(t, c.today)) {
				got = append(got, audit{it.Year, it.Period.From, it.Period.To, it.Due})
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("got %+v\nwant %+v", got, c.want)
			}
		})
	}
}
