package app

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"jiayuan/app/i18n"
	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// The books fixture: a small community whose maintenance fund has just fallen below 30% of
// its initial amount, so that public income recognised in the last ended quarter owes the
// fund a share (R2). It is built relative to "today":
//
//	start     = first day of the quarter a year before the last ended quarter (lastQ)
//	start+1d    initial deposits (首期交存), one voucher per building, 24 units
//	each month  parking income less 6% tax into the public book, until the lift works
//	each quarter ¥3,000.00 allocated to working expenses; office costs paid from them
//	lastQ−50d   project 全小区电梯更新改造, voted, cost-audited, paid at lastQ−40d: the fund
//	            falls to about 22% (a replenishment case opens)
//	the first public and working quarters are closed
//
// Nothing is posted in lastQ or after: the tests (and the e2e test) post there.

// booksFixtureDates are the fixture's key dates for a given today.
type booksFixtureDates struct {
	Start, LastQFrom, LastQTo, LastQ, Drop string
}

func fixtureDates(today time.Time) booksFixtureDates {
	qStart := time.Date(today.Year(), time.Month((int(today.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
	lastFrom := qStart.AddDate(0, -3, 0)
	return booksFixtureDates{
		Start:     ledger.FormatDate(lastFrom.AddDate(-1, 0, 0)),
		LastQFrom: ledger.FormatDate(lastFrom),
		LastQTo:   ledger.FormatDate(qStart.AddDate(0, 0, -1)),
		LastQ:     ledger.Quarter(lastFrom),
		Drop:      ledger.FormatDate(lastFrom.AddDate(0, 0, -50)),
	}
}

func addDaysTo(date string, n int) string {
	t, _ := ledger.ParseDate(date)
	return ledger.FormatDate(t.AddDate(0, 0, n))
}

// writeBooksFixture writes the fixture ledger at path.
func writeBooksFixture(path string, today time.Time) (err error) {
	d := fixtureDates(today)
	s, err := store.Create(path, store.Community{Name: "晨曦苑", Address: "上海市普陀区真北路 2100 弄", District: "普陀区 · 长征镇",
		AssemblyCode: "310107-0311", FundBank: "上海农商银行普陀支行", FundAccount: "5001 2000 3300 2100", StartDate: d.Start,
		TermStart: d.Start, TermEnd: addDaysTo(d.Start, 5*365),
		// a ledger made before the statute became the default keeps the national list's R2 rule
		// (public income owes the fund only while it is below 30%): the browser tests' figures
		// rest on it. The statute's own flows are tested in r2_statute_test.go.
		Policy: ledger.LegacyTransferPolicy(ledger.DefaultPolicy())})
	if err != nil {
		return err
	}
	defer func() {
		if cerr := s.Close(); err == nil {
			err = cerr
		}
	}()
	s.SetActor("测试数据")
	post := func(in store.VoucherInput) {
		if err == nil {
			_, err = s.PostVoucher(in)
			if err != nil {
				err = fmt.Errorf("%s %s: %w", in.Date, in.Summary, err)
			}
		}
	}
	names := []string{"陈建国", "王秀英", "李明", "张丽", "刘洋", "杨静", "赵强", "黄敏", "周杰", "吴芳", "徐磊", "孙娟"}
	var initial ledger.Money
	type unit struct {
		id  int64
		ini ledger.Money
	}
	byBld := map[int64][]unit{}
	var blds []int64
	for b := 1; b <= 2; b++ {
		bid, err := s.AddBuilding(store.Building{Code: fmt.Sprintf("%d号", b), Name: fmt.Sprintf("%d号楼", b), HasLift: true})
		if err != nil {
			return err
		}
		blds = append(blds, bid)
		for f := 1; f <= 6; f++ {
			for k := 1; k <= 2; k++ {
				n := (b-1)*12 + (f-1)*2 + k - 1
				oid, err := s.AddOwner(store.Owner{Name: names[n%len(names)] + fmt.Sprint(n/len(names)+1), Phone: fmt.Sprintf("1380000%04d", n)})
				if err != nil {
					return err
				}
				area := int64(8500 + (n*731)%5000) // 85.00–134.99 m²
				ini := ledger.Fen(area * 60)       // ¥60 a m²
				uid, err := s.AddUnit(store.Unit{BuildingID: bid, Room: fmt.Sprintf("%d%02d", f, k), AreaCM2: area, HousingType: "commodity",
					Initial: ini, OwnerID: oid})
				if err != nil {
					return err
				}
				byBld[bid] = append(byBld[bid], unit{uid, ini})
				initial = initial.Add(ini)
			}
		}
	}
	for i, bid := range blds {
		var total ledger.Money
		var splits []store.UnitSplit
		for _, u := range byBld[bid] {
			total = total.Add(u.ini)
			splits = append(splits, store.UnitSplit{UnitID: u.id, Amount: u.ini})
		}
		post(store.VoucherInput{Book: ledger.BookFund, Date: addDaysTo(d.Start, 1), Summary: fmt.Sprintf("%d号楼首期维修资金归集", i+1),
			Lines:  []store.LineInput{{AccountCode: ledger.CodeBank, Amount: total}, {AccountCode: ledger.CodeFundInitial, Amount: total.Neg()}},
			Splits: splits})
	}
	// The owners' assembly allocates public income to working expenses (R8).
	area, owners, err := s.AssemblyScope(0)
	if err != nil {
		return err
	}
	alloc, err := s.RecordResolution(store.ResolutionInput{Body: ledger.BodyAssembly, Purpose: ledger.PurposeAllocation, Date: d.Start,
		Subject: "从公共收益拨付业委会工作经费", PartArea: area, PartOwners: owners, AgreeArea: area, AgreeOwners: owners})
	if err != nil {
		return err
	}
	start, _ := ledger.ParseDate(d.Start)
	drop, _ := ledger.ParseDate(d.Drop)
	for m := 0; ; m++ {
		month := start.AddDate(0, m, 0)
		if !month.AddDate(0, 0, 4).Before(drop) {
			break
		}
		date := ledger.FormatDate(month.AddDate(0, 0, 4))
		gross := ledger.Yuan(int64(2400 + (m*370)%900))
		tax := ledger.MoneyRound(gross.Decimal().Mul(ledger.Fen(6).Decimal()))
		post(store.VoucherInput{Book: ledger.BookPublic, Date: date, Summary: "地面停车费收入（扣除税费）",
			Lines: []store.LineInput{{AccountCode: ledger.CodeBank, Amount: gross.Sub(tax)}, {AccountCode: "5001", Amount: tax}, {AccountCode: "4001", Amount: gross.Neg()}}})
		if m%3 == 0 {
			post(store.VoucherInput{Book: ledger.BookPublic, Date: date, Summary: "电梯广告收入",
				Lines: []store.LineInput{{AccountCode: ledger.CodeBank, Amount: ledger.Yuan(1800)}, {AccountCode: "4002", Amount: ledger.Yuan(-1800)}}})
		}
		if m%3 == 2 && err == nil {
			_, _, err = s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookWorking, Date: ledger.FormatDate(month.AddDate(0, 0, 20)),
				Amount: ledger.Yuan(3000), Summary: ledger.Quarter(month) + " 拨付业委会工作经费", ResolutionID: alloc})
		}
		if m%3 == 2 {
			post(store.VoucherInput{Book: ledger.BookWorking, Date: ledger.FormatDate(month.AddDate(0, 0, 22)), Summary: "办公用品、打印复印",
				Lines: []store.LineInput{{AccountCode: "5001", Amount: ledger.Fen(int64(45000 + m*1130))}, {AccountCode: ledger.CodeBank, Amount: ledger.Fen(-int64(45000 + m*1130))}}})
		}
	}
	if err != nil {
		return err
	}
	// The lift works: the fund falls to about 22% of its initial amount.
	pid, err := s.CreateProject(store.ProjectInput{Name: "全小区电梯更新改造", Reason: "电梯使用超过 15 年，检验机构建议整体更新", ScopeKind: "community",
		Budget: ledger.Yuan(130000), Contractor: "上海安居电梯工程有限公司", SelectionMethod: "三家比选", ContractNo: "CX-DT-001", Date: d.Drop})
	if err != nil {
		return err
	}
	p, err := s.Project(pid)
	if err != nil {
		return err
	}
	if _, vc, err := s.RecordProjectVote(pid, store.VoteInput{Title: "电梯更新改造表决", Date: addDaysTo(d.Drop, 3), PartArea: p.ScopeAreaCM2 * 9 / 10,
		PartOwners: p.ScopeOwners * 9 / 10, AgreeArea: p.ScopeAreaCM2 * 8 / 10, AgreeOwners: p.ScopeOwners * 8 / 10}); err != nil || !vc.Passed {
		return fmt.Errorf("vote: %v %v", err, vc.Refusal)
	}
	target := ledger.MoneyCeil(initial.Decimal().Mul(ledger.Fen(22).Decimal()))
	amount := initial.Sub(target) // the fund holds exactly the initial deposits until now
	if err := s.SetCostAudit(pid, amount); err != nil {
		return err
	}
	if _, err := s.PostProjectExpense(pid, addDaysTo(d.Drop, 10), amount, "全小区电梯更新改造 工程款（按审价）", nil); err != nil {
		return err
	}
	if err := s.SetAcceptance(pid, addDaysTo(d.Drop, 9)); err != nil {
		return err
	}
	firstQ := ledger.Quarter(start)
	firstTo, _ := ledger.QuarterPeriod(firstQ)
	for _, b := range []ledger.Book{ledger.BookPublic, ledger.BookWorking} {
		if err := s.ClosePeriod(b, firstQ, addDaysTo(firstTo.To, 10)); err != nil {
			return err
		}
	}
	return nil
}

// booksSession opens a fresh fixture ledger in a session whose clock says today.
func booksSession(t *testing.T, today string) (*Session, booksFixtureDates) {
	t.Helper()
	now, err := ledger.ParseDate(today)
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(10 * time.Hour)
	path := filepath.Join(t.TempDir(), "晨曦苑.jiayuan")
	if err := writeBooksFixture(path, now); err != nil {
		t.Fatal(err)
	}
	sess := NewSession(ops.NewConfigStore(t.TempDir()), i18n.MustLoad())
	sess.now = func() time.Time { return now }
	if _, err := sess.open(path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sess.Close)
	return sess, fixtureDates(now)
}

// TestBooksE2EFixture checks the fixture's state; with JIAYUAN_BOOKS_FIXTURE set it also writes
// the fixture there for the browser tests (e2e/tests/books.test.mjs), built for the real today.
func TestBooksE2EFixture(t *testing.T) {
	if out := os.Getenv("JIAYUAN_BOOKS_FIXTURE"); out != "" {
		os.Remove(out)
		if err := writeBooksFixture(out, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	for _, today := range []string{"2026-11-22", "2027-01-03", "2027-03-31", "2027-04-01"} {
		sess, d := booksSession(t, today)
		st, _ := sess.Store()
		now := sess.now()
		status, err := st.Status(now, false)
		if err != nil {
			t.Fatal(err)
		}
		if !status.Fund.Below || status.Fund.Ratio != "22.00" || !status.Outstanding.IsZero() {
			t.Errorf("%s: fund %s%% below=%v, outstanding %s", today, status.Fund.Ratio, status.Fund.Below, status.Outstanding)
		}
		if status.Books[ledger.BookPublic].Cmp(ledger.Yuan(5000)) < 0 || status.Books[ledger.BookWorking].Cmp(ledger.Yuan(1000)) < 0 {
			t.Errorf("%s: public %s working %s: too little to spend from", today, status.Books[ledger.BookPublic], status.Books[ledger.BookWorking])
		}
		if err := st.CheckClosePeriod(ledger.BookPublic, d.LastQ, today); err != nil {
			t.Errorf("%s: nothing is owed for %s yet: %v", today, d.LastQ, err)
		}
		if res, err := st.Verify(); err != nil || !res.OK {
			t.Errorf("%s: verify %v %+v", today, err, res)
		}
	}
}
