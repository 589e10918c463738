package store_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// BenchmarkImportUnitsDryRun checks a 20,000-unit roster (400 buildings of 50 units, an owner
// each) as the import screen's preview does: every row through the real writes, rolled back.
func BenchmarkImportUnitsDryRun(b *testing.B) {
	s, err := store.Create(filepath.Join(b.TempDir(), "bench.jiayuan"), store.Community{Name: "大型小区", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rows := make([]store.ImportUnit, 0, 20000)
	for i := 0; i < 20000; i++ {
		rows = append(rows, store.ImportUnit{Row: i + 2, Building: fmt.Sprintf("%d", 100+i/50), Room: fmt.Sprintf("%d", 101+i%50),
			AreaCM2: 8950, HousingType: "commodity", Owner: fmt.Sprintf("业主%05d", i), Initial: m("8950.00")})
	}
	src := store.ImportSource{Name: "roster.csv", SHA256: strings.Repeat("cd", 32), DryRun: true}
	b.ResetTimer()
	for range b.N {
		if _, err := s.ImportUnits(src, rows); err != nil {
			b.Fatal(err)
		}
	}
}
