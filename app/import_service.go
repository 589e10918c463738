package app

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"jiayuan/app/imports"
	"jiayuan/app/reporting"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// MaxImportProblems bounds the problems a preview lists; the rest are counted.
const MaxImportProblems = 1000

// Rows per preview page: the default and the most.
const (
	importPageSize    = 50
	importMaxPageSize = 500
)

// ImportService brings a unit roster, a historical book or a bank statement into the open
// ledger (app/imports reads the file, the store checks and writes it, all or nothing), as the
// command line's import does. It is bound to the frontend: the Import screen (数据导入).
type ImportService struct {
	sess   *Session
	mu     sync.Mutex  // one file is read at a time
	last   *importRead // the last preview, for its further pages
	staged string      // the folder of the last file dropped on the screen
}

// NewImportService builds the service; app.Services binds it.
func NewImportService(sess *Session) *ImportService { return &ImportService{sess: sess} }

// importRead is a file read for a preview: everything but the page of rows.
type importRead struct {
	key     string
	preview ImportPreview
	rows    []ImportRowDTO
}

// Schema lists the columns a kind of file has (before a file is chosen).
func (s *ImportService) Schema(kind string) ([]ImportFieldDTO, error) {
	schema, ok := imports.SchemaOf(kind)
	if !ok {
		return nil, ledger.Refuse("import.ui.unknown_kind", "kind", kind)
	}
	return fieldsOf(schema, nil, nil), nil
}

// ChooseFile asks for the file to import with the system's dialog; "" when cancelled.
func (s *ImportService) ChooseFile() (string, error) {
	lang := s.sess.lang()
	t := func(k string) string { return s.sess.cat.T(lang, k, nil) }
	return s.sess.Runtime().OpenFileDialog(t("import.dialog.open"), []FileFilter{
		{Name: t("import.dialog.sheets"), Pattern: "*.csv;*.xlsx;*.xls;*.txt"},
		{Name: t("import.dialog.all"), Pattern: "*.*"},
	})
}

// maxDroppedFile bounds a file dropped on the screen: its bytes cross the bridge in base64.
const maxDroppedFile = 64 << 20

// StageDropped keeps a file dropped on the screen (its bytes in base64, as the browser reads
// them) in a temporary folder and returns its path, which Preview and Import then read. The
// file keeps its name, which the import log records. The previous dropped file is removed.
func (s *ImportService) StageDropped(name, data string) (string, error) {
	if len(data) > maxDroppedFile/3*4+4 {
		return "", ledger.Refuse("import.ui.drop_too_large", "max", "64 MB")
	}
	b, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return "", ledger.Refuse("import.ui.drop_unreadable", "file", filepath.Base(name))
	}
	base := reporting.SafeFileName(filepath.Base(strings.ReplaceAll(strings.TrimSpace(name), "\\", "/")))
	if base == "" || base == "." || base == ".." {
		base = "import.csv"
	}
	dir, err := os.MkdirTemp("", "jiayuan-import-")
	if err != nil {
		return "", err
	}
	p := filepath.Join(dir, base)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	s.mu.Lock()
	old := s.staged
	s.staged = dir
	s.mu.Unlock()
	if old != "" {
		os.RemoveAll(old)
	}
	return p, nil
}

// Preview reads a file as Import would, writing nothing: how it was read, the column taken
// for each field (the guess, or the user's Mapping), a page of its rows as read, every
// problem by row with the reason, and — when it is clean — what importing it would do (the
// store's dry run: what is new, what is already in the ledger). A large file takes seconds:
// ProgressEvent reports the stages (task "import": reading with rows read, checking, done).
// Further pages of the same file come from memory.
func (s *ImportService) Preview(in ImportInput) (ImportPreview, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key, err := s.cacheKey(in)
	if err != nil {
		return ImportPreview{}, err
	}
	r := s.last
	if r == nil || r.key != key {
		s.last = nil
		r, _, err = s.read(in, false)
		if err != nil {
			return ImportPreview{}, err
		}
		r.key = key
		s.last = r
	}
	return r.page(in), nil
}

// Import reads the file again and writes it, all or nothing: when any row has a problem
// nothing is written (the refusal names the first; Preview lists them all). Re-importing the
// same file changes nothing. Progress as for Preview, with the stage "writing".
func (s *ImportService) Import(in ImportInput) (ImportResultDTO, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.last = nil
	_, res, err := s.read(in, true)
	if err != nil {
		return ImportResultDTO{}, err
	}
	return *res, nil
}

// Forget drops the rows kept for paging the last preview (the screen was left).
func (s *ImportService) Forget() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.last = nil
}

// cacheKey names a preview's file, options and the ledger's state: a further page with the
// same key is the same preview.
func (s *ImportService) cacheKey(in ImportInput) (string, error) {
	st, err := s.sess.Store()
	if err != nil {
		return "", err
	}
	head, err := st.ChainHead()
	if err != nil {
		return "", err
	}
	fi, err := os.Stat(strings.TrimSpace(in.Path))
	if err != nil {
		return "", nil // read reports it
	}
	var m []string
	for k, v := range in.Mapping {
		m = append(m, k+"="+v)
	}
	sort.Strings(m)
	return strings.Join([]string{st.Path(), strconv.FormatInt(head.Seq, 10), head.Hash, in.Kind, strings.TrimSpace(in.Path),
		strconv.FormatInt(fi.Size(), 10), fi.ModTime().String(), in.Sheet, in.Book, strings.Join(m, "\x01")}, "\x00"), nil
}

