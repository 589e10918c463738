package ledger

import (
	"testing"
	"time"
)

func TestExpectedInQuarter(t *testing.T) {
	for _, c := range []struct {
		terms   ContractTerms
		quarter string
		want    string
	}{
		{ContractTerms{"2025-01-01", "2027-12-31", "month", Yuan(1000)}, "2026Q2", "3000.00"},
		{ContractTerms{"2025-01-01", "2027-12-31", "quarter", Yuan(4500)}, "2026Q1", "4500.00"},
		{ContractTerms{"2025-01-01", "2027-12-31", "year", Yuan(18000)}, "2026Q3", "4500.00"},
		{ContractTerms{"2026-05-01", "2027-12-31", "month", Yuan(1000)}, "2026Q2", "2000.00"}, // starts in the quarter's second month
		{ContractTerms{"2026-04-16", "2027-12-31", "month", Yuan(3000)}, "2026Q2", "7500.00"}, // half of April: 15 of 30 days
		{ContractTerms{"2024-01-01", "2026-03-31", "month", Yuan(1000)}, "2026Q2", "0.00"},    // ended
		{ContractTerms{"2025-01-01", "2027-12-31", "year", Fen(100)}, "2026Q1", "0.25"},
		{ContractTerms{"2025-01-01", "2027-12-31", "year", Fen(101)}, "2026Q1", "0.25"}, // 0.2525 rounds once, per quarter
	} {
		if got := ExpectedInQuarter(c.terms, c.quarter); got.String() != c.want {
			t.Errorf("%+v %s: %s, want %s", c.terms, c.quarter, got, c.want)
		}
	}
}

func TestExpiringWithin90Days(t *testing.T) {
	today := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	for end, want := range map[string]bool{"2027-03-06": true, "2027-03-07": false, "2026-12-06": true, "2026-12-05": false} {
		if got := ExpiringWithin(end, today, 90); got != want {
			t.Errorf("%s: %v, want %v", end, got, want)
		}
	}
}
