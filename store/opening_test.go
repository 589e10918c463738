package store_test

import (
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// The fund's balances brought forward at 2023-12-31, per unit (they add up to ¥50,000.00).
func openingUnits() []store.OpeningUnit {
	return []store.OpeningUnit{
		{Row: 2, Building: "1", Room: "101", Amount: m("10000.01")},
		{Row: 3, Building: "1号", Room: "102", Amount: m("9999.99")},
		{Row: 4, Building: "1幢", Room: "103室", Amount: m("10000.00")},
		{Row: 5, Building: "2", Room: "201", Amount: m("8000.00")},
		{Row: 6, Building: "2", Room: "202", Amount: m("12000.00")},
	}
}

// A ledger that starts mid-life takes each book's balance, and the fund's per-unit balances,
// as one opening voucher each, after they agree with each other and with the bank.
func TestOpeningBalances(t *testing.T) {
	f := mustCreate(t)
	res, err := f.s.PostOpening(store.OpeningInput{Book: ledger.BookFund, Date: "2023-12-31", Amount: m("50000.00"), Bank: m("50000.00"), BankGiven: true, Units: openingUnits()})
	if err != nil {
		t.Fatal(err)
	}
	if res.VoucherNo == "" || res.Units != 5 || res.UnitsTotal != m("50000.00") {
		t.Errorf("%+v", res)
	}
	if k := f.count(`SELECT count(*) FROM vouchers WHERE kind = 'opening' AND book = 'fund' AND date = '2023-12-31'`); k != 1 {
		t.Error("no opening voucher")
	}
	if e := f.unitEntries(res.VoucherID); e[f.units[0]] != 1000001 || e[f.units[4]] != 1200000 {
		t.Errorf("unit balances %v", e)
	}
	if _, err := f.s.PostOpening(store.OpeningInput{Book: ledger.BookWorking, Date: "2023-12-31", Amount: m("800.00"), Bank: m("800.00"), BankGiven: true}); err != nil {
		t.Fatal(err)
	}
	if f.bookBalance(ledger.BookFund) != 5000000 || f.bookBalance(ledger.BookWorking) != 80000 {
		t.Error("balances")
	}
	f.verifyOK()
	// a book has one opening; once reversed, a corrected one takes its place
	f.refuse("opening.exists", func() error {
		_, err := f.s.PostOpening(store.OpeningInput{Book: ledger.BookWorking, Date: "2023-12-30", Amount: m("1.00"), Bank: m("1.00"), BankGiven: true})
		return err
	})
	wid := f.count(`SELECT id FROM vouchers WHERE book = 'working' AND kind = 'opening'`)
	if _, err := f.s.Reverse(wid, "2024-01-02", "期初余额有误"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.PostOpening(store.OpeningInput{Book: ledger.BookWorking, Date: "2023-12-31", Amount: m("880.00"), Bank: m("880.00"), BankGiven: true}); err != nil {
		t.Fatal(err)
	}
	if f.bookBalance(ledger.BookWorking) != 88000 {
		t.Error("corrected opening")
	}
	f.verifyOK()
}

// Every check refuses with the file unchanged.
func TestOpeningRefusals(t *testing.T) {
	f := mustCreate(t)
	fund := func(amount string, bank string, units []store.OpeningUnit) func() error {
		return func() error {
			in := store.OpeningInput{Book: ledger.BookFund, Date: "2023-12-31", Amount: m(amount), Units: units}
			if bank != "" {
				in.Bank, in.BankGiven = m(bank), true
			}
			_, err := f.s.PostOpening(in)
			return err
		}
	}
	f.refuse("opening.units_mismatch", fund("50000.01", "50000.01", openingUnits()))
	f.refuse("opening.bank_mismatch", fund("50000.00", "49999.00", openingUnits()))
	f.refuse("opening.bank_unknown", fund("50000.00", "", openingUnits()))
	f.refuse("opening.units_required", fund("50000.00", "50000.00", nil))
	f.refuse("opening.not_positive", fund("0", "0", openingUnits()))
	bad := append(openingUnits(), store.OpeningUnit{Row: 7, Building: "9", Room: "1", Amount: m("1")}, store.OpeningUnit{Row: 8, Building: "1", Room: "101", Amount: m("1")})
	ps := f.importRefused(func() (store.ImportResult, error) { return store.ImportResult{}, fund("50002.00", "50002.00", bad)() })
	if !problemAt(ps, 7, "import.unknown_unit") || !problemAt(ps, 8, "opening.unit_twice") {
		t.Errorf("%+v", ps)
	}
	f.refuse("opening.units_not_fund", func() error {
		_, err := f.s.PostOpening(store.OpeningInput{Book: ledger.BookPublic, Date: "2023-12-31", Amount: m("1"), Bank: m("1"), BankGiven: true, Units: openingUnits()})
		return err
	})
	f.refuse("date.invalid", func() error { // (a date is trimmed: " 2023-12-31" would be taken)
		_, err := f.s.PostOpening(store.OpeningInput{Book: ledger.BookPublic, Date: "2023-12-32", Amount: m("1"), Bank: m("1"), BankGiven: true})
		return err
	})
	// an opening is dated before the book's other vouchers (it may be entered after them)
	f.depositAll("2024-01-05")
	f.refuse("opening.after_postings", func() error {
		_, err := f.s.PostOpening(store.OpeningInput{Book: ledger.BookFund, Date: "2024-01-31", Amount: m("50000.00"), Bank: m("50000.00"), BankGiven: true, Units: openingUnits()})
		return err
	})
}

// Without a bank balance given, the imported statement's balance on the day is used; a
// balance given that contradicts the statement is refused.
func TestOpeningAgainstTheImportedStatement(t *testing.T) {
	f := mustCreate(t)
	st := []store.BankLine{bl(2, "2023-12-20", "600.00", "600.00", "S1", ""), bl(3, "2023-12-28", "200.00", "800.00", "S2", ""), bl(4, "2024-01-03", "5.00", "805.00", "S3", "")}
	if _, err := f.s.ImportBank(store.ImportSource{Name: "st"}, ledger.BookPublic, st); err != nil {
		t.Fatal(err)
	}
	f.refuse("opening.bank_statement_differs", func() error {
		_, err := f.s.PostOpening(store.OpeningInput{Book: ledger.BookPublic, Date: "2023-12-31", Amount: m("799.00"), Bank: m("799.00"), BankGiven: true})
		return err
	})
	f.refuse("opening.bank_mismatch", func() error {
		_, err := f.s.PostOpening(store.OpeningInput{Book: ledger.BookPublic, Date: "2023-12-31", Amount: m("799.00")})
		return err
	})
	dry, err := f.s.PostOpening(store.OpeningInput{Book: ledger.BookPublic, Date: "2023-12-31", Amount: m("800.00"), DryRun: true})
	if err != nil || dry.VoucherID != 0 || dry.BankSource != "statement" {
		t.Fatalf("dry run %+v %v", dry, err)
	}
	res, err := f.s.PostOpening(store.OpeningInput{Book: ledger.BookPublic, Date: "2023-12-31", Amount: m("800.00")})
	if err != nil || res.BankSource != "statement" || res.Bank != m("800.00") {
		t.Fatalf("%+v %v", res, err)
	}
	f.verifyOK()
}
