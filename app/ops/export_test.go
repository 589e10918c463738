package ops_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"jiayuan/app/ops"
	"jiayuan/app/reporting"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

func TestCheckFormat(t *testing.T) {
	for in, want := range map[string]string{"": "pdf", "pdf": "pdf", " PDF ": "pdf", "xlsx": "xlsx", "XLSX": "xlsx", "csv": "", "xls": "", "pdf.": ""} {
		got, err := ops.CheckFormat(in)
		if want == "" {
			if ledger.KeyOf(err) != "report.unknown_format" {
				t.Errorf("CheckFormat(%q) = %q, %v; want the refusal", in, got, err)
			}
		} else if got != want || err != nil {
			t.Errorf("CheckFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

var exportNow = time.Date(2026, 1, 5, 9, 30, 0, 0, time.UTC)

func to(path string) func(string, string) (string, error) {
	return func(string, string) (string, error) { return path, nil }
}

func TestExportWritesOneAtATimeAndCancels(t *testing.T) {
	st, _ := unitsLedger(t)
	dir := t.TempDir()
	e, err := ops.ReportExport(st, reporting.KindSummary, reporting.Params{Year: 2025}, "xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if e.Format != "xlsx" || e.Name != "测试小区-收支汇总表-2025.xlsx" {
		t.Errorf("export %q as %q", e.Name, e.Format)
	}
	var x ops.Exporter
	var stages []string
	var second error
	path, size, err := x.Write(st, e, ops.WriteOptions{Now: exportNow,
		Dest: func(name, format string) (string, error) {
			// a second export asked for while this one runs is refused
			_, _, second = x.Write(st, e, ops.WriteOptions{Now: exportNow, Dest: to(filepath.Join(dir, "second.xlsx"))})
			return filepath.Join(dir, name), nil
		},
		Progress: func(stage string, done, total int) { stages = append(stages, stage) }})
	if err != nil || path != filepath.Join(dir, e.Name) {
		t.Fatalf("Write = %q, %v", path, err)
	}
	if fi, err := os.Stat(path); err != nil || int(fi.Size()) != size {
		t.Errorf("written %v, size %d", err, size)
	}
	if ledger.KeyOf(second) != "report.busy" {
		t.Errorf("a second export at once: %v", second)
	}
	if got := stages[0] + " " + stages[len(stages)-1]; got != "start done" {
		t.Errorf("stages %v", stages)
	}
	// once done, the next one runs; a cancelled dialog writes nothing
	if p, _, err := x.Write(st, e, ops.WriteOptions{Now: exportNow, Dest: to("")}); p != "" || err != nil {
		t.Errorf("cancelled: %q, %v", p, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "second.xlsx")); !os.IsNotExist(err) {
		t.Errorf("the refused export wrote a file: %v", err)
	}
}

// The 余额调节表 goes through the same pipeline as the reports: a character the PDF font
// cannot print is refused, naming it, and no file is left behind.
func TestReconciliationRefusesACharacterTheFontLacks(t *testing.T) {
	st, _ := unitsLedger(t)
	dir := t.TempDir()
	r := store.Reconciliation{Book: ledger.BookFund, From: "2025-01-01", AsOf: "2025-12-31",
		BankOnlyIn: []store.ReconItem{{Date: "2025-03-01", Amount: ledger.Yuan(10), Text: "利息😀"}}}
	e, err := ops.ReconciliationExport(st, r, "")
	if err != nil || e.Format != "pdf" {
		t.Fatalf("export %+v, %v", e, err)
	}
	var x ops.Exporter
	path := filepath.Join(dir, e.Name)
	_, _, err = x.Write(st, e, ops.WriteOptions{Now: exportNow, Dest: to(path)})
	var args map[string]string
	if le, ok := err.(*ledger.Error); ok {
		args = le.Args
	}
	if ledger.KeyOf(err) != "report.missing_glyph" || args["where"] != "利息😀" {
		t.Errorf("err = %v, want report.missing_glyph naming 利息😀", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a refused export left a file: %v", err)
	}
	// without the character it is written
	r.BankOnlyIn[0].Text = "利息"
	if e, err = ops.ReconciliationExport(st, r, "pdf"); err != nil {
		t.Fatal(err)
	}
	if p, _, err := x.Write(st, e, ops.WriteOptions{Now: exportNow, Dest: to(path)}); err != nil || p != path {
		t.Errorf("Write = %q, %v", p, err)
	}
}
