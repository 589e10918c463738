package imports

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"jiayuan/store/ledger"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// cleanCell trims what spreadsheets and bank exports wrap values in: spaces of every width,
// a tab prefix that keeps Excel from reformatting a number, ="…" for the same purpose, and a
// leading apostrophe.
func cleanCell(s string) string {
	s = strings.Trim(s, " \t\r\n\u3000\u00a0\ufeff\u200b")
	if len(s) >= 3 && strings.HasPrefix(s, `="`) && strings.HasSuffix(s, `"`) {
		s = strings.Trim(s[2:len(s)-1], " \t\u3000\u00a0")
	}
	if len(s) > 1 && s[0] == '\'' {
		s = s[1:]
	}
	return s
}

// foldWidth folds full-width ASCII forms (letters, digits, punctuation) to ASCII and the
// ideographic space to a space.
func foldWidth(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= '！' && r <= '～' || r == '\u3000' }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '！' && r <= '～':
			b.WriteRune(r - '！' + '!')
		case r == '\u3000':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// excelErrors are the values Excel caches for a formula that failed.
var excelErrors = map[string]bool{"#DIV/0!": true, "#N/A": true, "#NAME?": true, "#NULL!": true, "#NUM!": true,
	"#REF!": true, "#VALUE!": true, "#SPILL!": true, "#CALC!": true, "#GETTING_DATA": true}

var (
	ymd      = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)
	compact  = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	serial   = regexp.MustCompile(`^\d{5}(\.\d+)?$`)
	plainNum = regexp.MustCompile(`^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$`)
)

// parseDate reads the dates of spreadsheets and bank exports: 2024-03-15, 2024/3/15,
// 2024.03.15, 2024年3月15日, 20240315, with or without a time after it, and Excel's day
// serial numbers (a date cell read raw). Day-first and month-first forms are refused: they
// cannot be told apart.
func parseDate(s string, date1904 bool) (string, error) {
	t := strings.TrimSpace(foldWidth(s))
	if t == "" {
		return "", ledger.Refuse("import.date_empty")
	}
	if excelErrors[t] {
		return "", ledger.Refuse("import.formula_error", "value", t)
	}
	if serial.MatchString(t) {
		days, _ := strconv.ParseFloat(t, 64) // a day count, not money
		d, err := excelize.ExcelDateToTime(days, date1904)
		if err != nil {
			return "", ledger.Refuse("import.bad_date", "input", s)
		}
		return checkDate(d.Format(ledger.DateLayout), s)
	}
	// a time after the date: "2024-03-15 10:22:01", "2024-03-15T10:22"
	if i := strings.IndexAny(t, " T"); i >= 8 {
		t = strings.TrimSpace(t[:i])
	}
	if m := compact.FindStringSubmatch(t); m != nil {
		return checkDate(m[1]+"-"+m[2]+"-"+m[3], s)
	}
	m := ymd.FindStringSubmatch(t)
	if m == nil {
		return "", ledger.Refuse("import.bad_date", "input", s)
	}
	mo, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	return checkDate(m[1]+"-"+two(mo)+"-"+two(day), s)
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func checkDate(d, input string) (string, error) {
	t, err := time.Parse(ledger.DateLayout, d)
	if err != nil || ledger.FormatDate(t) != d {
		return "", ledger.Refuse("import.bad_date", "input", input)
	}
	if _, err := ledger.ParseDate(d); err != nil {
		return "", ledger.Refuse("date.out_of_range", "input", input)
	}
	return d, nil
}

// parseAmount reads an amount cell; empty is zero with empty set. Beyond what
// ledger.ParseAmount reads it takes a number a spreadsheet stored with binary noise
// (1234.5600000000001, 1.2345E+5) when it is within a millionth of a fen-exact amount,
// accounting brackets for a negative "(1,234.50)", and a currency word ("RMB", "CNY", "人民币").
func parseAmount(s string) (m ledger.Money, empty bool, err error) {
	t := strings.TrimSpace(s)
	if t == "" || t == "-" || t == "—" || t == "--" {
		return ledger.Zero, true, nil
	}
	if excelErrors[t] {
		return ledger.Zero, false, ledger.Refuse("import.formula_error", "value", t)
	}
	for _, w := range []string{"人民币", "RMB", "CNY", "rmb", "cny"} {
		t = strings.TrimSpace(strings.TrimPrefix(t, w))
	}
	if len(t) > 2 && (strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") || strings.HasPrefix(t, "（") && strings.HasSuffix(t, "）")) {
		t = "-" + strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(t, "("), "（"), ")"), "）"))
	}
	t = denoise(t)
	m, err = ledger.ParseAmount(t)
	if err != nil {
		if e, ok := err.(*ledger.Error); ok && e.Args != nil {
			e.Args["input"] = s // the cell as written, not as cleaned
		}
		return ledger.Zero, false, err
	}
	return m, false, nil
}

