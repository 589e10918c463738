package store

import (
	"database/sql"
	"fmt"

	"jiayuan/store/ledger"
)

// buildingSums is one building's units summed: what the dashboard and `status` show per
// building, and the totals of the fund's split (fund_scope.go) and of R1's units below.
type buildingSums struct {
	ID            int64  `db:"id"`
	Name          string `db:"name"`
	Balance       int64  `db:"balance_fen"`
	Initial       int64  `db:"initial_fen"`
	UnitsBelow    int    `db:"units_below"`
	NonResBalance int64  `db:"nonres_balance_fen"`
	NonResInitial int64  `db:"nonres_initial_fen"`
	NonResUnits   int    `db:"nonres_units"`
}

// readBuildingSums sums every building's units in one grouped query: the units are read in
// SQL, never row by row in Go (20,000 of them on the largest estates, at every `status`).
// Whether a unit is below the threshold is decided in integers there — balance × 10^k <
// initial × (threshold × 10^k), exact as ledger.BelowThreshold is — when the threshold has
// at most six decimals, which keeps the products far inside int64; a finer one is counted
// unit by unit in Go.
func readBuildingSums(q *sqlTx, p ledger.Policy) ([]buildingSums, error) {
	num, den, exact := thresholdFraction(p)
	below := "0"
	if exact {
		below = fmt.Sprintf("SUM(u.initial_fen > 0 AND COALESCE(ub.balance_fen, 0) * %d < u.initial_fen * %d)", den, num)
	}
	var out []buildingSums
	if err := q.Select(&out, `SELECT b.id, b.code AS name, COALESCE(s.balance_fen, 0) AS balance_fen, COALESCE(s.initial_fen, 0) AS initial_fen,
		COALESCE(s.units_below, 0) AS units_below, COALESCE(s.nonres_balance_fen, 0) AS nonres_balance_fen,
		COALESCE(s.nonres_initial_fen, 0) AS nonres_initial_fen, COALESCE(s.nonres_units, 0) AS nonres_units
		FROM buildings b LEFT JOIN (SELECT u.building_id, SUM(COALESCE(ub.balance_fen, 0)) AS balance_fen, SUM(u.initial_fen) AS initial_fen,
			`+below+` AS units_below,
			SUM(CASE WHEN `+nonResidentialSQL+` THEN COALESCE(ub.balance_fen, 0) ELSE 0 END) AS nonres_balance_fen,
			SUM(CASE WHEN `+nonResidentialSQL+` THEN u.initial_fen ELSE 0 END) AS nonres_initial_fen,
			SUM(`+nonResidentialSQL+`) AS nonres_units
			FROM units u LEFT JOIN unit_balances ub ON ub.unit_id = u.id GROUP BY u.building_id) s ON s.building_id = b.id
		ORDER BY length(b.code), b.code`); err != nil {
		return nil, err
	}
	if exact {
		return out, nil
	}
	at := make(map[int64]*buildingSums, len(out))
	for i := range out {
		at[out[i].ID] = &out[i]
	}
	rows, err := q.Query(`SELECT u.building_id, COALESCE(ub.balance_fen, 0), u.initial_fen FROM units u LEFT JOIN unit_balances ub ON ub.unit_id = u.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var building, bal, initial int64
		if err := rows.Scan(&building, &bal, &initial); err != nil {
			return nil, err
		}
		if b := at[building]; b != nil && p.NeedsReplenishment(ledger.Fen(bal), ledger.Fen(initial)) {
			b.UnitsBelow++
		}
	}
	return out, rows.Err()
}

// thresholdFraction is the replenishment threshold as num/den with den a power of ten up to
// 10^6; exact is false for a finer threshold.
func thresholdFraction(p ledger.Policy) (num, den int64, exact bool) {
	den = 1
	for k := int32(0); k <= 6; k, den = k+1, den*10 {
		if n := p.ReplenishThreshold.Shift(k); n.IsInteger() {
			return n.IntPart(), den, true
		}
	}
	return 0, 0, false
}

type sumsResult struct {
	sums []buildingSums
	err  error
}

// buildingSumsBeside reads the buildings' sums on a second read transaction while tx (whose
// chain head is head) goes on with the rest of the status: the sums are the largest part of
// `status` and the machines have two cores. Only for a read-only store (a command's), and only
// when the second transaction sees the same chain head, i.e. the same snapshot; otherwise nil,
// and fundStatus reads them on tx. (A bulk store has one connection: a second would wait
// forever.)
func (s *Store) buildingSumsBeside(tx *sqlTx, p ledger.Policy, head ChainHead) <-chan sumsResult {
	if !s.g.ro || s.bulk {
		return nil
	}
	tx2, err := s.db.BeginTxx(bg, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil
	}
	if head2, err := chainHead(tx2); err != nil || head != head2 {
		tx2.Rollback()
		return nil
	}
	out := make(chan sumsResult, 1)
	go func() {
		defer tx2.Rollback()
		sums, err := readBuildingSums(tx2, p)
		out <- sumsResult{sums, err}
	}()
	return out
}
