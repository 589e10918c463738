package ledger

import (
	"strings"

	"github.com/shopspring/decimal"
)

// The property company's quarterly statement (季度收支报告): per contract or source, the gross
// income it collected into the supervised account (监管账户), the deductions it took with their
// basis (tax, labour, its agreed management cost — S5 (十二), Civil Code art. 282) and the net
// owed to the owners. What it keeps is settled by contract: no Shanghai text fixes a share
// (domain research §4.3), so the register records each contract's agreed management share and
// a line whose labour and management cost exceed it is a variance to question — not refused,
// not silently accepted.

// StatementLine is one line of a statement as the core checks it.
type StatementLine struct {
	ContractID int64 // 0: a line the statement gives no contract for
	Gross      Money
	Tax        Money
	Labour     Money
	Management Money
	Basis      string // the basis of the deductions: contract clause, resolution
}

// Deductions is what the property company took from the line's gross.
func (l StatementLine) Deductions() Money { return l.Tax.Add(l.Labour).Add(l.Management) }

// Kept is what the property company kept for itself: its labour and management cost. Taxes
// are the state's; the contract's agreed share bounds the rest.
func (l StatementLine) Kept() Money { return l.Labour.Add(l.Management) }

// Net is what the line owes the owners.
func (l StatementLine) Net() Money { return l.Gross.Sub(l.Deductions()) }

// Check refuses a line that cannot be booked: no gross, a negative deduction, deductions
// beyond the gross, or deductions without a basis.
func (l StatementLine) Check() error {
	if l.Gross.Sign() <= 0 {
		return Refuse("statement.gross_not_positive", "input", l.Gross.String())
	}
	for _, d := range []Money{l.Tax, l.Labour, l.Management} {
		if d.Sign() < 0 {
			return Refuse("statement.deduction_negative", "input", d.String())
		}
	}
	if l.Deductions().Cmp(l.Gross) > 0 {
		return Refuse("statement.deductions_exceed_gross", "deductions", l.Deductions().Grouped(), "gross", l.Gross.Grouped())
	}
	if l.Deductions().Sign() > 0 && strings.TrimSpace(l.Basis) == "" {
		return Refuse("statement.basis_required")
	}
	return nil
}

// ParseSharePercent reads a contract's agreed management share in percent: 0 to 100, at most
// two decimals ("30", "12.5"). "" is no share on record.
func ParseSharePercent(s string) (decimal.Decimal, bool, error) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "%")
	if s == "" {
		return decimal.Zero, false, nil
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.Sign() < 0 || d.GreaterThan(decimal.NewFromInt(100)) || d.Exponent() < -2 && !d.Equal(d.Round(2)) {
		return decimal.Zero, false, Refuse("contract.bad_share", "input", s)
	}
	return d, true, nil
}

// AllowedDeduction is the most a line of this gross may keep at the agreed share, in fen,
// rounded down: what is kept is over the share as soon as it is one fen above share × gross.
func AllowedDeduction(gross Money, sharePercent decimal.Decimal) Money {
	return MoneyFloor(gross.Decimal().Mul(sharePercent).Div(decimal.NewFromInt(100)))
}

// OverShare reports whether what is kept exceeds the agreed share of gross (exactly at the
// share is within it).
func OverShare(gross, deductions Money, sharePercent decimal.Decimal) bool {
	return deductions.Decimal().GreaterThan(gross.Decimal().Mul(sharePercent).Div(decimal.NewFromInt(100)))
}

// StatementContract is what the variance checks read of a contract in the register.
type StatementContract struct {
	ID       int64
	Terms    ContractTerms
	Property bool   // collected by the property company
	Share    string // agreed management share in percent, "" when none is on record
}

// Variance kinds.
const (
	VarianceOverShare   = "over_share"   // a line keeps more than its contract's agreed share
	VarianceMissingLine = "missing_line" // a contract the property company collects, in force, with no line
	VarianceNoContract  = "no_contract"  // a line with no contract in the register
)

// Variance is something in a statement to question.
type Variance struct {
	Kind       string
	Line       int   // 1-based line of the statement; 0 for a missing line
	ContractID int64 // the contract concerned; 0 for a line without one
	Gross      Money
	Deducted   Money  // all deductions of the line
	Kept       Money  // over_share: labour and management cost
	Allowed    Money  // over_share: the most the share allows
	Share      string // over_share: the agreed share in percent
	Expected   Money  // missing_line: what the contract expected in the quarter
}

// StatementVariances checks a quarter's statement lines against the contracts register: lines
// over their contract's agreed share, lines without a contract, and contracts the property
// company collects that expected income in the quarter but have no line.
func StatementVariances(quarter string, lines []StatementLine, contracts []StatementContract) []Variance {
	byID := map[int64]StatementContract{}
	for _, c := range contracts {
		byID[c.ID] = c
	}
	var out []Variance
	seen := map[int64]bool{}
	for i, l := range lines {
		c, ok := byID[l.ContractID]
		if l.ContractID == 0 || !ok {
			out = append(out, Variance{Kind: VarianceNoContract, Line: i + 1, Gross: l.Gross, Deducted: l.Deductions()})
			continue
		}
		seen[c.ID] = true
		share, has, err := ParseSharePercent(c.Share)
		if err != nil || !has {
			continue
		}
		if OverShare(l.Gross, l.Kept(), share) {
			out = append(out, Variance{Kind: VarianceOverShare, Line: i + 1, ContractID: c.ID, Gross: l.Gross, Deducted: l.Deductions(),
				Kept: l.Kept(), Allowed: AllowedDeduction(l.Gross, share), Share: share.String()})
		}
	}
	for _, c := range contracts {
		if !c.Property || seen[c.ID] {
			continue
		}
		if exp := ExpectedInQuarter(c.Terms, quarter); exp.Sign() > 0 {
			out = append(out, Variance{Kind: VarianceMissingLine, ContractID: c.ID, Expected: exp})
		}
	}
	return out
}
