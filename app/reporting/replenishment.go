package reporting

import (
	"strconv"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// ratioDates are the dates the fund ratio is shown at: the day before the period, then each
// quarter's end in it (each year's end for periods over three years), and the period's end.
func ratioDates(from, to string) []string {
	start, _ := ledger.ParseDate(from)
	months := 3
	if end, _ := ledger.ParseDate(to); end.Sub(start).Hours() > 24*366*3 {
		months = 12
	}
	dates := []string{dayBefore(from)}
	for t := start; ; {
		per := ledger.PeriodOfMonths(t, months)
		if per.To >= to {
			break
		}
		dates = append(dates, per.To)
		next, _ := ledger.ParseDate(per.To)
		t = next.AddDate(0, 0, 1)
	}
	return append(dates, to)
}

func statusText(s string) string {
	switch s {
	case "open":
		return "待业主决定"
	case "noticed":
		return "收缴中"
	case "closed":
		return "已结束"
	}
	return s
}

// BuildReplenishment is the 续筹情况: the fund's ratio to its initial amount over the period,
// for the community and each building, and the replenishment cases with what is due, what
// has been paid by the period's end and the collection rate, per building.
func BuildReplenishment(s *store.Store, p Params) (report.Doc, error) {
	if err := p.Normalize(KindReplenishment); err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	dates := ratioDates(p.From, p.To)
	fund, err := s.BookBalancesAt(ledger.BookFund, dates)
	if err != nil {
		return report.Doc{}, err
	}
	blds, err := s.BuildingBalancesAt(dates)
	if err != nil {
		return report.Doc{}, err
	}
	cases, err := s.ReplenishmentCases()
	if err != nil {
		return report.Doc{}, err
	}
	pol := c.Policy
	var initial ledger.Money
	for _, b := range blds {
		initial = initial.Add(b.Initial)
	}
	d := newDoc(c, "专项维修资金续筹情况表", ledger.BookFund, p)
	d.Landscape = len(dates) > 5
	last := fund[len(fund)-1]
	level := map[string]string{"community": "小区", "building": "楼幢", "unit": "房屋"}[pol.TriggerLevel]
	d.Add(report.Fields{
		{Label: "首期应筹集总额", Value: initial.Grouped()},
		{Label: "期末维修资金余额", Value: last.Grouped()},
		{Label: "期末余额比例", Value: ratioText(last, initial)},
		{Label: "续筹线", Value: pol.ReplenishThreshold.Shift(2).String() + "%（按" + level + "计算）"},
		{Label: "续筹目标", Value: "补足至首期的 " + pol.ReplenishTarget.Shift(2).String() + "%"},
		{Label: "决定期限", Value: "触发后 " + strconv.Itoa(pol.DecisionDays) + " 日内由业主决定"},
	})
	series := &report.Table{Title: "小区维修资金余额比例", Columns: []report.Column{
		{Title: "日期", Kind: report.KindDate}, {Title: "维修资金余额", Kind: report.KindMoney}, {Title: "首期应筹集总额", Kind: report.KindMoney},
		{Title: "余额比例", Kind: report.KindPercent}, {Title: "低于续筹线", Align: report.AlignCenter, Width: 0.8},
	}}
	for i, dt := range dates {
		if dt < c.StartDate { // before the books: there was no fund to measure
			series.Add(report.Date(dt), report.Text("—"), report.Money(initial), report.Text("—"), report.Text("（建账前）"))
			continue
		}
		below := "否"
		if pol.NeedsReplenishment(fund[i], initial) {
			below = "是"
		}
		series.Add(report.Date(dt), report.Money(fund[i]), report.Money(initial), ratioCell(fund[i], initial), report.Text(below))
	}
	d.Add(series)

	// The buildings' table shows at most eight dates: the opening and the latest seven.
	shownDates := make([]int, 0, len(dates))
	for i := range dates {
		if i == 0 || i >= len(dates)-7 {
			shownDates = append(shownDates, i)
		}
	}
	cols := []report.Column{{Title: "楼幢", Width: 0.8}, {Title: "户数", Kind: report.KindInt, Width: 0.5}, {Title: "首期应筹集", Kind: report.KindMoney}}
	for _, i := range shownDates {
		title := dates[i]
		if i == 0 {
			title = "期初 " + dates[i]
		}
		cols = append(cols, report.Column{Title: title, Kind: report.KindPercent, Width: 0.9})
	}
	cols = append(cols, report.Column{Title: "期末分户余额合计", Kind: report.KindMoney})
	bt := &report.Table{Title: "各幢分户余额比例", Columns: cols}
	belowNow := 0
	for _, b := range blds {
		row := []report.Cell{report.Text(b.Code), report.Int(int64(b.Units)), report.Money(b.Initial)}
		for _, i := range shownDates {
			if dates[i] < c.StartDate {
				row = append(row, report.Text("—"))
				continue
			}
			row = append(row, ratioCell(b.Balances[i], b.Initial))
		}
		endBal := b.Balances[len(b.Balances)-1]
		if pol.NeedsReplenishment(endBal, b.Initial) {
			belowNow++
		}
		bt.Add(append(row, report.Money(endBal))...)
	}
	d.Add(report.Paragraph("各幢比例为该幢各户分户账余额之和占其首期应筹集金额之和的比例。期末低于续筹线的楼幢："+strconv.Itoa(belowNow)+" 幢。"), bt)

	var shown []store.ReplenishmentCase
	for i := len(cases) - 1; i >= 0; i-- { // oldest first
		cs := cases[i]
		if cs.TriggerDate <= p.To && (cs.ClosedOn == "" || cs.ClosedOn >= p.From) {
			shown = append(shown, cs)
		}
	}
	if len(shown) == 0 {
		d.Add(report.Heading("续筹案件"), report.Paragraph("本期没有续筹案件。"))
		return d, nil
	}
	ct := &report.Table{Title: "续筹案件", Columns: []report.Column{
		{Title: "编号", Kind: report.KindInt, Width: 0.5}, {Title: "触发日期", Kind: report.KindDate}, {Title: "触发时余额比例", Kind: report.KindPercent},
		{Title: "决定期限", Kind: report.KindDate}, {Title: "业主决定", Width: 1.6}, {Title: "交存通知日", Kind: report.KindDate},
		{Title: "交存期限", Kind: report.KindDate}, {Title: "状态", Width: 0.8},
	}}
	cc := &report.Table{Title: "续筹收缴情况（截至期末）", Columns: []report.Column{
		{Title: "编号", Kind: report.KindInt, Width: 0.5}, {Title: "应交户数", Kind: report.KindInt}, {Title: "已交足户数", Kind: report.KindInt},
		{Title: "应交金额", Kind: report.KindMoney}, {Title: "已交金额", Kind: report.KindMoney}, {Title: "收缴率", Kind: report.KindPercent},
	}}
	var details []report.Block
	for _, cs := range shown {
		decided := "未决定"
		if cs.ResolutionID != 0 {
			if r, err := s.Resolution(cs.ResolutionID); err == nil {
				decided = "已通过（" + r.Date + "）"
			}
		}
		byB, err := s.CaseByBuilding(cs.ID, p.To)
		if err != nil {
			return d, err
		}
		var due, paid ledger.Money
		var units int
		bt := &report.Table{Title: "第 " + strconv.FormatInt(cs.ID, 10) + " 号续筹案件各幢收缴情况", Columns: []report.Column{
			{Title: "楼幢"}, {Title: "应交户数", Kind: report.KindInt}, {Title: "已交足户数", Kind: report.KindInt},
			{Title: "应交金额", Kind: report.KindMoney}, {Title: "已交金额", Kind: report.KindMoney}, {Title: "收缴率", Kind: report.KindPercent},
		}}
		var paidUnits int
		for _, b := range byB {
			due, paid, units, paidUnits = due.Add(b.Due), paid.Add(b.Paid), units+b.Units, paidUnits+b.PaidUnits
			bt.Add(report.Text(b.Code), report.Int(int64(b.Units)), report.Int(int64(b.PaidUnits)), report.Money(b.Due), report.Money(b.Paid),
				ratioCell(b.Paid, b.Due))
		}
		bt.Totals = []report.Cell{report.Text("合计"), report.Int(int64(units)), report.Int(int64(paidUnits)), report.Money(due),
			report.Money(paid), ratioCell(paid, due)}
		ct.Add(report.Int(cs.ID), report.Date(cs.TriggerDate), ratioCell(cs.Balance, cs.Initial), report.Date(cs.DecisionDeadline),
			report.Text(decided), report.Date(cs.NoticeDate), report.Date(cs.PaymentDeadline), report.Text(statusText(cs.Status)))
		cc.Add(report.Int(cs.ID), report.Int(int64(units)), report.Int(int64(paidUnits)), report.Money(due), report.Money(paid), ratioCell(paid, due))
		if len(byB) > 0 {
			details = append(details, bt)
		}
	}
	d.Add(ct, cc)
	d.Add(details...)
	return d, nil
}
