package store

import (
	"strings"

	"jiayuan/store/ledger"
)

// OpeningInput is a book's balance brought forward when a ledger starts in the middle of a
// community's life: the balance at the end of Date, as the old books and the bank show it.
type OpeningInput struct {
	Book   ledger.Book
	Date   string
	Amount ledger.Money // the book's bank balance brought forward
	// Bank is the balance on the bank statement at the end of Date. When BankGiven is false it
	// is taken from the imported statement lines; without either, the opening is refused.
	Bank      ledger.Money
	BankGiven bool
	// Units are the fund's per-unit sub-account balances (分户余额) at Date; the fund only.
	Units   []OpeningUnit
	Summary string // default 期初余额
	DryRun  bool
}

// OpeningUnit is one unit's sub-account balance brought forward.
type OpeningUnit struct {
	Row            int // row of the source file, for messages
	Building, Room string
	UnitID         int64 // instead of Building and Room
	Amount         ledger.Money
}

// OpeningResult says what PostOpening did (or, in a dry run, would do).
type OpeningResult struct {
	VoucherID  int64 // 0 in a dry run
	VoucherNo  string
	Units      int // units with a balance brought forward
	UnitsTotal ledger.Money
	Bank       ledger.Money
	BankSource string // "given" or "statement"
	DryRun     bool
}

// PostOpening posts a book's opening balance as an opening voucher (bank account against 期初
// 结余), after checking it against the bank balance and, for the fund, against the units'
// sub-account balances, whose sum must be the fund's balance to the fen. A book has one
// opening, dated before any other voucher of it.
func (s *Store) PostOpening(in OpeningInput) (OpeningResult, error) {
	res := OpeningResult{DryRun: in.DryRun, Bank: in.Bank, BankSource: "given"}
	in.Date = strings.TrimSpace(in.Date)
	if !in.Book.Valid() {
		return res, ledger.Refuse("voucher.unknown_book", "book", in.Book)
	}
	d, err := ledger.ParseDate(in.Date)
	if err != nil {
		return res, err
	}
	if ledger.FormatDate(d) != in.Date {
		return res, ledger.Refuse("date.invalid", "input", in.Date)
	}
	if in.Amount.Sign() <= 0 {
		return res, ledger.Refuse("opening.not_positive", "amount", in.Amount.Grouped())
	}
	if in.Book != ledger.BookFund && len(in.Units) > 0 {
		return res, ledger.Refuse("opening.units_not_fund", bookArgs("book", in.Book)...)
	}
	if in.Book == ledger.BookFund && len(in.Units) == 0 {
		return res, ledger.Refuse("opening.units_required")
	}
	summary := strings.TrimSpace(in.Summary)
	if summary == "" {
		summary = "期初余额"
	}
	var vid int64
	err = s.importWrite(in.DryRun, func(t *Tx) error {
		var earlier struct {
			voucherKey
			Date string `db:"date"`
		}
		// an opening that was reversed (冲销) no longer counts: the right one may replace it
		err := t.Get(&earlier, `SELECT book, year, number FROM vouchers v WHERE book = ? AND kind = 'opening'
			AND NOT EXISTS (SELECT 1 FROM vouchers r WHERE r.reverses_id = v.id) ORDER BY id LIMIT 1`, in.Book)
		if err == nil {
			return ledger.Refuse("opening.exists", append(bookArgs("book", in.Book), "voucher", earlier.No())...)
		}
		err = t.Get(&earlier, `SELECT book, year, number, date FROM vouchers v WHERE book = ? AND date <= ? AND kind <> 'opening'
			AND NOT (kind = 'reversal' AND reverses_id IN (SELECT id FROM vouchers WHERE kind = 'opening'))
			ORDER BY date, id LIMIT 1`, in.Book, in.Date)
		if err == nil {
			return ledger.Refuse("opening.after_postings", append(bookArgs("book", in.Book), "voucher", earlier.No(), "date", earlier.Date)...)
		}
		stmt, known, err := bankBalanceOn(t, in.Book, in.Date)
		if err != nil {
			return err
		}
		switch {
		case !in.BankGiven && !known:
			return ledger.Refuse("opening.bank_unknown", "date", in.Date)
		case !in.BankGiven:
			res.Bank, res.BankSource = stmt, "statement"
		case known && stmt != in.Bank:
			return ledger.Refuse("opening.bank_statement_differs", "given", in.Bank.Grouped(), "statement", stmt.Grouped(), "date", in.Date)
		}
		if res.Bank != in.Amount {
			return ledger.Refuse("opening.bank_mismatch", "amount", in.Amount.Grouped(), "bank", res.Bank.Grouped(),
				"difference", in.Amount.Sub(res.Bank).Abs().Grouped())
		}
		v := VoucherInput{Book: in.Book, Date: in.Date, Summary: summary, Opening: true,
			Lines: []LineInput{{AccountCode: ledger.CodeBank, Amount: in.Amount}, {AccountCode: ledger.CodeOpening, Amount: in.Amount.Neg()}}}
		if in.Book == ledger.BookFund {
			splits, err := t.openingSplits(in, &res)
			if err != nil {
				return err
			}
			v.Splits = splits
		}
		vid, err = t.postVoucher(v, "opening", 0, 0)
		return err
	})
	if err != nil {
		return OpeningResult{DryRun: in.DryRun}, err
	}
	if in.DryRun {
		return res, nil
	}
	v, err := s.Voucher(vid)
	if err != nil {
		return res, err
	}
	res.VoucherID, res.VoucherNo = v.ID, v.No
	return res, nil
}

// openingSplits resolves the units' balances and checks that they add up to the fund's.
func (t *Tx) openingSplits(in OpeningInput, res *OpeningResult) ([]UnitSplit, error) {
	var ps problems
	var byRoom map[[2]string]int64
	seen := map[int64]int{}
	var splits []UnitSplit
	var sum ledger.Money
	for _, u := range in.Units {
		id := u.UnitID
		if id == 0 {
			if byRoom == nil {
				m, err := t.unitIDsByRoom()
				if err != nil {
					return nil, err
				}
				byRoom = m
			}
			b, r := BuildingCode(u.Building), RoomCode(u.Room)
			if b == "" || r == "" {
				ps.add(u.Row, "", ledger.Refuse("import.unit_required"))
				continue
			}
			var ok bool
			if id, ok = byRoom[[2]string{b, r}]; !ok {
				ps.add(u.Row, "", ledger.Refuse("import.unknown_unit", "building", b, "room", r))
				continue
			}
		}
		if first, dup := seen[id]; dup {
			ps.add(u.Row, "", ledger.Refuse("opening.unit_twice", "first", first))
			continue
		}
		seen[id] = u.Row
		sum = sum.Add(u.Amount)
		if !u.Amount.IsZero() {
			splits = append(splits, UnitSplit{UnitID: id, Amount: u.Amount})
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	if sum != in.Amount {
		return nil, ledger.Refuse("opening.units_mismatch", "units", sum.Grouped(), "amount", in.Amount.Grouped(),
			"difference", sum.Sub(in.Amount).Abs().Grouped())
	}
	res.Units, res.UnitsTotal = len(splits), sum
	return splits, nil
}
