package cli_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"jiayuan/app/cli"
	"jiayuan/app/i18n"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Run(args, &out, &errb, i18n.MustLoad())
	return code, out.String(), errb.String()
}

func demoLedger(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "demo.jiayuan")
	if code, out, errs := run(t, "demo", "--ledger", p, "--units", "60", "--years", "4", "--seed", "5"); code != 0 {
		t.Fatalf("demo: %d %s %s", code, out, errs)
	}
	return p
}

func TestStatusJSONHasTheFiguresScriptsNeed(t *testing.T) {
	p := demoLedger(t)
	code, out, errs := run(t, "status", "--ledger", p, "--json", "--today", "2026-11-22")
	if code != 0 {
		t.Fatalf("status: %d %s", code, errs)
	}
	var r struct {
		Community string
		Books     []struct{ Book, Balance string }
		Fund      struct {
			Ratio     string
			Buildings []struct{ Ratio string }
			Units     []struct{ Ratio string }
		}
		Quarters []struct{ Quarter, Required, Done, Short string }
		Due      []struct{ Kind, Due string }
		Chain    struct {
			Seq  int64
			Hash string
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err, out)
	}
	if r.Community != "锦绣家园" || len(r.Books) != 3 || r.Fund.Ratio == "" || len(r.Fund.Buildings) == 0 || len(r.Fund.Units) != 60 {
		t.Errorf("status JSON incomplete: %+v", r)
	}
	if len(r.Quarters) < 12 || r.Chain.Seq == 0 || len(r.Chain.Hash) != 64 {
		t.Errorf("quarters %d chain %+v", len(r.Quarters), r.Chain)
	}
	code, out, _ = run(t, "--lang", "en", "status", "--ledger", p, "--today", "2026-11-22")
	if code != 0 || !strings.Contains(out, "Fund ratio") || !strings.Contains(out, "Chain head") {
		t.Errorf("English status:\n%s", out)
	}
	code, out, _ = run(t, "status", "--ledger", p, "--today", "2026-11-22")
	if code != 0 || !strings.Contains(out, "维修资金比例") {
		t.Errorf("Chinese status:\n%s", out)
	}
}

func TestVerifyFindsAnAmountChangedWithTheSqlite3Tool(t *testing.T) {
	if _, err := exec.LookPath("sqlite3"); err != nil {
		t.Skip("sqlite3 tool not installed (scripts/setup.sh installs it)")
	}
	p := demoLedger(t)
	code, out, _ := run(t, "verify", "--ledger", p)
	if code != 0 || !strings.Contains(out, "账本完好") {
		t.Fatalf("fresh demo should verify: %d %s", code, out)
	}
	// Someone edits one posting's amount outside the app, removing the guard first.
	cmd := exec.Command("sqlite3", p, `DROP TRIGGER postings_permanent_u; UPDATE postings SET amount_fen = amount_fen + 100 WHERE id = 7;`)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("sqlite3: %v %s", err, b)
	}
	code, out, _ = run(t, "--lang", "en", "verify", "--ledger", p)
	if code == 0 {
		t.Fatal("verify must fail on an altered file")
	}
	var vid string
	b, _ := exec.Command("sqlite3", p, `SELECT voucher_id FROM postings WHERE id = 7`).Output()
	vid = strings.TrimSpace(string(b))
	if !strings.Contains(out, "vouchers id "+vid) {
		t.Errorf("verify should name voucher %s: %s", vid, out)
	}
}

func TestUsageErrorsAreClearAndExit2(t *testing.T) {
	for _, args := range [][]string{{"status"}, {"frobnicate"}, {"status", "--ledger"}, {"verify", "--ledger", "x", "extra"}} {
		code, _, errs := run(t, args...)
		if code != 2 || errs == "" {
			t.Errorf("%v: code %d, stderr %q", args, code, errs)
		}
	}
	code, _, errs := run(t, "status", "--ledger", filepath.Join(t.TempDir(), "none.jiayuan"))
	if code != 1 || !strings.Contains(errs, "找不到账本文件") {
		t.Errorf("missing file: %d %q", code, errs)
	}
	code, out, _ := run(t, "--help")
	if code != 0 || !strings.Contains(out, "verify") {
		t.Errorf("help: %q", out)
	}
}
