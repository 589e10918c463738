package ledger

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func mustParse(t testing.TB, s string) Money {
	t.Helper()
	m, err := ParseAmount(s)
	if err != nil {
		t.Fatalf("ParseAmount(%q): %v", s, err)
	}
	return m
}

func day(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

// ---- Policy ----

func TestDefaultPolicyIsShanghaisAndValid(t *testing.T) {
	p := DefaultPolicy()
	mustOK(t, p.Validate())
	if !p.ReplenishThreshold.Equal(dec("0.3")) || !p.ReplenishTarget.Equal(dec("0.5")) ||
		!p.TransferThreshold.Equal(dec("0.3")) || !p.TransferShare.Equal(dec("0.5")) {
		t.Fatalf("default ratios = %+v", p)
	}
	// R2 is the statute: every quarter, strictly more than half (not the national list's ≥ 50%
	// below 30%, which the default used to be).
	if p.DecisionDays != 90 || p.PaymentDays != 90 || p.TriggerLevel != "community" || !p.TransferStrict ||
		p.TransferMode != TransferAlways || !p.Statutory() {
		t.Fatalf("default settings = %+v", p)
	}
	if p.FundDisclosureMonths != 6 || p.PublicDisclosureMonths != 3 {
		t.Fatalf("default disclosure months = %+v", p)
	}
}

func TestPolicyValidateRefusesSettingsThatMakeNoSense(t *testing.T) {
	cases := []struct {
		name    string
		modify  func(p *Policy)
		key     string
		setting string
	}{
		{"strict share of 50%", func(p *Policy) { p.TransferStrict = true }, "", ""},
		{"inclusive share of 100%", func(p *Policy) { p.TransferShare = dec("1"); p.TransferStrict = false }, "", ""},
		{"national list's rule", func(p *Policy) { *p = LegacyTransferPolicy(*p) }, "", ""},
		{"no transfer grace", func(p *Policy) { p.TransferGraceDays = 0 }, "", ""},
		{"unknown transfer mode", func(p *Policy) { p.TransferMode = "sometimes" }, "policy.unknown_transfer_mode", ""},
		{"empty transfer mode", func(p *Policy) { p.TransferMode = "" }, "policy.unknown_transfer_mode", ""},
		{"negative transfer grace", func(p *Policy) { p.TransferGraceDays = -1 }, "policy.days_out_of_range", ""},
		{"threshold equal to target", func(p *Policy) { p.ReplenishTarget = dec("0.3") }, "", ""},
		{"building level", func(p *Policy) { p.TriggerLevel = "building" }, "", ""},
		{"unit level", func(p *Policy) { p.TriggerLevel = "unit" }, "", ""},
		{"yearly disclosure", func(p *Policy) { p.WorkingDisclosureMonths = 12 }, "", ""},
		{"monthly disclosure", func(p *Policy) { p.PublicDisclosureMonths = 1 }, "", ""},
		{"no grace", func(p *Policy) { p.DisclosureGraceDays = 0 }, "", ""},

		{"zero threshold", func(p *Policy) { p.ReplenishThreshold = decimal.Zero }, "policy.ratio_out_of_range", "policy.replenish_threshold"},
		{"target above 100%", func(p *Policy) { p.ReplenishTarget = dec("1.01") }, "policy.ratio_out_of_range", "policy.replenish_target"},
		{"negative transfer threshold", func(p *Policy) { p.TransferThreshold = dec("-0.3") }, "policy.ratio_out_of_range", "policy.transfer_threshold"},
		{"share given as a percentage", func(p *Policy) { p.TransferShare = dec("50") }, "policy.ratio_out_of_range", "policy.transfer_share"},
		{"strictly more than all net income", func(p *Policy) { p.TransferShare = dec("1"); p.TransferStrict = true }, "policy.ratio_out_of_range", "policy.transfer_share"},
		{"target below threshold", func(p *Policy) { p.ReplenishTarget = dec("0.2") }, "policy.target_below_threshold", ""},
		{"no decision days", func(p *Policy) { p.DecisionDays = 0 }, "policy.days_out_of_range", ""},
		{"negative payment days", func(p *Policy) { p.PaymentDays = -1 }, "policy.days_out_of_range", ""},
		{"negative grace", func(p *Policy) { p.DisclosureGraceDays = -1 }, "policy.days_out_of_range", ""},
		{"unknown level", func(p *Policy) { p.TriggerLevel = "district" }, "policy.unknown_level", ""},
		{"empty level", func(p *Policy) { p.TriggerLevel = "" }, "policy.unknown_level", ""},
		{"two-month fund disclosure", func(p *Policy) { p.FundDisclosureMonths = 2 }, "policy.disclosure_months", ""},
		{"no public disclosure", func(p *Policy) { p.PublicDisclosureMonths = 0 }, "policy.disclosure_months", ""},
		{"zero policy", func(p *Policy) { *p = Policy{} }, "policy.ratio_out_of_range", "policy.replenish_threshold"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := DefaultPolicy()
			c.modify(&p)
			err := p.Validate()
			if c.key == "" {
				mustOK(t, err)
				return
			}
			e := wantKey(t, err, c.key)
			if c.setting != "" {
				wantArg(t, e, "setting", c.setting)
			}
		})
	}
}

