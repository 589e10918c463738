package reporting_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"jiayuan/app/reporting"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// The contracts report, the 决算 and the annual report, read back with pdftotext and compared
// with the ledger's own queries.

// contractYear is each contract's expected and received income over a year's quarters as the
// store counts them on asOf, and what was received in all by the ledger's records: the
// statements' lines for the contracts the property company collects, the income accounts of
// the committee's own.
func contractYear(t *testing.T, s *store.Store, year string, asOf time.Time) (map[string][2]ledger.Money, ledger.Money) {
	t.Helper()
	sts, err := s.ContractStatuses(asOf)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][2]ledger.Money{}
	codes, property := map[string]bool{}, map[int64]bool{}
	for _, c := range sts {
		var e, r ledger.Money
		for _, q := range c.Quarters {
			if strings.HasPrefix(q.Quarter, year+"Q") {
				e, r = e.Add(q.Expected), r.Add(q.Received)
			}
		}
		out[c.Counterparty] = [2]ledger.Money{e, r}
		if c.Collector == "property" {
			property[c.ID] = true
		} else {
			codes[c.AccountCode] = true
		}
	}
	accts, err := s.AccountTotals(ledger.BookPublic, year+"-01-01", year+"-12-31")
	if err != nil {
		t.Fatal(err)
	}
	var received ledger.Money
	for _, a := range accts {
		if codes[a.Code] {
			received = received.Sub(a.Movement())
		}
	}
	stmts, err := s.Statements()
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range stmts {
		if st.Reversed || !strings.HasPrefix(st.Quarter, year+"Q") {
			continue
		}
		for _, l := range st.Lines {
			if property[l.ContractID] {
				received = received.Add(l.Gross)
			}
		}
	}
	return out, received
}

var bodyZH = map[ledger.ResolutionBody]string{ledger.BodyAssembly: "业主大会", ledger.BodyCommittee: "业主委员会", ledger.BodyPartial: "相关业主"}

// report2025 renders a yearly report of 2025 on the test ledger, keeps it among the artifacts
// and checks every page's footer; it returns the ledger, the parameters, the PDF, its pages
// and their text.
func report2025(t *testing.T, k reporting.Kind) (*store.Store, reporting.Params, []byte, []string, string) {
	t.Helper()
	s := openLedger(t)
	p := params(t, s, "", "")
	p.Year = 2025
	pdf := render(t, s, k, p, "pdf")
	writeArtifact(t, string(k)+".pdf", pdf)
	pages := pdfPages(t, pdf)
	checkPages(t, pages, chainText(t, s))
	return s, p, pdf, pages, strings.Join(pages, "\n")
}

