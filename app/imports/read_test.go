package imports

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"
)

// The same roster reads the same whatever the encoding: UTF-8 with or without a BOM, GB18030,
// GBK bytes behind a UTF-8 BOM (mis-declared: decoded as GB18030 since they are not UTF-8),
// UTF-16 with a BOM, tab-separated.
func TestCSVEncodingsReadTheSame(t *testing.T) {
	plain := unitsCSV(",")
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(unitsCSV("\t"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, enc string
		data      []byte
	}{
		{"utf8", "utf-8", plain},
		{"bom", "utf-8-bom", append([]byte{0xEF, 0xBB, 0xBF}, plain...)},
		{"gb18030", "gb18030", gb18030(t, plain)},
		{"gbk behind a utf-8 bom", "gb18030", append([]byte{0xEF, 0xBB, 0xBF}, gb18030(t, plain)...)},
		{"utf16 tab", "utf-16le", utf16},
		{"tab", "utf-8", unitsCSV("\t")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tb, rows, err := ReadUnits("roster.csv", c.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if tb.Encoding != c.enc || tb.Format != "csv" || tb.HeaderRow != 1 {
				t.Errorf("read as %s %s header %d", tb.Format, tb.Encoding, tb.HeaderRow)
			}
			if !reflect.DeepEqual(rows, wantUnits) {
				t.Errorf("rows:\n got %+v\nwant %+v", rows, wantUnits)
			}
		})
	}
}

// A bank export: account lines before the header, the bank's own column names, ="…" and tab
// prefixes on references, totals at the end, a header repeated on a second page, the newest
// line first. Amounts like "1,234.50" and "￥" read exactly.
func TestBankStatementAsExported(t *testing.T) {
	data := gb18030(t, csvOf(
		"上海银行对公账户交易明细,,,,,,",
		"账号：3165 0300 0042 1888,户名：锦绣家园业主大会,,,,,",
		"交易日期,交易流水号,借方发生额,贷方发生额,余额,对方户名,摘要",
		`20261020,="A0003",,12.34,"21,782.74",,利息`,
		"2026-10-12\t,\tA0002,\"1,600.00\",,\"21,770.40\",锦绣家园维修资金,转维修资金",
		"交易日期,交易流水号,借方发生额,贷方发生额,余额,对方户名,摘要",
		`2026/10/08,A0001,,"￥3,200.00","23,370.40",停车公司,10月停车费`,
		`2026/10/09,A0009,0.00,0.00,"23,370.40",,利息冲正`,
		"合计,,\"1,600.00\",\"3,212.34\",,,",
	))
	tb, lines, err := ReadBank("stmt.csv", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tb.HeaderRow != 3 || tb.Encoding != "gb18030" || tb.Rows != 4 || tb.Skipped != 3 {
		t.Errorf("table %+v", tb)
	}
	want := []store.BankLine{
		{Row: 4, Date: "2026-10-20", Amount: ledger.Fen(1234), Balance: ledger.Fen(2178274), HasBalance: true, Reference: "A0003", Summary: "利息"},
		{Row: 5, Date: "2026-10-12", Amount: ledger.Fen(-160000), Balance: ledger.Fen(2177040), HasBalance: true, Counterparty: "锦绣家园维修资金", Reference: "A0002", Summary: "转维修资金"},
		{Row: 7, Date: "2026-10-08", Amount: ledger.Fen(320000), Balance: ledger.Fen(2337040), HasBalance: true, Counterparty: "停车公司", Reference: "A0001", Summary: "10月停车费"},
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("lines:\n got %+v\nwant %+v", lines, want)
	}
	if tb.ColumnOf("income") != "贷方发生额" || tb.ColumnOf("expense") != "借方发生额" {
		t.Errorf("a bank's 借方 is money out: %q %q", tb.ColumnOf("income"), tb.ColumnOf("expense"))
	}
}

// One signed amount column with an in/out flag.
func TestBankAmountWithDirection(t *testing.T) {
	data := csvOf("记账日期,发生额,借贷标志,对方户名", "2026-01-05,100.00,贷,张三", "2026-01-06,-30.00,借,物业", "2026-01-07,5,D,")
	_, lines, err := ReadBank("x.csv", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := []int64{lines[0].Amount.Fen(), lines[1].Amount.Fen(), lines[2].Amount.Fen()}
	if !reflect.DeepEqual(got, []int64{10000, -3000, -500}) || lines[0].HasBalance {
		t.Errorf("amounts %v", got)
	}
}

// A file whose columns are not the expected ones is refused, naming what is missing and
// what the closest row had; --map names the columns and the same file reads.
func TestWrongColumnsAndTheMapping(t *testing.T) {
	data := csvOf("Posting date,Value,Payee", "2026-01-05,100.00,张三")
	_, _, err := ReadBank("x.csv", data, Options{})
	le := wantKey(t, err, "import.header_not_found")
	if !strings.Contains(le.Args["missing"], "交易日期") || !strings.Contains(le.Args["missing"], "金额/收入/支出") || !strings.Contains(le.Args["seen"], "Posting date") {
		t.Errorf("args %v", le.Args)
	}
	m, err := ParseMap("date=Posting date, 金额=Value，counterparty=payee", BankSchema)
	if err != nil {
		t.Fatal(err)
	}
	_, lines, err := ReadBank("x.csv", data, Options{Map: m})
	if err != nil || len(lines) != 1 || lines[0].Amount.Fen() != 10000 || lines[0].Counterparty != "张三" {
		t.Fatalf("mapped: %v %+v", err, lines)
	}
	// a mapped header that is not in the file is named
	m, _ = ParseMap("balance=Saldo", BankSchema)
	_, _, err = ReadBank("x.csv", csvOf("交易日期,金额", "2026-01-05,1"), Options{Map: m})
	if le := wantKey(t, err, "import.header_not_found"); !strings.Contains(le.Args["missing"], "Saldo") {
		t.Errorf("args %v", le.Args)
	}
	for _, bad := range []string{"date", "nosuch=x", "=x"} {
		if _, err := ParseMap(bad, BankSchema); ledger.KeyOf(err) == "" {
			t.Errorf("ParseMap(%q) accepted", bad)
		}
	}
}

func TestEmptyAndNonSpreadsheetFiles(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty": nil, "spaces": []byte("  \r\n\t\n"), "bom only": {0xEF, 0xBB, 0xBF},
	} {
		_, _, err := ReadUnits(name+".csv", data, Options{})
		wantKey(t, err, "import.empty_file")
	}
	_, _, err := ReadUnits("header.csv", csvOf(strings.Join(unitRows[0], ","), ",,,,,,"), Options{})
	wantKey(t, err, "import.no_rows")
	_, _, err = ReadUnits("scan.pdf", []byte("%PDF-1.7\x00\x01\x02binary"), Options{})
	wantKey(t, err, "import.not_text")
	_, _, err = ReadUnits("old.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), Options{})
	wantKey(t, err, "import.xls_unsupported")
	_, _, err = ReadUnits("latin1.csv", []byte("a,b\n\xff\xfe\xfd\x80,1\n"), Options{})
	wantKey(t, err, "import.bad_encoding")
}

// Every bad row is listed by its row number, with the column and the reason, in one go.
func TestBadRowsAreAllListed(t *testing.T) {
	data := csvOf(
		"幢,室,建筑面积,房屋类型,业主,电话,首期应筹集金额",
		"1,101,89.5,商品房,张三,,8950",
		"1,102,-3,商品房,李四,,abc",
		",103,80,别墅,王五,,100",
		"1,104,80.123,商品房,,,",
	)
	_, rows, err := ReadUnits("r.csv", data, Options{})
	if len(rows) != 1 || rows[0].Row != 2 {
		t.Fatalf("the rows that passed come back beside the problems: %+v", rows)
	}
	ps := problems(t, err)
	for _, want := range []struct {
		row      int
		key, col string
	}{
		{3, "area.invalid", "建筑面积"}, {3, "amount.invalid", "首期应筹集金额"}, {4, "building.code_empty", "幢"},
		{4, "import.bad_housing_type", "房屋类型"}, {5, "area.too_many_decimals", "建筑面积"}, {5, "import.initial_empty", "首期应筹集金额"},
	} {
		found := false
		for _, p := range ps {
			found = found || (p.Row == want.row && p.Err.Key == want.key && p.Column == want.col)
		}
		if !found {
			t.Errorf("row %d: no %s in %s; problems: %+v", want.row, want.key, want.col, ps)
		}
	}
	if hasProblem(ps, 2, "") || len(ps) != 6 {
		t.Errorf("%d problems: %+v", len(ps), ps)
	}
}

// A truncated workbook is refused clearly, whatever the cut, and never panics.
func TestTruncatedXLSX(t *testing.T) {
	data := xlsxOf(t, "", [][]any{{"幢", "室", "建筑面积", "首期应筹集金额"}, {"1", "101", 89.5, 8950.0}})
	for _, n := range []int{len(data) - 1, len(data) - 22, len(data) / 2, 300, 30, 5} {
		_, _, err := ReadUnits("cut.xlsx", data[:n], Options{})
		if k := ledger.KeyOf(err); k != "import.xlsx_damaged" {
			t.Errorf("cut at %d of %d: %v", n, len(data), err)
		}
	}
	if _, rows, err := ReadUnits("whole.xlsx", data, Options{}); err != nil || len(rows) != 1 {
		t.Fatalf("whole: %v", err)
	}
}

// XLSX values are read raw: a number formatted "￥1,234.50" is 1234.5, a date cell is its day;
// the first sheet unless another is named.
func TestXLSXRawValuesAndSheets(t *testing.T) {
	rows := [][]any{
		{"交易日期", "收入", "支出", "余额", "摘要"},
		{dateCell("2026-03-15"), 1234.5, nil, 1234.5, "停车费"},
		{dateCell("2026-03-16"), nil, 0.1 + 0.2, 1234.2, "手续费"},
		{"2026年3月17日", "￥12,345,678,901.23", "", 12345680135.43, "大额"},
	}
	data := xlsxOf(t, "银行流水", rows)
	tb, lines, err := ReadBank("s.xlsx", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tb.Format != "xlsx" || tb.Sheet != "银行流水" {
		t.Errorf("table %+v", tb)
	}
	got := fmt.Sprintln(lines[0].Date, lines[0].Amount, lines[1].Date, lines[1].Amount, lines[2].Date, lines[2].Amount, lines[2].Balance)
	if want := "2026-03-15 1234.50 2026-03-16 -0.30 2026-03-17 12345678901.23 12345680135.43\n"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if _, _, err := ReadBank("s.xlsx", data, Options{Sheet: "银行流水"}); err != nil {
		t.Error(err)
	}
	_, _, err = ReadBank("s.xlsx", data, Options{Sheet: "Sheet9"})
	if le := wantKey(t, err, "import.sheet_missing"); le.Args["sheets"] != "银行流水" {
		t.Errorf("args %v", le.Args)
	}
}

// A formula's cached value is read; a formula saved without one (written by a program that
// never calculated it) and an error value are refused at their row and column.
func TestXLSXFormulas(t *testing.T) {
	sheet := xrow(1, "日期", "摘要", "科目", "借方", "贷方") +
		xrow(2, "2026-01-05", "停车费", "1001", "=100+200|300", "") +
		xrow(3, "2026-01-05", "停车费", "4001", "", "=D2|300") +
		xrow(4, "2026-01-06", "手续费", "5301", "=D9", "") +
		xrow(5, "2026-01-07", "审计费", "5201", "=1/0|#DIV/0!", "")
	_, _, err := ReadVouchers("f.xlsx", rawXLSX(t, sheet, "", false), Options{Book: ledger.BookPublic})
	ps := problems(t, err)
	if len(ps) != 2 || !hasProblem(ps, 4, "import.formula_no_value") || !hasProblem(ps, 5, "import.formula_error") || ps[0].Column != "借方" {
		t.Fatalf("problems %+v", ps)
	}
	sheet = xrow(1, "日期", "摘要", "科目", "借方", "贷方") +
		xrow(2, "2026-01-05", "停车费", "1001", "=100+200|300", "") +
		xrow(3, "2026-01-05", "停车费", "4001", "", "=D2|300")
	_, vs, err := ReadVouchers("f.xlsx", rawXLSX(t, sheet, "", false), Options{Book: ledger.BookPublic})
	if err != nil || len(vs) != 1 || vs[0].Lines[0].Amount.Fen() != 30000 || vs[0].Lines[1].Amount.Fen() != -30000 {
		t.Fatalf("cached values: %v %+v", err, vs)
	}
}

// A voucher's date and number written once in merged cells beside its lines, a float stored
// with binary noise, and 1904-based date serials.
func TestXLSXMergedCellsNoiseAnd1904(t *testing.T) {
	sheet := xrow(1, "日期", "凭证号", "摘要", "科目", "借方", "贷方") +
		xrow(2, "45301", "记-1", "停车费", "1001", "1234.5600000000001", "") +
		xrow(3, "", "", "停车费", "4001", "", "1234.56") +
		xrow(4, "45302", "记-2", "手续费", "5301", "1.2E+1", "") +
		xrow(5, "", "", "手续费", "1001", "", "12")
	merges := `<mergeCells count="4"><mergeCell ref="A2:A3"/><mergeCell ref="B2:B3"/><mergeCell ref="A4:A5"/><mergeCell ref="B4:B5"/></mergeCells>`
	_, vs, err := ReadVouchers("m.xlsx", rawXLSX(t, sheet, merges, false), Options{Book: ledger.BookPublic})
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 || vs[0].Date != "2024-01-10" || vs[0].No != "记-1" || len(vs[0].Lines) != 2 || vs[0].Lines[0].Amount.Fen() != 123456 || vs[1].Lines[0].Amount.Fen() != 1200 {
		t.Fatalf("vouchers %+v", vs)
	}
	_, vs, err = ReadVouchers("m.xlsx", rawXLSX(t, sheet, merges, true), Options{Book: ledger.BookPublic})
	if err != nil || vs[0].Date != "2028-01-11" {
		t.Fatalf("1904 dates: %v %+v", err, vs)
	}
	// noise beyond a millionth of a fen is not rounded away
	sheet = xrow(1, "日期", "摘要", "科目", "借方", "贷方") + xrow(2, "2026-01-05", "x", "5301", "1.005", "")
	_, _, err = ReadVouchers("m.xlsx", rawXLSX(t, sheet, "", false), Options{Book: ledger.BookPublic})
	if ps := problems(t, err); !hasProblem(ps, 2, "amount.too_many_decimals") {
		t.Errorf("problems %+v", ps)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-03-15": "2024-03-15", "2024/3/5": "2024-03-05", "2024.03.15": "2024-03-15", "2024年3月15日": "2024-03-15",
		"20240315": "2024-03-15", "2024-03-15 10:22:01": "2024-03-15", "２０２４－０３－１５": "2024-03-15", "45366": "2024-03-15",
		"45366.75": "2024-03-15", "2024-3-15T08:00": "2024-03-15",
	} {
		got, err := parseDate(in, false)
		if err != nil || got != want {
			t.Errorf("parseDate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, key := range map[string]string{
		"": "import.date_empty", "15/03/2024": "import.bad_date", "2024-02-30": "import.bad_date", "20241315": "import.bad_date",
		"1899-12-31": "date.out_of_range", "#REF!": "import.formula_error", "明天": "import.bad_date",
	} {
		if _, err := parseDate(in, false); ledger.KeyOf(err) != key {
			t.Errorf("parseDate(%q): %v, want %s", in, err, key)
		}
	}
}

func TestParseAmount(t *testing.T) {
	for in, want := range map[string]int64{
		"1,234.50": 123450, "￥1,234.50": 123450, "¥ -1,234.50": -123450, "１，２３４．５０": 123450, "(1,234.50)": -123450,
		"（12.00）": -1200, "RMB 100": 10000, "1.2345E+3": 123450, "1234.5600000000001": 123456, "0.30000000000000004": 30,
		"12元": 1200, "1234.560": 123456,
	} {
		got, empty, err := parseAmount(in)
		if err != nil || empty || got.Fen() != want {
			t.Errorf("parseAmount(%q) = %v, %v, %v; want %d", in, got, empty, err, want)
		}
	}
	for _, in := range []string{"", " ", "-", "—"} {
		if _, empty, err := parseAmount(in); !empty || err != nil {
			t.Errorf("parseAmount(%q) not empty", in)
		}
	}
	for in, key := range map[string]string{"abc": "amount.invalid", "1.005": "amount.too_many_decimals", "#VALUE!": "import.formula_error", "1,23": "amount.invalid"} {
		if _, _, err := parseAmount(in); ledger.KeyOf(err) != key {
			t.Errorf("parseAmount(%q): %v, want %s", in, err, key)
		}
	}
}

func TestParseBookTypeDirection(t *testing.T) {
	for in, want := range map[string]ledger.Book{"fund": "fund", "专项维修资金": "fund", "维修基金": "fund", "公共收益": "public", "PUBLIC": "public", "工作经费": "working", "业委会工作经费": "working"} {
		if b, err := ParseBook(in); err != nil || b != want {
			t.Errorf("ParseBook(%q) = %q %v", in, b, err)
		}
	}
	if _, err := ParseBook("现金"); ledger.KeyOf(err) != "import.bad_book" {
		t.Error(err)
	}
	for in, want := range map[string]string{"商品房": "commodity", "已购公房": "public_sold", "商铺": "non_residential", "地下车库": "garage", "": "", "Garage": "garage"} {
		if h, err := parseHousingType(in); err != nil || h != want {
			t.Errorf("parseHousingType(%q) = %q %v", in, h, err)
		}
	}
	for in, want := range map[string]int{"贷": 1, "收": 1, "C": 1, "借": -1, "支出": -1, "d": -1} {
		if d, err := parseDirection(in); err != nil || d != want {
			t.Errorf("parseDirection(%q) = %d %v", in, d, err)
		}
	}
}

// Rows of a book group into vouchers: by number (wherever the rows stand), by a continuation
// row that leaves the date empty, by consecutive rows of the same date and summary; a lone
// line gets the bank as its other side.
func TestVoucherGrouping(t *testing.T) {
	data := csvOf(
		"日期,账簿,凭证号,摘要,科目,借方,贷方,幢,室",
		"2024-01-05,维修资金,记-1,首期交存,1001,300,,,",
		"2024-01-05,公共收益,记-1,停车费,1001,50,,,",
		"2024-01-05,维修资金,记-1,首期交存 1-101,4001,,100,1,101",
		",,,首期交存 1-102,4001,,200,1,102",
		"2024-01-05,公共收益,记-1,停车费,4001,,50,,",
		"2024-01-06,工作经费,,办公用品,5001,20,,,",
		"2024-01-07,公共收益,,广告费,1001,80,,,",
		"2024-01-07,公共收益,,广告费,4002,,80,,",
		"2024-01-07,公共收益,,手续费,5301,1,,,",
		",,,,1001,,1,,",
	)
	_, vs, err := ReadVouchers("b.csv", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range vs {
		var ls []string
		for _, l := range v.Lines {
			s := fmt.Sprintf("%d:%s:%s", l.Row, l.Account, l.Amount)
			if l.Building != "" {
				s += "@" + l.Building + "-" + l.Room
			}
			if l.Auto {
				s += "(auto)"
			}
			ls = append(ls, s)
		}
		got = append(got, fmt.Sprintf("%s %s %s %q [%s]", v.Book, v.Date, v.No, v.Summary, strings.Join(ls, " ")))
	}
	want := []string{
		`fund 2024-01-05 记-1 "首期交存" [2:1001:300.00 4:4001:-100.00@1-101 5:4001:-200.00@1-102]`,
		`public 2024-01-05 记-1 "停车费" [3:1001:50.00 6:4001:-50.00]`,
		`working 2024-01-06  "办公用品" [7:5001:20.00 7:1001:-20.00(auto)]`,
		`public 2024-01-07  "广告费" [8:1001:80.00 9:4002:-80.00]`,
		`public 2024-01-07  "手续费" [10:5301:1.00 11:1001:-1.00]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if vs[0].Lines[1].Memo != "首期交存 1-101" || vs[0].Lines[0].Memo != "" {
		t.Errorf("memos %+v", vs[0].Lines)
	}
	// debit and credit in one row, none at all, no book
	_, _, err = ReadVouchers("b.csv", csvOf("日期,摘要,科目,借方,贷方", "2024-01-05,x,1001,1,1", "2024-01-05,x,1001,,"), Options{})
	ps := problems(t, err)
	if !hasProblem(ps, 2, "import.both_sides") || !hasProblem(ps, 3, "import.no_amount") || !hasProblem(ps, 2, "import.book_required") {
		t.Errorf("problems %+v", ps)
	}
}

// Round trip: a roster written as CSV (UTF-8 with BOM, GB18030) and as XLSX reads back as
// the same rows.
func TestRoundTripUnits(t *testing.T) {
	var rows [][]any
	for _, r := range unitRows {
		row := make([]any, len(r))
		for i, c := range r {
			row[i] = c
		}
		rows = append(rows, row)
	}
	for name, data := range map[string][]byte{
		"x.xlsx": xlsxOf(t, "房屋", rows),
		"x.csv":  append([]byte{0xEF, 0xBB, 0xBF}, unitsCSV(",")...),
		"g.csv":  gb18030(t, unitsCSV(",")),
	} {
		_, got, err := ReadUnits(name, data, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, wantUnits) {
			t.Errorf("%s:\n got %+v\nwant %+v", name, got, wantUnits)
		}
	}
}

// 100,000 rows stream through the readers: CSV and XLSX (written with excelize's stream
// writer, as the exports are).
func TestHundredThousandRows(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	const n = 100_000
	var csv bytes.Buffer
	csv.WriteString("交易日期,交易流水号,收入,支出,余额,对方户名,摘要\n")
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"交易日期", "交易流水号", "收入", "支出", "余额", "对方户名", "摘要"})
	bal := int64(0)
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		d := day.AddDate(0, 0, i/50).Format("2006-01-02")
		amt := int64(i%9973 + 1)
		bal += amt
		fmt.Fprintf(&csv, "%s,R%07d,%s,,%s,业主%d,物业费\n", d, i, ledger.Fen(amt), ledger.Fen(bal), i%500)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		sw.SetRow(cell, []any{d, fmt.Sprintf("R%07d", i), float64(amt) / 100, nil, ledger.Fen(bal).String(), fmt.Sprintf("业主%d", i%500), "物业费"})
	}
	sw.Flush()
	var x bytes.Buffer
	f.Write(&x)
	f.Close()
	for name, data := range map[string][]byte{"big.csv": csv.Bytes(), "big.xlsx": x.Bytes()} {
		start := time.Now()
		tb, lines, err := ReadBank(name, data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d bytes, %d rows read in %s", name, len(data), tb.Rows, time.Since(start).Round(time.Millisecond))
		if len(lines) != n || lines[n-1].Balance.Fen() != bal || lines[n-1].Row != n+1 {
			t.Errorf("%s: %d lines, last %+v", name, len(lines), lines[len(lines)-1])
		}
	}
}
