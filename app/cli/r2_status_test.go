package cli_test

import (
	"encoding/json"
	"testing"

	"jiayuan/store/ledger"
)

// Issue 11's acceptance line: `status --json` on the default demo shows, for every quarter
// with positive net public income, the least whole-fen amount strictly above half of it as
// required (Shanghai's statute, 13,168.32 → 6,584.17), and no closed quarter short.
func TestStatusJSONOnTheDefaultDemoRequiresMoreThanHalfEachQuarter(t *testing.T) {
	p := defaultDemo(t)
	code, out, errs := run(t, "status", "--ledger", p, "--json", "--today", "2026-11-22")
	if code != 0 {
		t.Fatalf("status: %d %s", code, errs)
	}
	var r struct {
		Quarters []struct {
			Quarter, Net, Required, Short string
			Closed                        bool
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	positive := 0
	for _, q := range r.Quarters {
		net, err1 := ledger.ParseAmount(q.Net)
		req, err2 := ledger.ParseAmount(q.Required)
		short, err3 := ledger.ParseAmount(q.Short)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatalf("%s: %+v", q.Quarter, q)
		}
		if net.Sign() > 0 {
			positive++
			if n, f := net.Fen(), req.Fen(); 2*f <= n || 2*(f-1) > n {
				t.Errorf("%s: net %s requires %s, not the least fen strictly above half", q.Quarter, q.Net, q.Required)
			}
		} else if !req.IsZero() {
			t.Errorf("%s: net %s requires %s", q.Quarter, q.Net, q.Required)
		}
		if q.Closed && short.Sign() > 0 {
			t.Errorf("closed quarter %s short %s", q.Quarter, q.Short)
		}
	}
	if positive < 12 {
		t.Errorf("only %d quarters with income in the default demo", positive)
	}
}
