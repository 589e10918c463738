package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"jiayuan/store/ledger"
)

func TestXLSXHasTypedExactCellsAndAFrozenHeader(t *testing.T) {
	d := sampleDoc(50)
	amounts := &Table{
		Title: "金额:校验/表[1]",
		Columns: []Column{
			{Title: "项目"}, {Title: "金额", Kind: KindMoney}, {Title: "日期", Kind: KindDate},
			{Title: "户数", Kind: KindInt}, {Title: "比例", Kind: KindPercent}, {Title: "面积", Kind: KindNumber},
		},
	}
	fens := []int64{123456789, 1, -1, 10, 9999999999999, 1234567890123456}
	for i, f := range fens {
		amounts.Add(Text("项"+itoa(i)), Money(ledger.Fen(f)), Date("2025-06-30"), Int(int64(i)),
			Percent(dec("0.29999")), Number(dec("89.5"), 2))
	}
	d.Add(amounts)
	b, err := RenderXLSX(d)
	if err != nil {
		t.Fatal(err)
	}
	writeArtifact(t, "journal.xlsx", b)
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	want := []string{"概要", "银行存款日记账", "金额_校验_表_1_"}
	if strings.Join(sheets, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets %q, want %q", sheets, want)
	}

	const sheet = "银行存款日记账"
	if v, _ := f.GetCellValue(sheet, "A1"); v != d.Title {
		t.Errorf("A1 = %q, want the title", v)
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	hdr := -1
	for i, r := range rows {
		if len(r) > 0 && r[0] == "序号" {
			hdr = i + 1
			break
		}
	}
	if hdr < 0 {
		t.Fatal("no header row")
	}
	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != hdr {
		t.Errorf("panes %+v, want frozen below row %d", panes, hdr)
	}
	// First data row: money numeric and exact, date a real date, integer numeric.
	r := hdr + 1
	for col, wantType := range map[string]excelize.CellType{"A": excelize.CellTypeNumber, "B": excelize.CellTypeNumber, "F": excelize.CellTypeNumber, "H": excelize.CellTypeNumber} {
		ct, err := f.GetCellType(sheet, col+itoa(r))
		if err != nil {
			t.Fatal(err)
		}
		// excelize reports numbers written by the stream writer as unset (no t attribute).
		if ct != wantType && ct != excelize.CellTypeUnset {
			t.Errorf("%s%d type %v, want number", col, r, ct)
		}
	}
	if v, _ := f.GetCellValue(sheet, "B"+itoa(r)); v != "2025-01-01" {
		t.Errorf("date shows %q, want 2025-01-01", v)
	}
	if v, _ := f.GetCellValue(sheet, "F"+itoa(r)); v != "42,336.50" {
		t.Errorf("money shows %q, want 42,336.50", v)
	}

	// Exactness across magnitudes, on the second table's sheet.
	rows, err = f.GetRows(want[2], excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range rows {
		if len(row) > 5 && strings.HasPrefix(row[0], "项") && row[0] != "项目" {
			got = append(got, row[1])
			if row[4] != "0.2999" {
				t.Errorf("percent raw %q, want the displayed 0.2999", row[4])
			}
			if row[5] != "89.5" {
				t.Errorf("area raw %q", row[5])
			}
		}
	}
	if len(got) != len(fens) {
		t.Fatalf("got %d amounts, want %d", len(got), len(fens))
	}
	for i, f := range fens {
		wantDec := ledger.Fen(f).Decimal()
		g, err := decimal.NewFromString(got[i])
		if err != nil || !g.Equal(wantDec) {
			t.Errorf("amount %d reads back %q, want %s", i, got[i], wantDec)
		}
	}
	for _, cell := range []string{"B6", "B7", "B8"} {
		ct, _ := f.GetCellType(want[2], cell)
		if ct == excelize.CellTypeSharedString || ct == excelize.CellTypeInlineString {
			t.Errorf("%s is text, want a number", cell)
		}
	}
}

func TestSheetNamesAreValidAndUnique(t *testing.T) {
	x := &xlsxWriter{used: map[string]bool{}}
	long := strings.Repeat("很长的表名", 10)
	for _, c := range []struct{ in, want string }{
		{"收支:明细/2025*", "收支_明细_2025_"},
		{"", "表2"},
		{long, string([]rune(long)[:31])},
		{long, string([]rune(long)[:28]) + "(2)"},
		{"'引号'", "引号"},
		{"ABC", "ABC"},
		{"abc", "abc(2)"},
	} {
		if got := x.sheetName(c.in); got != c.want {
			t.Errorf("sheetName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCSVHasBOMAndPlainAmounts(t *testing.T) {
	tb := journal(3)
	tb.Add(Text("=cmd"), Date("2025-02-01"), Text("维-1"), Text("含,逗号"), Text("x"), Money(ledger.Fen(-123456)), Text(""), Text(""))
	b := RenderCSV(*tb)
	if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF序号,日期,凭证号")) {
		t.Fatalf("CSV does not start with a BOM and the header: %q", b[:min(40, len(b))])
	}
	s := string(b)
	for _, want := range []string{"\r\n1,2025-01-01,维-2025-0001,", ",42336.50,,42336.50\r\n", `'=cmd,2025-02-01,维-1,"含,逗号",x,-1234.56,,`} {
		if !strings.Contains(s, want) {
			t.Errorf("CSV lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "42,336.50") {
		t.Error("CSV amounts are grouped")
	}
}
