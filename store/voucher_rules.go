package store

import (
	"fmt"

	"jiayuan/store/ledger"
)

// postContext carries what the rule checks learn about a voucher to the insert.
type postContext struct {
	policy       ledger.Policy
	resolutionID int64
	emergency    string
	r2Net        ledger.Money
	projectUnits []int64 // scope of the project a fund expense pays
}

// checkRules applies the book-specific rules to a new (non-reversal) voucher.
func (t *Tx) checkRules(ctx *postContext, in VoucherInput, v ledger.Voucher) error {
	var err error
	switch in.Book {
	case ledger.BookFund:
		err = t.checkFundRules(ctx, in, v)
	case ledger.BookPublic:
		err = t.checkPublicRules(ctx, in, v)
	}
	if err != nil {
		return err
	}
	return t.checkAuthorised(ctx, in, v)
}

// checkFundRules: a repair expense must pay a project whose owners voted for it (or an
// emergency with its statutory trigger), within the project's cost-audit amount (R3).
func (t *Tx) checkFundRules(ctx *postContext, in VoucherInput, v ledger.Voucher) error {
	var repair ledger.Money
	for _, p := range v.Postings {
		if p.Account.Code == ledger.CodeFundRepair {
			repair = repair.Add(p.Amount)
		}
		if p.Account.Code == ledger.CodeFundReplenish && in.CaseID == 0 {
			return ledger.Refuse("replenish.case_required")
		}
	}
	if in.CaseID != 0 {
		var n int
		if err := t.Get(&n, `SELECT count(*) FROM replenishment_cases WHERE id = ?`, in.CaseID); err != nil {
			return err
		}
		if n == 0 {
			return ledger.Refuse("record.not_found", "what", "replenishment case", "id", in.CaseID)
		}
	}
	if repair.IsZero() {
		if in.ProjectID != 0 {
			return ledger.Refuse("project.no_repair_line")
		}
		return nil
	}
	if in.ProjectID == 0 {
		return ledger.Refuse("project.required")
	}
	var proj Project
	if err := t.Get(&proj, `SELECT emergency_trigger, cost_audit_fen FROM projects WHERE id = ?`, in.ProjectID); err != nil {
		return notFound(err, "project", in.ProjectID)
	}
	trigger, costAudit := proj.EmergencyTrigger, proj.CostAudit
	units, err := t.projectUnitIDs(in.ProjectID)
	if err != nil {
		return err
	}
	ctx.projectUnits = units
	if trigger != "" {
		if !ledger.ValidEmergencyTrigger(trigger) {
			return ledger.Refuse("project.bad_emergency_trigger", "trigger", trigger)
		}
		ctx.emergency = trigger
	} else if in.ResolutionID != 0 {
		if err := t.checkRepairDelegation(in.ResolutionID, in.ProjectID, v.Date, repair); err != nil {
			return err
		}
		ctx.resolutionID = in.ResolutionID
	} else {
		rid, err := t.validResolution(in.ProjectID, units, v.Date)
		if err != nil {
			return err
		}
		ctx.resolutionID = rid
	}
	var charged int64
	if err := t.Get(&charged, `SELECT COALESCE(SUM(p.amount_fen), 0) FROM postings p JOIN vouchers v ON v.id = p.voucher_id
		JOIN accounts a ON a.id = p.account_id WHERE v.project_id = ? AND a.book = 'fund' AND a.code = ?`,
		in.ProjectID, ledger.CodeFundRepair); err != nil {
		return err
	}
	if err := ledger.CheckCostAudit(ledger.Fen(charged), repair, costAudit); err != nil {
		return err
	}
	if ctx.emergency != "" {
		// 应急使用: the committee's approval, the certificate and the housing office informed
		return t.checkEmergencyRecord(in.ProjectID, ctx.emergency, v.Date)
	}
	return nil
}

// validResolution finds the newest resolution on the project, dated no later than the
// expense, whose scope figures are the project's own and whose figures pass R3.
func (t *Tx) validResolution(projectID int64, units []int64, date string) (int64, error) {
	area, owners, err := scopeFigures(t, units)
	if err != nil {
		return 0, err
	}
	var rs []Resolution
	if err := t.Select(&rs, `SELECT id, scope_area_cm2, scope_owners, part_area_cm2, part_owners, agree_area_cm2, agree_owners
		FROM resolutions WHERE project_id = ? AND kind = 'use' AND date <= ? ORDER BY date DESC, id DESC`, projectID, date); err != nil {
		return 0, err
	}
	var firstErr error
	for _, r := range rs {
		id := r.ID
		vote := ledger.Vote{Kind: ledger.VoteUse, ScopeArea: r.ScopeArea, ScopeOwners: r.ScopeOwners, PartArea: r.PartArea,
			PartOwners: r.PartOwners, AgreeArea: r.AgreeArea, AgreeOwners: r.AgreeOwners}
		if vote.ScopeArea != area || vote.ScopeOwners != owners {
			if firstErr == nil {
				firstErr = ledger.Refuse("vote.scope_mismatch")
			}
			continue
		}
		if err := ledger.CheckVote(vote); err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		return id, nil
	}
	if firstErr != nil {
		return 0, firstErr
	}
	return 0, ledger.Refuse("vote.missing")
}

