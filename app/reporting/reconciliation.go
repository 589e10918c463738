package reporting

import (
	"strconv"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// ReconciliationFileName is the file name proposed for a book's 余额调节表, e.g.
// "锦绣家园-维修资金-银行存款余额调节表-2025-12-31.pdf".
func ReconciliationFileName(community string, r store.Reconciliation, format string) string {
	return SafeFileName(community+"-"+BookShort(r.Book)+"-银行存款余额调节表-"+r.AsOf) + "." + format
}

// ReconciliationDoc is the printed 银行存款余额调节表: the two sides adjusted, then the items of each.
// Reports are printed in Chinese, as the committee's other reports are.
func ReconciliationDoc(community string, r store.Reconciliation, p Params) report.Doc {
	sum := func(items []store.ReconItem) ledger.Money {
		var s ledger.Money
		for _, i := range items {
			s = s.Add(i.Amount)
		}
		return s
	}
	d := report.Doc{Title: "银行存款余额调节表", Community: community, Book: BookName(r.Book),
		Period: r.From + " 至 " + r.AsOf, Generated: p.Generated, Chain: p.Chain, Signatures: report.DefaultSignatures}
	t := &report.Table{Title: "余额调节表", Columns: []report.Column{
		{Title: "项目", Kind: report.KindText, Width: 2.4}, {Title: "金额", Kind: report.KindMoney},
		{Title: "项目", Kind: report.KindText, Width: 2.4}, {Title: "金额", Kind: report.KindMoney}}}
	t.Add(report.Text("账面余额"), report.Money(r.BookBalance), report.Text("银行对账单余额"), report.Money(r.BankBalance))
	t.Add(report.Text("加：银行已收、账上未收"), report.Money(sum(r.BankOnlyIn)), report.Text("加：账上已收、银行未收"), report.Money(sum(r.BookOnlyIn)))
	t.Add(report.Text("减：银行已付、账上未付"), report.Money(sum(r.BankOnlyOut).Neg()), report.Text("减：账上已付、银行未付"), report.Money(sum(r.BookOnlyOut).Neg()))
	t.Totals = []report.Cell{report.Text("调节后余额"), report.Money(r.AdjustedBook), report.Text("调节后余额"), report.Money(r.AdjustedBank)}
	d.Add(t)
	state := "调节后余额相等，账实相符。"
	if !r.Reconciled {
		state = "调节后余额不相等，差额 " + r.Difference.Grouped() + " 元，请逐笔核对。"
	}
	source := ""
	if r.BankBalanceSource == "given" {
		source = "对账单未列余额，银行余额为手工填写。"
	}
	d.Add(report.Paragraph("期间内银行流水 " + strconv.Itoa(r.BankLines) + " 笔，已与凭证对上 " + strconv.Itoa(r.Matched) + " 笔；账面银行存款记录 " +
		strconv.Itoa(r.BookItems) + " 笔。" + state + source))
	list := func(title string, items []store.ReconItem) {
		if len(items) == 0 {
			return
		}
		lt := &report.Table{Title: title, Columns: []report.Column{
			{Title: "日期", Kind: report.KindDate}, {Title: "凭证号/流水号", Kind: report.KindText, Width: 1.4},
			{Title: "摘要", Kind: report.KindText, Width: 3}, {Title: "金额", Kind: report.KindMoney}}}
		for _, i := range items {
			ref := i.VoucherNo
			if ref == "" {
				ref = i.Reference
			}
			lt.Add(report.Date(i.Date), report.Text(ref), report.Text(i.Text), report.Money(i.Amount))
		}
		lt.SumMoney("合计")
		d.Add(lt)
	}
	list("银行已收、账上未收", r.BankOnlyIn)
	list("银行已付、账上未付", r.BankOnlyOut)
	list("账上已收、银行未收", r.BookOnlyIn)
	list("账上已付、银行未付", r.BookOnlyOut)
	return d
}
