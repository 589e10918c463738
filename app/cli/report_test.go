package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

func smallDemo(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "demo.jiayuan")
	if code, out, errs := run(t, "demo", "--ledger", p, "--units", "24", "--years", "3", "--seed", "1"); code != 0 {
		t.Fatalf("demo: %d %s %s", code, out, errs)
	}
	return p
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

func TestReportWritesEveryKindAsPDFAndXLSX(t *testing.T) {
	p := smallDemo(t)
	dir := t.TempDir()
	s, err := store.Open(p, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Status(mustDate(t, "2026-12-31"), false)
	head, _ := s.ChainHead()
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		kind  string
		args  []string
		title string
	}{
		{"journal", []string{"--book", "fund", "--from", "2020-01-01", "--to", "2030-12-31"}, "专项维修资金收支明细账"},
		{"summary", []string{"--year", "2025"}, "三本账收支汇总表"},
		{"unit-statements", []string{"--building", "1号", "--year", "2025"}, "专项维修资金分户账"},
		{"projects", []string{"--from", "2024-01-01", "--to", "2026-12-31"}, "专项维修资金使用支出明细表"},
		{"replenishment", []string{"--from", "2024-01-01", "--to", "2026-09-30"}, "专项维修资金续筹情况表"},
		{"notice-public", []string{"--from", "2025-07-01", "--to", "2025-09-30"}, "公共收益收支情况公示"},
		{"notice-fund", []string{"--from", "2025-01-01", "--to", "2025-06-30"}, "专项维修资金收支情况公示"},
		{"working", []string{"--year", "2025"}, "业委会工作经费预算执行情况表"},
		{"audit-package", []string{"--year", "2025"}, "2025年度审计资料"},
	} {
		for _, format := range []string{"pdf", "xlsx"} {
			out := filepath.Join(dir, c.kind+"."+format)
			args := append([]string{"report", "--ledger", p, "--kind", c.kind, "--format", format, "--out", out,
				"--generated", "2026-01-05 09:30"}, c.args...)
			code, stdout, errs := run(t, args...)
			if code != 0 {
				t.Errorf("%s %s: exit %d: %s", c.kind, format, code, errs)
				continue
			}
			if !strings.Contains(stdout, out) {
				t.Errorf("%s: output does not name the file: %q", c.kind, stdout)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if format == "xlsx" {
				f, err := excelize.OpenReader(bytes.NewReader(b))
				if err != nil {
					t.Errorf("%s: not a workbook: %v", c.kind, err)
					continue
				}
				if v, _ := f.GetCellValue(f.GetSheetList()[0], "A1"); !strings.Contains(v, strings.TrimPrefix(c.title, "锦绣家园")) {
					t.Errorf("%s workbook A1 = %q, want the title %q", c.kind, v, c.title)
				}
				f.Close()
				continue
			}
			text := pdfText(t, out)
			if !strings.Contains(text, c.title) || !strings.Contains(text, "链头#"+itoa64(head.Seq)+ledger.ShortHash(head.Hash)) {
				t.Errorf("%s PDF lacks its title or the chain head", c.kind)
			}
		}
	}
	// The journal over the whole history ends at the fund's balance.
	if text := pdfText(t, filepath.Join(dir, "journal.pdf")); !strings.Contains(text, st.Books[ledger.BookFund].Grouped()) {
		t.Errorf("the journal does not show the fund's balance %s", st.Books[ledger.BookFund].Grouped())
	}
	// No temporary files are left beside the reports.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestReportIsReproducibleAndNamedByDefault(t *testing.T) {
	p := smallDemo(t)
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	args := []string{"report", "--ledger", p, "--kind", "notice-public", "--from", "2025-07-01", "--to", "2025-09-30", "--generated", "2026-01-05 09:30"}
	if code, out, errs := run(t, args...); code != 0 {
		t.Fatalf("report: %d %s %s", code, out, errs)
	}
	name := filepath.Join(dir, "锦绣家园-公共收益收支公示表-2025年第三季度.pdf")
	a, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("default file name: %v", err)
	}
	if code, _, errs := run(t, append(args, "--out", "again.pdf")...); code != 0 {
		t.Fatal(errs)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "again.pdf"))
	if !bytes.Equal(a, b) {
		t.Error("the same ledger and generation time gave different files")
	}
	// One unit by building and room, over an existing file: replaced whole.
	code, out, errs := run(t, "report", "--ledger", p, "--kind", "unit-statements", "--unit", "1号-101", "--year", "2025", "--out", "again.pdf")
	if code != 0 {
		t.Fatalf("unit: %d %s", code, errs)
	}
	if !strings.Contains(out, "分户账") {
		t.Errorf("output %q", out)
	}
	if text := pdfText(t, filepath.Join(dir, "again.pdf")); !strings.Contains(text, "房屋：1号-101") {
		t.Error("the unit's statement was not written over the old file")
	}
}

