package imports

import (
	"errors"
	"path"
	"strings"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// Options tell a reader where to look.
type Options struct {
	Sheet string            // XLSX: the sheet to read ("" = the first)
	Map   map[string]string // field → the file's header for it, overriding the synonyms
	// Book is the book of a voucher file without a 账簿 column.
	Book ledger.Book
	// Each, when set, sees every data row before it is read (the window's preview keeps them).
	Each func(Record)
	// Quarter and Company are a statement's quarter ("2026Q2"; else its 季度 column or the
	// file's name) and the property company that sent it.
	Quarter, Company string
}

// Table says how a file was read: its format, where its header is and what each column
// was taken for.
type Table struct {
	File      string
	Format    string // csv, xlsx
	Encoding  string // csv: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030
	Sheet     string // xlsx: the sheet read
	Sheets    []string
	HeaderRow int
	Header    []string       // the header row as written
	Columns   map[string]int // field name → column index
	Rows      int            // data rows read
	Skipped   int            // total/subtotal lines, repeated headers and zero-amount bank lines skipped
	info      *fileInfo
	schema    Schema
}

// ColumnOf is the header of the column read for a field ("" when the file has none).
func (t *Table) ColumnOf(field string) string {
	if i, ok := t.Columns[field]; ok && i < len(t.Header) {
		return t.Header[i]
	}
	return ""
}

// Record is one data row.
type Record struct {
	Row   int
	cells []string
	t     *Table
}

// Has reports whether the file has a column for field.
func (r Record) Has(field string) bool { _, ok := r.t.Columns[field]; return ok }

// Get is the cell of field ("" when absent).
func (r Record) Get(field string) string {
	i, ok := r.t.Columns[field]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

// hole reports whether field's cell is a formula without a computed value.
func (r Record) hole(field string) bool {
	i, ok := r.t.Columns[field]
	return ok && r.t.info.holes[[2]int{r.Row, i}]
}

// markers start lines that are not data: totals, carried-forward lines, the end of a table.
var markers = []string{"合计", "总计", "小计", "本页合计", "本月合计", "本日合计", "本年累计", "累计", "以下空白", "期初余额", "期末余额",
	"上年结转", "承前页", "过次页", "本页小计", "total", "subtotal"}

// isMarker reports whether a folded cell starts a non-data line.
func isMarker(f string) bool {
	for _, m := range markers {
		if strings.HasPrefix(f, m) {
			return true
		}
	}
	return false
}

// Scan reads a file's header and hands each data row to fn, in file order. The header is the
// first row, within the first 50, that has every required column; rows before it (a bank's
// account details) are passed over. Empty rows, repeated headers and total lines are skipped.
func Scan(name string, data []byte, schema Schema, opt Options, fn func(Record) error) (*Table, error) {
	t := &Table{File: path.Base(name), schema: schema, info: &fileInfo{}}
	var pending []rawRow
	var best []string
	bestN, bestRow := -1, 0
	found := false
	headerFold := ""
	headerFirst := ""
	deliver := func(rr rawRow) error {
		first := ""
		for _, c := range rr.cells {
			if c != "" {
				first = c
				break
			}
		}
		if first == "" {
			return nil // an empty row
		}
		ff := foldHeader(first)
		if ff == headerFirst && strings.Join(foldAll(rr.cells), "\x00") == headerFold {
			t.Skipped++ // the header again, on the next page of an export
			return nil
		}
		rec := Record{Row: rr.num, cells: rr.cells, t: t}
		if isMarker(ff) || (rec.Has("summary") && isExactMarker(rec.Get("summary"))) {
			t.Skipped++
			return nil
		}
		t.Rows++
		if opt.Each != nil {
			opt.Each(rec)
		}
		return fn(rec)
	}
	info := t.info
	err := scanFile(name, data, opt.Sheet, info, func(rr rawRow) error {
		if found {
			return deliver(rr)
		}
		if len(pending) >= headerSearchRows {
			return errHeaderSearch
		}
		pending = append(pending, rr)
		cols := assign(rr.cells, schema, opt.Map)
		if len(complete(cols, schema, opt.Map)) == 0 {
			found = true
			t.HeaderRow, t.Header, t.Columns = rr.num, rr.cells, cols
			headerFold = strings.Join(foldAll(rr.cells), "\x00")
			for _, c := range rr.cells {
				if c != "" {
					headerFirst = foldHeader(c)
					break
				}
			}
			return nil
		}
		if len(cols) > bestN {
			best, bestN, bestRow = rr.cells, len(cols), rr.num
		}
		return nil
	})
	if err != nil && !errors.Is(err, errHeaderSearch) {
		t.Format, t.Encoding, t.Sheet, t.Sheets = info.format, info.encoding, info.sheet, info.sheets
		return t, err
	}
	t.Format, t.Encoding, t.Sheet, t.Sheets = info.format, info.encoding, info.sheet, info.sheets
	if !found {
		if best == nil {
			return t, ledger.Refuse("import.empty_file", "file", t.File)
		}
		// the row most like a header, so that a caller can offer its columns to map
		t.HeaderRow, t.Header, t.Columns = bestRow, best, assign(best, schema, opt.Map)
		return t, headerNotFound(best, complete(assign(best, schema, opt.Map), schema, opt.Map), opt.Map)
	}
	if t.Rows == 0 {
		return t, ledger.Refuse("import.no_rows")
	}
	return t, nil
}

// errHeaderSearch stops reading a file whose first rows hold no header.
var errHeaderSearch = errors.New("header not found in the first rows")

func isExactMarker(s string) bool {
	if s == "" {
		return false
	}
	f := foldHeader(s)
	for _, m := range markers {
		if f == m {
			return true
		}
	}
	return false
}

func foldAll(cells []string) []string {
	out := make([]string, 0, len(cells))
	for _, c := range cells {
		out = append(out, foldHeader(c))
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// collector gathers the problems of a file's rows.
type collector struct {
	t  *Table
	ps []store.RowProblem
}

func (c *collector) add(row int, field string, err error) {
	var le *ledger.Error
	if !errors.As(err, &le) {
		le = ledger.Refuse("error.internal", "detail", err.Error())
	}
	c.ps = append(c.ps, store.RowProblem{Row: row, Column: c.t.ColumnOf(field), Err: le})
}

func (c *collector) err() error {
	if len(c.ps) == 0 {
		return nil
	}
	return &store.RowsRefused{Problems: c.ps}
}

// text reads a text field, refusing a formula that has no value.
func (c *collector) text(r Record, field string) (string, bool) {
	if r.hole(field) {
		c.add(r.Row, field, ledger.Refuse("import.formula_no_value"))
		return "", false
	}
	v := r.Get(field)
	if excelErrors[v] {
		c.add(r.Row, field, ledger.Refuse("import.formula_error", "value", v))
		return "", false
	}
	return v, true
}

func (c *collector) amount(r Record, field string) (ledger.Money, bool, bool) {
	v, ok := c.text(r, field)
	if !ok {
		return ledger.Zero, false, false
	}
	m, empty, err := parseAmount(v)
	if err != nil {
		c.add(r.Row, field, err)
		return ledger.Zero, false, false
	}
	return m, empty, true
}

func (c *collector) date(r Record, field string) (string, bool) {
	v, ok := c.text(r, field)
	if !ok {
		return "", false
	}
	d, err := parseDate(v, c.t.info.date1904)
	if err != nil {
		c.add(r.Row, field, err)
		return "", false
	}
	return d, true
}
