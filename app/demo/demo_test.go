package demo_test

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
	"time"

	"jiayuan/app/demo"
	"jiayuan/store"
)

func TestDemoIsRealisticAndVerifies(t *testing.T) {
	p := filepath.Join(t.TempDir(), "demo.jiayuan")
	if err := demo.Generate(p, demo.Options{Units: 120, Years: 5, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(p, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Verify()
	if err != nil || !res.OK {
		t.Fatalf("verify: %v %v", err, res.Problem)
	}
	st, err := s.Status(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), false)
	if err != nil {
		t.Fatal(err)
	}
	cases, _ := s.ReplenishmentCases()
	t.Logf("fund %s ratio %s%% public %s working %s cases %d links %d due %d", st.Fund.Balance.Grouped(), st.Fund.Ratio,
		st.Books["public"].Grouped(), st.Books["working"].Grouped(), len(cases), res.Links, len(st.Due))
	if len(cases) == 0 {
		t.Error("the demo should have a stretch below 30% with its replenishment case")
	}
	projects, _ := s.Projects()
	if len(projects) < 5 {
		t.Errorf("only %d projects", len(projects))
	}
}

func TestDemoSameSeedSameFile(t *testing.T) {
	dir := t.TempDir()
	sum := func(name string) [32]byte {
		p := filepath.Join(dir, name)
		if err := demo.Generate(p, demo.Options{Units: 40, Years: 3, Seed: 3}); err != nil {
			t.Fatal(err)
		}
		// Checkpoint the WAL into the main file so the comparison is of the whole ledger.
		s, err := store.Open(p, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.DB().Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			t.Fatal(err)
		}
		h, _ := s.ChainHead()
		s.Close()
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s head %s", name, h.Short())
		return sha256.Sum256(b)
	}
	if sum("a.jiayuan") != sum("b.jiayuan") {
		t.Fatal("the same seed must give the same ledger")
	}
}

// Small communities too: every size and seed must make a ledger through the store's rules.
func TestDemoSmallCommunitiesNeverOverdraw(t *testing.T) {
	for _, tc := range []struct {
		units int
		seed  uint64
	}{{16, 3}, {8, 1}, {3, 2}, {30, 9}} {
		p := filepath.Join(t.TempDir(), "small.jiayuan")
		if err := demo.Generate(p, demo.Options{Units: tc.units, Years: 4, Seed: tc.seed}); err != nil {
			t.Errorf("%d units, seed %d: %v", tc.units, tc.seed, err)
		}
	}
}
