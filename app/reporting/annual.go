package reporting

import (
	"fmt"
	"strconv"
	"strings"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// BuildAnnual is the 年度报告 the committee gives the owners' assembly (上海市住宅物业管理规定,
// 2026 amendment, new art. 29: the committee reports yearly on the fund's use, income from
// common parts, public income, its work and its plan): the fund's use and balance with its
// ratio to the initial amount, replenishment, public income by contract and by source with
// the quarterly transfers to the fund, working expenses against budget, the works done,
// audits and their findings, the disclosures made, next year's budget, and ruled fields for
// the plan the secretary writes in by hand before the assembly. The chain head is in the
// footer of every page like every report.
func BuildAnnual(s *store.Store, p Params) (report.Doc, error) {
	if err := p.Normalize(KindAnnual); err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	d := newDoc(c, fmt.Sprintf("%s业主委员会%d年度报告", c.Name, p.Year), "", p)
	d.Signatures = []string{"业主委员会主任", "执行秘书", "报告日期"}
	d.Add(report.Paragraph(fmt.Sprintf("根据《上海市住宅物业管理规定》，业主委员会每年向业主大会报告专项维修资金使用、共有部分经营收益和公共收益收支、"+
		"业主委员会工作及下一年度工作计划。现将%d年度情况报告如下。", p.Year)))
	for _, part := range []func(*store.Store, store.Community, Params, *report.Doc) error{
		annualFund, annualReplenishment, annualPublic, annualWorking, annualWorks, annualDecisions, annualRecords, annualNextYear,
	} {
		if err := part(s, c, p, &d); err != nil {
			return report.Doc{}, err
		}
	}
	return d, nil
}

// annualFund is the fund's year and its ratio to the initial amount at the year's end (R1).
func annualFund(s *store.Store, c store.Community, p Params, d *report.Doc) error {
	f, err := bookFigures(s, ledger.BookFund, p.From, p.To)
	if err != nil {
		return err
	}
	blds, err := s.BuildingBalancesAt(nil)
	if err != nil {
		return err
	}
	var initial ledger.Money
	for _, b := range blds {
		initial = initial.Add(b.Initial)
	}
	state := "不低于"
	if c.Policy.NeedsReplenishment(f.Closing, initial) {
		state = "低于"
	}
	d.Add(report.Heading("一、专项维修资金使用和结余"), summaryTable(f), report.Fields{
		{Label: "首期应筹集总额", Value: initial.Grouped() + " 元"},
		{Label: "年末余额", Value: f.Closing.Grouped() + " 元"},
		{Label: "年末余额占首期比例", Value: ratioText(f.Closing, initial)},
	}, report.Paragraph(fmt.Sprintf("年末维修资金余额%s首期应筹集总额的 %s%%（续筹线）。", state, c.Policy.ReplenishThreshold.Shift(2).String())))
	return nil
}

// annualReplenishment is the replenishment cases open at some time in the year (续筹).
func annualReplenishment(s *store.Store, _ store.Community, p Params, d *report.Doc) error {
	cases, err := s.ReplenishmentCases()
	if err != nil {
		return err
	}
	t := &report.Table{Title: "续筹情况", Columns: []report.Column{
		{Title: "触发日期", Kind: report.KindDate}, {Title: "决定期限", Kind: report.KindDate}, {Title: "状态", Width: 1.2},
		{Title: "应交", Kind: report.KindMoney}, {Title: "已交", Kind: report.KindMoney}, {Title: "尚欠", Kind: report.KindMoney},
		{Title: "欠交户数", Kind: report.KindInt, Width: 0.6},
	}}
	stage := map[string]string{"open": "待业主决定", "decided": "按决定收缴中", "noticed": "按银行通知收缴中", "closed": "已结束"}
	for i := len(cases) - 1; i >= 0; i-- {
		x := cases[i]
		if x.TriggerDate > p.To || (x.ClosedOn != "" && x.ClosedOn < p.From) {
			continue
		}
		st := stage[x.Stage]
		if st == "" {
			st = x.Stage
		}
		if x.ClosedOn != "" && x.ClosedOn <= p.To {
			st = "已于 " + x.ClosedOn + " 结束"
		}
		t.Add(report.Date(x.TriggerDate), report.Date(x.DecisionDeadline), report.Text(st), report.Money(x.Due), report.Money(x.Paid),
			report.Money(x.Outstanding), report.Int(int64(x.Owing)))
	}
	d.Add(report.Heading("二、续筹情况"))
	if len(t.Rows) == 0 {
		d.Add(report.Paragraph("本年度没有进行中的续筹。"))
		return nil
	}
	d.Add(t)
	return nil
}

// annualPublic is public income: the book's year, income by contract against what the
// contracts expected, and each quarter's transfer to the fund against what R2 requires.
func annualPublic(s *store.Store, c store.Community, p Params, d *report.Doc) error {
	// as the 决算 reads the book: gross income, the property company's deductions, spending,
	// and the balance including what the company holds and has not yet transferred
	f, err := finalFiguresOf(s, ledger.BookPublic, p.From, p.To)
	if err != nil {
		return err
	}
	t0, err := finalAccountsTable(f, nil)
	if err != nil {
		return err
	}
	t0.Title = "公共收益收支"
	d.Add(report.Heading("三、共有部分经营收益和公共收益收支"), t0)
	if !f.HeldOpening.IsZero() || !f.HeldClosing.IsZero() {
		d.Add(report.Paragraph(fmt.Sprintf("年末结余 %s 元，其中银行存款 %s 元，物业公司代收尚未划转 %s 元。",
			f.Closing.Grouped(), f.Closing.Sub(f.HeldClosing).Grouped(), f.HeldClosing.Grouped())))
	}
	fs, received, err := contractsIn(s, p.From, p.To, contractsAsOf(p))
	if err != nil {
		return err
	}
	if len(fs) == 0 {
		d.Add(report.Paragraph("本年度没有登记公共收益合同。"))
	} else {
		d.Add(contractIncomeTable("按合同的收益（应收与实收）", fs, received), report.Paragraph(receivedNote))
	}
	// as of the last quarter's transfer deadline: a transfer made after a quarter counts for it
	st, err := s.Status(statusDay(c.Policy.TransferDueBy(strconv.Itoa(p.Year)+"Q4")), false)
	if err != nil {
		return err
	}
	t := &report.Table{Title: "转入专项维修资金（按季度）", Columns: []report.Column{
		{Title: "季度", Width: 1.4}, {Title: "净收益", Kind: report.KindMoney}, {Title: "应转入", Kind: report.KindMoney},
		{Title: "已转入", Kind: report.KindMoney}, {Title: "尚差", Kind: report.KindMoney},
	}}
	for _, q := range st.Quarters {
		if strings.HasPrefix(q.Quarter, strconv.Itoa(p.Year)+"Q") {
			t.Add(report.Text(quarterLabel(q.Quarter)), report.Money(q.Net), report.Money(q.Required), report.Money(q.Settled), report.Money(q.Short))
		}
	}
	t.SumMoney("合计")
	d.Add(t, report.Paragraph(TransferRuleText(c.Policy)+"已转入含季度结束后按该季度报告补转的金额。"))
	return nil
}

// annualWorking is the working expenses against the budget (the 工作经费预算执行表's blocks).
func annualWorking(s *store.Store, _ store.Community, p Params, d *report.Doc) error {
	w, err := BuildWorking(s, Params{Year: p.Year, Generated: p.Generated, Chain: p.Chain})
	if err != nil {
		return err
	}
	d.Add(report.Heading("四、业委会工作经费收支及预算执行"))
	d.Add(w.Blocks...)
	d.Add(report.Paragraph(budgetApprovalText(s, p.Year)))
	return nil
}

// annualWorks lists the repair projects charged to the fund in the year.
func annualWorks(s *store.Store, _ store.Community, p Params, d *report.Doc) error {
	ids, err := s.ProjectsInPeriod(p.From, p.To)
	if err != nil {
		return err
	}
	t := &report.Table{Title: "维修工程", Columns: []report.Column{
		{Title: "工程名称", Width: 2}, {Title: "施工单位", Width: 1.4}, {Title: "审价金额", Kind: report.KindMoney},
		{Title: "本年支出", Kind: report.KindMoney}, {Title: "累计支出", Kind: report.KindMoney}, {Title: "验收日期", Width: 0.9},
	}}
	for _, id := range ids {
		pr, err := s.Project(id)
		if err != nil {
			return err
		}
		xs, err := s.ProjectExpenses(id, p.From, p.To)
		if err != nil {
			return err
		}
		var year ledger.Money
		for _, x := range xs {
			year = year.Add(x.Amount)
		}
		t.Add(report.Text(pr.Name), report.Text(dashIfEmpty(pr.Contractor)), report.Money(pr.CostAudit), report.Money(year),
			report.Money(pr.Charged), report.Text(dashIfEmpty(pr.AcceptedOn)))
	}
	d.Add(report.Heading("五、维修工程"))
	if len(t.Rows) == 0 {
		d.Add(report.Paragraph("本年度没有使用维修资金的工程。"))
		return nil
	}
	t.SumMoney("合计", 3)
	d.Add(t, report.Paragraph("各工程的表决、审价、验收及分摊明细见《维修资金支出明细》，可向业主委员会查阅。"))
	return nil
}

// purposeName is what a resolution decided, in Chinese.
var purposeName = map[ledger.Purpose]string{
	ledger.PurposeGeneral: "一般事项", ledger.PurposeAllocation: "拨付工作经费", ledger.PurposeOtherUse: "公共收益其他用途",
	ledger.PurposeBudget: "批准年度预算", ledger.PurposeBudgetRaise: "追加预算", ledger.PurposeContract: "公共收益合同",
	ledger.PurposeDelegation: "授权业委会决定", ledger.PurposeRepairDelegation: "小额维修授权", ledger.PurposeRepair: "维修工程表决",
	ledger.PurposeReplenish: "续筹决定",
}

// annualDecisions is the committee's work as the register shows it: the year's decisions of
// the owners' assembly and of the committee, their result and the notice (公告 within 3 days)
// — the statute's report covers the committee's work, which the list leaves out.
func annualDecisions(s *store.Store, _ store.Community, p Params, d *report.Doc) error {
	reg, err := s.Register()
	if err != nil {
		return err
	}
	t := &report.Table{Title: "本年度决议", Columns: []report.Column{
		{Title: "日期", Kind: report.KindDate}, {Title: "决议机构", Width: 0.9}, {Title: "事项", Width: 1.1}, {Title: "事由", Width: 2.4},
		{Title: "结果", Width: 0.6, Align: report.AlignCenter}, {Title: "公告日期", Width: 0.9},
	}}
	late := 0
	for i := len(reg) - 1; i >= 0; i-- { // oldest first
		r := reg[i]
		if r.Date < p.From || r.Date > p.To {
			continue
		}
		result := "未通过"
		if r.Passed {
			result = "通过"
		}
		pub := r.PublishedOn
		switch {
		case r.Purpose == ledger.PurposeRepair || r.Purpose == ledger.PurposeReplenish:
			pub = "—" // the vote's own record, published with its project or case (as on the resolutions screen)
		case pub == "":
			pub = "未公告"
			late++
		case pub > r.PublishDue:
			late++
		}
		name := purposeName[r.Purpose]
		if name == "" {
			name = string(r.Purpose)
		}
		t.Add(report.Date(r.Date), report.Text(bodyName(r.Body)), report.Text(name), report.Text(r.Subject), report.Text(result), report.Text(pub))
	}
	d.Add(report.Heading("六、业主大会和业主委员会的决议"))
	if len(t.Rows) == 0 {
		d.Add(report.Paragraph("本年度没有登记决议。"))
		return nil
	}
	note := "需公告的决议均已在作出后 3 日内公告。"
	if late > 0 {
		note = fmt.Sprintf("其中 %d 项决议未在作出后 3 日内公告。", late)
	}
	d.Add(t, report.Paragraph(fmt.Sprintf("本年度共登记决议 %d 项。", len(t.Rows))+note))
	return nil
}

// annualRecords is the year's disclosures, closed periods, and the audits of this year and the
// year before with their findings (the audit package's records).
func annualRecords(s *store.Store, c store.Community, p Params, d *report.Doc) error {
	r, err := recordsDoc(s, c, p)
	if err != nil {
		return err
	}
	d.Add(report.Heading("七、公示、结账与审计"))
	d.Add(r.Blocks...)
	return nil
}

// annualNextYear is next year's working-expense budget as approved (or blank lines for it),
// and ruled fields for the plan, which the secretary writes in by hand before the assembly.
func annualNextYear(s *store.Store, _ store.Community, p Params, d *report.Doc) error {
	next := p.Year + 1
	lines, err := s.BudgetVsActual(next)
	if err != nil {
		return err
	}
	bt := &report.Table{Title: fmt.Sprintf("%d年度工作经费预算", next), Columns: []report.Column{
		{Title: "科目编码", Width: 0.7, Align: report.AlignCenter}, {Title: "支出项目", Width: 1.8}, {Title: "预算金额", Kind: report.KindMoney},
		{Title: "说明", Width: 2},
	}}
	var total ledger.Money
	for _, l := range lines {
		total = total.Add(l.Budget)
		bt.Add(report.Text(l.AccountCode), report.Text(l.Name), moneyOrBlank(l.Budget), report.Text(""))
	}
	bt.SumMoney("合计")
	d.Add(report.Heading(fmt.Sprintf("八、%d年度预算", next)), bt)
	if total.IsZero() {
		d.Add(report.Paragraph("下年度预算尚未经业主大会批准：请在上表填写拟提交业主大会表决的金额。"))
	} else {
		d.Add(report.Paragraph(budgetApprovalText(s, next)))
	}
	plan := &report.Table{Title: fmt.Sprintf("%d年度工作计划", next), Columns: []report.Column{
		{Title: "序号", Kind: report.KindInt, Width: 0.4}, {Title: "计划事项", Width: 3}, {Title: "预计金额（元）", Width: 1},
		{Title: "时间安排", Width: 0.9}, {Title: "资金来源", Width: 1},
	}}
	for i := 1; i <= 8; i++ {
		plan.Add(report.Int(int64(i)), report.Text(""), report.Text(""), report.Text(""), report.Text(""))
	}
	d.Add(report.Heading(fmt.Sprintf("九、%d年度工作计划", next)),
		report.Paragraph("由业主委员会在提交业主大会前填写（维修工程、续筹、合同续签、审计、公示等）。"), plan)
	return nil
}
