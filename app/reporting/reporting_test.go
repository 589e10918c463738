package reporting_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"jiayuan/app/report"
	"jiayuan/app/reporting"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// Every figure a report prints is checked against the ledger's own queries (Status, unit
// balances, BudgetVsActual, ReplenishmentCases, Project), by reading the rendered files back:
// pdftotext for the PDFs, excelize for the workbooks.

func statusOn(t *testing.T, s *store.Store, day string) store.Status {
	t.Helper()
	d, err := ledger.ParseDate(day)
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Status(d, true)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// journalFigures are a journal's own totals row, read from the PDF: in, out, closing.
var totalsRE = regexp.MustCompile(`本期合计([-\d,]+\.\d\d)([-\d,]+\.\d\d)([-\d,]+\.\d\d)`)

func TestJournalOfEveryBookEndsAtTheLedgersBalance(t *testing.T) {
	s := openLedger(t)
	st := statusOn(t, s, "2026-12-31")
	chain := chainText(t, s)
	for _, b := range ledger.Books {
		t.Run(string(b), func(t *testing.T) {
			// Over the whole history the journal closes at today's balance of the book.
			p := params(t, s, allFrom, allTo)
			p.Book = b
			pdf := render(t, s, reporting.KindJournal, p, "pdf")
			pages := pdfPages(t, pdf)
			checkPages(t, pages, chain)
			all := squash(strings.Join(pages, ""))
			contains(t, "journal", pages[0], reporting.BookName(b)+"收支明细账", "锦绣家园", "期初余额", "日期凭证号摘要会计科目借方（收入）贷方（支出）余额")
			m := totalsRE.FindStringSubmatch(all)
			if m == nil {
				t.Fatalf("no totals row in the journal")
			}
			if want := st.Books[b].Grouped(); m[3] != want {
				t.Errorf("journal closes at %s, the ledger's balance is %s", m[3], want)
			}
			contains(t, "last page", pages[len(pages)-1], "编制人：", "审核人：", "业委会主任：")

			// 2025 on its own: opens where 2024 closed, and the workbook has the same numbers.
			p25 := params(t, s, y2025From, y2025To)
			p25.Book = b
			d, err := reporting.BuildJournal(s, p25)
			if err != nil {
				t.Fatal(err)
			}
			p24 := params(t, s, "2020-01-01", "2024-12-31")
			p24.Book = b
			d24, err := reporting.BuildJournal(s, p24)
			if err != nil {
				t.Fatal(err)
			}
			close24 := tableOf(t, d24.Blocks).Totals[6].String()
			if open25 := tableOf(t, d.Blocks).Rows[0][6].String(); open25 != close24 {
				t.Errorf("2025 opens at %s, 2024 closed at %s", open25, close24)
			}
			xlsx := render(t, s, reporting.KindJournal, p25, "xlsx")
			sh := readSheet(t, xlsx, reporting.BookShort(b)+"收支明细", "日期")
			in, out, bal := sh.col(t, "借方（收入）"), sh.col(t, "贷方（支出）"), sh.col(t, "余额")
			var sumIn, sumOut ledger.Money
			running := money(t, sh.rows[0], bal)
			if running.Grouped() != close24 {
				t.Errorf("workbook opens at %s, want %s", running.Grouped(), close24)
			}
			body := sh.rows[1 : len(sh.rows)-1]
			for _, r := range body {
				sumIn, sumOut = sumIn.Add(money(t, r, in)), sumOut.Add(money(t, r, out))
				running = running.Add(money(t, r, in)).Sub(money(t, r, out))
				if got := money(t, r, bal); got != running {
					t.Fatalf("workbook row %v: balance %s, running %s", r, got, running)
				}
			}
			tot := sh.rows[len(sh.rows)-1]
			if money(t, tot, in) != sumIn || money(t, tot, out) != sumOut || money(t, tot, bal) != running {
				t.Errorf("workbook totals %v, rows add up to %s %s %s", tot, sumIn, sumOut, running)
			}
			// The summary of the same period has the same receipts, payments and closing
			// balance — over the whole history too, which holds a reversal (the demo's working
			// expense slip of 2024).
			for _, per := range [][2]string{{y2025From, y2025To}, {allFrom, allTo}} {
				jp := params(t, s, per[0], per[1])
				jp.Book = b
				jd, err := reporting.BuildJournal(s, jp)
				if err != nil {
					t.Fatal(err)
				}
				jt := tableOf(t, jd.Blocks).Totals
				sd, err := reporting.BuildSummary(s, jp)
				if err != nil {
					t.Fatal(err)
				}
				st := tableOf(t, sd.Blocks)
				var receipts, payments string
				held := ledger.Zero // the summary shows what the property company holds apart from spending; the journal among payments
				for _, r := range st.Rows {
					switch r[0].String() {
					case "二、本期收入":
						receipts = r[2].String()
					case "三、本期支出":
						payments = r[2].String()
					case "四、物业公司代收尚未划转（增加为正）":
						held, _ = ledger.ParseAmount(r[2].String())
					}
				}
				if pay, err := ledger.ParseAmount(payments); err == nil {
					payments = pay.Add(held).Grouped()
				}
				if b == ledger.BookWorking && per[0] == allFrom {
					negative := false
					for _, r := range tableOf(t, jd.Blocks).Rows {
						negative = negative || strings.HasPrefix(r[5].String(), "-")
					}
					if !negative {
						t.Error("the working book's history has no reversal shown as a negative payment")
					}
				}
				if receipts != jt[4].String() || payments != jt[5].String() || st.Totals[2].String() != jt[6].String() {
					t.Errorf("%s–%s: summary %s / %s / %s, journal %s / %s / %s", per[0], per[1], receipts, payments, st.Totals[2],
						jt[4], jt[5], jt[6])
				}
			}
		})
	}
}

// tableOf is the first table of a document.
func tableOf(t *testing.T, blocks []report.Block) *report.Table {
	t.Helper()
	for _, b := range blocks {
		if tb, ok := b.(*report.Table); ok {
			return tb
		}
	}
	t.Fatal("no table")
	return nil
}

func TestSummaryOfAllBooksMatchesStatusAndBalances(t *testing.T) {
	s := openLedger(t)
	st := statusOn(t, s, "2026-12-31")
	p := params(t, s, allFrom, allTo)
	pdf := render(t, s, reporting.KindSummary, p, "pdf")
	pages := pdfPages(t, pdf)
	checkPages(t, pages, chainText(t, s))
	all := squash(strings.Join(pages, ""))
	contains(t, "summary", all, "三本账收支汇总表", "三本账概况", "一、专项维修资金", "二、公共收益", "三、业委会工作经费",
		"专项维修资金科目余额表", "公共收益收支汇总", "四、期末余额（一＋二－三）")
	for _, b := range ledger.Books {
		row := regexp.MustCompile(reporting.BookName(b) + `([-\d,]+\.\d\d)([-\d,]+\.\d\d)([-\d,]+\.\d\d)([-\d,]+\.\d\d)`).FindStringSubmatch(all)
		if row == nil {
			t.Fatalf("no overview row for %s", b)
		}
		if row[4] != st.Books[b].Grouped() {
			t.Errorf("%s closes at %s in the summary, %s in the status", b, row[4], st.Books[b].Grouped())
		}
	}
	// The trial balance balances: debits = credits, in every pair of columns.
	xlsx := render(t, s, reporting.KindSummary, p, "xlsx")
	for _, b := range ledger.Books {
		sh := readSheet(t, xlsx, reporting.BookName(b)+"科目余额表", "科目编码")
		tot := sh.rows[len(sh.rows)-1]
		for _, pair := range [][2]string{{"期初借方余额", "期初贷方余额"}, {"本期借方发生额", "本期贷方发生额"}, {"期末借方余额", "期末贷方余额"}} {
			if dr, cr := money(t, tot, sh.col(t, pair[0])), money(t, tot, sh.col(t, pair[1])); dr != cr {
				t.Errorf("%s: %s %s ≠ %s %s", b, pair[0], dr, pair[1], cr)
			}
		}
		// and the bank account's closing debit is the book's balance
		bank := sh.rows[0]
		if got := money(t, bank, sh.col(t, "期末借方余额")); got != st.Books[b] {
			t.Errorf("%s bank closes at %s, status %s", b, got, st.Books[b])
		}
	}
	checkNotBlank(t, pdf, "summary", 2)
}

func TestUnitStatementsCloseAtEachUnitsBalance(t *testing.T) {
	s := openLedger(t)
	chain := chainText(t, s)
	units, _, err := s.Units(store.UnitFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	// All units over the whole history: each statement ends at the unit's balance.
	p := params(t, s, allFrom, allTo)
	pdf := render(t, s, reporting.KindUnitStatements, p, "pdf")
	writeArtifact(t, "unit-statements.pdf", pdf)
	pages := pdfPages(t, pdf)
	checkPages(t, pages, chain)
	contains(t, "cover", pages[0], "专项维修资金分户账（全部房屋", "物业管理区域：锦绣家园", "编制人：")
	contains(t, "contents", pages[1], "目录")
	byName := map[string]string{}
	for _, pg := range pages[2:] {
		s := squash(pg)
		m := regexp.MustCompile(`专项维修资金分户账(\S+?)锦绣家园`).FindStringSubmatch(s)
		c := regexp.MustCompile(`期末余额：([-\d,]+\.\d\d)`).FindStringSubmatch(s)
		if m != nil && c != nil {
			byName[m[1]] = c[1]
		}
	}
	for _, u := range units {
		name := u.BuildingCode + "-" + u.Room
		if got, ok := byName[name]; !ok {
			t.Errorf("no statement page for %s", name)
		} else if got != u.Balance.Grouped() {
			t.Errorf("%s: statement ends at %s, unit balance %s", name, got, u.Balance.Grouped())
		}
	}
	checkNotBlank(t, pdf, "unit-statements", 3)

	// One unit for 2025 only: a document of its own, its lines adding up to its balance.
	u := units[3]
	one := params(t, s, y2025From, y2025To)
	one.UnitID = u.ID
	d, err := reporting.BuildUnitStatement(s, one)
	if err != nil {
		t.Fatal(err)
	}
	tb := tableOf(t, d.Blocks)
	opening := tb.Rows[0][7].String()
	after, _ := s.UnitStatement(u.ID)
	var want ledger.Money
	for _, e := range after {
		if e.Date <= y2025To {
			want = e.Balance
		}
	}
	if got := tb.Totals[7].String(); got != want.Grouped() {
		t.Errorf("unit %d closes 2025 at %s, its sub-account at %s (opening %s)", u.ID, got, want.Grouped(), opening)
	}
	onePDF := render(t, s, reporting.KindUnitStatements, one, "pdf")
	onePages := pdfPages(t, onePDF)
	if len(onePages) != 1 {
		t.Errorf("one unit's statement has %d pages", len(onePages))
	}
	contains(t, "one unit", onePages[0], "房屋："+u.BuildingCode+"-"+u.Room, "业主："+u.OwnerName, "首期应筹集金额："+u.Initial.Grouped(),
		"编制人：")

	// The workbook: a summary line per unit whose closing is the unit's balance, and the lines.
	xlsx := render(t, s, reporting.KindUnitStatements, p, "xlsx")
	sh := readSheet(t, xlsx, "分户汇总表", "房屋")
	closing := sh.col(t, "期末余额")
	if len(sh.rows) != len(units)+1 {
		t.Fatalf("%d rows for %d units", len(sh.rows), len(units))
	}
	var total ledger.Money
	for i, u := range units {
		if got := money(t, sh.rows[i], closing); got != u.Balance {
			t.Errorf("workbook: %s closes at %s, balance %s", sh.rows[i][0], got, u.Balance)
		}
		total = total.Add(u.Balance)
	}
	if got := money(t, sh.rows[len(units)], closing); got != total {
		t.Errorf("workbook total %s, units %s", got, total)
	}
	lines := readSheet(t, xlsx, "分户明细", "房屋")
	if len(lines.rows) < len(units)*3 {
		t.Errorf("only %d lines in the workbook", len(lines.rows))
	}
}

func TestNoticesAreOnePageWithTheQuartersFigures(t *testing.T) {
	s := openLedger(t)
	chain := chainText(t, s)
	// Public income, 2025 Q3: the figures of the status's quarter.
	st := statusOn(t, s, "2025-09-30")
	var q store.QuarterStatus
	for _, x := range st.Quarters {
		if x.Quarter == "2025Q3" {
			q = x
		}
	}
	if q.Income.IsZero() {
		t.Fatal("the demo has no public income in 2025Q3")
	}
	p := params(t, s, "2025-07-01", "2025-09-30")
	pdf := render(t, s, reporting.KindNoticePublic, p, "pdf")
	writeArtifact(t, "notice-public.pdf", pdf)
	pages := pdfPages(t, pdf)
	if len(pages) != 1 {
		t.Fatalf("the public-income notice has %d pages, want one", len(pages))
	}
	checkPages(t, pages, chain)
	text := squash(pages[0])
	contains(t, "notice", text, "锦绣家园公共收益收支情况公示", "2025年第三季度", "二、本期收入"+q.Income.Grouped(),
		"三、扣除项目（税费、成本等）"+q.Deductions.Grouped(), "四、本期净收益（二－三）"+q.Net.Grouped(), "转入维修资金"+q.Done.Grouped(),
		"业主委员会（盖章）：", "公示日期：2025年10月10日")
	// the rule as it applies: the demo follows the statute, and its quarter is settled by the
	// transfer made from the quarter's statement in October
	st = statusOn(t, s, "2025-10-30")
	for _, x := range st.Quarters {
		if x.Quarter == "2025Q3" {
			q = x
		}
	}
	if !q.Short.IsZero() || q.Required != ledger.Fen(q.Net.Fen()/2+1) {
		t.Fatalf("2025Q3 against the statute: %+v", q)
	}
	contains(t, "notice", text, "按《上海市住宅物业管理规定》，公共收益按季度补充专项维修资金，补充比例应当高于百分之五十。",
		"本季度公共收益净额为"+q.Net.Grouped()+"元", "应转入维修资金高于50%，即不少于"+q.Required.Grouped()+"元",
		"已转入"+q.Settled.Grouped()+"元", "尚差0.00元")
	if strings.Contains(text, "30%") {
		t.Error("the statute's notice speaks of the national list's 30%")
	}
	checkNotBlank(t, pdf, "notice-public", 1)

	// Maintenance fund, 2025 first half: opening and closing balances of the fund.
	p = params(t, s, "2025-01-01", "2025-06-30")
	pdf = render(t, s, reporting.KindNoticeFund, p, "pdf")
	writeArtifact(t, "notice-fund.pdf", pdf)
	pages = pdfPages(t, pdf)
	if len(pages) != 1 {
		t.Fatalf("the fund notice has %d pages, want one", len(pages))
	}
	bal, err := s.BookBalancesAt(ledger.BookFund, []string{"2024-12-31", "2025-06-30"})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "fund notice", pages[0], "锦绣家园专项维修资金收支情况公示", "2025年上半年", "一、期初余额"+bal[0].Grouped(),
		"四、期末余额（一＋二－三）"+bal[1].Grouped(), "其中：", "公示日期：2025年7月10日")
	checkNotBlank(t, pdf, "notice-fund", 1)

	// A publication date given overrides the recorded one; a period never disclosed has a blank.
	p = params(t, s, "2026-07-01", "2026-09-30")
	pages = pdfPages(t, render(t, s, reporting.KindNoticePublic, p, "pdf"))
	contains(t, "undisclosed", pages[0], "公示日期：年月日")
	p.Published = "2026-10-08"
	pages = pdfPages(t, render(t, s, reporting.KindNoticePublic, p, "pdf"))
	contains(t, "given date", pages[0], "公示日期：2026年10月8日")
}

func TestProjectsReportShowsVotesAndApportionsExactly(t *testing.T) {
	s := openLedger(t)
	p := params(t, s, y2025From, y2025To)
	d, err := reporting.BuildProjects(s, p)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := s.ProjectsInPeriod(y2025From, y2025To)
	if err != nil || len(ids) == 0 {
		t.Fatalf("projects of 2025: %v %v", ids, err)
	}
	pdf := render(t, s, reporting.KindProjects, p, "pdf")
	writeArtifact(t, "projects.pdf", pdf)
	pages := pdfPages(t, pdf)
	checkPages(t, pages, chainText(t, s))
	all := squash(strings.Join(pages, ""))
	for _, id := range ids {
		pr, err := s.Project(id)
		if err != nil {
			t.Fatal(err)
		}
		contains(t, "projects", all, pr.Name, "审价金额："+pr.CostAudit.Grouped(), "累计列支："+pr.Charged.Grouped())
		if pr.EmergencyTrigger == "" {
			votes, _ := s.ProjectResolutions(id)
			for _, v := range votes {
				// participation as printed: part ÷ scope, rounded down to 0.01%
				r, _ := ledger.Ratio(ledger.Fen(v.PartArea), ledger.Fen(v.ScopeArea))
				contains(t, "vote", all, v.Date, ledger.RatioPercent(r)+"%")
			}
		}
	}
	// Each project's shares add up to what was charged (the report refuses to print otherwise),
	// and the overview's total is the fund's repair expense of the year.
	acc, err := s.AccountTotals(ledger.BookFund, y2025From, y2025To)
	if err != nil {
		t.Fatal(err)
	}
	var repairs ledger.Money
	for _, a := range acc {
		if a.Code == ledger.CodeFundRepair {
			repairs = a.Movement()
		}
	}
	if got := tableOf(t, d.Blocks).Totals[5].String(); got != repairs.Grouped() {
		t.Errorf("projects charged %s in 2025, the fund's repair account %s", got, repairs.Grouped())
	}
	xlsx := render(t, s, reporting.KindProjects, p, "xlsx")
	sh := readSheet(t, xlsx, "分摊明细", "工程")
	var shared ledger.Money
	for _, r := range sh.rows[:len(sh.rows)-1] {
		shared = shared.Add(money(t, r, sh.col(t, "分摊金额")))
	}
	if shared != repairs {
		t.Errorf("workbook shares add up to %s, repairs %s", shared, repairs)
	}
	checkNotBlank(t, pdf, "projects", 2)
}

func TestReplenishmentReportMatchesTheCases(t *testing.T) {
	s := openLedger(t)
	cases, err := s.ReplenishmentCases()
	if err != nil || len(cases) == 0 {
		t.Fatalf("the demo has no replenishment case: %v", err)
	}
	st := statusOn(t, s, "2026-12-31")
	p := params(t, s, "2024-01-01", "2026-12-31")
	pdf := render(t, s, reporting.KindReplenishment, p, "pdf")
	writeArtifact(t, "replenishment.pdf", pdf)
	pages := pdfPages(t, pdf)
	checkPages(t, pages, chainText(t, s))
	all := squash(strings.Join(pages, ""))
	contains(t, "replenishment", all, "专项维修资金续筹情况表", "小区维修资金余额比例", "各幢分户余额比例", "续筹案件",
		"首期应筹集总额："+st.Fund.Initial.Grouped(), "期末余额比例："+st.Fund.Ratio+"%")
	for _, c := range cases {
		contains(t, "case", all, c.TriggerDate, c.Due.Grouped(), c.Paid.Grouped())
	}
	for _, b := range st.Fund.Buildings {
		contains(t, "building", all, b.Name, b.Ratio+"%")
	}
	checkNotBlank(t, pdf, "replenishment", 1)
}

func TestWorkingReportIsTheBudgetAgainstActual(t *testing.T) {
	s := openLedger(t)
	lines, err := s.BudgetVsActual(2025)
	if err != nil {
		t.Fatal(err)
	}
	p := params(t, s, "", "")
	p.Year = 2025
	pdf := render(t, s, reporting.KindWorking, p, "pdf")
	pages := pdfPages(t, pdf)
	checkPages(t, pages, chainText(t, s))
	var budget, actual ledger.Money
	for _, l := range lines {
		contains(t, "working", pages[0], l.Name+l.Budget.Grouped()+l.Actual.Grouped())
		budget, actual = budget.Add(l.Budget), actual.Add(l.Actual)
	}
	contains(t, "working", pages[0], "业委会工作经费预算执行情况表", "2025年度", "合计"+budget.Grouped()+actual.Grouped())
	xlsx := render(t, s, reporting.KindWorking, p, "xlsx")
	sh := readSheet(t, xlsx, "各月支出", "月份")
	if got := money(t, sh.rows[12], sh.col(t, "合计")); got != actual {
		t.Errorf("monthly spending adds up to %s, actual %s", got, actual)
	}
}

func TestAuditPackageHoldsEverySectionUnderOneChainHead(t *testing.T) {
	s := openLedger(t)
	st := statusOn(t, s, "2026-12-31")
	p := params(t, s, "", "")
	p.Year = 2025
	var steps []int
	p.Progress = func(done, total int) { steps = append(steps, done) }
	start := time.Now()
	pdf := render(t, s, reporting.KindAuditPackage, p, "pdf")
	t.Logf("audit package: %d KB in %s", len(pdf)/1024, time.Since(start).Round(time.Millisecond))
	writeArtifact(t, "audit-package.pdf", pdf)
	if len(steps) < 5 {
		t.Errorf("progress reported %v", steps)
	}
	pages := pdfPages(t, pdf)
	checkPages(t, pages, chainText(t, s))
	contains(t, "cover", pages[0], "2025年度审计资料", "会计年度：2025年", "业委会主任：", "执行秘书：")
	all := squash(strings.Join(pages, ""))
	head, _ := s.ChainHead()
	contains(t, "package", all, "目录", "账本基本情况与完整性校验", "校验结果：完好", "链头哈希："+head.Hash,
		"三本账收支汇总表", "专项维修资金收支明细账", "公共收益收支明细账", "业委会工作经费收支明细账",
		"维修资金分户汇总表", "专项维修资金使用支出明细表", "专项维修资金续筹情况表", "业委会工作经费预算执行情况表",
		"公示、结账与审计记录", "附件清单", attachment.SHA256, attachment.Name, "签字确认", "审计机构经办人：")
	// The contents' page numbers point at the sections.
	entry := regexp.MustCompile(`(?m)^\s*(\d+)\.\s+(.+?)\s*\.*\s+(\d+)\s*$`)
	found := 0
	for _, m := range entry.FindAllStringSubmatch(pages[1], -1) {
		n, _ := strconv.Atoi(m[3])
		title := squash(m[2])
		if i := strings.Index(title, "（"); i > 0 {
			title = title[:i]
		}
		if n < 1 || n > len(pages) {
			continue
		}
		found++
		if !strings.Contains(squash(pages[n-1]), title) {
			t.Errorf("contents: %q on page %d, which lacks it", title, n)
		}
	}
	if found < 10 {
		t.Errorf("only %d contents entries found", found)
	}
	// The per-unit summary is one table of every unit, its total the units' balances at the year's end.
	_ = st
	checkNotBlank(t, pdf, "audit-package", 3)

	xlsx := render(t, s, reporting.KindAuditPackage, p, "xlsx")
	sh := readSheet(t, xlsx, "分户汇总表", "房屋")
	units, _ := s.UnitPeriodTotals(y2025From, y2025To, store.UnitSelect{})
	var closing ledger.Money
	for _, u := range units {
		closing = closing.Add(u.Closing)
	}
	if got := money(t, sh.rows[len(sh.rows)-1], sh.col(t, "期末余额")); got != closing {
		t.Errorf("audit workbook's unit total %s, ledger %s", got, closing)
	}
}

func TestSameLedgerAndTimeGiveTheSameBytes(t *testing.T) {
	s := openLedger(t)
	p := params(t, s, y2025From, y2025To)
	p.Book = ledger.BookPublic
	for _, k := range []reporting.Kind{reporting.KindJournal, reporting.KindUnitStatements} {
		a, b := render(t, s, k, p, "pdf"), render(t, s, k, p, "pdf")
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", k)
		}
		q := p
		q.Generated = "2026-01-05 09:31"
		if bytes.Equal(a, render(t, s, k, q, "pdf")) {
			t.Errorf("%s: a different generation time gives the same file", k)
		}
	}
}

