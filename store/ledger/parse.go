package ledger

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxAmount is the largest amount the ledger accepts in one field: 999,999,999,999.99 yuan.
// Far above any community's fund, it keeps every sum well inside int64 fen.
var MaxAmount = Fen(99_999_999_999_999)

// ParseAmount reads an amount as a secretary types it: "1234.5", "1,234.50", "￥1234.50",
// "¥ 1234.50", "1234.50元", full-width "１２３４．５０", a leading minus or plus (before or
// after the yuan sign), spaces around any of these. Anything else — empty text, letters,
// misplaced separators, a space inside the number ("12 34" may be two amounts or a lost
// point), more than two decimals, absurd sizes — is refused with a message key (amount.*)
// saying what is wrong. frontend/src/lib/money.ts mirrors this step by step; the cases in
// testdata/parse_amount_cases.json hold both to the same answers.
func ParseAmount(s string) (Money, error) {
	t := strings.Trim(normalizeAmount(s), " ")
	if t == "" {
		return Zero, Refuse("amount.empty")
	}
	neg, signed := false, false
	if t[0] == '-' || t[0] == '+' {
		neg, signed = t[0] == '-', true
		t = strings.Trim(t[1:], " ")
	}
	t = strings.Trim(strings.TrimPrefix(t, "¥"), " ")
	// the sign may also follow the yuan sign, as spreadsheets write it: "¥-1,234.50"
	if !signed && t != "" && (t[0] == '-' || t[0] == '+') {
		neg = t[0] == '-'
		t = strings.Trim(t[1:], " ")
	}
	t = strings.Trim(strings.TrimSuffix(t, "元"), " ")
	if t == "" || strings.Contains(t, " ") {
		return Zero, Refuse("amount.invalid", "input", s)
	}
	intPart, frac, hasDot := strings.Cut(t, ".")
	if hasDot && strings.Contains(frac, ".") {
		return Zero, Refuse("amount.invalid", "input", s)
	}
	if hasDot && frac == "" && intPart == "" {
		return Zero, Refuse("amount.invalid", "input", s)
	}
	if !validGrouping(intPart) {
		return Zero, Refuse("amount.invalid", "input", s)
	}
	digits := strings.ReplaceAll(intPart, ",", "")
	if digits == "" {
		digits = "0"
	}
	for _, c := range frac {
		if c < '0' || c > '9' {
			return Zero, Refuse("amount.invalid", "input", s)
		}
	}
	if len(frac) > 2 {
		return Zero, Refuse("amount.too_many_decimals", "input", s)
	}
	digits = strings.TrimLeft(digits, "0")
	if len(digits) > 13 {
		return Zero, Refuse("amount.too_large", "input", s, "max", MaxAmount.Grouped())
	}
	var fen int64
	for _, c := range digits {
		fen = fen*10 + int64(c-'0')
	}
	frac += strings.Repeat("0", 2-len(frac))
	fen = fen*100 + int64(frac[0]-'0')*10 + int64(frac[1]-'0')
	if fen > MaxAmount.Fen() {
		return Zero, Refuse("amount.too_large", "input", s, "max", MaxAmount.Grouped())
	}
	if neg {
		fen = -fen
	}
	return Fen(fen), nil
}

// ParsePositiveAmount is ParseAmount for fields that must hold more than zero.
func ParsePositiveAmount(s string) (Money, error) {
	m, err := ParseAmount(s)
	if err != nil {
		return Zero, err
	}
	if m.Sign() <= 0 {
		return Zero, Refuse("amount.not_positive", "input", s)
	}
	return m, nil
}

// validGrouping accepts plain digits, or digits grouped by commas in threes ("1,234,567").
func validGrouping(s string) bool {
	if s == "" {
		return true
	}
	if !strings.Contains(s, ",") {
		for _, c := range s {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	groups := strings.Split(s, ",")
	for i, g := range groups {
		if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
			return false
		}
		for _, c := range g {
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	return true
}

// normalizeAmount folds full-width forms to ASCII and every kind of space to " ", so
// "￥１，２３４．５０" reads like "¥1,234.50". Invalid UTF-8 is kept as-is and refused by the caller.
func normalizeAmount(s string) string {
	if !utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == '．' || r == '。':
			b.WriteByte('.')
		case r == '，':
			b.WriteByte(',')
		case r == '－' || r == '−':
			b.WriteByte('-')
		case r == '＋':
			b.WriteByte('+')
		case r == '￥' || r == '¥':
			b.WriteString("¥")
		case unicode.IsSpace(r): // ASCII, no-break, ideographic, line ends from a pasted cell
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
