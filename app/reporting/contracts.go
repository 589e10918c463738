package reporting

import (
	"strconv"
	"strings"
	"time"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// contractFigures is one contract's income in a period: what its terms expected and what was
// received, quarter by quarter, from store.ContractStatuses — the one source of expected and
// received, so the report follows whatever the store counts as received.
type contractFigures struct {
	store.ContractStatus
	Expected, Received ledger.Money
	Missing            []string // quarters of the period that expected income and received none
	Ended              bool     // ended before the as-of day
	Quarters           []store.ContractQuarter
}

// contractsAsOf is the day a report's contract flags are taken on: the day after its period,
// but never after the day it is generated (a quarter not yet over is not missing). It comes
// from Params, never from the clock.
func contractsAsOf(p Params) time.Time {
	t, _ := ledger.ParseDate(p.To)
	t = t.AddDate(0, 0, 1)
	if len(p.Generated) >= 10 {
		if g, err := ledger.ParseDate(p.Generated[:10]); err == nil && g.Before(t) {
			t = g
		}
	}
	return t
}

// contractsIn reads every contract's figures for the quarters overlapping from..to, as of asOf.
// It also returns what was received in all: for a contract the property company collects,
// what its quarterly statements report on the contract's lines; for one the committee
// collects, the income on its account, each account's quarter counted once (contracts booked
// on the same account share what it received).
func contractsIn(s *store.Store, from, to string, asOf time.Time) ([]contractFigures, ledger.Money, error) {
	sts, err := s.ContractStatuses(asOf)
	if err != nil {
		return nil, ledger.Zero, err
	}
	day := ledger.FormatDate(asOf)
	var out []contractFigures
	seen := map[string]bool{}
	var received ledger.Money
	for i := len(sts) - 1; i >= 0; i-- { // oldest start first
		st := sts[i]
		if st.Start > to || st.End < from {
			continue
		}
		f := contractFigures{ContractStatus: st, Ended: st.End < day}
		for _, q := range st.Quarters {
			qp, err := ledger.QuarterPeriod(q.Quarter)
			if err != nil || qp.To < from || qp.From > to {
				continue
			}
			f.Quarters = append(f.Quarters, q)
			f.Expected, f.Received = f.Expected.Add(q.Expected), f.Received.Add(q.Received)
			if q.Missing {
				f.Missing = append(f.Missing, q.Quarter)
			}
			k := st.AccountCode + "/" + q.Quarter
			if st.Collector == "property" {
				k = "#" + strconv.FormatInt(st.ID, 10) + "/" + q.Quarter
			}
			if !seen[k] {
				seen[k] = true
				received = received.Add(q.Received)
			}
		}
		out = append(out, f)
	}
	return out, received, nil
}

// heldByPropertyCompany is what the property company reported for the period's quarters and
// what it transferred to the owners' assembly's account: its statements' gross, deductions and
// net, and the receivable 应收物业公司公共收益 brought forward, recognised, transferred and
// still held — reported against received at the level money actually moves (a transfer
// settles the receivable as a whole, not contract by contract). Nothing when it never sent a
// statement.
func heldByPropertyCompany(s *store.Store, from, to string) ([]report.Block, error) {
	stmts, err := s.Statements()
	if err != nil {
		return nil, err
	}
	var gross, deducted, net ledger.Money
	n := 0
	for _, st := range stmts {
		qp, err := ledger.QuarterPeriod(st.Quarter)
		if err != nil || st.Reversed || qp.To < from || qp.From > to {
			continue
		}
		gross, deducted, net = gross.Add(st.Gross), deducted.Add(st.Deductions), net.Add(st.Net)
		n++
	}
	accts, err := s.AccountTotals(ledger.BookPublic, from, to)
	if err != nil {
		return nil, err
	}
	var r store.AccountPeriod
	found := false
	for _, a := range accts {
		if a.Code == ledger.CodeReceivable {
			r, found = a, true
		}
	}
	if !found && n == 0 {
		return nil, nil
	}
	return []report.Block{report.Heading("物业公司报告与划转"), report.Fields{
		{Label: "季度收支报告", Value: strconv.Itoa(n) + " 份"},
		{Label: "报告收入（毛额）", Value: gross.Grouped()},
		{Label: "报告扣除（税费、人工、管理成本）", Value: deducted.Grouped()},
		{Label: "报告净收益", Value: net.Grouped()},
		{Label: "期初物业公司代收未划转", Value: r.Opening.Grouped()},
		{Label: "本期确认净收益", Value: r.Debit.Grouped()},
		{Label: "本期划转至业主大会账户", Value: r.Credit.Grouped()},
		{Label: "期末物业公司代收未划转", Value: r.Closing.Grouped()},
	}, report.Paragraph("物业公司按季度报告的净收益计入“应收物业公司公共收益”，从监管账户划转到业主大会账户时冲减；期末余额为物业公司代收、尚未划转的公共收益，应在下次划转或物业公司退出时（10 日内）交回。")}, nil
}

// quarterLabel is "2025年第三季度" for "2025Q3".
func quarterLabel(q string) string {
	if p, err := ledger.QuarterPeriod(q); err == nil {
		return PeriodLabel(p.From, p.To)
	}
	return q
}

// quartersText is "2025年第一、二季度、2026年第一季度" for 2025Q1, 2025Q2, 2026Q1: each year
// named once, so that a long run of missing quarters fits its cell.
func quartersText(qs []string) string {
	var parts []string
	year := ""
	var nums []string
	flush := func() {
		if year != "" {
			parts = append(parts, year+"年第"+strings.Join(nums, "、")+"季度")
		}
	}
	for _, q := range qs {
		y, n, ok := strings.Cut(q, "Q")
		i, err := strconv.Atoi(n)
		if !ok || err != nil || i < 1 || i > 4 {
			continue
		}
		if y != year {
			flush()
			year, nums = y, nil
		}
		nums = append(nums, cnNum[i])
	}
	flush()
	return strings.Join(parts, "、")
}

// contractFlags is what a contract needs attention for, in words.
func (f contractFigures) flags() string {
	var out []string
	switch {
	case f.Ended:
		out = append(out, f.End+" 已到期")
	case f.Expiring:
		out = append(out, "将于 "+f.End+" 到期，请及时续签或另行表决")
	}
	if len(f.Missing) > 0 {
		out = append(out, quartersText(f.Missing)+"未收到收益")
	}
	if len(out) == 0 {
		return "正常"
	}
	return strings.Join(out, "；")
}

// contractScope is "全小区" or the building's code.
func contractScope(buildings map[int64]string, id int64) string {
	if id == 0 {
		return "全小区"
	}
	return buildings[id]
}

// receivedNote says where "received" comes from (store.ContractStatuses).
const receivedNote = "实收：物业公司收取的合同，为其季度收支报告中该合同各行的收入；业委会自收的合同，为合同收入科目当季入账的收益" +
	"（几份合同记入同一科目时为该科目的合计，合计行每个科目每季只计一次）。差额为负表示少收，没有收到收益的季度请向收取方核实。"

var contractPer = map[string]string{"month": "每月", "quarter": "每季", "year": "每年"}
var contractCollector = map[string]string{"property": "物业公司", "committee": "业委会"}

// contractIncomeTable is expected against received per contract, with the flags, and the
// period's totals (received counted once per account and quarter).
func contractIncomeTable(title string, fs []contractFigures, received ledger.Money) *report.Table {
	t := &report.Table{Title: title, Columns: []report.Column{
		{Title: "合同相对方", Width: 2.6}, {Title: "共有部分", Width: 1.5}, {Title: "本期应收", Kind: report.KindMoney},
		{Title: "本期实收", Kind: report.KindMoney}, {Title: "差额", Kind: report.KindMoney}, {Title: "提示", Width: 1.8},
	}}
	var expected ledger.Money
	for _, f := range fs {
		expected = expected.Add(f.Expected)
		t.Add(report.Text(f.Counterparty), report.Text(f.CommonPart), report.Money(f.Expected), report.Money(f.Received),
			report.Money(f.Received.Sub(f.Expected)), report.Text(f.flags()))
	}
	t.Totals = []report.Cell{report.Text("合计"), report.Text(""), report.Money(expected), report.Money(received),
		report.Money(received.Sub(expected)), report.Text("")}
	return t
}

// BuildContracts is the 公共收益合同情况表 of a period: the register (counterparty, common
// part, scope, term, amount, collector, approving resolution), each contract's expected and
// received income with its flags (ending within 90 days, quarters without income), and the
// quarters one by one.
func BuildContracts(s *store.Store, p Params) (report.Doc, error) {
	if err := p.Normalize(KindContracts); err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	asOf := contractsAsOf(p)
	fs, received, err := contractsIn(s, p.From, p.To, asOf)
	if err != nil {
		return report.Doc{}, err
	}
	bs, err := s.Buildings()
	if err != nil {
		return report.Doc{}, err
	}
	buildings := map[int64]string{}
	for _, b := range bs {
		buildings[b.ID] = b.Code
	}
	reg, err := s.Register()
	if err != nil {
		return report.Doc{}, err
	}
	resolutions := map[int64]store.RegisterEntry{}
	for _, r := range reg {
		resolutions[r.ID] = r
	}
	d := newDoc(c, "公共收益合同登记及收益情况表", ledger.BookPublic, p)
	d.Landscape = true
	d.Add(report.Paragraph("利用共有部分经营须经业主大会（或其授权的业主委员会）决定，所得收益归业主共有、单独列账。" +
		"本表按合同约定的每期金额逐季计算应收收益，与该合同收入科目当季实际入账的收益对照，并标出 90 天内到期的合同和没有收到收益的季度（截至 " +
		ledger.FormatDate(asOf) + "）。"))
	if len(fs) == 0 {
		d.Add(report.Paragraph("本期没有有效的公共收益合同。"))
		return d, nil
	}
	reg1 := &report.Table{Title: "合同登记", Columns: []report.Column{
		{Title: "序号", Kind: report.KindInt, Width: 0.4}, {Title: "合同相对方", Width: 1.8}, {Title: "共有部分", Width: 1.5},
		{Title: "范围", Width: 0.6}, {Title: "起始日期", Kind: report.KindDate}, {Title: "终止日期", Kind: report.KindDate},
		{Title: "每期金额", Kind: report.KindMoney}, {Title: "周期", Width: 0.5, Align: report.AlignCenter},
		{Title: "收取方", Width: 0.7}, {Title: "收入科目", Width: 0.6, Align: report.AlignCenter}, {Title: "批准决议", Width: 1.6},
	}}
	for i, f := range fs {
		r := resolutions[f.ResolutionID]
		reg1.Add(report.Int(int64(i+1)), report.Text(f.Counterparty), report.Text(f.CommonPart), report.Text(contractScope(buildings, f.BuildingID)),
			report.Date(f.Start), report.Date(f.End), report.Money(f.Amount), report.Text(contractPer[f.Period]),
			report.Text(contractCollector[f.Collector]), report.Text(f.AccountCode), report.Text("#"+strconv.FormatInt(f.ResolutionID, 10)+" "+r.Date+" "+r.Subject))
	}
	d.Add(reg1, contractIncomeTable("应收与实收", fs, received))
	d.Add(report.Paragraph(receivedNote))
	held, err := heldByPropertyCompany(s, p.From, p.To)
	if err != nil {
		return d, err
	}
	d.Add(held...)
	qt := &report.Table{Title: "分季度明细", Columns: []report.Column{
		{Title: "合同相对方", Width: 2}, {Title: "季度", Width: 1.4}, {Title: "应收", Kind: report.KindMoney},
		{Title: "实收", Kind: report.KindMoney}, {Title: "状态", Width: 1.2},
	}}
	for _, f := range fs {
		for _, q := range f.Quarters {
			state := ""
			if q.Missing {
				state = "未收到收益"
			}
			qt.Add(report.Text(f.Counterparty), report.Text(quarterLabel(q.Quarter)), report.Money(q.Expected), report.Money(q.Received), report.Text(state))
		}
	}
	d.Add(qt)
	return d, nil
}
