package app

import (
	"fmt"
	"strconv"
	"strings"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// RecordsService is the oversight screens: audits (审计) with their coverage of every year and
// book, findings and rectification; and disclosures (公示) with their schedule, what is due,
// and what was published (R7). It is bound to the frontend.
type RecordsService struct {
	sess *Session
}

// NewRecordsService builds the service.
func NewRecordsService(sess *Session) *RecordsService { return &RecordsService{sess: sess} }

// AuditOpinions are the audit opinions the forms offer.
var AuditOpinions = []string{"unqualified", "qualified", "adverse", "disclaimer"}

// AuditCell is one book in one year of the coverage grid. State: audited (report on file),
// engaged (an audit without its report yet), due (not audited, report due by 30 June),
// overdue, open (the year has not ended), combined (the first, short year, audited with the
// next one).
type AuditCell struct {
	Book     string `json:"book"`
	State    string `json:"state"`
	ReportOn string `json:"reportOn"`
	Opinion  string `json:"opinion"`
	Due      string `json:"due"`
	AuditID  int64  `json:"auditId"`
}

// AuditYear is one row of the coverage grid.
type AuditYear struct {
	Year  int         `json:"year"`
	Cells []AuditCell `json:"cells"` // fund, public, working
}

// FindingView is an audit finding and its rectification.
type FindingView struct {
	ID          int64  `json:"id"`
	Text        string `json:"text"`
	Status      string `json:"status"` // open, rectified
	RectifiedOn string `json:"rectifiedOn"`
}

// AuditView is a recorded audit.
type AuditView struct {
	ID           int64         `json:"id"`
	Year         int           `json:"year"`
	Books        []string      `json:"books"`
	Firm         string        `json:"firm"`
	EngagedOn    string        `json:"engagedOn"`
	ReportOn     string        `json:"reportOn"`
	Opinion      string        `json:"opinion"`
	Note         string        `json:"note"`
	Findings     []FindingView `json:"findings"`
	OpenFindings int           `json:"openFindings"`
}

// AuditsOverview is the audits screen.
type AuditsOverview struct {
	Today    string      `json:"today"`
	Start    string      `json:"start"`    // first day of the books
	Opinions []string    `json:"opinions"` // what the opinion field offers
	Grid     []AuditYear `json:"grid"`     // newest year first
	Audits   []AuditView `json:"audits"`
	Missing  int         `json:"missing"` // book-years due or overdue
	Overdue  int         `json:"overdue"`
}

// AuditForm is an audit as typed.
type AuditForm struct {
	Year      string   `json:"year"`
	Books     []string `json:"books"`
	Firm      string   `json:"firm"`
	EngagedOn string   `json:"engagedOn"`
	ReportOn  string   `json:"reportOn"`
	Opinion   string   `json:"opinion"`
	Note      string   `json:"note"`
}

// DisclosureDue is a period of a book that must be (or should have been) disclosed.
type DisclosureDue struct {
	Book     string `json:"book"`
	From     string `json:"from"`
	To       string `json:"to"`
	Due      string `json:"due"`
	Overdue  bool   `json:"overdue"`
	DaysLeft int    `json:"daysLeft"` // negative when overdue
}

// DisclosureSchedule is how often a book is disclosed, when it last was, and what comes next.
type DisclosureSchedule struct {
	Book            string `json:"book"`
	Months          int    `json:"months"`
	GraceDays       int    `json:"graceDays"`
	LastFrom        string `json:"lastFrom"`
	LastTo          string `json:"lastTo"`
	LastPublishedOn string `json:"lastPublishedOn"`
	NextFrom        string `json:"nextFrom"` // the period running today
	NextTo          string `json:"nextTo"`
	NextDue         string `json:"nextDue"`
	DueCount        int    `json:"dueCount"`
	OverdueCount    int    `json:"overdueCount"`
}

// DisclosureView is a published disclosure.
type DisclosureView struct {
	ID          int64  `json:"id"`
	Book        string `json:"book"`
	From        string `json:"from"`
	To          string `json:"to"`
	PublishedOn string `json:"publishedOn"`
	Place       string `json:"place"`
}

// DisclosuresOverview is the disclosures screen.
type DisclosuresOverview struct {
	Today    string               `json:"today"`
	Schedule []DisclosureSchedule `json:"schedule"`
	Due      []DisclosureDue      `json:"due"` // oldest first
	Past     []DisclosureView     `json:"past"`
}

// DisclosureForm is a publication as typed.
type DisclosureForm struct {
	Book        string `json:"book"`
	From        string `json:"from"`
	To          string `json:"to"`
	PublishedOn string `json:"publishedOn"`
	Place       string `json:"place"`
}

// Audits returns the coverage grid (each year since the books began × the three books) and
// the recorded audits with their findings.
func (s *RecordsService) Audits() (AuditsOverview, error) {
	st, err := s.sess.Store()
	if err != nil {
		return AuditsOverview{}, err
	}
	c, err := st.Community()
	if err != nil {
		return AuditsOverview{}, err
	}
	now := s.sess.now()
	today := ledger.FormatDate(now)
	o := AuditsOverview{Today: today, Start: c.StartDate, Opinions: append([]string{}, AuditOpinions...), Grid: []AuditYear{}, Audits: []AuditView{}}
	audits, err := st.Audits()
	if err != nil {
		return o, err
	}
	status, err := st.Status(now, false)
	if err != nil {
		return o, err
	}
	dueByYear := map[int]ledger.DueItem{}
	for _, d := range status.Due {
		if d.Kind == "audit" {
			dueByYear[d.Year] = d
		}
	}
	type cover struct {
		reportOn, opinion string
		id                int64
	}
	reported, engaged := map[string]cover{}, map[string]cover{}
	for _, a := range audits {
		v := AuditView{ID: a.ID, Year: a.Year, Firm: a.Firm, EngagedOn: a.EngagedOn, ReportOn: a.ReportOn, Opinion: a.Opinion, Note: a.Note,
			Books: []string{}, Findings: []FindingView{}}
		for _, b := range a.Books {
			v.Books = append(v.Books, string(b))
			k := fmt.Sprintf("%d/%s", a.Year, b)
			if a.ReportOn != "" {
				if old, ok := reported[k]; !ok || old.reportOn < a.ReportOn {
					reported[k] = cover{a.ReportOn, a.Opinion, a.ID}
				}
			} else if _, ok := engaged[k]; !ok {
				engaged[k] = cover{"", "", a.ID}
			}
		}
		for _, f := range a.Findings {
			v.Findings = append(v.Findings, FindingView{ID: f.ID, Text: f.Text, Status: f.Status, RectifiedOn: f.RectifiedOn})
			if f.Status != "rectified" {
				v.OpenFindings++
			}
		}
		o.Audits = append(o.Audits, v)
	}
	start, err := ledger.ParseDate(c.StartDate)
	if err != nil {
		return o, err
	}
	shortFirst := start.Month() != 1 || start.Day() != 1
	for y := now.Year(); y >= start.Year(); y-- {
		row := AuditYear{Year: y, Cells: []AuditCell{}}
		for _, b := range ledger.Books {
			k := fmt.Sprintf("%d/%s", y, b)
			cell := AuditCell{Book: string(b), Due: fmt.Sprintf("%04d-06-30", y+1)}
			switch r, ok := reported[k]; {
			case ok:
				cell.State, cell.ReportOn, cell.Opinion, cell.AuditID = "audited", r.reportOn, r.opinion, r.id
			case y == start.Year() && shortFirst:
				// the short first year is audited together with the next (R7)
				cell.State, cell.Due = "combined", fmt.Sprintf("%04d-06-30", y+2)
				if n, ok := reported[fmt.Sprintf("%d/%s", y+1, b)]; ok {
					cell.ReportOn, cell.Opinion, cell.AuditID = n.reportOn, n.opinion, n.id
				}
			case y >= now.Year():
				cell.State = "open"
			default:
				cell.State = "due"
				if d, ok := dueByYear[y]; ok {
					cell.Due = d.Due
				}
				if today > cell.Due {
					cell.State = "overdue"
				}
				if e, ok := engaged[k]; ok {
					cell.AuditID = e.id
					if cell.State == "due" {
						cell.State = "engaged"
					}
				}
			}
			switch cell.State {
			case "due", "engaged":
				o.Missing++
			case "overdue":
				o.Missing++
				o.Overdue++
			}
			row.Cells = append(row.Cells, cell)
		}
		o.Grid = append(o.Grid, row)
	}
	return o, nil
}

// AddAudit records an audit and returns its id.
func (s *RecordsService) AddAudit(f AuditForm) (int64, error) {
	st, err := s.sess.Store()
	if err != nil {
		return 0, err
	}
	year, err := strconv.Atoi(strings.TrimSpace(f.Year))
	if err != nil {
		return 0, ledger.Refuse("audit.bad_year")
	}
	a := store.Audit{Year: year, Firm: f.Firm, EngagedOn: strings.TrimSpace(f.EngagedOn), ReportOn: strings.TrimSpace(f.ReportOn),
		Opinion: f.Opinion, Note: strings.TrimSpace(f.Note)}
	for _, b := range f.Books {
		a.Books = append(a.Books, ledger.Book(b))
	}
	if a.Opinion != "" && !validOpinion(a.Opinion) {
		return 0, ledger.Refuse("works.audit_opinion_unknown", "opinion", a.Opinion)
	}
	if a.ReportOn != "" && a.Opinion == "" {
		return 0, ledger.Refuse("works.audit_opinion_required")
	}
	if a.ReportOn == "" && a.Opinion != "" {
		return 0, ledger.Refuse("works.audit_report_date_required")
	}
	if a.EngagedOn != "" && a.ReportOn != "" && a.ReportOn < a.EngagedOn {
		return 0, ledger.Refuse("works.audit_report_before_engagement")
	}
	if a.ReportOn != "" && a.ReportOn > ledger.FormatDate(s.sess.now()) {
		return 0, ledger.Refuse("works.date_in_future", "date", a.ReportOn)
	}
	return st.AddAudit(a)
}

func validOpinion(o string) bool {
	for _, x := range AuditOpinions {
		if x == o {
			return true
		}
	}
	return false
}

// AddFinding records a finding of an audit.
func (s *RecordsService) AddFinding(auditID int64, text string) (int64, error) {
	st, err := s.sess.Store()
	if err != nil {
		return 0, err
	}
	return st.AddFinding(auditID, text)
}

// RectifyFinding marks a finding rectified on a date.
func (s *RecordsService) RectifyFinding(findingID int64, date string) error {
	st, err := s.sess.Store()
	if err != nil {
		return err
	}
	date = strings.TrimSpace(date)
	if date == "" {
		date = ledger.FormatDate(s.sess.now())
	}
	return st.RectifyFinding(findingID, date)
}

// Disclosures returns each book's disclosure schedule, the periods due or overdue, and the
// disclosures published, newest first.
func (s *RecordsService) Disclosures() (DisclosuresOverview, error) {
	st, err := s.sess.Store()
	if err != nil {
		return DisclosuresOverview{}, err
	}
	c, err := st.Community()
	if err != nil {
		return DisclosuresOverview{}, err
	}
	now := s.sess.now()
	o := DisclosuresOverview{Today: ledger.FormatDate(now), Schedule: []DisclosureSchedule{}, Due: []DisclosureDue{}, Past: []DisclosureView{}}
	status, err := st.Status(now, false)
	if err != nil {
		return o, err
	}
	past, err := st.Disclosures()
	if err != nil {
		return o, err
	}
	for _, d := range past {
		o.Past = append(o.Past, DisclosureView{ID: d.ID, Book: string(d.Book), From: d.Period.From, To: d.Period.To, PublishedOn: d.PublishedOn, Place: d.Place})
	}
	p := c.Policy
	for _, b := range ledger.Books {
		months := p.DisclosureMonths(b)
		next := ledger.PeriodOfMonths(now, months)
		nextEnd, _ := ledger.ParseDate(next.To)
		sc := DisclosureSchedule{Book: string(b), Months: months, GraceDays: p.DisclosureGraceDays, NextFrom: next.From, NextTo: next.To,
			NextDue: ledger.FormatDate(nextEnd.AddDate(0, 0, p.DisclosureGraceDays))}
		if next.From < c.StartDate {
			sc.NextFrom = c.StartDate
		}
		for _, d := range past { // newest period first
			if d.Book == b {
				sc.LastFrom, sc.LastTo, sc.LastPublishedOn = d.Period.From, d.Period.To, d.PublishedOn
				break
			}
		}
		for _, d := range status.Due {
			if d.Kind == "disclosure" && d.Book == b {
				sc.DueCount++
				if d.Overdue {
					sc.OverdueCount++
				}
			}
		}
		o.Schedule = append(o.Schedule, sc)
	}
	for _, d := range status.Due {
		if d.Kind != "disclosure" {
			continue
		}
		o.Due = append(o.Due, DisclosureDue{Book: string(d.Book), From: d.Period.From, To: d.Period.To, Due: d.Due, Overdue: d.Overdue,
			DaysLeft: daysUntil(now, d.Due)})
	}
	return o, nil
}

// AddDisclosure records that a book's accounts for a period were published, and where.
func (s *RecordsService) AddDisclosure(f DisclosureForm) (DisclosuresOverview, error) {
	st, err := s.sess.Store()
	if err != nil {
		return DisclosuresOverview{}, err
	}
	if strings.TrimSpace(f.Place) == "" {
		return DisclosuresOverview{}, ledger.Refuse("works.place_empty")
	}
	pub := strings.TrimSpace(f.PublishedOn)
	if pub != "" && pub > ledger.FormatDate(s.sess.now()) {
		return DisclosuresOverview{}, ledger.Refuse("works.date_in_future", "date", pub)
	}
	_, err = st.AddDisclosure(store.Disclosure{Book: ledger.Book(f.Book), Period: ledger.Period{From: strings.TrimSpace(f.From), To: strings.TrimSpace(f.To)},
		PublishedOn: pub, Place: f.Place})
	if err != nil {
		return DisclosuresOverview{}, err
	}
	return s.Disclosures()
}
