package store_test

import (
	"path/filepath"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// A ledger moved in mid-life (books from 2026-07-01) whose owners' assembly account was opened
// in 2019 still shows 2026 as a year to audit; counted from its books alone it would not.
func TestAuditsCountFromTheAssemblyAccountOpening(t *testing.T) {
	for _, c := range []struct {
		opened string
		want   int
	}{{"2019-03-01", 1}, {"", 0}} {
		s, err := store.Create(filepath.Join(t.TempDir(), "x.jiayuan"), store.Community{Name: "迁入小区", StartDate: "2026-07-01",
			AssemblyOpened: c.opened, Policy: ledger.DefaultPolicy()})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Community()
		if err != nil || got.AssemblyOpened != c.opened {
			t.Fatalf("assembly opened %q, %v", got.AssemblyOpened, err)
		}
		st, err := s.Status(day("2027-01-05"), false)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, d := range st.Due {
			if d.Kind == "audit" && d.Year == 2026 && d.Due == "2027-06-30" {
				n++
			}
		}
		if n != c.want {
			t.Errorf("opened %q: %d audits of 2026 due, want %d (%+v)", c.opened, n, c.want, st.Due)
		}
		s.Close()
	}
}
