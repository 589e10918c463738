package reporting

import (
	"strconv"
	"strings"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// BuildWorking is the 业委会工作经费预算执行表 of a year: the allocations received, each
// expense category's budget against what was spent, and the spending month by month.
func BuildWorking(s *store.Store, p Params) (report.Doc, error) {
	if err := p.Normalize(KindWorking); err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	f, err := bookFigures(s, ledger.BookWorking, p.From, p.To)
	if err != nil {
		return report.Doc{}, err
	}
	lines, err := s.BudgetVsActual(p.Year)
	if err != nil {
		return report.Doc{}, err
	}
	d := newDoc(c, "业委会工作经费预算执行情况表", ledger.BookWorking, p)
	d.Add(report.Fields{
		{Label: "年初余额", Value: f.Opening.Grouped()},
		{Label: "本年拨入及其他收入", Value: f.In.Grouped()},
		{Label: "本年支出", Value: f.Out.Grouped()},
		{Label: "年末余额", Value: f.Closing.Grouped()},
	})
	t := &report.Table{Title: "预算执行情况", Columns: []report.Column{
		{Title: "科目编码", Width: 0.7, Align: report.AlignCenter}, {Title: "支出项目", Width: 1.6},
		{Title: "年度预算", Kind: report.KindMoney}, {Title: "实际支出", Kind: report.KindMoney},
		{Title: "预算结余", Kind: report.KindMoney}, {Title: "执行率", Kind: report.KindPercent, Width: 0.8},
	}}
	var budget, actual ledger.Money
	var over []string
	for _, l := range lines {
		budget, actual = budget.Add(l.Budget), actual.Add(l.Actual)
		t.Add(report.Text(l.AccountCode), report.Text(l.Name), report.Money(l.Budget), report.Money(l.Actual),
			report.Money(l.Budget.Sub(l.Actual)), ratioCell(l.Actual, l.Budget))
		if l.Actual.Cmp(l.Budget) > 0 {
			over = append(over, l.Name+"超出 "+l.Actual.Sub(l.Budget).Grouped()+" 元")
		}
	}
	t.SumMoney("合计")
	t.Totals[5] = ratioCell(actual, budget)
	note := "各项支出均未超出年度预算。"
	if len(over) > 0 {
		note = "超出预算的项目：" + strings.Join(over, "；") + "。超支部分应经业主大会或业主委员会会议追认。"
	}
	d.Add(t, report.Paragraph(note))

	// Spending month by month, by category.
	idx := map[string]int{}
	cols := []report.Column{{Title: "月份", Width: 0.8, Align: report.AlignCenter}}
	for i, l := range lines {
		idx[l.AccountCode] = i
		cols = append(cols, report.Column{Title: l.Name, Kind: report.KindMoney})
	}
	cols = append(cols, report.Column{Title: "合计", Kind: report.KindMoney})
	months := make([][]ledger.Money, 12)
	for i := range months {
		months[i] = make([]ledger.Money, len(lines))
	}
	err = s.JournalRows(ledger.BookWorking, p.From, p.To, func(r *store.JournalRow) error {
		if i, ok := idx[r.AccountCode]; ok && r.AccountKind == ledger.KindExpense {
			m, _ := strconv.Atoi(r.Date[5:7])
			months[m-1][i] = months[m-1][i].Add(r.Amount)
		}
		return nil
	})
	if err != nil {
		return d, err
	}
	mt := &report.Table{Title: "各月支出", Columns: cols}
	var total ledger.Money
	for m, row := range months {
		cells := []report.Cell{report.Text(strconv.Itoa(m+1) + "月")}
		var sum ledger.Money
		for _, v := range row {
			cells = append(cells, moneyOrBlank(v))
			sum = sum.Add(v)
		}
		total = total.Add(sum)
		mt.Add(append(cells, moneyOrBlank(sum))...)
	}
	mt.SumMoney("合计")
	if total != actual {
		return d, errNotAddingUp("工作经费各月支出", total, actual)
	}
	d.Add(mt)
	return d, nil
}
