package export_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jiayuan/app/demo"
	"jiayuan/app/export"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// hledger, reading the exported journal on its own, must arrive at the ledger's own figures:
// every account of every book, and every unit's sub-account.
func TestHledgerBalancesEqualTheLedgers(t *testing.T) {
	if _, err := exec.LookPath("hledger"); err != nil {
		t.Skip("hledger not installed (scripts/setup.sh installs it)")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "demo.jiayuan")
	if err := demo.Generate(p, demo.Options{Units: 80, Years: 4, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(p, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var buf bytes.Buffer
	if err := export.Journal(s, &buf, true); err != nil {
		t.Fatal(err)
	}
	jp := filepath.Join(dir, "demo.journal")
	if err := os.WriteFile(jp, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("hledger", "-f", jp, "balance", "--flat", "-N", "-O", "csv").Output()
	if err != nil {
		t.Fatalf("hledger: %v", err)
	}
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]ledger.Money{}
	for _, r := range rows[1:] {
		m, err := ledger.ParseAmount(strings.TrimSuffix(r[1], " CNY"))
		if err != nil {
			t.Fatalf("hledger amount %q: %v", r[1], err)
		}
		got[r[0]] = m
	}
	compared := 0
	for _, b := range ledger.Books {
		accts, err := s.Accounts(b)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range accts {
			if g := got[export.AccountName(b, a.Code, a.NameZH)]; g != a.Balance {
				t.Errorf("%s %s: hledger %s, ledger %s", b, a.Code, g, a.Balance)
			}
			compared++
		}
	}
	units, _, err := s.Units(store.UnitFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		if g := got[export.UnitAccount(u.BuildingCode+"-"+u.Room)]; g != u.Balance {
			t.Errorf("unit %s-%s: hledger %s, ledger %s", u.BuildingCode, u.Room, g, u.Balance)
		}
		compared++
	}
	st, err := s.Status(time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC), false)
	if err != nil {
		t.Fatal(err)
	}
	if g := got[export.AccountName(ledger.BookFund, ledger.CodeBank, "银行存款（维修资金专户）")]; g != st.Fund.Balance {
		t.Errorf("fund: hledger %s, status %s", g, st.Fund.Balance)
	}
	if compared < 100 {
		t.Fatalf("only %d figures compared", compared)
	}
}
