package store

import (
	"strings"

	"jiayuan/store/ledger"
)

// TransferInput moves money between books: public income → fund, or → working expenses.
type TransferInput struct {
	From, To ledger.Book
	Date     string
	Amount   ledger.Money
	Summary  string
	// ResolutionID is the resolution authorising an allocation to working expenses (R8).
	ResolutionID int64
	// BuildingID: a transfer to the fund of the income of one building's owners, split among
	// that building's units only (0: the community's, split among all units).
	BuildingID int64
}

// Transfer posts the two vouchers of a transfer between books in one transaction: the
// sending book's voucher and the receiving book's, linked by a transfer group. Any flow other
// than public income → fund or → working expenses is refused (DESIGN.md §1).
func (s *Store) Transfer(in TransferInput) (out, inV Voucher, err error) {
	if err := checkTransferInput(in); err != nil {
		return out, inV, err
	}
	var outID, inID int64
	err = s.write(bg, func(t *Tx) error {
		var err error
		outID, inID, err = t.transferPair(in, "")
		return err
	})
	if err != nil {
		return out, inV, err
	}
	if out, err = s.Voucher(outID); err != nil {
		return out, inV, err
	}
	inV, err = s.Voucher(inID)
	return out, inV, err
}

// Reverse posts the correcting voucher for a posted one (R5): the same lines and sub-ledger
// lines with opposite signs, dated date, citing the original. A transfer is reversed on both
// sides at once. A voucher is reversed at most once; a reversal is not itself reversed.
func (s *Store) Reverse(id int64, date, reason string) ([]Voucher, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, ledger.Refuse("reverse.reason_empty")
	}
	var ids []int64
	err := s.write(bg, func(t *Tx) error {
		orig, err := scanVoucherRow(t.QueryRow(`SELECT `+voucherCols+` FROM vouchers WHERE id = ?`, id))
		if err != nil {
			return notFound(err, "voucher", id)
		}
		if orig.kind == "reversal" {
			return ledger.Refuse("reverse.of_reversal")
		}
		group := []voucherRow{orig}
		if orig.transferGroup.Valid {
			rows, err := t.Query(`SELECT `+voucherCols+` FROM vouchers WHERE transfer_group = ? AND id <> ? AND kind = 'transfer'`, orig.transferGroup.Int64, id)
			if err != nil {
				return err
			}
			for rows.Next() {
				r, err := scanVoucherRow(rows)
				if err != nil {
					rows.Close()
					return err
				}
				group = append(group, r)
			}
			rows.Close()
		}
		for _, v := range group {
			var n int
			t.Get(&n, `SELECT count(*) FROM vouchers WHERE reverses_id = ?`, v.id)
			if n > 0 {
				return ledger.Refuse("reverse.already", "no", voucherNo(v.book, int(v.year), int(v.number)))
			}
			if date < v.date {
				return ledger.Refuse("reverse.before_original", "date", date, "original", v.date)
			}
		}
		for _, v := range group {
			ps, err := queryPostingCanon(t, `WHERE p.voucher_id = ?`, v.id)
			if err != nil {
				return err
			}
			in := VoucherInput{Book: ledger.Book(v.book), Date: date, ProjectID: v.projectID.Int64, CaseID: v.caseID.Int64, BuildingID: v.buildingID.Int64,
				Summary: "冲销 " + voucherNo(v.book, int(v.year), int(v.number)) + "：" + reason}
			for _, p := range ps {
				in.Lines = append(in.Lines, LineInput{AccountCode: p.code, Amount: ledger.Fen(-p.amount), Memo: p.memo})
			}
			rid, err := t.postReversal(in, v)
			if err != nil {
				return err
			}
			ids = append(ids, rid)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]Voucher, 0, len(ids))
	for _, rid := range ids {
		v, err := s.Voucher(rid)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// postReversal posts the mirror of v; R2's net income of v is undone with it.
func (t *Tx) postReversal(in VoucherInput, v voucherRow) (int64, error) {
	return t.postVoucherAs(in, "reversal", v.id, v.transferGroup.Int64, ledger.Fen(-v.r2Net))
}
