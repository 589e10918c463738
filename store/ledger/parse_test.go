package ledger

import (
	"strings"
	"testing"
)

// parseAccepts are amounts as secretaries type them, with what they mean in fen. The fuzz
// test seeds its corpus with them.
var parseAccepts = []struct {
	name, in string
	fen      int64
}{
	{"one decimal", "1234.5", 123450},
	{"grouped with two decimals", "1,234.50", 123450},
	{"full-width yuan sign", "￥1234.50", 123450},
	{"yuan sign, space and grouping", "¥ 1,234.50", 123450},
	{"yuan character after", "1234.50元", 123450},
	{"full-width digits and point", "１２３４．５０", 123450},
	{"full-width minus", "－12.30", -1230},
	{"minus sign U+2212", "−12.30", -1230},
	{"ASCII minus", "-12.30", -1230},
	{"minus before the yuan sign", "-¥12.30", -1230},
	{"minus after the yuan sign, as spreadsheets write it", "¥-1,234.50", -123450},
	{"full-width minus after the full-width yuan sign", "￥－12.30", -1230},
	{"plus sign", "+12.30", 1230},
	{"full-width plus", "＋12.30", 1230},
	{"one fen", "0.01", 1},
	{"leading point", ".5", 50},
	{"negative leading point", "-.5", -50},
	{"trailing point", "5.", 500},
	{"integer", "12", 1200},
	{"zero", "0", 0},
	{"negative zero is zero", "-0.00", 0},
	{"leading zeros", "000123.4", 12340},
	{"surrounding spaces", "  12  ", 1200},
	{"tab and no-break space", "\t12\u00a0", 1200},
	{"ideographic space before 元", "１２３４\u3000元", 123400},
	{"full-width comma", "１，２３４．５", 123450},
	{"Chinese full stop as point", "12。5", 1250},
	{"everything together", " ￥ －１，２３４．５０ 元 ", -123450},
	{"millions grouped", "1,234,567.89", 123456789},
	{"one group of three", "123,456", 12345600},
	{"MaxAmount grouped", "999,999,999,999.99", 99999999999999},
	{"minus MaxAmount", "-999999999999.99", -99999999999999},
	{"MaxAmount with leading zeros", "0000999999999999.99", 99999999999999},
}

// parseRefusals are inputs ParseAmount must refuse, with the key it says why.
var parseRefusals = []struct {
	name, in, key string
}{
	{"empty", "", "amount.empty"},
	{"spaces only", "   ", "amount.empty"},
	{"ideographic space only", "\u3000", "amount.empty"},
	{"letters", "abc", "amount.invalid"},
	{"digits then letters", "12ab", "amount.invalid"},
	{"misplaced commas", "1,23,4", "amount.invalid"},
	{"group of two after comma", "12,34.5", "amount.invalid"},
	{"group of four after comma", "1,2345", "amount.invalid"},
	{"first group of four", "1234,567", "amount.invalid"},
	{"leading comma", ",123", "amount.invalid"},
	{"trailing comma", "1,234,", "amount.invalid"},
	{"comma in decimals", "1.2,5", "amount.invalid"},
	{"two points", "1.2.3", "amount.invalid"},
	{"point only", ".", "amount.invalid"},
	{"exponent", "1e5", "amount.invalid"},
	{"NaN", "NaN", "amount.invalid"},
	{"infinity", "Inf", "amount.invalid"},
	{"hex", "0x10", "amount.invalid"},
	{"sign only", "-", "amount.invalid"},
	{"yuan sign only", "¥", "amount.invalid"},
	{"yuan character only", "元", "amount.invalid"},
	{"two minus signs", "--5", "amount.invalid"},
	{"signs on both sides of the yuan sign", "-¥-5", "amount.invalid"},
	{"sign after the yuan sign twice", "¥--5", "amount.invalid"},
	{"sign in the decimals", "1.-5", "amount.invalid"},
	{"minus after the number", "5-", "amount.invalid"},
	{"two yuan signs", "¥¥5", "amount.invalid"},
	{"three decimals", "1234.567", "amount.too_many_decimals"},
	{"three decimals full-width", "１２３４．５６７", "amount.too_many_decimals"},
	{"a tenth of a fen", "0.001", "amount.too_many_decimals"},
	{"trailing zero decimal is still a third decimal", "1.000", "amount.too_many_decimals"},
	{"one fen above MaxAmount", "1,000,000,000,000.00", "amount.too_large"},
	{"a trillion yuan", "1000000000000", "amount.too_large"},
	{"absurdly large", "99999999999999999999999999", "amount.too_large"},
	{"absurdly large negative", "-99999999999999999999999999", "amount.too_large"},
	{"invalid UTF-8 alone", "\xff", "amount.invalid"},
	{"invalid UTF-8 in digits", "12\xff.50", "amount.invalid"},
	{"invalid UTF-8 in decimals", "12.5\xff", "amount.invalid"},
	{"invalid UTF-8 with full-width digits", "１２\xfe", "amount.invalid"},
}

