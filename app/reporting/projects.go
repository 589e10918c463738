package reporting

import (
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// projectData is everything the projects report shows of one project.
type projectData struct {
	p        store.Project
	votes    []store.Resolution
	vouchers []store.ProjectExpense
	shares   []store.UnitShare
	charged  ledger.Money // Σ of the period's vouchers
}

func projectsOf(s *store.Store, p Params) ([]projectData, error) {
	var ids []int64
	if p.ProjectID != 0 {
		ids = []int64{p.ProjectID}
	} else {
		var err error
		if ids, err = s.ProjectsInPeriod(p.From, p.To); err != nil {
			return nil, err
		}
	}
	out := make([]projectData, 0, len(ids))
	for _, id := range ids {
		var d projectData
		var err error
		if d.p, err = s.Project(id); err != nil {
			return nil, err
		}
		if d.votes, err = s.ProjectResolutions(id); err != nil {
			return nil, err
		}
		slices.SortStableFunc(d.votes, func(a, b store.Resolution) int {
			if a.Date != b.Date {
				return compare(a.Date, b.Date)
			}
			return compare(a.ID, b.ID)
		})
		if d.vouchers, err = s.ProjectExpenses(id, p.From, p.To); err != nil {
			return nil, err
		}
		for _, v := range d.vouchers {
			d.charged = d.charged.Add(v.Amount)
		}
		if d.shares, err = s.ProjectShares(id, p.From, p.To); err != nil {
			return nil, err
		}
		var shared ledger.Money
		for _, sh := range d.shares {
			shared = shared.Add(sh.Amount)
		}
		if shared != d.charged {
			return nil, errNotAddingUp(d.p.Name+" 分摊明细", shared, d.charged)
		}
		out = append(out, d)
	}
	return out, nil
}

func compare[T int64 | string](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func scopeText(pd store.Project) string {
	kind := map[string]string{"community": "全体业主（全小区）", "buildings": "相关楼幢", "units": "相关房屋"}[pd.ScopeKind]
	if kind == "" {
		kind = pd.ScopeKind
	}
	return kind + "：" + strconv.Itoa(pd.ScopeUnits) + " 户，建筑面积 " + areaText(pd.ScopeAreaCM2) + "，业主 " +
		strconv.FormatInt(pd.ScopeOwners, 10) + " 人"
}

func useText(pd store.Project) string {
	if pd.EmergencyTrigger != "" {
		return "应急使用（" + emergencyTrigger(pd.EmergencyTrigger) + "）"
	}
	return "一般使用（经业主表决）"
}

func dateOrDash(d string) string {
	if d == "" {
		return "—"
	}
	return d
}

func moneyOrDash(m ledger.Money) string {
	if m.IsZero() {
		return "—"
	}
	return m.Grouped()
}

func bodyText(b string) string {
	switch b {
	case "assembly":
		return "业主大会"
	case "partial":
		return "相关业主"
	}
	return b
}

// votesTable shows each vote's figures against its scope: participation as a share of the
// scope's area and owners (≥ 2/3 needed), approval as a share of those taking part (> 1/2).
func votesTable(title string, votes []store.Resolution, withProject func(store.Resolution) report.Cell) *report.Table {
	cols := []report.Column{
		{Title: "表决日期", Kind: report.KindDate}, {Title: "表决事项", Width: 2.2}, {Title: "表决主体", Width: 0.9},
		{Title: "参与面积占比", Kind: report.KindPercent}, {Title: "参与人数占比", Kind: report.KindPercent},
		{Title: "同意面积占参与", Kind: report.KindPercent}, {Title: "同意人数占参与", Kind: report.KindPercent},
		{Title: "结果", Width: 0.7, Align: report.AlignCenter},
	}
	if withProject != nil {
		cols = append([]report.Column{{Title: "工程", Width: 2}}, cols...)
	}
	t := &report.Table{Title: title, Columns: cols}
	for _, v := range votes {
		result := "未通过"
		if v.Passed {
			result = "通过"
		}
		row := []report.Cell{report.Date(v.Date), report.Text(v.Title), report.Text(bodyText(v.Body)),
			shareCell(v.PartArea, v.ScopeArea), shareCell(v.PartOwners, v.ScopeOwners),
			shareCell(v.AgreeArea, v.PartArea), shareCell(v.AgreeOwners, v.PartOwners), report.Text(result)}
		if withProject != nil {
			row = append([]report.Cell{withProject(v)}, row...)
		}
		t.Add(row...)
	}
	return t
}

func expenseTable(title string, vs []store.ProjectExpense) *report.Table {
	t := &report.Table{Title: title, Columns: []report.Column{
		{Title: "日期", Kind: report.KindDate}, {Title: "凭证号", Width: 1}, {Title: "摘要", Width: 3},
		{Title: "附件", Kind: report.KindInt, Width: 0.5}, {Title: "金额", Kind: report.KindMoney},
	}}
	for _, v := range vs {
		t.Add(report.Date(v.Date), report.Text(v.No), report.Text(v.Summary), report.Int(int64(v.Attachments)), report.Money(v.Amount))
	}
	t.SumMoney("合计")
	return t
}

func sharesTable(title string, shares []store.UnitShare) *report.Table {
	t := &report.Table{Title: title, Columns: []report.Column{
		{Title: "序号", Kind: report.KindInt, Width: 0.5}, {Title: "房屋", Width: 1.2}, {Title: "业主", Width: 1},
		{Title: "建筑面积（m²）", Kind: report.KindNumber}, {Title: "分摊金额", Kind: report.KindMoney},
	}}
	var area int64
	for i, sh := range shares {
		area += sh.AreaCM2
		t.Add(report.Int(int64(i+1)), report.Text(unitName(sh.BuildingCode, sh.Room)), report.Text(sh.Owner),
			report.Number(decimal.New(sh.AreaCM2, -2), 2), report.Money(sh.Amount))
	}
	t.SumMoney("合计")
	t.Totals[3] = report.Number(decimal.New(area, -2), 2)
	return t
}

// BuildProjects is the 维修资金支出明细: for every repair project created or paid in the
// period (or the one p.ProjectID names), its scope, the votes with their participation and
// approval, contract, cost audit and acceptance, the vouchers that paid it, and how the
// period's expense fell on each unit.
func BuildProjects(s *store.Store, p Params) (report.Doc, error) {
	if err := p.Normalize(KindProjects); err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	ps, err := projectsOf(s, p)
	if err != nil {
		return report.Doc{}, err
	}
	d := newDoc(c, "专项维修资金使用支出明细表", ledger.BookFund, p)
	d.Add(projectsOverview(ps))
	if len(ps) == 0 {
		d.Add(report.Paragraph("本期没有维修工程，也没有维修资金支出。"))
	}
	for i, pd := range ps {
		d.Add(report.PageBreak{})
		d.Add(projectBlocks(i+1, pd)...)
	}
	return d, nil
}

// projectsOverview is one line per project: what it cost the fund in the period.
func projectsOverview(ps []projectData) *report.Table {
	t := &report.Table{Title: "工程一览", Columns: []report.Column{
		{Title: "序号", Kind: report.KindInt, Width: 0.5}, {Title: "工程名称", Width: 3}, {Title: "使用方式", Width: 1},
		{Title: "审价金额", Kind: report.KindMoney}, {Title: "累计列支", Kind: report.KindMoney}, {Title: "本期列支", Kind: report.KindMoney},
		{Title: "分摊户数", Kind: report.KindInt, Width: 0.7},
	}}
	for i, pd := range ps {
		use := "一般"
		if pd.p.EmergencyTrigger != "" {
			use = "应急"
		}
		t.Add(report.Int(int64(i+1)), report.Text(pd.p.Name), report.Text(use), report.Money(pd.p.CostAudit), report.Money(pd.p.Charged),
			report.Money(pd.charged), report.Int(int64(len(pd.shares))))
	}
	t.SumMoney("合计", 5)
	return t
}

func projectBlocks(n int, pd projectData) []report.Block {
	pr := pd.p
	blocks := []report.Block{
		report.Heading(cnOrdinal(n) + "、" + pr.Name),
		report.Fields{
			{Label: "维修原因", Value: dashIfEmpty(pr.Reason)},
			{Label: "使用方式", Value: useText(pr)},
			{Label: "分摊范围", Value: scopeText(pr)},
			{Label: "立项日期", Value: dateOrDash(pr.CreatedOn)},
			{Label: "预算金额", Value: moneyOrDash(pr.Budget)},
			{Label: "施工单位", Value: dashIfEmpty(pr.Contractor)},
			{Label: "选定方式", Value: dashIfEmpty(pr.SelectionMethod)},
			{Label: "合同编号", Value: dashIfEmpty(pr.ContractNo)},
			{Label: "审价金额", Value: moneyOrDash(pr.CostAudit)},
			{Label: "竣工验收日期", Value: dateOrDash(pr.AcceptedOn)},
			{Label: "累计列支", Value: pr.Charged.Grouped()},
			{Label: "本期列支", Value: pd.charged.Grouped()},
		},
	}
	if pr.EmergencyTrigger == "" {
		if len(pd.votes) > 0 {
			blocks = append(blocks, votesTable("业主表决情况", pd.votes, nil))
		} else {
			blocks = append(blocks, report.Paragraph("尚无表决记录。"))
		}
	}
	if len(pd.vouchers) > 0 {
		blocks = append(blocks, expenseTable("支出凭证", pd.vouchers))
	}
	if len(pd.shares) > 0 {
		blocks = append(blocks, sharesTable("分摊明细（按建筑面积分摊，精确到分）", pd.shares))
	}
	return blocks
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// BuildProjectsSheets is the projects report as a workbook: the overview, every vote, every
// voucher and every unit's share, each in one table with the project named on each line.
func BuildProjectsSheets(s *store.Store, p Params) (report.Doc, error) {
	if err := p.Normalize(KindProjects); err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	ps, err := projectsOf(s, p)
	if err != nil {
		return report.Doc{}, err
	}
	d := newDoc(c, "专项维修资金使用支出明细表", ledger.BookFund, p)
	info := &report.Table{Title: "工程信息", Columns: []report.Column{
		{Title: "工程名称", Width: 3}, {Title: "使用方式"}, {Title: "分摊范围", Width: 3}, {Title: "立项日期", Kind: report.KindDate},
		{Title: "预算金额", Kind: report.KindMoney}, {Title: "施工单位"}, {Title: "选定方式"}, {Title: "合同编号"},
		{Title: "审价金额", Kind: report.KindMoney}, {Title: "竣工验收日期", Kind: report.KindDate},
		{Title: "累计列支", Kind: report.KindMoney}, {Title: "本期列支", Kind: report.KindMoney},
	}}
	var votes []store.Resolution
	names := map[int64]string{}
	expenses := &report.Table{Title: "支出凭证", Columns: append([]report.Column{{Title: "工程", Width: 2}}, expenseTable("", nil).Columns...)}
	shares := &report.Table{Title: "分摊明细", Columns: append([]report.Column{{Title: "工程", Width: 2}}, sharesTable("", nil).Columns...)}
	for _, pd := range ps {
		pr := pd.p
		names[pr.ID] = pr.Name
		info.Add(report.Text(pr.Name), report.Text(useText(pr)), report.Text(scopeText(pr)), report.Date(pr.CreatedOn), report.Money(pr.Budget),
			report.Text(pr.Contractor), report.Text(pr.SelectionMethod), report.Text(pr.ContractNo), report.Money(pr.CostAudit),
			report.Date(pr.AcceptedOn), report.Money(pr.Charged), report.Money(pd.charged))
		votes = append(votes, pd.votes...)
		for _, r := range expenseTable("", pd.vouchers).Rows {
			expenses.Add(append([]report.Cell{report.Text(pr.Name)}, r...)...)
		}
		for _, r := range sharesTable("", pd.shares).Rows {
			shares.Add(append([]report.Cell{report.Text(pr.Name)}, r...)...)
		}
	}
	expenses.SumMoney("合计")
	shares.SumMoney("合计")
	d.Add(projectsOverview(ps), info, votesTable("业主表决", votes, func(v store.Resolution) report.Cell { return report.Text(names[v.ProjectID]) }),
		expenses, shares)
	return d, nil
}
