package ops

import (
	"strings"

	"jiayuan/app/imports"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// OpeningForm is a book's opening balance (期初余额) as a person typed it, in the window's form
// or as `jiayuan opening` flags. Amounts as people type them ("1,234.50"); Bank "" means: take
// the imported bank statement's balance on Date.
type OpeningForm struct {
	Book    string
	Date    string
	Amount  string
	Bank    string
	Summary string
	DryRun  bool
}

// ReadOpening reads an opening balance into what the store posts (store.PostOpening checks it
// against the bank and, for the fund, the units' sub-accounts, which the caller adds).
func ReadOpening(f OpeningForm) (store.OpeningInput, error) {
	book, err := imports.ParseBook(f.Book)
	if err != nil {
		return store.OpeningInput{}, err
	}
	amount, err := ledger.ParseAmount(f.Amount)
	if err != nil {
		return store.OpeningInput{}, ledger.Refuse("opening.amount_invalid", "input", f.Amount)
	}
	in := store.OpeningInput{Book: book, Date: strings.TrimSpace(f.Date), Amount: amount, Summary: f.Summary, DryRun: f.DryRun}
	if strings.TrimSpace(f.Bank) != "" {
		if in.Bank, err = ledger.ParseAmount(f.Bank); err != nil {
			return in, ledger.Refuse("opening.bank_invalid", "input", f.Bank)
		}
		in.BankGiven = true
	}
	return in, nil
}

// OpeningUnitText is one unit's sub-account balance as typed in a grid; Row counts from 1.
type OpeningUnitText struct {
	Row    int
	UnitID int64
	Amount string
}

// RowError is what is wrong with one row of a grid: its number, the field, the refusal.
type RowError struct {
	Row   int
	Field string
	Err   error
}

// ReadOpeningUnits reads the units' balances typed in the grid, every bad row at once: an
// amount that cannot be read, a unit twice. Rows without an amount are left out. It returns
// the units, their sum and how many are not zero.
func ReadOpeningUnits(rows []OpeningUnitText) (units []store.OpeningUnit, sum ledger.Money, nonZero int, problems []RowError) {
	seen := map[int64]int{}
	for i, u := range rows {
		row := u.Row
		if row == 0 {
			row = i + 1
		}
		if strings.TrimSpace(u.Amount) == "" {
			continue
		}
		m, err := ledger.ParseAmount(u.Amount)
		if err != nil {
			problems = append(problems, RowError{row, "amount", err})
			continue
		}
		if first, dup := seen[u.UnitID]; dup {
			problems = append(problems, RowError{row, "unit", ledger.Refuse("opening.unit_twice", "first", first)})
			continue
		}
		seen[u.UnitID] = row
		sum = sum.Add(m)
		if !m.IsZero() {
			nonZero++
		}
		units = append(units, store.OpeningUnit{Row: row, UnitID: u.UnitID, Amount: m})
	}
	return units, sum, nonZero, problems
}
