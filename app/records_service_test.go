package app

import (
	"fmt"
	"strings"
	"testing"
)

func cellOf(t *testing.T, o AuditsOverview, year int, book string) AuditCell {
	t.Helper()
	for _, y := range o.Grid {
		if y.Year == year {
			for _, c := range y.Cells {
				if c.Book == book {
					return c
				}
			}
		}
	}
	t.Fatalf("no cell %d %s", year, book)
	return AuditCell{}
}

func TestAuditCoverageAndFindings(t *testing.T) {
	// books began 2024-03-01: 2024 is audited with 2025, whose report was due 2026-06-30
	w := newWorksLedger(t, "2024-03-01")
	s := NewRecordsService(w.sess)
	o, err := s.Audits()
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Grid) != 3 || o.Grid[0].Year != 2026 || len(o.Grid[0].Cells) != 3 || o.Missing != 3 || o.Overdue != 3 || len(o.Opinions) != 4 {
		t.Fatalf("grid %+v", o)
	}
	if c := cellOf(t, o, 2024, "fund"); c.State != "combined" || c.Due != "2026-06-30" {
		t.Errorf("2024: %+v", c)
	}
	if c := cellOf(t, o, 2025, "public"); c.State != "overdue" || c.Due != "2026-06-30" {
		t.Errorf("2025: %+v", c)
	}
	if c := cellOf(t, o, 2026, "working"); c.State != "open" {
		t.Errorf("2026: %+v", c)
	}

	for _, bad := range []struct {
		f   AuditForm
		key string
	}{
		{AuditForm{Year: "二〇二五", Books: []string{"fund"}, Firm: "立信"}, "audit.bad_year"},
		{AuditForm{Year: "2025", Books: []string{"fund"}, Firm: " "}, "audit.firm_empty"},
		{AuditForm{Year: "2025", Firm: "立信"}, "audit.no_books"},
		{AuditForm{Year: "2025", Books: []string{"fund"}, Firm: "立信", ReportOn: "2026-05-01"}, "works.audit_opinion_required"},
		{AuditForm{Year: "2025", Books: []string{"fund"}, Firm: "立信", Opinion: "qualified"}, "works.audit_report_date_required"},
		{AuditForm{Year: "2025", Books: []string{"fund"}, Firm: "立信", ReportOn: "2026-05-01", Opinion: "fine"}, "works.audit_opinion_unknown"},
		{AuditForm{Year: "2025", Books: []string{"fund"}, Firm: "立信", EngagedOn: "2026-05-02", ReportOn: "2026-05-01", Opinion: "qualified"}, "works.audit_report_before_engagement"},
		{AuditForm{Year: "2025", Books: []string{"fund"}, Firm: "立信", ReportOn: "2026-12-01", Opinion: "qualified"}, "works.date_in_future"},
	} {
		_, err := s.AddAudit(bad.f)
		wantKey(t, err, bad.key)
	}

	// the fund's 2025 audit is reported; public and working are engaged without a report
	id, err := s.AddAudit(AuditForm{Year: "2025", Books: []string{"fund"}, Firm: "上海立信会计师事务所", EngagedOn: "2026-03-01", ReportOn: "2026-05-20", Opinion: "qualified"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAudit(AuditForm{Year: "2025", Books: []string{"public", "working"}, Firm: "众华", EngagedOn: "2026-10-01"}); err != nil {
		t.Fatal(err)
	}
	fid, err := s.AddFinding(id, "维修工程验收资料未归档")
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.AddFinding(id, "  ")
	wantKey(t, err, "audit.finding_empty")
	o, _ = s.Audits()
	if c := cellOf(t, o, 2025, "fund"); c.State != "audited" || c.ReportOn != "2026-05-20" || c.Opinion != "qualified" || c.AuditID != id {
		t.Errorf("fund 2025 %+v", c)
	}
	if c := cellOf(t, o, 2025, "public"); c.State != "overdue" || c.AuditID == 0 {
		t.Errorf("public 2025 (engaged, report overdue) %+v", c)
	}
	if c := cellOf(t, o, 2024, "fund"); c.State != "combined" || c.ReportOn != "2026-05-20" {
		t.Errorf("fund 2024 (with 2025) %+v", c)
	}
	if o.Missing != 2 || o.Overdue != 2 || len(o.Audits) != 2 {
		t.Errorf("missing %d overdue %d audits %d", o.Missing, o.Overdue, len(o.Audits))
	}
	var a AuditView
	for _, x := range o.Audits {
		if x.ID == id {
			a = x
		}
	}
	if len(a.Findings) != 1 || a.OpenFindings != 1 || a.Findings[0].Status != "open" || strings.Join(a.Books, ",") != "fund" {
		t.Fatalf("audit %+v", a)
	}
	if err := s.RectifyFinding(fid, ""); err != nil {
		t.Fatal(err)
	}
	o, _ = s.Audits()
	for _, x := range o.Audits {
		if x.ID == id && (x.OpenFindings != 0 || x.Findings[0].RectifiedOn != worksToday) {
			t.Fatalf("rectified %+v", x)
		}
	}
	err = s.RectifyFinding(9999, worksToday)
	wantKey(t, err, "record.not_found")
}

func TestDisclosureScheduleDueAndPublished(t *testing.T) {
	w := newWorksLedger(t, "2026-01-01")
	s := NewRecordsService(w.sess)
	o, err := s.Disclosures()
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Schedule) != 3 || o.Schedule[0].Book != "fund" || o.Schedule[0].Months != 6 || o.Schedule[1].Months != 3 || o.Schedule[2].Months != 3 ||
		o.Schedule[0].NextFrom != "2026-07-01" || o.Schedule[0].NextTo != "2026-12-31" || o.Schedule[0].NextDue != "2027-01-30" ||
		o.Schedule[1].NextFrom != "2026-10-01" || o.Schedule[0].GraceDays != 30 {
		t.Fatalf("schedule %+v", o.Schedule)
	}
	// fund: H1; public and working: Q1, Q2, Q3 (Q3's due 2026-10-30 has passed too)
	var got []string
	for _, d := range o.Due {
		got = append(got, fmt.Sprintf("%s %s..%s %s %v", d.Book, d.From, d.To, d.Due, d.Overdue))
	}
	want := []string{
		"fund 2026-01-01..2026-06-30 2026-07-30 true",
		"public 2026-01-01..2026-03-31 2026-04-30 true", "public 2026-04-01..2026-06-30 2026-07-30 true", "public 2026-07-01..2026-09-30 2026-10-30 true",
		"working 2026-01-01..2026-03-31 2026-04-30 true", "working 2026-04-01..2026-06-30 2026-07-30 true", "working 2026-07-01..2026-09-30 2026-10-30 true",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("due:\n%s", strings.Join(got, "\n"))
	}
	if o.Due[0].DaysLeft != -115 || o.Schedule[1].DueCount != 3 || o.Schedule[1].OverdueCount != 3 {
		t.Fatalf("days left %d, public due %d", o.Due[0].DaysLeft, o.Schedule[1].DueCount)
	}

	for _, bad := range []struct {
		f   DisclosureForm
		key string
	}{
		{DisclosureForm{Book: "public", From: "2026-07-01", To: "2026-09-30", PublishedOn: "2026-10-10"}, "works.place_empty"},
		{DisclosureForm{Book: "public", From: "2026-07-01", To: "2026-09-30", PublishedOn: "2026-12-10", Place: "公告栏"}, "works.date_in_future"},
		{DisclosureForm{Book: "public", From: "2026-07-01", To: "2026-09-30", PublishedOn: "2026-09-10", Place: "公告栏"}, "disclosure.before_period_end"},
		{DisclosureForm{Book: "bank", From: "2026-07-01", To: "2026-09-30", PublishedOn: "2026-10-10", Place: "公告栏"}, "voucher.unknown_book"},
		{DisclosureForm{Book: "public", From: "2026-07-01", To: "2026/09/30", PublishedOn: "2026-10-10", Place: "公告栏"}, "date.invalid"},
	} {
		_, err := s.AddDisclosure(bad.f)
		wantKey(t, err, bad.key)
	}
	o, err = s.AddDisclosure(DisclosureForm{Book: "public", From: "2026-07-01", To: "2026-09-30", PublishedOn: "2026-10-10", Place: "小区公告栏、业主微信群"})
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Due) != 6 || len(o.Past) != 1 || o.Past[0].Place != "小区公告栏、业主微信群" || o.Schedule[1].LastTo != "2026-09-30" ||
		o.Schedule[1].LastPublishedOn != "2026-10-10" || o.Schedule[1].DueCount != 2 {
		t.Fatalf("after publishing: %+v", o)
	}
	for _, d := range o.Due {
		if d.Book == "public" && d.From == "2026-07-01" {
			t.Fatal("the published period is still due")
		}
	}
}