func TestACharacterTheFontLacksIsATranslatedRefusal(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Create(dir+"/x.jiayuan", store.Community{Name: "测试小区", StartDate: "2025-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bid, _ := s.AddBuilding(store.Building{Code: "1号"})
	oid, _ := s.AddOwner(store.Owner{Name: "王😀明"})
	uid, err := s.AddUnit(store.Unit{BuildingID: bid, Room: "101", AreaCM2: 9000, HousingType: "commodity", Initial: ledger.Yuan(5000), OwnerID: oid})
	if err != nil {
		t.Fatal(err)
	}
	p := params(t, s, "2025-01-01", "2025-12-31")
	p.UnitID = uid
	_, err = reporting.Render(s, reporting.KindUnitStatements, p, "pdf")
	var le *ledger.Error
	if !errors.As(err, &le) || le.Key != "report.missing_glyph" {
		t.Fatalf("err = %v, want the refusal report.missing_glyph", err)
	}
	if !strings.Contains(le.Args["chars"], "😀") || !strings.Contains(le.Args["chars"], "U+1F600") || !strings.Contains(le.Args["where"], "王😀明") {
		t.Errorf("refusal args %v do not name the character and where it is", le.Args)
	}
	// The workbook has no font to lack: it exports.
	if _, err := reporting.Render(s, reporting.KindUnitStatements, p, "xlsx"); err != nil {
		t.Errorf("xlsx: %v", err)
	}
}

func TestParamsAreCheckedWithReadableRefusals(t *testing.T) {
	for name, c := range map[string]struct {
		k    reporting.Kind
		p    reporting.Params
		want string
	}{
		"unknown kind":    {"balance-sheet", reporting.Params{From: "2025-01-01", To: "2025-12-31"}, "report.unknown_kind"},
		"no period":       {reporting.KindSummary, reporting.Params{}, "report.period_missing"},
		"reversed":        {reporting.KindSummary, reporting.Params{From: "2025-12-31", To: "2025-01-01"}, "period.reversed"},
		"bad date":        {reporting.KindSummary, reporting.Params{From: "2025-13-01", To: "2025-12-31"}, "date.invalid"},
		"journal no book": {reporting.KindJournal, reporting.Params{From: "2025-01-01", To: "2025-12-31"}, "report.book_missing"},
		"bad book":        {reporting.KindJournal, reporting.Params{From: "2025-01-01", To: "2025-12-31", Book: "cash"}, "voucher.unknown_book"},
		"unit+building":   {reporting.KindUnitStatements, reporting.Params{From: "2025-01-01", To: "2025-12-31", UnitID: 1, BuildingID: 1}, "report.unit_or_building"},
		"yearly no year":  {reporting.KindAuditPackage, reporting.Params{}, "report.year_missing"},
	} {
		p := c.p
		err := p.Normalize(c.k)
		if got := ledger.KeyOf(err); got != c.want {
			t.Errorf("%s: refusal %q (%v), want %q", name, got, err, c.want)
		}
	}
	p := reporting.Params{To: "2025-06-30"}
	if err := p.Normalize(reporting.KindWorking); err != nil || p.From != "2025-01-01" || p.To != "2025-12-31" || p.Year != 2025 {
		t.Errorf("a yearly report takes its year's period: %+v %v", p, err)
	}
}

func TestNamesAndLabels(t *testing.T) {
	for _, c := range []struct{ from, to, label, file string }{
		{"2025-01-01", "2025-12-31", "2025年度", "2025"},
		{"2025-07-01", "2025-12-31", "2025年下半年", "2025年下半年"},
		{"2025-07-01", "2025-09-30", "2025年第三季度", "2025年第三季度"},
		{"2024-02-01", "2024-02-29", "2024年2月", "2024年2月"},
		{"2025-01-01", "2025-03-15", "2025-01-01 至 2025-03-15", "2025-01-01至2025-03-15"},
	} {
		if got := reporting.PeriodLabel(c.from, c.to); got != c.label {
			t.Errorf("PeriodLabel(%s, %s) = %q, want %q", c.from, c.to, got, c.label)
		}
		p := reporting.Params{From: c.from, To: c.to, Book: ledger.BookFund}
		want := "锦绣家园-维修资金-收支明细账-" + c.file + ".pdf"
		if got := reporting.FileName("锦绣家园", reporting.KindJournal, p, "pdf"); got != want {
			t.Errorf("FileName = %q, want %q", got, want)
		}
	}
	if got := reporting.FileName(`A/B:小区`, reporting.KindAuditPackage, reporting.Params{Year: 2025}, "xlsx"); got != "A_B_小区-审计资料-2025.xlsx" {
		t.Errorf("unsafe characters: %q", got)
	}
	s := openLedger(t)
	units, _, _ := s.Units(store.UnitFilter{Limit: 1})
	u := units[0]
	for _, c := range []struct {
		p    reporting.Params
		want string
	}{
		{reporting.Params{From: y2025From, To: y2025To, UnitID: u.ID}, "锦绣家园-分户账-" + u.BuildingCode + "-" + u.Room + "-2025.pdf"},
		{reporting.Params{From: y2025From, To: y2025To, BuildingID: u.BuildingID}, "锦绣家园-分户账-" + u.BuildingCode + "-2025.pdf"},
		{reporting.Params{From: y2025From, To: y2025To}, "锦绣家园-分户账-2025.pdf"},
	} {
		if got, err := reporting.DefaultFileName(s, reporting.KindUnitStatements, c.p, "pdf"); err != nil || got != c.want {
			t.Errorf("DefaultFileName = %q %v, want %q", got, err, c.want)
		}
	}
}

// copyLedger copies the test ledger (and its WAL, if any) for a test that alters it.
func copyLedger(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "copy.jiayuan")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(ledgerPath + suffix)
		if err != nil {
			continue
		}
		if err := os.WriteFile(dst+suffix, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func sqlite3(t *testing.T, path, sql string) {
	t.Helper()
	if _, err := exec.LookPath("sqlite3"); err != nil {
		t.Skip("sqlite3 tool not installed")
	}
	if out, err := exec.Command("sqlite3", path, sql).CombinedOutput(); err != nil {
		t.Fatalf("sqlite3: %v %s", err, out)
	}
}

func TestAnAlteredLedgerIsReportedNotHidden(t *testing.T) {
	// A name changed outside the app: the audit package is made, and says the file is broken.
	path := copyLedger(t)
	sqlite3(t, path, `UPDATE owners SET name = '改过的名字' WHERE id = 1`)
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := params(t, s, "", "")
	p.Year = 2025
	pages := pdfPages(t, render(t, s, reporting.KindAuditPackage, p, "pdf"))
	all := squash(strings.Join(pages, ""))
	contains(t, "altered", all, "校验结果：未通过", "第一条损坏的记录：业主（owner）编号1", "问题：资料与变更记录不符", "请从最近的完好备份恢复")
	if strings.Contains(all, "校验结果：完好") {
		t.Error("an altered ledger is called intact")
	}

	// An amount changed outside the app: the books no longer balance and the journal is refused.
	path = copyLedger(t)
	sqlite3(t, path, `DROP TRIGGER postings_permanent_u; UPDATE postings SET amount_fen = amount_fen + 100
		WHERE id = (SELECT p.id FROM postings p JOIN accounts a ON a.id = p.account_id WHERE a.book = 'fund' AND a.kind = 'income' AND p.date LIKE '2025%' LIMIT 1)`)
	s2, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	q := params(t, s2, y2025From, y2025To)
	q.Book = ledger.BookFund
	_, err = reporting.Render(s2, reporting.KindJournal, q, "pdf")
	if ledger.KeyOf(err) != "report.not_adding_up" {
		t.Errorf("an unbalanced book gave %v, want the refusal report.not_adding_up", err)
	}
}
