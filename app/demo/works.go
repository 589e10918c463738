package demo

import (
	"fmt"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// budget sets the year's working-expense budget, as the assembly approved it.
func (g *gen) budget(y int) error {
	if err := g.yearResolutions(y); err != nil {
		return err
	}
	for _, b := range []struct {
		code string
		amt  int64
	}{{"5001", 10000}, {"5002", 4000}, {"5003", 6000}, {"5009", 2000}} {
		if err := g.s.SetBudget(y, b.code, ledger.Yuan(b.amt)); err != nil {
			return err
		}
	}
	return nil
}

// workingExpense posts the committee's running costs, as far as its money goes.
func (g *gen) workingExpense(date string, m int) error {
	type item struct {
		code, summary string
		amt           ledger.Money
	}
	items := []item{{"5001", "办公用品、打印复印", ledger.Fen(int64(30000 + g.r.IntN(50000)))}}
	if m%3 == 2 {
		items = append(items, item{"5002", "业委会例会会务", ledger.Fen(int64(60000 + g.r.IntN(40000)))})
	}
	if m == 6 || m == 12 {
		items = append(items, item{"5003", "委员津贴（半年）", ledger.Yuan(3000)})
	}
	for _, it := range items {
		if g.working.Cmp(it.amt) < 0 {
			continue
		}
		v, err := g.s.PostVoucher(store.VoucherInput{Book: ledger.BookWorking, Date: date, Summary: it.summary,
			Lines: []store.LineInput{{AccountCode: it.code, Amount: it.amt}, {AccountCode: ledger.CodeBank, Amount: it.amt.Neg()}}})
		if err != nil {
			return err
		}
		g.working = g.working.Sub(it.amt)
		if !g.reversed && m == 8 {
			// A secretary's slip, corrected the proper way: reversed, then posted again.
			if _, err := g.s.Reverse(v.ID, date, "金额录入错误，冲销后重新入账"); err != nil {
				return err
			}
			g.working = g.working.Add(it.amt)
			g.reversed = true
		}
	}
	return nil
}

// projects runs the year's repair works: a building's façade in spring, an emergency lift
// repair in some autumns, and in the middle year a community-wide lift renewal large enough
// to take the fund below 30%.
func (g *gen) projects(y, m int) error {
	startYear := g.startYear()
	date := fmt.Sprintf("%d-%02d-08", y, m)
	// Routine works cost what works cost, but never more than a tenth of what the fund holds:
	// a small demo community must not overdraw its fund.
	routine := func(lo, spread int) (ledger.Money, error) {
		st, err := g.statusOn(date)
		if err != nil {
			return ledger.Zero, err
		}
		amt := ledger.Yuan(int64(lo + g.r.IntN(spread)))
		if limit := ledger.MoneyFloor(st.Fund.Balance.Decimal().Shift(-1)); amt.Cmp(limit) > 0 {
			amt = limit
		}
		return amt, nil
	}
	switch {
	case m == 3:
		b := g.blds[g.r.IntN(len(g.blds))]
		amt, err := routine(20000, 60000)
		if err != nil || amt.Sign() <= 0 {
			return err
		}
		return g.project(fmt.Sprintf("%d年 %s 外墙渗漏维修", y, g.bldName(b)), "外墙渗漏，影响住户使用", "buildings", []int64{b}, "",
			amt, date, false)
	case m == 10 && y%2 == 0:
		b := g.blds[g.r.IntN(len(g.blds))]
		amt, err := routine(8000, 15000)
		if err != nil || amt.Sign() <= 0 {
			return err
		}
		return g.project(fmt.Sprintf("%d年 %s 电梯应急维修", y, g.bldName(b)), "电梯故障停运，检验机构建议停用", "buildings", []int64{b}, "lift_stopped",
			amt, date, false)
	case m == 4 && y == startYear+g.o.Years/2 && g.o.Years >= 3:
		st, err := g.statusOn(date)
		if err != nil {
			return err
		}
		// bring the fund to about 24% of its initial amount
		target := ledger.MoneyFloor(st.Fund.Initial.Decimal().Mul(ledger.Fen(24).Decimal()))
		amt := st.Fund.Balance.Sub(target)
		if amt.Sign() <= 0 {
			return nil
		}
		return g.project(fmt.Sprintf("%d年 全小区电梯更新改造", y), "电梯使用超过 15 年，整体更新", "community", nil, "", amt, date, true)
	}
	return nil
}

func (g *gen) startYear() int {
	e, _ := ledger.ParseDate(g.end)
	return e.Year() - g.o.Years + 1
}

func (g *gen) bldName(id int64) string {
	for i, b := range g.blds {
		if b == id {
			return fmt.Sprintf("%d号楼", i+1)
		}
	}
	return ""
}

// project creates a project, has it voted on (or cites its emergency), audited, paid and
// accepted. failFirst adds a first vote that falls short of participation.
func (g *gen) project(name, reason, scope string, blds []int64, trigger string, amount ledger.Money, date string, failFirst bool) error {
	g.at(date)
	pid, err := g.s.CreateProject(store.ProjectInput{Name: name, Reason: reason, ScopeKind: scope, BuildingIDs: blds, EmergencyTrigger: trigger,
		Budget: amount, Contractor: "上海安居建设工程有限公司", SelectionMethod: "三家比选", ContractNo: fmt.Sprintf("JX-%s-%03d", date[:4], g.r.IntN(1000)), Date: date})
	if err != nil {
		return err
	}
	p, err := g.s.Project(pid)
	if err != nil {
		return err
	}
	if trigger == "" {
		if failFirst {
			part := p.ScopeAreaCM2 / 2
			if _, _, err := g.s.RecordProjectVote(pid, store.VoteInput{Title: name + " 表决（第一次）", Date: date, PartArea: part,
				PartOwners: p.ScopeOwners / 2, AgreeArea: part, AgreeOwners: p.ScopeOwners / 2, Note: "参与表决未达三分之二，未通过"}); err != nil {
				return err
			}
		}
		part := p.ScopeAreaCM2 * int64(70+g.r.IntN(25)) / 100
		owners := p.ScopeOwners * int64(70+g.r.IntN(25)) / 100
		if 3*owners < 2*p.ScopeOwners {
			owners = (2*p.ScopeOwners + 2) / 3
		}
		if 3*part < 2*p.ScopeAreaCM2 {
			part = (2*p.ScopeAreaCM2 + 2) / 3
		}
		vdate := addDays(date, 6)
		g.at(vdate)
		if _, vc, err := g.s.RecordProjectVote(pid, store.VoteInput{Title: name + " 表决", Date: vdate, PartArea: part, PartOwners: owners,
			AgreeArea: atLeast(part, 8, 10), AgreeOwners: atLeast(owners, 8, 10)}); err != nil || !vc.Passed {
			return fmt.Errorf("vote: %v %v", err, vc.Refusal)
		}
	}
	if trigger != "" {
		// 应急使用: the committee approves at once and informs the street office; a façade or
		// roof trigger comes with the inspection body's appraisal (鉴定报告)
		rec := store.EmergencyRecord{ApprovedOn: date, InformedOn: date}
		if ledger.CertificateRequired(trigger) {
			a, err := g.s.AddAttachment(fmt.Sprintf("%s 鉴定报告.pdf", name), []byte("%PDF-1.4\n% demo appraisal of "+name+"\n"))
			if err != nil {
				return err
			}
			rec.CertificateID = a.ID
		}
		if err := g.s.SetEmergencyRecord(pid, rec); err != nil {
			return err
		}
	}
	audit := ledger.MoneyFloor(amount.Decimal().Mul(ledger.Fen(97).Decimal())) // 审价 cuts 3%
	adate := addDays(date, 10)
	g.at(adate)
	if err := g.s.SetCostAudit(pid, audit); err != nil {
		return err
	}
	pay := addDays(date, 14)
	g.at(pay)
	if _, err := g.s.PostProjectExpense(pid, pay, audit, name+" 工程款（按审价）", nil); err != nil {
		return err
	}
	return g.s.SetAcceptance(pid, addDays(date, 12))
}

func addDays(date string, n int) string {
	t, _ := ledger.ParseDate(date)
	return ledger.FormatDate(t.AddDate(0, 0, n))
}

// replenishment follows an open case in the statute's order: the owners decide within the 90
// days (their decision sets the dues: 50% of initial, one payment), then each month about half
// of the owners who still owe pay in full, one bank batch per building.
func (g *gen) replenishment(date string) error {
	c, ok, err := g.s.LatestCase()
	if err != nil || !ok || c.Status == "closed" {
		return err
	}
	switch c.Status {
	case "open":
		if date < addDays(c.TriggerDate, 30) {
			return nil
		}
		g.at(date)
		area, owners := g.scope()
		if _, _, err := g.s.RecordReplenishmentDecision(c.ID, store.VoteInput{Title: "续筹维修资金决定", Date: date,
			PartArea: atLeast(area, 8, 10), PartOwners: atLeast(owners, 8, 10),
			AgreeArea: atLeast(atLeast(area, 8, 10), 9, 10), AgreeOwners: atLeast(atLeast(owners, 8, 10), 9, 10)}, nil); err != nil {
			return err
		}
		return nil
	case "noticed":
		g.at(date)
		owed := map[int64]ledger.Money{}
		dues, err := g.s.AllCaseDues(c.ID)
		if err != nil {
			return err
		}
		for _, d := range dues {
			if rest := d.Due.Sub(d.Paid); rest.Sign() > 0 && g.r.IntN(2) == 0 {
				owed[d.UnitID] = rest
			}
		}
		for _, b := range g.blds {
			var total ledger.Money
			var splits []store.UnitSplit
			for _, i := range g.byBld[b] {
				if amt, ok := owed[g.units[i].id]; ok {
					total = total.Add(amt)
					splits = append(splits, store.UnitSplit{UnitID: g.units[i].id, Amount: amt})
				}
			}
			if len(splits) == 0 {
				continue
			}
			if _, err := g.s.PostVoucher(store.VoucherInput{Book: ledger.BookFund, Date: date, Summary: g.bldName(b) + " 续筹资金交存（银行批量）",
				CaseID: c.ID, Splits: splits,
				Lines: []store.LineInput{{AccountCode: ledger.CodeBank, Amount: total}, {AccountCode: ledger.CodeFundReplenish, Amount: total.Neg()}}}); err != nil {
				return err
			}
		}
	}
	return nil
}

// scope is the whole community's area and owner headcount.
func (g *gen) scope() (area, owners int64) {
	for _, u := range g.units {
		area += u.area
	}
	return area, int64(len(g.units))
}

// audit records the annual audit of a year, with a finding now and then, and its fee.
func (g *gen) audit(y int) error {
	if y < g.startYear() {
		return nil
	}
	eng := fmt.Sprintf("%d-03-10", y+1)
	rep := fmt.Sprintf("%d-05-20", y+1)
	if rep > g.end {
		return nil
	}
	g.at(rep)
	id, err := g.s.AddAudit(store.Audit{Year: y, Books: ledger.Books, Firm: "上海立信会计师事务所", EngagedOn: eng, ReportOn: rep, Opinion: "unqualified"})
	if err != nil {
		return err
	}
	if y%2 == 1 {
		fid, err := g.s.AddFinding(id, "部分维修工程验收记录未及时归档")
		if err != nil {
			return err
		}
		if addDays(rep, 40) <= g.end {
			g.at(addDays(rep, 40))
			return g.s.RectifyFinding(fid, addDays(rep, 40))
		}
	}
	return nil
}

// atLeast is num/den of n rounded up, so that small communities' votes reach their share too.
func atLeast(n, num, den int64) int64 { return (n*num + den - 1) / den }
