package app

import (
	"testing"
)

func TestRatioTrendFromTheStartToToday(t *testing.T) {
	sess, d := booksSession(t, "2026-11-22")
	tr, err := NewDashboardService(sess).RatioTrend()
	if err != nil {
		t.Fatal(err)
	}
	// 2025Q3 … 2026Q4: six quarters
	if tr.Threshold != "30" || len(tr.Points) != 6 || tr.Points[0].Quarter != "2025Q3" || tr.Points[0].Date != "2025-09-30" {
		t.Fatalf("trend %+v", tr)
	}
	if p := tr.Points[0]; p.Ratio != "100.00" || p.Below || p.Balance != tr.Initial {
		t.Errorf("after the initial deposits: %+v (initial %s)", p, tr.Initial)
	}
	last := tr.Points[len(tr.Points)-1]
	if last.Date != "2026-11-22" || last.Ratio != "22.00" || !last.Below {
		t.Errorf("today: %+v", last)
	}
	for _, p := range tr.Points {
		if p.Date >= d.Drop && !p.Below {
			t.Errorf("after the lift works: %+v", p)
		}
	}
}
