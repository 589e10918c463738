package reporting

import (
	"fmt"
	"strconv"
	"strings"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// The audit package (审计资料) of a year: one PDF with a cover, the contents, and every
// statement an auditor asks for, all stamped with the same chain head.

var auditSignatures = []string{"业委会主任", "执行秘书", "审计机构经办人"}

// auditSections builds the package's documents. With sheets, the projects come as the
// workbook's tables (one table of all votes, vouchers and shares) rather than page by page.
func auditSections(s *store.Store, p Params, sheets bool) ([]report.Doc, error) {
	c, err := s.Community()
	if err != nil {
		return nil, err
	}
	type section func() (report.Doc, error)
	sub := p
	sub.Progress = nil
	sub.Year = 0 // the sections are reports of the period From..To
	sections := []section{
		func() (report.Doc, error) { return integrityDoc(s, c, p) },
		func() (report.Doc, error) { q := sub; q.Book = ""; return BuildSummary(s, q) },
	}
	for _, b := range ledger.Books {
		b := b
		sections = append(sections, func() (report.Doc, error) { q := sub; q.Book = b; return BuildJournal(s, q) })
	}
	sections = append(sections,
		func() (report.Doc, error) { return unitSummaryDoc(s, c, sub) },
		func() (report.Doc, error) {
			if sheets {
				return BuildProjectsSheets(s, sub)
			}
			return BuildProjects(s, sub)
		},
		func() (report.Doc, error) { return BuildReplenishment(s, sub) },
		func() (report.Doc, error) { q := sub; q.Year = p.Year; return BuildWorking(s, q) },
		func() (report.Doc, error) { return recordsDoc(s, c, p) },
		func() (report.Doc, error) { return attachmentsDoc(s, c, p) },
		func() (report.Doc, error) { return signOffDoc(c, p), nil },
	)
	docs := make([]report.Doc, 0, len(sections))
	for i, f := range sections {
		p.progress(i, len(sections))
		d, err := f()
		if err != nil {
			return nil, err
		}
		if i < len(sections)-1 {
			d.Signatures = nil // signed once, at the end and on the cover
		}
		docs = append(docs, d)
	}
	p.progress(len(sections), len(sections))
	return docs, nil
}

// BuildAuditPackage is the 审计资料 of p.Year as one PDF.
func BuildAuditPackage(s *store.Store, p Params) (report.Package, error) {
	if err := p.Normalize(KindAuditPackage); err != nil {
		return report.Package{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Package{}, err
	}
	docs, err := auditSections(s, p, false)
	if err != nil {
		return report.Package{}, err
	}
	return report.Package{
		Title:      fmt.Sprintf("%d年度审计资料", p.Year),
		Community:  c.Name,
		Year:       p.Year,
		Generated:  p.Generated,
		Chain:      p.Chain,
		Signatures: []string{"业委会主任", "执行秘书"},
		Docs:       docs,
	}, nil
}

// BuildAuditPackageSheets is the audit package as one workbook: a sheet per table of every
// section, and the sections' other content on the first sheet.
func BuildAuditPackageSheets(s *store.Store, p Params) (report.Doc, error) {
	if err := p.Normalize(KindAuditPackage); err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	docs, err := auditSections(s, p, true)
	if err != nil {
		return report.Doc{}, err
	}
	d := newDoc(c, fmt.Sprintf("%d年度审计资料", p.Year), "", p)
	d.Signatures = nil
	for _, sd := range docs {
		d.Add(report.Heading(sd.Title))
		d.Add(sd.Blocks...)
	}
	return d, nil
}

// integrityDoc is the community's particulars and the result of verifying the ledger file.
func integrityDoc(s *store.Store, c store.Community, p Params) (report.Doc, error) {
	res, err := s.Verify()
	if err != nil {
		return report.Doc{}, err
	}
	d := newDoc(c, "账本基本情况与完整性校验", "", p)
	d.Add(report.Heading("一、基本情况"), report.Fields{
		{Label: "物业管理区域", Value: c.Name},
		{Label: "地址", Value: dashIfEmpty(c.Address)},
		{Label: "所属区、街道", Value: dashIfEmpty(c.District)},
		{Label: "业主大会代码", Value: dashIfEmpty(c.AssemblyCode)},
		{Label: "维修资金开户银行", Value: dashIfEmpty(c.FundBank)},
		{Label: "维修资金账号", Value: dashIfEmpty(c.FundAccount)},
		{Label: "业委会任期", Value: dashIfEmpty(strings.Trim(c.TermStart+" 至 "+c.TermEnd, " 至"))},
		{Label: "建账日期", Value: c.StartDate},
		{Label: "审计年度", Value: strconv.Itoa(p.Year) + " 年（" + p.From + " 至 " + p.To + "）"},
		{Label: "账簿", Value: "专项维修资金、公共收益、业委会工作经费（分别设账）"},
	})
	d.Add(report.Heading("二、账本完整性校验"))
	d.Add(verifyBlocks(res)...)
	d.Add(report.Paragraph("每页页脚印有生成本资料时的链头（序号与哈希前 12 位）。日后用同一账本文件执行“jiayuan verify --ledger 账本文件”，" +
		"若链头序号相同而哈希不同，或校验不通过，即说明账本在生成本资料后被改动。"))
	return d, nil
}

// verifyBlocks states the result of verifying the ledger file: the chain head when it holds,
// the first broken record when not.
func verifyBlocks(res store.VerifyResult) []report.Block {
	if res.OK {
		return []report.Block{report.Fields{
			{Label: "校验结果", Value: "完好：哈希链与所记录的凭证、分户账、资料变更逐条核对一致"},
			{Label: "记录条数", Value: strconv.FormatInt(res.Links, 10)},
			{Label: "链头序号", Value: "#" + strconv.FormatInt(res.Head.Seq, 10)},
			{Label: "链头哈希", Value: res.Head.Hash},
		}}
	}
	pr := res.Problem
	where := recordName(pr.Table)
	if pr.ID != 0 {
		where += fmt.Sprintf(" 编号 %d", pr.ID)
	}
	if pr.Seq != 0 {
		where += fmt.Sprintf("（链序号 %d）", pr.Seq)
	}
	kind := map[string]string{"integrity": "文件结构损坏", "chain": "哈希链断开", "voucher": "凭证被改动", "change": "资料变更记录被改动",
		"master": "资料与变更记录不符", "balance": "余额与分录不符", "attachment": "附件内容被改动", "numbering": "凭证编号不连续"}[pr.Kind]
	if kind == "" {
		kind = pr.Kind
	}
	return []report.Block{report.Fields{
		{Label: "校验结果", Value: "未通过：账本文件在本软件之外被改动"},
		{Label: "第一条损坏的记录", Value: where},
		{Label: "问题", Value: kind},
		{Label: "技术说明", Value: pr.Detail},
	}, report.Paragraph("以下各表仍按账本文件的现状生成，但账本已不可信：请从最近的完好备份恢复后重新生成，并向审计机构说明。")}
}

// recordName is a table or record kind of the ledger in Chinese, for verify's findings.
func recordName(t string) string {
	names := map[string]string{"vouchers": "凭证", "voucher": "凭证", "postings": "分录", "unit_entries": "分户账分录", "chain": "哈希链",
		"change_log": "资料变更记录", "owners": "业主", "owner": "业主", "units": "房屋", "unit": "房屋", "buildings": "楼幢", "building": "楼幢",
		"projects": "维修工程", "project": "维修工程", "resolutions": "表决", "resolution": "表决", "attachments": "附件", "attachment": "附件",
		"accounts": "会计科目", "account": "会计科目", "community": "小区资料", "account_balances": "科目余额", "unit_balances": "分户余额",
		"replenishment_cases": "续筹案件", "replenishment_case": "续筹案件", "audits": "审计", "audit": "审计", "disclosures": "公示",
		"disclosure": "公示", "budgets": "预算", "budget": "预算", "closed_periods": "结账期间", "closed_period": "结账期间"}
	if n, ok := names[t]; ok {
		return n + "（" + t + "）"
	}
	if t == "" {
		return "账本文件"
	}
	return t
}

// unitSummaryDoc is the per-unit summary of the period: one line per unit, not 5,000 statements.
func unitSummaryDoc(s *store.Store, c store.Community, p Params) (report.Doc, error) {
	units, err := s.UnitPeriodTotals(p.From, p.To, store.UnitSelect{})
	if err != nil {
		return report.Doc{}, err
	}
	d := newDoc(c, "维修资金分户汇总表", ledger.BookFund, p)
	d.Landscape = true
	var opening, in, out, closing ledger.Money
	for _, u := range units {
		opening, in, out, closing = opening.Add(u.Opening), in.Add(u.In()), out.Add(u.Repairs), closing.Add(u.Closing)
	}
	d.Add(report.Fields{
		{Label: "房屋户数", Value: strconv.Itoa(len(units))},
		{Label: "分户期初余额合计", Value: opening.Grouped()},
		{Label: "本期增加合计", Value: in.Grouped()},
		{Label: "本期减少合计", Value: out.Grouped()},
		{Label: "分户期末余额合计", Value: closing.Grouped()},
	}, report.Paragraph("本期增加为交存、利息及公共收益转入，本期减少为维修工程分摊。银行手续费等未分摊到户的收支不在分户账中，"+
		"故分户余额合计可能与维修资金账户余额略有差异。"), unitSummaryTable(units))
	return d, nil
}

// recordsDoc lists the year's disclosures, closed periods and audits with their findings.
func recordsDoc(s *store.Store, c store.Community, p Params) (report.Doc, error) {
	d := newDoc(c, "公示、结账与审计记录", "", p)
	ds, err := s.Disclosures()
	if err != nil {
		return d, err
	}
	dt := &report.Table{Title: "公示记录", Columns: []report.Column{
		{Title: "账簿", Width: 1.2}, {Title: "公示期间起", Kind: report.KindDate}, {Title: "公示期间止", Kind: report.KindDate},
		{Title: "公示日期", Kind: report.KindDate}, {Title: "公示地点", Width: 2},
	}}
	for i := len(ds) - 1; i >= 0; i-- { // oldest first
		x := ds[i]
		if x.Period.To >= p.From && x.Period.From <= p.To || x.PublishedOn >= p.From && x.PublishedOn <= p.To {
			dt.Add(report.Text(BookName(x.Book)), report.Date(x.Period.From), report.Date(x.Period.To), report.Date(x.PublishedOn), report.Text(x.Place))
		}
	}
	cps, err := s.ClosedPeriods()
	if err != nil {
		return d, err
	}
	ct := &report.Table{Title: "已结账期间", Columns: []report.Column{
		{Title: "账簿", Width: 1.2}, {Title: "期间起", Kind: report.KindDate}, {Title: "期间止", Kind: report.KindDate}, {Title: "结账日期", Kind: report.KindDate},
	}}
	for i := len(cps) - 1; i >= 0; i-- {
		x := cps[i]
		if x.Period.To >= p.From && x.Period.From <= p.To {
			ct.Add(report.Text(BookName(x.Book)), report.Date(x.Period.From), report.Date(x.Period.To), report.Date(x.ClosedOn))
		}
	}
	audits, err := s.Audits()
	if err != nil {
		return d, err
	}
	at := &report.Table{Title: "审计及整改情况", Columns: []report.Column{
		{Title: "审计年度", Kind: report.KindInt, Width: 0.6}, {Title: "审计机构", Width: 1.6}, {Title: "报告日期", Kind: report.KindDate},
		{Title: "审计意见", Width: 0.9}, {Title: "发现的问题", Width: 2.4}, {Title: "整改情况", Width: 1.1},
	}}
	opinion := map[string]string{"unqualified": "无保留意见", "qualified": "保留意见", "adverse": "否定意见", "disclaimer": "无法表示意见"}
	for i := len(audits) - 1; i >= 0; i-- {
		a := audits[i]
		// The audits of the years before, whose reports and rectification fall in this one.
		if a.Year > p.Year || a.Year < p.Year-1 {
			continue
		}
		op := opinion[a.Opinion]
		if op == "" {
			op = dashIfEmpty(a.Opinion)
		}
		if len(a.Findings) == 0 {
			at.Add(report.Int(int64(a.Year)), report.Text(a.Firm), report.Date(a.ReportOn), report.Text(op), report.Text("无"), report.Text("—"))
		}
		for _, f := range a.Findings {
			state := "未整改"
			if f.Status == "rectified" {
				state = "已整改（" + f.RectifiedOn + "）"
			}
			at.Add(report.Int(int64(a.Year)), report.Text(a.Firm), report.Date(a.ReportOn), report.Text(op), report.Text(f.Text), report.Text(state))
		}
	}
	for _, t := range []*report.Table{dt, ct, at} {
		if len(t.Rows) == 0 {
			d.Add(report.Heading(t.Title), report.Paragraph("无。"))
			continue
		}
		d.Add(t)
	}
	return d, nil
}

// attachmentsDoc lists the attachments stored in the ledger for the year's vouchers and the
// records, with their SHA-256, so that each paper copy can be matched to its file.
func attachmentsDoc(s *store.Store, c store.Community, p Params) (report.Doc, error) {
	refs, err := s.AttachmentRefs(p.From, p.To)
	if err != nil {
		return report.Doc{}, err
	}
	d := newDoc(c, "附件清单", "", p)
	d.Landscape = true
	if len(refs) == 0 {
		d.Add(report.Paragraph("本期凭证和记录没有附件。"))
		return d, nil
	}
	t := &report.Table{Title: "附件清单", Columns: []report.Column{
		{Title: "序号", Kind: report.KindInt, Width: 0.5}, {Title: "文件名", Width: 2}, {Title: "所属凭证或记录", Width: 1.3},
		{Title: "日期", Kind: report.KindDate}, {Title: "大小（字节）", Kind: report.KindInt, Width: 0.8}, {Title: "SHA-256", Width: 3.6},
	}}
	entity := map[string]string{"resolution": "表决", "project": "维修工程", "audit": "审计", "audit_finding": "审计问题", "replenishment_case": "续筹案件",
		"disclosure": "公示", "unit": "房屋", "community": "小区"}
	for i, a := range refs {
		owner := a.VoucherNo
		if a.VoucherID == 0 {
			if a.Entity == "" {
				owner = "（未关联）"
			} else {
				name := entity[a.Entity]
				if name == "" {
					name = a.Entity
				}
				owner = name + " " + strconv.FormatInt(a.EntityID, 10)
			}
		}
		t.Add(report.Int(int64(i+1)), report.Text(a.Name), report.Text(owner), report.Date(a.VoucherDate), report.Int(a.Size), report.Text(a.SHA256))
	}
	d.Add(report.Paragraph("附件保存在账本文件中，以 SHA-256 校验值标识；核对纸质原件时，可对扫描件重新计算校验值比对。"), t)
	return d, nil
}

// signOffDoc is the closing statement with the signature lines.
func signOffDoc(c store.Community, p Params) report.Doc {
	d := newDoc(c, "签字确认", "", p)
	d.Add(report.Paragraph(fmt.Sprintf("本审计资料由家园账本根据 %s 的账本文件于 %s 生成，涵盖 %d 年度专项维修资金、公共收益、业委会工作经费三本账。"+
		"所列金额均取自已过账凭证，精确到分。业主委员会对资料的真实性、完整性负责。", c.Name, p.Generated, p.Year)))
	d.Signatures = auditSignatures
	return d
}

// errNotAddingUp refuses a report whose own figures disagree — lines that do not add up to
// the balances, an unbalanced voucher — rather than print it. With the rules enforced on
// every write it happens only to a file changed outside the app, which verify then names.
func errNotAddingUp(what string, got, want ledger.Money) error {
	return ledger.Refuse("report.not_adding_up", "what", what, "got", got.Grouped(), "want", want.Grouped())
}
