package app

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"jiayuan/app/i18n"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// PeriodService closes quarters and years of a book (结账, R5). Each period it offers comes
// with the answer closing would give today — computed by a dry run of the closing itself — so
// the secretary sees why a period cannot be closed (not ended, already closed, public income
// still owed to the fund) before trying. It is bound to the frontend.
type PeriodService struct {
	sess *Session
}

// NewPeriodService builds the service; Services binds it.
func NewPeriodService(sess *Session) *PeriodService { return &PeriodService{sess: sess} }

// PeriodCheck is a period of a book and whether it can be closed today.
type PeriodCheck struct {
	Book     string `json:"book"`
	Period   string `json:"period"` // "2024Q3" or "2024"
	Kind     string `json:"kind"`   // "quarter" or "year"
	From     string `json:"from"`
	To       string `json:"to"`
	Closed   bool   `json:"closed"`
	ClosedOn string `json:"closedOn"`
	CanClose bool   `json:"canClose"`
	// Refusal is why it cannot be closed today, translated; nil when it can or is closed.
	Refusal *PeriodRefusal `json:"refusal"`
	// Short is the transfer to the fund still owed at the period's end when that is the reason.
	Short string `json:"short"`
}

// BookPeriods is a book's periods that are still open, newest first.
type BookPeriods struct {
	Book    string        `json:"book"`
	Periods []PeriodCheck `json:"periods"`
}

// ClosedPeriodInfo is a closed period.
type ClosedPeriodInfo struct {
	Book     string `json:"book"`
	Period   string `json:"period"`
	Kind     string `json:"kind"`
	From     string `json:"from"`
	To       string `json:"to"`
	ClosedOn string `json:"closedOn"`
}

// PeriodOverview is the closing screen.
type PeriodOverview struct {
	Today  string             `json:"today"`
	Start  string             `json:"start"` // first day of the books
	Books  []BookPeriods      `json:"books"`
	Closed []ClosedPeriodInfo `json:"closed"`
}

// maxOpenQuarters bounds how many open quarters the screen lists per book (any other period
// can still be checked with Check).
const maxOpenQuarters = 8

// Overview lists, per book, the open quarters and years from the start of the books to today
// (the most recent ones), each checked as closing it would be, and the closed periods.
func (s *PeriodService) Overview() (PeriodOverview, error) {
	st, err := s.sess.Store()
	if err != nil {
		return PeriodOverview{}, err
	}
	now := s.sess.now()
	today := ledger.FormatDate(now)
	c, err := st.Community()
	if err != nil {
		return PeriodOverview{}, err
	}
	closed, err := st.ClosedPeriods()
	if err != nil {
		return PeriodOverview{}, err
	}
	o := PeriodOverview{Today: today, Start: c.StartDate, Books: []BookPeriods{}, Closed: []ClosedPeriodInfo{}}
	for _, cp := range closed {
		name, kind := closedPeriodName(cp.Period)
		o.Closed = append(o.Closed, ClosedPeriodInfo{Book: string(cp.Book), Period: name, Kind: kind, From: cp.Period.From, To: cp.Period.To, ClosedOn: cp.ClosedOn})
	}
	start, err := ledger.ParseDate(c.StartDate)
	if err != nil {
		return o, err
	}
	for _, b := range ledger.Books {
		covered := func(p ledger.Period) bool {
			for _, cp := range closed {
				if cp.Book == b && cp.Period.From <= p.From && cp.Period.To >= p.To {
					return true
				}
			}
			return false
		}
		bp := BookPeriods{Book: string(b), Periods: []PeriodCheck{}}
		var candidates []string
		quarters := 0
		for y := now.Year(); y >= start.Year() && quarters < maxOpenQuarters; y-- {
			yp := ledger.YearPeriod(y)
			if !covered(yp) && yp.From <= today {
				candidates = append(candidates, fmt.Sprint(y))
			}
			for q := 4; q >= 1 && quarters < maxOpenQuarters; q-- {
				name := fmt.Sprintf("%dQ%d", y, q)
				qp, _ := ledger.QuarterPeriod(name)
				if qp.From > today || qp.To < c.StartDate || covered(qp) {
					continue
				}
				candidates = append(candidates, name)
				quarters++
			}
		}
		for _, name := range candidates {
			pc, err := s.check(st, b, name, today)
			if err != nil {
				return o, err
			}
			bp.Periods = append(bp.Periods, pc)
		}
		// newest first by end date; a year after its own fourth quarter
		sort.SliceStable(bp.Periods, func(i, j int) bool {
			if bp.Periods[i].To != bp.Periods[j].To {
				return bp.Periods[i].To > bp.Periods[j].To
			}
			return bp.Periods[i].Kind == "year" && bp.Periods[j].Kind != "year"
		})
		o.Books = append(o.Books, bp)
	}
	return o, nil
}

