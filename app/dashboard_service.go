package app

import (
	"jiayuan/store/ledger"
)

// DashboardService gives the dashboard what LedgerService.Dashboard does not: the fund
// ratio's trend over time. It is bound to the frontend.
type DashboardService struct {
	sess *Session
}

// NewDashboardService builds the service; Services binds it.
func NewDashboardService(sess *Session) *DashboardService { return &DashboardService{sess: sess} }

// RatioTrendPoint is the fund ratio at a quarter's end (or today for the quarter in progress).
type RatioTrendPoint struct {
	Quarter string `json:"quarter"`
	Date    string `json:"date"`
	Balance string `json:"balance"`
	Ratio   string `json:"ratio"` // percent, 2 dp; "" with no initial amount
	Below   bool   `json:"below"`
}

// RatioTrend is the fund ratio at each quarter end since the books started, with the
// replenishment threshold (R1) to draw against it.
type RatioTrend struct {
	Initial   string            `json:"initial"`
	Threshold string            `json:"threshold"` // percent, e.g. "30"
	Points    []RatioTrendPoint `json:"points"`    // oldest first
}

// RatioTrend computes the trend from the ledger's aggregates (one query).
func (s *DashboardService) RatioTrend() (RatioTrend, error) {
	st, err := s.sess.Store()
	if err != nil {
		return RatioTrend{}, err
	}
	h, err := st.RatioHistory(ledger.FormatDate(s.sess.now()))
	if err != nil {
		return RatioTrend{}, err
	}
	out := RatioTrend{Initial: h.Initial.String(), Threshold: h.Threshold, Points: make([]RatioTrendPoint, 0, len(h.Points))}
	for _, p := range h.Points {
		out.Points = append(out.Points, RatioTrendPoint{Quarter: p.Quarter, Date: p.Date, Balance: p.Balance.String(), Ratio: p.Ratio, Below: p.Below})
	}
	return out, nil
}
