// Package ledger is the pure accounting core of Jiayuan Ledger: money, books, vouchers and the
// rules R1–R7 of DESIGN.md §3 as plain functions. It imports the standard library and
// shopspring/decimal only; the store calls it inside the transaction that writes.
package ledger

import (
	"fmt"
	"math"

	"github.com/shopspring/decimal"
)

// Money is an exact amount of renminbi in whole fen (0.01 yuan).
//
// It is stored as an integer because the ledger file keeps whole fen in INTEGER columns and
// sums them in SQL; adding and subtracting fen is exact. Every operation that is not a plain
// sum — shares, ratios, percentages, interest — goes through shopspring/decimal and rounds
// back to the fen explicitly, so no float ever touches money.
type Money struct{ fen int64 }

// Fen makes Money from a whole number of fen.
func Fen(n int64) Money { return Money{n} }

// Yuan makes Money from whole yuan; used by tests and the demo generator.
func Yuan(n int64) Money { return Money{n * 100} }

// Zero is no money.
var Zero = Money{}

// Fen returns the amount in whole fen.
func (m Money) Fen() int64 { return m.fen }

// Decimal returns the amount in yuan as an exact decimal.
func (m Money) Decimal() decimal.Decimal { return decimal.New(m.fen, -2) }

// Add returns m+o. It panics on int64 overflow, which no real ledger can reach (92 万亿 yuan).
func (m Money) Add(o Money) Money {
	s := m.fen + o.fen
	if (s > m.fen) != (o.fen > 0) {
		panic("ledger: money overflow")
	}
	return Money{s}
}

// Sub returns m-o.
func (m Money) Sub(o Money) Money { return m.Add(o.Neg()) }

// Neg returns -m.
func (m Money) Neg() Money {
	if m.fen == math.MinInt64 {
		panic("ledger: money overflow")
	}
	return Money{-m.fen}
}

// Abs returns |m|.
func (m Money) Abs() Money {
	if m.fen < 0 {
		return m.Neg()
	}
	return m
}

// Sign is -1, 0 or 1.
func (m Money) Sign() int {
	switch {
	case m.fen < 0:
		return -1
	case m.fen > 0:
		return 1
	}
	return 0
}

// IsZero reports whether m is no money.
func (m Money) IsZero() bool { return m.fen == 0 }

// Cmp compares m and o: -1, 0 or 1.
func (m Money) Cmp(o Money) int {
	switch {
	case m.fen < o.fen:
		return -1
	case m.fen > o.fen:
		return 1
	}
	return 0
}

// String formats as yuan with two decimals and no grouping: "-1234.50". It is the form that
// crosses to the frontend and into exports.
func (m Money) String() string {
	f := m.fen
	sign := ""
	if f < 0 {
		sign = "-"
	}
	u := uint64(f)
	if f < 0 {
		u = uint64(-(f + 1)) + 1
	}
	return fmt.Sprintf("%s%d.%02d", sign, u/100, u%100)
}

// Grouped formats with thousands separators: "1,234,567.89", for reports.
func (m Money) Grouped() string {
	s := m.String()
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	intPart, frac := s[:len(s)-3], s[len(s)-3:]
	out := make([]byte, 0, len(s)+len(s)/3+1)
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, intPart[i])
	}
	res := string(out) + frac
	if neg {
		res = "-" + res
	}
	return res
}

// MoneyCeil rounds a decimal amount in yuan up (towards +∞) to the fen. Required amounts use it
// so that rounding can never make a required transfer or top-up fall short.
func MoneyCeil(yuan decimal.Decimal) Money {
	return Money{yuan.Shift(2).Ceil().IntPart()}
}

// MoneyFloor rounds a decimal amount in yuan down (towards -∞) to the fen.
func MoneyFloor(yuan decimal.Decimal) Money {
	return Money{yuan.Shift(2).Floor().IntPart()}
}

// MoneyRound rounds half away from zero to the fen (used for interest, as banks do).
func MoneyRound(yuan decimal.Decimal) Money {
	return Money{yuan.Shift(2).Round(0).IntPart()}
}

// Sum adds amounts.
func Sum(ms ...Money) Money {
	var t Money
	for _, m := range ms {
		t = t.Add(m)
	}
	return t
}
