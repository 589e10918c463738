package app

import (
	"strings"
	"testing"
)

func TestPeriodsShowWhyBeforeClosingThenClose(t *testing.T) {
	sess, d := booksSession(t, "2026-11-22")
	vs, ps := NewVoucherService(sess), NewPeriodService(sess)
	if _, err := vs.Post(booksIncome(addDaysTo(d.LastQFrom, 9), "")); err != nil {
		t.Fatal(err)
	}
	o, err := ps.Overview()
	if err != nil {
		t.Fatal(err)
	}
	if o.Today != "2026-11-22" || o.Start != d.Start || len(o.Books) != 3 || len(o.Closed) != 2 {
		t.Fatalf("overview %+v", o)
	}
	find := func(o PeriodOverview, book, period string) PeriodCheck {
		for _, b := range o.Books {
			if b.Book == book {
				for _, p := range b.Periods {
					if p.Period == period {
						return p
					}
				}
			}
		}
		t.Fatalf("%s %s not offered", book, period)
		return PeriodCheck{}
	}
	pub := find(o, "public", d.LastQ)
	if pub.CanClose || pub.Refusal == nil || pub.Refusal.Key != "r2.close_shortfall" || pub.Short != "617.25" ||
		!strings.Contains(pub.Refusal.Message, "617.25") || !strings.Contains(pub.Refusal.MessageEn, "617.25") {
		t.Fatalf("public %s: %+v %+v", d.LastQ, pub, pub.Refusal)
	}
	if cur := find(o, "public", "2026Q4"); cur.CanClose || cur.Refusal == nil || cur.Refusal.Key != "period.not_ended" {
		t.Errorf("the quarter in progress: %+v", cur)
	}
	if y := find(o, "fund", "2026"); y.Kind != "year" || y.CanClose || y.Refusal.Key != "period.not_ended" {
		t.Errorf("the year in progress: %+v", y)
	}
	if f := find(o, "fund", d.LastQ); !f.CanClose || f.Refusal != nil {
		t.Errorf("fund %s: %+v", d.LastQ, f)
	}
	for _, b := range o.Books {
		for i := 1; i < len(b.Periods); i++ {
			if b.Periods[i].To > b.Periods[i-1].To {
				t.Errorf("%s not newest first: %s after %s", b.Book, b.Periods[i].Period, b.Periods[i-1].Period)
			}
		}
		for _, p := range b.Periods {
			if p.Closed {
				t.Errorf("closed %s %s offered", b.Book, p.Period)
			}
		}
	}
	if _, err := ps.Close("public", d.LastQ); err == nil {
		t.Fatal("closed with a shortfall")
	}
	if _, err := vs.Transfer(BookTransferRequest{From: "public", To: "fund", Date: d.LastQTo, Amount: "617.25"}); err != nil {
		t.Fatal(err)
	}
	c, err := ps.Check("public", strings.ToLower(d.LastQ))
	if err != nil || !c.CanClose {
		t.Fatalf("after the transfer: %+v %v", c, err)
	}
	done, err := ps.Close("public", d.LastQ)
	if err != nil || !done.Closed || done.ClosedOn != "2026-11-22" || done.CanClose {
		t.Fatalf("close: %+v %v", done, err)
	}
	o, _ = ps.Overview()
	if len(o.Closed) != 3 || o.Closed[0].Period != d.LastQ || o.Closed[0].Book != "public" || o.Closed[0].Kind != "quarter" {
		t.Errorf("closed list %+v", o.Closed)
	}
	// nothing may be posted in it any more
	_, err = vs.Check(booksIncome(addDaysTo(d.LastQFrom, 10), ""))
	booksRefused(t, err, "period.closed")
	_, err = ps.Check("public", "2026Q5")
	booksRefused(t, err, "period.invalid")
}
