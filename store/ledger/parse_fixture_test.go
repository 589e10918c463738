package ledger

import (
	"encoding/json"
	"os"
	"testing"
)

// amountCase is one line of testdata/parse_amount_cases.json, the table the frontend's
// parseMoney (frontend/src/lib/money.test.ts) runs too, so that the window accepts and refuses
// exactly what the ledger does. error is the refusal key without its "amount." prefix.
type amountCase struct {
	Name  string `json:"name"`
	Input string `json:"input"`
	OK    bool   `json:"ok"`
	Fen   int64  `json:"fen"`
	Error string `json:"error"`
}

func loadAmountCases(t *testing.T) []amountCase {
	t.Helper()
	b, err := os.ReadFile("testdata/parse_amount_cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []amountCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 50 {
		t.Fatalf("only %d cases read from the shared table", len(cases))
	}
	return cases
}

func TestParseAmountSharedCases(t *testing.T) {
	for _, c := range loadAmountCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			got, err := ParseAmount(c.Input)
			if c.OK {
				mustOK(t, err)
				if got != Fen(c.Fen) {
					t.Fatalf("ParseAmount(%q) = %v, want %v", c.Input, got, Fen(c.Fen))
				}
				return
			}
			if c.Error == "" {
				t.Fatalf("case %q is a refusal without an error kind", c.Name)
			}
			wantKey(t, err, "amount."+c.Error)
		})
	}
}
