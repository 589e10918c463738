package ledger

import "strings"

// Chinese capital numerals (大写数字) as banks and vouchers write amounts, so that a figure on
// paper cannot be altered by adding a stroke.
var (
	capDigits   = []string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"}
	capPlaces   = []string{"", "拾", "佰", "仟"}
	capSections = []string{"", "万", "亿"}
)

// Capitals writes an amount in Chinese capitals (大写金额) as accounting practice requires
// (会计基础工作规范 art. 52): 壹万贰仟叁佰肆拾伍元陆角柒分 for 12,345.67.
//
//   - 整 follows an amount that ends at 元 or 角 (壹拾元整, 壹角整), never one with 分.
//   - Zeros between digits are written as one 零 (壹万零壹拾元); zeros at the end of a
//     four-digit section are not (壹拾万元整, 壹仟万壹仟元整), as the amount is read aloud.
//   - When 角 is zero and 分 is not, 零 follows 元 (壹佰万元零伍分); when only 元 is zero the
//     regulation allows either form, and this writes none (壹拾元伍角整).
//   - 拾 at the head of an amount keeps its 壹 (壹拾元整), as on cheques, so that nothing can be
//     written in front of it.
//
// Negative amounts are refused (a voucher or receipt prints its amount without sign; a
// reversal says so in words), as is anything above MaxAmount, which needs no 万亿.
func Capitals(m Money) (string, error) {
	if m.Sign() < 0 {
		return "", Refuse("capitals.negative", "amount", m.Grouped())
	}
	if m.Cmp(MaxAmount) > 0 {
		return "", Refuse("amount.too_large", "input", m.Grouped(), "max", MaxAmount.Grouped())
	}
	yuan, jiao, fen := m.Fen()/100, m.Fen()/10%10, m.Fen()%10
	var b strings.Builder
	if yuan > 0 {
		b.WriteString(integerCapitals(yuan))
		b.WriteString("元")
	}
	switch {
	case yuan == 0 && jiao == 0 && fen == 0:
		return "零元整", nil
	case jiao == 0 && fen == 0:
		b.WriteString("整")
	case fen == 0:
		b.WriteString(capDigits[jiao] + "角整")
	case jiao == 0:
		if yuan > 0 {
			b.WriteString("零")
		}
		b.WriteString(capDigits[fen] + "分")
	default:
		b.WriteString(capDigits[jiao] + "角" + capDigits[fen] + "分")
	}
	return b.String(), nil
}

// integerCapitals writes n > 0 (at most 12 digits) section by section: 亿, 万, then units.
func integerCapitals(n int64) string {
	var sections []int64 // lowest first
	for n > 0 {
		sections = append(sections, n%10000)
		n /= 10000
	}
	var b strings.Builder
	zero := false // a zero is owed before the next digit written
	for si := len(sections) - 1; si >= 0; si-- {
		sec := sections[si]
		if sec == 0 {
			zero = b.Len() > 0
			continue
		}
		for p := 3; p >= 0; p-- {
			d := sec / pow10[p] % 10
			if d == 0 {
				if b.Len() > 0 && sec%pow10[p] != 0 {
					zero = true // a zero inside the section, or leading it after a higher one
				}
				continue
			}
			if zero {
				b.WriteString("零")
				zero = false
			}
			b.WriteString(capDigits[d] + capPlaces[p])
		}
		b.WriteString(capSections[si])
	}
	return b.String()
}

var pow10 = []int64{1, 10, 100, 1000}
