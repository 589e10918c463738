package reporting

import (
	"fmt"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// BuildFinalAccounts is the year-end 决算 of the three books: for each book the balance brought
// forward from the year before, the year's income, deductions and spending per account against
// the budget approved for it (the committee's working expenses have one, tied to the owners'
// assembly's resolution; the other books keep none), and the balance carried forward to the
// next year. A book's balance is what it holds for the owners: its bank account and, in the
// public book, the net income the property company has recognised but not yet transferred
// (应收物业公司公共收益). All sums come from the store's aggregate queries over integer fen.
func BuildFinalAccounts(s *store.Store, p Params) (report.Doc, error) {
	if err := p.Normalize(KindFinalAccounts); err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	budgets, err := s.BudgetVsActual(p.Year)
	if err != nil {
		return report.Doc{}, err
	}
	budget := map[string]store.BudgetLine{}
	for _, b := range budgets {
		budget[b.AccountCode] = b
	}
	d := newDoc(c, fmt.Sprintf("%d年度收支决算表", p.Year), "", p)
	d.Add(report.Paragraph("三本账分别决算：维修资金、公共收益、业委会工作经费分别设账、分别核算，资金不得混用。" +
		"年初结余为上年度结转，年末结余结转下年度；公共收益的结余含物业公司已报告、尚未划转的净收益。"))
	ov := &report.Table{Title: "决算概况", Columns: []report.Column{
		{Title: "账簿", Width: 1.8}, {Title: "上年结转", Kind: report.KindMoney}, {Title: "本年收入", Kind: report.KindMoney},
		{Title: "本年扣除及支出", Kind: report.KindMoney}, {Title: "年末结余（结转下年）", Kind: report.KindMoney},
	}}
	var tables []report.Block
	for i, b := range ledger.Books {
		f, err := finalFiguresOf(s, b, p.From, p.To)
		if err != nil {
			return d, err
		}
		ov.Add(report.Text(BookName(b)), report.Money(f.Opening), report.Money(f.In), report.Money(f.Deducted.Add(f.Out)), report.Money(f.Closing))
		t, err := finalAccountsTable(f, budget)
		if err != nil {
			return d, err
		}
		tables = append(tables, report.Heading(cnOrdinal(i+1)+"、"+BookName(b)+"决算"), t)
		if !f.HeldOpening.IsZero() || !f.HeldClosing.IsZero() {
			tables = append(tables, report.Paragraph(fmt.Sprintf("年末结余 %s 元，其中银行存款 %s 元，物业公司代收尚未划转 %s 元（应收物业公司公共收益）。",
				f.Closing.Grouped(), f.Closing.Sub(f.HeldClosing).Grouped(), f.HeldClosing.Grouped())))
		}
		if b == ledger.BookWorking {
			tables = append(tables, report.Paragraph(budgetApprovalText(s, p.Year)))
		} else {
			tables = append(tables, report.Paragraph("本账簿不编制年度预算，预算栏以“—”表示，决算数为本年实际发生额。"))
		}
	}
	d.Add(ov)
	d.Add(tables...)
	return d, nil
}

// finalFigures is a book's year as the 决算 reads it.
type finalFigures struct {
	Book                         ledger.Book
	Opening, Closing             ledger.Money // bank and, in the public book, held by the property company
	HeldOpening, HeldClosing     ledger.Money // of which held by the property company (receivable)
	In, Deducted, Out            ledger.Money
	Income, Deductions, Spending []store.AccountPeriod
}

// finalFiguresOf reads a book's accounts for the year and checks that brought forward, plus
// income, less deductions and spending, is carried forward.
func finalFiguresOf(s *store.Store, b ledger.Book, from, to string) (finalFigures, error) {
	accts, err := s.AccountTotals(b, from, to)
	if err != nil {
		return finalFigures{}, err
	}
	f := finalFigures{Book: b}
	for _, a := range accts {
		switch {
		case a.Kind == ledger.KindAsset || a.Kind == ledger.KindReceivable:
			f.Opening, f.Closing = f.Opening.Add(a.Opening), f.Closing.Add(a.Closing)
			if a.Kind == ledger.KindReceivable {
				f.HeldOpening, f.HeldClosing = f.HeldOpening.Add(a.Opening), f.HeldClosing.Add(a.Closing)
			}
		case a.Kind == ledger.KindDeduction:
			f.Deducted = f.Deducted.Add(a.Movement())
			f.Deductions = append(f.Deductions, a)
		case a.Kind.DebitNormal():
			f.Out = f.Out.Add(a.Movement())
			f.Spending = append(f.Spending, a)
		default:
			f.In = f.In.Sub(a.Movement())
			f.Income = append(f.Income, a)
		}
	}
	if got := f.Opening.Add(f.In).Sub(f.Deducted).Sub(f.Out); got != f.Closing {
		return f, errNotAddingUp(BookName(b)+"决算", got, f.Closing)
	}
	return f, nil
}

// finalAccountsTable is one book's 决算: brought forward, income, deductions and spending per
// account with the budget where one is approved, carried forward.
func finalAccountsTable(f finalFigures, budget map[string]store.BudgetLine) (*report.Table, error) {
	t := &report.Table{Title: BookName(f.Book) + "收支决算", Columns: []report.Column{
		{Title: "科目编码", Width: 0.7, Align: report.AlignCenter}, {Title: "项目", Width: 2.4},
		{Title: "年度预算", Kind: report.KindMoney}, {Title: "本年决算", Kind: report.KindMoney},
		{Title: "预算结余", Kind: report.KindMoney}, {Title: "执行率", Kind: report.KindPercent, Width: 0.7},
	}}
	dash := report.Text("—")
	line := func(code, name string, m ledger.Money) {
		t.Add(report.Text(code), report.Text(name), dash, report.Money(m), dash, dash)
	}
	n := 0
	head := func(name string, m ledger.Money) {
		n++
		line("", cnOrdinal(n)+"、"+name, m)
	}
	head("上年结转", f.Opening)
	if !f.HeldOpening.IsZero() || !f.HeldClosing.IsZero() {
		line("", "　　其中：银行存款", f.Opening.Sub(f.HeldOpening))
		line(ledger.CodeReceivable, "　　　　　物业公司代收尚未划转", f.HeldOpening)
	}
	head("本年收入", f.In)
	for _, a := range f.Income {
		if !a.Movement().IsZero() {
			line(a.Code, "　　"+a.Name, a.Movement().Neg())
		}
	}
	if len(f.Deductions) > 0 {
		head("扣除项目（税费、人工、管理成本）", f.Deducted)
		for _, a := range f.Deductions {
			if !a.Movement().IsZero() {
				line(a.Code, "　　"+a.Name, a.Movement())
			}
		}
	}
	var planned, spent ledger.Money
	hasBudget := false
	var rows [][]report.Cell
	for _, a := range f.Spending {
		actual := a.Movement()
		spent = spent.Add(actual)
		if b, ok := budget[a.Code]; ok && f.Book == ledger.BookWorking {
			if b.Actual != actual {
				return nil, errNotAddingUp(a.Name+"预算执行", b.Actual, actual)
			}
			hasBudget = true
			planned = planned.Add(b.Budget)
			rows = append(rows, []report.Cell{report.Text(a.Code), report.Text("　　" + a.Name), report.Money(b.Budget), report.Money(actual),
				report.Money(b.Budget.Sub(actual)), ratioCell(actual, b.Budget)})
			continue
		}
		if !actual.IsZero() {
			rows = append(rows, []report.Cell{report.Text(a.Code), report.Text("　　" + a.Name), dash, report.Money(actual), dash, dash})
		}
	}
	if spent != f.Out {
		return nil, errNotAddingUp(BookName(f.Book)+"本年支出", spent, f.Out)
	}
	n++
	if hasBudget {
		t.Add(report.Text(""), report.Text(cnOrdinal(n)+"、本年支出"), report.Money(planned), report.Money(f.Out), report.Money(planned.Sub(f.Out)), ratioCell(f.Out, planned))
	} else {
		line("", cnOrdinal(n)+"、本年支出及划转", f.Out)
	}
	for _, r := range rows {
		t.Add(r...)
	}
	result := "二－三"
	if len(f.Deductions) > 0 {
		result = "二－三－四"
	}
	head("本年收支结余（"+result+"）", f.In.Sub(f.Deducted).Sub(f.Out))
	n++
	t.Totals = []report.Cell{report.Text(""), report.Text(fmt.Sprintf("%s、年末结余，结转下年（一＋%s）", cnOrdinal(n), cnOrdinal(n-1))), dash, report.Money(f.Closing), dash, dash}
	return t, nil
}

// budgetApprovalText names the owners' assembly's resolution that approved the year's
// working-expense budget (R8), or says there is none.
func budgetApprovalText(s *store.Store, year int) string {
	reg, err := s.Register()
	if err != nil {
		return ""
	}
	for _, r := range reg {
		if r.Purpose == ledger.PurposeBudget && r.Year == year && r.Passed {
			return fmt.Sprintf("%d年度工作经费预算经%s %s 决议（#%d“%s”）批准，批准金额 %s 元。超出预算的支出须有追加预算的决议。",
				year, bodyName(r.Body), r.Date, r.ID, r.Subject, r.Amount.Grouped())
		}
	}
	return fmt.Sprintf("%d年度工作经费预算未登记批准的决议。", year)
}

// bodyName is the deciding body in Chinese.
func bodyName(b ledger.ResolutionBody) string {
	if n, ok := map[ledger.ResolutionBody]string{ledger.BodyAssembly: "业主大会", ledger.BodyCommittee: "业主委员会"}[b]; ok {
		return n
	}
	return "相关业主"
}
