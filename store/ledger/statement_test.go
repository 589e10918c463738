package ledger

import "testing"

func TestOverShareEdges(t *testing.T) {
	for _, c := range []struct {
		gross, deducted, share string
		over                   bool
		allowed                string
	}{
		{"10000.00", "3000.00", "30", false, "3000.00"}, // exactly at the agreed share
		{"10000.00", "3000.01", "30", true, "3000.00"},  // one fen over
		{"10000.00", "2999.99", "30", false, "3000.00"}, // one fen under
		{"100.01", "30.00", "30", false, "30.00"},       // share × gross is 30.003: 30.00 is within
		{"100.01", "30.01", "30", true, "30.00"},        // …and 30.01 is above it
		{"10000.00", "0.00", "0", false, "0.00"},        // nothing agreed, nothing taken
		{"10000.00", "0.01", "0", true, "0.00"},         // nothing agreed, one fen taken
		{"10000.00", "10000.00", "100", false, "10000.00"},
		{"8000.00", "1000.00", "12.5", false, "1000.00"},
		{"8000.00", "1000.01", "12.5", true, "1000.00"},
	} {
		share, ok, err := ParseSharePercent(c.share)
		if err != nil || !ok {
			t.Fatalf("share %q: %v %v", c.share, ok, err)
		}
		g, d := mustParse(t, c.gross), mustParse(t, c.deducted)
		if got := OverShare(g, d, share); got != c.over {
			t.Errorf("gross %s deducted %s at %s%%: over = %v, want %v", c.gross, c.deducted, c.share, got, c.over)
		}
		if got := AllowedDeduction(g, share).String(); got != c.allowed {
			t.Errorf("gross %s at %s%%: allowed %s, want %s", c.gross, c.share, got, c.allowed)
		}
	}
}

func TestParseSharePercent(t *testing.T) {
	for _, s := range []string{"30", "30%", " 12.5 ", "0", "100", "33.33"} {
		if _, ok, err := ParseSharePercent(s); err != nil || !ok {
			t.Errorf("%q refused: %v", s, err)
		}
	}
	if _, ok, err := ParseSharePercent(""); err != nil || ok {
		t.Errorf("empty: %v %v", ok, err)
	}
	for _, s := range []string{"-1", "100.01", "abc", "33.333"} {
		if _, _, err := ParseSharePercent(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestStatementLineCheck(t *testing.T) {
	ok := StatementLine{Gross: Yuan(100), Tax: Yuan(6), Management: Yuan(24), Basis: "合同第5条"}
	if err := ok.Check(); err != nil {
		t.Fatal(err)
	}
	if ok.Net() != Yuan(70) {
		t.Fatalf("net %s", ok.Net())
	}
	for name, c := range map[string]struct {
		l   StatementLine
		key string
	}{
		"no gross":        {StatementLine{}, "statement.gross_not_positive"},
		"negative":        {StatementLine{Gross: Yuan(10), Tax: Yuan(-1), Basis: "x"}, "statement.deduction_negative"},
		"beyond gross":    {StatementLine{Gross: Yuan(10), Labour: Fen(1001), Basis: "x"}, "statement.deductions_exceed_gross"},
		"without a basis": {StatementLine{Gross: Yuan(10), Tax: Fen(1)}, "statement.basis_required"},
	} {
		t.Run(name, func(t *testing.T) { wantKey(t, c.l.Check(), c.key) })
	}
	// all of the gross deducted (with a basis) is a line: its net is zero
	if err := (StatementLine{Gross: Yuan(10), Tax: Yuan(10), Basis: "x"}).Check(); err != nil {
		t.Error(err)
	}
}

func TestStatementVariances(t *testing.T) {
	whole := ContractTerms{Start: "2026-01-01", End: "2030-12-31", Period: "quarter", Amount: Yuan(5000)}
	cs := []StatementContract{
		{ID: 1, Terms: whole, Property: true, Share: "30"},
		{ID: 2, Terms: whole, Property: true},               // no share on record
		{ID: 3, Terms: whole, Property: true, Share: "20"},  // no line: missing
		{ID: 4, Terms: whole, Property: false, Share: "20"}, // the committee collects it
		{ID: 5, Terms: ContractTerms{Start: "2026-07-01", End: "2030-12-31", Period: "quarter", Amount: Yuan(1)}, Property: true}, // not yet in force
	}
	lines := []StatementLine{
		{ContractID: 1, Gross: Yuan(5000), Tax: Yuan(300), Labour: Yuan(500), Management: Fen(100001), Basis: "合同"}, // kept 30.0002%; taxes apart
		{ContractID: 2, Gross: Yuan(5000), Management: Yuan(4000), Basis: "合同"},
		{ContractID: 0, Gross: Yuan(300)},
		{ContractID: 99, Gross: Yuan(200)}, // a contract not in the register
	}
	vs := StatementVariances("2026Q2", lines, cs)
	want := []Variance{
		{Kind: VarianceOverShare, Line: 1, ContractID: 1, Gross: Yuan(5000), Deducted: Fen(180001), Kept: Fen(150001), Allowed: Yuan(1500), Share: "30"},
		{Kind: VarianceNoContract, Line: 3, Gross: Yuan(300)},
		{Kind: VarianceNoContract, Line: 4, Gross: Yuan(200)},
		{Kind: VarianceMissingLine, ContractID: 3, Expected: Yuan(5000)},
	}
	if len(vs) != len(want) {
		t.Fatalf("variances %+v", vs)
	}
	for i := range want {
		if vs[i] != want[i] {
			t.Errorf("variance %d: %+v, want %+v", i, vs[i], want[i])
		}
	}
	lines[0].Management = Yuan(1000) // exactly at the share
	if vs := StatementVariances("2026Q2", lines[:1], cs[:1]); len(vs) != 0 {
		t.Errorf("at the share: %+v", vs)
	}
}
