package ops

import (
	"strconv"

	"jiayuan/app/i18n"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// StatusReport is the status of the books in plain types: amounts as "1234.50", ratios as
// percent strings. It is what `jiayuan status --json` prints and what the dashboard reads.
type StatusReport struct {
	Community     string           `json:"community"`
	Today         string           `json:"today"`
	Books         []BookBalance    `json:"books"`
	Fund          FundReport       `json:"fund"`
	Replenishment *ReplenishReport `json:"replenishment"`
	Quarters      []QuarterReport  `json:"quarters"`
	Outstanding   string           `json:"transferOutstanding"`
	Due           []DueReport      `json:"due"`
	Alerts        []Alert          `json:"alerts"`
	Chain         ChainReport      `json:"chain"`
}

// FundReport is the fund against its initial amount at community, building and unit level.
type FundReport struct {
	Balance        string        `json:"balance"`
	Initial        string        `json:"initial"`
	Ratio          string        `json:"ratio"`
	Threshold      string        `json:"threshold"`
	Below          bool          `json:"below"`
	BuildingsBelow int           `json:"buildingsBelow"`
	UnitsBelow     int           `json:"unitsBelow"`
	Buildings      []LevelReport `json:"buildings"`
	Units          []LevelReport `json:"units,omitempty"`
	// Separate: garages and other non-residential units are kept out of the ratio above
	// (单独核算) and shown as NonResidential.
	Separate       bool         `json:"separate"`
	NonResidential *LevelReport `json:"nonResidential,omitempty"`
}

// LevelReport is a building's or unit's ratio.
type LevelReport struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Balance string `json:"balance"`
	Initial string `json:"initial"`
	Ratio   string `json:"ratio"`
	Below   bool   `json:"below"`
}

// ReplenishReport is the open replenishment case.
type ReplenishReport struct {
	ID               int64  `json:"id"`
	Status           string `json:"status"`
	TriggerDate      string `json:"triggerDate"`
	DecisionDeadline string `json:"decisionDeadline"`
	NoticeDate       string `json:"noticeDate"`
	PaymentDeadline  string `json:"paymentDeadline"`
	Due              string `json:"due"`
	Paid             string `json:"paid"`
	Units            int    `json:"units"`
	Decided          bool   `json:"decided"`
	// The statute's steps: stage open → decided or noticed → closed; the bank notice is
	// possible from NoticeFrom when the owners have not decided; Owing units still owe
	// Outstanding; RatioRestored: the fund is back above the threshold but the case stays open.
	Stage         string `json:"stage"`
	NoticeFrom    string `json:"noticeFrom"`
	Owing         int    `json:"owing"`
	Outstanding   string `json:"outstanding"`
	RatioRestored bool   `json:"ratioRestored"`
}

// QuarterReport is a quarter of public income against R2.
type QuarterReport struct {
	Quarter    string `json:"quarter"`
	Income     string `json:"income"`
	Deductions string `json:"deductions"`
	Net        string `json:"net"`
	SubjectNet string `json:"subjectNet"`
	Required   string `json:"required"` // one requirement per quarter (and building scope), rounded up
	Done       string `json:"done"`     // transferred within the quarter, by date
	Settled    string `json:"settled"`  // transfers counted toward the quarter (oldest quarter first)
	Short      string `json:"short"`
	DueBy      string `json:"dueBy"`
	Overdue    bool   `json:"overdue"`
	Closed     bool   `json:"closed"`
}

// DueReport is a disclosure or audit due (R7).
type DueReport struct {
	Kind    string `json:"kind"`
	Book    string `json:"book,omitempty"`
	Year    int    `json:"year,omitempty"`
	From    string `json:"from"`
	To      string `json:"to"`
	Due     string `json:"due"`
	Overdue bool   `json:"overdue"`
}

// BookBalance is one book's current balance.
type BookBalance struct {
	Book    string `json:"book"` // "fund", "public", "working"
	Balance string `json:"balance"`
}

