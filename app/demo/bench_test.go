package demo_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"jiayuan/app/demo"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// benchLedger returns the large ledger the benchmarks read: $JIAYUAN_BENCH_LEDGER, or a
// 5,000-unit, 20-year demo made once in the temp folder (about 10 seconds) and reused.
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

// BenchmarkStatusCold is `jiayuan status` without the process start: the file opened with its
// checks on a fresh connection (SQLite's page cache empty), the status read, the file closed.
func BenchmarkStatusCold(b *testing.B) {
	p := benchLedger(b).Path()
	b.ResetTimer()
	for range b.N {
		s, err := store.OpenChecked(p, store.Options{ReadOnly: true, ChainCheckOnly: true, Glance: true}, "")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Status(benchDay, false); err != nil {
			b.Fatal(err)
		}
		s.Close()
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

// BenchmarkOpenDashboard is what the window does on start: open the file as OpenChecked does,
// with the ledger's backups folder (the writer lock aside: the bench ledger is opened
// read-only), and compute the dashboard's figures. The file is as it was when it last passed
// the check, the usual case: its mark in the backups folder spares the structure check
// (store/checkmark.go).
func BenchmarkOpenDashboard(b *testing.B) {
	s := benchLedger(b)
	p, dir := s.Path(), b.TempDir()
	first, err := store.OpenChecked(p, store.Options{ReadOnly: true}, dir) // checks and marks
	if err != nil {
		b.Fatal(err)
	}
	first.Close()
	b.ResetTimer()
	for range b.N {
		openDashboard(b, func() (*store.Store, error) { return store.OpenChecked(p, store.Options{ReadOnly: true}, dir) }, false)
	}
}

// BenchmarkOpenDashboardChanged is the first open after the file changed outside the app (or
// of a ledger never opened here): SQLite's quick_check reads the whole file.
func BenchmarkOpenDashboardChanged(b *testing.B) {
	s := benchLedger(b)
	p := s.Path()
	b.ResetTimer()
	for range b.N {
		openDashboard(b, func() (*store.Store, error) { return store.Open(p, store.Options{ReadOnly: true}) }, true)
	}
}

func openDashboard(b *testing.B, open func() (*store.Store, error), full bool) {
	st, err := open()
	if err != nil {
		b.Fatal(err)
	}
	if st.CheckedStructure() != full || st.Damage() != nil {
		b.Fatalf("structure checked %v, want %v; damage %v", st.CheckedStructure(), full, st.Damage())
	}
	if _, err := st.Status(benchDay, false); err != nil {
		b.Fatal(err)
	}
	st.Close()
}

// BenchmarkGenerate makes the demo as `jiayuan demo --units N --years 20 --seed 1` does (N from
// $JIAYUAN_BENCH_UNITS, default 5,000): what scripts/bench.sh's demo row times, and what every
// test and benchmark waits for. Profile it with -cpuprofile and -benchtime 1x.
func BenchmarkGenerate(b *testing.B) {
	units := 5000
	if v := os.Getenv("JIAYUAN_BENCH_UNITS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			b.Fatalf("JIAYUAN_BENCH_UNITS=%q: want a number of units", v)
		}
		units = n
	}
	dir := b.TempDir()
	for i := range b.N {
		p := filepath.Join(dir, fmt.Sprintf("demo-%d.jiayuan", i))
		if err := demo.Generate(p, demo.Options{Units: units, Years: 20, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		os.Remove(p)
		os.Remove(p + "-wal")
		os.Remove(p + "-shm")
		b.StartTimer()
	}
}
