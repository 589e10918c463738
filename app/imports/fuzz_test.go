package imports

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"jiayuan/app/i18n"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

var catalog = i18n.MustLoad()

// checkOutcome is what every read of any bytes must give: rows, or a refusal whose every key
// has a message in both languages, and never a panic.
func checkOutcome(t *testing.T, what string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var rr *store.RowsRefused
	if errors.As(err, &rr) {
		if len(rr.Problems) == 0 {
			t.Fatalf("%s: empty problem list", what)
		}
		for _, p := range rr.Problems {
			if p.Err == nil || p.Row <= 0 || !catalog.Has(p.Err.Key) {
				t.Fatalf("%s: bad problem %+v", what, p)
			}
		}
		return
	}
	var le *ledger.Error
	if !errors.As(err, &le) {
		t.Fatalf("%s: not a refusal: %v", what, err)
	}
	if !catalog.Has(le.Key) {
		t.Fatalf("%s: key %q has no message", what, le.Key)
	}
}

// readOne reads data as one kind of file, chosen by its length, so that an execution costs
// one parse (the XLSX minimiser runs thousands of them).
func readOne(t *testing.T, name string, data []byte) {
	switch len(data) % 4 {
	case 0:
		_, units, err := ReadUnits(name, data, Options{})
		checkOutcome(t, "units", err)
		for _, u := range units {
			if u.Row <= 0 || u.AreaCM2 <= 0 || u.Initial.Sign() < 0 {
				t.Fatalf("unit %+v", u)
			}
		}
	case 1:
		_, vs, err := ReadVouchers(name, data, Options{Book: ledger.BookPublic})
		checkOutcome(t, "vouchers", err)
		for _, v := range vs {
			if len(v.Lines) < 2 || !v.Book.Valid() {
				t.Fatalf("voucher %+v", v)
			}
			if _, err := ledger.ParseDate(v.Date); err != nil {
				t.Fatalf("voucher date %q", v.Date)
			}
		}
	case 2:
		_, lines, err := ReadBank(name, data, Options{})
		checkOutcome(t, "bank", err)
		for _, l := range lines {
			if l.Amount.IsZero() || l.Row <= 0 {
				t.Fatalf("line %+v", l)
			}
		}
	default:
		_, _, err := ReadOpeningUnits(name, data, Options{})
		checkOutcome(t, "opening", err)
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add(unitsCSV(","))
	f.Add(gb18030(f, unitsCSV(",")))
	f.Add(csvOf("交易日期,金额,余额", "2024-01-05,\"1,234.50\",1234.5", "合计,1234.5,"))
	f.Add(csvOf("日期,凭证号,摘要,科目,借方,贷方", "2024-01-05,1,x,1001,1,", ",,x,4001,,1"))
	f.Add(csvOf("幢,室,余额", "1,101,\"=\"\"12\"\"\"", "1,102,(3.00)"))
	f.Add([]byte("\xef\xbb\xbf\"a,b\n\"\"c"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		readOne(t, "fuzz.csv", data)
	})
}

// FuzzReadXLSX fuzzes a sheet's XML inside a well-formed workbook (so that mutations reach the
// reader rather than dying in the zip's checksums), and raw workbook bytes as well.
func FuzzReadXLSX(f *testing.F) {
	sheet := xrow(1, "日期", "摘要", "科目", "借方", "贷方", "交易日期", "金额", "幢", "室", "建筑面积", "首期应筹集金额", "余额") +
		xrow(2, "45301", "x", "5301", "=1+1|2", "", "45301", "=A9", "1", "101", "89.5", "8950", "1") +
		xrow(3, "", "x", "1001", "", "2", "2024-01-05", "=1/0|#DIV/0!", "1", "102", "1.2E+1", "0.30000000000000004", "")
	merge := `<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>`
	f.Add(sheet, merge, false, []byte(nil))
	f.Add(sheet, "", true, []byte(nil))
	f.Add("", "", false, xlsxOf(f, "", [][]any{{"幢", "室", "建筑面积", "首期应筹集金额", "余额"}, {"1", "101", 89.5, 8950.0, 1.0}}))
	f.Fuzz(func(t *testing.T, sheetData, tail string, date1904 bool, raw []byte) {
		if len(sheetData)+len(tail)+len(raw) > 1<<16 {
			return
		}
		data := raw
		if len(data) == 0 {
			data = rawXLSX(t, sheetData, tail, date1904)
		}
		readOne(t, "fuzz.xlsx", data)
	})
}

// Any text in any cell survives the trip through a CSV file: what the reader gives back for a
// text column is the cell as written, trimmed.
func FuzzCSVRoundTrip(f *testing.F) {
	f.Add("停车公司", "10月停车费", "A0001")
	f.Add(" 带,逗号\"引号\" ", "换\n行", "=\"123\"")
	f.Fuzz(func(t *testing.T, cp, summary, ref string) {
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.Write([]string{"交易日期", "金额", "对方户名", "摘要", "交易流水号"})
		w.Write([]string{"2024-01-05", "1.00", cp, summary, ref})
		w.Flush()
		_, lines, err := ReadBank("rt.csv", buf.Bytes(), Options{})
		if err != nil {
			return // e.g. text that is not UTF-8, or a cell that is a total marker
		}
		if len(lines) != 1 {
			t.Fatalf("%d lines", len(lines))
		}
		got := []string{lines[0].Counterparty, lines[0].Summary, lines[0].Reference}
		want := []string{cleanCell(cp), cleanCell(summary), cleanCell(ref)}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("got %q want %q", got, want)
		}
	})
}

// Bank lines written to XLSX with excelize read back exactly.
func TestRoundTripBankXLSX(t *testing.T) {
	rows := [][]any{{"交易日期", "交易流水号", "收入", "支出", "余额", "对方户名", "摘要"}}
	var want []store.BankLine
	bal := int64(0)
	for i := range 200 {
		amt := int64((i*7919)%100000 + 1)
		in, out := any(float64(amt)/100), any(nil)
		if i%3 == 0 {
			in, out = nil, float64(amt)/100
			amt = -amt
		}
		bal += amt
		d := fmt.Sprintf("2025-%02d-%02d", i%12+1, i%28+1)
		rows = append(rows, []any{dateCell(d), fmt.Sprintf("R%04d", i), in, out, float64(bal) / 100, fmt.Sprintf("对方%d", i), "摘要"})
		want = append(want, store.BankLine{Row: i + 2, Date: d, Amount: ledger.Fen(amt), Balance: ledger.Fen(bal), HasBalance: true,
			Counterparty: fmt.Sprintf("对方%d", i), Reference: fmt.Sprintf("R%04d", i), Summary: "摘要"})
	}
	_, got, err := ReadBank("rt.xlsx", xlsxOf(t, "", rows), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("row %d:\n got %+v\nwant %+v", i, got[i], want[i])
			}
		}
		t.Fatalf("%d lines, want %d", len(got), len(want))
	}
}
