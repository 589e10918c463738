package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// The acceptance lines on the default demo (history to 2026-09-30, so last year is
// 2025): the annual report names itself, the fund's ratio, every contract's counterparty and
// the chain head; the 决算 says so; the contracts report lists the contracts with expected
// against received. Figures come from the ledger's own queries.
func TestYearlyReportsOnTheDefaultDemo(t *testing.T) {
	p := defaultDemo(t)
	dir := t.TempDir()
	s, err := store.Open(p, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	head, err := s.ChainHead()
	if err != nil {
		t.Fatal(err)
	}
	chain := "链头#" + itoa64(head.Seq) + ledger.ShortHash(head.Hash)
	fund, err := s.BookBalancesAt(ledger.BookFund, []string{"2025-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	blds, err := s.BuildingBalancesAt(nil)
	if err != nil {
		t.Fatal(err)
	}
	var initial ledger.Money
	for _, b := range blds {
		initial = initial.Add(b.Initial)
	}
	r, ok := ledger.Ratio(fund[0], initial)
	if !ok {
		t.Fatal("the demo has no initial amount")
	}
	// --generated 2026-12-06: the flags are as of the day after the year
	sts, err := s.ContractStatuses(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || len(sts) < 3 {
		t.Fatalf("the demo's contracts: %d %v", len(sts), err)
	}

	annual := paperReport(t, dir, "annual", p, "--year", "2025")
	for _, want := range []string{"年度报告", "年末余额占首期比例：" + ledger.RatioPercent(r), chain} {
		if !strings.Contains(annual, want) {
			t.Errorf("the annual report lacks %q", want)
		}
	}
	if pages := pdfPages(t, annual); strings.Count(annual, chain) != pages {
		t.Errorf("the chain head is on %d of %d pages", strings.Count(annual, chain), pages)
	}
	final := paperReport(t, dir, "final-accounts", p, "--year", "2025")
	if !strings.Contains(final, "决算") || !strings.Contains(final, chain) {
		t.Error("the final accounts lack 决算 or the chain head")
	}
	contracts := paperReport(t, dir, "contracts", p, "--year", "2025")
	for _, c := range sts {
		var expected, received ledger.Money
		for _, q := range c.Quarters {
			if strings.HasPrefix(q.Quarter, "2025Q") {
				expected, received = expected.Add(q.Expected), received.Add(q.Received)
			}
		}
		if !strings.Contains(annual, c.Counterparty) {
			t.Errorf("the annual report lacks the contract with %s", c.Counterparty)
		}
		if want := c.Counterparty + c.CommonPart + expected.Grouped() + received.Grouped(); !strings.Contains(contracts, want) {
			t.Errorf("the contracts report lacks %q", want)
		}
	}
}

// --out naming an existing folder puts the report inside it under its default name (it used
// to write a file called ".pdf").
func TestReportOutFolderGetsTheDefaultName(t *testing.T) {
	p := smallDemo(t)
	dir := t.TempDir()
	for _, out := range []string{dir, dir + string(filepath.Separator)} {
		if code, stdout, errs := run(t, "report", "--ledger", p, "--kind", "final-accounts", "--year", "2025", "--out", out); code != 0 {
			t.Fatalf("--out %s: %d %s %s", out, code, stdout, errs)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "锦绣家园-年度决算表-2025.pdf" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("the folder holds %v", names)
	}
}

// `jiayuan contracts` lists the register with the figures the store counts.
func TestContractsCommandListsTheRegister(t *testing.T) {
	p := smallDemo(t)
	code, out, errs := run(t, "contracts", "--ledger", p, "--today", "2026-01-01")
	if code != 0 {
		t.Fatalf("contracts: %d %s", code, errs)
	}
	s, err := store.Open(p, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sts, err := s.ContractStatuses(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || len(sts) == 0 {
		t.Fatalf("%d contracts %v", len(sts), err)
	}
	for _, c := range sts {
		var expected ledger.Money
		for _, q := range c.Quarters {
			expected = expected.Add(q.Expected)
		}
		if !strings.Contains(out, c.Counterparty) || !strings.Contains(out, "应收 "+expected.Grouped()) {
			t.Errorf("the list lacks %s with %s expected:\n%s", c.Counterparty, expected.Grouped(), out)
		}
	}
}
