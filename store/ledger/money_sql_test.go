package ledger

import (
	"math"
	"strings"
	"testing"
)

func TestMoneyScansWholeFenOnly(t *testing.T) {
	cases := []struct {
		name string
		src  any
		want Money
		err  string // part of the error; "" for none
	}{
		{"zero", int64(0), Zero, ""},
		{"one fen", int64(1), Fen(1), ""},
		{"minus one fen", int64(-1), Fen(-1), ""},
		{"29.99 yuan", int64(2999), Fen(2999), ""},
		{"largest int64", int64(math.MaxInt64), Fen(math.MaxInt64), ""},
		{"smallest int64", int64(math.MinInt64), Fen(math.MinInt64), ""},
		{"a REAL, even a whole one, is refused", float64(100), Zero, "float64"},
		{"a REAL with a fraction of a fen", 29.995, Zero, "float64"},
		{"text of yuan is refused", "12.34", Zero, "string"},
		{"text of fen is refused too", "1234", Zero, "string"},
		{"bytes are refused", []byte("1234"), Zero, "[]uint8"},
		{"NULL is refused", nil, Zero, "NULL"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := Fen(777) // a refusal must not leave a half-read value behind as if read
			err := m.Scan(c.src)
			if c.err == "" {
				if err != nil {
					t.Fatalf("Scan(%v): %v", c.src, err)
				}
				if m != c.want {
					t.Fatalf("Scan(%v) = %v, want %v", c.src, m, c.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.err) || !strings.Contains(err.Error(), "INTEGER") {
				t.Fatalf("Scan(%v) error %v, want one naming %q and INTEGER", c.src, err, c.err)
			}
			if m != Fen(777) {
				t.Fatalf("Scan(%v) refused but changed the value to %v", c.src, m)
			}
		})
	}
}

func TestMoneyValueIsWholeFen(t *testing.T) {
	for _, m := range []Money{Zero, Fen(1), Fen(-1), Fen(2999), Fen(3000), MaxAmount, Fen(math.MinInt64)} {
		v, err := m.Value()
		if err != nil {
			t.Fatal(err)
		}
		fen, ok := v.(int64)
		if !ok || fen != m.Fen() {
			t.Fatalf("Value() of %v = %#v, want int64 %d", m, v, m.Fen())
		}
		var back Money
		if err := back.Scan(v); err != nil || back != m {
			t.Fatalf("round trip of %v gave %v, %v", m, back, err)
		}
	}
}
