package store

import (
	"database/sql"
	"errors"

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
	NoticeFrom       string // the first day the bank notice may be recorded (the day after the deadline)
	NoticeDate       string
	PaymentDeadline  string // the last instalment's due date
	ResolutionID     int64
	Status           string // open, noticed (dues set), closed
	// Stage is where the case is in the statute's order: "open" (awaiting the owners'
	// decision or, after the deadline, the bank notice), "decided" (dues set by a decision),
	// "noticed" (dues set by the bank notice) or "closed".
	Stage        string
	ClosedOn     string
	ClosedReason string // paid or waived
	Terms        *CaseTerms
	Due          ledger.Money // Σ dues
	Paid         ledger.Money // Σ replenishment deposits citing the case
	Units        int          // units with something due
	Owing        int          // of them, units that still owe
	Outstanding  ledger.Money // what they still owe
}

// evaluateReplenishment runs after every fund posting. It opens a case when the fund falls
// below the threshold (R1) — once the fund is established, never from a new ledger's first
// deposits — and closes the open case once every due has been paid. The ratio returning above
// the threshold does not close a case: the owners' duty stands until their dues are paid.
func (t *Tx) evaluateReplenishment(p ledger.Policy, date string) error {
	var id int64
	var status string
	err := t.QueryRow(`SELECT id, status FROM replenishment_cases WHERE status <> 'closed' ORDER BY id DESC LIMIT 1`).Scan(&id, &status)
	if err == nil {
		if status == "open" { // no dues yet: nothing to settle
			return nil
		}
		return t.closeIfSettled(id, date)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	fs, err := readFundSplit(t, p)
	if err != nil {
		return err
	}
	below, err := t.fundBelow(p, fs)
	if err != nil || !below {
		return err
	}
	if ok, err := fundEstablished(t, fs); err != nil || !ok {
		return err
	}
	trig, _ := ledger.ParseDate(date)
	_, err = t.insertLogged("replenishment_case", `INSERT INTO replenishment_cases(level, trigger_date, balance_fen, initial_fen,
		decision_deadline, status) VALUES (?,?,?,?,?, 'open')`, p.TriggerLevel, date, fs.Balance.Fen(), fs.Initial.Fen(),
		ledger.FormatDate(p.DecisionDeadline(trig)))
	return err
}

// closeIfSettled closes a case whose every due is paid.
//
// It runs after every payment of the case: a bank's batch at 20,000 units is hundreds of
// vouchers, and summing what every unit paid each time made it quadratic. So the store keeps a
// unit found still owing (a hint, owingHint): while that unit still owes, which one look-up
// tells, the case is not settled. Only when it has paid are all the dues summed again, which
// also finds the next unit owing. The hint is only ever a unit to look at first: what decides
// is the look-up, in this transaction.
func (t *Tx) closeIfSettled(caseID int64, date string) error {
	if unit, ok := t.s.owingHint(caseID); ok {
		owes, err := unitOwes(t, caseID, unit)
		if err != nil || owes {
			return err
		}
	}
	var units []int64
	dues, err := caseOwingUnits(t, caseID, &units)
	if err != nil {
		return err
	}
	for i, d := range dues {
		if d.Due.Cmp(d.Paid) > 0 {
			t.s.setOwingHint(caseID, units[i])
			break
		}
	}
	if _, _, settled := ledger.CaseProgress(dues); settled {
		return t.closeCase(caseID, date, "paid")
	}
	return nil
}

func (t *Tx) closeCase(caseID int64, date, reason string) error {
	if err := t.change("replenishment_terms", caseID, func() error {
		_, err := t.Exec(`UPDATE replenishment_terms SET closed_reason = ? WHERE id = ?`, reason, caseID)
		return err
	}); err != nil {
		return err
	}
	return t.change("replenishment_case", caseID, func() error {
		_, err := t.Exec(`UPDATE replenishment_cases SET status = 'closed', closed_on = ? WHERE id = ?`, date, caseID)
		return err
	})
}

// caseOwing reads each unit's due and what it has paid in a case.
func caseOwing(q rowQueryer, caseID int64) ([]ledger.UnitOwing, error) {
	return caseOwingUnits(q, caseID, nil)
}

// caseOwingUnits is caseOwing appending the dues' units, in the same order, to units (unless nil).
func caseOwingUnits(q rowQueryer, caseID int64, units *[]int64) ([]ledger.UnitOwing, error) {
	// What each unit paid is summed once over the case's own vouchers (vouchers_case, then
	// their lines): a sum per due went through every line of the unit instead, 20 years of
	// them on each of 20,000 units, and this runs with every payment of the case.
	rows, err := q.Query(`SELECT d.unit_id, d.due_fen, COALESCE(p.paid, 0) FROM replenishment_dues d
		LEFT JOIN (`+casePaidSQL+`) p ON p.unit_id = d.unit_id
		WHERE d.case_id = ? ORDER BY d.unit_id`, caseID, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ledger.UnitOwing
	for rows.Next() {
		var unit, due, paid int64
		if err := rows.Scan(&unit, &due, &paid); err != nil {
			return nil, err
		}
		if units != nil {
			*units = append(*units, unit)
		}
		out = append(out, ledger.UnitOwing{Due: ledger.Fen(due), Paid: ledger.Fen(paid)})
	}
	return out, rows.Err()
}

// casePaidSQL is what each unit has paid in a case (its one parameter): the sub-ledger lines
// of the vouchers citing it, found through vouchers_case and unit_entries_voucher.
const casePaidSQL = `SELECT e.unit_id, SUM(e.amount_fen) AS paid FROM vouchers v JOIN unit_entries e ON e.voucher_id = v.id
	WHERE v.case_id = ? GROUP BY e.unit_id`

// unitOwes reports whether a unit still owes part of its due in a case (false when it has none).
func unitOwes(q querier, caseID, unitID int64) (bool, error) {
	var owes bool
	err := q.Get(&owes, `SELECT d.due_fen > COALESCE((SELECT SUM(e.amount_fen) FROM unit_entries e JOIN vouchers v ON v.id = e.voucher_id
		WHERE e.unit_id = d.unit_id AND v.case_id = d.case_id), 0) FROM replenishment_dues d WHERE d.case_id = ? AND d.unit_id = ?`, caseID, unitID)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return owes, err
}

// fundBelow applies R1 at the policy's level: the community's fund (residential, unless the
// policy includes garages); any building's units; or any unit.
func (t *Tx) fundBelow(p ledger.Policy, fs fundSplit) (bool, error) {
	if p.NeedsReplenishment(fs.Balance, fs.Initial) {
		return true, nil
	}
	var group string
	switch p.TriggerLevel {
	case "building":
		group = "u.building_id"
	case "unit":
		group = "u.id"
	default:
		return false, nil
	}
	scope := ""
	if fs.Separate {
		scope = " WHERE NOT " + nonResidentialSQL
	}
	th := p.ReplenishThreshold.Shift(4).IntPart()
	var n int
	err := t.Get(&n, `SELECT count(*) FROM (SELECT SUM(COALESCE(ub.balance_fen, 0)) AS b, SUM(u.initial_fen) AS i FROM units u
		LEFT JOIN unit_balances ub ON ub.unit_id = u.id`+scope+` GROUP BY `+group+`) WHERE i > 0 AND b * 10000 < i * ?`, th)
	return n > 0, err
}

func bookBalance(q queryer, b ledger.Book) (ledger.Money, error) {
	var bal int64
	err := q.Get(&bal, `SELECT COALESCE(SUM(ab.balance_fen), 0) FROM account_balances ab JOIN accounts a ON a.id = ab.account_id
		WHERE a.book = ? AND a.kind = 'asset'`, b)
	return ledger.Fen(bal), err
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
	out, err := s.listCases("", "")
	if err != nil {
		return nil, err
	}
	p, err := s.Community()
	if err != nil {
		return nil, err
	}
	for i := range out {
		if err := s.completeCase(&out[i], p.Policy); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// LatestCase is the newest case as the list has it, without what completeCase adds (its terms,
// stage and the units owing, which sum every due): what a generator looks at between its
// postings. ok is false when there is no case.
func (s *Store) LatestCase() (c ReplenishmentCase, ok bool, err error) {
	out, err := s.listCases("", " LIMIT 1")
	if err != nil || len(out) == 0 {
		return c, false, err
	}
	return out[0], true, nil
}

// listCases reads the cases, newest first, with their collection figures; where filters them
// (before their figures are summed) and limit ends the query.
func (s *Store) listCases(where, limit string) ([]ReplenishmentCase, error) {
	rows, err := s.db.Query(`SELECT c.id, c.level, COALESCE(c.building_id, 0), c.trigger_date, c.balance_fen, c.initial_fen, c.decision_deadline,
		c.notice_date, c.payment_deadline, COALESCE(c.resolution_id, 0), c.status, c.closed_on,
		COALESCE((SELECT SUM(due_fen) FROM replenishment_dues d WHERE d.case_id = c.id), 0),
		COALESCE((SELECT count(*) FROM replenishment_dues d WHERE d.case_id = c.id), 0),
		COALESCE((SELECT SUM(e.amount_fen) FROM unit_entries e JOIN vouchers v ON v.id = e.voucher_id WHERE v.case_id = c.id), 0)
		FROM replenishment_cases c` + where + ` ORDER BY c.id DESC` + limit)
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
	s.db.Get(&n, `SELECT count(*) FROM replenishment_dues WHERE case_id = ?`, caseID)
	// what each unit paid summed once over the case's vouchers, as caseOwing does
	rows, err := s.db.Query(`SELECT d.unit_id, d.due_fen, COALESCE(p.paid, 0) FROM replenishment_dues d
		LEFT JOIN (`+casePaidSQL+`) p ON p.unit_id = d.unit_id
		WHERE d.case_id = ? ORDER BY d.unit_id LIMIT ? OFFSET ?`, caseID, caseID, limit, offset)
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

// AllCaseDues lists every unit's due in a case with what it has paid, in unit order, as CaseDues
// pages them: in one pass over the case's payments, where paging through CaseDues summed them
// all again for each page (20 pages a month at 20,000 units, for a generator's monthly batch).
func (s *Store) AllCaseDues(caseID int64) ([]UnitDue, error) {
	var units []int64
	owing, err := caseOwingUnits(s.db, caseID, &units)
	if err != nil {
		return nil, err
	}
	out := make([]UnitDue, len(owing))
	for i, o := range owing {
		out[i] = UnitDue{UnitID: units[i], Due: o.Due, Paid: o.Paid}
	}
	return out, nil
}

// owingHint is a unit last found owing in a case, to look at first (closeIfSettled).
func (s *Store) owingHint(caseID int64) (int64, bool) {
	s.hintMu.Lock()
	defer s.hintMu.Unlock()
	if s.owing.caseID != caseID || s.owing.unitID == 0 {
		return 0, false
	}
	return s.owing.unitID, true
}

func (s *Store) setOwingHint(caseID, unitID int64) {
	s.hintMu.Lock()
	defer s.hintMu.Unlock()
	s.owing.caseID, s.owing.unitID = caseID, unitID
}