func TestParseAmountAcceptsWhatSecretariesType(t *testing.T) {
	for _, c := range parseAccepts {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseAmount(c.in)
			mustOK(t, err)
			if got != Fen(c.fen) {
				t.Fatalf("ParseAmount(%q) = %v, want %v", c.in, got, Fen(c.fen))
			}
		})
	}
}

func TestParseAmountRefusesWithAKeySayingWhy(t *testing.T) {
	for _, c := range parseRefusals {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseAmount(c.in)
			wantKey(t, err, c.key)
			if got != Zero {
				t.Fatalf("a refusal returned %v, want zero", got)
			}
		})
	}
}

func TestParseAmountRefusalsCarryTheInput(t *testing.T) {
	e := wantKey(t, func() error { _, err := ParseAmount("1.2.3"); return err }(), "amount.invalid")
	wantArg(t, e, "input", "1.2.3")
	e = wantKey(t, func() error { _, err := ParseAmount("1234.567"); return err }(), "amount.too_many_decimals")
	wantArg(t, e, "input", "1234.567")
}

func TestParseAmountTooLargeNamesTheMaximum(t *testing.T) {
	_, err := ParseAmount("1,000,000,000,000")
	e := wantKey(t, err, "amount.too_large")
	wantArg(t, e, "max", "999,999,999,999.99")
	wantArg(t, e, "input", "1,000,000,000,000")
}

func TestParseAmountReadsBackWhatMoneyWrites(t *testing.T) {
	for _, f := range []int64{0, 1, -1, 10, 99, 100, 123456789, -123456789, 99999999999999, -99999999999999} {
		m := Fen(f)
		for _, s := range []string{m.String(), m.Grouped()} {
			got, err := ParseAmount(s)
			mustOK(t, err)
			if got != m {
				t.Fatalf("ParseAmount(%q) = %v, want %v", s, got, m)
			}
		}
	}
}

func TestParseAmountLongInputIsRefusedQuickly(t *testing.T) {
	in := strings.Repeat("9", 100000)
	_, err := ParseAmount(in)
	wantKey(t, err, "amount.too_large")
	_, err = ParseAmount("1." + in)
	wantKey(t, err, "amount.too_many_decimals")
}

func TestParsePositiveAmountRefusesZeroAndNegatives(t *testing.T) {
	cases := []struct {
		in, key string
		fen     int64
	}{
		{"0.01", "", 1},
		{"1,234.50", "", 123450},
		{"0", "amount.not_positive", 0},
		{"0.00", "amount.not_positive", 0},
		{"-0", "amount.not_positive", 0},
		{"-0.01", "amount.not_positive", 0},
		{"－12.30", "amount.not_positive", 0},
		{"", "amount.empty", 0},
		{"abc", "amount.invalid", 0},
		{"0.001", "amount.too_many_decimals", 0},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParsePositiveAmount(c.in)
			if c.key == "" {
				mustOK(t, err)
			} else {
				e := wantKey(t, err, c.key)
				if c.key == "amount.not_positive" {
					wantArg(t, e, "input", c.in)
				}
			}
			if got != Fen(c.fen) {
				t.Fatalf("ParsePositiveAmount(%q) = %v, want %v", c.in, got, Fen(c.fen))
			}
		})
	}
}
