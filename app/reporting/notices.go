package reporting

import (
	"fmt"
	"strconv"
	"time"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"

	"github.com/shopspring/decimal"
)

// The notices for the notice board (公示): one A4 page each, with the period's figures in
// plain words, the publication date and the lines for the committee's seal and signature.

var noticeSignatures = []string{"业主委员会（盖章）", "业委会主任（签字）"}

// published is the notice's publication date and place: as given, else as recorded for the
// book's disclosure of exactly this period, else blank for the secretary to fill in by hand.
func published(s *store.Store, b ledger.Book, p Params) (date, place string, err error) {
	if p.Published != "" {
		return chineseDate(p.Published), "", nil
	}
	ds, err := s.Disclosures()
	if err != nil {
		return "", "", err
	}
	for _, d := range ds {
		if d.Book == b && d.Period.From == p.From && d.Period.To == p.To {
			return chineseDate(d.PublishedOn), d.Place, nil
		}
	}
	return "　　　　年　　月　　日", "", nil
}

// chineseDate is "2025年10月10日".
func chineseDate(d string) string {
	t, err := ledger.ParseDate(d)
	if err != nil {
		return d
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

func noticeTable() *report.Table {
	return &report.Table{Title: "收支情况", Columns: []report.Column{
		{Title: "项目", Width: 3.2}, {Title: "金额（元）", Kind: report.KindMoney, Width: 1.4},
	}}
}

// sub is an indented line of a notice table.
func sub(t *report.Table, name string, m ledger.Money) {
	t.Add(report.Text("　　"+name), report.Money(m))
}

// BuildNoticePublic is the quarterly 公共收益收支情况公示: opening balance, gross income by
// source, the deductions, net income, what went to the fund, to working expenses and to other
// uses, and the closing balance — the figures of the quarter in the dashboard's status.
func BuildNoticePublic(s *store.Store, p Params) (report.Doc, error) {
	if err := p.Normalize(KindNoticePublic); err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	f, err := bookFigures(s, ledger.BookPublic, p.From, p.To)
	if err != nil {
		return report.Doc{}, err
	}
	date, place, err := published(s, ledger.BookPublic, p)
	if err != nil {
		return report.Doc{}, err
	}
	var income, deductions, net, spent ledger.Money
	var toFund, held ledger.Money
	t := noticeTable()
	t.Add(report.Text("一、期初结余"), report.Money(f.Opening))
	var inc, ded, out []store.AccountPeriod
	for _, a := range f.Accounts {
		switch a.Kind {
		case ledger.KindIncome:
			inc = append(inc, a)
			income = income.Sub(a.Movement())
		case ledger.KindDeduction:
			ded = append(ded, a)
			deductions = deductions.Add(a.Movement())
		case ledger.KindExpense, ledger.KindTransferOut:
			out = append(out, a)
			spent = spent.Add(a.Movement())
			if a.Code == ledger.CodePublicToFund {
				toFund = toFund.Add(a.Movement())
			}
		case ledger.KindAsset:
		case ledger.KindReceivable: // recognised from the property company's statement, not yet transferred
			held = held.Add(a.Movement())
		default: // equity (an opening balance brought in) and anything else credited
			if !a.Movement().IsZero() {
				inc = append(inc, a)
				income = income.Sub(a.Movement())
			}
		}
	}
	net = income.Sub(deductions)
	t.Add(report.Text("二、本期收入"), report.Money(income))
	for _, a := range inc {
		sub(t, a.Name, a.Movement().Neg())
	}
	t.Add(report.Text("三、扣除项目（税费、成本等）"), report.Money(deductions))
	for _, a := range ded {
		sub(t, a.Name, a.Movement())
	}
	t.Add(report.Text("四、本期净收益（二－三）"), report.Money(net))
	t.Add(report.Text("五、本期支出及划转"), report.Money(spent))
	for _, a := range out {
		sub(t, a.Name, a.Movement())
	}
	closing := f.Opening.Add(net).Sub(spent).Sub(held)
	if closing != f.Closing {
		return report.Doc{}, errNotAddingUp("公共收益收支公示", closing, f.Closing)
	}
	total := "六、期末结余（一＋四－五）"
	if !held.IsZero() {
		// the bank balance: net income the property company still holds is not in it yet
		t.Add(report.Text("　　物业公司代收尚未划转（应收增减）"), report.Money(held))
		total = "六、期末银行结余（一＋四－五－物业公司代收尚未划转）"
	}
	t.Totals = []report.Cell{report.Text(total), report.Money(closing)}

	d := newDoc(c, c.Name+"公共收益收支情况公示", ledger.BookPublic, p)
	d.Signatures = noticeSignatures
	d.Add(report.Paragraph(fmt.Sprintf("根据《上海市住宅物业管理规定》及本小区管理规约，现将%s公共收益收支情况公示如下：",
		PeriodLabel(p.From, p.To))), t)
	if q, ok := quarterOf(p); ok {
		// as of the quarter's transfer deadline: a transfer made after the quarter, once its
		// statement came in, counts for it
		st, err := s.Status(statusDay(c.Policy.TransferDueBy(q)), false)
		if err != nil {
			return d, err
		}
		for _, qs := range st.Quarters {
			if qs.Quarter == q && !qs.Required.IsZero() {
				d.Add(report.Paragraph(TransferRuleText(c.Policy) + TransferFiguresText(c.Policy, qs)))
			}
		}
	}
	if toFund.Sign() > 0 {
		d.Add(report.Paragraph("本期转入专项维修资金 " + toFund.Grouped() + " 元，已计入各户分户账。"))
	}
	fields := report.Fields{{Label: "公示日期", Value: date}}
	if place != "" {
		fields = append(fields, report.Field{Label: "公示地点", Value: place})
	}
	d.Add(report.Paragraph("以上收支的原始凭证存业主委员会，业主可预约查阅。如有疑问，请于公示期内向业主委员会书面提出。"), fields)
	return d, nil
}

// TransferRuleText states the R2 rule as it applies to this ledger, naming its source truly:
// the Shanghai regulation only for what it says (every quarter, more than 50%); any other
// setting is the community's management rules (the national list's rule among them).
func TransferRuleText(p ledger.Policy) string {
	share := p.TransferShare.Shift(2).String() + "%"
	cmp := "不低于"
	if p.TransferStrict {
		cmp = "高于"
	}
	switch {
	case p.TransferMode == ledger.TransferAlways && p.TransferStrict && p.TransferShare.Equal(decimal.RequireFromString("0.5")):
		return "按《上海市住宅物业管理规定》，公共收益按季度补充专项维修资金，补充比例应当高于百分之五十。"
	case p.TransferMode == ledger.TransferAlways:
		return fmt.Sprintf("按本小区管理规约，公共收益每季度按净收益的%s%s补充专项维修资金（《上海市住宅物业管理规定》要求按季度补充、比例高于百分之五十）。", cmp, share)
	default:
		return fmt.Sprintf("按本小区管理规约，专项维修资金余额低于首期应筹集金额的%s%%期间确认的公共收益，按净收益的%s%s转入专项维修资金。",
			p.TransferThreshold.Shift(2).String(), cmp, share)
	}
}

// TransferFiguresText is a quarter's R2 figures for its notice: what the rule requires and
// what was transferred for it, including a transfer made after the quarter (from its
// statement) that counts for it.
func TransferFiguresText(p ledger.Policy, qs store.QuarterStatus) string {
	cmp := "不低于"
	if p.TransferStrict {
		cmp = "高于"
	}
	base := "本季度公共收益净额"
	if p.TransferMode != ledger.TransferAlways {
		base = "本季度按上述规定须补充的公共收益净额"
	}
	return fmt.Sprintf("%s为 %s 元，本季度按规定应转入维修资金%s%s%%，即不少于 %s 元；已转入 %s 元（季度内转入 %s 元），尚差 %s 元。",
		base, qs.SubjectNet.Grouped(), cmp, p.TransferShare.Shift(2).String(), qs.Required.Grouped(), qs.Settled.Grouped(),
		qs.Done.Grouped(), qs.Short.Grouped())
}

// quarterOf names the quarter p covers exactly ("2025Q3").
func quarterOf(p Params) (string, bool) {
	shape, y, n := periodShape(p.From, p.To)
	if shape != "quarter" {
		return "", false
	}
	return strconv.Itoa(y) + "Q" + strconv.Itoa(n), true
}

// statusDay is the day the status of a period is taken on: its last day.
func statusDay(to string) time.Time {
	t, _ := ledger.ParseDate(to)
	return t
}

// BuildNoticeFund is the half-yearly 专项维修资金收支情况公示: opening balance, receipts by
// kind, repair expenses by project and other payments, closing balance, and the fund's ratio
// to its initial amount against the replenishment line.
func BuildNoticeFund(s *store.Store, p Params) (report.Doc, error) {
	if err := p.Normalize(KindNoticeFund); err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	f, err := bookFigures(s, ledger.BookFund, p.From, p.To)
	if err != nil {
		return report.Doc{}, err
	}
	date, place, err := published(s, ledger.BookFund, p)
	if err != nil {
		return report.Doc{}, err
	}
	ps, err := projectsOf(s, p)
	if err != nil {
		return report.Doc{}, err
	}
	t := noticeTable()
	t.Add(report.Text("一、期初余额"), report.Money(f.Opening))
	t.Add(report.Text("二、本期收入"), report.Money(f.In))
	for _, a := range f.Accounts {
		if a.Kind != ledger.KindAsset && !a.Kind.DebitNormal() && (a.Kind != ledger.KindEquity || !a.Movement().IsZero()) {
			sub(t, a.Name, a.Movement().Neg())
		}
	}
	t.Add(report.Text("三、本期支出"), report.Money(f.Out))
	for _, a := range f.Accounts {
		if a.Kind == ledger.KindAsset || !a.Kind.DebitNormal() {
			continue
		}
		sub(t, a.Name, a.Movement())
		if a.Code != ledger.CodeFundRepair {
			continue
		}
		// The repair expense by project: the first six, the rest together.
		const maxShown = 6
		var rest ledger.Money
		restN, shown := 0, 0
		for _, pd := range ps {
			if pd.charged.IsZero() {
				continue
			}
			if shown++; shown <= maxShown {
				t.Add(report.Text("　　　　其中："+pd.p.Name), report.Money(pd.charged))
			} else {
				rest, restN = rest.Add(pd.charged), restN+1
			}
		}
		if restN > 0 {
			t.Add(report.Text(fmt.Sprintf("　　　　其他 %d 项工程", restN)), report.Money(rest))
		}
	}
	t.Totals = []report.Cell{report.Text("四、期末余额（一＋二－三）"), report.Money(f.Closing)}

	var initial ledger.Money
	blds, err := s.BuildingBalancesAt(nil)
	if err != nil {
		return report.Doc{}, err
	}
	for _, b := range blds {
		initial = initial.Add(b.Initial)
	}
	th := c.Policy.ReplenishThreshold.Shift(2).String()
	d := newDoc(c, c.Name+"专项维修资金收支情况公示", ledger.BookFund, p)
	d.Signatures = noticeSignatures
	d.Add(report.Paragraph(fmt.Sprintf("根据《上海市住宅物业管理规定》及本小区管理规约，现将%s专项维修资金收支情况公示如下：", PeriodLabel(p.From, p.To))), t)
	state := "不低于"
	if c.Policy.NeedsReplenishment(f.Closing, initial) {
		state = "低于"
	}
	d.Add(report.Fields{
		{Label: "首期应筹集总额", Value: initial.Grouped() + " 元"},
		{Label: "期末余额占首期比例", Value: ratioText(f.Closing, initial)},
	}, report.Paragraph(fmt.Sprintf("期末维修资金余额%s首期应筹集总额的 %s%%（续筹线）。%s维修工程的表决、审价、验收及分摊明细可向业主委员会查阅，各户分摊金额已计入分户账。",
		state, th, noticeCaseText(s, p))))
	fields := report.Fields{{Label: "公示日期", Value: date}}
	if place != "" {
		fields = append(fields, report.Field{Label: "公示地点", Value: place})
	}
	d.Add(report.Paragraph("如有疑问，请于公示期内向业主委员会书面提出。"), fields)
	return d, nil
}

// noticeCaseText is a sentence on the replenishment case open at the period's end, if any.
func noticeCaseText(s *store.Store, p Params) string {
	cases, err := s.ReplenishmentCases()
	if err != nil {
		return ""
	}
	for _, cs := range cases {
		if cs.TriggerDate <= p.To && (cs.ClosedOn == "" || cs.ClosedOn > p.To) {
			switch cs.Status {
			case "open":
				return fmt.Sprintf("维修资金已于 %s 低于续筹线，须于 %s 前由业主决定续筹。", cs.TriggerDate, cs.DecisionDeadline)
			default:
				return fmt.Sprintf("续筹收缴中：应交 %s 元，已交 %s 元。", cs.Due.Grouped(), cs.Paid.Grouped())
			}
		}
	}
	return ""
}
