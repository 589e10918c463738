package ledger

import "testing"

func TestCapitals(t *testing.T) {
	for _, c := range []struct {
		fen  int64
		want string
	}{
		{0, "零元整"},
		{1, "壹分"},        // 0.01
		{10, "壹角整"},      // 0.10
		{15, "壹角伍分"},     // 0.15
		{100, "壹元整"},     // 1.00
		{105, "壹元零伍分"},   // 1.05
		{1000, "壹拾元整"},   // 10.00: 拾 keeps its 壹
		{1050, "壹拾元伍角整"}, // 10.50: no 零 needed after a 0 元 digit
		{1234567, "壹万贰仟叁佰肆拾伍元陆角柒分"},    // 12,345.67 (the example)
		{10_000_000, "壹拾万元整"},          // 100,000.00
		{100_000_005, "壹佰万元零伍分"},       // 1,000,000.05
		{1_001_010, "壹万零壹拾元壹角整"},       // 10,010.10
		{1_640_902, "壹万陆仟肆佰零玖元零贰分"},    // 16,409.02 (the regulation's example)
		{10_700_053, "壹拾万柒仟元伍角叁分"},     // 107,000.53 (the regulation's example, short form)
		{100_000_100, "壹佰万零壹元整"},       // 1,000,001.00
		{1_000_100_000, "壹仟万壹仟元整"},     // 10,001,000.00: zeros ending a section are not read
		{10_000_000_100, "壹亿零壹元整"},     // 100,000,001.00: a whole zero section is one 零
		{10_000_100_000, "壹亿零壹仟元整"},    // 100,001,000.00
		{10_001_000_000, "壹亿零壹万元整"},    // 100,010,000.00
		{100_100_000_000, "壹拾亿零壹佰万元整"}, // 1,001,000,000.00
		{MaxAmount.Fen(), "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"}, // the largest amount the ledger accepts
	} {
		got, err := Capitals(Fen(c.fen))
		if err != nil || got != c.want {
			t.Errorf("Capitals(%s) = %q, %v; want %q", Fen(c.fen).Grouped(), got, err, c.want)
		}
	}
}

func TestCapitalsRefuses(t *testing.T) {
	for _, c := range []struct {
		m   Money
		key string
	}{
		{Fen(-1), "capitals.negative"},
		{Yuan(-12345), "capitals.negative"},
		{MaxAmount.Add(Fen(1)), "amount.too_large"},
	} {
		if _, err := Capitals(c.m); KeyOf(err) != c.key {
			t.Errorf("Capitals(%s): %v, want refusal %s", c.m, err, c.key)
		}
	}
}
