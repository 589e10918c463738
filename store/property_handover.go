package store

import (
	"database/sql"
	"errors"
	"sort"
	"strings"
	"time"

	"jiayuan/store/ledger"
)

// When the property company's contract ends it must hand over the public-income balance it
// holds and the records within 10 days (regulation art. 50 → 62; from 2026 the records of
// common-part income too). Its leaving is recorded first; the dashboard follows it until the
// hand-over is recorded, which needs the balance it held transferred to the owners' account.

func init() {
	snapshotters["property_handover"] = tableRow("property_handovers")
	trackedTables["property_handover"] = "property_handovers"
}

// PropertyHandoverDays is how long the property company has to hand over after leaving.
const PropertyHandoverDays = 10

// PropertyHandover is the property company's leaving and, once recorded, its hand-over.
type PropertyHandover struct {
	ID           int64        `db:"id"`
	Company      string       `db:"company"`
	LeftOn       string       `db:"left_on"`
	HandedOverOn string       `db:"handed_over_on"` // "" until recorded
	Balance      ledger.Money `db:"balance_fen"`    // what it held as it left (the day before), transferred by the hand-over
	Records      string       `db:"records"`
	Note         string       `db:"note"`
	Due          string       `db:"-"` // left_on + 10 days
}

// RecordPropertyLeaving records the day the property company leaves (its contract ends). One
// leaving at a time: a second is refused until the first is handed over.
func (s *Store) RecordPropertyLeaving(company, leftOn, note string) (int64, error) {
	company, note = strings.TrimSpace(company), strings.TrimSpace(note)
	if company == "" {
		return 0, ledger.Refuse("property.company_empty")
	}
	d, err := ledger.ParseDate(leftOn)
	if err != nil {
		return 0, err
	}
	leftOn = ledger.FormatDate(d)
	var id int64
	err = s.write(bg, func(t *Tx) error {
		c, err := readCommunity(t)
		if err != nil {
			return err
		}
		if leftOn < c.StartDate {
			return ledger.Refuse("property.before_start", "date", leftOn, "start", c.StartDate)
		}
		var open string
		err = t.Get(&open, `SELECT company FROM property_handovers WHERE handed_over_on = '' LIMIT 1`)
		if err == nil {
			return ledger.Refuse("property.leaving_open", "company", open)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		id, err = t.insertLogged("property_handover", `INSERT INTO property_handovers(company, left_on, note) VALUES (?,?,?)`, company, leftOn, note)
		return err
	})
	return id, err
}

// RecordPropertyHandover records that the leaving company handed over on date, with the
// records listed. It is refused while the company still holds public income (record its
// transfer to the owners' account first), before it left, or in the future.
func (s *Store) RecordPropertyHandover(id int64, date, records, note string) error {
	d, err := ledger.ParseDate(date)
	if err != nil {
		return err
	}
	date, records, note = ledger.FormatDate(d), strings.TrimSpace(records), strings.TrimSpace(note)
	if records == "" {
		return ledger.Refuse("property.records_empty")
	}
	if today := ledger.FormatDate(s.now().In(shanghaiZone)); date > today {
		return ledger.Refuse("property.handover_future", "date", date, "today", today)
	}
	return s.write(bg, func(t *Tx) error {
		var h PropertyHandover
		if err := t.Get(&h, `SELECT id, company, left_on, handed_over_on FROM property_handovers WHERE id = ?`, id); err != nil {
			return notFound(err, "property hand-over", id)
		}
		if h.HandedOverOn != "" {
			return ledger.Refuse("property.already_handed_over", "company", h.Company, "date", h.HandedOverOn)
		}
		if date < h.LeftOn {
			return ledger.Refuse("property.handover_before_leaving", "date", date, "left", h.LeftOn)
		}
		held, err := receivableAsOf(t, "")
		if err != nil {
			return err
		}
		if held.Sign() > 0 {
			return ledger.Refuse("property.still_holds", "company", h.Company, "held", held.Grouped())
		}
		// what it held as it left: at the end of the day before (a transfer on the day it
		// leaves is part of its hand-over)
		left, _ := ledger.ParseDate(h.LeftOn)
		atLeaving, err := receivableAsOf(t, ledger.FormatDate(left.AddDate(0, 0, -1)))
		if err != nil {
			return err
		}
		return t.change("property_handover", id, func() error {
			_, err := t.Exec(`UPDATE property_handovers SET handed_over_on = ?, balance_fen = ?, records = ?, note = CASE WHEN ? = '' THEN note ELSE ? END
				WHERE id = ?`, date, atLeaving.Fen(), records, note, note, id)
			return err
		})
	})
}

// receivableAsOf is what the property company held at the end of date ("" for now).
func receivableAsOf(q querier, date string) (ledger.Money, error) {
	if date == "" {
		date = "9999-12-31"
	}
	var fen int64
	err := q.Get(&fen, `SELECT COALESCE(SUM(p.amount_fen), 0) FROM postings p JOIN accounts a ON a.id = p.account_id
		WHERE a.book = 'public' AND a.kind = 'receivable' AND p.date <= ?`, date)
	return ledger.Fen(fen), err
}

// PropertyHandovers lists the property company's leavings, the newest first.
func (s *Store) PropertyHandovers() ([]PropertyHandover, error) {
	var out []PropertyHandover
	if err := s.db.Select(&out, `SELECT id, company, left_on, handed_over_on, balance_fen, records, note FROM property_handovers
		ORDER BY left_on DESC, id DESC`); err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Due = handoverDue(out[i].LeftOn)
	}
	return out, nil
}

