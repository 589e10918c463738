package ops_test

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"jiayuan/app/demo"
	"jiayuan/app/ops"
	"jiayuan/app/reporting"
	"jiayuan/store"
)

// Golden reports: every report kind of a small fixed ledger (the demo's generator, fixed seed
// and end date) is exported through the pipeline with a fixed generation time, and the text a
// reader sees — the PDF's text as pdftotext extracts it, the workbook's cell values sheet by
// sheet — is compared with testdata/golden. A change to a report shows as a readable diff
// there; when it is meant, regenerate with
//
//	go test ./app/ops/ -run TestGoldenReports -update
var update = flag.Bool("update", false, "rewrite the golden report texts under testdata/golden")

// goldenParams are the parameters each kind is exported with (the same as the CLI's tests).
var goldenParams = map[reporting.Kind]reporting.Params{
	reporting.KindJournal:        {Book: "fund", From: "2024-01-01", To: "2026-09-30"},
	reporting.KindSummary:        {Year: 2025},
	reporting.KindUnitStatements: {Year: 2025}, // BuildingID: 1号, set below
	reporting.KindProjects:       {From: "2024-01-01", To: "2026-09-30"},
	reporting.KindReplenishment:  {From: "2024-01-01", To: "2026-09-30"},
	reporting.KindNoticePublic:   {From: "2025-07-01", To: "2025-09-30"},
	reporting.KindNoticeFund:     {From: "2025-01-01", To: "2025-06-30"},
	reporting.KindWorking:        {Year: 2025},
	reporting.KindAuditPackage:   {Year: 2025},
	"vouchers":                   {Book: "fund", From: "2025-01-01", To: "2025-06-30"},
	"receipts":                   {From: "2024-01-01", To: "2024-12-31"},
	"buildings":                  {From: "2024-01-01", To: "2026-09-30"},
	"building-notice":            {From: "2024-01-01", To: "2026-09-30"},
	"handover":                   {To: "2026-06-30"},
	reporting.KindContracts:      {Year: 2025},
	reporting.KindFinalAccounts:  {Year: 2025},
	reporting.KindAnnual:         {Year: 2025},
}

func TestGoldenReports(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "golden.jiayuan")
	if err := demo.Generate(path, demo.Options{Units: 12, Years: 3, Seed: 7, End: "2026-09-30"}); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	b, ok, err := ops.FindBuilding(st, "1号")
	if err != nil || !ok {
		t.Fatalf("building 1号: %v %v", ok, err)
	}
	for _, k := range reporting.Kinds {
		p, ok := goldenParams[k]
		if !ok {
			t.Errorf("%s: a report kind without golden parameters: add it to goldenParams", k)
			continue
		}
		if k == reporting.KindUnitStatements {
			p.BuildingID = b.ID
		}
		for _, format := range []string{"pdf", "xlsx"} {
			e, err := ops.ReportExport(st, k, p, format)
			if err != nil {
				t.Errorf("%s %s: %v", k, format, err)
				continue
			}
			var x ops.Exporter
			out := filepath.Join(dir, string(k)+"."+format)
			if _, _, err := x.Write(st, e, ops.WriteOptions{Now: exportNow, Generated: "2026-01-05 09:30", Dest: to(out)}); err != nil {
				t.Errorf("%s %s: %v", k, format, err)
				continue
			}
			var got string
			if format == "pdf" {
				got = pdfText(t, out)
			} else {
				got = xlsxValues(t, out)
			}
			compareGolden(t, filepath.Join("testdata", "golden", string(k)+"."+format+".txt"), got)
		}
	}
}

// pdfText is the PDF's text in reading layout, trailing spaces trimmed.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	lines := strings.Split(string(out), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \f")
		if strings.HasPrefix(l, "\f") {
			lines[i] = "--- page ---\n" + strings.TrimRight(strings.TrimPrefix(l, "\f"), " ")
		}
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n") + "\n"
}

// xlsxValues is each sheet's name and its rows, cells as stored (not as formatted) and
// separated by tabs.
func xlsxValues(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		b.WriteString("=== " + sheet + " ===\n")
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			b.WriteString(strings.TrimRight(strings.Join(r, "\t"), "\t") + "\n")
		}
	}
	return b.String()
}

func compareGolden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Errorf("%s: %v (run with -update to write it)", file, err)
		return
	}
	if string(want) == got {
		return
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			t.Errorf("%s differs from line %d:\n  want: %s\n  got:  %s\n(a change meant? go test ./app/ops/ -run TestGoldenReports -update, and read the diff)", file, i+1, w, g)
			return
		}
	}
}
