package ledger

import (
	"time"

	"github.com/shopspring/decimal"
)

// The statute's order for a replenishment case (Shanghai regulation art. 65, new art. 79):
// the fund falls below the threshold → the owners' assembly has DecisionDays to decide, and a
// decision sets its own terms; with no decision by then the committee notifies the bank in
// writing, and the bank's notice makes each unit top up to the target share of its initial
// amount in one payment within PaymentDays. The case stays open until every due is paid.

// NoticeFrom is the first day the bank notice may be recorded: the day after the decision
// deadline, since until then the owners may still decide.
func (p Policy) NoticeFrom(trigger time.Time) time.Time {
	return p.DecisionDeadline(trigger).AddDate(0, 0, 1)
}

// CheckBankNotice refuses a bank notice that the statute does not allow yet: before the
// trigger, while the owners' decision period runs (the message names the first day it is
// possible), or once the owners have decided (their terms replace the default path).
func (p Policy) CheckBankNotice(trigger, notice time.Time, decided bool) error {
	if decided {
		return Refuse("replenish.notice_after_decision")
	}
	if notice.Before(trigger) {
		return Refuse("replenish.notice_before_trigger")
	}
	if from := p.NoticeFrom(trigger); notice.Before(from) {
		return Refuse("replenish.notice_too_early", "deadline", FormatDate(p.DecisionDeadline(trigger)), "from", FormatDate(from))
	}
	return nil
}

// The bases on which a decision (or the bank notice) sets each unit's due.
const (
	BasisShare = "share"  // top up to a share of the unit's initial amount (the statute's default: 50%)
	BasisPerM2 = "per_m2" // a fixed amount per m² of the unit's building area
	BasisWaive = "waive"  // the assembly waives what is not yet paid
)

// ReplenishTerms are the terms of a replenishment: the owners' decision sets them; without a
// decision the bank notice applies DefaultTerms.
type ReplenishTerms struct {
	Basis          string
	Share          decimal.Decimal // BasisShare: target share of the initial amount (0.5 = 50%)
	PerM2          Money           // BasisPerM2: amount per m²
	Instalments    int             // number of equal instalments (1 = one payment)
	FirstDue       time.Time       // due date of the first (or only) instalment
	IntervalMonths int             // months between instalments (3 = quarterly)
}

// DefaultTerms are the bank notice's terms: each unit to the policy's target share of its
// initial amount, in one payment due PaymentDays after the notice.
func (p Policy) DefaultTerms(notice time.Time) ReplenishTerms {
	return ReplenishTerms{Basis: BasisShare, Share: p.ReplenishTarget, Instalments: 1, FirstDue: p.PaymentDeadline(notice)}
}

// MaxInstalments bounds a schedule: the historic Shanghai rule allowed three years of
// monthly instalments.
const MaxInstalments = 36

// Validate refuses terms that cannot be applied; decided is the decision's date.
func (t ReplenishTerms) Validate(decided time.Time) error {
	switch t.Basis {
	case BasisShare:
		if t.Share.Sign() <= 0 || t.Share.GreaterThan(decimal.NewFromInt(1)) {
			return Refuse("replenish.terms_share", "value", t.Share.String())
		}
	case BasisPerM2:
		if t.PerM2.Sign() <= 0 {
			return Refuse("replenish.terms_per_m2", "value", t.PerM2.String())
		}
	case BasisWaive:
		return nil
	default:
		return Refuse("replenish.terms_basis", "value", t.Basis)
	}
	if t.Instalments < 1 || t.Instalments > MaxInstalments {
		return Refuse("replenish.terms_instalments", "value", t.Instalments, "max", MaxInstalments)
	}
	if t.Instalments > 1 && t.IntervalMonths < 1 {
		return Refuse("replenish.terms_interval")
	}
	if t.FirstDue.IsZero() || t.FirstDue.Before(decided) {
		return Refuse("replenish.terms_first_due", "date", FormatDate(decided))
	}
	return nil
}

// UnitDue is what the terms make a unit owe. base is the unit's sub-account balance without
// this case's payments (so a decision replacing the dues after some payments counts them
// toward the new due); areaCM2 is its building area in hundredths of m². Rounded up to the fen.
func (t ReplenishTerms) UnitDue(base, initial Money, areaCM2 int64) Money {
	switch t.Basis {
	case BasisShare:
		due := MoneyCeil(initial.Decimal().Mul(t.Share)).Sub(base)
		if due.Sign() < 0 {
			return Zero
		}
		return due
	case BasisPerM2:
		return MoneyCeil(t.PerM2.Decimal().Mul(decimal.New(areaCM2, -2)))
	}
	return Zero
}

// Instalment is one payment of a schedule.
type Instalment struct {
	Due    time.Time
	Amount Money
}

// Schedule splits a unit's due into the terms' instalments: equal parts to the fen, the fen
// left over going one each to the first instalments, so the parts add up to the due exactly.
func (t ReplenishTerms) Schedule(due Money) []Instalment {
	n := t.Instalments
	if n < 1 {
		n = 1
	}
	part, rest := due.Fen()/int64(n), due.Fen()%int64(n)
	out := make([]Instalment, n)
	for i := range out {
		a := part
		if int64(i) < rest {
			a++
		}
		out[i] = Instalment{Due: AddMonthsClamped(t.FirstDue, i*t.IntervalMonths), Amount: Fen(a)}
	}
	return out
}

// AddMonthsClamped adds months to a date, keeping it in the target month: 31 May plus three
// months is 31 August, plus six is 30 November (time.AddDate would say 1 December).
func AddMonthsClamped(d time.Time, months int) time.Time {
	first := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, d.Location()).AddDate(0, months, 0)
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d.Day(), last)-1)
}

// DueBy is how much of the schedule has fallen due on day (instalments due on or before it).
func DueBy(s []Instalment, day time.Time) Money {
	var sum Money
	for _, i := range s {
		if !i.Due.After(day) {
			sum = sum.Add(i.Amount)
		}
	}
	return sum
}

// UnitOwing is one unit's due and what it has paid in a case.
type UnitOwing struct {
	Due, Paid Money
}

// CaseProgress sums a case's dues: the units that still owe and how much. A case is settled
// (it closes) only when it has dues and none is outstanding — the fund ratio returning above
// the threshold does not close it.
func CaseProgress(dues []UnitOwing) (owing int, outstanding Money, settled bool) {
	for _, d := range dues {
		if rest := d.Due.Sub(d.Paid); rest.Sign() > 0 {
			owing++
			outstanding = outstanding.Add(rest)
		}
	}
	return owing, outstanding, len(dues) > 0 && owing == 0
}

// FundEstablished says whether a replenishment case may open at all: not from a new ledger's
// first deposits, only once the units' initial deposits have been recorded in full (or the
// fund's opening balance has been posted for a ledger that starts mid-life).
func FundEstablished(initialDeposited, initialRequired Money, opening bool) bool {
	if opening {
		return true
	}
	return initialRequired.Sign() > 0 && initialDeposited.Cmp(initialRequired) >= 0
}

// Residential reports whether a housing type counts in the residential fund ratio. Garages
// and other non-residential units are accounted separately (单独核算, regulation art. 70/84)
// unless the policy includes them.
func (p Policy) Residential(housingType string) bool {
	if p.IncludeNonResidential {
		return true
	}
	return housingType != "garage" && housingType != "non_residential"
}
