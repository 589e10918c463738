package ledger

import "testing"

func TestQuarterOfADate(t *testing.T) {
	cases := map[string]string{
		"2024-01-01": "2024Q1", "2024-03-31": "2024Q1",
		"2024-04-01": "2024Q2", "2024-06-30": "2024Q2",
		"2024-07-01": "2024Q3", "2024-09-30": "2024Q3",
		"2024-10-01": "2024Q4", "2024-12-31": "2024Q4",
		"1990-01-01": "1990Q1", "2100-12-31": "2100Q4",
	}
	for d, want := range cases {
		if got := Quarter(day(t, d)); got != want {
			t.Errorf("Quarter(%s) = %s, want %s", d, got, want)
		}
	}
}

func TestQuarterPeriod(t *testing.T) {
	cases := []struct{ q, from, to string }{
		{"2024Q1", "2024-01-01", "2024-03-31"},
		{"2024Q2", "2024-04-01", "2024-06-30"},
		{"2024Q3", "2024-07-01", "2024-09-30"},
		{"2024Q4", "2024-10-01", "2024-12-31"},
		{"2023Q1", "2023-01-01", "2023-03-31"},
		{"1990Q1", "1990-01-01", "1990-03-31"},
		{"2100Q4", "2100-10-01", "2100-12-31"},
	}
	for _, c := range cases {
		p, err := QuarterPeriod(c.q)
		mustOK(t, err)
		if p != (Period{c.from, c.to}) {
			t.Errorf("QuarterPeriod(%s) = %+v, want %s..%s", c.q, p, c.from, c.to)
		}
		// both ends lie in the quarter they came from
		if Quarter(day(t, p.From)) != c.q || Quarter(day(t, p.To)) != c.q {
			t.Errorf("QuarterPeriod(%s) = %+v is not that quarter", c.q, p)
		}
	}
}

func TestQuarterPeriodRefusesAnythingButYYYYQn(t *testing.T) {
	for _, q := range []string{
		"", "2024", "Q3", "2024Q", "2024Q0", "2024Q5", "2024Q-1", "2024q3", "2024-Q3", "2024 Q3",
		"1989Q4", "2101Q1", "2024Q3x", "2024Q3 ", " 2024Q3", "2024Q03", "02024Q3", "+2024Q3",
		"2024Q+3", "abcdQ1", "２０２４Q3",
	} {
		t.Run(q, func(t *testing.T) {
			p, err := QuarterPeriod(q)
			e := wantKey(t, err, "period.invalid")
			wantArg(t, e, "input", q)
			if p != (Period{}) {
				t.Fatalf("refusal returned %+v", p)
			}
		})
	}
}

func TestYearPeriod(t *testing.T) {
	if p := YearPeriod(2024); p != (Period{"2024-01-01", "2024-12-31"}) {
		t.Fatalf("YearPeriod(2024) = %+v", p)
	}
}

func TestPeriodOfMonthsIsAlignedOnTheCalendarYear(t *testing.T) {
	cases := []struct {
		date     string
		months   int
		from, to string
	}{
		{"2024-02-29", 1, "2024-02-01", "2024-02-29"},
		{"2023-02-10", 1, "2023-02-01", "2023-02-28"},
		{"2024-12-31", 1, "2024-12-01", "2024-12-31"},
		{"2024-02-29", 3, "2024-01-01", "2024-03-31"},
		{"2024-05-10", 3, "2024-04-01", "2024-06-30"},
		{"2024-12-31", 3, "2024-10-01", "2024-12-31"},
		{"2024-05-10", 6, "2024-01-01", "2024-06-30"},
		{"2024-06-30", 6, "2024-01-01", "2024-06-30"},
		{"2024-07-01", 6, "2024-07-01", "2024-12-31"},
		{"2024-05-10", 12, "2024-01-01", "2024-12-31"},
	}
	for _, c := range cases {
		if got := PeriodOfMonths(day(t, c.date), c.months); got != (Period{c.from, c.to}) {
			t.Errorf("PeriodOfMonths(%s, %d) = %+v, want %s..%s", c.date, c.months, got, c.from, c.to)
		}
	}
	// quarters agree with Quarter/QuarterPeriod every day of a leap year
	for d := day(t, "2024-01-01"); d.Year() == 2024; d = d.AddDate(0, 0, 1) {
		qp, err := QuarterPeriod(Quarter(d))
		mustOK(t, err)
		got := PeriodOfMonths(d, 3)
		if got != qp {
			t.Fatalf("%s: PeriodOfMonths(3) = %+v, QuarterPeriod = %+v", FormatDate(d), got, qp)
		}
		if !got.Contains(FormatDate(d)) {
			t.Fatalf("%s not in its own period %+v", FormatDate(d), got)
		}
	}
}

func TestPeriodContainsBothEnds(t *testing.T) {
	p := Period{"2024-04-01", "2024-06-30"}
	cases := map[string]bool{
		"2024-03-31": false, "2024-04-01": true, "2024-05-15": true, "2024-06-30": true, "2024-07-01": false,
		"2023-05-15": false, "2025-05-15": false,
	}
	for d, want := range cases {
		if got := p.Contains(d); got != want {
			t.Errorf("Contains(%s) = %v, want %v", d, got, want)
		}
	}
}

func TestVoucherNoPerBookAndYear(t *testing.T) {
	cases := []struct {
		b       Book
		year, n int
		want    string
	}{
		{BookFund, 2024, 7, "维-2024-0007"},
		{BookPublic, 2025, 1, "公-2025-0001"},
		{BookWorking, 2024, 9999, "经-2024-9999"},
		{BookWorking, 2024, 12345, "经-2024-12345"},
	}
	for _, c := range cases {
		if got := VoucherNo(c.b, c.year, c.n); got != c.want {
			t.Errorf("VoucherNo(%s, %d, %d) = %q, want %q", c.b, c.year, c.n, got, c.want)
		}
	}
	// numbers of different books or years never collide
	seen := map[string]bool{}
	for _, b := range Books {
		for _, y := range []int{2024, 2025} {
			for n := 1; n <= 20; n++ {
				no := VoucherNo(b, y, n)
				if seen[no] {
					t.Fatalf("%s issued twice", no)
				}
				seen[no] = true
			}
		}
	}
}
