package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// state is what an import that changes nothing must leave as it was: the chain head and the
// row counts of what imports write.
func state(t *testing.T, path string) string {
	t.Helper()
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h, err := s.ChainHead()
	if err != nil {
		t.Fatal(err)
	}
	out := fmt.Sprintf("#%d %s", h.Seq, h.Hash)
	for _, tbl := range []string{"vouchers", "postings", "units", "owners", "buildings", "change_log", "bank_lines", "import_log"} {
		var n int
		if err := s.DB().QueryRow(`SELECT count(*) FROM ` + tbl).Scan(&n); err != nil {
			continue // bank tables are not there before the first write
		}
		out += fmt.Sprintf(" %s=%d", tbl, n)
	}
	return out
}

func write(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gbk(s string) []byte {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func TestImportUnitsFromTheCommandLine(t *testing.T) {
	p := demoLedger(t)
	roster := write(t, "房屋清单.csv", gbk("幢,室号,建筑面积,房屋类型,业主,联系电话,首期应筹集金额\r\n31,101,89.50,商品房,王小明,13800000001,\"8,950.00\"\r\n31,102,100.25,售后公房,李华,,10025\r\n合计,,,,,,18975\r\n"))
	code, out, errs := run(t, "import", "--ledger", p, "--kind", "units", roster)
	if code != 0 || !strings.Contains(out, "gb18030") || !strings.Contains(out, "导入房屋 2 户（新建楼幢 1 个、业主 2 位）") {
		t.Fatalf("%d\n%s\n%s", code, out, errs)
	}
	before := state(t, p)
	// flags after the file, and in English
	code, out, _ = run(t, "import", roster, "--ledger", p, "--kind", "units", "--lang", "en")
	if code != 0 || !strings.Contains(out, "All 2 rows of the file are already in the ledger") {
		t.Fatalf("%d %s", code, out)
	}
	if after := state(t, p); after != before {
		t.Fatalf("re-import changed the ledger:\n%s\n%s", before, after)
	}
	if code, out, _ := run(t, "verify", "--ledger", p); code != 0 {
		t.Fatal(out)
	}
}

// A file with bad rows lists each by row number and changes nothing; so does a file whose
// columns are not the expected ones.
func TestImportRefusalsListRowsAndChangeNothing(t *testing.T) {
	p := demoLedger(t)
	before := state(t, p)
	bad := write(t, "bad.csv", []byte("幢,室,建筑面积,首期应筹集金额\n31,101,89.5,8950\n31,102,abc,100\n31,101,80,1\n"))
	code, _, errs := run(t, "import", "--ledger", p, "--kind", "units", bad)
	if code != 1 || !strings.Contains(errs, "导入未完成，账本没有任何改动") || !strings.Contains(errs, "第 3 行「建筑面积」") || !strings.Contains(errs, "第 4 行：31号 101 室在文件中重复出现（第一次在第 2 行）") {
		t.Fatalf("%d\n%s", code, errs)
	}
	code, _, errs = run(t, "--lang", "en", "import", "--ledger", p, "--kind", "units", bad)
	if code != 1 || !strings.Contains(errs, "Row 3, 建筑面积:") {
		t.Fatalf("%d\n%s", code, errs)
	}
	wrong := write(t, "wrong.csv", []byte("Date,Value\n2026-01-01,1\n"))
	code, _, errs = run(t, "import", "--ledger", p, "--kind", "bank", "--book", "public", wrong)
	if code != 1 || !strings.Contains(errs, "找不到表头") || !strings.Contains(errs, "Date | Value") {
		t.Fatalf("%d\n%s", code, errs)
	}
	empty := write(t, "empty.csv", nil)
	code, _, errs = run(t, "import", "--ledger", p, "--kind", "vouchers", "--book", "public", empty)
	if code != 1 || !strings.Contains(errs, "是空的") {
		t.Fatalf("%d\n%s", code, errs)
	}
	cut := write(t, "cut.xlsx", xlsx(t, [][]any{{"幢", "室", "建筑面积", "首期应筹集金额"}, {"31", "101", 89.5, 8950.0}})[:200])
	code, _, errs = run(t, "import", "--ledger", p, "--kind", "units", cut)
	if code != 1 || !strings.Contains(errs, "已损坏或不完整") {
		t.Fatalf("%d\n%s", code, errs)
	}
	if after := state(t, p); after != before {
		t.Fatalf("refused imports changed the ledger:\n%s\n%s", before, after)
	}
}

func TestImportUsageErrors(t *testing.T) {
	p := demoLedger(t)
	f := write(t, "x.csv", []byte("a\n1\n"))
	for _, args := range [][]string{
		{"import", "--ledger", p, f},
		{"import", "--ledger", p, "--kind", "units"},
		{"import", "--ledger", p, "--kind", "units", f, f},
		{"import", "--ledger", p, "--kind", "bank", f},
		{"import", "--kind", "units", f},
		{"opening", "--ledger", p, "--book", "fund"},
		{"reconcile", "--ledger", p},
	} {
		if code, _, errs := run(t, args...); code != 2 || errs == "" {
			t.Errorf("%v: %d %q", args, code, errs)
		}
	}
	if code, _, errs := run(t, "import", "--ledger", p, "--kind", "units", filepath.Join(t.TempDir(), "none.csv")); code != 1 || !strings.Contains(errs, "找不到要导入的文件") {
		t.Errorf("%d %s", code, errs)
	}
}

func xlsx(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "说明")
	f.NewSheet("凭证")
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		f.SetSheetRow("凭证", cell, &row)
		f.SetSheetRow("说明", cell, &row)
	}
	f.SetCellValue("说明", "A1", "本表由财务软件导出")
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A historical book (XLSX, a named sheet, a column named with --map), then the bank
// statement of the same month, then the reconciliation.
func TestImportVouchersBankAndReconcile(t *testing.T) {
	p := demoLedger(t)
	_, out, _ := run(t, "status", "--ledger", p, "--json", "--units=false", "--today", "2026-10-01")
	var st struct {
		Books []struct{ Book, Balance string }
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	var public ledger.Money
	for _, b := range st.Books {
		if b.Book == "public" {
			public, _ = ledger.ParseAmount(b.Balance)
		}
	}
	book := write(t, "2026-10.xlsx", xlsx(t, [][]any{
		{"日期", "账簿", "凭证号", "摘要", "会计科目", "借方金额", "贷方金额"},
		{"2026-10-08", "公共收益", "记-1", "10月停车费", "1001", 3200.0, nil},
		{"2026-10-08", "公共收益", "记-1", "10月停车费", "停车费收入", nil, 3200.0},
		{"2026-10-20", "公共收益", "记-2", "广告费", "1001", 500.0, nil},
		{"2026-10-20", "公共收益", "记-2", "广告费", "广告收入", nil, 500.0},
	}))
	code, out, errs := run(t, "import", "--ledger", p, "--kind", "vouchers", "--sheet", "凭证", "--map", "account=会计科目", "--dry-run", book)
	if code != 0 || !strings.Contains(out, "试运行") {
		t.Fatalf("%d\n%s\n%s", code, out, errs)
	}
	before := state(t, p)
	code, out, errs = run(t, "import", "--ledger", p, "--kind", "vouchers", "--sheet", "凭证", "--map", "account=会计科目", book)
	if code != 0 || !strings.Contains(out, "按记账规则过账 2 张凭证") || !strings.Contains(out, "工作表“凭证”") {
		t.Fatalf("%d\n%s\n%s", code, out, errs)
	}
	if state(t, p) == before {
		t.Fatal("nothing was written")
	}
	code, out, _ = run(t, "import", "--ledger", p, "--kind", "vouchers", "--sheet", "凭证", "--map", "account=会计科目", book)
	if code != 0 || !strings.Contains(out, "导入过，本次未作任何改动") {
		t.Fatalf("%d %s", code, out)
	}

	b1 := public.Add(ledger.Fen(320000))
	b2 := b1.Add(ledger.Fen(1234))
	stmt := write(t, "statement.csv", gbk(fmt.Sprintf("上海银行 对公账户交易明细\r\n交易日期,交易流水号,借方发生额,贷方发生额,余额,对方户名,摘要\r\n"+
		"2026/10/09,A1,,\"3,200.00\",\"%s\",停车公司,停车费\r\n2026/10/21,A2,,12.34,\"%s\",,利息\r\n", b1.Grouped(), b2.Grouped())))
	code, out, errs = run(t, "import", "--ledger", p, "--kind", "bank", "--book", "公共收益", stmt)
	if code != 0 || !strings.Contains(out, "导入公共收益银行流水 2 笔") || !strings.Contains(out, "1 笔与凭证对上") {
		t.Fatalf("%d\n%s\n%s", code, out, errs)
	}
	code, out, errs = run(t, "reconcile", "--ledger", p, "--book", "public", "--date", "2026-10-31", "--json")
	if code != 0 {
		t.Fatalf("%d %s", code, errs)
	}
	var rec struct {
		BookBalance, BankBalance, Difference string
		Reconciled                           bool
		BankOnlyIn, BookOnlyIn               []struct{ Date, Amount string }
	}
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatal(err, out)
	}
	if !rec.Reconciled || len(rec.BankOnlyIn) != 1 || rec.BankOnlyIn[0].Amount != "12.34" || len(rec.BookOnlyIn) != 1 || rec.BookOnlyIn[0].Amount != "500.00" {
		t.Errorf("%+v", rec)
	}
	code, out, _ = run(t, "reconcile", "--ledger", p, "--book", "public", "--date", "2026-10-31")
	if code != 0 || !strings.Contains(out, "余额调节表") || !strings.Contains(out, "调节后余额相符") || !strings.Contains(out, "利息") {
		t.Errorf("%d\n%s", code, out)
	}
	if code, out, _ := run(t, "verify", "--ledger", p); code != 0 {
		t.Fatal(out)
	}
}

// The demo's books run from their first day, so an opening is dated the day before; a fund
// opening needs the units' balances adding up to it.
func TestOpeningFromTheCommandLine(t *testing.T) {
	p := demoLedger(t)
	code, out, errs := run(t, "opening", "--ledger", p, "--book", "working", "--date", "2022-12-31", "--amount", "1,200.00", "--bank", "1200")
	if code != 0 || !strings.Contains(out, "业委会工作经费期初余额 1,200.00 元（2022-12-31）已登记为凭证") {
		t.Fatalf("%d\n%s\n%s", code, out, errs)
	}
	code, _, errs = run(t, "opening", "--ledger", p, "--book", "public", "--date", "2026-01-01", "--amount", "1", "--bank", "1")
	if code != 1 || !strings.Contains(errs, "期初余额的日期须早于该账簿的所有凭证") {
		t.Fatalf("%d %s", code, errs)
	}
	units := write(t, "units.csv", []byte("幢,室,分户余额\n1,101,100.00\n1,102,50.00\n"))
	code, _, errs = run(t, "opening", "--ledger", p, "--book", "fund", "--date", "2022-12-31", "--amount", "200", "--bank", "200", "--units", units)
	if code != 1 || !strings.Contains(errs, "分户余额合计 150.00 元") {
		t.Fatalf("%d %s", code, errs)
	}
	code, out, errs = run(t, "opening", "--ledger", p, "--book", "fund", "--date", "2022-12-31", "--amount", "150", "--bank", "150", "--units", units, "--dry-run")
	if code != 0 || !strings.Contains(out, "将登记专项维修资金期初余额 150.00 元") || !strings.Contains(out, "分户余额 2 户") {
		t.Fatalf("%d\n%s\n%s", code, out, errs)
	}
	if code, out, _ := run(t, "verify", "--ledger", p); code != 0 {
		t.Fatal(out)
	}
}
