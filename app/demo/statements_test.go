package demo

import (
	"path/filepath"
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// The demo's property company sends a statement for every quarter but the last (it arrives
// after the demo's end), one of which keeps more than the parking contract's agreed share;
// every closed quarter still meets R2, and nothing is left held by the company.
func TestDemoPropertyStatements(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.jiayuan")
	if err := Generate(path, Options{Units: 12, Years: 3, Seed: 7, End: "2026-09-30"}); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sts, err := s.Statements()
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 10 || sts[0].Quarter != "2026Q2" || sts[len(sts)-1].Quarter != "2024Q1" {
		t.Fatalf("%d statements, %s … %s", len(sts), sts[0].Quarter, sts[len(sts)-1].Quarter)
	}
	var over []string
	for _, st := range sts {
		for _, v := range st.Variances {
			if v.Kind != ledger.VarianceOverShare {
				t.Errorf("%s: unexpected variance %+v", st.Quarter, v)
			}
			over = append(over, st.Quarter+" "+v.Counterparty)
		}
	}
	if len(over) != 1 || over[0] != "2025Q2 上海畅行停车管理有限公司" {
		t.Fatalf("over the agreed share: %v", over)
	}
	if held, _ := s.ReceivableBalance(); !held.IsZero() {
		t.Errorf("the company still holds %s", held)
	}
	status, err := s.Status(time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range status.Quarters {
		if q.Closed && q.Short.Sign() > 0 {
			t.Errorf("closed quarter %s short %s", q.Quarter, q.Short)
		}
	}
	if m := status.Oversight.MissingStatements; len(m) != 1 || m[0].Quarter != "2026Q3" || len(status.Oversight.Missing) != 0 {
		t.Errorf("missing statements %+v, contract income missing %+v", m, status.Oversight.Missing)
	}
}
