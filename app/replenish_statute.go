package app

import (
	"strings"

	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"

	"github.com/shopspring/decimal"
)

// ReplenishTerms are a case's terms as the screen shows them: who set them (the owners'
// decision or the bank notice), the basis and the instalments' due dates.
type ReplenishTerms struct {
	Source         string   `json:"source"` // decision, notice
	Basis          string   `json:"basis"`  // share, per_m2, waive
	SharePct       string   `json:"sharePct"`
	PerM2          string   `json:"perM2"`
	Instalments    int      `json:"instalments"`
	IntervalMonths int      `json:"intervalMonths"`
	Schedule       []string `json:"schedule"`
	SetOn          string   `json:"setOn"`
}

func termsView(t *store.CaseTerms) *ReplenishTerms {
	if t == nil {
		return nil
	}
	v := &ReplenishTerms{Source: t.Source, Basis: t.Basis, Instalments: t.Instalments, IntervalMonths: t.IntervalMonths,
		Schedule: append([]string{}, t.Schedule...), SetOn: t.SetOn}
	if d, err := decimal.NewFromString(t.Share); err == nil {
		v.SharePct = d.Shift(2).String()
	}
	if t.Basis == ledger.BasisPerM2 {
		v.PerM2 = t.PerM2.String()
	}
	return v
}

// ReplenishTermsForm is a decision's terms as typed: the basis (share of the initial amount
// in percent, or an amount per m², or waive), the number of instalments, the first due date
// and the months between instalments.
type ReplenishTermsForm struct {
	Basis          string `json:"basis"`
	SharePct       string `json:"sharePct"`
	PerM2          string `json:"perM2"`
	Instalments    int    `json:"instalments"`
	FirstDue       string `json:"firstDue"`
	IntervalMonths int    `json:"intervalMonths"`
}

func (f ReplenishTermsForm) terms() (ledger.ReplenishTerms, error) {
	t := ledger.ReplenishTerms{Basis: strings.TrimSpace(f.Basis), Instalments: f.Instalments, IntervalMonths: f.IntervalMonths}
	switch t.Basis {
	case ledger.BasisShare:
		d, err := decimal.NewFromString(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f.SharePct), "%")))
		if err != nil {
			return t, ledger.Refuse("replenish.terms_share", "value", f.SharePct)
		}
		t.Share = d.Shift(-2)
	case ledger.BasisPerM2:
		m, err := ledger.ParsePositiveAmount(f.PerM2)
		if err != nil {
			return t, err
		}
		t.PerM2 = m
	case ledger.BasisWaive:
		return t, nil
	}
	if strings.TrimSpace(f.FirstDue) != "" {
		d, err := ledger.ParseDate(f.FirstDue)
		if err != nil {
			return t, err
		}
		t.FirstDue = d
	}
	return t, nil
}

// Decide records the owners' decision with its own terms: passing, it sets every unit's due
// (replacing dues set before) and the bank notice is no longer needed.
func (s *ReplenishService) Decide(caseID int64, f VoteForm, tf ReplenishTermsForm) (VoteCheckResult, error) {
	terms, err := tf.terms()
	if err != nil {
		return VoteCheckResult{}, err
	}
	return s.decide(caseID, f, &terms)
}

func (s *ReplenishService) decide(caseID int64, f VoteForm, terms *ledger.ReplenishTerms) (VoteCheckResult, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VoteCheckResult{}, err
	}
	v, err := ops.VoteToRecord(ops.VoteForm(f), ledger.FormatDate(s.now()))
	if err != nil {
		return VoteCheckResult{}, err
	}
	_, vc, err := st.RecordReplenishmentDecision(caseID, v.In, terms)
	if err != nil {
		return VoteCheckResult{}, err
	}
	return checkResult(s.sess.cat, ledger.VoteReplenish, v, vc), nil
}

// DemandRow is a written demand (催缴) as the screen lists it.
type DemandRow struct {
	ID          int64  `json:"id"`
	UnitID      int64  `json:"unitId"`
	Unit        string `json:"unit"`
	Owner       string `json:"owner"`
	Date        string `json:"date"`
	Note        string `json:"note"`
	Outstanding string `json:"outstanding"`
}

// RecordDemand records a written demand to a unit that still owes in the case.
func (s *ReplenishService) RecordDemand(caseID, unitID int64, date, note string) error {
	st, err := s.sess.Store()
	if err != nil {
		return err
	}
	if strings.TrimSpace(date) == "" {
		date = ledger.FormatDate(s.now())
	}
	_, err = st.RecordDemand(caseID, unitID, date, note)
	return err
}

// Demands lists a case's written demands, oldest first.
func (s *ReplenishService) Demands(caseID int64) ([]DemandRow, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	ds, err := st.Demands(caseID, 0)
	if err != nil {
		return nil, err
	}
	return demandRows(ds), nil
}

func demandRows(ds []store.Demand) []DemandRow {
	out := make([]DemandRow, 0, len(ds))
	for _, d := range ds {
		out = append(out, DemandRow{ID: d.ID, UnitID: d.UnitID, Unit: d.Unit, Owner: d.Owner, Date: d.Date, Note: d.Note, Outstanding: d.Overdue.String()})
	}
	return out
}
