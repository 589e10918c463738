package app

import (
	"strings"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// PublicIncomeService shows public income (公共收益) by quarter against R2: income by source,
// deductions, net, the transfer to the fund the quarter requires (every quarter under the
// statute; only below the threshold under the national list's rule), what was transferred and
// what is short. The transfer itself is VoucherService.Transfer.
// It is bound to the frontend.
type PublicIncomeService struct {
	sess *Session
}

// NewPublicIncomeService builds the service; Services binds it.
func NewPublicIncomeService(sess *Session) *PublicIncomeService {
	return &PublicIncomeService{sess: sess}
}

// IncomeSourceLine is gross income from one source, or one kind of deduction, in a quarter.
type IncomeSourceLine struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	NameEn string `json:"nameEn"`
	Amount string `json:"amount"`
}

// PublicIncomeQuarter is one quarter of public income against R2.
type PublicIncomeQuarter struct {
	Quarter    string             `json:"quarter"` // "2024Q3"
	From       string             `json:"from"`
	To         string             `json:"to"`
	Income     []IncomeSourceLine `json:"income"`
	Deductions []IncomeSourceLine `json:"deductions"`
	Gross      string             `json:"gross"`
	Deducted   string             `json:"deducted"`
	Net        string             `json:"net"`
	SubjectNet string             `json:"subjectNet"` // net income R2 binds
	Required   string             `json:"required"`   // transfer R2 requires for the quarter
	Done       string             `json:"done"`       // transferred to the fund within the quarter
	Settled    string             `json:"settled"`    // transfers counted toward the quarter, oldest quarter first
	Short      string             `json:"short"`      // still owed for the quarter today
	DueBy      string             `json:"dueBy"`      // the quarter's end plus the grace days
	Overdue    bool               `json:"overdue"`
	Closed     bool               `json:"closed"`
	Current    bool               `json:"current"` // the quarter in progress
}

// PublicIncomeOverview is the public income screen.
type PublicIncomeOverview struct {
	Today         string                `json:"today"`
	PublicBalance string                `json:"publicBalance"`
	FundRatio     string                `json:"fundRatio"`
	FundBelow     bool                  `json:"fundBelow"` // below R2's threshold today
	Threshold     string                `json:"threshold"` // R2 threshold, percent
	Share         string                `json:"share"`     // R2 share, percent
	Strict        bool                  `json:"strict"`    // strictly more than the share (高于)
	Mode          string                `json:"mode"`      // "always" (the statute) or "below_threshold"
	Statutory     bool                  `json:"statutory"` // the settings meet Shanghai's statute
	GraceDays     int                   `json:"graceDays"`
	Outstanding   string                `json:"outstanding"`
	Quarters      []PublicIncomeQuarter `json:"quarters"` // newest first
	// Scopes: R2 per scope of income, all quarters to today — the community's, then each
	// building whose owners have income of their own (its transfer is split among its units).
	Scopes []PublicIncomeScope `json:"scopes"`
}

// PublicIncomeScope is R2 for the community's income or one building's owners' income.
type PublicIncomeScope struct {
	BuildingID int64  `json:"buildingId"` // 0: the community
	Building   string `json:"building"`   // the building's name, empty for the community
	Net        string `json:"net"`
	Required   string `json:"required"`
	Settled    string `json:"settled"`
	Short      string `json:"short"`
	Overdue    bool   `json:"overdue"`
}

// Overview returns public income by quarter, newest first, with R2's figures.
func (s *PublicIncomeService) Overview() (PublicIncomeOverview, error) {
	st, err := s.sess.Store()
	if err != nil {
		return PublicIncomeOverview{}, err
	}
	now := s.sess.now()
	today := ledger.FormatDate(now)
	status, err := st.Status(now, false)
	if err != nil {
		return PublicIncomeOverview{}, err
	}
	c, err := st.Community()
	if err != nil {
		return PublicIncomeOverview{}, err
	}
	sources, err := st.PublicIncomeBySource(today)
	if err != nil {
		return PublicIncomeOverview{}, err
	}
	bySource := map[string]store.QuarterSources{}
	for _, q := range sources {
		bySource[q.Quarter] = q
	}
	p := c.Policy
	o := PublicIncomeOverview{Today: today, PublicBalance: status.Books[ledger.BookPublic].String(), FundRatio: status.Fund.Ratio,
		FundBelow: p.TransferApplies(status.Fund.Balance, status.Fund.Initial), Threshold: p.TransferThreshold.Shift(2).String(),
		Share: p.TransferShare.Shift(2).String(), Strict: p.TransferStrict, Outstanding: status.Outstanding.String(),
		Mode: p.TransferMode, Statutory: p.Statutory(), GraceDays: p.TransferGraceDays,
		Quarters: []PublicIncomeQuarter{}}
	current := ledger.Quarter(now)
	for i := len(status.Quarters) - 1; i >= 0; i-- {
		q := status.Quarters[i]
		per, _ := ledger.QuarterPeriod(q.Quarter)
		pq := PublicIncomeQuarter{Quarter: q.Quarter, From: per.From, To: per.To, Income: []IncomeSourceLine{}, Deductions: []IncomeSourceLine{},
			Gross: q.Income.String(), Deducted: q.Deductions.String(), Net: q.Net.String(), SubjectNet: q.SubjectNet.String(),
			Required: q.Required.String(), Done: q.Done.String(), Settled: q.Settled.String(), Short: q.Short.String(),
			DueBy: q.DueBy, Overdue: q.Overdue, Closed: q.Closed, Current: q.Quarter == current}
		for _, sa := range bySource[q.Quarter].Income {
			pq.Income = append(pq.Income, IncomeSourceLine{Code: sa.Code, Name: sa.NameZH, NameEn: sa.NameEN, Amount: sa.Amount.String()})
		}
		for _, sa := range bySource[q.Quarter].Deductions {
			pq.Deductions = append(pq.Deductions, IncomeSourceLine{Code: sa.Code, Name: sa.NameZH, NameEn: sa.NameEN, Amount: sa.Amount.String()})
		}
		o.Quarters = append(o.Quarters, pq)
	}
	scopes, err := st.PublicIncomeByBuilding(today)
	if err != nil {
		return PublicIncomeOverview{}, err
	}
	o.Scopes = make([]PublicIncomeScope, 0, len(scopes))
	for _, b := range scopes {
		o.Scopes = append(o.Scopes, PublicIncomeScope{BuildingID: b.BuildingID, Building: b.Name, Net: b.Net.String(),
			Required: b.Required.String(), Settled: b.Settled.String(), Short: b.Short.String(), Overdue: b.Overdue})
	}
	return o, nil
}

// OutstandingOn is the transfer to the fund R2 still requires for public income recognised up
// to date, counting transfers up to date: what a transfer dated date must at least move.
func (s *PublicIncomeService) OutstandingOn(date string) (string, error) {
	st, err := s.sess.Store()
	if err != nil {
		return "", err
	}
	date = strings.TrimSpace(date)
	d, err := ledger.ParseDate(date)
	if err != nil {
		return "", err
	}
	status, err := st.Status(d, false)
	if err != nil {
		return "", err
	}
	return status.Outstanding.String(), nil
}
