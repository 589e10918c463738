package store

import (
	"database/sql"
	"errors"
	"time"

	"jiayuan/store/ledger"

	"github.com/shopspring/decimal"
)

// CaseTerms are the terms that set a case's dues: the owners' decision, or the bank notice's
// default (each unit to 50% of its initial amount, one payment within 90 days).
type CaseTerms struct {
	Source         string // decision or notice
	ResolutionID   int64
	Basis          string // share, per_m2, waive
	Share          string // decimal, e.g. "0.5"
	PerM2          ledger.Money
	Instalments    int
	FirstDue       string
	IntervalMonths int
	SetOn          string
	Schedule       []string // due date of each instalment
}

func (c CaseTerms) terms() ledger.ReplenishTerms {
	t := ledger.ReplenishTerms{Basis: c.Basis, PerM2: c.PerM2, Instalments: c.Instalments, IntervalMonths: c.IntervalMonths}
	t.Share, _ = decimal.NewFromString(c.Share)
	t.FirstDue, _ = ledger.ParseDate(c.FirstDue)
	return t
}

func readCaseTerms(q queryer, caseID int64) (*CaseTerms, string, error) {
	var c CaseTerms
	var per int64
	var reason string
	err := q.QueryRow(`SELECT source, COALESCE(resolution_id, 0), basis, share, per_m2_fen, instalments, first_due, interval_months, set_on,
		closed_reason FROM replenishment_terms WHERE id = ?`, caseID).Scan(&c.Source, &c.ResolutionID, &c.Basis, &c.Share, &per,
		&c.Instalments, &c.FirstDue, &c.IntervalMonths, &c.SetOn, &reason)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", err
	}
	c.PerM2 = ledger.Fen(per)
	if c.Basis != ledger.BasisWaive {
		for _, i := range c.terms().Schedule(ledger.Zero) {
			c.Schedule = append(c.Schedule, ledger.FormatDate(i.Due))
		}
	}
	return &c, reason, nil
}

// completeCase adds what the list query leaves out: the terms, the stage, the statute's dates
// and the units that still owe.
func (s *Store) completeCase(c *ReplenishmentCase, p ledger.Policy) error {
	var reason string
	var err error
	if c.Terms, reason, err = readCaseTerms(s.db, c.ID); err != nil {
		return err
	}
	c.ClosedReason = reason
	if trig, err := ledger.ParseDate(c.TriggerDate); err == nil {
		c.NoticeFrom = ledger.FormatDate(p.NoticeFrom(trig))
	}
	switch {
	case c.Status == "closed":
		c.Stage = "closed"
	case c.Terms != nil && c.Terms.Source == "decision":
		c.Stage = "decided"
	case c.Terms != nil:
		c.Stage = "noticed"
	default:
		c.Stage = "open"
	}
	dues, err := caseOwing(s.db, c.ID)
	if err != nil {
		return err
	}
	c.Owing, c.Outstanding, _ = ledger.CaseProgress(dues)
	return nil
}

// RecordBankNotice records the bank's payment notice on the statute's default path: allowed
// only when the owners have not decided and their decision period is over (from the day after
// the deadline). Every unit then owes the top-up to the target share of its initial amount, in
// one payment due PaymentDays after the notice.
func (s *Store) RecordBankNotice(caseID int64, date string) error {
	d, err := ledger.ParseDate(date)
	if err != nil {
		return err
	}
	if ledger.FormatDate(d) != date {
		return ledger.Refuse("date.invalid", "input", date)
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
		if status == "closed" {
			return ledger.Refuse("replenish.not_open")
		}
		terms, _, err := readCaseTerms(t, caseID)
		if err != nil {
			return err
		}
		trig, _ := ledger.ParseDate(trigger)
		if err := c.Policy.CheckBankNotice(trig, d, terms != nil); err != nil {
			return err
		}
		dt := c.Policy.DefaultTerms(d)
		if err := t.setTerms(caseID, "notice", 0, dt, date); err != nil {
			return err
		}
		return t.change("replenishment_case", caseID, func() error {
			_, err := t.Exec(`UPDATE replenishment_cases SET status = 'noticed', notice_date = ?, payment_deadline = ? WHERE id = ?`,
				date, ledger.FormatDate(dt.FirstDue), caseID)
			return err
		})
	})
}

