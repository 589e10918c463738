package app

import (
	"strings"
	"time"

	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// ReplenishService is the replenishment screen (续筹, R1): the open case with its 90-day
// decision clock, the owners' decision (≥ 3/4, checked live), the bank notice, each unit's
// dues and payments, the collection rate, and past cases. It is bound to the frontend.
type ReplenishService struct {
	sess *Session
}

// NewReplenishService builds the service.
func NewReplenishService(sess *Session) *ReplenishService { return &ReplenishService{sess: sess} }

// ReplenishCaseView is a replenishment case with its clocks and collection figures.
type ReplenishCaseView struct {
	ID          int64  `json:"id"`
	Level       string `json:"level"`
	Status      string `json:"status"` // open, noticed, closed
	TriggerDate string `json:"triggerDate"`
	Balance     string `json:"balance"` // fund balance when triggered
	Initial     string `json:"initial"`
	Ratio       string `json:"ratio"` // balance ÷ initial at the trigger, percent
	// The decision clock: the owners must decide by DecisionDeadline.
	DecisionDeadline string   `json:"decisionDeadline"`
	DecisionDaysLeft int      `json:"decisionDaysLeft"` // negative when overdue
	DecisionOverdue  bool     `json:"decisionOverdue"`
	Decided          bool     `json:"decided"`
	Decision         *VoteRow `json:"decision"`
	NoticeDate       string   `json:"noticeDate"`
	PaymentDeadline  string   `json:"paymentDeadline"`
	PaymentDaysLeft  int      `json:"paymentDaysLeft"`
	PaymentOverdue   bool     `json:"paymentOverdue"`
	Due              string   `json:"due"`
	Paid             string   `json:"paid"`
	Outstanding      string   `json:"outstanding"`
	CollectionPct    string   `json:"collectionPct"` // paid ÷ due, percent ("" with nothing due)
	Units            int      `json:"units"`         // units with something due
	UnitsSettled     int      `json:"unitsSettled"`  // of them, those who paid in full
	ClosedOn         string   `json:"closedOn"`
	// The statute's steps (regulation art. 65): open → decided (the owners' terms) or, with no
	// decision by the deadline, noticed (the bank notice, possible from NoticeFrom) → closed
	// once every due is paid (ClosedReason paid) or waived by a decision.
	Stage          string          `json:"stage"`
	NoticeFrom     string          `json:"noticeFrom"`
	NoticePossible bool            `json:"noticePossible"` // today the bank notice may be recorded
	Owing          int             `json:"owing"`          // units that still owe
	RatioRestored  bool            `json:"ratioRestored"`  // the fund is back at or above the threshold, the case still open
	ClosedReason   string          `json:"closedReason"`
	Terms          *ReplenishTerms `json:"terms"`
}

// ReplenishOverview is the screen: today's fund ratio, the case not yet closed and the past ones.
type ReplenishOverview struct {
	Today        string              `json:"today"`
	FundRatio    string              `json:"fundRatio"`
	Threshold    string              `json:"threshold"`
	Target       string              `json:"target"` // percent the top-up brings each unit to
	FundBalance  string              `json:"fundBalance"`
	InitialTotal string              `json:"initialTotal"`
	DecisionDays int                 `json:"decisionDays"`
	PaymentDays  int                 `json:"paymentDays"`
	Current      *ReplenishCaseView  `json:"current"`
	Past         []ReplenishCaseView `json:"past"`
	Below        bool                `json:"below"` // today's (residential) ratio is below the threshold
	// Garages and other non-residential units, accounted separately: their own line.
	Separate      bool   `json:"separate"`
	NonResBalance string `json:"nonResBalance"`
	NonResInitial string `json:"nonResInitial"`
	NonResRatio   string `json:"nonResRatio"`
}

// CaseDueRow is one unit's due and payments in a case.
type CaseDueRow struct {
	UnitID      int64  `json:"unitId"`
	Unit        string `json:"unit"`
	Owner       string `json:"owner"`
	Area        string `json:"area"`
	Due         string `json:"due"`
	Paid        string `json:"paid"`
	Outstanding string `json:"outstanding"`
	Settled     bool   `json:"settled"`
}

// CaseDuesPage is one page of a case's dues.
type CaseDuesPage struct {
	Total int          `json:"total"`
	Rows  []CaseDueRow `json:"rows"`
}

// ReplenishPaymentForm is one unit's payment as typed.
type ReplenishPaymentForm struct {
	UnitID  int64  `json:"unitId"`
	Date    string `json:"date"`
	Amount  string `json:"amount"`
	Summary string `json:"summary"`
}

func (s *ReplenishService) now() time.Time { return s.sess.now() }

// daysUntil is the number of days from today to date (negative when past).
func daysUntil(today time.Time, date string) int {
	d, err := ledger.ParseDate(date)
	if err != nil {
		return 0
	}
	t := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	return int(d.Sub(t).Hours() / 24)
}

// Overview returns the open case, if any, and the past cases, newest first.
func (s *ReplenishService) Overview() (ReplenishOverview, error) {
	st, err := s.sess.Store()
	if err != nil {
		return ReplenishOverview{}, err
	}
	c, err := st.Community()
	if err != nil {
		return ReplenishOverview{}, err
	}
	now := s.now()
	status, err := st.Status(now, false)
	if err != nil {
		return ReplenishOverview{}, err
	}
	p := c.Policy
	o := ReplenishOverview{Today: ledger.FormatDate(now), FundRatio: status.Fund.Ratio, Threshold: status.Fund.Threshold,
		Target: p.ReplenishTarget.Shift(2).String(), FundBalance: status.Fund.Balance.String(), InitialTotal: status.Fund.Initial.String(),
		DecisionDays: p.DecisionDays, PaymentDays: p.PaymentDays, Past: []ReplenishCaseView{}, Below: status.Fund.Below,
		Separate: status.Fund.Separate}
	if nr := status.Fund.NonResidential; nr.Name != "" {
		o.NonResBalance, o.NonResInitial, o.NonResRatio = nr.Balance.String(), nr.Initial.String(), nr.Ratio
	}
	cases, err := st.ReplenishmentCases()
	if err != nil {
		return o, err
	}
	for _, rc := range cases {
		v, err := s.view(st, rc, now, status.Fund.Below)
		if err != nil {
			return o, err
		}
		if rc.Status != "closed" && o.Current == nil {
			o.Current = &v
			continue
		}
		o.Past = append(o.Past, v)
	}
	return o, nil
}

func (s *ReplenishService) view(st *store.Store, c store.ReplenishmentCase, now time.Time, below bool) (ReplenishCaseView, error) {
	today := ledger.FormatDate(now)
	v := ReplenishCaseView{ID: c.ID, Level: c.Level, Status: c.Status, TriggerDate: c.TriggerDate, Balance: c.Balance.String(),
		Initial: c.Initial.String(), Ratio: ops.Percent(c.Balance.Fen(), c.Initial.Fen()), DecisionDeadline: c.DecisionDeadline,
		Decided: c.ResolutionID != 0, NoticeDate: c.NoticeDate, PaymentDeadline: c.PaymentDeadline, Due: c.Due.String(),
		Paid: c.Paid.String(), Units: c.Units, ClosedOn: c.ClosedOn, Stage: c.Stage, NoticeFrom: c.NoticeFrom, Owing: c.Owing,
		ClosedReason: c.ClosedReason, Terms: termsView(c.Terms)}
	v.NoticePossible = c.Stage == "open" && c.ResolutionID == 0 && today >= c.NoticeFrom
	v.RatioRestored = c.Stage != "closed" && !below
	out := c.Due.Sub(c.Paid)
	if out.Sign() < 0 {
		out = ledger.Zero
	}
	v.Outstanding = out.String()
	v.CollectionPct = ops.Percent(c.Paid.Fen(), c.Due.Fen())
	if c.Stage == "open" && !v.Decided {
		v.DecisionDaysLeft = daysUntil(now, c.DecisionDeadline)
		v.DecisionOverdue = today > c.DecisionDeadline
	}
	if c.PaymentDeadline != "" && c.Status != "closed" {
		v.PaymentDaysLeft = daysUntil(now, c.PaymentDeadline)
		v.PaymentOverdue = today > c.PaymentDeadline && out.Sign() > 0
	}
	if c.ResolutionID != 0 {
		r, err := st.Resolution(c.ResolutionID)
		if err != nil {
			return v, err
		}
		vr := voteRow(r)
		vr.Valid = r.Passed
		v.Decision = &vr
	}
	if c.Units > 0 {
		_, owing, err := st.CaseDuesPage(c.ID, store.DueFilter{Outstanding: true, Limit: 1})
		if err != nil {
			return v, err
		}
		v.UnitsSettled = c.Units - owing
	}
	return v, nil
}

// Dues returns one page of a case's dues, optionally only the units that still owe, found by
// room, building or owner.
func (s *ReplenishService) Dues(caseID int64, text string, outstandingOnly bool, offset, limit int) (CaseDuesPage, error) {
	st, err := s.sess.Store()
	if err != nil {
		return CaseDuesPage{}, err
	}
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	rows, n, err := st.CaseDuesPage(caseID, store.DueFilter{Text: text, Outstanding: outstandingOnly, Limit: limit, Offset: offset})
	if err != nil {
		return CaseDuesPage{}, err
	}
	out := CaseDuesPage{Total: n, Rows: make([]CaseDueRow, 0, len(rows))}
	for _, r := range rows {
		rest := r.Due.Sub(r.Paid)
		if rest.Sign() < 0 {
			rest = ledger.Zero
		}
		out.Rows = append(out.Rows, CaseDueRow{UnitID: r.ID, Unit: r.BuildingCode + "-" + r.Room, Owner: r.OwnerName, Area: ledger.FormatArea(r.AreaCM2),
			Due: r.Due.String(), Paid: r.Paid.String(), Outstanding: rest.String(), Settled: rest.Sign() == 0})
	}
	return out, nil
}

// CheckDecision is the live check of the owners' replenishment decision while its figures
// are typed: participation ≥ 2/3 of the community's area and owners, agreement ≥ 3/4 of the
// participants. Nothing is written.
func (s *ReplenishService) CheckDecision(caseID int64, f VoteForm) (VoteCheckResult, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VoteCheckResult{}, err
	}
	v, perr := ops.ReadVote(ops.VoteForm(f))
	vc, err := st.CheckReplenishmentDecision(caseID, v.In)
	if err != nil {
		return VoteCheckResult{}, err
	}
	if perr != nil {
		return problemResult(s.sess.cat, ledger.VoteReplenish, vc, perr), nil
	}
	return checkResult(s.sess.cat, ledger.VoteReplenish, v, vc), nil
}

