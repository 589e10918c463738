package ledger

import (
	"errors"
	"fmt"
	"testing"
)

// wantKey fails the test unless err is a refusal with the given message key.
func wantKey(t *testing.T, err error, key string) *Error {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want refusal %q", key)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("got %T %v, want *ledger.Error %q", err, err, key)
	}
	if e.Key != key {
		t.Fatalf("got refusal %q (%v), want %q", e.Key, err, key)
	}
	return e
}

// wantArg fails the test unless the refusal carries arg name with value want.
func wantArg(t *testing.T, e *Error, name, want string) {
	t.Helper()
	got, ok := e.Args[name]
	if !ok {
		t.Fatalf("refusal %q has no arg %q (args %v)", e.Key, name, e.Args)
	}
	if got != want {
		t.Fatalf("refusal %q arg %q = %q, want %q", e.Key, name, got, want)
	}
}

// mustOK fails the test when err is not nil.
func mustOK(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected refusal: %v", err)
	}
}

func TestRefusalWithoutArgsPrintsOnlyItsKey(t *testing.T) {
	e := Refuse("amount.empty")
	if got := e.Error(); got != "ledger: amount.empty" {
		t.Fatalf("Error() = %q", got)
	}
	if e.Args != nil {
		t.Fatalf("Args = %v, want nil", e.Args)
	}
}

func TestRefusalPrintsArgsSortedByName(t *testing.T) {
	e := Refuse("voucher.unbalanced", "difference", "0.01", "credit", "1.00", "debit", "1.01")
	want := "ledger: voucher.unbalanced (credit=1.00, debit=1.01, difference=0.01)"
	if got := e.Error(); got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
}

func TestRefusalFormatsNonStringArgs(t *testing.T) {
	e := Refuse("voucher.zero_line", "line", 2, "book", BookFund)
	wantArg(t, e, "line", "2")
	wantArg(t, e, "book", "fund")
}

func TestRefusalDropsADanglingArgName(t *testing.T) {
	e := Refuse("k", "a", 1, "orphan")
	if len(e.Args) != 1 {
		t.Fatalf("Args = %v, want only a", e.Args)
	}
	wantArg(t, e, "a", "1")
}

func TestErrorsIsMatchesRefusalsByKeyOnly(t *testing.T) {
	err := fmt.Errorf("posting: %w", Refuse("voucher.unbalanced", "difference", "0.01"))
	if !errors.Is(err, Refuse("voucher.unbalanced")) {
		t.Fatal("errors.Is does not match the same key through wrapping")
	}
	if errors.Is(err, Refuse("voucher.cross_book")) {
		t.Fatal("errors.Is matches a different key")
	}
	if errors.Is(err, errors.New("voucher.unbalanced")) {
		t.Fatal("errors.Is matches a plain error")
	}
}

func TestKeyOfFindsTheKeyOfAWrappedRefusalAndNothingElse(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"nil", nil, ""},
		{"plain error", errors.New("boom"), ""},
		{"refusal", Refuse("amount.empty"), "amount.empty"},
		{"wrapped refusal", fmt.Errorf("x: %w", Refuse("date.invalid")), "date.invalid"},
		{"joined", errors.Join(errors.New("a"), Refuse("vote.negative")), "vote.negative"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := KeyOf(c.err); got != c.want {
				t.Fatalf("KeyOf = %q, want %q", got, c.want)
			}
		})
	}
}