func TestPolicyValidateNamesTheFirstBadSettingEveryTime(t *testing.T) {
	p := DefaultPolicy()
	p.ReplenishTarget = dec("2")
	p.TransferShare = dec("2")
	for range 50 {
		e := wantKey(t, p.Validate(), "policy.ratio_out_of_range")
		wantArg(t, e, "setting", "policy.replenish_target")
	}
}

// ---- R1 replenishment ----

func TestR1RatioAndTriggerAroundThirtyPercent(t *testing.T) {
	p := DefaultPolicy()
	initial := mustParse(t, "1,000,000.00")
	cases := []struct {
		name, balance, ratio, percent string
		below                         bool
	}{
		{"29.99% must be replenished", "299,900.00", "0.2999", "29.99", true},
		{"one fen below 30% must be replenished", "299,999.99", "0.29999999", "29.99", true},
		{"exactly 30.00% need not", "300,000.00", "0.3", "30.00", false},
		{"one fen above 30% need not", "300,000.01", "0.30000001", "30.00", false},
		{"30.01% need not", "300,100.00", "0.3001", "30.01", false},
		{"empty fund", "0", "0", "0.00", true},
		{"full fund", "1,000,000.00", "1", "100.00", false},
		{"more than the initial amount", "1,500,000.00", "1.5", "150.00", false},
		{"overdrawn fund", "-100.00", "-0.0001", "-0.01", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bal := mustParse(t, c.balance)
			r, ok := Ratio(bal, initial)
			if !ok {
				t.Fatal("Ratio not ok with an initial amount")
			}
			if !r.Equal(dec(c.ratio)) {
				t.Fatalf("Ratio = %s, want %s", r, c.ratio)
			}
			if got := RatioPercent(r); got != c.percent {
				t.Fatalf("RatioPercent = %q, want %q", got, c.percent)
			}
			if got := BelowThreshold(bal, initial, p.ReplenishThreshold); got != c.below {
				t.Fatalf("BelowThreshold = %v, want %v", got, c.below)
			}
			if got := p.NeedsReplenishment(bal, initial); got != c.below {
				t.Fatalf("NeedsReplenishment = %v, want %v", got, c.below)
			}
		})
	}
}