// Alert is something the secretary must act on (R1, R2, R7). Key and Args are an i18n message;
// Action names what resolves it ("transfer", "replenish", "disclose", "audit").
type Alert struct {
	Severity  string            `json:"severity"` // "danger", "warning", "info"
	Key       string            `json:"key"`
	Args      map[string]string `json:"args"`
	Action    string            `json:"action"`
	Message   string            `json:"message"`
	MessageEn string            `json:"messageEn"`
}

// ChainReport is the chain head.
type ChainReport struct {
	Seq  int64  `json:"seq"`
	Hash string `json:"hash"`
}

// StatusReportOf turns a store status into its report, with the alerts it implies: what
// `jiayuan status` prints and the window's dashboard shows.
func StatusReportOf(st store.Status, cat i18n.Catalog) StatusReport {
	r := StatusReport{Community: st.Community, Today: st.Today, Outstanding: st.Outstanding.String(),
		Chain: ChainReport{st.Chain.Seq, st.Chain.Hash}, Books: []BookBalance{}, Quarters: []QuarterReport{}, Due: []DueReport{}}
	for _, b := range ledger.Books {
		r.Books = append(r.Books, BookBalance{Book: string(b), Balance: st.Books[b].String()})
	}
	f := st.Fund
	r.Fund = FundReport{Balance: f.Balance.String(), Initial: f.Initial.String(), Ratio: f.Ratio, Threshold: f.Threshold, Below: f.Below,
		BuildingsBelow: f.BuildingsBelow, UnitsBelow: f.UnitsBelow, Buildings: []LevelReport{}, Separate: f.Separate}
	if f.NonResidential.Name != "" {
		nr := levelReport(f.NonResidential)
		r.Fund.NonResidential = &nr
	}
	for _, l := range f.Buildings {
		r.Fund.Buildings = append(r.Fund.Buildings, levelReport(l))
	}
	for _, l := range f.Units {
		r.Fund.Units = append(r.Fund.Units, levelReport(l))
	}
	if c := st.Replenishment; c != nil {
		r.Replenishment = &ReplenishReport{ID: c.ID, Status: c.Status, TriggerDate: c.TriggerDate, DecisionDeadline: c.DecisionDeadline,
			NoticeDate: c.NoticeDate, PaymentDeadline: c.PaymentDeadline, Due: c.Due.String(), Paid: c.Paid.String(), Units: c.Units,
			Decided: c.ResolutionID != 0, Stage: c.Stage, NoticeFrom: c.NoticeFrom, Owing: c.Owing, Outstanding: c.Outstanding.String(),
			RatioRestored: !f.Below}
	}
	for _, q := range st.Quarters {
		r.Quarters = append(r.Quarters, QuarterReport{q.Quarter, q.Income.String(), q.Deductions.String(), q.Net.String(),
			q.SubjectNet.String(), q.Required.String(), q.Done.String(), q.Settled.String(), q.Short.String(), q.DueBy, q.Overdue, q.Closed})
	}
	for _, d := range st.Due {
		r.Due = append(r.Due, DueReport{Kind: d.Kind, Book: string(d.Book), Year: d.Year, From: d.Period.From, To: d.Period.To, Due: d.Due, Overdue: d.Overdue})
	}
	r.Alerts = alertsOf(st, cat)
	return r
}

func levelReport(l store.LevelRatio) LevelReport {
	return LevelReport{l.ID, l.Name, l.Balance.String(), l.Initial.String(), l.Ratio, l.Below}
}

