package store

import (
	"database/sql"
	"strconv"

	"jiayuan/store/ledger"
)

// R8 in the write transaction: spending public income on anything but the fund, and
// spending working expenses beyond the approved budget, must be authorised by a resolution.

// checkAuthorised refuses a public-income allocation to working expenses or "other use" that
// cites no resolution authorising it, and a working expense beyond its approved budget.
func (t *Tx) checkAuthorised(ctx *postContext, in VoucherInput, v ledger.Voucher) error {
	switch in.Book {
	case ledger.BookPublic:
		var alloc, other ledger.Money
		for _, p := range v.Postings {
			switch {
			case p.Account.Kind == ledger.KindTransferOut && p.Account.Counterpart == ledger.BookWorking:
				alloc = alloc.Add(p.Amount)
			case p.Account.Code == ledger.CodePublicOtherUse:
				other = other.Add(p.Amount)
			}
		}
		if alloc.Sign() > 0 {
			id, err := t.checkCitation(in.ResolutionID, ledger.PurposeAllocation, ledger.BookPublic, ledger.CodePublicToWorking, v.Date, alloc)
			if err != nil {
				return err
			}
			ctx.resolutionID = id
		}
		if other.Sign() > 0 {
			id, err := t.checkCitation(in.ResolutionID, ledger.PurposeOtherUse, ledger.BookPublic, ledger.CodePublicOtherUse, v.Date, other)
			if err != nil {
				return err
			}
			ctx.resolutionID = id
		}
	case ledger.BookWorking:
		if in.ResolutionID != 0 && v.Transfer { // the receiving side of an allocation shows what authorised it
			ctx.resolutionID = in.ResolutionID
		}
		return t.checkBudgets(v)
	}
	return nil
}

// checkBudgets refuses a working expense that takes its account's spending of the year beyond
// the approved budget and the raises resolved up to the voucher's date. A year without any
// budget line is not checked (a ledger moved in mid-year; the dashboard asks for a budget).
func (t *Tx) checkBudgets(v ledger.Voucher) error {
	year, _ := strconv.Atoi(v.Date[:4])
	spend := map[string]ledger.Money{}
	var codes []string
	for _, p := range v.Postings {
		if p.Account.Kind == ledger.KindExpense && p.Amount.Sign() != 0 {
			if _, ok := spend[p.Account.Code]; !ok {
				codes = append(codes, p.Account.Code)
			}
			spend[p.Account.Code] = spend[p.Account.Code].Add(p.Amount)
		}
	}
	if len(codes) == 0 {
		return nil
	}
	var lines int
	if err := t.QueryRow(`SELECT count(*) FROM budgets WHERE year = ?`, year).Scan(&lines); err != nil || lines == 0 {
		return err
	}
	for _, code := range codes {
		if spend[code].Sign() <= 0 {
			continue
		}
		budget, err := workingBudget(t, year, code, v.Date)
		if err != nil {
			return err
		}
		var spent int64
		if err := t.QueryRow(`SELECT COALESCE(SUM(p.amount_fen), 0) FROM postings p JOIN accounts a ON a.id = p.account_id
			WHERE a.book = 'working' AND a.code = ? AND p.date BETWEEN ? AND ?`, code, ledger.YearPeriod(year).From, ledger.YearPeriod(year).To).Scan(&spent); err != nil {
			return err
		}
		if err := ledger.CheckBudget(code, budget, ledger.Fen(spent), spend[code]); err != nil {
			return err
		}
	}
	return nil
}

// workingBudget is an account's approved budget of a year as of date: its budget line and the
// raises resolved (passed, dated up to date).
func workingBudget(q queryer, year int, code, date string) (ledger.Money, error) {
	var n int64
	err := q.QueryRow(`SELECT COALESCE((SELECT amount_fen FROM budgets WHERE year = ? AND account_code = ?), 0) +
		COALESCE((SELECT SUM(rt.amount_fen) FROM resolution_terms rt JOIN resolutions r ON r.id = rt.id
			WHERE rt.purpose = 'budget_raise' AND rt.year = ? AND rt.account_code = ? AND r.passed = 1 AND r.date <= ?), 0)`,
		year, code, year, code, date).Scan(&n)
	return ledger.Fen(n), err
}

