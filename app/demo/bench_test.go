package demo_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"jiayuan/app/demo"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// benchLedger returns the large ledger the benchmarks read: $JIAYUAN_BENCH_LEDGER, or a
// 5,000-unit, 20-year demo made once in the temp folder (about a minute) and reused.
func benchLedger(b *testing.B) *store.Store {
	b.Helper()
	p := os.Getenv("JIAYUAN_BENCH_LEDGER")
	if p == "" {
		p = filepath.Join(os.TempDir(), "jiayuan-bench-5000x20.jiayuan")
	}
	if _, err := os.Stat(p); err != nil {
		b.Logf("making %s (5000 units, 20 years)…", p)
		start := time.Now()
		if err := demo.Generate(p, demo.Options{Units: 5000, Years: 20, Seed: 1}); err != nil {
			os.Remove(p)
			b.Fatal(err)
		}
		b.Logf("made in %s", time.Since(start).Round(time.Second))
	}
	s, err := store.Open(p, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

var benchDay = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

func BenchmarkStatus(b *testing.B) {
	s := benchLedger(b)
	b.ResetTimer()
	for range b.N {
		if _, err := s.Status(benchDay, false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStatusWithUnits(b *testing.B) {
	s := benchLedger(b)
	b.ResetTimer()
	for range b.N {
		if _, err := s.Status(benchDay, true); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	s := benchLedger(b)
	b.ResetTimer()
	for range b.N {
		res, err := s.Verify()
		if err != nil || !res.OK {
			b.Fatal(err, res.Problem)
		}
	}
}

func BenchmarkUnitsFirstPage(b *testing.B) {
	s := benchLedger(b)
	b.ResetTimer()
	for range b.N {
		if _, _, err := s.Units(store.UnitFilter{Limit: 50}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVouchersFirstPage(b *testing.B) {
	s := benchLedger(b)
	b.ResetTimer()
	for range b.N {
		if _, _, err := s.Vouchers(store.VoucherFilter{Book: ledger.BookFund, Limit: 50}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnitStatement(b *testing.B) {
	s := benchLedger(b)
	b.ResetTimer()
	for range b.N {
		if _, err := s.UnitStatement(2500); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenDashboard is what the window does on start: open the file (lock, quick check)
// and compute the dashboard's figures.
func BenchmarkOpenDashboard(b *testing.B) {
	s := benchLedger(b)
	p := s.Path()
	b.ResetTimer()
	for range b.N {
		st, err := store.Open(p, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := st.Status(benchDay, false); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}