// denoise rounds a plain number with more than two decimals, or in exponent form, to the fen
// when it is within a millionth of it: the float a spreadsheet stored for 1234.56. Anything
// further off is left for ParseAmount to refuse.
func denoise(t string) string {
	if !plainNum.MatchString(t) {
		return t
	}
	dot := strings.IndexByte(t, '.')
	if !strings.ContainsAny(t, "eE") && (dot < 0 || len(t)-dot-1 <= 2) {
		return t
	}
	d, err := decimal.NewFromString(t)
	if err != nil || d.Abs().GreaterThan(decimal.New(1, 15)) {
		return t
	}
	r := d.Round(2)
	if d.Sub(r).Abs().LessThan(decimal.New(1, -6)) {
		return r.StringFixed(2)
	}
	return t
}

// parseArea reads a building area in m², as ParseArea does, after the same denoising.
func parseArea(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if excelErrors[t] {
		return 0, ledger.Refuse("import.formula_error", "value", t)
	}
	return ledger.ParseArea(denoise(t))
}

// ParseBook reads a book's name: fund, public, working, or their Chinese names.
func ParseBook(s string) (ledger.Book, error) {
	t := strings.ToLower(strings.ReplaceAll(foldWidth(strings.TrimSpace(s)), " ", ""))
	switch {
	case t == "":
		return "", ledger.Refuse("import.book_required")
	case t == "fund" || strings.Contains(t, "维修"):
		return ledger.BookFund, nil
	case t == "public" || strings.Contains(t, "公共收益") || t == "收益":
		return ledger.BookPublic, nil
	case t == "working" || strings.Contains(t, "经费"):
		return ledger.BookWorking, nil
	}
	return "", ledger.Refuse("import.bad_book", "input", s)
}

// housingTypes maps the names rosters use to the ledger's housing types.
var housingTypes = []struct {
	code  string
	names []string
}{
	{"commodity", []string{"commodity", "商品房", "商品住房", "商品住宅", "住宅", "商品房住宅", "动迁房", "动迁安置房", "经济适用房", "共有产权房"}},
	{"public_sold", []string{"public_sold", "publicsold", "售后公房", "已购公房", "公房", "售后公有住房", "公有住房", "房改房"}},
	{"non_residential", []string{"non_residential", "nonresidential", "非住宅", "商铺", "商业", "办公", "非居住", "商业用房", "办公用房", "门面"}},
	{"garage", []string{"garage", "车库", "汽车库", "车位", "地下车库", "停车库", "地下车位"}},
}

// parseHousingType reads a housing type; empty means not given.
func parseHousingType(s string) (string, error) {
	t := strings.ToLower(strings.ReplaceAll(foldWidth(strings.TrimSpace(s)), " ", ""))
	if t == "" {
		return "", nil
	}
	for _, h := range housingTypes {
		for _, n := range h.names {
			if t == n {
				return h.code, nil
			}
		}
	}
	return "", ledger.Refuse("import.bad_housing_type", "input", s)
}

// parseDirection reads a bank statement's in/out flag: +1 money in, −1 money out.
func parseDirection(s string) (int, error) {
	t := strings.ToLower(strings.TrimSpace(foldWidth(s)))
	switch t {
	case "贷", "收", "入", "收入", "存入", "贷方", "来账", "c", "cr", "credit", "in", "+":
		return 1, nil
	case "借", "支", "付", "出", "支出", "支取", "借方", "往账", "d", "dr", "debit", "out", "-":
		return -1, nil
	}
	return 0, ledger.Refuse("import.bad_direction", "input", s)
}
