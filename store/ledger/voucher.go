package ledger

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Posting is one line of a voucher: an account and a signed amount, debit positive and credit
// negative, so a voucher balances when its postings sum to zero.
type Posting struct {
	Account Account
	Amount  Money
	Memo    string
}

// Voucher is a bookkeeping voucher (凭证) of one book, before it is numbered and posted.
type Voucher struct {
	Book     Book
	Date     string // YYYY-MM-DD
	Summary  string // 摘要
	Postings []Posting
	// Transfer marks one of the two vouchers of a transfer between books; only those may use
	// transfer accounts. The store creates them in pairs.
	Transfer bool
}

// MaxSummaryLen bounds a voucher's summary, in characters.
const MaxSummaryLen = 200

// Validate checks the voucher on its own: a known book and a real date written exactly
// YYYY-MM-DD, a summary, at least two non-zero postings, every account in the voucher's book,
// transfer accounts only in transfers, and debits equal to credits to the fen.
func (v Voucher) Validate() error {
	if !v.Book.Valid() {
		return Refuse("voucher.unknown_book", "book", v.Book)
	}
	d, err := ParseDate(v.Date)
	if err != nil {
		return err
	}
	if FormatDate(d) != v.Date {
		// stored dates are compared as text (Period.Contains): " 2024-03-15" would slip
		// past a closed period, so a voucher's date must be exactly YYYY-MM-DD
		return Refuse("date.invalid", "input", v.Date)
	}
	s := strings.TrimSpace(v.Summary)
	if s == "" {
		return Refuse("voucher.summary_empty")
	}
	if utf8.RuneCountInString(s) > MaxSummaryLen {
		return Refuse("voucher.summary_too_long", "max", MaxSummaryLen)
	}
	if len(v.Postings) < 2 {
		return Refuse("voucher.too_few_postings")
	}
	var debit, credit Money
	for i, p := range v.Postings {
		if p.Account.Book != v.Book {
			return Refuse("voucher.cross_book", "line", i+1, "account", p.Account.Code, "book", p.Account.Book, "voucherBook", v.Book)
		}
		if p.Amount.IsZero() {
			return Refuse("voucher.zero_line", "line", i+1)
		}
		if p.Amount.Abs().Cmp(MaxAmount) > 0 {
			return Refuse("amount.too_large", "input", p.Amount.String(), "max", MaxAmount.Grouped())
		}
		isTransfer := p.Account.Kind == KindTransferIn || p.Account.Kind == KindTransferOut
		if isTransfer && !v.Transfer {
			return Refuse("voucher.transfer_account_direct", "line", i+1, "account", p.Account.Code)
		}
		if p.Amount.Sign() > 0 {
			debit = debit.Add(p.Amount)
		} else {
			credit = credit.Sub(p.Amount)
		}
	}
	if debit != credit {
		return Refuse("voucher.unbalanced", "debit", debit.Grouped(), "credit", credit.Grouped(), "difference", debit.Sub(credit).Abs().Grouped())
	}
	return nil
}

// Total is the voucher's debit total (equal to its credit total once it balances).
func (v Voucher) Total() Money {
	var t Money
	for _, p := range v.Postings {
		if p.Amount.Sign() > 0 {
			t = t.Add(p.Amount)
		}
	}
	return t
}

// Reverse returns the correcting voucher for a posted one: the same lines with opposite signs,
// dated date, citing the original's number in its summary.
func (v Voucher) Reverse(date, reason, originalNo string) Voucher {
	r := Voucher{Book: v.Book, Date: date, Transfer: v.Transfer,
		Summary: "冲销 " + originalNo + "：" + strings.TrimSpace(reason)}
	for _, p := range v.Postings {
		r.Postings = append(r.Postings, Posting{Account: p.Account, Amount: p.Amount.Neg(), Memo: p.Memo})
	}
	return r
}

// DateLayout is the one date format of the ledger.
const DateLayout = "2006-01-02"

// ParseDate reads a YYYY-MM-DD date, refusing anything else and years outside 1990–2100.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, Refuse("date.invalid", "input", s)
	}
	if t.Year() < 1990 || t.Year() > 2100 {
		return time.Time{}, Refuse("date.out_of_range", "input", s)
	}
	return t, nil
}

// FormatDate writes a date as YYYY-MM-DD.
func FormatDate(t time.Time) string { return t.Format(DateLayout) }
