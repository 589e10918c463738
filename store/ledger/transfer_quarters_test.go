package ledger

import (
	"testing"
)

// The statute's worked figures (issue 11, DESIGN.md R2): one requirement per quarter, the least
// fen amount strictly above half of the quarter's net income, whatever the fund's level.
func TestR2StatuteWorkedFigures(t *testing.T) {
	p := DefaultPolicy()
	initial := mustParse(t, "1,000,000.00")
	if !p.TransferApplies(mustParse(t, "330,000.00"), initial) {
		t.Fatal("the statute binds a fund at 33% too")
	}
	if LegacyTransferPolicy(p).TransferApplies(mustParse(t, "330,000.00"), initial) {
		t.Fatal("the national list's rule binds only below 30%")
	}
	cases := []struct {
		name string
		nets []string // the quarter's vouchers
		want string
	}{
		{"net 13,168.32 at a fund of 33%", []string{"13,168.32"}, "6,584.17"},
		{"net 100.00", []string{"100.00"}, "50.01"},
		{"net zero", []string{"0"}, "0"},
		{"a loss", []string{"-20.00"}, "0"},
		{"60.00 and 40.01 in one quarter make one requirement", []string{"60.00", "40.01"}, "50.01"},
		{"income and a larger deduction", []string{"100.00", "-100.01"}, "0"},
		{"one fen", []string{"0.01"}, "0.01"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var in []QuarterIncome
			for _, n := range c.nets {
				in = append(in, QuarterIncome{Quarter: "2026Q1", Net: mustParse(t, n)})
			}
			got := TotalShort(p.SettleTransfers(in, nil, "2026-03-31"))
			if got != mustParse(t, c.want) {
				t.Fatalf("required %v, want %s", got, c.want)
			}
		})
	}
	// the separate roundings the statute does not ask for would give more
	sep := p.RequiredTransfer(mustParse(t, "60.00")).Add(p.RequiredTransfer(mustParse(t, "40.01")))
	if sep != mustParse(t, "50.02") { // 30.01 + 20.01
		t.Fatalf("separately rounded: %v", sep)
	}
}

func TestR2SettleTransfersOldestQuarterFirstWithGrace(t *testing.T) {
	p := DefaultPolicy() // 30 grace days: the third quarter's transfer is due by 30 October
	q3 := []QuarterIncome{{Quarter: "2026Q3", Net: mustParse(t, "13,168.32")}}
	both := append(q3, QuarterIncome{Quarter: "2026Q4", Net: mustParse(t, "100.00")})
	tr := func(date, amt string) FundTransfer { return FundTransfer{Date: date, Amount: mustParse(t, amt)} }
	cases := []struct {
		name      string
		incomes   []QuarterIncome
		transfers []FundTransfer
		today     string
		short     []string // per quarter
		overdue   []bool
	}{
		{"nothing transferred, within grace", q3, nil, "2026-10-30", []string{"6,584.17"}, []bool{false}},
		{"nothing transferred, the day after grace", q3, nil, "2026-10-31", []string{"6,584.17"}, []bool{true}},
		{"transfer in early October counts for Q3", q3, []FundTransfer{tr("2026-10-08", "6,584.17")}, "2026-12-31", []string{"0"}, []bool{false}},
		{"one fen short is short", q3, []FundTransfer{tr("2026-10-08", "6,584.16")}, "2026-12-31", []string{"0.01"}, []bool{true}},
		{"a transfer not yet made does not count", q3, []FundTransfer{tr("2026-11-08", "6,584.17")}, "2026-10-31", []string{"6,584.17"}, []bool{true}},
		{"late transfer settles it", q3, []FundTransfer{tr("2026-11-08", "6,584.17")}, "2026-11-08", []string{"0"}, []bool{false}},
		{"oldest first: Q4 stays short", both, []FundTransfer{tr("2026-12-01", "6,584.17")}, "2027-01-31", []string{"0", "50.01"}, []bool{false, true}},
		{"surplus counts toward the next quarter", both, []FundTransfer{tr("2026-10-08", "7,000.00")}, "2027-02-28", []string{"0", "0"}, []bool{false, false}},
		{"a reversed transfer no longer counts", q3, []FundTransfer{tr("2026-10-08", "6,584.17"), tr("2026-10-09", "-6,584.17")}, "2026-12-31", []string{"6,584.17"}, []bool{true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := p.SettleTransfers(c.incomes, c.transfers, c.today)
			if len(got) != len(c.short) {
				t.Fatalf("got %d quarters: %+v", len(got), got)
			}
			for i, q := range got {
				if q.Short != mustParse(t, c.short[i]) || q.Overdue != c.overdue[i] {
					t.Errorf("%s: short %v overdue %v, want %s %v", q.Quarter, q.Short, q.Overdue, c.short[i], c.overdue[i])
				}
				if q.Settled.Add(q.Short) != q.Required {
					t.Errorf("%s: settled %v + short %v ≠ required %v", q.Quarter, q.Settled, q.Short, q.Required)
				}
			}
		})
	}
	if got := p.TransferDueBy("2026Q3"); got != "2026-10-30" {
		t.Fatalf("Q3 due by %s", got)
	}
	p.TransferGraceDays = 0
	if got := p.TransferDueBy("2026Q4"); got != "2026-12-31" {
		t.Fatalf("Q4 without grace due by %s", got)
	}
}

