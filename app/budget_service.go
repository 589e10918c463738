package app

import (
	"strings"

	"jiayuan/app/ops"
	"jiayuan/store/ledger"
)

// BudgetService is the working-expenses screen (业委会工作经费): a year's budget by category
// against what was actually spent, and editing the budget. It is bound to the frontend.
type BudgetService struct {
	sess *Session
}

// NewBudgetService builds the service.
func NewBudgetService(sess *Session) *BudgetService { return &BudgetService{sess: sess} }

// BudgetLineView is one expense category's budget against actual.
type BudgetLineView struct {
	Code      string `json:"code"`
	Name      string `json:"name"`
	NameEn    string `json:"nameEn"`
	Budget    string `json:"budget"`
	Actual    string `json:"actual"`
	Remaining string `json:"remaining"` // budget − actual; negative when over
	UsedPct   string `json:"usedPct"`   // actual ÷ budget, percent ("" without a budget)
	Over      bool   `json:"over"`      // spent more than budgeted (with no budget, anything spent)
}

// BudgetView is a year's working-expense budget against actual.
type BudgetView struct {
	Year    int              `json:"year"`
	Years   []int            `json:"years"` // years the picker offers, newest first
	Today   string           `json:"today"`
	Lines   []BudgetLineView `json:"lines"`
	Total   BudgetLineView   `json:"total"`
	Balance string           `json:"balance"` // the working-expense book's balance today
}

// BudgetEntry is one category's budget as typed.
type BudgetEntry struct {
	Code   string `json:"code"`
	Amount string `json:"amount"`
}

// Budget returns the budget against actual for a year (0 means the current year).
func (s *BudgetService) Budget(year int) (BudgetView, error) {
	st, err := s.sess.Store()
	if err != nil {
		return BudgetView{}, err
	}
	now := s.sess.now()
	if year == 0 {
		year = now.Year()
	}
	if year < 1990 || year > 2100 {
		return BudgetView{}, ledger.Refuse("works.year_invalid", "year", year)
	}
	c, err := st.Community()
	if err != nil {
		return BudgetView{}, err
	}
	v := BudgetView{Year: year, Today: ledger.FormatDate(now), Lines: []BudgetLineView{}}
	first := now.Year()
	if sd, err := ledger.ParseDate(c.StartDate); err == nil {
		first = sd.Year()
	}
	last := max(now.Year()+1, year)
	for y := last; y >= min(first, year); y-- {
		v.Years = append(v.Years, y)
	}
	lines, err := st.BudgetVsActual(year)
	if err != nil {
		return v, err
	}
	accts, err := st.Accounts(ledger.BookWorking)
	if err != nil {
		return v, err
	}
	en := map[string]string{}
	for _, a := range accts {
		en[a.Code] = a.NameEN
		if a.Kind == ledger.KindAsset {
			v.Balance = a.Balance.String()
		}
	}
	var tb, ta ledger.Money
	for _, l := range lines {
		v.Lines = append(v.Lines, budgetLine(l.AccountCode, l.Name, en[l.AccountCode], l.Budget, l.Actual))
		tb, ta = tb.Add(l.Budget), ta.Add(l.Actual)
	}
	v.Total = budgetLine("", "合计", "Total", tb, ta)
	return v, nil
}

func budgetLine(code, name, nameEn string, budget, actual ledger.Money) BudgetLineView {
	return BudgetLineView{Code: code, Name: name, NameEn: nameEn, Budget: budget.String(), Actual: actual.String(),
		Remaining: budget.Sub(actual).String(), UsedPct: ops.Percent(actual.Fen(), budget.Fen()), Over: actual.Cmp(budget) > 0}
}

// SetBudget sets a year's budget for the categories given; every amount is checked before
// anything is written, so a typing error in one line changes nothing.
func (s *BudgetService) SetBudget(year int, entries []BudgetEntry) (BudgetView, error) {
	st, err := s.sess.Store()
	if err != nil {
		return BudgetView{}, err
	}
	if year < 1990 || year > 2100 {
		return BudgetView{}, ledger.Refuse("works.year_invalid", "year", year)
	}
	amounts := make([]ledger.Money, len(entries))
	for i, e := range entries {
		t := strings.TrimSpace(e.Amount)
		if t == "" {
			t = "0"
		}
		m, err := ledger.ParseAmount(t)
		if err != nil {
			return BudgetView{}, err
		}
		if m.Sign() < 0 {
			return BudgetView{}, ledger.Refuse("works.budget_negative", "input", e.Amount)
		}
		amounts[i] = m
	}
	lines, err := st.BudgetVsActual(year)
	if err != nil {
		return BudgetView{}, err
	}
	old := map[string]ledger.Money{}
	for _, l := range lines {
		old[l.AccountCode] = l.Budget
	}
	for _, e := range entries {
		if _, ok := old[e.Code]; !ok {
			return BudgetView{}, ledger.Refuse("budget.bad_account", "account", e.Code)
		}
	}
	for i, e := range entries {
		if old[e.Code].Cmp(amounts[i]) == 0 {
			continue // unchanged: no needless change-log entry
		}
		if err := st.SetBudget(year, e.Code, amounts[i]); err != nil {
			return BudgetView{}, err
		}
	}
	return s.Budget(year)
}
