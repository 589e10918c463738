package reporting

import (
	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// BookFigures is a book's period in brief: its bank account's opening and closing balance and
// what came in and went out, by account.
type BookFigures struct {
	Book     ledger.Book
	Opening  ledger.Money
	In       ledger.Money
	Out      ledger.Money
	Held     ledger.Money // the increase of what the property company holds (应收物业公司公共收益): not spent, not in the bank
	Closing  ledger.Money
	Accounts []store.AccountPeriod
}

// bookFigures reads a book's figures for from..to and checks that they add up: every voucher
// balances, so the bank account moves by exactly what the other accounts record.
func bookFigures(s *store.Store, b ledger.Book, from, to string) (BookFigures, error) {
	accts, err := s.AccountTotals(b, from, to)
	if err != nil {
		return BookFigures{}, err
	}
	bank := bankFigures(accts)
	f := BookFigures{Book: b, Opening: bank.Opening, Closing: bank.Closing, Accounts: accts}
	for _, a := range accts {
		switch {
		case a.Kind == ledger.KindAsset:
		case a.Kind == ledger.KindReceivable:
			f.Held = f.Held.Add(a.Movement())
		case a.Kind.DebitNormal():
			f.Out = f.Out.Add(a.Movement())
		default:
			f.In = f.In.Sub(a.Movement())
		}
	}
	if got := f.Opening.Add(f.In).Sub(f.Out).Sub(f.Held); got != f.Closing {
		return f, errNotAddingUp(BookName(b)+"收支汇总", got, f.Closing)
	}
	return f, nil
}

// BuildSummary is the 收支汇总表 and 科目余额表 of one book, or of all three when p.Book is
// empty: opening balance, receipts and payments by account, closing balance; then every
// account's opening balance, debits, credits and closing balance, which must balance.
func BuildSummary(s *store.Store, p Params) (report.Doc, error) {
	if err := p.Normalize(KindSummary); err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	books := ledger.Books
	title := "三本账收支汇总表"
	if p.Book != "" {
		books = []ledger.Book{p.Book}
		title = BookName(p.Book) + "收支汇总表"
	}
	d := newDoc(c, title, p.Book, p)
	var figs []BookFigures
	for _, b := range books {
		f, err := bookFigures(s, b, p.From, p.To)
		if err != nil {
			return d, err
		}
		figs = append(figs, f)
	}
	if len(books) > 1 {
		held := false
		for _, f := range figs {
			held = held || !f.Held.IsZero()
		}
		cols := []report.Column{{Title: "账簿", Width: 2}, {Title: "期初余额", Kind: report.KindMoney}, {Title: "本期收入", Kind: report.KindMoney},
			{Title: "本期支出", Kind: report.KindMoney}}
		if held {
			cols = append(cols, report.Column{Title: "物业公司代收未划转增减", Kind: report.KindMoney})
		}
		ov := &report.Table{Title: "三本账概况", Columns: append(cols, report.Column{Title: "期末余额", Kind: report.KindMoney})}
		for _, f := range figs {
			row := []report.Cell{report.Text(BookName(f.Book)), report.Money(f.Opening), report.Money(f.In), report.Money(f.Out)}
			if held {
				row = append(row, report.Money(f.Held))
			}
			ov.Add(append(row, report.Money(f.Closing))...)
		}
		d.Add(report.Paragraph("三本账分别设账、分别核算，资金不得混用，故不合计。"), ov)
	}
	for i, f := range figs {
		if len(books) > 1 {
			if i > 0 {
				d.Add(report.PageBreak{})
			}
			d.Add(report.Heading(cnOrdinal(i+1) + "、" + BookName(f.Book)))
		}
		d.Add(summaryTable(f), balanceTable(f))
	}
	d.Add(report.Paragraph("说明：收入、支出类科目不做年末结转，科目余额表中其余额为建账以来的累计数；" +
		"银行存款科目的余额即账户余额。借方合计与贷方合计相等，表明各凭证借贷平衡。"))
	return d, nil
}

// summaryTable is a book's receipts and payments by account between its opening and closing
// balance.
func summaryTable(f BookFigures) *report.Table {
	t := &report.Table{Title: BookName(f.Book) + "收支汇总", Columns: []report.Column{
		{Title: "项目", Width: 3}, {Title: "科目编码", Width: 0.8, Align: report.AlignCenter}, {Title: "金额", Kind: report.KindMoney},
	}}
	t.Add(report.Text("一、期初余额"), report.Text(""), report.Money(f.Opening))
	t.Add(report.Text("二、本期收入"), report.Text(""), report.Money(f.In))
	for _, a := range f.Accounts {
		if a.Kind != ledger.KindAsset && !a.Kind.DebitNormal() {
			t.Add(report.Text("　　"+a.Name), report.Text(a.Code), report.Money(a.Movement().Neg()))
		}
	}
	t.Add(report.Text("三、本期支出"), report.Text(""), report.Money(f.Out))
	for _, a := range f.Accounts {
		if a.Kind != ledger.KindAsset && a.Kind != ledger.KindReceivable && a.Kind.DebitNormal() {
			t.Add(report.Text("　　"+a.Name), report.Text(a.Code), report.Money(a.Movement()))
		}
	}
	total := "四、期末余额（一＋二－三）"
	if !f.Held.IsZero() {
		// income the property company reported but has not yet transferred: neither spent nor
		// in the bank (the public notice shows it the same way)
		t.Add(report.Text("四、物业公司代收尚未划转（增加为正）"), report.Text(""), report.Money(f.Held))
		for _, a := range f.Accounts {
			if a.Kind == ledger.KindReceivable {
				t.Add(report.Text("　　"+a.Name), report.Text(a.Code), report.Money(a.Movement()))
			}
		}
		total = "五、期末银行余额（一＋二－三－四）"
	}
	t.Totals = []report.Cell{report.Text(total), report.Text(""), report.Money(f.Closing)}
	return t
}

// balanceTable is the trial balance (科目余额表): each account's balances on the side they
// fall and the period's debits and credits. Its columns balance in pairs.
func balanceTable(f BookFigures) *report.Table {
	t := &report.Table{Title: BookName(f.Book) + "科目余额表", Columns: []report.Column{
		{Title: "科目编码", Width: 0.8, Align: report.AlignCenter}, {Title: "科目名称", Width: 2.2},
		{Title: "期初借方余额", Kind: report.KindMoney}, {Title: "期初贷方余额", Kind: report.KindMoney},
		{Title: "本期借方发生额", Kind: report.KindMoney}, {Title: "本期贷方发生额", Kind: report.KindMoney},
		{Title: "期末借方余额", Kind: report.KindMoney}, {Title: "期末贷方余额", Kind: report.KindMoney},
	}}
	side := func(m ledger.Money) (report.Cell, report.Cell) {
		if m.Sign() >= 0 {
			return moneyOrBlank(m), report.Text("")
		}
		return report.Text(""), report.Money(m.Neg())
	}
	for _, a := range f.Accounts {
		od, oc := side(a.Opening)
		cd, cc := side(a.Closing)
		t.Add(report.Text(a.Code), report.Text(a.Name), od, oc, moneyOrBlank(a.Debit), moneyOrBlank(a.Credit), cd, cc)
	}
	t.SumMoney("合计")
	return t
}
