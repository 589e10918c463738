package demo_test

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
	"time"

	"jiayuan/app/demo"
	"jiayuan/store"
	"jiayuan/store/ledger"
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

// The demo is made under a name of its own and given the asked name when complete: nothing
// else is left in the folder, a file already at the name is refused and left as it was, and a
// demo that fails leaves nothing.
func TestDemoLeavesOnlyTheLedger(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "demo.jiayuan")
	if err := demo.Generate(p, demo.Options{Units: 20, Years: 2, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Generate(p, demo.Options{Units: 20, Years: 2, Seed: 2}); ledger.KeyOf(err) != "ledger.file_exists" {
		t.Fatalf("a demo over an existing file: %v, want ledger.file_exists", err)
	}
	if after, _ := os.ReadFile(p); !bytes.Equal(before, after) {
		t.Fatal("the existing file was changed")
	}
	bad := filepath.Join(dir, "bad.jiayuan")
	if err := demo.Generate(bad, demo.Options{Units: 20, Years: 60}); err == nil {
		t.Fatal("a demo starting before 1990 was made")
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 1 || names[0] != "demo.jiayuan" {
		t.Fatalf("the folder holds %v, want only demo.jiayuan", names)
	}
}
