package store

import (
	"errors"
	"strings"

	"jiayuan/store/ledger"
)

// Dry runs: the same checks and writes as the real thing, inside a transaction that is always
// rolled back. The screens use them to show what a posting or a closing would do — the
// voucher's number, its lines, the sub-ledger split, or the refusal — before the user commits
// to it. Because they run the very code that writes, a dry run can never promise what the
// real call would refuse (short of another write landing in between).

// errCheckOnly makes write roll back a transaction whose checks and writes all succeeded.
var errCheckOnly = errors.New("store: dry run, rolled back")

// dry runs fn in a write transaction that is rolled back. fn's refusal is returned as is; when
// fn succeeds, dry returns nil and nothing has changed.
func (s *Store) dry(fn func(*Tx) error) error {
	err := s.write(bg, func(t *Tx) error {
		if err := fn(t); err != nil {
			return err
		}
		return errCheckOnly
	})
	if errors.Is(err, errCheckOnly) {
		return nil
	}
	return err
}

// CheckVoucher posts in as PostVoucher would and rolls it back: it returns the voucher as it
// would be posted (number, lines, chain link, sub-ledger lines) or the refusal.
func (s *Store) CheckVoucher(in VoucherInput) (Voucher, error) {
	var v Voucher
	err := s.dry(func(t *Tx) error {
		id, err := t.postVoucher(in, "normal", 0, 0)
		if err != nil {
			return err
		}
		v, err = readVoucherTx(t, id)
		return err
	})
	if err != nil {
		return Voucher{}, err
	}
	return v, nil
}

// CheckTransfer runs Transfer and rolls it back: the two vouchers as they would be posted, or
// the refusal.
func (s *Store) CheckTransfer(in TransferInput) (out, inV Voucher, err error) {
	if err := checkTransferInput(in); err != nil {
		return out, inV, err
	}
	err = s.dry(func(t *Tx) error {
		outID, inID, err := t.transferPair(in, "")
		if err != nil {
			return err
		}
		if out, err = readVoucherTx(t, outID); err != nil {
			return err
		}
		inV, err = readVoucherTx(t, inID)
		return err
	})
	if err != nil {
		return Voucher{}, Voucher{}, err
	}
	return out, inV, nil
}

// checkTransferInput is what Transfer checks before it writes.
func checkTransferInput(in TransferInput) error {
	if !ledger.AllowedTransfer(in.From, in.To) {
		return ledger.Refuse("transfer.not_allowed", "from", in.From, "to", in.To)
	}
	if in.Amount.Sign() <= 0 {
		return ledger.Refuse("amount.not_positive", "input", in.Amount.String())
	}
	return nil
}

// transferPair posts the two vouchers of a transfer inside t: the sending book's and the
// receiving book's (with inSummary when the receiving side has its own), linked by a transfer
// group. Transfer, CheckTransfer and the voucher import all post transfers through it.
func (t *Tx) transferPair(in TransferInput, inSummary string) (outID, inID int64, err error) {
	if err := checkTransferInput(in); err != nil {
		return 0, 0, err
	}
	outCode, inCode := ledger.CodePublicToFund, ledger.CodeFundTransferIn
	if in.To == ledger.BookWorking {
		outCode, inCode = ledger.CodePublicToWorking, ledger.CodeWorkingIn
	}
	summary := strings.TrimSpace(in.Summary)
	if summary == "" {
		summary = map[ledger.Book]string{ledger.BookFund: "公共收益转入维修资金", ledger.BookWorking: "公共收益拨付工作经费"}[in.To]
	}
	if strings.TrimSpace(inSummary) == "" {
		inSummary = summary
	}
	var group int64
	if err := t.Get(&group, `SELECT COALESCE(MAX(transfer_group), 0) + 1 FROM vouchers`); err != nil {
		return 0, 0, err
	}
	outID, err = t.postVoucher(VoucherInput{Book: in.From, Date: in.Date, Summary: summary, ResolutionID: in.ResolutionID,
		Lines: []LineInput{{AccountCode: outCode, Amount: in.Amount}, {AccountCode: ledger.CodeBank, Amount: in.Amount.Neg()}}, BuildingID: in.BuildingID}, "transfer", 0, group)
	if err != nil {
		return 0, 0, err
	}
	inID, err = t.postVoucher(VoucherInput{Book: in.To, Date: in.Date, Summary: inSummary, ResolutionID: in.ResolutionID,
		Lines: []LineInput{{AccountCode: ledger.CodeBank, Amount: in.Amount}, {AccountCode: inCode, Amount: in.Amount.Neg()}}, BuildingID: in.BuildingID}, "transfer", 0, group)
	return outID, inID, err
}

// CheckClosePeriod runs ClosePeriod and rolls it back: nil when the period may be closed
// today, else the refusal ClosePeriod would give (not ended, already closed, R2 shortfall).
func (s *Store) CheckClosePeriod(b ledger.Book, period string, today string) error {
	p, err := checkCloseInput(b, period, today)
	if err != nil {
		return err
	}
	return s.dry(func(t *Tx) error { return t.closePeriod(b, p, today) })
}

// checkCloseInput is what ClosePeriod checks before it writes.
func checkCloseInput(b ledger.Book, period, today string) (ledger.Period, error) {
	if !b.Valid() {
		return ledger.Period{}, ledger.Refuse("voucher.unknown_book", "book", b)
	}
	p, err := ParsePeriod(period)
	if err != nil {
		return p, err
	}
	if _, err := ledger.ParseDate(today); err != nil {
		return p, err
	}
	if today < p.To {
		return p, ledger.Refuse("period.not_ended", "to", p.To)
	}
	return p, nil
}

// closePeriod is the transaction of ClosePeriod.
func (t *Tx) closePeriod(b ledger.Book, p ledger.Period, today string) error {
	var n int
	if err := t.Get(&n, `SELECT count(*) FROM closed_periods WHERE book = ? AND period_from <= ? AND period_to >= ?`, b, p.From, p.To); err != nil {
		return err
	}
	if n > 0 {
		return ledger.Refuse("period.already_closed", "from", p.From, "to", p.To)
	}
	if b == ledger.BookPublic {
		c, err := readCommunity(t)
		if err != nil {
			return err
		}
		if err := checkQuarterSettled(t, c.Policy, p, today); err != nil {
			return err
		}
	}
	_, err := t.insertLogged("closed_period", `INSERT INTO closed_periods(book, period_from, period_to, closed_on) VALUES (?,?,?,?)`,
		b, p.From, p.To, today)
	return err
}

// readVoucherTx is Store.Voucher inside a transaction, so that a dry run sees its own rows.
func readVoucherTx(q querier, id int64) (Voucher, error) {
	r, err := scanVoucherRow(q.QueryRow(`SELECT `+voucherCols+` FROM vouchers WHERE id = ?`, id))
	if err != nil {
		return Voucher{}, notFound(err, "voucher", id)
	}
	v := voucherFromRow(r)
	if err := q.Get(&v.ChainHash, `SELECT hash FROM chain WHERE seq = ?`, v.ChainSeq); err != nil {
		return v, err
	}
	if err := q.Get(&v.UnitEntries, `SELECT count(*) FROM unit_entries WHERE voucher_id = ?`, id); err != nil {
		return v, err
	}
	if err := readVoucherLines(q, &v); err != nil {
		return v, err
	}
	v.Attachments, err = voucherAttachments(q, id)
	return v, err
}