func TestR1ARatioBelowThirtyPercentNeverDisplaysAsThirty(t *testing.T) {
	// a large community: ¥30,000,000.00 initial; one fen below 30% is 0.2999999996…, which
	// must not be shown as 30.00% while the trigger fires.
	initial := mustParse(t, "30,000,000.00")
	bal := mustParse(t, "8,999,999.99")
	if !DefaultPolicy().NeedsReplenishment(bal, initial) {
		t.Fatal("one fen below 30% does not trigger")
	}
	r, _ := Ratio(bal, initial)
	if !r.Equal(dec("0.29999999")) {
		t.Fatalf("Ratio = %s, want 0.29999999 (rounded down)", r)
	}
	if got := RatioPercent(r); got != "29.99" {
		t.Fatalf("RatioPercent = %q, want 29.99", got)
	}
	// and a negative ratio rounds down too
	r, _ = Ratio(Fen(-1), Fen(300))
	if !r.Equal(dec("-0.00333334")) {
		t.Fatalf("Ratio(-0.01, 3.00) = %s, want -0.00333334", r)
	}
}

func TestR1WithNoInitialAmountNothingIsBelow(t *testing.T) {
	p := DefaultPolicy()
	for _, initial := range []Money{Zero, Fen(-100)} {
		r, ok := Ratio(Yuan(5), initial)
		if ok || !r.IsZero() {
			t.Fatalf("Ratio(5, %v) = %s, %v; want 0, false", initial, r, ok)
		}
		if BelowThreshold(Zero, initial, p.ReplenishThreshold) || p.NeedsReplenishment(Zero, initial) {
			t.Fatalf("initial %v: below threshold", initial)
		}
		if LegacyTransferPolicy(p).TransferApplies(Zero, initial) {
			t.Fatalf("initial %v: the national list's R2 applies", initial)
		}
	}
}