// RecordDecision records the owners' decision on the case with the default terms (the
// policy's target share in one payment); a passing one is linked to it and sets the dues.
func (s *ReplenishService) RecordDecision(caseID int64, f VoteForm) (VoteCheckResult, error) {
	return s.decide(caseID, f, nil)
}

// RecordBankNotice records the date of the bank's payment notice: every unit's top-up becomes
// due, payable within the policy's days.
func (s *ReplenishService) RecordBankNotice(caseID int64, date string) error {
	st, err := s.sess.Store()
	if err != nil {
		return err
	}
	return st.RecordBankNotice(caseID, strings.TrimSpace(date))
}

// RecordPayment posts one unit's replenishment deposit against the case. A payment above
// what the unit still owes is refused: it is almost always a typing error.
func (s *ReplenishService) RecordPayment(caseID int64, f ReplenishPaymentForm) (ProjectVoucher, error) {
	st, err := s.sess.Store()
	if err != nil {
		return ProjectVoucher{}, err
	}
	m, err := ledger.ParsePositiveAmount(f.Amount)
	if err != nil {
		return ProjectVoucher{}, err
	}
	label, err := st.UnitLabels([]int64{f.UnitID})
	if err != nil {
		return ProjectVoucher{}, err
	}
	l, ok := label[f.UnitID]
	if !ok {
		return ProjectVoucher{}, ledger.Refuse("split.unknown_unit")
	}
	due, inCase, err := st.CaseDue(caseID, f.UnitID)
	if err != nil {
		return ProjectVoucher{}, err
	}
	unit := l.BuildingCode + "-" + l.Room
	if !inCase {
		return ProjectVoucher{}, ledger.Refuse("works.unit_not_in_case", "unit", unit)
	}
	rest := due.Due.Sub(due.Paid)
	if m.Cmp(rest) > 0 {
		return ProjectVoucher{}, ledger.Refuse("works.payment_exceeds_due", "unit", unit, "amount", m.Grouped(), "outstanding", rest.Grouped())
	}
	date := strings.TrimSpace(f.Date)
	if date == "" {
		date = ledger.FormatDate(s.now())
	}
	summary := strings.TrimSpace(f.Summary)
	if summary == "" {
		summary = unit + " 续筹交存"
	}
	v, err := st.RecordReplenishmentPayment(caseID, f.UnitID, date, m, summary)
	if err != nil {
		return ProjectVoucher{}, err
	}
	return ProjectVoucher{ID: v.ID, No: v.No, Date: v.Date, Summary: v.Summary, Kind: v.Kind, Total: v.Total.String()}, nil
}
