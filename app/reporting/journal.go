package reporting

import (
	"strconv"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// BuildJournal is a book's 收支明细账 for the period: the book's bank account as a ledger
// with running balance — every posting of a voucher other than the bank line, receipts as
// 借方（收入）, payments as 贷方（支出）, reversals as negative amounts on their original's
// side — with the opening balance first and the period's totals last. Its closing balance is
// the book's bank balance at the end of the period, its totals the summary's receipts and
// payments.
func BuildJournal(s *store.Store, p Params) (report.Doc, error) {
	if err := p.Normalize(KindJournal); err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	accts, err := s.AccountTotals(p.Book, p.From, p.To)
	if err != nil {
		return report.Doc{}, err
	}
	bank := bankFigures(accts)
	d := newDoc(c, BookName(p.Book)+"收支明细账", p.Book, p)
	t := journalTable(BookShort(p.Book) + "收支明细")
	t.Add(report.Date(p.From), report.Text(""), report.Text("期初余额"), report.Text(""), report.Text(""), report.Text(""),
		report.Money(bank.Opening))
	bal := bank.Opening
	var in, out ledger.Money
	vouchers, lastID := 0, int64(0)
	err = s.JournalRows(p.Book, p.From, p.To, func(r *store.JournalRow) error {
		if r.VoucherID != lastID {
			vouchers++
			lastID = r.VoucherID
		}
		if r.AccountKind == ledger.KindAsset {
			return nil // the bank side: the other lines say what it was for
		}
		effect := r.Amount.Neg() // what the line did to the bank balance
		summary := r.Summary
		if r.Memo != "" && r.Memo != r.Summary {
			summary += "（" + r.Memo + "）"
		}
		// A line goes to the column of its account's side: receipts (income, transfers in,
		// balances brought in) under 借方（收入）, payments under 贷方（支出）. A reversal stays
		// on its original's side as a negative amount (红字冲销), so the columns add up to
		// the summary's receipts and payments, net of corrections.
		var dr, cr report.Cell
		if r.AccountKind.DebitNormal() {
			dr, cr = report.Text(""), report.Money(effect.Neg())
			out = out.Add(effect.Neg())
		} else {
			dr, cr = report.Money(effect), report.Text("")
			in = in.Add(effect)
		}
		bal = bal.Add(effect)
		t.Add(report.Date(r.Date), report.Text(r.No), report.Text(summary), report.Text(accountLabel(r.AccountCode, r.AccountName)),
			dr, cr, report.Money(bal))
		return nil
	})
	if err != nil {
		return report.Doc{}, err
	}
	if bal != bank.Closing || in.Sub(out) != bank.Closing.Sub(bank.Opening) {
		return report.Doc{}, errNotAddingUp(BookName(p.Book)+"收支明细账", bal, bank.Closing)
	}
	t.Totals = []report.Cell{report.Text("本期合计"), report.Text(""), report.Text(""), report.Text(""),
		report.Money(in), report.Money(out), report.Money(bal)}
	d.Add(report.Fields{
		{Label: "期初余额", Value: bank.Opening.Grouped()},
		{Label: "本期收入", Value: in.Grouped()},
		{Label: "本期支出", Value: out.Grouped()},
		{Label: "期末余额", Value: bal.Grouped()},
		{Label: "凭证张数", Value: strconv.Itoa(vouchers)},
		{Label: "明细行数", Value: strconv.Itoa(len(t.Rows) - 1)},
	}, t)
	return d, nil
}

// journalTable is the ledger table: date, voucher, summary, account, in, out, balance.
func journalTable(title string) *report.Table {
	return &report.Table{
		Title: title,
		Columns: []report.Column{
			{Title: "日期", Kind: report.KindDate},
			{Title: "凭证号", Width: 1},
			{Title: "摘要", Width: 3.2},
			{Title: "会计科目", Width: 1.8},
			{Title: "借方（收入）", Kind: report.KindMoney},
			{Title: "贷方（支出）", Kind: report.KindMoney},
			{Title: "余额", Kind: report.KindMoney, Width: 1.5},
		},
	}
}

// bankFigures adds up a book's asset accounts (its bank account).
func bankFigures(accts []store.AccountPeriod) store.AccountPeriod {
	var b store.AccountPeriod
	for _, a := range accts {
		if a.Kind == ledger.KindAsset {
			b.Opening, b.Debit, b.Credit, b.Closing = b.Opening.Add(a.Opening), b.Debit.Add(a.Debit), b.Credit.Add(a.Credit), b.Closing.Add(a.Closing)
		}
	}
	return b
}
