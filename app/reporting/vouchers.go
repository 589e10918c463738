package reporting

import (
	"fmt"
	"strconv"
	"strings"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// voucherSignatures are the sign-off lines of a printed voucher (记账凭证).
var voucherSignatures = report.SignLines{"制单", "审核", "记账", "业委会主任"}

// BuildVouchers prints a book's vouchers as 记账凭证, two to an A4 page: each with its number,
// date, summary, lines (code, name, debit, credit), totals in figures and in Chinese capitals,
// the number of attachments (附单据 N 张) and the signature lines. A reversed voucher names
// its reversal and a reversal its original. One voucher (Params.Voucher or VoucherID), or
// every voucher of the book dated in the period.
func BuildVouchers(s *store.Store, p Params) (report.Doc, error) {
	ids, err := voucherSelection(s, &p)
	if err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	d := newDoc(c, KindVouchers.Title(), p.Book, p)
	d.Signatures = nil
	if p.From == "" {
		d.Period = ""
	}
	if len(ids) == 0 {
		d.Add(report.Paragraph("本期间没有记账凭证。"))
	}
	for i, id := range ids {
		v, err := s.Voucher(id)
		if err != nil {
			return report.Doc{}, err
		}
		blocks, err := voucherSlip(s, v)
		if err != nil {
			return report.Doc{}, err
		}
		if i > 0 {
			d.Add(report.HalfPage{})
		}
		d.Add(blocks...)
		p.progress(i+1, len(ids))
	}
	return d, nil
}

// voucherSelection finds the vouchers to print: one by id or number, else the period's.
func voucherSelection(s *store.Store, p *Params) ([]int64, error) {
	if p.VoucherID != 0 {
		v, err := s.Voucher(p.VoucherID)
		if err != nil {
			return nil, err
		}
		p.Book = v.Book
		return []int64{v.ID}, nil
	}
	if no := strings.TrimSpace(p.Voucher); no != "" {
		year, number, ok := ParseVoucherNo(no)
		if !ok {
			return nil, ledger.Refuse("report.voucher_no_invalid", "voucher", no)
		}
		id, err := s.VoucherByNumber(p.Book, year, number)
		if err != nil {
			return nil, err
		}
		return []int64{id}, nil
	}
	return s.VoucherIDs(p.Book, p.From, p.To)
}

// ParseVoucherNo reads a voucher number as people write it: "维-2026-0012" (the book's
// prefix is the caller's --book), "2026-0012" or "2026-12".
func ParseVoucherNo(s string) (year, number int, ok bool) {
	parts := strings.Split(strings.TrimSpace(s), "-")
	if len(parts) == 3 {
		parts = parts[1:]
	}
	if len(parts) != 2 {
		return 0, 0, false
	}
	y, err1 := strconv.Atoi(parts[0])
	n, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || y < 1990 || y > 2100 || n < 1 {
		return 0, 0, false
	}
	return y, n, true
}

// voucherSlip is one voucher's half page.
func voucherSlip(s *store.Store, v store.Voucher) ([]report.Block, error) {
	capitals, err := ledger.Capitals(v.Total)
	if err != nil {
		return nil, err
	}
	t := &report.Table{Title: "会计分录", Columns: []report.Column{
		{Title: "摘要", Kind: report.KindText, Width: 2.4},
		{Title: "科目代码", Kind: report.KindText, Width: 0.9},
		{Title: "科目名称", Kind: report.KindText, Width: 2.2},
		{Title: "借方金额", Kind: report.KindMoney},
		{Title: "贷方金额", Kind: report.KindMoney},
	}}
	var debit, credit ledger.Money
	for _, l := range v.Lines {
		memo := l.Memo
		if memo == "" {
			memo = v.Summary
		}
		dr, cr := l.Amount, ledger.Zero
		if l.Amount.Sign() < 0 {
			dr, cr = ledger.Zero, l.Amount.Neg()
		}
		debit, credit = debit.Add(dr), credit.Add(cr)
		t.Add(report.Text(memo), report.Text(l.AccountCode), report.Text(l.AccountName), moneyOrBlank(dr), moneyOrBlank(cr))
	}
	t.Totals = []report.Cell{report.Text("合计"), {}, {}, report.Money(debit), report.Money(credit)}
	blocks := []report.Block{
		report.Heading("记账凭证　" + v.No),
		report.Fields{
			{Label: "日期", Value: v.Date},
			{Label: "凭证号", Value: v.No},
			{Label: "摘要", Value: v.Summary},
			{Label: "附单据", Value: fmt.Sprintf("%d 张", len(v.Attachments))},
		},
		t,
		report.Paragraph("合计金额（大写）：人民币" + capitals + "　（小写）￥" + v.Total.Grouped()),
	}
	if note, err := reversalNote(s, v); err != nil {
		return nil, err
	} else if note != "" {
		blocks = append(blocks, report.Paragraph(note))
	}
	return append(blocks, voucherSignatures), nil
}

// reversalNote cross-references a reversed voucher and its reversal.
func reversalNote(s *store.Store, v store.Voucher) (string, error) {
	other := v.ReversedByID
	if v.ReversesID != 0 {
		other = v.ReversesID
	}
	if other == 0 {
		return "", nil
	}
	o, err := s.Voucher(other)
	if err != nil {
		return "", err
	}
	if v.ReversesID != 0 {
		return fmt.Sprintf("冲销凭证：冲销原凭证 %s（%s，%s）。", o.No, o.Date, o.Summary), nil
	}
	return fmt.Sprintf("本凭证已被冲销：见冲销凭证 %s（%s，%s）。", o.No, o.Date, o.Summary), nil
}