func handoverDue(leftOn string) string {
	d, err := ledger.ParseDate(leftOn)
	if err != nil {
		return ""
	}
	return ledger.FormatDate(d.AddDate(0, 0, PropertyHandoverDays))
}

// PendingHandover is a leaving not yet handed over, as the dashboard shows it.
type PendingHandover struct {
	PropertyHandover
	Held    ledger.Money // what the company still holds
	Overdue bool         // past the 10 days
}

// MissingStatement is a past quarter without the property company's statement although
// contracts it collects expected income in it.
type MissingStatement struct {
	Quarter  string
	Expected ledger.Money
}

// statementOversight finds the leaving not yet handed over and the past quarters without a
// statement (up to the company's leaving, if it left).
func (s *Store) statementOversight(today time.Time, cs []ContractStatus) (*PendingHandover, []MissingStatement, error) {
	hs, err := s.PropertyHandovers()
	if err != nil {
		return nil, nil, err
	}
	var pending *PendingHandover
	lastLeft := ""
	for _, h := range hs {
		if lastLeft == "" {
			lastLeft = h.LeftOn
		}
		if h.HandedOverOn == "" && pending == nil {
			held, err := s.ReceivableBalance()
			if err != nil {
				return nil, nil, err
			}
			pending = &PendingHandover{PropertyHandover: h, Held: held, Overdue: ledger.FormatDate(today) > h.Due}
		}
	}
	var quarters []string
	if err := s.db.Select(&quarters, `SELECT DISTINCT s.quarter FROM statements s
		WHERE NOT EXISTS (SELECT 1 FROM vouchers r WHERE r.reverses_id = s.voucher_id)`); err != nil {
		return nil, nil, err
	}
	have := map[string]bool{}
	for _, q := range quarters {
		have[q] = true
	}
	expected := map[string]ledger.Money{}
	var order []string
	thisQ := ledger.Quarter(today)
	for _, c := range cs {
		if c.Collector != "property" {
			continue
		}
		for _, q := range c.Quarters {
			p, _ := ledger.QuarterPeriod(q.Quarter)
			if q.Quarter >= thisQ || have[q.Quarter] || q.Expected.IsZero() || (lastLeft != "" && p.From > lastLeft) {
				continue
			}
			if _, ok := expected[q.Quarter]; !ok {
				order = append(order, q.Quarter)
			}
			expected[q.Quarter] = expected[q.Quarter].Add(q.Expected)
		}
	}
	var missing []MissingStatement
	sort.Strings(order)
	for _, q := range order {
		missing = append(missing, MissingStatement{Quarter: q, Expected: expected[q]})
	}
	return pending, missing, nil
}
