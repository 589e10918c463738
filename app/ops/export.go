package ops

import (
	"strings"
	"sync"
	"time"

	"jiayuan/app/reporting"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// The export pipeline every report file goes through, from the Reports screen, the bank
// screen's 余额调节表 and `jiayuan report` alike: the format checked, one export at a time, the
// generation stamp, the document built and rendered (a character the PDF font lacks is refused,
// naming it), and the file written whole or not at all.

// CheckFormat is the one check of an export's format: "pdf" (also when none is given) or
// "xlsx", in any case and spacing.
func CheckFormat(format string) (string, error) {
	f := strings.ToLower(strings.TrimSpace(format))
	if f == "" {
		f = reporting.FormatPDF
	}
	if f != reporting.FormatPDF && f != reporting.FormatXLSX {
		return "", ledger.Refuse("report.unknown_format", "format", f)
	}
	return f, nil
}

// Export is a file checked and ready to be made: its format, the file name proposed for it,
// and how to build its document once stamped.
type Export struct {
	Format string
	Name   string // e.g. "锦绣家园-维修资金-收支明细账-2025.pdf"
	params reporting.Params
	build  func(p reporting.Params) (reporting.Built, error)
}

// ReportExport checks a report of kind k with parameters p (completed by Normalize) in format
// and names its file.
func ReportExport(st *store.Store, k reporting.Kind, p reporting.Params, format string) (Export, error) {
	f, err := CheckFormat(format)
	if err != nil {
		return Export{}, err
	}
	if err := p.Normalize(k); err != nil {
		return Export{}, err
	}
	name, err := reporting.DefaultFileName(st, k, p, f)
	if err != nil {
		return Export{}, err
	}
	return Export{Format: f, Name: name, params: p,
		build: func(p reporting.Params) (reporting.Built, error) { return reporting.Build(st, k, p, f) }}, nil
}

// ReconciliationExport is a book's 银行存款余额调节表 (r, from store.Reconcile) in format.
func ReconciliationExport(st *store.Store, r store.Reconciliation, format string) (Export, error) {
	f, err := CheckFormat(format)
	if err != nil {
		return Export{}, err
	}
	c, err := st.Community()
	if err != nil {
		return Export{}, err
	}
	return Export{Format: f, Name: reporting.ReconciliationFileName(c.Name, r, f),
		build: func(p reporting.Params) (reporting.Built, error) {
			d := reporting.ReconciliationDoc(c.Name, r, p)
			return reporting.Built{Format: f, Doc: &d}, nil
		}}, nil
}

// WriteOptions say where an export goes and who hears of its progress.
type WriteOptions struct {
	Now time.Time // the generation time printed
	// Generated, when set, is printed instead of Now ("2026-01-05 09:30"), so that the same
	// ledger gives byte-identical files (`jiayuan report --generated`).
	Generated string
	// Dest is the path to write the file to, given the name proposed and the format; ""
	// cancels (a dialog closed).
	Dest func(name, format string) (string, error)
	// Progress, if set, hears the stages: start, building (done of total), rendering (which
	// writes the file as it goes, and for the per-unit statements builds them too), writing,
	// done.
	Progress func(stage string, done, total int)
}

// Exporter runs one export at a time: a second one asked for while the first is running
// (a double click) is refused rather than queued. Its zero value is ready to use.
type Exporter struct {
	mu   sync.Mutex
	busy bool
}

// Write makes the file of e: it returns the path written and the file's size, or "" when
// Dest cancelled.
func (x *Exporter) Write(st *store.Store, e Export, o WriteOptions) (path string, size int, err error) {
	x.mu.Lock()
	if x.busy {
		x.mu.Unlock()
		return "", 0, ledger.Refuse("report.busy")
	}
	x.busy = true
	x.mu.Unlock()
	defer func() {
		x.mu.Lock()
		x.busy = false
		x.mu.Unlock()
	}()
	progress := o.Progress
	if progress == nil {
		progress = func(string, int, int) {}
	}
	if path, err = o.Dest(e.Name, e.Format); err != nil || path == "" {
		return "", 0, err
	}
	progress("start", 0, 0)
	p := e.params
	if err := reporting.Stamp(st, &p, o.Now); err != nil {
		return "", 0, err
	}
	if g := strings.TrimSpace(o.Generated); g != "" {
		p.Generated = g
	}
	p.Progress = func(done, total int) { progress("building", done, total) }
	built, err := e.build(p)
	if err != nil {
		return "", 0, err
	}
	// A PDF is written as it is laid out (a package of thousands of statements is never
	// held whole), so rendering and writing are one stage.
	progress("rendering", 0, 0)
	n, err := reporting.WriteFileFrom(path, built.RenderTo)
	if err != nil {
		return "", 0, err
	}
	progress("writing", 0, 0)
	progress("done", 1, 1)
	return path, int(n), nil
}
