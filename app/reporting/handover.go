package reporting

import (
	"strconv"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// handoverSignatures are the sign-off blocks of a hand-over: both committees and the street
// office that witnesses it (街道办事处监交).
var handoverSignatures = []string{"移交方（原业委会主任）", "接收方（新业委会主任）", "监交人（街道办事处）"}

// BuildHandover is the 换届移交清单 on the hand-over date (Params.To): the three books' balances
// and bank balances, open replenishment dues, open projects and their commitments, the
// public-income contracts, unpublished disclosures and audits outstanding, the attachments
// inventory, the chain head and verify result, and the signature blocks.
func BuildHandover(s *store.Store, p Params) (report.Doc, error) {
	date := p.To
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	d := newDoc(c, KindHandover.Title(), "", p)
	d.Period = "移交日期 " + date
	d.Signatures = handoverSignatures
	out, in := "", ""
	hs, err := s.Handovers()
	if err != nil {
		return report.Doc{}, err
	}
	for _, h := range hs {
		if h.Date == date {
			out, in = h.Outgoing, h.Incoming
		}
	}
	d.Add(report.Heading("一、移交基本情况"), report.Fields{
		{Label: "物业管理区域", Value: c.Name},
		{Label: "移交日期", Value: date},
		{Label: "移交方", Value: dashIfEmpty(out)},
		{Label: "接收方", Value: dashIfEmpty(in)},
		{Label: "本届任期", Value: dashIfEmpty(c.TermStart + " 至 " + c.TermEnd)},
		{Label: "维修资金账户", Value: dashIfEmpty(c.FundBank + " " + c.FundAccount)},
	})
	for _, part := range []func(*store.Store, string, *report.Doc) error{handoverBooks, handoverDues, handoverProjects, handoverDeadlines} {
		if err := part(s, date, &d); err != nil {
			return report.Doc{}, err
		}
	}
	if err := handoverContracts(s, date, &d); err != nil {
		return report.Doc{}, err
	}
	att, err := attachmentsDoc(s, c, Params{From: c.StartDate, To: date})
	if err != nil {
		return report.Doc{}, err
	}
	d.Add(report.Heading("七、附件清单（账本内保存的凭证附件与记录附件）"))
	d.Add(att.Blocks...)
	res, err := s.Verify()
	if err != nil {
		return report.Doc{}, err
	}
	d.Add(report.Heading("八、账本链头与完整性校验"))
	d.Add(verifyBlocks(res)...)
	d.Add(report.Paragraph("接收方日后可用“jiayuan verify --ledger 账本文件 --head '#序号 哈希'”核对本清单页脚的链头：" +
		"链头仍在链中即说明移交时的账目未被改写，并列出移交后新增的凭证和变更。"))
	return d, nil
}

// handoverBooks is each book's balance with the bank's on the hand-over date.
func handoverBooks(s *store.Store, date string, d *report.Doc) error {
	t := &report.Table{Title: "三本账余额", Columns: []report.Column{
		{Title: "账簿", Width: 1.6}, {Title: "账面余额（银行存款）", Kind: report.KindMoney}, {Title: "银行对账单余额", Kind: report.KindMoney},
		{Title: "差额", Kind: report.KindMoney}, {Title: "说明", Width: 1.8},
	}}
	for _, b := range ledger.Books {
		bal, err := s.BookBalancesAt(b, []string{date})
		if err != nil {
			return err
		}
		rec, err := s.Reconcile(b, date, store.ReconcileOptions{})
		if ledger.KeyOf(err) != "" {
			t.Add(report.Text(BookName(b)), report.Money(bal[0]), report.Text("—"), report.Text("—"), report.Text("未导入银行对账单，请附银行出具的余额证明"))
			continue
		} else if err != nil {
			return err
		}
		note := "一致"
		if diff := bal[0].Sub(rec.BankBalance); !diff.IsZero() {
			note = "见银行存款余额调节表"
		}
		t.Add(report.Text(BookName(b)), report.Money(bal[0]), report.Money(rec.BankBalance), report.Money(bal[0].Sub(rec.BankBalance)), report.Text(note))
	}
	d.Add(report.Heading("二、三本账余额与银行余额"), t)
	return nil
}

// handoverDues lists the replenishment cases not closed and what is still unpaid.
func handoverDues(s *store.Store, date string, d *report.Doc) error {
	cases, err := s.ReplenishmentCases()
	if err != nil {
		return err
	}
	t := &report.Table{Title: "未收齐的续筹", Columns: []report.Column{
		{Title: "案件", Kind: report.KindInt, Width: 0.6}, {Title: "触发日期", Kind: report.KindDate}, {Title: "状态", Width: 0.8},
		{Title: "应交", Kind: report.KindMoney}, {Title: "已交", Kind: report.KindMoney}, {Title: "未交", Kind: report.KindMoney}, {Title: "欠交户数", Kind: report.KindInt},
	}}
	for _, rc := range cases {
		if rc.Status == "closed" || rc.TriggerDate > date {
			continue
		}
		status := map[string]string{"open": "待表决", "noticed": "银行已通知"}[rc.Status]
		t.Add(report.Int(rc.ID), report.Date(rc.TriggerDate), report.Text(status), report.Money(rc.Due), report.Money(rc.Paid),
			report.Money(rc.Due.Sub(rc.Paid)), report.Int(int64(rc.Units)))
	}
	d.Add(report.Heading("三、未收齐的续筹款"))
	if len(t.Rows) == 0 {
		d.Add(report.Paragraph("无未结的续筹案件。"))
	} else {
		d.Add(t)
	}
	return nil
}

// handoverProjects lists the repair projects not accepted, or with money still committed
// (their cost-audit amount, else budget, beyond what was paid).
func handoverProjects(s *store.Store, date string, d *report.Doc) error {
	ps, err := s.Projects()
	if err != nil {
		return err
	}
	t := &report.Table{Title: "未完工程", Columns: []report.Column{
		{Title: "工程", Width: 2.2}, {Title: "施工单位", Width: 1.4}, {Title: "预算", Kind: report.KindMoney}, {Title: "审价金额", Kind: report.KindMoney},
		{Title: "已支付", Kind: report.KindMoney}, {Title: "尚需支付", Kind: report.KindMoney}, {Title: "验收", Width: 0.9},
	}}
	for _, pr := range ps {
		if pr.CreatedOn > date {
			continue
		}
		limit := pr.CostAudit
		if limit.IsZero() {
			limit = pr.Budget
		}
		left := limit.Sub(pr.Charged)
		if left.Sign() < 0 {
			left = ledger.Zero
		}
		if pr.AcceptedOn != "" && left.IsZero() {
			continue
		}
		t.Add(report.Text(pr.Name), report.Text(dashIfEmpty(pr.Contractor)), report.Money(pr.Budget), report.Money(pr.CostAudit),
			report.Money(pr.Charged), report.Money(left), report.Text(dashIfEmpty(pr.AcceptedOn)))
	}
	d.Add(report.Heading("四、未完工程及其承诺"))
	if len(t.Rows) == 0 {
		d.Add(report.Paragraph("无未完工程。"))
	} else {
		t.SumMoney("合计", 5)
		d.Add(t)
	}
	return nil
}

// handoverDeadlines lists the disclosures not yet published and the audits outstanding on
// the date (R7).
func handoverDeadlines(s *store.Store, date string, d *report.Doc) error {
	day, err := ledger.ParseDate(date)
	if err != nil {
		return err
	}
	st, err := s.Status(day, false)
	if err != nil {
		return err
	}
	t := &report.Table{Title: "未公示与未审计", Columns: []report.Column{
		{Title: "事项", Width: 1}, {Title: "账簿或年度", Width: 1.4}, {Title: "期间", Width: 1.8}, {Title: "截止日期", Kind: report.KindDate}, {Title: "状态", Width: 0.7},
	}}
	for _, it := range st.Due {
		what, whose := "公示", BookName(it.Book)
		if it.Kind == "audit" {
			what, whose = "审计", strconv.Itoa(it.Year)+" 年度"
		}
		state := "未到期"
		if it.Overdue {
			state = "已逾期"
		}
		t.Add(report.Text(what), report.Text(whose), report.Text(it.Period.From+" 至 "+it.Period.To), report.Date(it.Due), report.Text(state))
	}
	d.Add(report.Heading("五、未公示的期间与未完成的审计"))
	if len(t.Rows) == 0 {
		d.Add(report.Paragraph("无到期未公示的期间，无未完成的审计。"))
	} else {
		d.Add(t)
	}
	return nil
}

// handoverContracts lists the public-income contracts in force on the hand-over date; their
// signed originals go with the list.
func handoverContracts(s *store.Store, date string, d *report.Doc) error {
	cs, err := s.Contracts()
	if err != nil {
		return err
	}
	t := &report.Table{Title: "公共收益合同", Columns: []report.Column{
		{Title: "对方", Width: 1.6}, {Title: "共用部位", Width: 1.4}, {Title: "期间", Width: 1.9}, {Title: "每期金额", Kind: report.KindMoney},
		{Title: "收取方", Width: 1}, {Title: "批准决议", Kind: report.KindInt, Width: 0.7},
	}}
	per := map[string]string{"month": "月", "quarter": "季", "year": "年"}
	for _, c := range cs {
		if c.Start > date || (c.End != "" && c.End < date) {
			continue
		}
		period := c.Period
		if p, ok := per[c.Period]; ok {
			period = "每" + p
		}
		t.Add(report.Text(c.Counterparty), report.Text(c.CommonPart), report.Text(c.Start+" 至 "+dashIfEmpty(c.End)+"（"+period+"）"),
			report.Money(c.Amount), report.Text(collectorName(c.Collector)), report.Int(c.ResolutionID))
	}
	d.Add(report.Heading("六、公共收益合同（移交日有效）"))
	if len(t.Rows) == 0 {
		d.Add(report.Paragraph("移交日没有登记在册的有效合同；纸质合同逐份清点移交。"))
	} else {
		d.Add(t, report.Paragraph("合同原件随本清单一并移交。"))
	}
	return nil
}

// collectorName says who collects a contract's income.
func collectorName(c string) string {
	if n, ok := map[string]string{"property": "物业（监管账户）", "committee": "业委会"}[c]; ok {
		return n
	}
	return dashIfEmpty(c)
}
