package app

import (
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jiayuan/app/i18n"
	"jiayuan/store"
	"jiayuan/store/ledger"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// importSession is a session on an empty ledger (no units, no vouchers).
func importSession(t *testing.T) (*ImportService, *Session, *fakeRuntime, string) {
	t.Helper()
	sess, rt, dir := testSession(t)
	p := filepath.Join(dir, "阳光小区.jiayuan")
	st, err := store.Create(p, store.Community{Name: "阳光小区", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := sess.open(p); err != nil {
		t.Fatal(err)
	}
	return NewImportService(sess), sess, rt, dir
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const roster = "幢,室,建筑面积（㎡）,房屋类型,业主,电话,首期应筹集金额（元）\r\n" +
	"1号,101,89.50,商品房,张三,13800000001,\"8,950.00\"\r\n" +
	"1号,102,120.35,售后公房,李四,,12035\r\n" +
	"合计,,,,,,\"20,985.00\"\r\n" +
	"2号,201,75,商品房,王五,,7500\r\n"

func unitCount(t *testing.T, sess *Session) int {
	t.Helper()
	st, err := sess.Store()
	if err != nil {
		t.Fatal(err)
	}
	_, n, err := st.Units(store.UnitFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func fieldOf(p ImportPreview, name string) ImportFieldDTO {
	for _, f := range p.Fields {
		if f.Name == name {
			return f
		}
	}
	return ImportFieldDTO{}
}

func TestImportPreviewReadsAGB18030RosterAndWritesNothing(t *testing.T) {
	svc, sess, rt, dir := importSession(t)
	path := writeFile(t, dir, "房屋清单.csv", gbk(t, roster))
	p, err := svc.Preview(ImportInput{Kind: "units", Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != "csv" || p.Encoding != "gb18030" || !p.HeaderFound || p.HeaderRow != 1 || p.DataRows != 3 || p.Skipped != 1 {
		t.Fatalf("read as %s %s header %v at %d, %d rows, %d skipped", p.Format, p.Encoding, p.HeaderFound, p.HeaderRow, p.DataRows, p.Skipped)
	}
	if len(p.Headers) != 7 || p.Headers[2] != "建筑面积（㎡）" {
		t.Errorf("headers %q", p.Headers)
	}
	if f := fieldOf(p, "initial"); f.Column != "首期应筹集金额（元）" || f.Kind != "money" || !f.Required || f.Mapped {
		t.Errorf("initial: %+v", f)
	}
	if !p.Ready || p.ProblemCount != 0 || p.FileProblem != nil || p.Result == nil {
		t.Fatalf("not ready: %+v", p)
	}
	if r := p.Result; !r.DryRun || r.Created != 3 || r.Buildings != 2 || r.Owners != 3 {
		t.Errorf("dry run: %+v", r)
	}
	if len(p.Rows) != 3 || p.Total != 3 || p.Rows[0].Row != 2 || p.Rows[2].Row != 5 {
		t.Fatalf("rows %+v", p.Rows)
	}
	// cells in the fields' order, as read: the area and the amount canonical
	cells := p.Rows[0].Cells
	if cells[0].Value != "1号" || cells[2].Value != "89.50" || cells[6].Value != "8950.00" || !cells[6].OK {
		t.Errorf("first row %+v", cells)
	}
	if n := unitCount(t, sess); n != 0 {
		t.Errorf("a preview wrote %d units", n)
	}
	stages := map[string]bool{}
	for _, e := range rt.events {
		if e.Task == "import" {
			stages[e.Stage] = true
		}
	}
	if !stages["reading"] || !stages["checking"] || !stages["done"] {
		t.Errorf("progress %v", rt.events)
	}
	// a page of one row
	p2, err := svc.Preview(ImportInput{Kind: "units", Path: path, Page: 2, PageSize: 1})
	if err != nil || len(p2.Rows) != 1 || p2.Rows[0].Row != 3 || p2.Page != 2 || p2.Total != 3 {
		t.Errorf("page 2: %+v %v", p2.Rows, err)
	}
}

func TestImportListsEveryBadRowAndWritesNothing(t *testing.T) {
	svc, sess, _, dir := importSession(t)
	data := roster + "2号,202,abc,商品房,赵六,,7500\r\n" + "1号,101,89.50,商品房,张三,13800000001,8950\r\n" + "3号,301,60,别墅,钱七,,6000\r\n"
	path := writeFile(t, dir, "房屋清单.csv", []byte(data))
	in := ImportInput{Kind: "units", Path: path}
	p, err := svc.Preview(in)
	if err != nil {
		t.Fatal(err)
	}
	if p.Ready || p.Result != nil {
		t.Fatalf("a file with bad rows is ready: %+v", p.Result)
	}
	rows := map[int]ImportProblemDTO{}
	for _, pr := range p.Problems {
		rows[pr.Row] = pr
		if pr.Message == "" || pr.MessageEn == "" || pr.Message == pr.Key {
			t.Errorf("row %d: untranslated %+v", pr.Row, pr)
		}
	}
	// the reader's problems (area, housing type) and the store's (the same unit twice), by row
	if len(rows) != 3 || rows[6].Column != "建筑面积（㎡）" || !strings.Contains(rows[6].Message, "abc") || rows[7].Key != "import.duplicate_unit" || rows[8].Column != "房屋类型" {
		t.Fatalf("problems %+v", p.Problems)
	}
	if p.ProblemCount != 3 || p.ProblemRows != 3 {
		t.Errorf("counted %d problems on %d rows", p.ProblemCount, p.ProblemRows)
	}
	bad, err := svc.Preview(ImportInput{Kind: "units", Path: path, OnlyProblems: true})
	if err != nil || bad.Total != 3 || len(bad.Rows) != 3 || !bad.Rows[0].Problem || bad.Rows[0].Row != 6 {
		t.Errorf("only problems: %+v %v", bad.Rows, err)
	}
	if c := bad.Rows[0].Cells[2]; c.OK || c.Value != "abc" {
		t.Errorf("the bad area reads %+v", c)
	}
	_, err = svc.Import(in)
	var le *ledger.Error
	if !errors.As(err, &le) || le.Key != "import.rows_refused" {
		t.Fatalf("import of a bad file: %v", err)
	}
	if e := NewError(sess.cat, err); !strings.Contains(e.Message, "没有导入") && !strings.Contains(e.Message, "未导入") {
		t.Logf("refusal: %s", e.Message)
	}
	if n := unitCount(t, sess); n != 0 {
		t.Errorf("a refused import wrote %d units", n)
	}
}

func TestImportWrongColumnsAreMappedByTheUser(t *testing.T) {
	svc, sess, _, dir := importSession(t)
	path := writeFile(t, dir, "名册.csv", []byte("楼号,房间,面积,应交金额,户主\r\n5号,501,100,10000,孙八\r\n5号,502,90.5,9050,周九\r\n"))
	p, err := svc.Preview(ImportInput{Kind: "units", Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if p.HeaderFound || p.FileProblem == nil || p.FileProblem.Key != "import.header_not_found" || p.Ready {
		t.Fatalf("wrong columns: found %v problem %+v", p.HeaderFound, p.FileProblem)
	}
	if strings.Contains(p.FileProblem.Message, "--map") || !strings.Contains(p.FileProblem.Message, "室/房号") {
		t.Errorf("message %q", p.FileProblem.Message)
	}
	if strings.Join(p.Headers, ",") != "楼号,房间,面积,应交金额,户主" || p.HeaderRow != 1 {
		t.Errorf("offered columns %q at row %d", p.Headers, p.HeaderRow)
	}
	if f := fieldOf(p, "building"); f.Column != "楼号" {
		t.Errorf("building guessed %q", f.Column)
	}
	// the user maps the two columns the guess missed, and leaves out the owner
	in := ImportInput{Kind: "units", Path: path, Mapping: map[string]string{"room": "房间", "initial": "应交金额", "owner": ""}}
	p, err = svc.Preview(in)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Ready || !p.HeaderFound || p.Result.Created != 2 || p.Result.Owners != 0 {
		t.Fatalf("mapped: ready %v %+v %+v", p.Ready, p.FileProblem, p.Result)
	}
	if f := fieldOf(p, "room"); f.Column != "房间" || !f.Mapped {
		t.Errorf("room: %+v", f)
	}
	if f := fieldOf(p, "owner"); f.Column != "" || !f.Mapped {
		t.Errorf("owner left out: %+v", f)
	}
	// one column for two fields is refused
	_, err = svc.Preview(ImportInput{Kind: "units", Path: path, Mapping: map[string]string{"room": "房间", "initial": "房间"}})
	if ledger.KeyOf(err) != "import.ui.map_twice" {
		t.Errorf("a column twice: %v", err)
	}
	res, err := svc.Import(in)
	if err != nil {
		t.Fatal(err)
	}
	if res.DryRun || res.Created != 2 || res.Kind != "units" {
		t.Errorf("import: %+v", res)
	}
	if n := unitCount(t, sess); n != 2 {
		t.Errorf("%d units after the import", n)
	}
}

func TestReimportingTheSameFileChangesNothing(t *testing.T) {
	svc, sess, _, dir := importSession(t)
	path := writeFile(t, dir, "房屋清单.csv", []byte("\ufeff"+roster))
	in := ImportInput{Kind: "units", Path: path}
	res, err := svc.Import(in)
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 3 || res.Buildings != 2 {
		t.Fatalf("first import %+v", res)
	}
	st, _ := sess.Store()
	head, _ := st.ChainHead()
	p, err := svc.Preview(in)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Ready || p.Result.Created != 0 || p.Result.Skipped != 3 {
		t.Errorf("preview of the same file: %+v", p.Result)
	}
	res, err = svc.Import(in)
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 0 || res.Skipped != 3 {
		t.Errorf("second import %+v", res)
	}
	if h, _ := st.ChainHead(); h != head {
		t.Errorf("the chain moved from %v to %v", head, h)
	}
	if n := unitCount(t, sess); n != 3 {
		t.Errorf("%d units", n)
	}
}

func TestImportRefusesWithMessagesForTheWindow(t *testing.T) {
	svc, sess, _, dir := importSession(t)
	for _, c := range []struct {
		in  ImportInput
		key string
	}{
		{ImportInput{Kind: "owners", Path: "x.csv"}, "import.ui.unknown_kind"},
		{ImportInput{Kind: "units"}, "import.ui.no_file"},
		{ImportInput{Kind: "bank", Path: "x.csv"}, "import.ui.need_book"},
		{ImportInput{Kind: "units", Path: filepath.Join(dir, "没有.csv")}, "import.file_missing"},
		{ImportInput{Kind: "units", Path: writeFile(t, dir, "empty.csv", []byte("\ufeff \r\n"))}, "import.empty_file"},
	} {
		_, err := svc.Preview(c.in)
		if ledger.KeyOf(err) != c.key {
			t.Errorf("%+v: %v, want %s", c.in, err, c.key)
		}
		if e := NewError(sess.cat, err); e.Code != "refused" || e.Message == c.key || e.MessageEn == c.key {
			t.Errorf("%s untranslated: %+v", c.key, e)
		}
	}
	// a voucher file without a book column says to choose the default book, not a flag
	path := writeFile(t, dir, "凭证.csv", []byte("日期,摘要,科目,借方,贷方\r\n2024-03-01,利息,5001,,12.00\r\n"))
	p, err := svc.Preview(ImportInput{Kind: "vouchers", Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Problems) != 1 || p.Problems[0].Key != "import.book_required" || strings.Contains(p.Problems[0].Message, "--") {
		t.Errorf("problems %+v", p.Problems)
	}
}

func TestWindowMessagesExist(t *testing.T) {
	cat := i18n.MustLoad()
	keys := []string{"import.ui.unknown_kind", "import.ui.need_book", "import.ui.no_file", "import.ui.map_twice",
		"import.ui.drop_too_large", "import.ui.drop_unreadable", "import.dialog.open", "import.dialog.sheets", "import.dialog.all"}
	for _, k := range keys {
		if !cat.Has(k) {
			t.Errorf("%s has no message", k)
		}
	}
}

// Refusals the command line words with its flags read, in the window, without them; the
// command line's catalog (For("cli")) still names the flag.
func TestFlagWordedRefusalsReadForEachSurface(t *testing.T) {
	cat := i18n.MustLoad()
	cli := cat.For("cli")
	for _, k := range []string{"import.book_required", "import.header_not_found", "bank.no_lines", "bank.balance_unknown", "opening.bank_unknown"} {
		for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
			win, cmd := cat.T(l, k, nil), cli.T(l, k, nil)
			if strings.Contains(win, "--") || strings.Contains(win, "import --kind") {
				t.Errorf("%s %s in the window names a flag: %s", l, k, win)
			}
			if !strings.Contains(cmd, "--") {
				t.Errorf("%s %s on the command line names no flag: %s", l, k, cmd)
			}
		}
	}
}

const statement = "账号：31650000000001\r\n户名：阳光小区业主大会\r\n" +
	"交易日期,收入金额,支出金额,余额,对方户名,交易流水号,摘要\r\n" +
	"2024-01-05,\"1,000.00\",,1000.00,张三,A001,维修资金交存\r\n" +
	"2024-01-20,,200.00,800.00,某物业公司,A002,电梯维修\r\n" +
	"2024-02-01,0.52,,800.52,,A003,利息\r\n"

func TestBankStatementImportAndReconciliation(t *testing.T) {
	svc, sess, _, dir := importSession(t)
	path := writeFile(t, dir, "对账单.csv", gbk(t, statement))
	in := ImportInput{Kind: "bank", Path: path, Book: "fund"}
	p, err := svc.Preview(in)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Ready || p.HeaderRow != 3 || p.Result.Created != 3 || p.Result.Unmatched != 3 {
		t.Fatalf("preview: header %d ready %v %+v %+v", p.HeaderRow, p.Ready, p.Result, p.Problems)
	}
	if c := p.Rows[1].Cells; c[0].Value != "2024-01-20" || c[3].Value != "200.00" {
		t.Errorf("second line %+v", c)
	}
	if _, err := svc.Import(in); err != nil {
		t.Fatal(err)
	}

	bank := NewBankService(sess)
	ov, err := bank.Overview()
	if err != nil || len(ov.Books) != 3 || ov.Books[0].Lines != 3 || ov.Books[0].First != "2024-01-05" || ov.Books[0].Last != "2024-02-01" || ov.Books[1].Lines != 0 {
		t.Fatalf("overview %+v %v", ov, err)
	}
	r, err := bank.Reconcile(ReconcileInput{Book: "fund", AsOf: "2024-02-29"})
	if err != nil {
		t.Fatal(err)
	}
	// nothing is in the books yet: every bank line is only on the bank's side, which explains
	// the whole difference
	if r.BankBalance != "800.52" || r.BookBalance != "0.00" || !r.Reconciled || r.Difference != "0.00" || r.AdjustedBook != "800.52" || r.Matched != 0 {
		t.Errorf("reconciliation %+v", r)
	}
	if len(r.BankOnlyIn) != 2 || r.BankOnlyInTotal != "1000.52" || len(r.BankOnlyOut) != 1 || r.BankOnlyOutTotal != "-200.00" || r.AdjustedBook != r.AdjustedBank {
		t.Errorf("items: in %d %s out %d %s adjusted %s %s diff %s", len(r.BankOnlyIn), r.BankOnlyInTotal, len(r.BankOnlyOut), r.BankOnlyOutTotal, r.AdjustedBook, r.AdjustedBank, r.Difference)
	}
	page, err := bank.Lines(BankLinesQuery{Reconcile: ReconcileInput{Book: "fund", AsOf: "2024-02-29"}, PageSize: 2})
	if err != nil || page.Total != 3 || len(page.Rows) != 2 || page.Rows[0].Matched || page.Rows[0].Balance != "1000.00" || page.Rows[0].Reference != "A001" {
		t.Errorf("lines %+v %v", page, err)
	}
	m, _ := bank.Lines(BankLinesQuery{Reconcile: ReconcileInput{Book: "fund", AsOf: "2024-02-29"}, Filter: "matched"})
	u, _ := bank.Lines(BankLinesQuery{Reconcile: ReconcileInput{Book: "fund", AsOf: "2024-02-29"}, Filter: "unmatched"})
	if m.Total != 0 || u.Total != 3 {
		t.Errorf("matched %d unmatched %d", m.Total, u.Total)
	}
	// a book without statements says where to import one
	_, err = bank.Reconcile(ReconcileInput{Book: "public", AsOf: "2024-02-29"})
	if ledger.KeyOf(err) != "bank.no_lines" {
		t.Errorf("no lines: %v", err)
	}
	if e := NewError(sess.cat, err); !strings.Contains(e.Message, "数据导入") || strings.Contains(e.Message, "--kind") {
		t.Errorf("message %q", e.Message)
	}

	// the report
	out := t.TempDir()
	t.Setenv(E2ESaveDirEnv, out)
	for _, f := range []string{"pdf", "xlsx"} {
		saved, err := bank.ExportReconciliation(ReconcileInput{Book: "fund", AsOf: "2024-02-29"}, f)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(saved) != "阳光小区-维修资金-银行存款余额调节表-2024-02-29."+f {
			t.Errorf("saved as %s", saved)
		}
		b, err := os.ReadFile(saved)
		if err != nil || len(b) < 1000 {
			t.Fatalf("%s: %d bytes %v", saved, len(b), err)
		}
		if f == "pdf" && string(b[:5]) != "%PDF-" {
			t.Errorf("not a PDF")
		}
	}
}

// A large roster is read once; its pages come from memory, and the answer holds one page.
func TestImportPreviewOfALargeRosterReturnsAPage(t *testing.T) {
	if testing.Short() {
		t.Skip("large file")
	}
	svc, _, rt, dir := importSession(t)
	n := 20000
	if v := os.Getenv("JIAYUAN_IMPORT_ROWS"); v != "" {
		fmt.Sscan(v, &n)
	}
	var b strings.Builder
	b.WriteString("幢,室,建筑面积,房屋类型,业主,首期应筹集金额\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%d号,%d,88.5,商品房,业主%d,8850\n", i/200+1, i%200+101, i)
	}
	path := writeFile(t, dir, "大名册.csv", []byte(b.String()))
	start := time.Now()
	p, err := svc.Preview(ImportInput{Kind: "units", Path: path, PageSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d rows previewed in %s", n, time.Since(start).Round(time.Millisecond))
	if !p.Ready || p.DataRows != n || p.Total != n || len(p.Rows) != 100 || p.Result.Created != n {
		t.Fatalf("ready %v rows %d total %d page %d %+v", p.Ready, p.DataRows, p.Total, len(p.Rows), p.Problems)
	}
	reading := 0
	for _, e := range rt.events {
		if e.Task == "import" && e.Stage == "reading" && e.Done > 0 {
			reading++
		}
	}
	if reading < n/5000 {
		t.Errorf("%d progress reports while reading", reading)
	}
	start = time.Now()
	last, err := svc.Preview(ImportInput{Kind: "units", Path: path, PageSize: 100, Page: n / 100})
	if err != nil || len(last.Rows) != 100 || last.Rows[99].Row != n+1 {
		t.Fatalf("last page: %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("a further page took %s", d)
	}
}

func TestADroppedFileIsStagedAndRead(t *testing.T) {
	svc, _, _, _ := importSession(t)
	p, err := svc.StageDropped(`C:\Users\张三\房屋清单.csv`, base64.StdEncoding.EncodeToString(gbk(t, roster)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(filepath.Dir(p)) })
	if filepath.Base(p) != "房屋清单.csv" {
		t.Errorf("staged as %s", p)
	}
	pv, err := svc.Preview(ImportInput{Kind: "units", Path: p})
	if err != nil || !pv.Ready || pv.File != "房屋清单.csv" || pv.Encoding != "gb18030" {
		t.Fatalf("preview of the dropped file: %v %+v", err, pv.FileProblem)
	}
	// a second drop replaces the first
	p2, err := svc.StageDropped("b.csv", base64.StdEncoding.EncodeToString([]byte(roster)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(filepath.Dir(p2)) })
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Errorf("the first dropped file is still there: %v", err)
	}
	if _, err := svc.StageDropped("c.csv", "not base64!"); ledger.KeyOf(err) != "import.ui.drop_unreadable" {
		t.Errorf("bad bytes: %v", err)
	}
}

func TestAVoucherWorkbookIsReadFromTheSheetChosen(t *testing.T) {
	svc, _, _, dir := importSession(t)
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "说明")
	f.SetCellValue("说明", "A1", "2024 年公共收益账")
	f.NewSheet("凭证")
	for i, row := range [][]any{
		{"日期", "账簿", "凭证号", "摘要", "会计科目", "借方金额", "贷方金额"},
		{"2024-03-08", "公共收益", "记-1", "3月停车费", "1001", 3200.0, nil},
		{"2024-03-08", "公共收益", "记-1", "3月停车费", "停车费收入", nil, 3200.0},
		{"2024-03-20", "公共收益", "记-2", "广告费", "1001", 500.0, nil},
		{"2024-03-20", "公共收益", "记-2", "广告费", "广告收入", nil, 500.0},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("凭证", cell, &row)
	}
	path := filepath.Join(dir, "2024.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p, err := svc.Preview(ImportInput{Kind: "vouchers", Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != "xlsx" || strings.Join(p.Sheets, ",") != "说明,凭证" || p.Sheet != "说明" || p.FileProblem == nil || p.Ready {
		t.Fatalf("first sheet: %s %q %s %+v", p.Format, p.Sheets, p.Sheet, p.FileProblem)
	}
	in := ImportInput{Kind: "vouchers", Path: path, Sheet: "凭证"}
	p, err = svc.Preview(in)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Ready || p.Sheet != "凭证" || p.Result.Created != 2 || fieldOf(p, "account").Column != "会计科目" || fieldOf(p, "debit").Kind != "money" {
		t.Fatalf("sheet 凭证: ready %v %+v %+v", p.Ready, p.Result, p.Problems)
	}
	if c := p.Rows[0].Cells; c[0].Value != "2024-03-08" || c[5].Value != "3200.00" {
		t.Errorf("first row %+v", c)
	}
	res, err := svc.Import(in)
	if err != nil || res.Created != 2 || res.Kind != "vouchers" {
		t.Fatalf("import %+v %v", res, err)
	}
	res, err = svc.Import(in)
	if err != nil || res.Created != 0 {
		t.Errorf("again %+v %v", res, err)
	}
}