func TestR1RatioPercentRoundsDown(t *testing.T) {
	cases := map[string]string{
		"0.29999": "29.99", "0.3": "30.00", "0.29995": "29.99", "0.123456": "12.34", "1": "100.00", "0": "0.00",
		"-0.00001": "-0.01",
	}
	for in, want := range cases {
		if got := RatioPercent(dec(in)); got != want {
			t.Errorf("RatioPercent(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestR1TopUpToFiftyPercentRoundsUp(t *testing.T) {
	p := DefaultPolicy()
	cases := []struct {
		name, initial, balance, want string
	}{
		{"empty sub-account", "10,000.00", "0", "5,000.00"},
		{"partly paid", "10,000.00", "1,000.00", "4,000.00"},
		{"an odd fen's half rounds up", "0.03", "0", "0.02"},
		{"odd fen less what is there", "0.03", "0.01", "0.01"},
		{"odd initial amount", "12,345.67", "2,000.00", "4,172.84"}, // 6,172.835 → 6,172.84
		{"exactly at target", "10,000.00", "5,000.00", "0"},
		{"already above target", "10,000.00", "6,000.00", "0"},
		{"overdrawn sub-account tops up the debt too", "10.00", "-1.00", "6.00"},
		{"no initial amount", "0", "0", "0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := p.TopUp(mustParse(t, c.balance), mustParse(t, c.initial))
			if want := mustParse(t, c.want); got != want {
				t.Fatalf("TopUp = %v, want %v", got, want)
			}
		})
	}
}

func TestR1TopUpFollowsTheTargetSetting(t *testing.T) {
	p := DefaultPolicy()
	p.ReplenishTarget = dec("0.6")
	if got := p.TopUp(Zero, Yuan(100)); got != Yuan(60) {
		t.Fatalf("TopUp to 60%% = %v", got)
	}
}

func TestR1DeadlinesAreNinetyDaysLater(t *testing.T) {
	p := DefaultPolicy()
	cases := []struct{ from, want string }{
		{"2024-03-15", "2024-06-13"},
		{"2024-11-20", "2025-02-18"},
		{"2024-12-31", "2025-03-31"},
	}
	for _, c := range cases {
		if got := FormatDate(p.DecisionDeadline(day(t, c.from))); got != c.want {
			t.Errorf("DecisionDeadline(%s) = %s, want %s", c.from, got, c.want)
		}
		if got := FormatDate(p.PaymentDeadline(day(t, c.from))); got != c.want {
			t.Errorf("PaymentDeadline(%s) = %s, want %s", c.from, got, c.want)
		}
	}
	p.DecisionDays, p.PaymentDays = 30, 60
	if got := FormatDate(p.DecisionDeadline(day(t, "2024-01-31"))); got != "2024-03-01" {
		t.Errorf("30-day decision deadline = %s", got)
	}
	if got := FormatDate(p.PaymentDeadline(day(t, "2024-01-31"))); got != "2024-03-31" {
		t.Errorf("60-day payment deadline = %s", got)
	}
}

// ---- R2 public income to the fund first ----

// The national list's rule (a setting since the statute became the default) binds only below 30%.
func TestR2BelowThresholdModeAppliesOnlyBelowThirtyPercent(t *testing.T) {
	p := LegacyTransferPolicy(DefaultPolicy())
	initial := mustParse(t, "1,000,000.00")
	cases := []struct {
		balance string
		want    bool
	}{
		{"299,900.00", true},
		{"299,999.99", true},
		{"300,000.00", false},
		{"300,100.00", false},
	}
	for _, c := range cases {
		if got := p.TransferApplies(mustParse(t, c.balance), initial); got != c.want {
			t.Errorf("TransferApplies(%s) = %v, want %v", c.balance, got, c.want)
		}
	}
	p.TransferThreshold = dec("0.25")
	if p.TransferApplies(mustParse(t, "250,000.00"), initial) || !p.TransferApplies(mustParse(t, "249,999.99"), initial) {
		t.Error("TransferApplies ignores its own threshold setting")
	}
}

func TestR2RequiredTransferRoundsUpSoItNeverFallsShort(t *testing.T) {
	inclusive := DefaultPolicy()
	inclusive.TransferStrict = false
	strict := DefaultPolicy()
	strict.TransferStrict = true
	seventy := inclusive
	seventy.TransferShare = dec("0.7")
	cases := []struct {
		name string
		p    Policy
		net  string
		want string
	}{
		{"50% of 100,000.01 requires 50,000.01", inclusive, "100,000.01", "50,000.01"},
		{"50% of 100.00 requires 50.00", inclusive, "100.00", "50.00"},
		{"50% of one fen requires one fen", inclusive, "0.01", "0.01"},
		{"50% of two fen requires one fen", inclusive, "0.02", "0.01"},
		{"strictly more than half of 100.00 requires 50.01", strict, "100.00", "50.01"},
		{"strictly more than half of 100.01 requires 50.01", strict, "100.01", "50.01"},
		{"strictly more than half of 100.02 requires 50.02", strict, "100.02", "50.02"},
		{"strictly more than half of one fen requires it all", strict, "0.01", "0.01"},
		{"strictly more than half of two fen requires both", strict, "0.02", "0.02"},
		{"70% of 100.01 requires 70.01", seventy, "100.01", "70.01"},
		{"MaxAmount inclusive", inclusive, "999,999,999,999.99", "500,000,000,000.00"},
		{"MaxAmount strict", strict, "999,999,999,999.99", "500,000,000,000.00"},
		{"zero net requires nothing", inclusive, "0", "0"},
		{"zero net requires nothing, strict", strict, "0", "0"},
		{"a loss requires nothing", inclusive, "-5.00", "0"},
		{"a loss requires nothing, strict", strict, "-5.00", "0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.p.RequiredTransfer(mustParse(t, c.net)); got != mustParse(t, c.want) {
				t.Fatalf("RequiredTransfer(%s) = %v, want %s", c.net, got, c.want)
			}
		})
	}
}

