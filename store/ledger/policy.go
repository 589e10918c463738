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

	// R2: each quarter, TransferShare of the quarter's net public income goes to the fund;
	// Strict means strictly more than the share (Shanghai's 高于50%). TransferMode says when:
	// TransferAlways (the statute: every quarter, whatever the fund's level) or
	// TransferBelowThreshold (the national policy list's rule: only income recognised while the
	// fund is below TransferThreshold of its initial amount). A quarter's transfer is overdue
	// TransferGraceDays after the quarter ends.
	TransferMode      string
	TransferThreshold decimal.Decimal
	TransferShare     decimal.Decimal
	TransferStrict    bool
	TransferGraceDays int

	// R7: months between disclosures of each book, and days of grace after a period ends.
	FundDisclosureMonths, PublicDisclosureMonths, WorkingDisclosureMonths int
	DisclosureGraceDays                                                   int
}

// The R2 transfer modes.
const (
	TransferAlways         = "always"          // Shanghai regulation art. 51 (art. 63 from 2026-11-01)
	TransferBelowThreshold = "below_threshold" // national policy list (Beijing practice)
)

// DefaultPolicy is Shanghai's statute: replenishment below 30% (art. 65) and, every quarter,
// strictly more than half of the net public income to the fund (art. 51: 补充比例应当高于百分之五十).
func DefaultPolicy() Policy {
	return Policy{
		ReplenishThreshold:      decimal.RequireFromString("0.30"),
		ReplenishTarget:         decimal.RequireFromString("0.50"),
		DecisionDays:            90,
		PaymentDays:             90,
		TriggerLevel:            "community",
		TransferMode:            TransferAlways,
		TransferThreshold:       decimal.RequireFromString("0.30"),
		TransferShare:           decimal.RequireFromString("0.50"),
		TransferStrict:          true,
		TransferGraceDays:       30,
		FundDisclosureMonths:    6,
		PublicDisclosureMonths:  3,
		WorkingDisclosureMonths: 3,
		DisclosureGraceDays:     30,
	}
}

// LegacyTransferPolicy is p with the R2 rule that ledgers made before the statute became the
// default were created with: at least 50% of income recognised while the fund is below 30%.
// A ledger keeps the rule it was made with until its committee switches.
func LegacyTransferPolicy(p Policy) Policy {
	p.TransferMode = TransferBelowThreshold
	p.TransferStrict = false
	return p
}

// Statutory reports whether the R2 settings are Shanghai's statute or stricter: every quarter,
// a share strictly above 50% (or at least a share above 50%).
func (p Policy) Statutory() bool {
	half := decimal.RequireFromString("0.5")
	return p.TransferMode == TransferAlways &&
		(p.TransferShare.GreaterThan(half) || (p.TransferStrict && p.TransferShare.Equal(half)))
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
	switch p.TransferMode {
	case TransferAlways, TransferBelowThreshold:
	default:
		return Refuse("policy.unknown_transfer_mode", "value", p.TransferMode)
	}
	if p.DecisionDays <= 0 || p.PaymentDays <= 0 || p.DisclosureGraceDays < 0 || p.TransferGraceDays < 0 || p.TransferGraceDays > 366 {
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
