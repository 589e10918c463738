package report

import "testing"

// Run with: go test -run x -bench . -benchtime 1x ./app/report/

func BenchmarkJournalPDF50k(b *testing.B) {
	d := sampleDoc(50000)
	b.ResetTimer()
	for range b.N {
		pdf, err := RenderPDF(d)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(pdf))/1e6, "MB")
	}
}

func BenchmarkJournalXLSX50k(b *testing.B) {
	d := sampleDoc(50000)
	b.ResetTimer()
	for range b.N {
		x, err := RenderXLSX(d)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(x))/1e6, "MB")
	}
}

// BenchmarkUnitStatementsPackage5k is the per-unit statements (分户账) of a 5,000-unit
// community in one package: 5,000 small docs, each on its own page, plus the contents.
func BenchmarkUnitStatementsPackage5k(b *testing.B) {
	p := samplePackage(5000)
	p.Docs = p.Docs[2:] // the unit statements only
	b.ResetTimer()
	for range b.N {
		pdf, err := RenderPackagePDF(p)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(pdf))/1e6, "MB")
	}
}
