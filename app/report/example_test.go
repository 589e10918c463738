package report_test

import (
	"fmt"
	"strings"

	"jiayuan/app/report"
	"jiayuan/store/ledger"
)

// A caller builds the document from its query results and renders it; this is all the code
// a report needs.
func Example() {
	t := &report.Table{
		Title: "银行存款日记账",
		Columns: []report.Column{
			{Title: "日期", Kind: report.KindDate},
			{Title: "凭证号"},
			{Title: "摘要", Width: 3},
			{Title: "借方金额", Kind: report.KindMoney},
			{Title: "贷方金额", Kind: report.KindMoney},
		},
	}
	t.Add(report.Date("2025-03-01"), report.Text("维-2025-0001"), report.Text("收取首期维修资金"),
		report.Money(ledger.Fen(1234550)), report.Text(""))
	t.SumMoney("合计")

	d := report.Doc{
		Title:      "专项维修资金收支明细表",
		Community:  "家园小区",
		Book:       "专项维修资金",
		Period:     "2025 年度",
		Generated:  "2026-01-05 09:30",
		Chain:      report.ChainHead{Seq: 1234, Hash: "9f86d081"},
		Signatures: report.DefaultSignatures,
	}
	d.Add(report.Fields{{Label: "期末余额", Value: ledger.Fen(1234550).Grouped()}}, t)

	pdf, err := report.RenderPDF(d)
	if err != nil {
		fmt.Println(err)
		return
	}
	xlsx, err := report.RenderXLSX(d)
	if err != nil {
		fmt.Println(err)
		return
	}
	csv := report.RenderCSV(*t)
	header, _, _ := strings.Cut(strings.TrimPrefix(string(csv), "\uFEFF"), "\r\n")
	fmt.Println(string(pdf[:8]), len(xlsx) > 0, header)
	// Output: %PDF-1.7 true 日期,凭证号,摘要,借方金额,贷方金额
}