// read reads the file and has the store check its rows: in a dry run for a preview, for real
// when commit (then only a clean file is written, and no rows are kept).
func (s *ImportService) read(in ImportInput, commit bool) (*importRead, *ImportResultDTO, error) {
	start := time.Now()
	st, err := s.sess.Store()
	if err != nil {
		return nil, nil, err
	}
	schema, ok := imports.SchemaOf(in.Kind)
	if !ok {
		return nil, nil, ledger.Refuse("import.ui.unknown_kind", "kind", in.Kind)
	}
	var book ledger.Book
	if strings.TrimSpace(in.Book) != "" {
		if book, err = imports.ParseBook(in.Book); err != nil {
			return nil, nil, err
		}
	} else if in.Kind == "bank" {
		return nil, nil, ledger.Refuse("import.ui.need_book")
	}
	mapping, err := checkMapping(schema, in.Mapping)
	if err != nil {
		return nil, nil, err
	}
	path := strings.TrimSpace(in.Path)
	if path == "" {
		return nil, nil, ledger.Refuse("import.ui.no_file")
	}
	data, err := imports.ReadSource(path)
	if err != nil {
		return nil, nil, err
	}

	rt := s.sess.Runtime()
	emit := func(stage string, done, total int) {
		rt.Emit(ProgressEvent, Progress{Task: "import", Stage: stage, Done: done, Total: total})
	}
	emit("reading", 0, 0)
	out := &importRead{}
	opt := imports.Options{Sheet: strings.TrimSpace(in.Sheet), Map: mapping, Book: book, Quarter: strings.TrimSpace(in.Quarter),
		Company: strings.TrimSpace(in.Company)}
	if !commit {
		opt.Each = func(r imports.Record) {
			row := ImportRowDTO{Row: r.Row, Cells: make([]ImportCellDTO, len(schema.Fields))}
			for i, f := range schema.Fields {
				if r.Has(f.Name) {
					v, ok := r.Display(f.Name)
					row.Cells[i] = ImportCellDTO{Value: v, OK: ok}
				} else {
					row.Cells[i] = ImportCellDTO{OK: true}
				}
			}
			out.rows = append(out.rows, row)
			if n := len(out.rows); n%5000 == 0 {
				emit("reading", n, 0)
			}
		}
	} else {
		n := 0
		opt.Each = func(imports.Record) {
			if n++; n%5000 == 0 {
				emit("reading", n, 0)
			}
		}
	}

	sum := sha256.Sum256(data)
	src := store.ImportSource{Name: filepath.Base(path), SHA256: hex.EncodeToString(sum[:]), DryRun: !commit}
	t, res, readErr, storeErr := imports.Run(st, in.Kind, path, data, opt, src, func(_ *imports.Table, n int, dry bool) {
		if dry {
			emit("checking", 0, n)
		} else {
			emit("writing", 0, n)
		}
	})
	defer emit("done", 1, 1)

	if commit {
		switch {
		case readErr != nil:
			return nil, nil, readErr
		case storeErr != nil:
			return nil, nil, storeErr
		}
		dto := s.result(res, book, src.Name, time.Since(start))
		return nil, &dto, nil
	}

	// The preview.
	p := &out.preview
	*p = ImportPreview{Kind: in.Kind, Path: path, File: filepath.Base(path), Problems: []ImportProblemDTO{}, Sheets: []string{}, Headers: []string{}}
	if t != nil {
		p.Format, p.Encoding, p.Sheet, p.HeaderRow, p.DataRows, p.Skipped = t.Format, t.Encoding, t.Sheet, t.HeaderRow, t.Rows, t.Skipped
		if t.Sheets != nil {
			p.Sheets = t.Sheets
		}
		seen := map[string]bool{}
		for _, h := range t.Header {
			if h = strings.TrimSpace(h); h != "" && !seen[h] {
				seen[h] = true
				p.Headers = append(p.Headers, h)
			}
		}
	}
	p.Fields = fieldsOf(schema, t, in.Mapping)
	var rr *store.RowsRefused
	problems := readErr
	if readErr == nil {
		problems = storeErr
	} else if storeErr != nil {
		problems = imports.MergeProblems(readErr, storeErr)
	}
	switch {
	case problems == nil:
	case errors.As(problems, &rr):
	case t == nil || len(t.Header) == 0:
		return nil, nil, problems // not a file that can be read: said as an error
	default:
		var le *ledger.Error
		if !errors.As(problems, &le) {
			return nil, nil, problems // the database failed
		}
		fp := s.problem(store.RowProblem{Err: le})
		p.FileProblem = &fp
	}
	p.HeaderFound = t != nil && len(t.Header) > 0 && ledger.KeyOf(readErr) != "import.header_not_found"
	if rr != nil {
		p.ProblemCount = len(rr.Problems)
		bad := map[int]bool{}
		for i, pr := range rr.Problems {
			if i < MaxImportProblems {
				p.Problems = append(p.Problems, s.problem(pr))
			}
			last := max(pr.Last, pr.Row)
			for r := pr.Row; r <= last && r-pr.Row < 10000; r++ {
				bad[r] = true
			}
		}
		for i := range out.rows {
			if bad[out.rows[i].Row] {
				out.rows[i].Problem = true
				p.ProblemRows++
			}
		}
	}
	if p.FileProblem == nil && rr == nil && storeErr == nil && readErr == nil {
		dto := s.result(res, book, p.File, time.Since(start))
		p.Result = &dto
		p.Ready = true
	}
	return out, nil, nil
}