func TestReportRefusesWithReadableMessages(t *testing.T) {
	p := smallDemo(t)
	out := filepath.Join(t.TempDir(), "x.pdf")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--kind", "balance", "--year", "2025"}, 2, "请用 --kind 指定报表种类"},
		{[]string{"--kind", "journal", "--year", "2025", "--format", "doc"}, 2, "不支持的格式“doc”"},
		{[]string{"--kind", "journal", "--year", "2025"}, 1, "请选择账簿"},
		{[]string{"--kind", "summary"}, 1, "请选择报表期间"},
		{[]string{"--kind", "summary", "--from", "2025-12-31", "--to", "2025-01-01"}, 1, "错误："},
		{[]string{"--kind", "unit-statements", "--year", "2025", "--unit", "9号-999"}, 1, "找不到房屋“9号-999”"},
		{[]string{"--kind", "unit-statements", "--year", "2025", "--unit", "1", "--building", "1"}, 2, "--unit 与 --building 只能选一个"},
		{[]string{"--kind", "journal", "--book", "fund", "--year", "2025", "--out", filepath.Join(t.TempDir(), "no", "such", "dir", "x.pdf")}, 1, "无法保存报表"},
	} {
		args := append([]string{"report", "--ledger", p}, c.args...)
		if !contains(args, "--out") {
			args = append(args, "--out", out)
		}
		code, _, errs := run(t, args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d %q, want %d and %q", c.args, code, errs, c.code, c.want)
		}
		if strings.Contains(errs, "report.") || strings.Contains(errs, "{") {
			t.Errorf("%v: raw key or placeholder in %q", c.args, errs)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused report left a file")
	}
	code, _, errs := run(t, "--lang", "en", "report", "--ledger", p, "--kind", "journal", "--year", "2025", "--out", out)
	if code != 1 || !strings.Contains(errs, "Choose a book") {
		t.Errorf("English refusal: %d %q", code, errs)
	}
	// --help lists every kind.
	_, _, help := run(t, "report", "--help")
	for _, k := range []string{"journal", "summary", "unit-statements", "projects", "replenishment", "notice-public", "notice-fund", "working", "audit-package"} {
		if !strings.Contains(help, k) {
			t.Errorf("report --help lacks %s", k)
		}
	}
	if _, out, _ := run(t, "--help"); !strings.Contains(out, "report") {
		t.Error("jiayuan --help does not list report")
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := ledger.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestReportNamesACharacterThePDFCannotPrint(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.jiayuan")
	s, err := store.Create(p, store.Community{Name: "测试小区", StartDate: "2025-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	bid, _ := s.AddBuilding(store.Building{Code: "1号"})
	oid, _ := s.AddOwner(store.Owner{Name: "李🏠华"})
	if _, err := s.AddUnit(store.Unit{BuildingID: bid, Room: "101", AreaCM2: 9000, HousingType: "commodity", Initial: ledger.Yuan(5000), OwnerID: oid}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out := filepath.Join(t.TempDir(), "unit.pdf")
	code, _, errs := run(t, "report", "--ledger", p, "--kind", "unit-statements", "--unit", "1号-101", "--year", "2025", "--out", out)
	if code != 1 || !strings.Contains(errs, "🏠") || !strings.Contains(errs, "U+1F3E0") || !strings.Contains(errs, "李🏠华") || !strings.Contains(errs, "无法打印") {
		t.Errorf("exit %d: %q", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused PDF was written")
	}
	if code, _, errs := run(t, "report", "--ledger", p, "--kind", "unit-statements", "--unit", "1号-101", "--year", "2025", "--format", "xlsx", "--out", out+".xlsx"); code != 0 {
		t.Errorf("the workbook has no font to lack: %s", errs)
	}
}
