package store

import (
	"jiayuan/store/ledger"
)

// ReplenishmentCase is a 续筹 case (R1).
type ReplenishmentCase struct {
	ID               int64
	Level            string
	BuildingID       int64
	TriggerDate      string
	Balance          ledger.Money // fund balance when triggered
	Initial          ledger.Money
	DecisionDeadline string
	NoticeDate       string
	PaymentDeadline  string
	ResolutionID     int64
	Status           string // open, noticed, closed
	ClosedOn         string
	Due              ledger.Money // Σ dues
	Paid             ledger.Money // Σ replenishment deposits citing the case
	Units            int          // units with something due
}

// evaluateReplenishment opens a case when the fund falls below the threshold (R1) and closes
// the open one when it is back at or above it. It runs after every fund posting.
func (t *Tx) evaluateReplenishment(p ledger.Policy, date string) error {
	below, bal, initial, err := t.fundBelow(p)
	if err != nil {
		return err
	}
	var id int64
	var status string
	err = t.QueryRow(`SELECT id, status FROM replenishment_cases WHERE status <> 'closed' ORDER BY id DESC LIMIT 1`).Scan(&id, &status)
	open := err == nil
	switch {
	case below && !open:
		trig, _ := ledger.ParseDate(date)
		_, err := t.insertLogged("replenishment_case", `INSERT INTO replenishment_cases(level, trigger_date, balance_fen, initial_fen,
			decision_deadline, status) VALUES (?,?,?,?,?, 'open')`, p.TriggerLevel, date, bal.Fen(), initial.Fen(),
			ledger.FormatDate(p.DecisionDeadline(trig)))
		return err
	case !below && open:
		return t.change("replenishment_case", id, func() error {
			_, err := t.Exec(`UPDATE replenishment_cases SET status = 'closed', closed_on = ? WHERE id = ?`, date, id)
			return err
		})
	}
	return nil
}

// fundBelow applies R1 at the policy's level: the community's fund; any building's units; or
// any unit.
func (t *Tx) fundBelow(p ledger.Policy) (bool, ledger.Money, ledger.Money, error) {
	bal, err := bookBalance(t, ledger.BookFund)
	if err != nil {
		return false, bal, ledger.Zero, err
	}
	initial, err := initialTotal(t)
	if err != nil {
		return false, bal, initial, err
	}
	if p.NeedsReplenishment(bal, initial) {
		return true, bal, initial, nil
	}
	var group string
	switch p.TriggerLevel {
	case "building":
		group = "u.building_id"
	case "unit":
		group = "u.id"
	default:
		return false, bal, initial, nil
	}
	th := p.ReplenishThreshold.Shift(4).IntPart()
	var n int
	err = t.QueryRow(`SELECT count(*) FROM (SELECT SUM(COALESCE(ub.balance_fen, 0)) AS b, SUM(u.initial_fen) AS i FROM units u
		LEFT JOIN unit_balances ub ON ub.unit_id = u.id GROUP BY `+group+`) WHERE i > 0 AND b * 10000 < i * ?`, th).Scan(&n)
	return n > 0, bal, initial, err
}

func bookBalance(q queryer, b ledger.Book) (ledger.Money, error) {
	var bal int64
	err := q.QueryRow(`SELECT COALESCE(SUM(ab.balance_fen), 0) FROM account_balances ab JOIN accounts a ON a.id = ab.account_id
		WHERE a.book = ? AND a.kind = 'asset'`, b).Scan(&bal)
	return ledger.Fen(bal), err
}