func TestContractsReportIsExpectedAgainstReceived(t *testing.T) {
	s, p, _, _, text := report2025(t, reporting.KindContracts)
	// the generation day (2026-01-05) is after the year: the flags are as of 2026-01-01
	per, received := contractYear(t, s, "2025", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(per) == 0 {
		t.Fatal("the demo has no contracts")
	}
	var expected ledger.Money
	for name, f := range per {
		contains(t, "contracts", text, name+"", f[0].Grouped()+f[1].Grouped()+f[1].Sub(f[0]).Grouped())
		expected = expected.Add(f[0])
	}
	contains(t, "contracts", text, "公共收益合同登记及收益情况表", "2025年度", "合计"+expected.Grouped()+received.Grouped(), "截至2026-01-01")
	// what the property company reported and transferred, as the receivable's own figures
	accts, err := s.AccountTotals(ledger.BookPublic, "2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range accts {
		if a.Code == ledger.CodeReceivable {
			found = true
			contains(t, "contracts", text, "期初物业公司代收未划转："+a.Opening.Grouped(), "本期确认净收益："+a.Debit.Grouped(),
				"本期划转至业主大会账户："+a.Credit.Grouped(), "期末物业公司代收未划转："+a.Closing.Grouped())
		}
	}
	if !found {
		t.Error("the demo's property company sent no statement: the receivable is not in the public book")
	}
	xlsx := render(t, s, reporting.KindContracts, p, "xlsx")
	sh := readSheet(t, xlsx, "应收与实收", "合同相对方")
	if got := money(t, sh.rows[len(sh.rows)-1], sh.col(t, "本期实收")); got != received {
		t.Errorf("the workbook's total received %s, the income accounts %s", got, received)
	}
}

// A contract of the committee's own whose income stopped after its first quarter, on a tiny
// ledger: the report names the quarters without income and that the contract has ended.
func TestContractsReportFlagsMissingQuartersAndTheEnd(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tiny.jiayuan")
	s, err := store.Create(path, store.Community{Name: "和平苑", StartDate: "2025-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := s.AddBuilding(store.Building{Code: "1号"})
	if err != nil {
		t.Fatal(err)
	}
	o, err := s.AddOwner(store.Owner{Name: "王芳"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddUnit(store.Unit{BuildingID: b, Room: "101", AreaCM2: 10000, HousingType: "commodity", Initial: ledger.Yuan(10000), OwnerID: o}); err != nil {
		t.Fatal(err)
	}
	res, err := s.RecordResolution(store.ResolutionInput{Body: ledger.BodyAssembly, Purpose: ledger.PurposeContract, Date: "2024-12-20",
		Subject: "地面停车位经营", PartArea: 10000, PartOwners: 1, AgreeArea: 10000, AgreeOwners: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddContract(store.ContractInput{Counterparty: "畅行停车", CommonPart: "地面停车位", Start: "2025-01-01", End: "2025-12-31",
		Period: "month", Amount: ledger.Yuan(1000), Collector: "committee", AccountCode: "4001", ResolutionID: res}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PostVoucher(store.VoucherInput{Book: ledger.BookPublic, Date: "2025-03-10", Summary: "一季度停车费",
		Lines: []store.LineInput{{AccountCode: ledger.CodeBank, Amount: ledger.Yuan(3000)}, {AccountCode: "4001", Amount: ledger.Yuan(-3000)}}}); err != nil {
		t.Fatal(err)
	}
	// and one the property company collects, reported on its statement of the second quarter only
	ad, err := s.AddContract(store.ContractInput{Counterparty: "分众广告", CommonPart: "电梯广告位", Start: "2025-01-01", End: "2027-12-31",
		Period: "quarter", Amount: ledger.Yuan(5000), Collector: "property", AccountCode: "4002", ResolutionID: res})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordStatement(store.StatementInput{Quarter: "2025Q2", Company: "安心物业", Received: "2025-07-08",
		Lines: []store.StatementLineInput{{ContractID: ad, Source: "电梯广告", Gross: ledger.Yuan(4800), Tax: ledger.Yuan(100), Basis: "税费"}}}); err != nil {
		t.Fatal(err)
	}
	p := params(t, s, "", "")
	p.Year = 2025
	text := strings.Join(pdfPages(t, render(t, s, reporting.KindContracts, p, "pdf")), "\n")
	contains(t, "contracts", text, "畅行停车地面停车位12,000.003,000.00-9,000.002025-12-31已到期；"+
		"2025年第二、三、四季度未收到收益", "#1 2024-12-20 地面停车位经营",
		"分众广告电梯广告位20,000.004,800.00-15,200.002025年第一、三、四季度未收到收益", "合计32,000.007,800.00-24,200.00",
		// reported against transferred: nothing transferred yet, the company holds the net
		"季度收支报告：1份", "报告收入（毛额）：4,800.00", "报告净收益：4,700.00", "本期划转至业主大会账户：0.00", "期末物业公司代收未划转：4,700.00")
	// the annual report of the same year names the contract and its shortfall too
	text = strings.Join(pdfPages(t, render(t, s, reporting.KindAnnual, p, "pdf")), "\n")
	contains(t, "annual", text, "和平苑业主委员会2025年度报告", "畅行停车地面停车位12,000.003,000.00-9,000.00")
}

func TestFinalAccountsCarryEachBooksBalanceForward(t *testing.T) {
	s, p, _, _, text := report2025(t, reporting.KindFinalAccounts)
	contains(t, "final accounts", text, "2025年度收支决算表", "决算概况")
	// what each book holds: its bank balance, and in the public book what the property company
	// has recognised and not yet transferred (the receivable), brought forward and carried forward
	for _, b := range ledger.Books {
		bal, err := s.BookBalancesAt(b, []string{"2024-12-31", "2025-12-31"})
		if err != nil {
			t.Fatal(err)
		}
		total := "五、年末结余，结转下年（一＋四）—"
		if b == ledger.BookPublic {
			accts, err := s.AccountTotals(b, "2025-01-01", "2025-12-31")
			if err != nil {
				t.Fatal(err)
			}
			var held [2]ledger.Money
			for _, a := range accts {
				if a.Code == ledger.CodeReceivable {
					held = [2]ledger.Money{a.Opening, a.Closing}
				}
			}
			if held[1].IsZero() {
				t.Fatal("the property company holds nothing at the year's end: the test says nothing of the receivable")
			}
			contains(t, "final accounts", text, "其中：银行存款—"+bal[0].Grouped(), "物业公司代收尚未划转—"+held[0].Grouped(),
				"其中银行存款"+bal[1].Grouped()+"元，物业公司代收尚未划转"+held[1].Grouped()+"元")
			bal[0], bal[1] = bal[0].Add(held[0]), bal[1].Add(held[1])
			total = "六、年末结余，结转下年（一＋五）—"
		}
		contains(t, "final accounts", text, reporting.BookName(b)+"决算", "一、上年结转—"+bal[0].Grouped(), total+bal[1].Grouped())
	}
	lines, err := s.BudgetVsActual(2025)
	if err != nil {
		t.Fatal(err)
	}
	var budget, actual ledger.Money
	for _, l := range lines {
		contains(t, "final accounts", text, l.AccountCode+l.Name+l.Budget.Grouped()+l.Actual.Grouped()+l.Budget.Sub(l.Actual).Grouped())
		budget, actual = budget.Add(l.Budget), actual.Add(l.Actual)
	}
	contains(t, "final accounts", text, "三、本年支出"+budget.Grouped()+actual.Grouped())
	if _, err := reporting.Render(s, reporting.KindFinalAccounts, p, "xlsx"); err != nil {
		t.Fatal(err)
	}
}

func TestAnnualReportHoldsTheYearForTheAssembly(t *testing.T) {
	s, p, pdf, pages, text := report2025(t, reporting.KindAnnual)
	contains(t, "annual", text, "2025年度报告", "一、专项维修资金使用和结余", "二、续筹情况", "三、共有部分经营收益和公共收益收支",
		"四、业委会工作经费收支及预算执行", "五、维修工程", "六、业主大会和业主委员会的决议", "七、公示、结账与审计", "审计及整改情况", "八、2026年度预算", "九、2026年度工作计划")
	// the year's decisions, each with its subject
	reg, err := s.Register()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range reg {
		if strings.HasPrefix(r.Date, "2025-") {
			contains(t, "annual", text, r.Date+bodyZH[r.Body])
			n++
		}
	}
	if n == 0 {
		t.Fatal("no resolutions in 2025")
	}
	contains(t, "annual", text, "本年度共登记决议"+strconv.Itoa(n)+"项")
	// the fund's ratio at the year's end, from the ledger's balance and the units' initial amounts
	fund, err := s.BookBalancesAt(ledger.BookFund, []string{"2025-12-31"})
	if err != nil {
		t.Fatal(err)
	}
	blds, err := s.BuildingBalancesAt(nil)
	if err != nil {
		t.Fatal(err)
	}
	var initial ledger.Money
	for _, b := range blds {
		initial = initial.Add(b.Initial)
	}
	r, ok := ledger.Ratio(fund[0], initial)
	if !ok {
		t.Fatal("no initial amount")
	}
	contains(t, "annual", text, "年末余额占首期比例："+ledger.RatioPercent(r), "年末余额："+fund[0].Grouped())
	// every contract, and each quarter's transfer to the fund as R2 settles it
	per, _ := contractYear(t, s, "2025", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	for name := range per {
		contains(t, "annual", text, name)
	}
	st, err := s.Status(time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC), false)
	if err != nil {
		t.Fatal(err)
	}
	var required ledger.Money
	for _, q := range st.Quarters {
		if strings.HasPrefix(q.Quarter, "2025Q") {
			required = required.Add(q.Required)
		}
	}
	if required.IsZero() {
		t.Fatal("no transfer required in 2025")
	}
	contains(t, "annual", text, "转入专项维修资金（按季度）", required.Grouped())
	// the works charged in the year
	ids, err := s.ProjectsInPeriod("2025-01-01", "2025-12-31")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		pr, err := s.Project(id)
		if err != nil {
			t.Fatal(err)
		}
		contains(t, "annual", text, pr.Name)
	}
	if _, err := reporting.Render(s, reporting.KindAnnual, p, "xlsx"); err != nil {
		t.Fatal(err)
	}
	// the plan is filled in by hand: ruled rows, nothing printed in them
	if n := renderPNG(t, pdf, len(pages)-1, "annual-plan.png"); n == 0 {
		t.Error("the plan's page is blank")
	}
}
