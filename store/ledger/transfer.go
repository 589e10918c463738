package ledger

// TransferApplies reports whether R2 binds public income recognised while the fund has this
// balance against its initial amount: always under the statute, only below the threshold
// under the national policy list's rule.
func (p Policy) TransferApplies(fundBalance, initial Money) bool {
	if p.TransferMode == TransferAlways {
		return true
	}
	return BelowThreshold(fundBalance, initial, p.TransferThreshold)
}

// RequiredTransfer is the least transfer to the fund that R2 demands for net public income:
// share × net rounded up to the fen, or, when the share is strict, the least fen amount
// strictly above share × net. Rounding can never make a transfer fall short: 50% of
// ¥100,000.01 requires ¥50,000.01; strictly more than half of ¥100.00 requires ¥50.01.
// Net income of zero or less requires nothing.
func (p Policy) RequiredTransfer(net Money) Money {
	if net.Sign() <= 0 {
		return Zero
	}
	exact := net.Decimal().Mul(p.TransferShare)
	if p.TransferStrict {
		return MoneyFloor(exact).Add(Fen(1))
	}
	return MoneyCeil(exact)
}

// Shortfall is what is still owed: required less done, never negative.
func Shortfall(required, done Money) Money {
	d := required.Sub(done)
	if d.Sign() < 0 {
		return Zero
	}
	return d
}
