package reporting

import (
	"fmt"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// BuildFinalAccounts is the year-end 决算 of the three books: for each book the balance brought
// forward from the year before, the year's income and spending per account against the
// budget approved for it (the committee's working expenses have one, tied to the owners'
// assembly's resolution; the other books keep none), and the balance carried forward to the
// next year. All sums come from the store's aggregate queries over integer fen.
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
		"年初结余为上年度结转，年末结余结转下年度。"))
	ov := &report.Table{Title: "决算概况", Columns: []report.Column{
		{Title: "账簿", Width: 1.8}, {Title: "上年结转", Kind: report.KindMoney}, {Title: "本年收入", Kind: report.KindMoney},
		{Title: "本年支出", Kind: report.KindMoney}, {Title: "年末结余（结转下年）", Kind: report.KindMoney},
	}}
	var tables []report.Block
	for i, b := range ledger.Books {
		f, err := bookFigures(s, b, p.From, p.To)
		if err != nil {
			return d, err
		}
		ov.Add(report.Text(BookName(b)), report.Money(f.Opening), report.Money(f.In), report.Money(f.Out), report.Money(f.Closing))
		t, err := finalAccountsTable(f, budget)
		if err != nil {
			return d, err
		}
		tables = append(tables, report.Heading(cnOrdinal(i+1)+"、"+BookName(b)+"决算"), t)
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

// finalAccountsTable is one book's 决算: brought forward, income and spending per account with
// the budget where one is approved, carried forward. It checks its own arithmetic.
func finalAccountsTable(f BookFigures, budget map[string]store.BudgetLine) (*report.Table, error) {
	t := &report.Table{Title: BookName(f.Book) + "收支决算", Columns: []report.Column{
		{Title: "科目编码", Width: 0.7, Align: report.AlignCenter}, {Title: "项目", Width: 2.2},
		{Title: "年度预算", Kind: report.KindMoney}, {Title: "本年决算", Kind: report.KindMoney},
		{Title: "预算结余", Kind: report.KindMoney}, {Title: "执行率", Kind: report.KindPercent, Width: 0.7},
	}}
	dash := report.Text("—")
	t.Add(report.Text(""), report.Text("一、上年结转"), dash, report.Money(f.Opening), dash, dash)
	t.Add(report.Text(""), report.Text("二、本年收入"), dash, report.Money(f.In), dash, dash)
	for _, a := range f.Accounts {
		if a.Kind != ledger.KindAsset && !a.Kind.DebitNormal() && !a.Movement().IsZero() {
			t.Add(report.Text(a.Code), report.Text("　　"+a.Name), dash, report.Money(a.Movement().Neg()), dash, dash)
		}
	}
	var planned, spent ledger.Money
	hasBudget := false
	var rows [][]report.Cell
	for _, a := range f.Accounts {
		if a.Kind == ledger.KindAsset || !a.Kind.DebitNormal() {
			continue
		}
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
	if hasBudget {
		t.Add(report.Text(""), report.Text("三、本年支出"), report.Money(planned), report.Money(f.Out), report.Money(planned.Sub(f.Out)), ratioCell(f.Out, planned))
	} else {
		t.Add(report.Text(""), report.Text("三、本年支出"), dash, report.Money(f.Out), dash, dash)
	}
	for _, r := range rows {
		t.Add(r...)
	}
	t.Add(report.Text(""), report.Text("四、本年收支结余（二－三）"), dash, report.Money(f.In.Sub(f.Out)), dash, dash)
	t.Totals = []report.Cell{report.Text(""), report.Text("五、年末结余，结转下年（一＋四）"), dash, report.Money(f.Closing), dash, dash}
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
