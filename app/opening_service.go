package app

import (
	"errors"
	"strconv"

	"jiayuan/app/i18n"
	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// OpeningBookDTO is where a book stands as to its opening balance (期初余额).
type OpeningBookDTO struct {
	Book          string `json:"book"`
	VoucherID     int64  `json:"voucherId"` // the opening voucher, 0 when none is recorded
	VoucherNo     string `json:"voucherNo"`
	OpeningDate   string `json:"openingDate"`
	OpeningAmount string `json:"openingAmount"`
	FirstPosting  string `json:"firstPosting"` // date of the book's first other voucher ("" when none): the opening must be earlier
	Balance       string `json:"balance"`      // the book's bank balance now
}

// OpeningState is the opening-balances screen's starting point.
type OpeningState struct {
	Books       []OpeningBookDTO `json:"books"`
	DefaultDate string           `json:"defaultDate"` // the day before the books' first voucher, or before their start
	StartDate   string           `json:"startDate"`
	Units       int              `json:"units"`
	ReadOnly    bool             `json:"readOnly"`
}

// OpeningUnitDTO is a unit as the per-unit grid shows it.
type OpeningUnitDTO struct {
	ID       int64  `json:"id"`
	Building string `json:"building"`
	Room     string `json:"room"`
	Owner    string `json:"owner"`
	Initial  string `json:"initial"`
}

// OpeningUnitInput is one unit's sub-account balance as typed; Row is the grid's row (from 1).
type OpeningUnitInput struct {
	Row    int    `json:"row"`
	UnitID int64  `json:"unitId"`
	Amount string `json:"amount"`
}

// OpeningInputDTO is a book's opening balance as typed. Amounts are as people type them
// ("1,234.50"); Bank "" means: take the imported bank statement's balance on Date.
type OpeningInputDTO struct {
	Book    string             `json:"book"`
	Date    string             `json:"date"`
	Amount  string             `json:"amount"`
	Bank    string             `json:"bank"`
	Units   []OpeningUnitInput `json:"units"` // the fund only; units without an amount may be left out
	Summary string             `json:"summary"`
}

// OpeningCheck is the result of checking an opening balance before it is saved: the figures
// compared and what is wrong. OK means Save would accept it as it is.
type OpeningCheck struct {
	OK         bool         `json:"ok"`
	Amount     string       `json:"amount"`     // the book's balance ("" when it could not be read)
	Bank       string       `json:"bank"`       // the bank balance compared with ("" when unknown)
	BankSource string       `json:"bankSource"` // "given", "statement" or "" (unknown)
	BankDiff   string       `json:"bankDiff"`   // Amount − Bank
	UnitsTotal string       `json:"unitsTotal"` // Σ the units' balances (the fund)
	UnitsCount int          `json:"unitsCount"` // units with a balance other than zero
	UnitsDiff  string       `json:"unitsDiff"`  // UnitsTotal − Amount
	BankOK     bool         `json:"bankOk"`     // the balance equals the bank's
	UnitsOK    bool         `json:"unitsOk"`    // the units add up to the fund's balance (always true for other books)
	Problems   []RowProblem `json:"problems"`   // rows with an amount that cannot be read, a unit twice, …
	Refusal    *Error       `json:"refusal"`    // why the ledger refuses it, when it does
	VoucherNo  string       `json:"voucherNo"`  // Save: the opening voucher recorded
	VoucherID  int64        `json:"voucherId"`
}

// OpeningService records the opening balances of a ledger that starts in the middle of a
// community's life: each book's balance as of a date, checked against the bank balance and,
// for the fund, against the units' sub-account balances. It is bound to the frontend.
type OpeningService struct {
	sess *Session
}

// NewOpeningService builds the service; app.Services binds it.
func NewOpeningService(sess *Session) *OpeningService { return &OpeningService{sess: sess} }

// State says, for each book, whether its opening is recorded and how early it must be dated.
func (o *OpeningService) State() (OpeningState, error) {
	st, err := o.sess.Store()
	if err != nil {
		return OpeningState{}, err
	}
	c, err := st.Community()
	if err != nil {
		return OpeningState{}, err
	}
	out := OpeningState{StartDate: c.StartDate, ReadOnly: st.ReadOnly(), Books: []OpeningBookDTO{}}
	earliest := ""
	for _, b := range ledger.Books {
		d, err := openingOf(st, b)
		if err != nil {
			return out, err
		}
		if d.FirstPosting != "" && (earliest == "" || d.FirstPosting < earliest) {
			earliest = d.FirstPosting
		}
		out.Books = append(out.Books, d)
	}
	_, out.Units, err = st.Units(store.UnitFilter{Limit: 1})
	if err != nil {
		return out, err
	}
	ref := earliest
	if ref == "" {
		ref = c.StartDate
	}
	if t, err := ledger.ParseDate(ref); err == nil {
		out.DefaultDate = ledger.FormatDate(t.AddDate(0, 0, -1))
	} else {
		out.DefaultDate = ledger.FormatDate(o.sess.now())
	}
	return out, nil
}

// openingOf finds a book's opening voucher (one not reversed) and its first other voucher
// among its oldest vouchers.
func openingOf(st *store.Store, b ledger.Book) (OpeningBookDTO, error) {
	d := OpeningBookDTO{Book: string(b), Balance: "0.00"}
	_, n, err := st.Vouchers(store.VoucherFilter{Book: b, Limit: 1})
	if err != nil {
		return d, err
	}
	const oldest = 20
	rows, _, err := st.Vouchers(store.VoucherFilter{Book: b, Limit: oldest, Offset: max(0, n-oldest)})
	if err != nil {
		return d, err
	}
	openings := map[int64]bool{}
	for _, r := range rows {
		if r.Kind == "opening" {
			openings[r.ID] = true
		}
	}
	for i := len(rows) - 1; i >= 0; i-- { // oldest first
		r := rows[i]
		switch {
		case r.Kind == "opening":
			if !r.Reversed && d.VoucherID == 0 {
				d.VoucherID, d.VoucherNo, d.OpeningDate, d.OpeningAmount = r.ID, r.No, r.Date, r.Total.String()
			}
		case r.Kind == "reversal" && openings[r.ReversesID]:
		default:
			if d.FirstPosting == "" {
				d.FirstPosting = r.Date
			}
		}
	}
	accts, err := st.Accounts(b)
	if err != nil {
		return d, err
	}
	for _, a := range accts {
		if a.Code == ledger.CodeBank {
			d.Balance = a.Balance.String()
		}
	}
	return d, nil
}

// Units lists every unit for the per-unit grid, in building and room order.
func (o *OpeningService) Units() ([]OpeningUnitDTO, error) {
	st, err := o.sess.Store()
	if err != nil {
		return nil, err
	}
	out := []OpeningUnitDTO{}
	for offset := 0; ; offset += 1000 {
		rows, total, err := st.Units(store.UnitFilter{Limit: 1000, Offset: offset})
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			out = append(out, OpeningUnitDTO{ID: r.ID, Building: r.BuildingCode, Room: r.Room, Owner: r.OwnerName, Initial: r.Initial.String()})
		}
		if len(rows) == 0 || offset+len(rows) >= total {
			return out, nil
		}
	}
}

