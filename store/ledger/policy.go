package ledger

import "github.com/shopspring/decimal"

// Policy holds the community's rule settings (DESIGN.md §3). Its management rules (管理规约)
// may differ from the defaults, so every threshold is a setting.
type Policy struct {
	// R1: the fund must be replenished when balance < ReplenishThreshold × initial amount.
	ReplenishThreshold decimal.Decimal
	// R1: the default top-up brings each unit to ReplenishTarget × its initial amount.
	ReplenishTarget decimal.Decimal
	// R1: days the owners have to decide after the trigger, and to pay after the bank notice.
	DecisionDays, PaymentDays int
	// R1: the level whose ratio triggers replenishment: "community", "building" or "unit".
	TriggerLevel string
	// R1: garages and other non-residential units count in the fund ratio only when true;
	// by default they are accounted separately (单独核算) and shown as their own line.
	IncludeNonResidential bool

	// R2: while the fund ratio is below TransferThreshold, at least TransferShare of net public
	// income goes to the fund; Strict means strictly more than the share (Shanghai's 高于50%).
	TransferThreshold decimal.Decimal
	TransferShare     decimal.Decimal
	TransferStrict    bool

	// R7: months between disclosures of each book, and days of grace after a period ends.
	FundDisclosureMonths, PublicDisclosureMonths, WorkingDisclosureMonths int
	DisclosureGraceDays                                                   int
}

// DefaultPolicy is the Shanghai default.
func DefaultPolicy() Policy {
	return Policy{
		ReplenishThreshold:      decimal.RequireFromString("0.30"),
		ReplenishTarget:         decimal.RequireFromString("0.50"),
		DecisionDays:            90,
		PaymentDays:             90,
		TriggerLevel:            "community",
		TransferThreshold:       decimal.RequireFromString("0.30"),
		TransferShare:           decimal.RequireFromString("0.50"),
		TransferStrict:          false,
		FundDisclosureMonths:    6,
		PublicDisclosureMonths:  3,
		WorkingDisclosureMonths: 3,
		DisclosureGraceDays:     30,
	}
}

// Validate refuses settings that make no sense.
func (p Policy) Validate() error {
	one := decimal.NewFromInt(1)
	for _, s := range []struct {
		key string
		v   decimal.Decimal
	}{
		{"policy.replenish_threshold", p.ReplenishThreshold},
		{"policy.replenish_target", p.ReplenishTarget},
		{"policy.transfer_threshold", p.TransferThreshold},
		{"policy.transfer_share", p.TransferShare},
	} {
		if s.v.Sign() <= 0 || s.v.GreaterThan(one) {
			return Refuse("policy.ratio_out_of_range", "setting", s.key, "value", s.v.String())
		}
	}
	if p.TransferStrict && p.TransferShare.Equal(one) {
		// strictly more than all of the net income is a transfer no one can make
		return Refuse("policy.ratio_out_of_range", "setting", "policy.transfer_share", "value", p.TransferShare.String())
	}
	if p.ReplenishTarget.LessThan(p.ReplenishThreshold) {
		return Refuse("policy.target_below_threshold")
	}
	if p.DecisionDays <= 0 || p.PaymentDays <= 0 || p.DisclosureGraceDays < 0 {
		return Refuse("policy.days_out_of_range")
	}
	switch p.TriggerLevel {
	case "community", "building", "unit":
	default:
		return Refuse("policy.unknown_level", "value", p.TriggerLevel)
	}
	for _, m := range []int{p.FundDisclosureMonths, p.PublicDisclosureMonths, p.WorkingDisclosureMonths} {
		if m != 1 && m != 3 && m != 6 && m != 12 {
			return Refuse("policy.disclosure_months", "value", m)
		}
	}
	return nil
}
