package ledger

import (
	"time"

	"github.com/shopspring/decimal"
)

// Ratio is balance ÷ initial required amount to 8 decimal places, rounded down (towards -∞)
// so that a balance below a threshold never shows a ratio equal to it; ok is false when there
// is no initial amount to compare with (a ledger with no units yet). Decide with
// BelowThreshold, which is exact.
func Ratio(balance, initial Money) (ratio decimal.Decimal, ok bool) {
	if initial.Sign() <= 0 {
		return decimal.Zero, false
	}
	q, r := balance.Decimal().QuoRem(initial.Decimal(), 8)
	if r.Sign() < 0 { // QuoRem truncates towards zero; floor a negative balance's ratio
		q = q.Sub(decimal.New(1, -8))
	}
	return q, true
}

// RatioPercent formats a ratio as a percentage with two decimals, rounded down so that a
// ratio just below the threshold never displays as the threshold (29.999% shows 29.99).
func RatioPercent(r decimal.Decimal) string {
	return r.Shift(2).RoundFloor(2).StringFixed(2)
}

// BelowThreshold reports whether balance < threshold × initial, computed exactly (R1, R2).
// With no initial amount nothing is below.
func BelowThreshold(balance, initial Money, threshold decimal.Decimal) bool {
	if initial.Sign() <= 0 {
		return false
	}
	return balance.Decimal().LessThan(initial.Decimal().Mul(threshold))
}

// NeedsReplenishment is R1's trigger for the given balance and initial amount.
func (p Policy) NeedsReplenishment(balance, initial Money) bool {
	return BelowThreshold(balance, initial, p.ReplenishThreshold)
}

// TopUp is what a unit owes under the default path of R1: enough to bring its sub-account to
// the target share of its initial amount, rounded up to the fen, never negative.
func (p Policy) TopUp(unitBalance, unitInitial Money) Money {
	target := MoneyCeil(unitInitial.Decimal().Mul(p.ReplenishTarget))
	due := target.Sub(unitBalance)
	if due.Sign() < 0 {
		return Zero
	}
	return due
}

// DecisionDeadline is the last day for the owners' decision after the trigger date.
func (p Policy) DecisionDeadline(trigger time.Time) time.Time {
	return trigger.AddDate(0, 0, p.DecisionDays)
}

// PaymentDeadline is the last day to pay after the bank's notice.
func (p Policy) PaymentDeadline(notice time.Time) time.Time {
	return notice.AddDate(0, 0, p.PaymentDays)
}