// checkPublicRules: public income owes the fund a share each quarter (R2: always under the
// statute, only while the fund is below the threshold under the national list's rule), and the
// money owed is ring-fenced: no other public spending may bring the public book's bank balance
// below what is still owed for the current and past quarters.
func (t *Tx) checkPublicRules(ctx *postContext, in VoucherInput, v ledger.Voucher) error {
	var net, bank ledger.Money
	spending := false
	for _, p := range v.Postings {
		switch p.Account.Kind {
		case ledger.KindIncome:
			net = net.Sub(p.Amount) // income is a credit (negative)
		case ledger.KindDeduction:
			net = net.Sub(p.Amount) // deductions are debits (positive) and reduce net income
		case ledger.KindExpense:
			spending = spending || p.Amount.Sign() > 0
		case ledger.KindTransferOut:
			spending = spending || (p.Account.Counterpart != ledger.BookFund && p.Amount.Sign() > 0)
		case ledger.KindAsset:
			bank = bank.Add(p.Amount)
		}
	}
	if spending {
		owed, err := owedToFund(t, ctx.policy, v.Date)
		if err != nil {
			return err
		}
		before, err := bookBalanceAsOf(t, ledger.BookPublic, v.Date)
		if err != nil {
			return err
		}
		if err := ledger.CheckRingFence(before, bank, owed); err != nil {
			return err
		}
	}
	if !net.IsZero() && ctx.policy.TransferMode == ledger.TransferAlways {
		ctx.r2Net = net // the statute binds all of it, whatever the fund's level: nothing to read
	} else if !net.IsZero() {
		// the national list's rule looks at the residential fund, as the trigger does (garages
		// accounted separately unless the policy includes them)
		fundBal, initial, err := scopedFundAsOf(t, ctx.policy, v.Date)
		if err != nil {
			return err
		}
		if ctx.policy.TransferApplies(fundBal, initial) {
			ctx.r2Net = net
		}
	}
	return nil
}

// owedToFund is what R2 still requires to be transferred to the fund as of date, for the
// current and past quarters.
func owedToFund(q querier, p ledger.Policy, date string) (ledger.Money, error) {
	qs, err := settleTransfers(q, p, date)
	return ledger.TotalShort(qs), err
}

// settleTransfers reads, as of date, the net income R2 binds per quarter and building scope
// (stored on each voucher when it was posted, under the rule then in force) and the transfers
// to the fund per scope, and settles them (ledger.SettleTransfers).
func settleTransfers(q querier, p ledger.Policy, date string) ([]ledger.QuarterTransfer, error) {
	var nets []struct {
		Year     int          `db:"year"`
		Q        int          `db:"q"`
		Building int64        `db:"building"`
		Net      ledger.Money `db:"net"`
	}
	if err := q.Select(&nets, `SELECT year, (CAST(substr(date, 6, 2) AS INTEGER) + 2) / 3 AS q, COALESCE(building_id, 0) AS building,
		SUM(r2_net_fen) AS net FROM vouchers WHERE book = 'public' AND r2_net_fen <> 0 AND date <= ? GROUP BY 1, 2, 3`, date); err != nil {
		return nil, err
	}
	incomes := make([]ledger.QuarterIncome, 0, len(nets))
	for _, n := range nets {
		incomes = append(incomes, ledger.QuarterIncome{Quarter: fmt.Sprintf("%dQ%d", n.Year, n.Q), Building: n.Building, Net: n.Net})
	}
	var done []struct {
		Date     string       `db:"date"`
		Building int64        `db:"building"`
		Amount   ledger.Money `db:"amount"`
	}
	if err := q.Select(&done, `SELECT p.date AS date, COALESCE(v.building_id, 0) AS building, SUM(p.amount_fen) AS amount FROM postings p
		JOIN accounts a ON a.id = p.account_id JOIN vouchers v ON v.id = p.voucher_id
		WHERE a.book = 'public' AND a.code = ? AND p.date <= ? GROUP BY 1, 2`, ledger.CodePublicToFund, date); err != nil {
		return nil, err
	}
	transfers := make([]ledger.FundTransfer, 0, len(done))
	for _, d := range done {
		transfers = append(transfers, ledger.FundTransfer{Date: d.Date, Building: d.Building, Amount: d.Amount})
	}
	return p.SettleTransfers(incomes, transfers, date), nil
}

// checkQuarterSettled refuses closing a public-income period while a quarter up to its end
// still falls short of its transfer, counting transfers made up to today (a quarter's
// transfer is made after its statement, in the next month).
func checkQuarterSettled(q querier, p ledger.Policy, per ledger.Period, today string) error {
	qs, err := settleTransfers(q, p, today)
	if err != nil {
		return err
	}
	var short ledger.Money
	for _, x := range qs {
		if qp, err := ledger.QuarterPeriod(x.Quarter); err == nil && qp.To <= per.To {
			short = short.Add(x.Short)
		}
	}
	if short.Sign() > 0 {
		return ledger.Refuse("r2.close_shortfall", "amount", short.Grouped(), "to", per.To)
	}
	return nil
}

func bookBalanceAsOf(q queryer, b ledger.Book, date string) (ledger.Money, error) {
	var bal int64
	err := q.Get(&bal, `SELECT COALESCE(SUM(p.amount_fen), 0) FROM postings p WHERE p.account_id IN
		(SELECT id FROM accounts WHERE book = ? AND kind = 'asset') AND p.date <= ?`, b, date)
	return ledger.Fen(bal), err
}

func (t *Tx) projectUnitIDs(projectID int64) ([]int64, error) {
	return unitIDsOf(t, projectID)
}
