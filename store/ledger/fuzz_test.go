package ledger

import (
	"encoding/binary"
	"strings"
	"testing"
)

// FuzzParseAmount: ParseAmount never panics; what it accepts lies within MaxAmount and reads
// back from its own formatting to the same Money; what it refuses carries an amount.* key.
func FuzzParseAmount(f *testing.F) {
	for _, c := range parseAccepts {
		f.Add(c.in)
	}
	for _, c := range parseRefusals {
		f.Add(c.in)
	}
	for _, s := range []string{"1,234,567.89", "-0.01", "99999999999999.99", "１２３．４５元", "¥-0", "+.1", "0,000.00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseAmount(s)
		if err != nil {
			if k := KeyOf(err); !strings.HasPrefix(k, "amount.") {
				t.Fatalf("ParseAmount(%q) refused with key %q: %v", s, k, err)
			}
			if m != Zero {
				t.Fatalf("ParseAmount(%q) refused but returned %v", s, m)
			}
			return
		}
		if m.Abs().Cmp(MaxAmount) > 0 {
			t.Fatalf("ParseAmount(%q) = %v, beyond MaxAmount", s, m)
		}
		for _, text := range []string{m.String(), m.Grouped()} {
			back, err := ParseAmount(text)
			if err != nil || back != m {
				t.Fatalf("ParseAmount(%q) = %v, but ParseAmount(%q) = %v, %v", s, m, text, back, err)
			}
		}
		pos, err := ParsePositiveAmount(s)
		if m.Sign() > 0 {
			if err != nil || pos != m {
				t.Fatalf("ParsePositiveAmount(%q) = %v, %v; ParseAmount gave %v", s, pos, err, m)
			}
		} else if KeyOf(err) != "amount.not_positive" {
			t.Fatalf("ParsePositiveAmount(%q) = %v, %v; want amount.not_positive", s, pos, err)
		}
	})
}

// FuzzApportion: for any total within MaxAmount and any areas (two bytes each, so ties and
// zeros are common) the shares sum exactly to the total, each within a fen of the exact share.
func FuzzApportion(f *testing.F) {
	f.Add(int64(1), []byte{0, 1, 0, 1, 0, 1})
	f.Add(int64(10000), []byte{0, 1, 0, 1, 0, 1})
	f.Add(int64(-10000), []byte{0, 1, 0, 1, 0, 1})
	f.Add(int64(11), []byte{0, 3, 0, 3, 0, 4})
	f.Add(MaxAmount.Fen(), []byte{0xff, 0xff, 0x12, 0x34, 0, 0, 0, 1})
	f.Add(int64(0), []byte{})
	f.Add(int64(5), []byte{0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, total int64, raw []byte) {
		total %= MaxAmount.Fen() + 1
		if len(raw) > 400 { // 200 units are plenty; the checks are quadratic
			raw = raw[:400]
		}
		w := make([]int64, 0, len(raw)/2)
		var sumW int64
		for i := 0; i+1 < len(raw); i += 2 {
			x := int64(binary.BigEndian.Uint16(raw[i:]))
			w = append(w, x)
			sumW += x
		}
		shares, err := Apportion(Fen(total), w)
		switch {
		case len(w) == 0:
			wantKey(t, err, "apportion.no_units")
			return
		case sumW == 0:
			wantKey(t, err, "apportion.zero_area")
			return
		}
		if err != nil {
			t.Fatalf("Apportion(%d, %v): %v", total, w, err)
		}
		checkApportionment(t, Fen(total), w, shares)
	})
}

// FuzzParseDate: an accepted date is exactly the text it came from, in range.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-03-15", "2024-02-29", "2023-02-29", " 2024-01-01 ", "1989-12-31", "2100-12-31", "2024-1-5", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if k := KeyOf(err); k != "date.invalid" && k != "date.out_of_range" {
				t.Fatalf("ParseDate(%q) refused with %q", s, k)
			}
			return
		}
		if FormatDate(d) != strings.TrimSpace(s) {
			t.Fatalf("ParseDate(%q) = %s", s, FormatDate(d))
		}
		if d.Year() < 1990 || d.Year() > 2100 {
			t.Fatalf("ParseDate(%q) out of range", s)
		}
	})
}

// FuzzParseArea: an accepted area is positive, at most 100,000.00 m², and reads back from
// FormatArea; a refused one carries an area.* key.
func FuzzParseArea(f *testing.F) {
	for _, s := range []string{"89.5", "１２０．３５", "89.50㎡", "89.5 m2", "89.5平方米", "1,234.56", "", "-1", "0", "89.555", "100,000.01", "¥5", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseArea(s)
		if err != nil {
			if k := KeyOf(err); !strings.HasPrefix(k, "area.") {
				t.Fatalf("ParseArea(%q) refused with %q", s, k)
			}
			return
		}
		if a < 1 || a > 10_000_000 {
			t.Fatalf("ParseArea(%q) = %d", s, a)
		}
		if back, err := ParseArea(FormatArea(a)); err != nil || back != a {
			t.Fatalf("ParseArea(%q) = %d, but FormatArea gives %q → %d, %v", s, a, FormatArea(a), back, err)
		}
	})
}
