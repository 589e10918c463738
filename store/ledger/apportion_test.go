package ledger

import (
	"math"
	"slices"
	"testing"
)

func fens(ms []Money) []int64 {
	out := make([]int64, len(ms))
	for i, m := range ms {
		out[i] = m.Fen()
	}
	return out
}

func TestApportionByLargestRemainder(t *testing.T) {
	cases := []struct {
		name    string
		total   int64
		weights []int64
		want    []int64
	}{
		{"one fen among three equal units goes to the first", 1, []int64{1, 1, 1}, []int64{1, 0, 0}},
		{"two fen among three equal units go to the first two", 2, []int64{1, 1, 1}, []int64{1, 1, 0}},
		{"minus one fen mirrors", -1, []int64{1, 1, 1}, []int64{-1, 0, 0}},
		{"100.00 among areas 1:1:1", 10000, []int64{1, 1, 1}, []int64{3334, 3333, 3333}},
		{"-100.00 among areas 1:1:1 mirrors", -10000, []int64{1, 1, 1}, []int64{-3334, -3333, -3333}},
		{"100.00 among real areas 89.50, 89.50, 89.50 m²", 10000, []int64{8950, 8950, 8950}, []int64{3334, 3333, 3333}},
		{"exact division needs no rounding", 100000, []int64{1, 3}, []int64{25000, 75000}},
		{"largest remainder wins over the earlier entry", 11, []int64{3, 3, 4}, []int64{3, 3, 5}},
		{"remainders 2/3 and 1/3", 5, []int64{100, 200}, []int64{2, 3}},
		{"zero total shares nothing", 0, []int64{1, 2, 3}, []int64{0, 0, 0}},
		{"a unit of zero area pays nothing", 100, []int64{0, 1, 0}, []int64{0, 100, 0}},
		{"zero-area unit never gets the odd fen", 1, []int64{0, 1, 1}, []int64{0, 1, 0}},
		{"one unit pays everything", 12345, []int64{7}, []int64{12345}},
		{"more units than fen", 3, []int64{1, 1, 1, 1, 1}, []int64{1, 1, 1, 0, 0}},
		{"MaxAmount over two equal huge areas", MaxAmount.Fen(), []int64{1 << 61, 1 << 61},
			[]int64{50_000_000_000_000, 49_999_999_999_999}},
		{"MaxAmount over areas summing to int64's maximum", MaxAmount.Fen(), []int64{math.MaxInt64 - 1, 1},
			[]int64{MaxAmount.Fen(), 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Apportion(Fen(c.total), c.weights)
			mustOK(t, err)
			if !slices.Equal(fens(got), c.want) {
				t.Fatalf("Apportion(%d, %v) = %v, want %v", c.total, c.weights, fens(got), c.want)
			}
		})
	}
}

func TestApportionRefusesWhatCannotBeShared(t *testing.T) {
	cases := []struct {
		name    string
		weights []int64
		key     string
	}{
		{"no units", nil, "apportion.no_units"},
		{"empty scope", []int64{}, "apportion.no_units"},
		{"all areas zero", []int64{0, 0, 0}, "apportion.zero_area"},
		{"a negative area", []int64{100, -1, 100}, "apportion.negative_weight"},
		{"areas whose sum overflows", []int64{math.MaxInt64, 1}, "apportion.weights_too_large"},
		{"many large areas whose sum overflows", []int64{1 << 62, 1 << 62, 1 << 62}, "apportion.weights_too_large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, total := range []int64{100, 0, -100} {
				got, err := Apportion(Fen(total), c.weights)
				wantKey(t, err, c.key)
				if got != nil {
					t.Fatalf("refusal returned shares %v", got)
				}
			}
		})
	}
}

// bigScope is 5,000 units with areas from 35.00 m² to 199.99 m², in 0.01 m².
func bigScope() []int64 {
	w := make([]int64, 5000)
	for i := range w {
		w[i] = 3500 + int64(i*7919)%16500
	}
	return w
}

func TestApportionOfMaxAmountOver5000UnitsSumsExactly(t *testing.T) {
	w := bigScope()
	var sumW int64
	for _, x := range w {
		sumW += x
	}
	for _, total := range []Money{MaxAmount, MaxAmount.Neg(), Fen(1), Fen(4999), Fen(5001), Yuan(1_234_567)} {
		shares, err := Apportion(total, w)
		mustOK(t, err)
		if len(shares) != len(w) {
			t.Fatalf("%d shares for %d units", len(shares), len(w))
		}
		if got := Sum(shares...); got != total {
			t.Fatalf("shares of %v sum to %v", total, got)
		}
		for i, s := range shares {
			checkWithinOneFen(t, total, w[i], sumW, s)
		}
	}
}

// checkWithinOneFen fails unless share is the exact proportional share total·w/sumW rounded
// down or up to the fen (so it is less than one fen away from it).
func checkWithinOneFen(t testing.TB, total Money, w, sumW int64, share Money) {
	t.Helper()
	neg := total.Sign() < 0
	tf, sf := total.Fen(), share.Fen()
	if neg {
		tf, sf = -tf, -sf
	}
	q, r := mulDiv(tf, w, sumW) // exact floor and remainder, checked in TestMulDivIsExact
	if sf != q && !(r != 0 && sf == q+1) {
		t.Fatalf("share %v of %v for weight %d/%d: exact is %d + %d/%d fen", share, total, w, sumW, q, r, sumW)
	}
}

func TestMulDivIsExact(t *testing.T) {
	cases := []struct{ a, b, c, q, r int64 }{
		{0, 5, 7, 0, 0},
		{10, 1, 3, 3, 1},
		{MaxAmount.Fen(), 1 << 61, 1 << 62, 49_999_999_999_999, 1 << 61},
		{math.MaxInt64, math.MaxInt64, math.MaxInt64, math.MaxInt64, 0},
		{math.MaxInt64, math.MaxInt64 - 1, math.MaxInt64, math.MaxInt64 - 1, 0},
		{math.MaxInt64, 1, math.MaxInt64, 1, 0},
		{math.MaxInt64, 2, 3, 6148914691236517204, 2}, // 2·(2^63-1) = 3·6148914691236517204 + 2
	}
	for _, c := range cases {
		if c.b > c.c {
			// mulDiv is only used with b <= c (a unit's area within the total area)
			continue
		}
		q, r := mulDiv(c.a, c.b, c.c)
		if q != c.q || r != c.r {
			t.Errorf("mulDiv(%d, %d, %d) = %d, %d; want %d, %d", c.a, c.b, c.c, q, r, c.q, c.r)
		}
	}
}

func TestApportionLeavesTheWeightsAlone(t *testing.T) {
	w := []int64{3, 1, 2}
	if _, err := Apportion(Fen(-100), w); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(w, []int64{3, 1, 2}) {
		t.Fatalf("weights changed to %v", w)
	}
}
