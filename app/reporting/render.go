package reporting

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// Formats a report can be exported in.
const (
	FormatPDF  = "pdf"
	FormatXLSX = "xlsx"
)

// Built is a report ready to render: a document, or a package of documents (PDF only).
type Built struct {
	Format string
	Doc    *report.Doc
	Pkg    *report.Package
}

// Build makes the report of kind k for format. Some reports have a shape of their own in a
// workbook: the per-unit statements become one table of all lines, the projects and the
// audit package one table per kind of record rather than page by page.
func Build(s *store.Store, k Kind, p Params, format string) (Built, error) {
	if err := p.Normalize(k); err != nil {
		return Built{}, err
	}
	if format != FormatPDF && format != FormatXLSX {
		return Built{}, ledger.Refuse("report.unknown_format", "format", format)
	}
	xlsx := format == FormatXLSX
	b := Built{Format: format}
	doc := func(d report.Doc, err error) (Built, error) {
		b.Doc = &d
		return b, err
	}
	switch k {
	case KindJournal:
		return doc(BuildJournal(s, p))
	case KindSummary:
		return doc(BuildSummary(s, p))
	case KindUnitStatements:
		switch {
		case xlsx:
			return doc(BuildUnitStatementsSheets(s, p))
		case p.UnitID != 0:
			return doc(BuildUnitStatement(s, p))
		}
		pk, err := BuildUnitStatements(s, p)
		b.Pkg = &pk
		return b, err
	case KindProjects:
		if xlsx {
			return doc(BuildProjectsSheets(s, p))
		}
		return doc(BuildProjects(s, p))
	case KindReplenishment:
		return doc(BuildReplenishment(s, p))
	case KindNoticePublic:
		return doc(BuildNoticePublic(s, p))
	case KindNoticeFund:
		return doc(BuildNoticeFund(s, p))
	case KindWorking:
		return doc(BuildWorking(s, p))
	case KindVouchers:
		return doc(BuildVouchers(s, p))
	case KindReceipts:
		return doc(BuildReceipts(s, p))
	case KindBuildings:
		return doc(BuildBuildings(s, p))
	case KindBuildingNotice:
		return doc(BuildBuildingNotice(s, p))
	case KindHandover:
		return doc(BuildHandover(s, p))
	case KindContracts:
		return doc(BuildContracts(s, p))
	case KindFinalAccounts:
		return doc(BuildFinalAccounts(s, p))
	case KindAnnual:
		return doc(BuildAnnual(s, p))
	case KindAuditPackage:
		if xlsx {
			return doc(BuildAuditPackageSheets(s, p))
		}
		pk, err := BuildAuditPackage(s, p)
		b.Pkg = &pk
		return b, err
	}
	return Built{}, ledger.Refuse("report.unknown_kind", "kind", string(k))
}

// Render renders the report. A character the PDF font cannot print is refused with a message
// naming it and where it stands, so the secretary can correct the name or summary.
func (b Built) Render() ([]byte, error) {
	var out bytes.Buffer
	err := b.RenderTo(&out)
	return out.Bytes(), err
}

// RenderTo renders the report to w, a PDF as its pages are laid out; on an error what was
// written must be thrown away.
func (b Built) RenderTo(w io.Writer) error {
	var err error
	switch {
	case b.Format == FormatXLSX && b.Doc != nil:
		var out []byte
		if out, err = report.RenderXLSX(*b.Doc); err == nil {
			_, err = w.Write(out)
		}
	case b.Doc != nil:
		err = report.RenderPDFTo(w, *b.Doc)
	case b.Pkg != nil && b.Format == FormatPDF:
		err = report.RenderPackagePDFTo(w, *b.Pkg)
	default:
		return fmt.Errorf("reporting: nothing to render as %s", b.Format)
	}
	var mg *report.MissingGlyphError
	if errors.As(err, &mg) {
		return glyphRefusal(mg.Runes, b.texts())
	}
	return tempRefusal(err)
}

// tempRefusal names, in the user's language, a temporary folder the renderer could not use
// (a full disk, a folder the office PC does not let the user write); other errors pass.
func tempRefusal(err error) error {
	if te := (*report.TempError)(nil); errors.As(err, &te) {
		return ledger.Refuse("report.temp_unwritable", "path", te.Dir, "detail", te.Err.Error())
	}
	return err
}

