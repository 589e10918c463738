package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"jiayuan/app/ops"
	"jiayuan/app/reporting"
	"jiayuan/store/ledger"
)

// E2ESaveDirEnv names a folder the Reports screen saves into without asking: set by the
// browser tests (e2e/tests/reports.test.mjs), which cannot answer the system's save dialog.
// It is never set for people.
const E2ESaveDirEnv = "JIAYUAN_E2E_SAVE_DIR"

// ReportService exports the reports of the open ledger (app/reporting) as PDF or Excel. It is
// bound to the frontend: the Reports screen (报表).
type ReportService struct {
	sess    *Session
	exports ops.Exporter
}

// NewReportService builds the service; app.Services binds it.
func NewReportService(sess *Session) *ReportService { return &ReportService{sess: sess} }

// ReportParams is what the Reports screen chose. Dates are YYYY-MM-DD; ids 0 mean "all".
type ReportParams struct {
	Book       string `json:"book"` // fund, public, working; "" for all (summary)
	From       string `json:"from"`
	To         string `json:"to"`
	Year       int    `json:"year"` // working, audit-package
	UnitID     int64  `json:"unitId"`
	BuildingID int64  `json:"buildingId"`
	ProjectID  int64  `json:"projectId"`
	Format     string `json:"format"`    // pdf, xlsx
	Published  string `json:"published"` // notices: the publication date to print, "" for the recorded one
}

// ReportOption is a building, unit or project the screen offers.
type ReportOption struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Detail string `json:"detail"`
}

// ReportChoices is what the Reports screen needs to offer choices for the open ledger.
type ReportChoices struct {
	Community string         `json:"community"`
	Kinds     []string       `json:"kinds"`
	Years     []int          `json:"years"` // newest first, from the books' start to this year
	Today     string         `json:"today"`
	Units     int            `json:"units"`
	Buildings []ReportOption `json:"buildings"`
	Projects  []ReportOption `json:"projects"`
}

// Choices lists the years, buildings and projects of the open ledger.
func (r *ReportService) Choices() (ReportChoices, error) {
	st, err := r.sess.Store()
	if err != nil {
		return ReportChoices{}, err
	}
	c, err := st.Community()
	if err != nil {
		return ReportChoices{}, err
	}
	today := r.sess.now()
	out := ReportChoices{Community: c.Name, Today: ledger.FormatDate(today), Buildings: []ReportOption{}, Projects: []ReportOption{}}
	for _, k := range reporting.Kinds {
		out.Kinds = append(out.Kinds, string(k))
	}
	first := today.Year()
	if t, err := ledger.ParseDate(c.StartDate); err == nil {
		first = t.Year()
	}
	last := today.Year()
	if d, err := st.LastVoucherDate(); err == nil && d != "" {
		if t, err := ledger.ParseDate(d); err == nil && t.Year() > last {
			last = t.Year()
		}
	}
	for y := last; y >= first; y-- {
		out.Years = append(out.Years, y)
	}
	bs, err := st.BuildingBalancesAt(nil)
	if err != nil {
		return out, err
	}
	for _, b := range bs {
		out.Buildings = append(out.Buildings, ReportOption{ID: b.BuildingID, Name: b.Code, Detail: strconv.Itoa(b.Units)})
		out.Units += b.Units
	}
	ps, err := st.Projects()
	if err != nil {
		return out, err
	}
	for _, p := range ps {
		out.Projects = append(out.Projects, ReportOption{ID: p.ID, Name: p.Name, Detail: p.CreatedOn})
	}
	return out, nil
}

// SearchUnits finds up to 20 units by room, building code or owner, for the unit statement.
// Name is "3号-1201", Detail the owner.
func (r *ReportService) SearchUnits(text string) ([]ReportOption, error) {
	st, err := r.sess.Store()
	if err != nil {
		return nil, err
	}
	rows, _, err := ops.SearchUnits(st, ops.UnitSearch{Text: text, Limit: 20})
	if err != nil {
		return nil, err
	}
	out := []ReportOption{}
	for _, u := range rows {
		out = append(out, ReportOption{ID: u.ID, Name: u.BuildingCode + "-" + u.Room, Detail: u.OwnerName})
	}
	return out, nil
}

func (p ReportParams) params() reporting.Params {
	return reporting.Params{Book: ledger.Book(strings.TrimSpace(p.Book)), From: p.From, To: p.To, Year: p.Year, UnitID: p.UnitID,
		BuildingID: p.BuildingID, ProjectID: p.ProjectID, Published: strings.TrimSpace(p.Published)}
}

// DefaultName is the file name Export proposes, e.g. "锦绣家园-维修资金-收支明细账-2025.pdf".
func (r *ReportService) DefaultName(kind string, p ReportParams) (string, error) {
	st, err := r.sess.Store()
	if err != nil {
		return "", err
	}
	e, err := ops.ReportExport(st, reporting.Kind(kind), p.params(), p.Format)
	return e.Name, err
}

// Export asks where to save the report (the system's save dialog, proposing DefaultName) and
// writes it there; it returns the path, or "" when the user cancelled. A large report takes
// seconds: the call runs beside the window, which stays responsive, and ProgressEvent
// reports its stages (task "report": start, building with units done, rendering, writing,
// done). One export runs at a time.
func (r *ReportService) Export(kind string, p ReportParams) (string, error) {
	st, err := r.sess.Store()
	if err != nil {
		return "", err
	}
	e, err := ops.ReportExport(st, reporting.Kind(kind), p.params(), p.Format)
	if err != nil {
		return "", err
	}
	path, _, err := r.exports.Write(st, e, r.sess.exportOptions("report"))
	return path, err
}

// OpenFolder shows an exported file in the system's file manager.
func (r *ReportService) OpenFolder(path string) error {
	if _, err := os.Stat(path); err != nil {
		return ledger.Refuse("report.file_missing", "path", path)
	}
	if os.Getenv(E2ESaveDirEnv) != "" {
		return nil // the browser tests have no file manager to open
	}
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("explorer", "/select,", path)
	case "darwin":
		cmd = exec.Command("open", "-R", path)
	default:
		cmd = exec.Command("xdg-open", filepath.Dir(path))
	}
	if err := cmd.Start(); err != nil {
		return ledger.Refuse("report.cannot_open_folder", "path", filepath.Dir(path))
	}
	go cmd.Wait() // reap it; explorer's exit code means nothing
	return nil
}
