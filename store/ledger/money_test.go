package ledger

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
)

func TestMoneyFormatsAsYuanWithTwoDecimals(t *testing.T) {
	cases := []struct {
		name           string
		m              Money
		plain, grouped string
	}{
		{"zero", Zero, "0.00", "0.00"},
		{"one fen", Fen(1), "0.01", "0.01"},
		{"minus one fen", Fen(-1), "-0.01", "-0.01"},
		{"ten fen", Fen(10), "0.10", "0.10"},
		{"one yuan", Yuan(1), "1.00", "1.00"},
		{"three integer digits need no comma", Fen(99999), "999.99", "999.99"},
		{"four integer digits get one comma", Fen(100000), "1000.00", "1,000.00"},
		{"millions", Fen(123456789), "1234567.89", "1,234,567.89"},
		{"negative millions", Fen(-123456789), "-1234567.89", "-1,234,567.89"},
		{"negative thousand", Fen(-100000), "-1000.00", "-1,000.00"},
		{"six digits", Fen(12345678), "123456.78", "123,456.78"},
		{"MaxAmount", MaxAmount, "999999999999.99", "999,999,999,999.99"},
		{"minus MaxAmount", MaxAmount.Neg(), "-999999999999.99", "-999,999,999,999.99"},
		{"largest int64", Fen(math.MaxInt64), "92233720368547758.07", "92,233,720,368,547,758.07"},
		{"smallest int64", Fen(math.MinInt64), "-92233720368547758.08", "-92,233,720,368,547,758.08"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.m.String(); got != c.plain {
				t.Errorf("String() = %q, want %q", got, c.plain)
			}
			if got := c.m.Grouped(); got != c.grouped {
				t.Errorf("Grouped() = %q, want %q", got, c.grouped)
			}
		})
	}
}

func TestMoneyConstructorsAndAccessors(t *testing.T) {
	if Yuan(12).Fen() != 1200 {
		t.Fatalf("Yuan(12) = %d fen", Yuan(12).Fen())
	}
	if Fen(-5).Fen() != -5 {
		t.Fatal("Fen(-5).Fen() != -5")
	}
	if !Zero.IsZero() || Fen(1).IsZero() {
		t.Fatal("IsZero wrong")
	}
	if got := Fen(-123456).Decimal(); !got.Equal(decimal.RequireFromString("-1234.56")) {
		t.Fatalf("Decimal() = %s", got)
	}
	if got := Fen(1).Decimal().String(); got != "0.01" {
		t.Fatalf("Decimal().String() = %q", got)
	}
}

func TestMoneyArithmeticIsExact(t *testing.T) {
	a, b := Fen(10), Fen(20)
	if a.Add(b) != Fen(30) || a.Sub(b) != Fen(-10) || a.Neg() != Fen(-10) {
		t.Fatal("Add/Sub/Neg wrong")
	}
	if Fen(-7).Abs() != Fen(7) || Fen(7).Abs() != Fen(7) || Zero.Abs() != Zero {
		t.Fatal("Abs wrong")
	}
	for _, c := range []struct {
		m    Money
		sign int
	}{{Fen(-3), -1}, {Zero, 0}, {Fen(3), 1}} {
		if c.m.Sign() != c.sign {
			t.Fatalf("Sign(%v) = %d", c.m, c.m.Sign())
		}
	}
	for _, c := range []struct {
		a, b Money
		want int
	}{{Fen(1), Fen(2), -1}, {Fen(2), Fen(2), 0}, {Fen(3), Fen(2), 1}, {Fen(-3), Fen(2), -1}} {
		if got := c.a.Cmp(c.b); got != c.want {
			t.Fatalf("%v.Cmp(%v) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	if Sum() != Zero {
		t.Fatal("empty Sum is not zero")
	}
	if Sum(Fen(1), Fen(2), Fen(-4)) != Fen(-1) {
		t.Fatal("Sum wrong")
	}
	// adding at the very edge of int64 without crossing it is fine
	if Fen(math.MaxInt64).Add(Fen(-1)) != Fen(math.MaxInt64-1) {
		t.Fatal("MaxInt64 - 1 wrong")
	}
	if Fen(math.MinInt64).Add(Fen(math.MaxInt64)) != Fen(-1) {
		t.Fatal("MinInt64 + MaxInt64 wrong")
	}
	if Fen(math.MaxInt64).Add(Zero) != Fen(math.MaxInt64) || Fen(math.MinInt64).Add(Zero) != Fen(math.MinInt64) {
		t.Fatal("adding zero at the edges wrong")
	}
}

func TestMoneyOverflowPanicsInsteadOfWrapping(t *testing.T) {
	cases := []struct {
		name string
		f    func()
	}{
		{"MaxInt64 + 1", func() { Fen(math.MaxInt64).Add(Fen(1)) }},
		{"MinInt64 - 1", func() { Fen(math.MinInt64).Add(Fen(-1)) }},
		{"MinInt64.Sub(1)", func() { Fen(math.MinInt64).Sub(Fen(1)) }},
		{"-MinInt64", func() { Fen(math.MinInt64).Neg() }},
		{"|MinInt64|", func() { Fen(math.MinInt64).Abs() }},
		{"Sum past MaxInt64", func() { Sum(Fen(math.MaxInt64), Fen(1)) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatal("no panic")
				}
			}()
			c.f()
		})
	}
}

func TestMoneyRoundingToTheFen(t *testing.T) {
	d := decimal.RequireFromString
	cases := []struct {
		yuan               string
		ceil, floor, round int64
	}{
		{"0", 0, 0, 0},
		{"1.00", 100, 100, 100},
		{"-1.00", -100, -100, -100},
		{"0.001", 1, 0, 0},
		{"0.004999", 1, 0, 0},
		{"0.005", 1, 0, 1},
		{"0.0051", 1, 0, 1},
		{"0.009", 1, 0, 1},
		{"-0.001", 0, -1, 0},
		{"-0.004", 0, -1, 0},
		{"-0.005", 0, -1, -1}, // half away from zero
		{"-0.009", 0, -1, -1},
		{"2.675", 268, 267, 268},
		{"50000.005", 5000001, 5000000, 5000001},
		{"0.0000000001", 1, 0, 0},
		{"999999999999.985", 99999999999999, 99999999999998, 99999999999999},
	}
	for _, c := range cases {
		t.Run(c.yuan, func(t *testing.T) {
			if got := MoneyCeil(d(c.yuan)); got != Fen(c.ceil) {
				t.Errorf("MoneyCeil = %v, want %v", got, Fen(c.ceil))
			}
			if got := MoneyFloor(d(c.yuan)); got != Fen(c.floor) {
				t.Errorf("MoneyFloor = %v, want %v", got, Fen(c.floor))
			}
			if got := MoneyRound(d(c.yuan)); got != Fen(c.round) {
				t.Errorf("MoneyRound = %v, want %v", got, Fen(c.round))
			}
		})
	}
}