// Check checks an opening balance as Save would, writing nothing, and returns the figures
// compared: the balance against the bank's, the units' sum against the fund's balance.
func (o *OpeningService) Check(in OpeningInputDTO) (OpeningCheck, error) {
	return o.run(in, true)
}

// Save records the opening balance as the book's opening voucher, after the same checks as
// Check; when any fails nothing is written and the check says why (OK false).
func (o *OpeningService) Save(in OpeningInputDTO) (OpeningCheck, error) {
	return o.run(in, false)
}

func (o *OpeningService) run(in OpeningInputDTO, dry bool) (OpeningCheck, error) {
	st, err := o.sess.Store()
	if err != nil {
		return OpeningCheck{}, err
	}
	out := OpeningCheck{Problems: []RowProblem{}, UnitsOK: true}
	refuse := func(err error) (OpeningCheck, error) {
		var le *ledger.Error
		if !errors.As(err, &le) {
			return out, err // not a refusal: the database failed
		}
		e := NewError(o.sess.cat, err)
		out.Refusal, out.OK = &e, false
		return out, nil
	}
	sin, err := ops.ReadOpening(ops.OpeningForm{Book: in.Book, Date: in.Date, Amount: in.Amount, Bank: in.Bank, Summary: in.Summary, DryRun: dry})
	if err != nil {
		return refuse(err)
	}
	book, amount := sin.Book, sin.Amount
	out.Amount = amount.String()
	if sin.BankGiven {
		out.Bank, out.BankSource = sin.Bank.String(), "given"
		out.BankDiff = amount.Sub(sin.Bank).String()
		out.BankOK = sin.Bank == amount
	}
	// The units, each amount read here so that every bad row is listed at once.
	rows := make([]ops.OpeningUnitText, len(in.Units))
	for i, u := range in.Units {
		rows[i] = ops.OpeningUnitText{Row: u.Row, UnitID: u.UnitID, Amount: u.Amount}
	}
	units, sum, nonZero, problems := ops.ReadOpeningUnits(rows)
	sin.Units, out.UnitsCount = units, nonZero
	for _, p := range problems {
		out.Problems = append(out.Problems, o.rowProblem(p.Row, p.Field, p.Err))
	}
	if book == ledger.BookFund {
		out.UnitsTotal = sum.String()
		out.UnitsDiff = sum.Sub(amount).String()
		out.UnitsOK = sum == amount && out.UnitsCount > 0
	} else {
		sin.Units, out.Problems = nil, out.Problems[:0] // only the fund has sub-accounts
	}
	if len(out.Problems) > 0 {
		return refuse(ledger.Refuse("opening.rows_invalid", "rows", strconv.Itoa(len(out.Problems))))
	}
	if book == ledger.BookFund && out.UnitsCount == 0 {
		return refuse(ledger.Refuse("opening.units_none"))
	}
	res, err := st.PostOpening(sin)
	if err != nil {
		var rr *store.RowsRefused
		if errors.As(err, &rr) {
			for _, p := range rr.Problems {
				out.Problems = append(out.Problems, o.rowProblem(p.Row, "unit", p.Err))
			}
			return refuse(ledger.Refuse("opening.rows_invalid", "rows", strconv.Itoa(len(out.Problems))))
		}
		return refuse(err)
	}
	out.OK = true
	out.Bank, out.BankSource = res.Bank.String(), res.BankSource
	out.BankDiff = amount.Sub(res.Bank).String()
	out.BankOK = true
	out.VoucherID, out.VoucherNo = res.VoucherID, res.VoucherNo
	return out, nil
}

func (o *OpeningService) rowProblem(row int, field string, err error) RowProblem {
	key, args := "error.internal", map[string]string{}
	var le *ledger.Error
	if errors.As(err, &le) {
		key = le.Key
		for k, v := range le.Args {
			args[k] = v
		}
	}
	return RowProblem{Row: row, Field: field, Key: key, Args: args,
		Message: o.sess.cat.T(i18n.ZH, key, args), MessageEn: o.sess.cat.T(i18n.EN, key, args)}
}