// decideCase applies a passing decision's terms to a case: they replace any dues set before
// (a payment already made counts toward the new due); a decision waiving the dues closes the
// case with what has been paid.
func (t *Tx) decideCase(caseID, resolutionID int64, date string, terms *ledger.ReplenishTerms) error {
	c, err := readCommunity(t)
	if err != nil {
		return err
	}
	var status string
	if err := t.Get(&status, `SELECT status FROM replenishment_cases WHERE id = ?`, caseID); err != nil {
		return notFound(err, "replenishment case", caseID)
	}
	if status == "closed" {
		return ledger.Refuse("replenish.not_open")
	}
	d, _ := ledger.ParseDate(date)
	rt := ledger.ReplenishTerms{Basis: ledger.BasisShare, Share: c.Policy.ReplenishTarget, Instalments: 1, FirstDue: c.Policy.PaymentDeadline(d)}
	if terms != nil {
		rt = *terms
	}
	if err := rt.Validate(d); err != nil {
		return err
	}
	if err := t.setTerms(caseID, "decision", resolutionID, rt, date); err != nil {
		return err
	}
	last := ""
	if s := rt.Schedule(ledger.Zero); rt.Basis != ledger.BasisWaive && len(s) > 0 {
		last = ledger.FormatDate(s[len(s)-1].Due)
	}
	if err := t.change("replenishment_case", caseID, func() error {
		_, err := t.Exec(`UPDATE replenishment_cases SET resolution_id = ?, status = 'noticed', payment_deadline = ? WHERE id = ?`,
			resolutionID, last, caseID)
		return err
	}); err != nil {
		return err
	}
	if rt.Basis == ledger.BasisWaive {
		return t.closeCase(caseID, date, "waived")
	}
	return t.closeIfSettled(caseID, date)
}

// setTerms stores a case's terms and computes every unit's due from them: the units in the
// fund ratio's scope (residential unless the policy includes garages), each against its
// balance without this case's payments.
func (t *Tx) setTerms(caseID int64, source string, resolutionID int64, rt ledger.ReplenishTerms, date string) error {
	c, err := readCommunity(t)
	if err != nil {
		return err
	}
	scope := ""
	if !c.Policy.IncludeNonResidential {
		scope = " WHERE NOT " + nonResidentialSQL
	}
	rows, err := t.Query(`SELECT u.id, u.initial_fen, u.area_cm2, COALESCE(ub.balance_fen, 0),
		COALESCE((SELECT SUM(e.amount_fen) FROM unit_entries e JOIN vouchers v ON v.id = e.voucher_id WHERE v.case_id = ? AND e.unit_id = u.id), 0)
		FROM units u LEFT JOIN unit_balances ub ON ub.unit_id = u.id`+scope+` ORDER BY u.id`, caseID)
	if err != nil {
		return err
	}
	type due struct{ unit, fen int64 }
	var dues []due
	for rows.Next() {
		var id, initial, area, bal, paid int64
		if err := rows.Scan(&id, &initial, &area, &bal, &paid); err != nil {
			rows.Close()
			return err
		}
		d := rt.UnitDue(ledger.Fen(bal-paid), ledger.Fen(initial), area)
		if rt.Basis == ledger.BasisWaive {
			d = ledger.Fen(paid) // what was paid stays recorded; nothing more is due
		}
		if d.Sign() > 0 {
			dues = append(dues, due{id, d.Fen()})
		}
	}
	rows.Close()
	if err := t.change("replenishment_dues", caseID, func() error {
		if _, err := t.Exec(`DELETE FROM replenishment_dues WHERE case_id = ?`, caseID); err != nil {
			return err
		}
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
	first := ""
	if !rt.FirstDue.IsZero() {
		first = ledger.FormatDate(rt.FirstDue)
	}
	share := ""
	if rt.Basis == ledger.BasisShare {
		share = rt.Share.String()
	}
	return t.change("replenishment_terms", caseID, func() error {
		_, err := t.Exec(`INSERT INTO replenishment_terms(id, source, resolution_id, basis, share, per_m2_fen, instalments, first_due,
			interval_months, set_on) VALUES (?,?,?,?,?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET source = excluded.source, resolution_id = excluded.resolution_id, basis = excluded.basis,
			share = excluded.share, per_m2_fen = excluded.per_m2_fen, instalments = excluded.instalments, first_due = excluded.first_due,
			interval_months = excluded.interval_months, set_on = excluded.set_on`,
			caseID, source, nullID(resolutionID), rt.Basis, share, rt.PerM2.Fen(), max(rt.Instalments, 1), first, rt.IntervalMonths, date)
		return err
	})
}

// UnitSchedule is one unit's instalments in a case with what has fallen due by a day.
func (s *Store) UnitSchedule(caseID, unitID int64, day time.Time) ([]ledger.Instalment, ledger.Money, error) {
	terms, _, err := readCaseTerms(s.db, caseID)
	if err != nil || terms == nil || terms.Basis == ledger.BasisWaive {
		return nil, ledger.Zero, err
	}
	row, ok, err := s.CaseDue(caseID, unitID)
	if err != nil || !ok {
		return nil, ledger.Zero, err
	}
	sch := terms.terms().Schedule(row.Due)
	return sch, ledger.DueBy(sch, day), nil
}