// RecordBankNotice records the date of the bank's payment notice on the default path of R1:
// every unit owes the top-up to the target share of its initial amount, due PaymentDays later.
func (s *Store) RecordBankNotice(caseID int64, date string) error {
	d, err := ledger.ParseDate(date)
	if err != nil {
		return err
	}
	return s.write(bg, func(t *Tx) error {
		c, err := readCommunity(t)
		if err != nil {
			return err
		}
		var status, trigger string
		if err := t.QueryRow(`SELECT status, trigger_date FROM replenishment_cases WHERE id = ?`, caseID).Scan(&status, &trigger); err != nil {
			return notFound(err, "replenishment case", caseID)
		}
		if status != "open" {
			return ledger.Refuse("replenish.not_open")
		}
		if date < trigger {
			return ledger.Refuse("replenish.notice_before_trigger")
		}
		rows, err := t.Query(`SELECT u.id, u.initial_fen, COALESCE(ub.balance_fen, 0) FROM units u LEFT JOIN unit_balances ub ON ub.unit_id = u.id ORDER BY u.id`)
		if err != nil {
			return err
		}
		type due struct{ unit, fen int64 }
		var dues []due
		for rows.Next() {
			var id, initial, bal int64
			if err := rows.Scan(&id, &initial, &bal); err != nil {
				rows.Close()
				return err
			}
			if d := c.Policy.TopUp(ledger.Fen(bal), ledger.Fen(initial)); d.Sign() > 0 {
				dues = append(dues, due{id, d.Fen()})
			}
		}
		rows.Close()
		if err := t.change("replenishment_dues", caseID, func() error {
			stmt, err := t.Prepare(`INSERT INTO replenishment_dues(case_id, unit_id, due_fen) VALUES (?,?,?)`)
			if err != nil {
				return err
			}
			defer stmt.Close()
			for _, d := range dues {
				if _, err := stmt.Exec(caseID, d.unit, d.fen); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
		return t.change("replenishment_case", caseID, func() error {
			_, err := t.Exec(`UPDATE replenishment_cases SET status = 'noticed', notice_date = ?, payment_deadline = ? WHERE id = ?`,
				date, ledger.FormatDate(c.Policy.PaymentDeadline(d)), caseID)
			return err
		})
	})
}

// RecordReplenishmentPayment posts one unit's replenishment deposit against a case.
func (s *Store) RecordReplenishmentPayment(caseID, unitID int64, date string, amount ledger.Money, summary string) (Voucher, error) {
	if amount.Sign() <= 0 {
		return Voucher{}, ledger.Refuse("amount.not_positive", "input", amount.String())
	}
	if summary == "" {
		summary = "续筹交存"
	}
	return s.PostVoucher(VoucherInput{Book: ledger.BookFund, Date: date, Summary: summary, CaseID: caseID,
		Lines:  []LineInput{{AccountCode: ledger.CodeBank, Amount: amount}, {AccountCode: ledger.CodeFundReplenish, Amount: amount.Neg()}},
		Splits: []UnitSplit{{UnitID: unitID, Amount: amount}}})
}

// ReplenishmentCases lists the cases, newest first, with their collection figures.
func (s *Store) ReplenishmentCases() ([]ReplenishmentCase, error) {
	rows, err := s.db.Query(`SELECT c.id, c.level, COALESCE(c.building_id, 0), c.trigger_date, c.balance_fen, c.initial_fen, c.decision_deadline,
		c.notice_date, c.payment_deadline, COALESCE(c.resolution_id, 0), c.status, c.closed_on,
		COALESCE((SELECT SUM(due_fen) FROM replenishment_dues d WHERE d.case_id = c.id), 0),
		COALESCE((SELECT count(*) FROM replenishment_dues d WHERE d.case_id = c.id), 0),
		COALESCE((SELECT SUM(e.amount_fen) FROM unit_entries e JOIN vouchers v ON v.id = e.voucher_id WHERE v.case_id = c.id), 0)
		FROM replenishment_cases c ORDER BY c.id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReplenishmentCase
	for rows.Next() {
		var c ReplenishmentCase
		var bal, initial, due, paid int64
		if err := rows.Scan(&c.ID, &c.Level, &c.BuildingID, &c.TriggerDate, &bal, &initial, &c.DecisionDeadline, &c.NoticeDate,
			&c.PaymentDeadline, &c.ResolutionID, &c.Status, &c.ClosedOn, &due, &c.Units, &paid); err != nil {
			return nil, err
		}
		c.Balance, c.Initial, c.Due, c.Paid = ledger.Fen(bal), ledger.Fen(initial), ledger.Fen(due), ledger.Fen(paid)
		out = append(out, c)
	}
	return out, rows.Err()
}

// UnitDue is what one unit owes and has paid in a case.
type UnitDue struct {
	UnitID int64
	Due    ledger.Money
	Paid   ledger.Money
}

// CaseDue is one unit's line in a replenishment case (the unit's page lists them).
type CaseDue struct {
	CaseID int64
	Due    ledger.Money
	Paid   ledger.Money
}

// UnitDues lists what one unit owes and has paid in each replenishment case that has dues for
// it, oldest case first: one primary-key look-up per case, however many units the case has.
func (s *Store) UnitDues(unitID int64) ([]CaseDue, error) {
	rows, err := s.db.Query(`SELECT c.id, d.due_fen, COALESCE((SELECT SUM(e.amount_fen) FROM unit_entries e JOIN vouchers v ON v.id = e.voucher_id
		WHERE v.case_id = c.id AND e.unit_id = d.unit_id), 0)
		FROM replenishment_cases c JOIN replenishment_dues d ON d.case_id = c.id AND d.unit_id = ? ORDER BY c.id`, unitID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CaseDue
	for rows.Next() {
		var d CaseDue
		var due, paid int64
		if err := rows.Scan(&d.CaseID, &due, &paid); err != nil {
			return nil, err
		}
		d.Due, d.Paid = ledger.Fen(due), ledger.Fen(paid)
		out = append(out, d)
	}
	return out, rows.Err()
}

// CaseDues lists a case's dues per unit with what each has paid.
func (s *Store) CaseDues(caseID int64, limit, offset int) ([]UnitDue, int, error) {
	if limit <= 0 || limit > 1000 {
		limit = 50
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM replenishment_dues WHERE case_id = ?`, caseID).Scan(&n)
	rows, err := s.db.Query(`SELECT d.unit_id, d.due_fen, COALESCE((SELECT SUM(e.amount_fen) FROM unit_entries e JOIN vouchers v ON v.id = e.voucher_id
		WHERE v.case_id = d.case_id AND e.unit_id = d.unit_id), 0) FROM replenishment_dues d WHERE d.case_id = ? ORDER BY d.unit_id LIMIT ? OFFSET ?`, caseID, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []UnitDue
	for rows.Next() {
		var d UnitDue
		var due, paid int64
		if err := rows.Scan(&d.UnitID, &due, &paid); err != nil {
			return nil, 0, err
		}
		d.Due, d.Paid = ledger.Fen(due), ledger.Fen(paid)
		out = append(out, d)
	}
	return out, n, rows.Err()
}
