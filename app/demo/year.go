package demo

import (
	"fmt"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// year writes one year of history, month by month.
func (g *gen) year(y int, first bool) error {
	if first {
		if err := g.initialDeposits(fmt.Sprintf("%d-01-15", y)); err != nil {
			return err
		}
		if err := g.demoContracts(y); err != nil {
			return err
		}
	}
	if err := g.budget(y); err != nil {
		return err
	}
	for m := 1; m <= 12; m++ {
		d := func(day int) string { return fmt.Sprintf("%d-%02d-%02d", y, m, day) }
		if d(28) > g.end {
			break
		}
		g.at(d(1))
		if err := g.publicIncome(d(5), m); err != nil {
			return err
		}
		if err := g.workingExpense(d(18), m); err != nil {
			return err
		}
		if err := g.projects(y, m); err != nil {
			return err
		}
		if err := g.replenishment(d(20)); err != nil {
			return err
		}
		// interest before the quarter's end: the half-year's disclosure closes the fund's half
		if m == 6 || m == 12 {
			if err := g.interest(d(21)); err != nil {
				return err
			}
		}
		if m%3 == 0 {
			if err := g.quarterEnd(y, m); err != nil {
				return err
			}
		}
		if m == 5 {
			if err := g.audit(y - 1); err != nil {
				return err
			}
		}
	}
	return nil
}

// initialDeposits posts the first deposits (首期交存), one voucher per building.
func (g *gen) initialDeposits(date string) error {
	g.at(date)
	for _, b := range g.blds {
		var total ledger.Money
		var splits []store.UnitSplit
		for _, i := range g.byBld[b] {
			u := g.units[i]
			total = total.Add(u.initial)
			splits = append(splits, store.UnitSplit{UnitID: u.id, Amount: u.initial})
		}
		if _, err := g.s.PostVoucher(store.VoucherInput{Book: ledger.BookFund, Date: date, Summary: "首期维修资金归集",
			Lines:  []store.LineInput{{AccountCode: ledger.CodeBank, Amount: total}, {AccountCode: ledger.CodeFundInitial, Amount: total.Neg()}},
			Splits: splits}); err != nil {
			return err
		}
	}
	return nil
}

// settleQuarter transfers, once the quarter's last income is in (the property company's
// statement arrives after the quarter), what the quarter still owes the fund under R2, so that
// every quarter of the demo meets the statute before it is closed.
func (g *gen) settleQuarter(quarter, date string) error {
	st, err := g.statusOn(date)
	if err != nil {
		return err
	}
	for _, q := range st.Quarters {
		if q.Quarter != quarter || q.Short.IsZero() {
			continue
		}
		_, _, err := g.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: date, Amount: q.Short,
			Summary: fmt.Sprintf("%s 公共收益转入维修资金（按季度报表补足）", q.Quarter)})
		return err
	}
	return nil
}

// quarterEnd books the property company's statement, then makes the transfer to the fund R2
// requires so far (plus a policy share when nothing is owed), the allocation to working
// expenses, the disclosures, and closes the quarter.
func (g *gen) quarterEnd(y, m int) error {
	date := fmt.Sprintf("%d-%02d-25", y, m)
	// the property company's statement, and its transfer, bring the quarter's money in
	if d, err := g.propertyStatement(y, m); err != nil {
		return err
	} else if d != "" {
		date = d
	}
	g.at(date)
	st, err := g.statusOn(date)
	if err != nil {
		return err
	}
	q := store.QuarterStatus{Quarter: fmt.Sprintf("%dQ%d", y, m/3)}
	for _, x := range st.Quarters {
		if x.Quarter == q.Quarter {
			q = x
		}
	}
	toFund := st.Outstanding
	if toFund.IsZero() {
		toFund = ledger.MoneyFloor(q.Net.Decimal().Mul(ledger.Fen(30).Decimal())) // 30% by the assembly's choice
	}
	if toFund.Sign() > 0 {
		if _, _, err := g.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: date, Amount: toFund,
			Summary: fmt.Sprintf("%s 公共收益转入维修资金", q.Quarter)}); err != nil {
			return err
		}
	}
	alloc := ledger.Yuan(6000)
	if st.Books[ledger.BookPublic].Sub(toFund).Cmp(alloc) > 0 {
		if _, _, err := g.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookWorking, Date: date, Amount: alloc,
			Summary: fmt.Sprintf("%s 拨付业委会工作经费", q.Quarter), ResolutionID: g.alloc}); err != nil {
			return err
		}
		g.working = g.working.Add(alloc)
	}
	if m == 6 && y > g.startYear() {
		fee := ledger.Yuan(6000)
		if st.Books[ledger.BookPublic].Sub(toFund).Sub(alloc).Cmp(fee) > 0 {
			if _, err := g.s.PostVoucher(store.VoucherInput{Book: ledger.BookPublic, Date: date, Summary: fmt.Sprintf("%d 年度财务审计费", y-1),
				Lines: []store.LineInput{{AccountCode: "5201", Amount: fee}, {AccountCode: ledger.CodeBank, Amount: fee.Neg()}}}); err != nil {
				return err
			}
		}
	}
	qend := ledger.Period{From: fmt.Sprintf("%d-%02d-01", y, m-2), To: lastDay(y, m)}
	pub := fmt.Sprintf("%d-%02d-10", y+boolInt(m == 12), m%12+1)
	if pub > g.end {
		return nil // the newest quarter is still to be disclosed: the dashboard shows it due
	}
	g.at(pub)
	if err := g.settleQuarter(q.Quarter, pub); err != nil {
		return err
	}
	if err := g.s.ClosePeriod(ledger.BookPublic, q.Quarter, pub); err != nil {
		return err
	}
	for _, b := range []ledger.Book{ledger.BookPublic, ledger.BookWorking} {
		if _, err := g.s.AddDisclosure(store.Disclosure{Book: b, Period: qend, PublishedOn: pub, Place: "小区公告栏、业主微信群"}); err != nil {
			return err
		}
	}
	if m == 6 || m == 12 {
		half := ledger.Period{From: fmt.Sprintf("%d-%02d-01", y, m-5), To: lastDay(y, m)}
		if _, err := g.s.AddDisclosure(store.Disclosure{Book: ledger.BookFund, Period: half, PublishedOn: pub, Place: "小区公告栏"}); err != nil {
			return err
		}
	}
	return nil
}

// statusOn is the figures the demo decides by (balances, R2's quarters): not the dashboard's
// whole status, which it would read hundreds of times.
func (g *gen) statusOn(date string) (store.Status, error) {
	t, _ := ledger.ParseDate(date)
	return g.s.Figures(t)
}

func lastDay(y, m int) string {
	t, _ := ledger.ParseDate(fmt.Sprintf("%d-%02d-01", y, m))
	return ledger.FormatDate(t.AddDate(0, 1, -1))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// interest credits the fund's half-yearly interest (about 0.75% of the balance).
func (g *gen) interest(date string) error {
	st, err := g.statusOn(date)
	if err != nil {
		return err
	}
	amt := ledger.MoneyRound(st.Fund.Balance.Decimal().Mul(ledger.Fen(75).Decimal().Shift(-2)))
	if amt.Sign() <= 0 {
		return nil
	}
	g.at(date)
	_, err = g.s.PostVoucher(store.VoucherInput{Book: ledger.BookFund, Date: date, Summary: "维修资金利息（半年结息）",
		Lines: []store.LineInput{{AccountCode: ledger.CodeBank, Amount: amt}, {AccountCode: ledger.CodeFundInterest, Amount: amt.Neg()}}})
	return err
}