func TestR2ShortfallOfATransfer(t *testing.T) {
	inclusive := DefaultPolicy()
	inclusive.TransferStrict = false
	strict := DefaultPolicy()
	strict.TransferStrict = true
	net := mustParse(t, "100,000.00")
	cases := []struct {
		name string
		p    Policy
		done string
		want string
	}{
		{"49.99% transferred falls short", inclusive, "49,990.00", "10.00"},
		{"one fen short", inclusive, "49,999.99", "0.01"},
		{"50.00% transferred is enough", inclusive, "50,000.00", "0"},
		{"more than required is enough", inclusive, "60,000.00", "0"},
		{"nothing transferred", inclusive, "0", "50,000.00"},
		{"50.00% is not strictly more than half", strict, "50,000.00", "0.01"},
		{"50.00% and one fen is", strict, "50,000.01", "0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Shortfall(c.p.RequiredTransfer(net), mustParse(t, c.done))
			if got != mustParse(t, c.want) {
				t.Fatalf("Shortfall = %v, want %s", got, c.want)
			}
		})
	}
}

// ---- R3 votes ----

// scope of 3,000.00 m² and 30 owners; two thirds are 2,000.00 m² and 20 owners.
func useVote() Vote {
	return Vote{Kind: VoteUse, ScopeArea: 300000, ScopeOwners: 30,
		PartArea: 200000, PartOwners: 20, AgreeArea: 100001, AgreeOwners: 11}
}

func TestR3CheckVote(t *testing.T) {
	cases := []struct {
		name   string
		modify func(v *Vote)
		key    string
		args   map[string]string
	}{
		{"participation exactly 2/3 of area and owners passes", func(v *Vote) {}, "", nil},
		{"everyone participates and agrees", func(v *Vote) {
			v.PartArea, v.PartOwners, v.AgreeArea, v.AgreeOwners = v.ScopeArea, v.ScopeOwners, v.ScopeArea, v.ScopeOwners
		}, "", nil},
		{"participating area 0.01 m² below 2/3 fails", func(v *Vote) { v.PartArea = 199999 },
			"vote.participation_area_low", map[string]string{"share": "66.66"}},
		{"participating owners one below 2/3 fails", func(v *Vote) { v.PartOwners = 19 },
			"vote.participation_owners_low", map[string]string{"share": "63.33"}},
		{"2/3 of an area not divisible by 3: rounding up passes", func(v *Vote) {
			v.ScopeArea, v.PartArea, v.AgreeArea = 100, 67, 34
		}, "", nil},
		{"2/3 of an area not divisible by 3: rounding down fails", func(v *Vote) {
			v.ScopeArea, v.PartArea, v.AgreeArea = 100, 66, 34
		}, "vote.participation_area_low", nil},
		{"use approved by exactly 1/2 of the area fails", func(v *Vote) { v.AgreeArea = 100000 },
			"vote.approval_area_low", map[string]string{"share": "50.00", "need": "> 1/2"}},
		{"use approved by exactly 1/2 of the owners fails", func(v *Vote) { v.AgreeOwners = 10 },
			"vote.approval_owners_low", map[string]string{"share": "50.00", "need": "> 1/2"}},
		{"use approved by 0.01 m² and one owner more than half passes", func(v *Vote) {}, "", nil},
		{"use approved by nobody", func(v *Vote) { v.AgreeArea, v.AgreeOwners = 0, 0 },
			"vote.approval_area_low", map[string]string{"share": "0.00"}},

		{"replenishment approved by exactly 3/4 passes", func(v *Vote) {
			v.Kind, v.AgreeArea, v.AgreeOwners = VoteReplenish, 150000, 15
		}, "", nil},
		{"replenishment 0.01 m² below 3/4 fails", func(v *Vote) {
			v.Kind, v.AgreeArea, v.AgreeOwners = VoteReplenish, 149999, 15
		}, "vote.approval_area_low", map[string]string{"need": "≥ 3/4", "share": "74.99"}},
		{"replenishment one owner below 3/4 fails", func(v *Vote) {
			v.Kind, v.AgreeArea, v.AgreeOwners = VoteReplenish, 150000, 14
		}, "vote.approval_owners_low", map[string]string{"need": "≥ 3/4", "share": "70.00"}},
		{"replenishment by a bare majority fails", func(v *Vote) { v.Kind = VoteReplenish },
			"vote.approval_area_low", nil},

		{"unknown kind", func(v *Vote) { v.Kind = "" }, "vote.unknown_kind", nil},
		{"rebuild is no kind of this ledger", func(v *Vote) { v.Kind = "rebuild" }, "vote.unknown_kind", map[string]string{"kind": "rebuild"}},
		{"no scope area", func(v *Vote) { v.ScopeArea = 0 }, "vote.empty_scope", nil},
		{"no scope owners", func(v *Vote) { v.ScopeOwners = 0 }, "vote.empty_scope", nil},
		{"negative scope", func(v *Vote) { v.ScopeArea = -1 }, "vote.empty_scope", nil},
		{"negative participation", func(v *Vote) { v.PartOwners = -1 }, "vote.negative", nil},
		{"negative agreement", func(v *Vote) { v.AgreeArea = -1 }, "vote.negative", nil},
		{"more area participates than the scope has", func(v *Vote) { v.PartArea = 300001 }, "vote.participation_exceeds_scope", nil},
		{"more owners participate than the scope has", func(v *Vote) { v.PartOwners = 31 }, "vote.participation_exceeds_scope", nil},
		{"more area agrees than participates", func(v *Vote) { v.AgreeArea = 200001 }, "vote.agreement_exceeds_participation", nil},
		{"more owners agree than participate", func(v *Vote) { v.AgreeOwners = 21 }, "vote.agreement_exceeds_participation", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := useVote()
			c.modify(&v)
			err := CheckVote(v)
			if c.key == "" {
				mustOK(t, err)
				return
			}
			e := wantKey(t, err, c.key)
			for k, want := range c.args {
				wantArg(t, e, k, want)
			}
		})
	}
}

