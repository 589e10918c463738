package store

import (
	"time"

	"jiayuan/store/ledger"
)

// Oversight is what the dashboard asks the secretary to follow up on authorised spending and
// public income (R8): resolutions whose notice is overdue, contracts expiring within 90 days,
// and past quarters a contract expected income for and none was received.
type Oversight struct {
	Unpublished []RegisterEntry // notice (公告) not recorded and past its 3 days
	Expiring    []Contract
	Missing     []MissingIncome
	// MissingStatements are past quarters without the property company's statement; the
	// contracts it collects are not listed in Missing for those quarters (one alert, not one
	// per contract).
	MissingStatements []MissingStatement
	// Handover is the property company's leaving while its hand-over is not recorded.
	Handover *PendingHandover
}

// MissingIncome is a contract's past quarter without income.
type MissingIncome struct {
	Contract Contract
	Quarter  string
	Expected ledger.Money
}

func (s *Store) oversight(today time.Time) (Oversight, error) {
	var o Oversight
	un, err := s.UnpublishedResolutions()
	if err != nil {
		return o, err
	}
	for _, e := range un {
		if ledger.PublishOverdue(e.Date, e.PublishedOn, today) {
			o.Unpublished = append(o.Unpublished, e)
		}
	}
	cs, err := s.ContractStatuses(today)
	if err != nil {
		return o, err
	}
	if o.Handover, o.MissingStatements, err = s.statementOversight(today, cs); err != nil {
		return o, err
	}
	noStatement := map[string]bool{}
	for _, m := range o.MissingStatements {
		noStatement[m.Quarter] = true
	}
	for _, c := range cs {
		if c.Expiring {
			o.Expiring = append(o.Expiring, c.Contract)
		}
		for _, q := range c.Quarters {
			if q.Missing && !(c.Collector == "property" && noStatement[q.Quarter]) {
				o.Missing = append(o.Missing, MissingIncome{Contract: c.Contract, Quarter: q.Quarter, Expected: q.Expected})
			}
		}
	}
	return o, nil
}
