package app

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"jiayuan/app/demo"
	"jiayuan/app/i18n"
	"jiayuan/app/ops"
	"jiayuan/app/reporting"
	"jiayuan/store/ledger"
)

// reportRuntime answers the save dialog with a fixed path and records progress events.
type reportRuntime struct {
	mu       sync.Mutex
	answer   string
	asked    []string // default names proposed
	patterns []string
	stages   []string
}

func (f *reportRuntime) OpenFileDialog(string, []FileFilter) (string, error) { return "", nil }
func (f *reportRuntime) SaveFileDialog(_, name string, fs []FileFilter) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked = append(f.asked, name)
	for _, x := range fs {
		f.patterns = append(f.patterns, x.Pattern)
	}
	return f.answer, nil
}
func (f *reportRuntime) OpenFilesDialog(string, []FileFilter) ([]string, error) { return nil, nil }
func (f *reportRuntime) Emit(event string, data ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if p, ok := data[0].(Progress); ok && event == ProgressEvent && p.Task == "report" {
		f.stages = append(f.stages, p.Stage)
	}
}

// reportSession is a session on a small demo ledger (24 units, 2024–2026).
func reportSession(t *testing.T) (*ReportService, *reportRuntime, string) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("JIAYUAN_DATA_DIR", dir)
	t.Setenv(E2ESaveDirEnv, "")
	path := filepath.Join(dir, "demo.jiayuan")
	if err := demo.Generate(path, demo.Options{Units: 24, Years: 3, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	sess := NewSession(ops.NewConfigStore(dir), i18n.MustLoad())
	sess.now = func() time.Time { return time.Date(2026, 1, 5, 1, 30, 0, 0, time.UTC) }
	rt := &reportRuntime{}
	sess.SetRuntime(rt)
	if _, err := sess.open(path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sess.Close)
	return NewReportService(sess), rt, dir
}

func pdfTextOf(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

func TestExportAsksWhereAndWritesTheReport(t *testing.T) {
	r, rt, dir := reportSession(t)
	rt.answer = filepath.Join(dir, "导出", "维修资金明细账") // no extension: .pdf is added
	if err := os.MkdirAll(filepath.Dir(rt.answer), 0o755); err != nil {
		t.Fatal(err)
	}
	p := ReportParams{Book: "fund", From: "2025-01-01", To: "2025-12-31", Format: "pdf"}
	name, err := r.DefaultName("journal", p)
	if err != nil || name != "锦绣家园-维修资金-收支明细账-2025.pdf" {
		t.Fatalf("default name %q %v", name, err)
	}
	path, err := r.Export("journal", p)
	if err != nil {
		t.Fatal(err)
	}
	if path != rt.answer+".pdf" {
		t.Errorf("saved to %q", path)
	}
	if len(rt.asked) != 1 || rt.asked[0] != name || rt.patterns[0] != "*.pdf" {
		t.Errorf("dialog proposed %v %v", rt.asked, rt.patterns)
	}
	text := pdfTextOf(t, path)
	for _, want := range []string{"专项维修资金收支明细账", "2025年度", "生成时间：2026-01-0509:30", "本期合计"} {
		if !strings.Contains(text, want) {
			t.Errorf("the exported PDF lacks %q", want)
		}
	}
	if got := strings.Join(rt.stages, ","); got != "start,rendering,writing,done" {
		t.Errorf("progress stages %s", got)
	}

	// A workbook of all unit statements: the building stage reports progress too.
	rt.answer = filepath.Join(dir, "分户账.xlsx")
	rt.stages = nil
	path, err = r.Export("unit-statements", ReportParams{Year: 2025, Format: "xlsx"})
	if err != nil || path != rt.answer {
		t.Fatalf("xlsx export %q %v", path, err)
	}
	if b, err := os.ReadFile(path); err != nil || len(b) < 1000 || string(b[:2]) != "PK" {
		t.Errorf("not a workbook: %v", err)
	}
	if rt.patterns[len(rt.patterns)-1] != "*.xlsx" {
		t.Errorf("xlsx filter %v", rt.patterns)
	}
}

func TestExportCancelledWritesNothingAndRefusalsAreTranslated(t *testing.T) {
	r, rt, dir := reportSession(t)
	rt.answer = ""
	path, err := r.Export("summary", ReportParams{Year: 2025})
	if err != nil || path != "" {
		t.Errorf("cancelled: %q %v", path, err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".pdf") {
			t.Errorf("a cancelled export wrote %s", e.Name())
		}
	}
	cat := i18n.MustLoad()
	for kind, c := range map[string]struct {
		p   ReportParams
		key string
	}{
		"journal":      {ReportParams{Year: 2025}, "report.book_missing"},
		"ledger-sheet": {ReportParams{Year: 2025}, "report.unknown_kind"},
		"summary":      {ReportParams{From: "2025-12-01", To: "2025-01-01"}, "period.reversed"},
		"working":      {ReportParams{Year: 2025, Format: "docx"}, "report.unknown_format"},
	} {
		_, err := r.Export(kind, c.p)
		if got := ledger.KeyOf(err); got != c.key {
			t.Errorf("%s: refusal %q (%v), want %q", kind, got, err, c.key)
			continue
		}
		var e Error
		if err := json.Unmarshal([]byte(ErrorFormatter(cat)(err).(string)), &e); err != nil {
			t.Fatal(err)
		}
		if e.Message == "" || e.Message == e.Key || strings.Contains(e.Message, "{") || e.MessageEn == "" {
			t.Errorf("%s: message %+v", kind, e)
		}
	}
}

func TestExportIntoTheE2EFolderWithoutADialog(t *testing.T) {
	r, rt, dir := reportSession(t)
	out := filepath.Join(dir, "e2e")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv(E2ESaveDirEnv, out)
	path, err := r.Export("notice-public", ReportParams{From: "2025-07-01", To: "2025-09-30", Format: "pdf"})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(out, "锦绣家园-公共收益收支公示表-2025年第三季度.pdf"); path != want {
		t.Errorf("saved to %q, want %q", path, want)
	}
	if len(rt.asked) != 0 {
		t.Error("the dialog was shown")
	}
	if err := r.OpenFolder(path); err != nil {
		t.Errorf("open folder: %v", err)
	}
	if err := r.OpenFolder(filepath.Join(out, "gone.pdf")); ledger.KeyOf(err) != "report.file_missing" {
		t.Errorf("missing file: %v", err)
	}
}

func TestChoicesAndUnitSearch(t *testing.T) {
	r, _, _ := reportSession(t)
	c, err := r.Choices()
	if err != nil {
		t.Fatal(err)
	}
	if c.Community != "锦绣家园" || len(c.Kinds) != len(reporting.Kinds) || c.Units != 24 || len(c.Buildings) == 0 || len(c.Projects) == 0 {
		t.Errorf("choices %+v", c)
	}
	if len(c.Years) < 3 || c.Years[0] != 2026 || c.Years[len(c.Years)-1] != 2024 {
		t.Errorf("years %v", c.Years)
	}
	us, err := r.SearchUnits("1号-10")
	if err != nil || len(us) == 0 {
		t.Fatalf("search: %v %v", us, err)
	}
	for _, u := range us {
		if !strings.HasPrefix(u.Name, "1号-10") || u.Detail == "" {
			t.Errorf("found %+v", u)
		}
	}
	if all, _ := r.SearchUnits(""); len(all) != 20 {
		t.Errorf("an empty search lists %d units, want the first 20", len(all))
	}
}

// Every report message key the report code uses (refusals, dialog texts, CLI texts) has a
// message in both languages.
func TestReportMessageKeysAreTranslated(t *testing.T) {
	cat := i18n.MustLoad()
	files, _ := filepath.Glob("reporting/*.go")
	files = append(files, "report_service.go", "cli/report.go")
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range reportKeyRE.FindAllStringSubmatch(string(b), -1) {
			n++
			if !cat.Has(m[1]) {
				t.Errorf("%s: %q has no message", f, m[1])
			}
		}
	}
	if n < 15 {
		t.Errorf("only %d keys found", n)
	}
}

var reportKeyRE = regexp.MustCompile(`"((?:report|cli)\.[a-z0-9_.]*[a-z0-9_])"`)