// page is the preview with the page of rows asked for.
func (r *importRead) page(in ImportInput) ImportPreview {
	p := r.preview
	size := in.PageSize
	if size <= 0 {
		size = importPageSize
	}
	size = min(size, importMaxPageSize)
	rows := r.rows
	if in.OnlyProblems {
		rows = nil
		for _, row := range r.rows {
			if row.Problem {
				rows = append(rows, row)
			}
		}
	}
	p.Total, p.PageSize = len(rows), size
	pages := max(1, (len(rows)+size-1)/size)
	p.Page = min(max(in.Page, 1), pages)
	from := (p.Page - 1) * size
	p.Rows = append([]ImportRowDTO{}, rows[min(from, len(rows)):min(from+size, len(rows))]...)
	return p
}

// checkMapping checks the user's choice of columns: known fields, no column twice.
func checkMapping(schema imports.Schema, m map[string]string) (map[string]string, error) {
	out := map[string]string{}
	used := map[string]string{}
	var names []string
	for _, f := range schema.Fields {
		names = append(names, f.Name)
	}
	for k, v := range m {
		known := false
		for _, f := range schema.Fields {
			known = known || f.Name == k
		}
		if !known {
			return nil, ledger.Refuse("import.map_unknown_field", "field", k, "fields", strings.Join(names, ", "))
		}
		v = strings.TrimSpace(v)
		if v != "" {
			if other, twice := used[v]; twice {
				return nil, ledger.Refuse("import.ui.map_twice", "column", v, "field", other, "other", k)
			}
			used[v] = k
		}
		out[k] = v
	}
	return out, nil
}

// fieldsOf lists a schema's fields with the columns a file's header gave them.
func fieldsOf(schema imports.Schema, t *imports.Table, mapping map[string]string) []ImportFieldDTO {
	out := make([]ImportFieldDTO, 0, len(schema.Fields))
	for _, f := range schema.Fields {
		d := ImportFieldDTO{Name: f.Name, Label: f.Label, LabelEn: f.LabelEn, Required: f.Required, Kind: schema.CellKind(f.Name), AnyOf: []string{}}
		for _, g := range schema.AnyOf {
			for _, n := range g {
				if n == f.Name {
					d.AnyOf = g
				}
			}
		}
		if t != nil {
			d.Column = strings.TrimSpace(t.ColumnOf(f.Name))
		}
		_, d.Mapped = mapping[f.Name]
		out = append(out, d)
	}
	return out
}

// problem translates a row's problem.
func (s *ImportService) problem(p store.RowProblem) ImportProblemDTO {
	var err error = p.Err
	if p.Err == nil {
		err = ledger.Refuse("error.internal", "detail", "no error")
	}
	e := NewError(s.sess.cat, err)
	if e.Args == nil {
		e.Args = map[string]string{}
	}
	return ImportProblemDTO{Row: p.Row, Last: p.Last, Column: p.Column, Key: e.Key, Args: e.Args, Message: e.Message, MessageEn: e.MessageEn}
}

// result says what an import did.
func (s *ImportService) result(r store.ImportResult, book ledger.Book, file string, took time.Duration) ImportResultDTO {
	out := ImportResultDTO{Kind: r.Kind, Book: string(book), File: file, Rows: r.Rows, Created: r.Created, Skipped: r.Skipped,
		Buildings: r.Buildings, Owners: r.Owners, Transfers: r.Transfers, Matched: r.Matched, Unmatched: r.Created - r.Matched,
		AlreadyImported: r.AlreadyImported, PreviousAt: localStamp(r.PreviousAt), DryRun: r.DryRun, Warnings: []ImportProblemDTO{},
		Seconds: fmt.Sprintf("%.1f", took.Seconds())}
	if r.Kind != "bank" {
		out.Unmatched = 0
	}
	for i, w := range r.Warnings {
		if i == MaxImportProblems {
			break
		}
		out.Warnings = append(out.Warnings, s.problem(w))
	}
	return out
}

// localStamp shows a stored RFC 3339 stamp in the computer's time zone.
func localStamp(stamp string) string {
	t, err := time.Parse(time.RFC3339, stamp)
	if err != nil {
		return stamp
	}
	return t.Local().Format("2006-01-02 15:04")
}