// checkRepairDelegation lets a fund repair expense cite the assembly's small-repair
// delegation instead of the project's vote (issue 11, 授权范围和金额标准): the resolution must be
// such a delegation, passed and dated on or before the expense, and the project's charges and
// the delegation's use in the calendar year stay within its limits.
func (t *Tx) checkRepairDelegation(resolutionID, projectID int64, date string, repair ledger.Money) error {
	c, err := t.cited(resolutionID)
	if err != nil {
		return err
	}
	c.Amount = ledger.Zero // the per-year limit is checked below, by year
	if err := ledger.CheckCitation(c, ledger.PurposeRepairDelegation, date, ledger.Zero); err != nil {
		return err
	}
	if c.Body != ledger.BodyAssembly {
		return ledger.Refuse("resolution.assembly_only", "purpose", c.Purpose)
	}
	var perCase, perYear, charged, used int64
	if err := t.QueryRow(`SELECT per_case_fen, amount_fen FROM resolution_terms WHERE id = ?`, resolutionID).Scan(&perCase, &perYear); err != nil {
		return err
	}
	if err := t.QueryRow(`SELECT COALESCE(SUM(p.amount_fen), 0) FROM postings p JOIN vouchers v ON v.id = p.voucher_id
		JOIN accounts a ON a.id = p.account_id WHERE v.project_id = ? AND a.book = 'fund' AND a.code = ?`,
		projectID, ledger.CodeFundRepair).Scan(&charged); err != nil {
		return err
	}
	year := date[:4]
	if err := t.QueryRow(`SELECT COALESCE(SUM(p.amount_fen), 0) FROM postings p JOIN accounts a ON a.id = p.account_id
		JOIN vouchers v ON v.id = p.voucher_id WHERE a.book = 'fund' AND a.code = ? AND p.date BETWEEN ? AND ?
		AND (v.resolution_id = ? OR v.reverses_id IN (SELECT id FROM vouchers WHERE resolution_id = ?))`,
		ledger.CodeFundRepair, year+"-01-01", year+"-12-31", resolutionID, resolutionID).Scan(&used); err != nil {
		return err
	}
	return ledger.CheckRepairDelegation(ledger.RepairDelegation{ID: resolutionID, PerCase: ledger.Fen(perCase), PerYear: ledger.Fen(perYear)},
		ledger.Fen(charged), ledger.Fen(used), repair)
}

// BudgetResolution is the newest passed assembly resolution approving a year's budget, 0 if
// none.
func budgetResolution(q queryer, year int) (id, total int64, body string, err error) {
	err = q.QueryRow(`SELECT r.id, rt.amount_fen, r.body FROM resolutions r JOIN resolution_terms rt ON rt.id = r.id
		WHERE rt.purpose = 'budget' AND rt.year = ? AND r.passed = 1 ORDER BY r.date DESC, r.id DESC LIMIT 1`, year).Scan(&id, &total, &body)
	if err == sql.ErrNoRows {
		return 0, 0, "", nil
	}
	return id, total, body, err
}

// checkBudgetApproved refuses a budget line of a year the assembly has not approved, or one
// that takes the year's lines beyond the approved total.
func (t *Tx) checkBudgetApproved(year int, code string, amount ledger.Money) error {
	id, total, body, err := budgetResolution(t, year)
	if err != nil {
		return err
	}
	if id == 0 {
		return ledger.Refuse("budget.no_resolution", "year", year)
	}
	if body != string(ledger.BodyAssembly) {
		return ledger.Refuse("resolution.assembly_only", "purpose", ledger.PurposeBudget)
	}
	if total == 0 {
		return nil
	}
	var others int64
	if err := t.QueryRow(`SELECT COALESCE(SUM(amount_fen), 0) FROM budgets WHERE year = ? AND account_code <> ?`, year, code).Scan(&others); err != nil {
		return err
	}
	if sum := ledger.Fen(others).Add(amount); sum.Cmp(ledger.Fen(total)) > 0 {
		return ledger.Refuse("budget.over_approved", "year", year, "approved", ledger.Fen(total).Grouped(), "total", sum.Grouped())
	}
	return nil
}
