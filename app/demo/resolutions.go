package demo

import (
	"fmt"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// assemblyVote records a resolution of the owners' assembly that passes with a realistic
// turnout (about four in five take part, nine in ten of them agree), published two days later.
func (g *gen) assemblyVote(purpose ledger.Purpose, date, subject, text string, amount ledger.Money, mod func(*store.ResolutionInput)) (int64, error) {
	area, owners := g.scope()
	part, partOwners := atLeast(area, 4, 5), atLeast(owners, 4, 5)
	in := store.ResolutionInput{Body: ledger.BodyAssembly, Purpose: purpose, Date: date, Subject: subject, Text: text,
		PartArea: part, PartOwners: partOwners, AgreeArea: atLeast(part, 9, 10), AgreeOwners: atLeast(partOwners, 9, 10), Amount: amount}
	if purpose != ledger.PurposeGeneral && addDays(date, 2) <= g.end {
		in.PublishedOn = addDays(date, 2)
	}
	if mod != nil {
		mod(&in)
	}
	g.at(date)
	return g.s.RecordResolution(in)
}

// yearResolutions has the owners' assembly approve the year's working-expense budget and the
// allocations from public income that pay it (R8), before the year's first spending.
func (g *gen) yearResolutions(y int) error {
	date := fmt.Sprintf("%d-01-06", y)
	if _, err := g.assemblyVote(ledger.PurposeBudget, date, fmt.Sprintf("%d 年度业委会工作经费预算", y),
		"批准本年度工作经费预算：办公 10,000 元、会议 4,000 元、委员津贴 6,000 元、其他 2,000 元，合计 22,000 元。",
		ledger.Yuan(22000), func(in *store.ResolutionInput) { in.Year = y }); err != nil {
		return err
	}
	id, err := g.assemblyVote(ledger.PurposeAllocation, date, fmt.Sprintf("%d 年度从公共收益拨付工作经费", y),
		"同意每季度从公共收益拨付业委会工作经费 6,000 元，全年不超过 24,000 元。", ledger.Yuan(24000), nil)
	g.alloc = id
	return err
}

// demoContracts records the community's public-income contracts — parking on common land,
// lift advertising, a rooftop base station — after the assembly approved them (≥ 3/4, R8).
// The advertising contract runs out two months after the demo's today, so the dashboard
// shows it expiring.
func (g *gen) demoContracts(y int) error {
	date := fmt.Sprintf("%d-01-03", y)
	res, err := g.assemblyVote(ledger.PurposeContract, date, "利用共有部分经营（停车、广告、基站）",
		"同意与停车管理、电梯广告、通信基站三家单位签订共有部分使用合同，收益由物业公司收取并按季度报告。", ledger.Zero, nil)
	if err != nil {
		return err
	}
	start := fmt.Sprintf("%d-02-01", y)
	far := fmt.Sprintf("%d-12-31", y+9)
	for _, c := range []store.ContractInput{
		{Counterparty: "上海畅行停车管理有限公司", CommonPart: "小区道路及地面公共停车位", Period: "month", Amount: ledger.Yuan(int64(len(g.units))*3 + 1000), AccountCode: "4001", End: far,
			ManagementShare: parkingShare},
		{Counterparty: "上海分众楼宇广告有限公司", CommonPart: "电梯轿厢广告位", Period: "quarter", Amount: ledger.Yuan(5000), AccountCode: "4002", End: addDays(g.end, 60),
			ManagementShare: adsShare},
		{Counterparty: "中国移动通信集团上海有限公司", CommonPart: "屋顶通信基站场地", Period: "quarter", Amount: ledger.Yuan(4500), AccountCode: "4004", End: far},
	} {
		c.Start, c.Collector, c.ResolutionID = start, "property", res
		id, err := g.s.AddContract(c)
		if err != nil {
			return err
		}
		g.contracts = append(g.contracts, id)
	}
	g.contractStart = start
	return nil
}