// closedPeriodName names a period as ParsePeriod reads it: "2024Q3" or "2024".
func closedPeriodName(p ledger.Period) (name, kind string) {
	if strings.HasSuffix(p.From, "-01-01") && strings.HasSuffix(p.To, "-12-31") && p.From[:4] == p.To[:4] {
		return p.From[:4], "year"
	}
	d, err := ledger.ParseDate(p.From)
	if err == nil {
		q := ledger.Quarter(d)
		if qp, _ := ledger.QuarterPeriod(q); qp == p {
			return q, "quarter"
		}
	}
	return p.From + "~" + p.To, "other"
}

// check answers whether a period of a book can be closed today, by a dry run of the closing.
func (s *PeriodService) check(st *store.Store, b ledger.Book, period, today string) (PeriodCheck, error) {
	period = strings.ToUpper(strings.TrimSpace(period))
	p, err := store.ParsePeriod(period)
	if err != nil {
		return PeriodCheck{}, err
	}
	pc := PeriodCheck{Book: string(b), Period: period, Kind: "quarter", From: p.From, To: p.To}
	if len(period) == 4 {
		pc.Kind = "year"
	}
	err = st.CheckClosePeriod(b, period, today)
	switch key := ledger.KeyOf(err); {
	case err == nil:
		pc.CanClose = true
	case key == "period.already_closed":
		pc.Closed = true
		if cps, err := st.ClosedPeriods(); err == nil {
			for _, cp := range cps {
				if cp.Book == b && cp.Period.From <= p.From && cp.Period.To >= p.To {
					pc.ClosedOn = cp.ClosedOn
					break
				}
			}
		}
	case key != "":
		pc.Refusal = periodRefusalOf(s.sess.cat, err)
		if key == "r2.close_shortfall" {
			pc.Short = shortfallOf(err)
		}
	default:
		return pc, err
	}
	return pc, nil
}

// PeriodRefusal is a rule's answer shown in place, not thrown: its key and arguments and the message
// in both languages.
type PeriodRefusal struct {
	Key       string            `json:"key"`
	Args      map[string]string `json:"args"`
	Message   string            `json:"message"`
	MessageEn string            `json:"messageEn"`
}

func periodRefusalOf(cat i18n.Catalog, err error) *PeriodRefusal {
	e := NewError(cat, err)
	if e.Args == nil {
		e.Args = map[string]string{}
	}
	return &PeriodRefusal{Key: e.Key, Args: e.Args, Message: e.Message, MessageEn: e.MessageEn}
}

// shortfallOf reads the shortfall back from an r2.close_shortfall refusal ("1,234.50" → "1234.50").
func shortfallOf(err error) string {
	var e *ledger.Error
	if errors.As(err, &e) {
		if m, err := ledger.ParseAmount(e.Args["amount"]); err == nil {
			return m.String()
		}
	}
	return ""
}

// Check answers whether a period of a book ("2024Q3" or "2024") can be closed today.
func (s *PeriodService) Check(book, period string) (PeriodCheck, error) {
	st, err := s.sess.Store()
	if err != nil {
		return PeriodCheck{}, err
	}
	b, err := bookParam(book)
	if err != nil {
		return PeriodCheck{}, err
	}
	return s.check(st, b, period, ledger.FormatDate(s.sess.now()))
}

// Close closes a period of a book today; afterwards no posting may be dated in it.
func (s *PeriodService) Close(book, period string) (PeriodCheck, error) {
	st, err := s.sess.Store()
	if err != nil {
		return PeriodCheck{}, err
	}
	b, err := bookParam(book)
	if err != nil {
		return PeriodCheck{}, err
	}
	today := ledger.FormatDate(s.sess.now())
	period = strings.ToUpper(strings.TrimSpace(period))
	if err := st.ClosePeriod(b, period, today); err != nil {
		return PeriodCheck{}, err
	}
	return s.check(st, b, period, today)
}
