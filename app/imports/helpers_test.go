package imports

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// csvOf joins rows as CSV lines (cells must not need quoting unless quoted by the caller).
func csvOf(rows ...string) []byte { return []byte(strings.Join(rows, "\r\n") + "\r\n") }

func gb18030(t testing.TB, b []byte) []byte {
	t.Helper()
	out, err := simplifiedchinese.GB18030.NewEncoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// xlsxOf writes rows to the first sheet with excelize: numbers as numbers when a cell is a
// float64 or int, dates when a cell is a dateCell.
type dateCell string

func xlsxOf(t testing.TB, sheet string, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "" && sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			t.Fatal(err)
		}
	} else {
		sheet = "Sheet1"
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	money, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr(`"￥"#,##0.00;[Red]-"￥"#,##0.00`)})
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			switch x := v.(type) {
			case dateCell:
				d, err := ledger.ParseDate(string(x))
				if err != nil {
					t.Fatal(err)
				}
				f.SetCellValue(sheet, cell, d)
				f.SetCellStyle(sheet, cell, cell, dateStyle)
			case float64:
				f.SetCellValue(sheet, cell, x)
				f.SetCellStyle(sheet, cell, cell, money)
			default:
				f.SetCellValue(sheet, cell, v)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func ptr[T any](v T) *T { return &v }

// rawXLSX builds a workbook by hand around one sheet's XML, for what excelize does not write:
// formulas with or without a cached value, error values, 1904 dates.
func rawXLSX(t testing.TB, sheetData, tail string, date1904 bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	d1904 := "0"
	if date1904 {
		d1904 = "1"
	}
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="` + d1904 + `"/><sheets><sheet name="明细账" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheetData + `</sheetData>` + tail + `</worksheet>`},
	}
	for _, f := range files {
		w, err := z.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(f.body))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// xrow writes one row of cells for rawXLSX: a string cell as an inline string, a cell
// starting with "=" as a formula (with "|" the cached value after it: "=D2+E2|300"), "#…" an
// error value, anything numeric as a number.
func xrow(n int, cells ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, n)
	for i, c := range cells {
		ref, _ := excelize.CoordinatesToCellName(i+1, n)
		switch {
		case c == "":
		case strings.HasPrefix(c, "="):
			f, v, _ := strings.Cut(c[1:], "|")
			switch {
			case v == "":
				fmt.Fprintf(&b, `<c r="%s"><f>%s</f></c>`, ref, f)
			case strings.HasPrefix(v, "#"):
				fmt.Fprintf(&b, `<c r="%s" t="e"><f>%s</f><v>%s</v></c>`, ref, f, v)
			default:
				fmt.Fprintf(&b, `<c r="%s"><f>%s</f><v>%s</v></c>`, ref, f, v)
			}
		case isNumber(c):
			fmt.Fprintf(&b, `<c r="%s"><v>%s</v></c>`, ref, c)
		default:
			fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, c)
		}
	}
	b.WriteString(`</row>`)
	return b.String()
}

func isNumber(s string) bool { return plainNum.MatchString(s) }

// problems returns the row problems of a refused read, failing on any other outcome.
func problems(t *testing.T, err error) []store.RowProblem {
	t.Helper()
	var rr *store.RowsRefused
	if !errors.As(err, &rr) {
		t.Fatalf("want row problems, got %v", err)
	}
	return rr.Problems
}

// hasProblem reports whether a row has a problem with key.
func hasProblem(ps []store.RowProblem, row int, key string) bool {
	for _, p := range ps {
		if p.Row == row && p.Err.Key == key {
			return true
		}
	}
	return false
}

// wantKey fails unless err is a refusal with key.
func wantKey(t *testing.T, err error, key string) *ledger.Error {
	t.Helper()
	var le *ledger.Error
	if !errors.As(err, &le) || le.Key != key {
		t.Fatalf("want refusal %q, got %v", key, err)
	}
	return le
}

var unitRows = [][]string{
	{"幢", "室号", "建筑面积（㎡）", "房屋类型", "业主", "联系电话", "首期应筹集金额（元）"},
	{"1", "101", "89.50", "商品房", "张三", "13800000001", "8,950.00"},
	{"1号", "102", "100.25", "售后公房", "李四", "", "10025"},
	{"2幢", "201室", "75", "", "张三", "13800000001", "￥7,500.00"},
	{"2", "202", "120.00", "车库", "", "", "0"},
}

func unitsCSV(sep string) []byte {
	var lines []string
	for _, r := range unitRows {
		cells := make([]string, len(r))
		for i, c := range r {
			if strings.Contains(c, sep) {
				c = `"` + c + `"`
			}
			cells[i] = c
		}
		lines = append(lines, strings.Join(cells, sep))
	}
	return csvOf(lines...)
}

var wantUnits = []store.ImportUnit{
	{Row: 2, Building: "1", Room: "101", AreaCM2: 8950, HousingType: "commodity", Owner: "张三", Phone: "13800000001", Initial: ledger.Fen(895000)},
	{Row: 3, Building: "1号", Room: "102", AreaCM2: 10025, HousingType: "public_sold", Owner: "李四", Initial: ledger.Fen(1002500)},
	{Row: 4, Building: "2幢", Room: "201室", AreaCM2: 7500, HousingType: "", Owner: "张三", Phone: "13800000001", Initial: ledger.Fen(750000)},
	{Row: 5, Building: "2", Room: "202", AreaCM2: 12000, HousingType: "garage", Initial: ledger.Zero},
}
