package store

import (
	"database/sql"
	"strings"

	"jiayuan/store/ledger"
)

// unitLine is one line of the per-unit sub-ledger about to be written.
type unitLine struct {
	unitID, accountID int64
	amount            ledger.Money
}

// splitUnits decides how each per-unit line of a fund voucher falls on the units' sub-accounts:
// deposits and opening balances as the caller says (checked to add up), interest by the
// units' balances, transfers in by area over all units, repairs by area over the project's
// scope (R4). Every split sums exactly to its line.
func (t *Tx) splitUnits(ctx *postContext, in VoucherInput, v ledger.Voucher, accountIDs []int64) ([]unitLine, error) {
	if in.Book != ledger.BookFund {
		if len(in.Splits) > 0 {
			return nil, ledger.Refuse("split.not_fund")
		}
		return nil, nil
	}
	var out []unitLine
	explicitLines := 0
	for i, p := range v.Postings {
		if !p.Account.PerUnit {
			continue
		}
		total := p.Amount.Neg() // a credit to the fund adds to the units
		var ids []int64
		var weights []int64
		var err error
		switch p.Account.Code {
		case ledger.CodeFundInitial, ledger.CodeFundReplenish, ledger.CodeOpening:
			explicitLines++
			if explicitLines > 1 {
				return nil, ledger.Refuse("split.one_line")
			}
			lines, err := t.explicitSplit(in.Splits, total, accountIDs[i])
			if err != nil {
				return nil, err
			}
			out = append(out, lines...)
			continue
		case ledger.CodeFundInterest:
			ids, weights, err = t.unitBalanceWeights(v.Date)
		case ledger.CodeFundTransferIn:
			// a building's owners' income goes to their units only
			var only []int64
			if in.BuildingID != 0 {
				if only, err = t.buildingUnitIDs(in.BuildingID); err != nil {
					return nil, err
				}
			}
			ids, weights, err = t.unitAreas(only)
		case ledger.CodeFundRepair:
			ids, weights, err = t.unitAreas(ctx.projectUnits)
		default:
			return nil, ledger.Refuse("split.unknown_account", "account", p.Account.Code)
		}
		if err != nil {
			return nil, err
		}
		shares, err := ledger.Apportion(total, weights)
		if err != nil {
			return nil, err
		}
		for k, id := range ids {
			if !shares[k].IsZero() {
				out = append(out, unitLine{id, accountIDs[i], shares[k]})
			}
		}
	}
	if explicitLines == 0 && len(in.Splits) > 0 {
		return nil, ledger.Refuse("split.unexpected")
	}
	return out, nil
}

