package ledger

import "strings"

// ParseArea reads a building area in m² with at most two decimals ("89.5", "１２０．３５",
// "89.50㎡") and returns it in 0.01 m², the unit in which areas are stored and compared.
func ParseArea(s string) (int64, error) {
	t := strings.TrimSpace(s)
	for _, suf := range []string{"平方米", "㎡", "m²", "m2"} {
		t = strings.TrimSuffix(t, suf)
	}
	if strings.ContainsAny(normalizeAmount(t), "¥元-+") {
		return 0, Refuse("area.invalid", "input", s)
	}
	m, err := ParseAmount(t)
	if err != nil {
		switch KeyOf(err) {
		case "amount.empty":
			return 0, Refuse("area.empty")
		case "amount.too_many_decimals":
			return 0, Refuse("area.too_many_decimals", "input", s)
		case "amount.too_large":
			return 0, Refuse("area.too_large", "input", s)
		}
		return 0, Refuse("area.invalid", "input", s)
	}
	if m.Sign() <= 0 {
		return 0, Refuse("area.not_positive", "input", s)
	}
	if m.Fen() > 10_000_000 { // 100,000 m² for one unit is a typing error
		return 0, Refuse("area.too_large", "input", s)
	}
	return m.Fen(), nil
}

// FormatArea writes an area in 0.01 m² as m² with two decimals. A negative figure (refused
// areas are echoed in messages) keeps one sign: -1.50, not -1.-50.
func FormatArea(cm2 int64) string { return Fen(cm2).String() }
