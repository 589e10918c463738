package reporting

import (
	"strconv"
	"time"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// BuildReceipts prints owners' receipts (收款收据) two to an A4 page: the receipt's number in
// its year's series, the unit, the owner, the amount in figures and in capitals, what it is
// for, its voucher and that voucher's link in the hash chain. One voucher's receipts
// (Params.VoucherID, narrowed to a unit by UnitID: the print button on a unit's payment), or
// those of every deposit dated in the period.
//
// A receipt printed on a later day than it was issued (when its voucher was posted) is a
// reprint and says so, with the day: 补打 2026-12-06. The day is the printout's generation
// time, so the same Params give the same file.
func BuildReceipts(s *store.Store, p Params) (report.Doc, error) {
	if p.Voucher != "" && p.VoucherID == 0 {
		if p.Book == "" {
			p.Book = ledger.BookFund
		}
		ids, err := voucherSelection(s, &p)
		if err != nil {
			return report.Doc{}, err
		}
		p.VoucherID = ids[0]
	}
	f := store.ReceiptFilter{VoucherID: p.VoucherID, UnitID: p.UnitID}
	if p.VoucherID == 0 {
		f.From, f.To = p.From, p.To
	}
	rs, err := s.Receipts(f)
	if err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	d := newDoc(c, KindReceipts.Title(), ledger.BookFund, p)
	d.Signatures = nil
	if p.From == "" {
		d.Period = ""
	}
	if len(rs) == 0 {
		d.Add(report.Paragraph("没有收款收据：本期间没有交存到户的维修资金。"))
	}
	printDay := ""
	if len(p.Generated) >= 10 {
		printDay = p.Generated[:10]
	}
	for i, r := range rs {
		blocks, err := receiptSlip(c, r, printDay)
		if err != nil {
			return report.Doc{}, err
		}
		if i > 0 {
			d.Add(report.HalfPage{})
		}
		d.Add(blocks...)
		p.progress(i+1, len(rs))
	}
	return d, nil
}

// receiptSlip is one receipt's half page.
func receiptSlip(c store.Community, r store.Receipt, printDay string) ([]report.Block, error) {
	capitals, err := ledger.Capitals(r.Amount)
	if err != nil {
		return nil, err
	}
	title := "收款收据　No. " + r.No
	if issued := issueDay(r.IssuedAt); printDay != "" && issued != "" && printDay > issued {
		title += "　（补打 " + printDay + "）"
	}
	owner := r.Owner
	if owner == "" {
		owner = "（未登记业主）"
	}
	blocks := []report.Block{
		report.Heading(title),
		report.Fields{
			{Label: "收款日期", Value: r.VoucherDate},
			{Label: "收据编号", Value: r.No},
			{Label: "房屋", Value: unitName(r.BuildingCode, r.Room)},
			{Label: "交款人（业主）", Value: owner},
			{Label: "款项", Value: r.Purpose},
			{Label: "金额（小写）", Value: "￥" + r.Amount.Grouped()},
		},
		report.Fields{
			{Label: "金额（大写）", Value: "人民币" + capitals},
			{Label: "记账凭证", Value: r.VoucherNo + "（数据链 #" + strconv.FormatInt(r.ChainSeq, 10) + " " + ledger.ShortHash(r.ChainHash) + "）"},
			{Label: "收款单位", Value: c.Name + "业主大会（专项维修资金账户）"},
		},
	}
	if r.ReversedByNo != "" {
		blocks = append(blocks, report.Paragraph("本收据所列款项已由凭证 "+r.ReversedByNo+" 冲销，收据作废。"))
	}
	return append(blocks, report.SignLines{"收款人", "经办人", "业委会（盖章）"}), nil
}

// issueDay is the Shanghai day a receipt was issued (its RFC 3339 time).
func issueDay(at string) string {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return ""
	}
	return t.In(shanghai).Format(ledger.DateLayout)
}
