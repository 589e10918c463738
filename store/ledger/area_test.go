package ledger

import (
	"math"
	"testing"
)

func TestParseAreaReadsSquareMetresIntoHundredths(t *testing.T) {
	cases := []struct {
		in  string
		cm2 int64
	}{
		{"89.5", 8950},
		{"89.50", 8950},
		{"89", 8900},
		{"0.01", 1},
		{"１２０．３５", 12035},
		{"89.50㎡", 8950},
		{"89.50 ㎡", 8950},
		{"89.5m²", 8950},
		{"89.5 m2", 8950},
		{"89.5平方米", 8950},
		{"  89.5  ", 8950},
		{"1,234.56", 123456},
		{"100,000.00", 10_000_000},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseArea(c.in)
			mustOK(t, err)
			if got != c.cm2 {
				t.Fatalf("ParseArea(%q) = %d, want %d", c.in, got, c.cm2)
			}
		})
	}
}

func TestParseAreaRefusesWithAnAreaKey(t *testing.T) {
	cases := []struct{ in, key string }{
		{"", "area.empty"},
		{"   ", "area.empty"},
		{"㎡", "area.empty"},
		{"abc", "area.invalid"},
		{"89.5.1", "area.invalid"},
		{"1,23", "area.invalid"},
		{"¥89.5", "area.invalid"},
		{"89.5元", "area.invalid"},
		{"-89.5", "area.invalid"},
		{"－89.5", "area.invalid"},
		{"+89.5", "area.invalid"},
		{"89.5\xff", "area.invalid"},
		{"89.555", "area.too_many_decimals"},
		{"0", "area.not_positive"},
		{"0.00", "area.not_positive"},
		{"100,000.01", "area.too_large"},
		{"1000000", "area.too_large"},
		{"99999999999999999999", "area.too_large"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseArea(c.in)
			e := wantKey(t, err, c.key)
			if c.key != "area.empty" {
				wantArg(t, e, "input", c.in)
			}
			if got != 0 {
				t.Fatalf("refusal returned %d", got)
			}
		})
	}
}

func TestFormatArea(t *testing.T) {
	cases := map[int64]string{
		0: "0.00", 1: "0.01", 8950: "89.50", 12035: "120.35", 10_000_000: "100000.00",
		-150: "-1.50", -50: "-0.50", math.MinInt64: "-92233720368547758.08",
	}
	for cm2, want := range cases {
		if got := FormatArea(cm2); got != want {
			t.Errorf("FormatArea(%d) = %q, want %q", cm2, got, want)
		}
	}
	for _, cm2 := range []int64{1, 99, 100, 8950, 10_000_000} {
		back, err := ParseArea(FormatArea(cm2))
		mustOK(t, err)
		if back != cm2 {
			t.Fatalf("ParseArea(FormatArea(%d)) = %d", cm2, back)
		}
	}
}
