package app

import (
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// openingSession is a new ledger with three units and no vouchers: a community moving in.
func openingSession(t *testing.T) (*Session, *OpeningService, []OpeningUnitDTO) {
	t.Helper()
	sess, _, dir := testSession(t)
	if _, err := NewLedgerService(sess).CreateLedger(goodInput(dir)); err != nil {
		t.Fatal(err)
	}
	o := NewOpeningService(sess)
	units, err := o.Units()
	if err != nil || len(units) != 3 {
		t.Fatalf("units %v %v", units, err)
	}
	return sess, o, units
}

func head(t *testing.T, sess *Session) store.ChainHead {
	t.Helper()
	st, _ := sess.Store()
	h, err := st.ChainHead()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestOpeningRefusedWhenUnitsDoNotAddUpAndNothingIsWritten(t *testing.T) {
	sess, o, units := openingSession(t)
	state, err := o.State()
	if err != nil {
		t.Fatal(err)
	}
	if state.DefaultDate != "2024-12-31" || state.Units != 3 || len(state.Books) != 3 || state.Books[0].VoucherID != 0 {
		t.Fatalf("state %+v", state)
	}
	h0 := head(t, sess)
	in := OpeningInputDTO{Book: "fund", Date: state.DefaultDate, Amount: "300.00", Bank: "300",
		Units: []OpeningUnitInput{{Row: 1, UnitID: units[0].ID, Amount: "100"}, {Row: 2, UnitID: units[1].ID, Amount: "1,00.00"},
			{Row: 3, UnitID: units[2].ID, Amount: ""}}}
	// a row that is not an amount: listed by row, nothing else checked
	c, err := o.Check(in)
	if err != nil {
		t.Fatal(err)
	}
	if c.OK || len(c.Problems) != 1 || c.Problems[0].Row != 2 || c.Problems[0].Message == "" || c.Refusal == nil {
		t.Fatalf("bad row: %+v", c)
	}
	// the units add up to 250.00, the fund to 300.00: refused, the difference shown
	in.Units[1].Amount = "１００"
	in.Units[2].Amount = "50"
	for _, save := range []bool{false, true} {
		run := o.Check
		if save {
			run = o.Save
		}
		c, err = run(in)
		if err != nil {
			t.Fatal(err)
		}
		if c.OK || c.UnitsOK || c.UnitsTotal != "250.00" || c.UnitsDiff != "-50.00" || c.UnitsCount != 3 || !c.BankOK {
			t.Errorf("save=%v: %+v", save, c)
		}
		if c.Refusal == nil || c.Refusal.Key != "opening.units_mismatch" || c.Refusal.Message == "" {
			t.Errorf("save=%v refusal %+v", save, c.Refusal)
		}
	}
	if h := head(t, sess); h != h0 {
		t.Fatalf("a refused opening wrote to the ledger: %v → %v", h0, h)
	}
	if st, _ := o.State(); st.Books[0].VoucherID != 0 {
		t.Fatal("a refused opening was recorded")
	}
	// the bank's balance differs
	in.Units[2].Amount = "100"
	in.Bank = "299.99"
	c, _ = o.Save(in)
	if c.OK || c.BankOK || c.BankDiff != "0.01" || c.Refusal == nil || c.Refusal.Key != "opening.bank_mismatch" {
		t.Errorf("bank mismatch: %+v %+v", c, c.Refusal)
	}
	// no bank balance and no statement: the message asks for it, without CLI flags
	in.Bank = ""
	c, _ = o.Check(in)
	if c.OK || c.Refusal == nil || c.Refusal.Key != "opening.bank_unknown" {
		t.Errorf("bank unknown: %+v", c.Refusal)
	}
	if h := head(t, sess); h != h0 {
		t.Fatal("a refused opening wrote to the ledger")
	}

	// right: checked, then saved
	in.Bank = "300"
	c, err = o.Check(in)
	if err != nil || !c.OK || !c.UnitsOK || !c.BankOK || c.VoucherNo != "" || c.UnitsDiff != "0.00" {
		t.Fatalf("check: %+v %v", c, err)
	}
	if h := head(t, sess); h != h0 {
		t.Fatal("Check wrote to the ledger")
	}
	c, err = o.Save(in)
	if err != nil || !c.OK || c.VoucherNo == "" {
		t.Fatalf("save: %+v %v", c, err)
	}
	st, _ := o.State()
	if st.Books[0].VoucherNo != c.VoucherNo || st.Books[0].OpeningAmount != "300.00" || st.Books[0].Balance != "300.00" {
		t.Errorf("state after saving: %+v", st.Books[0])
	}
	lst, _ := sess.Store()
	u, _ := lst.UnitByID(units[0].ID)
	if u.Balance != ledger.Yuan(100) {
		t.Errorf("unit balance %s", u.Balance)
	}
	// once only
	c, _ = o.Save(in)
	if c.OK || c.Refusal == nil || c.Refusal.Key != "opening.exists" {
		t.Errorf("second opening: %+v", c.Refusal)
	}

	// another book needs no units; the fund needs them
	c, err = o.Save(OpeningInputDTO{Book: "public", Date: "2024-12-31", Amount: "1,234.50", Bank: "1234.5"})
	if err != nil || !c.OK || c.UnitsTotal != "" {
		t.Errorf("public: %+v %v", c, err)
	}
}

func TestOpeningOfTheFundWithoutUnitsIsRefused(t *testing.T) {
	_, o, _ := openingSession(t)
	c, err := o.Check(OpeningInputDTO{Book: "fund", Date: "2024-12-31", Amount: "300", Bank: "300"})
	if err != nil || c.OK || c.Refusal == nil || c.Refusal.Key != "opening.units_none" {
		t.Errorf("%+v %v", c.Refusal, err)
	}
	c, _ = o.Check(OpeningInputDTO{Book: "fund", Date: "2024-12-31", Amount: "abc", Bank: "300"})
	if c.OK || c.Refusal == nil || c.Refusal.Key != "opening.amount_invalid" {
		t.Errorf("%+v", c.Refusal)
	}
}
