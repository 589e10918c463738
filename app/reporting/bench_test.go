package reporting_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"jiayuan/app/demo"
	"jiayuan/app/report"
	"jiayuan/app/reporting"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// Benchmarks on large ledgers, made once in the temp folder and reused:
//
//	go test -run '^$' -bench . -benchtime 1x ./app/reporting/
//
// BenchmarkJournalPDF50k: the public-income journal of a year with 50,000 lines (1,000
// vouchers of parking income itemised by space, 50 lines each). Target: under 10 s.
// BenchmarkUnitStatementsPDF5000: the per-unit statements of all 5,000 units of the
// 5000×20 bench ledger for a year, in one PDF. Target: under 30 s.

// benchLedger is the 5,000-unit, 20-year demo the other benchmarks use (app/demo).
func benchLedger(b *testing.B) *store.Store {
	b.Helper()
	p := os.Getenv("JIAYUAN_BENCH_LEDGER")
	if p == "" {
		p = filepath.Join(os.TempDir(), "jiayuan-bench-5000x20.jiayuan")
	}
	if _, err := os.Stat(p); err != nil {
		b.Logf("making %s (5000 units, 20 years)…", p)
		if err := demo.Generate(p, demo.Options{Units: 5000, Years: 20, Seed: 1}); err != nil {
			os.Remove(p)
			b.Fatal(err)
		}
	}
	s, err := store.Open(p, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// journalLedger is a ledger whose public book has 50,000 journal lines in 2025.
func journalLedger(b *testing.B) *store.Store {
	b.Helper()
	p := filepath.Join(os.TempDir(), "jiayuan-bench-journal50k.jiayuan")
	if _, err := os.Stat(p); err != nil {
		start := time.Now()
		if err := makeJournalLedger(p); err != nil {
			os.Remove(p)
			b.Fatal(err)
		}
		b.Logf("made %s in %s", p, time.Since(start).Round(time.Second))
	}
	s, err := store.Open(p, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func makeJournalLedger(path string) error {
	s, err := store.Create(path, store.Community{Name: "性能测试小区", StartDate: "2025-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		return err
	}
	defer s.Close()
	const vouchers, lines = 1000, 50
	for v := range vouchers {
		day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, v*365/vouchers)
		in := store.VoucherInput{Book: ledger.BookPublic, Date: ledger.FormatDate(day), Summary: fmt.Sprintf("地面停车费收入（第 %d 批，按车位明细）", v+1)}
		var total ledger.Money
		for l := range lines {
			amt := ledger.Fen(int64(15000 + (v*lines+l)%9000))
			total = total.Add(amt)
			in.Lines = append(in.Lines, store.LineInput{AccountCode: "4001", Amount: amt.Neg(), Memo: fmt.Sprintf("车位 %s-%03d 月租", string(rune('A'+l%6)), l+1)})
		}
		in.Lines = append(in.Lines, store.LineInput{AccountCode: ledger.CodeBank, Amount: total})
		if _, err := s.PostVoucher(in); err != nil {
			return err
		}
	}
	return nil
}

func rowsOf(d *report.Doc) int {
	n := 0
	for _, bl := range d.Blocks {
		if t, ok := bl.(*report.Table); ok {
			n += len(t.Rows)
		}
	}
	return n
}

// benchReport builds and renders one report, logging the time of each step.
func benchReport(b *testing.B, s *store.Store, k reporting.Kind, p reporting.Params, format string) {
	b.Helper()
	h, _ := s.ChainHead()
	p.Generated, p.Chain = generated, reporting.ChainOf(h)
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		built, err := reporting.Build(s, k, p, format)
		if err != nil {
			b.Fatal(err)
		}
		query := time.Since(start)
		out, err := built.Render()
		if err != nil {
			b.Fatal(err)
		}
		total := time.Since(start)
		rows, docs := 0, 1
		if built.Doc != nil {
			rows = rowsOf(built.Doc)
		} else {
			docs = 0
			for d, err := range built.Pkg.EachDoc() { // made again, after the timing
				if err != nil {
					b.Fatal(err)
				}
				docs++
				rows += rowsOf(&d)
			}
		}
		b.ReportMetric(total.Seconds(), "s")
		b.ReportMetric(float64(len(out))/1e6, "MB")
		b.Logf("%s %s: %d documents, %d table rows; queries and layout %s, in all %s, %.1f MB",
			k, format, docs, rows, query.Round(time.Millisecond), total.Round(time.Millisecond), float64(len(out))/1e6)
	}
}

func BenchmarkJournalPDF50k(b *testing.B) {
	benchReport(b, journalLedger(b), reporting.KindJournal, reporting.Params{From: "2025-01-01", To: "2025-12-31", Book: ledger.BookPublic}, "pdf")
}

func BenchmarkJournalXLSX50k(b *testing.B) {
	benchReport(b, journalLedger(b), reporting.KindJournal, reporting.Params{From: "2025-01-01", To: "2025-12-31", Book: ledger.BookPublic}, "xlsx")
}

func BenchmarkUnitStatementsPDF5000(b *testing.B) {
	benchReport(b, benchLedger(b), reporting.KindUnitStatements, reporting.Params{From: "2025-01-01", To: "2025-12-31"}, "pdf")
}

func BenchmarkUnitStatementsXLSX5000(b *testing.B) {
	benchReport(b, benchLedger(b), reporting.KindUnitStatements, reporting.Params{From: "2025-01-01", To: "2025-12-31"}, "xlsx")
}

func BenchmarkAuditPackagePDF5000(b *testing.B) {
	benchReport(b, benchLedger(b), reporting.KindAuditPackage, reporting.Params{Year: 2025}, "pdf")
}

func BenchmarkReplenishmentWholeHistory5000(b *testing.B) {
	benchReport(b, benchLedger(b), reporting.KindReplenishment, reporting.Params{From: "2007-01-01", To: "2026-09-30"}, "pdf")
}
