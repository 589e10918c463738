package app

import (
	"strings"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// Reading what the voucher form sends: its rows and their amounts as typed.

// voucherInputOf turns what the form sends into the store's input. Rows with neither an account
// nor an amount are left out; every other row needs an account and an amount on exactly one
// side. Line numbers in refusals count the rows sent.
func voucherInputOf(in VoucherInput) (store.VoucherInput, error) {
	b, err := bookParam(in.Book)
	if err != nil {
		return store.VoucherInput{}, err
	}
	out := store.VoucherInput{Book: b, Date: strings.TrimSpace(in.Date), Summary: in.Summary, ProjectID: in.ProjectID,
		CaseID: in.CaseID, AttachmentIDs: in.AttachmentIDs, ResolutionID: in.ResolutionID, BuildingID: in.BuildingID}
	for i, l := range in.Lines {
		n := i + 1
		acct, dr, cr := strings.TrimSpace(l.Account), strings.TrimSpace(l.Debit), strings.TrimSpace(l.Credit)
		if acct == "" && dr == "" && cr == "" && strings.TrimSpace(l.Memo) == "" {
			continue
		}
		if acct == "" {
			return out, ledger.Refuse("voucher.line_no_account", "line", n)
		}
		if dr != "" && cr != "" {
			return out, ledger.Refuse("voucher.line_both_sides", "line", n)
		}
		raw, sign := dr, int64(1)
		if cr != "" {
			raw, sign = cr, -1
		}
		if raw == "" {
			return out, ledger.Refuse("voucher.zero_line", "line", n)
		}
		amt, err := ledger.ParseAmount(raw)
		if err != nil {
			return out, ledger.Refuse("voucher.line_amount", "line", n, "input", raw)
		}
		if amt.Sign() < 0 {
			return out, ledger.Refuse("voucher.line_negative", "line", n)
		}
		if sign < 0 {
			amt = amt.Neg()
		}
		out.Lines = append(out.Lines, store.LineInput{AccountCode: acct, Amount: amt, Memo: l.Memo})
	}
	for _, sp := range in.Splits {
		amt, err := ledger.ParseAmount(sp.Amount)
		if err != nil {
			return out, ledger.Refuse("split.amount", "unit", sp.UnitID, "input", sp.Amount)
		}
		out.Splits = append(out.Splits, store.UnitSplit{UnitID: sp.UnitID, Amount: amt})
	}
	return out, nil
}
