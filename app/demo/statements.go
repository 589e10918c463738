package demo

import (
	"fmt"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// The demo's property company (上海锦绣物业) collects the contracts' income into its supervised
// account and sends a quarterly statement in the first days after each quarter: parking and
// lift ads less 6% tax, its labour and management cost within each contract's agreed share,
// the base station's rent less tax. The committee books it (income recognised in the quarter,
// held by the company), and the company transfers the net to the owners' assembly account
// the same day. In one quarter (the second of the year before the last) the company kept more
// than the parking contract allows: the statement shows it as a variance to question. The
// last quarter's statement arrives after the demo's end: the dashboard asks for it.

const demoCompany = "上海锦绣物业管理有限公司"

// Agreed management shares (percent of the gross the company may keep for labour and
// management cost), recorded on the contracts.
const (
	parkingShare = "20"
	adsShare     = "10"
)

// quarterIncome is what the company collected in the quarter so far.
type quarterIncome struct {
	parking, ads, rent ledger.Money
}

// publicIncome is the month's parking income collected by the property company, and each
// quarter's advertising and base-station rent (same draws as when the committee booked them
// itself, so the rest of the demo is unchanged by who collects).
func (g *gen) publicIncome(date string, m int) error {
	gross := ledger.Yuan(int64(len(g.units))*3 + int64(g.r.IntN(2000)))
	if date >= g.contractStart {
		g.income.parking = g.income.parking.Add(gross)
	}
	if m%3 == 1 {
		ads := ledger.Yuan(3000 + int64(g.r.IntN(4000)))
		// quarterly contracts are paid for any quarter they run in
		if q, _ := ledger.QuarterPeriod(ledger.QuarterOfDate(date)); q.To >= g.contractStart {
			g.income.ads = g.income.ads.Add(ads)
			g.income.rent = g.income.rent.Add(ledger.Yuan(4500))
		}
	}
	return nil
}

// propertyStatement books the property company's statement for the quarter ending in month m
// of year y, received on the 5th of the next month, and its transfer of the net to the owners'
// assembly account; it returns that date, or "" when it falls after the demo's end (the
// statement is still to come).
func (g *gen) propertyStatement(y, m int) (string, error) {
	in := g.income
	g.income = quarterIncome{}
	date := fmt.Sprintf("%d-%02d-05", y+boolInt(m == 12), m%12+1)
	if date > g.end || in.parking.IsZero() && in.ads.IsZero() && in.rent.IsZero() {
		return "", nil
	}
	pct := func(m ledger.Money, p int64) ledger.Money {
		return ledger.MoneyRound(m.Decimal().Mul(ledger.Fen(p).Decimal()))
	}
	// the quarter whose statement keeps more than the parking contract's 20%
	over := y == g.lastYear()-1 && m == 6
	management := pct(in.parking, 15)
	basis := "停车合同第 6 条：人工及管理成本合计不超过收入的 20%"
	if over {
		management = pct(in.parking, 19)
		basis = "物业公司称本季度增加夜间巡查人员"
	}
	quarter := fmt.Sprintf("%dQ%d", y, m/3)
	lines := []store.StatementLineInput{
		{ContractID: g.contracts[0], Source: "地面公共停车位停车费", Gross: in.parking, Tax: pct(in.parking, 6), Labour: pct(in.parking, 5),
			Management: management, Basis: basis},
		{ContractID: g.contracts[1], Source: "电梯轿厢广告", Gross: in.ads, Tax: pct(in.ads, 6), Management: pct(in.ads, 8),
			Basis: "广告合同第 4 条：管理成本不超过收入的 10%；税费按实缴"},
		{ContractID: g.contracts[2], Source: "屋顶通信基站场地租金", Gross: in.rent, Tax: pct(in.rent, 6), Basis: "税费按实缴"},
	}
	var kept []store.StatementLineInput
	for _, l := range lines {
		if l.Gross.Sign() > 0 {
			kept = append(kept, l)
		}
	}
	g.at(date)
	st, err := g.s.RecordStatement(store.StatementInput{Quarter: quarter, Company: demoCompany, Received: date, Lines: kept})
	if err != nil {
		return "", fmt.Errorf("statement %s: %w", quarter, err)
	}
	if _, err := g.s.SettleReceivable(store.SettlementInput{Date: date, Amount: st.Net,
		Summary: fmt.Sprintf("物业公司划转 %s 公共收益至业主大会账户", quarter)}); err != nil {
		return "", fmt.Errorf("statement %s transfer: %w", quarter, err)
	}
	return date, nil
}

// lastYear is the year of the demo's last day.
func (g *gen) lastYear() int {
	t, _ := ledger.ParseDate(g.end)
	return t.Year()
}