// Render builds and renders in one call.
func Render(s *store.Store, k Kind, p Params, format string) ([]byte, error) {
	b, err := Build(s, k, p, format)
	if err != nil {
		return nil, err
	}
	return b.Render()
}

// texts calls fn with every text of the report, in order, until it returns false.
func (b Built) texts() func(fn func(string) bool) {
	return func(fn func(string) bool) {
		docs := func(yield func(report.Doc, error) bool) { yield(*b.Doc, nil) }
		if b.Pkg != nil {
			if !fn(b.Pkg.Title) || !fn(b.Pkg.Community) {
				return
			}
			docs = b.Pkg.EachDoc()
		}
		for d, err := range docs {
			if err != nil {
				return
			}
			if !fn(d.Title) || !fn(d.Community) {
				return
			}
			for _, bl := range d.Blocks {
				switch x := bl.(type) {
				case report.Heading:
					if !fn(string(x)) {
						return
					}
				case report.Paragraph:
					if !fn(string(x)) {
						return
					}
				case report.Fields:
					for _, f := range x {
						if !fn(f.Label + "：" + f.Value) {
							return
						}
					}
				case *report.Table:
					if x == nil {
						continue
					}
					if !fn(x.Title) {
						return
					}
					for r, err := range x.EachRow() {
						if err != nil {
							return
						}
						for _, c := range r {
							if c.Kind() == report.KindText && !fn(c.String()) {
								return
							}
						}
					}
					for _, c := range x.Totals {
						if c.Kind() == report.KindText && !fn(c.String()) {
							return
						}
					}
				}
			}
		}
	}
}

// glyphRefusal names the characters and the first text that holds one of them.
func glyphRefusal(runes []rune, texts func(func(string) bool)) error {
	names := make([]string, len(runes))
	for i, r := range runes {
		if unicode.IsGraphic(r) && !unicode.Is(unicode.Co, r) {
			names[i] = fmt.Sprintf("“%c”（U+%04X）", r, r)
		} else {
			names[i] = fmt.Sprintf("U+%04X", r)
		}
	}
	where := ""
	texts(func(s string) bool {
		for _, r := range runes {
			if i := strings.IndexRune(s, r); i >= 0 {
				where = clip(s, i)
				return false
			}
		}
		return true
	})
	if where == "" {
		where = "—"
	}
	return ledger.Refuse("report.missing_glyph", "chars", strings.Join(names, "、"), "where", where)
}

// clip is up to 40 characters of s around byte offset i.
func clip(s string, i int) string {
	rs := []rune(s)
	at := len([]rune(s[:i]))
	lo, hi := max(0, at-20), min(len(rs), at+20)
	out := string(rs[lo:hi])
	if lo > 0 {
		out = "…" + out
	}
	if hi < len(rs) {
		out += "…"
	}
	return out
}

// WriteFile writes a report to path atomically: into a temporary file beside it, then renamed
// over it, so a failed export never leaves half a file and an existing file is replaced
// whole.
func WriteFile(path string, data []byte) error {
	_, err := WriteFileFrom(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	return err
}

// WriteFileFrom is WriteFile for a report written by render as it is made (Built.RenderTo),
// which is never held whole in memory. It returns the file's size. An error of render's own
// (a refusal) is returned as it is; the temporary file is removed whatever happens.
func WriteFileFrom(path string, render func(io.Writer) error) (int64, error) {
	fail := func(err error) error {
		return ledger.Refuse("report.cannot_write", "path", path, "detail", err.Error())
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".jiayuan-report-*.tmp")
	if err != nil {
		return 0, fail(err)
	}
	name := tmp.Name()
	defer os.Remove(name) // after a successful rename there is nothing left to remove
	f := &fileWriter{f: tmp}
	if err := render(f); err != nil {
		tmp.Close()
		if f.err != nil {
			return 0, fail(f.err)
		}
		return 0, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return 0, fail(err)
	}
	if err := tmp.Close(); err != nil {
		return 0, fail(err)
	}
	if err := os.Chmod(name, 0o644); err != nil { // CreateTemp makes it private
		return 0, fail(err)
	}
	if err := os.Rename(name, path); err != nil {
		return 0, fail(err)
	}
	return f.n, nil
}

// fileWriter counts what is written and keeps the file's own error apart from the renderer's.
type fileWriter struct {
	f   *os.File
	n   int64
	err error
}

func (w *fileWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.f.Write(p)
	w.n += int64(n)
	w.err = err
	return n, err
}