// A building's owners' income is settled only by transfers for that building (their units'
// sub-accounts), and the community's only by the community's.
func TestR2BuildingIncomeIsSettledOnlyByItsOwnTransfers(t *testing.T) {
	p := DefaultPolicy()
	in := []QuarterIncome{
		{Quarter: "2026Q1", Net: mustParse(t, "100.00")},
		{Quarter: "2026Q1", Building: 7, Net: mustParse(t, "60.00")},
		{Quarter: "2026Q1", Building: 7, Net: mustParse(t, "40.01")},
	}
	got := p.SettleTransfers(in, []FundTransfer{{Date: "2026-03-31", Amount: mustParse(t, "200.00")}}, "2026-06-30")
	if len(got) != 2 || got[0].Building != 0 || got[1].Building != 7 {
		t.Fatalf("scopes: %+v", got)
	}
	if got[0].Short != Zero || got[1].Short != mustParse(t, "50.01") || !got[1].Overdue {
		t.Fatalf("the community's transfer settled the building's income: %+v", got)
	}
	got = p.SettleTransfers(in, []FundTransfer{{Date: "2026-03-31", Building: 7, Amount: mustParse(t, "50.01")}}, "2026-06-30")
	if got[0].Short != mustParse(t, "50.01") || got[1].Short != Zero {
		t.Fatalf("the building's transfer: %+v", got)
	}
}

func TestR2RingFence(t *testing.T) {
	cases := []struct {
		name                 string
		before, change, owed string
		free                 string // "" when allowed
	}{
		{"spending down to what is owed", "1,000.00", "-400.00", "600.00", ""},
		{"one fen below what is owed", "1,000.00", "-400.01", "600.00", "400.00"},
		{"nothing owed", "1,000.00", "-1,000.00", "0", ""},
		{"already below what is owed", "500.00", "-0.01", "600.00", "0.00"},
		{"money coming in is never refused", "500.00", "100.00", "600.00", ""},
		{"no change", "500.00", "0", "600.00", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckRingFence(mustParse(t, c.before), mustParse(t, c.change), mustParse(t, c.owed))
			if c.free == "" {
				mustOK(t, err)
				return
			}
			e := wantKey(t, err, "r2.ring_fenced")
			wantArg(t, e, "owed", mustParse(t, c.owed).Grouped())
			wantArg(t, e, "free", c.free)
		})
	}
}

func TestR2StatutorySettings(t *testing.T) {
	p := DefaultPolicy()
	cases := []struct {
		name   string
		modify func(*Policy)
		want   bool
	}{
		{"the default", func(*Policy) {}, true},
		{"the national list's rule", func(p *Policy) { *p = LegacyTransferPolicy(*p) }, false},
		{"every quarter, at least 50%", func(p *Policy) { p.TransferStrict = false }, false},
		{"every quarter, at least 60%", func(p *Policy) { p.TransferStrict = false; p.TransferShare = dec("0.6") }, true},
		{"below 30%, more than 60%", func(p *Policy) { p.TransferMode = TransferBelowThreshold; p.TransferShare = dec("0.6") }, false},
	}
	for _, c := range cases {
		q := p
		c.modify(&q)
		if q.Statutory() != c.want {
			t.Errorf("%s: Statutory() = %v", c.name, !c.want)
		}
	}
}