// explicitSplit checks caller-given splits: known units, each once, summing to the line.
func (t *Tx) explicitSplit(splits []UnitSplit, total ledger.Money, accountID int64) ([]unitLine, error) {
	if len(splits) == 0 {
		return nil, ledger.Refuse("split.missing")
	}
	seen := map[int64]bool{}
	var sum ledger.Money
	out := make([]unitLine, 0, len(splits))
	for _, sp := range splits {
		if seen[sp.UnitID] {
			return nil, ledger.Refuse("split.duplicate_unit", "unit", sp.UnitID)
		}
		seen[sp.UnitID] = true
		sum = sum.Add(sp.Amount)
		out = append(out, unitLine{sp.UnitID, accountID, sp.Amount})
	}
	if sum != total {
		return nil, ledger.Refuse("split.mismatch", "split", sum.Grouped(), "line", total.Grouped())
	}
	ids := make([]int64, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	var n int
	for _, ch := range chunks(ids, 500) {
		var k int
		if err := t.Get(&k, `SELECT count(*) FROM units WHERE id IN (`+placeholders(len(ch))+`)`, int64sToAny(ch)...); err != nil {
			return nil, err
		}
		n += k
	}
	if n != len(ids) {
		return nil, ledger.Refuse("split.unknown_unit")
	}
	return out, nil
}

// queryRows runs a query whose rows the caller reads to the end, running nothing else in
// between: in a write transaction prepared once (see Tx.prepared), as Select is.
func queryRows(q rowQueryer, query string, args ...any) (*sql.Rows, error) {
	if t, ok := q.(*Tx); ok {
		st, err := t.prepared(query)
		if err != nil {
			return nil, err
		}
		if st != nil {
			return st.Query(args...)
		}
	}
	return q.Query(query, args...)
}

// eachUnitWeight calls fn with each row of a query of units and what their shares are weighed
// by (their area, or their balance in fen), scanned by hand: for the 20,000 rows of every
// interest, transfer and repair, sqlx's reflection cost a third as much as SQLite.
func eachUnitWeight(q rowQueryer, query string, args []any, fn func(id, weight int64)) error {
	rows, err := queryRows(q, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, w int64
		if err := rows.Scan(&id, &w); err != nil {
			return err
		}
		fn(id, w)
	}
	return rows.Err()
}

// unitAreas returns units (all, or the given ones) in id order with their areas as weights.
func (t *Tx) unitAreas(only []int64) ([]int64, []int64, error) {
	var ids, weights []int64
	scan := func(query string, args ...any) error {
		return eachUnitWeight(t, query, args, func(id, w int64) { ids, weights = append(ids, id), append(weights, w) })
	}
	if only == nil {
		if err := scan(`SELECT id, area_cm2 AS weight FROM units ORDER BY id`); err != nil {
			return nil, nil, err
		}
	} else {
		for _, ch := range chunks(only, 500) {
			if err := scan(`SELECT id, area_cm2 AS weight FROM units WHERE id IN (`+placeholders(len(ch))+`) ORDER BY id`, int64sToAny(ch)...); err != nil {
				return nil, nil, err
			}
		}
	}
	if len(ids) == 0 {
		return nil, nil, ledger.Refuse("apportion.no_units")
	}
	return ids, weights, nil
}

// unitBalanceWeights weights units by their sub-account balance at the end of date (interest
// follows the money); when no unit has a positive balance, by area.
//
// The balance at the end of date is the unit's running balance (unit_balances, kept by the
// trigger on unit_entries in the same transaction, and checked by verify) less its lines dated
// after it: one seek in unit_entries_unit_date a unit, where summing its lines up to the date
// read every line of the unit's history (2.4 million at 20,000 units and 20 years, for each
// half-year's interest).
func (t *Tx) unitBalanceWeights(date string) ([]int64, []int64, error) {
	var ids, weights []int64
	var positive bool
	if err := eachUnitWeight(t, `SELECT u.id, COALESCE(ub.balance_fen, 0)
		- COALESCE((SELECT SUM(e.amount_fen) FROM unit_entries e WHERE e.unit_id = u.id AND e.date > ?), 0) AS weight
		FROM units u LEFT JOIN unit_balances ub ON ub.unit_id = u.id ORDER BY u.id`, []any{date}, func(id, w int64) {
		b := max(w, 0)
		positive = positive || b > 0
		ids, weights = append(ids, id), append(weights, b)
	}); err != nil {
		return nil, nil, err
	}
	if !positive {
		return t.unitAreas(nil)
	}
	return ids, weights, nil
}

// insertUnitLines writes the sub-ledger lines of a voucher.
func (t *Tx) insertUnitLines(voucherID int64, date string, lines []unitLine) error {
	// Many rows a statement: a transfer to the fund or the interest of a 20,000-unit estate
	// is 20,000 lines, and a statement per line spent more in the driver than in SQLite.
	// Chunks of 256 rows, then of the powers of two the rest needs, so that a transaction
	// prepares at most nine shapes; rows go in the order given, so ids are as one by one.
	const most = 256
	args := make([]any, 0, 5*most)
	for len(lines) > 0 {
		n := most
		for n > len(lines) {
			n /= 2
		}
		args = args[:0]
		for _, l := range lines[:n] {
			args = append(args, voucherID, l.unitID, l.accountID, l.amount.Fen(), date)
		}
		if _, err := t.Exec(unitLinesInsert(n), args...); err != nil {
			return err
		}
		lines = lines[n:]
	}
	return nil
}

// unitLinesInsert is the INSERT of n sub-ledger lines.
func unitLinesInsert(n int) string {
	return `INSERT INTO unit_entries(voucher_id, unit_id, account_id, amount_fen, date) VALUES (?,?,?,?,?)` +
		strings.Repeat(`,(?,?,?,?,?)`, n-1)
}