// alertsOf derives what the secretary must act on from the status (R1, R2, R7).
func alertsOf(st store.Status, cat i18n.Catalog) []Alert {
	out := []Alert{}
	add := func(sev, key, action string, args map[string]string) {
		out = append(out, Alert{Severity: sev, Key: key, Args: args, Action: action,
			Message: cat.T(i18n.ZH, key, args), MessageEn: cat.T(i18n.EN, key, args)})
	}
	overdue := false
	for _, q := range st.Quarters {
		if q.Overdue {
			overdue = true
			add("danger", "alert.transfer_overdue", "transfer", map[string]string{"quarter": q.Quarter, "amount": q.Short.Grouped(),
				"raw": q.Short.String(), "due": q.DueBy})
		}
	}
	if st.Outstanding.Sign() > 0 && !overdue {
		add("warning", "alert.transfer_required", "transfer", map[string]string{"amount": st.Outstanding.Grouped(), "raw": st.Outstanding.String()})
	}
	if c := st.Replenishment; c != nil {
		// the statute's order (art. 65): the owners decide within the deadline; without a
		// decision the committee notifies the bank from the day after; then the dues are collected
		switch {
		case c.Stage == "open" && st.Today <= c.DecisionDeadline:
			add("warning", "alert.replenish_decide", "replenish", map[string]string{"ratio": st.Fund.Ratio, "deadline": c.DecisionDeadline})
		case c.Stage == "open":
			add("danger", "alert.replenish_notice", "replenish", map[string]string{"deadline": c.DecisionDeadline, "from": c.NoticeFrom})
		case !st.Fund.Below:
			add("warning", "alert.replenish_restored", "replenish", map[string]string{"count": itoa(c.Owing), "amount": c.Outstanding.Grouped(),
				"deadline": c.PaymentDeadline})
		default:
			add("warning", "alert.replenish_collect", "replenish", map[string]string{"paid": c.Paid.Grouped(), "due": c.Due.Grouped(),
				"deadline": c.PaymentDeadline, "count": itoa(c.Owing)})
		}
	} else if st.Fund.Below {
		add("danger", "alert.fund_below", "replenish", map[string]string{"ratio": st.Fund.Ratio, "threshold": st.Fund.Threshold})
	}
	if st.Fund.UnitsBelow > 0 && !st.Fund.Below {
		add("info", "alert.units_below", "units", map[string]string{"count": itoa(st.Fund.UnitsBelow)})
	}
	for _, d := range st.Due {
		sev := "warning"
		if d.Overdue {
			sev = "danger"
		}
		if d.Kind == "audit" {
			add(sev, "alert.audit_due", "audit", map[string]string{"year": itoa(d.Year), "due": d.Due})
		} else {
			add(sev, "alert.disclosure_due", "disclose", map[string]string{"book": cat.T(i18n.ZH, "book."+string(d.Book), nil),
				"bookEn": cat.T(i18n.EN, "book."+string(d.Book), nil), "from": d.Period.From, "to": d.Period.To, "due": d.Due})
		}
	}
	for _, e := range st.Oversight.Unpublished {
		add("warning", "alert.resolution_unpublished", "resolutions", map[string]string{"id": strconv.FormatInt(e.ID, 10), "subject": e.Subject, "due": e.PublishDue})
	}
	for _, c := range st.Oversight.Expiring {
		add("warning", "alert.contract_expiring", "", map[string]string{"counterparty": c.Counterparty, "end": c.End})
	}
	for _, m := range st.Oversight.MissingStatements {
		add("danger", "alert.statement_missing", "statements", map[string]string{"quarter": m.Quarter, "expected": m.Expected.Grouped()})
	}
	if h := st.Oversight.Handover; h != nil {
		key, sev := "alert.property_handover_due", "warning"
		if h.Overdue {
			key, sev = "alert.property_handover_overdue", "danger"
		}
		add(sev, key, "statements", map[string]string{"company": h.Company, "left": h.LeftOn, "due": h.Due, "held": h.Held.Grouped()})
	}
	for _, m := range st.Oversight.Missing {
		add("danger", "alert.contract_income_missing", "", map[string]string{"counterparty": m.Contract.Counterparty, "quarter": m.Quarter,
			"expected": m.Expected.Grouped()})
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }
