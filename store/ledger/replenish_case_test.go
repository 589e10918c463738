package ledger

import (
	"testing"
	"time"
)

// The worked example: trigger 2026-01-10 → decision deadline 2026-04-10; the notice is
// refused on 2026-04-10 (naming 2026-04-11), allowed on 2026-04-11; a notice of 2026-04-15
// makes the payment due 2026-07-14; a unit with initial ¥60,000.00 and balance ¥10,000.00 owes
// ¥20,000.00.
func TestBankNoticeOrderWorkedExample(t *testing.T) {
	p := DefaultPolicy()
	trig := day(t, "2026-01-10")
	if got := FormatDate(p.DecisionDeadline(trig)); got != "2026-04-10" {
		t.Fatalf("decision deadline %s", got)
	}
	if got := FormatDate(p.NoticeFrom(trig)); got != "2026-04-11" {
		t.Fatalf("notice from %s", got)
	}
	for _, c := range []struct {
		notice  string
		decided bool
		key     string
	}{
		{"2026-01-09", false, "replenish.notice_before_trigger"},
		{"2026-01-10", false, "replenish.notice_too_early"},
		{"2026-04-10", false, "replenish.notice_too_early"}, // day 90: the owners may still decide
		{"2026-04-11", false, ""},                           // day 91
		{"2026-04-15", false, ""},
		{"2026-04-15", true, "replenish.notice_after_decision"}, // a decision's terms replace the default path
	} {
		err := p.CheckBankNotice(trig, day(t, c.notice), c.decided)
		if KeyOf(err) != c.key {
			t.Errorf("notice %s decided=%v: %v, want %q", c.notice, c.decided, err, c.key)
		}
		if c.key == "replenish.notice_too_early" {
			if e := err.(*Error); e.Args["from"] != "2026-04-11" || e.Args["deadline"] != "2026-04-10" {
				t.Errorf("too early names %v, want from 2026-04-11", e.Args)
			}
		}
	}
	terms := p.DefaultTerms(day(t, "2026-04-15"))
	if FormatDate(terms.FirstDue) != "2026-07-14" || terms.Instalments != 1 {
		t.Fatalf("default terms %+v", terms)
	}
	if due := terms.UnitDue(mustParse(t, "10000.00"), mustParse(t, "60000.00"), 10000); due != mustParse(t, "20000.00") {
		t.Fatalf("due %s, want 20000.00", due)
	}
	mustOK(t, terms.Validate(day(t, "2026-04-15")))
}

func TestTermsUnitDue(t *testing.T) {
	for _, c := range []struct {
		name          string
		terms         ReplenishTerms
		base, initial string
		area          int64
		want          string
	}{
		{"share 50%", ReplenishTerms{Basis: BasisShare, Share: dec("0.5")}, "10000.00", "60000.00", 0, "20000.00"},
		{"half a fen rounds up", ReplenishTerms{Basis: BasisShare, Share: dec("0.5")}, "3000.01", "10000.01", 0, "2000.00"},
		{"one fen short", ReplenishTerms{Basis: BasisShare, Share: dec("0.5")}, "29999.99", "60000.00", 0, "0.01"},
		{"already above", ReplenishTerms{Basis: BasisShare, Share: dec("0.5")}, "30000.01", "60000.00", 0, "0.00"},
		{"negative balance", ReplenishTerms{Basis: BasisShare, Share: dec("0.5")}, "-100.00", "1000.00", 0, "600.00"},
		{"per m²", ReplenishTerms{Basis: BasisPerM2, PerM2: mustParse(t, "30.00")}, "99999.00", "0", 8875, "2662.50"},
		{"per m² rounds up", ReplenishTerms{Basis: BasisPerM2, PerM2: mustParse(t, "0.33")}, "0", "0", 1001, "3.31"},
		{"waive", ReplenishTerms{Basis: BasisWaive}, "0", "60000.00", 10000, "0.00"},
	} {
		got := c.terms.UnitDue(mustParse(t, c.base), mustParse(t, c.initial), c.area)
		if got != mustParse(t, c.want) {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// Four quarterly instalments of ¥20,000.01: the odd fen goes to the first; the dates step by
// three months from the first due date.
func TestScheduleAddsUp(t *testing.T) {
	terms := ReplenishTerms{Basis: BasisShare, Share: dec("0.5"), Instalments: 4, FirstDue: day(t, "2026-05-31"), IntervalMonths: 3}
	s := terms.Schedule(mustParse(t, "20000.03"))
	want := []struct{ due, amount string }{{"2026-05-31", "5000.01"}, {"2026-08-31", "5000.01"}, {"2026-11-30", "5000.01"}, {"2027-02-28", "5000.00"}}
	// a month end stays a month end (time.AddDate would give 2026-12-01 and 2027-03-03)
	var sum Money
	for i, w := range want {
		if FormatDate(s[i].Due) != w.due || s[i].Amount != mustParse(t, w.amount) {
			t.Errorf("instalment %d: %s %s, want %s %s", i+1, FormatDate(s[i].Due), s[i].Amount, w.due, w.amount)
		}
		sum = sum.Add(s[i].Amount)
	}
	if sum != mustParse(t, "20000.03") {
		t.Fatalf("instalments add up to %s", sum)
	}
	if got := DueBy(s, day(t, "2026-08-31")); got != mustParse(t, "10000.02") {
		t.Errorf("due by 2026-08-31: %s", got)
	}
	if got := DueBy(s, day(t, "2026-05-30")); !got.IsZero() {
		t.Errorf("due before the first instalment: %s", got)
	}
}

func TestTermsValidate(t *testing.T) {
	dd := day(t, "2026-03-01")
	ok := ReplenishTerms{Basis: BasisShare, Share: dec("0.5"), Instalments: 4, FirstDue: dd, IntervalMonths: 3}
	mustOK(t, ok.Validate(dd))
	for _, c := range []struct {
		key string
		mod func(*ReplenishTerms)
	}{
		{"replenish.terms_basis", func(r *ReplenishTerms) { r.Basis = "x" }},
		{"replenish.terms_share", func(r *ReplenishTerms) { r.Share = dec("0") }},
		{"replenish.terms_share", func(r *ReplenishTerms) { r.Share = dec("1.01") }},
		{"replenish.terms_per_m2", func(r *ReplenishTerms) { r.Basis = BasisPerM2 }},
		{"replenish.terms_instalments", func(r *ReplenishTerms) { r.Instalments = 0 }},
		{"replenish.terms_instalments", func(r *ReplenishTerms) { r.Instalments = MaxInstalments + 1 }},
		{"replenish.terms_interval", func(r *ReplenishTerms) { r.IntervalMonths = 0 }},
		{"replenish.terms_first_due", func(r *ReplenishTerms) { r.FirstDue = dd.AddDate(0, 0, -1) }},
		{"replenish.terms_first_due", func(r *ReplenishTerms) { r.FirstDue = time.Time{} }},
		{"", func(r *ReplenishTerms) { r.Basis = BasisWaive; r.Instalments = 0 }},
		{"", func(r *ReplenishTerms) { r.Instalments = 1; r.IntervalMonths = 0 }},
	} {
		r := ok
		c.mod(&r)
		if got := KeyOf(r.Validate(dd)); got != c.key {
			t.Errorf("%+v: %q, want %q", r, got, c.key)
		}
	}
}

// A case closes only when every due is paid; the ratio has nothing to do with it.
func TestCaseProgress(t *testing.T) {
	f := func(s string) Money { return mustParse(t, s) }
	for _, c := range []struct {
		name    string
		dues    []UnitOwing
		owing   int
		out     string
		settled bool
	}{
		{"no dues yet", nil, 0, "0", false},
		{"all owe", []UnitOwing{{f("20000.00"), f("0")}, {f("100.00"), f("0")}}, 2, "20100.00", false},
		{"one fen short", []UnitOwing{{f("20000.00"), f("19999.99")}, {f("100.00"), f("100.00")}}, 1, "0.01", false},
		{"all paid", []UnitOwing{{f("20000.00"), f("20000.00")}, {f("100.00"), f("100.00")}}, 0, "0", true},
		{"waived (due = paid)", []UnitOwing{{f("50.00"), f("50.00")}}, 0, "0", true},
	} {
		owing, out, settled := CaseProgress(c.dues)
		if owing != c.owing || out != f(c.out) || settled != c.settled {
			t.Errorf("%s: %d %s %v", c.name, owing, out, settled)
		}
	}
}

func TestFundEstablished(t *testing.T) {
	f := func(s string) Money { return mustParse(t, s) }
	for _, c := range []struct {
		deposited, required string
		opening             bool
		want                bool
	}{
		{"0", "50000.00", false, false},
		{"1000.00", "50000.00", false, false}, // a new ledger's first deposits
		{"49999.99", "50000.00", false, false},
		{"50000.00", "50000.00", false, true},
		{"0", "50000.00", true, true}, // opening balance posted
		{"0", "0", false, false},
	} {
		if got := FundEstablished(f(c.deposited), f(c.required), c.opening); got != c.want {
			t.Errorf("%+v: %v", c, got)
		}
	}
}

func TestResidential(t *testing.T) {
	p := DefaultPolicy()
	for ht, want := range map[string]bool{"commodity": true, "public_sold": true, "garage": false, "non_residential": false} {
		if p.Residential(ht) != want {
			t.Errorf("%s: %v", ht, !want)
		}
	}
	p.IncludeNonResidential = true
	if !p.Residential("garage") {
		t.Error("garage excluded when the policy includes it")
	}
}

func TestCheckEmergencyUse(t *testing.T) {
	exp := day(t, "2026-05-10")
	full := EmergencyRecord{ApprovedOn: "2026-05-01", Certificate: true, InformedOn: "2026-05-02"}
	for _, c := range []struct {
		trigger string
		mod     func(*EmergencyRecord)
		key     string
	}{
		{"facade_risk", func(*EmergencyRecord) {}, ""},
		{"roof_leak", func(r *EmergencyRecord) { r.Certificate = false }, "emergency.certificate_missing"},
		{"facade_risk", func(r *EmergencyRecord) { r.Certificate = false }, "emergency.certificate_missing"},
		{"lift_stopped", func(r *EmergencyRecord) { r.Certificate = false }, ""}, // the regulator's order is its document
		{"water_supply", func(r *EmergencyRecord) { r.ApprovedOn = "" }, "emergency.approval_missing"},
		{"water_supply", func(r *EmergencyRecord) { r.InformedOn = "" }, "emergency.informed_missing"},
		{"water_supply", func(r *EmergencyRecord) { r.ApprovedOn = "2026-05-11" }, "emergency.approval_after_expense"},
		{"water_supply", func(r *EmergencyRecord) { r.ApprovedOn = "2026-05-10"; r.InformedOn = "2026-05-10" }, ""},
		{"water_supply", func(r *EmergencyRecord) { r.InformedOn = "2026-05-11" }, "emergency.informed_after_expense"},
	} {
		r := full
		c.mod(&r)
		if got := KeyOf(CheckEmergencyUse(c.trigger, r, exp)); got != c.key {
			t.Errorf("%s %+v: %q, want %q", c.trigger, r, got, c.key)
		}
	}
}