func TestR3EmergencyTriggers(t *testing.T) {
	want := []string{"water_supply", "lift_stopped", "fire_safety", "facade_risk", "roof_leak"}
	if len(EmergencyTriggers) != len(want) {
		t.Fatalf("EmergencyTriggers = %v", EmergencyTriggers)
	}
	for i, w := range want {
		if EmergencyTriggers[i] != w {
			t.Fatalf("EmergencyTriggers[%d] = %q, want %q", i, EmergencyTriggers[i], w)
		}
		if !ValidEmergencyTrigger(w) {
			t.Fatalf("%q not valid", w)
		}
	}
	for _, bad := range []string{"", "lift", "LIFT_STOPPED", " lift_stopped", "flood", "vote"} {
		if ValidEmergencyTrigger(bad) {
			t.Fatalf("%q valid", bad)
		}
	}
}

func TestR3CheckCostAudit(t *testing.T) {
	cases := []struct {
		name                    string
		already, expense, audit string
		key                     string
		over                    string
	}{
		{"expense equal to the cost audit passes", "0", "10,000.00", "10,000.00", "", ""},
		{"below the cost audit passes", "0", "9,999.99", "10,000.00", "", ""},
		{"one fen over is refused", "0", "10,000.01", "10,000.00", "project.over_cost_audit", "0.01"},
		{"instalments reaching the cost audit pass", "6,000.00", "4,000.00", "10,000.00", "", ""},
		{"instalments one fen over are refused", "6,000.00", "4,000.01", "10,000.00", "project.over_cost_audit", "0.01"},
		{"already over, anything more is refused", "10,000.00", "1,234.56", "10,000.00", "project.over_cost_audit", "1,234.56"},
		{"no cost audit is refused", "0", "100.00", "0", "project.no_cost_audit", ""},
		{"a negative cost audit is refused", "0", "100.00", "-1.00", "project.no_cost_audit", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckCostAudit(mustParse(t, c.already), mustParse(t, c.expense), mustParse(t, c.audit))
			if c.key == "" {
				mustOK(t, err)
				return
			}
			e := wantKey(t, err, c.key)
			if c.over != "" {
				wantArg(t, e, "over", c.over)
				wantArg(t, e, "costAudit", mustParse(t, c.audit).Grouped())
			}
		})
	}
}
