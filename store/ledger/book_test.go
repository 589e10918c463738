package ledger

import "testing"

// account returns the default chart's account of book b with code, or fails the test.
func account(t testing.TB, b Book, code string) Account {
	t.Helper()
	for _, a := range DefaultChart() {
		if a.Book == b && a.Code == code {
			return a
		}
	}
	t.Fatalf("no account %s in book %s", code, b)
	return Account{}
}

func TestThereAreExactlyThreeBooks(t *testing.T) {
	if len(Books) != 3 || Books[0] != BookFund || Books[1] != BookPublic || Books[2] != BookWorking {
		t.Fatalf("Books = %v", Books)
	}
	for _, b := range Books {
		if !b.Valid() {
			t.Fatalf("%s not valid", b)
		}
	}
	for _, b := range []Book{"", "Fund", "other", "fund "} {
		if b.Valid() {
			t.Fatalf("%q valid", b)
		}
	}
}

func TestOnlyPublicIncomeMayFlowToTheFundOrWorkingExpenses(t *testing.T) {
	all := append([]Book{"", "other"}, Books...)
	for _, from := range all {
		for _, to := range all {
			want := (from == BookPublic && to == BookFund) || (from == BookPublic && to == BookWorking)
			if got := AllowedTransfer(from, to); got != want {
				t.Errorf("AllowedTransfer(%q, %q) = %v, want %v", from, to, got, want)
			}
		}
	}
}

func TestDebitNormalKinds(t *testing.T) {
	cases := map[AccountKind]bool{
		KindAsset: true, KindExpense: true, KindDeduction: true, KindTransferOut: true,
		KindEquity: false, KindIncome: false, KindTransferIn: false, "": false,
	}
	for k, want := range cases {
		if got := k.DebitNormal(); got != want {
			t.Errorf("%q.DebitNormal() = %v, want %v", k, got, want)
		}
	}
}

func TestDefaultChartIsConsistent(t *testing.T) {
	chart := DefaultChart()
	seen := map[Book]map[string]bool{}
	for _, a := range chart {
		if !a.Book.Valid() {
			t.Fatalf("%+v: unknown book", a)
		}
		if seen[a.Book] == nil {
			seen[a.Book] = map[string]bool{}
		}
		if seen[a.Book][a.Code] {
			t.Fatalf("code %s twice in book %s", a.Code, a.Book)
		}
		seen[a.Book][a.Code] = true
		if a.Code == "" || a.NameZH == "" || a.NameEN == "" {
			t.Fatalf("%+v: missing code or name", a)
		}
		switch a.Kind {
		case KindTransferOut:
			if !AllowedTransfer(a.Book, a.Counterpart) {
				t.Fatalf("%s %s sends to %q, a flow the rules forbid", a.Book, a.Code, a.Counterpart)
			}
		case KindTransferIn:
			if !AllowedTransfer(a.Counterpart, a.Book) {
				t.Fatalf("%s %s receives from %q, a flow the rules forbid", a.Book, a.Code, a.Counterpart)
			}
		case KindAsset, KindEquity, KindIncome, KindDeduction, KindExpense:
			if a.Counterpart != "" {
				t.Fatalf("%s %s is no transfer account but names counterpart %q", a.Book, a.Code, a.Counterpart)
			}
		default:
			t.Fatalf("%+v: unknown kind", a)
		}
		if a.PerUnit && a.Book != BookFund {
			t.Fatalf("%s %s: only fund accounts are split per unit", a.Book, a.Code)
		}
	}
	for _, b := range Books {
		if account(t, b, CodeBank).Kind != KindAsset {
			t.Fatalf("book %s: %s is not its bank account", b, CodeBank)
		}
		if account(t, b, CodeOpening).Kind != KindEquity {
			t.Fatalf("book %s: %s is not its opening balance", b, CodeOpening)
		}
	}
	// the codes the rules refer to exist and mean what their names say
	named := []struct {
		b    Book
		code string
		kind AccountKind
		peer Book
	}{
		{BookFund, CodeFundInitial, KindIncome, ""},
		{BookFund, CodeFundReplenish, KindIncome, ""},
		{BookFund, CodeFundInterest, KindIncome, ""},
		{BookFund, CodeFundTransferIn, KindTransferIn, BookPublic},
		{BookFund, CodeFundRepair, KindExpense, ""},
		{BookPublic, CodePublicToFund, KindTransferOut, BookFund},
		{BookPublic, CodePublicToWorking, KindTransferOut, BookWorking},
		{BookWorking, CodeWorkingIn, KindTransferIn, BookPublic},
	}
	for _, n := range named {
		a := account(t, n.b, n.code)
		if a.Kind != n.kind || a.Counterpart != n.peer {
			t.Errorf("%s %s = %s/%q, want %s/%q", n.b, n.code, a.Kind, a.Counterpart, n.kind, n.peer)
		}
	}
	// every allowed flow has its pair of transfer accounts
	for _, from := range Books {
		for _, to := range Books {
			if !AllowedTransfer(from, to) {
				continue
			}
			var out, in bool
			for _, a := range chart {
				out = out || (a.Book == from && a.Kind == KindTransferOut && a.Counterpart == to)
				in = in || (a.Book == to && a.Kind == KindTransferIn && a.Counterpart == from)
			}
			if !out || !in {
				t.Errorf("flow %s → %s lacks its transfer accounts (out %v, in %v)", from, to, out, in)
			}
		}
	}
}

func TestDefaultChartIsAFreshCopyEachTime(t *testing.T) {
	a := DefaultChart()
	a[0].Code = "changed"
	if DefaultChart()[0].Code == "changed" {
		t.Fatal("DefaultChart shares its slice between callers")
	}
}
