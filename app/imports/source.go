// Package imports reads the files a community's data arrives in — unit rosters, historical
// books kept in Excel, bank statements — and turns them into rows for the store. It is pure
// parsing: file bytes in, a header and numbered rows out, every problem tied to its row and
// said with a message key. CSV may be UTF-8 (with or without a BOM), UTF-16 with a BOM, or
// GB18030 (which includes GBK and GB2312); XLSX is read from its first sheet or a named one,
// taking formulas' cached values. Nothing here touches a ledger.
package imports

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"jiayuan/store/ledger"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// MaxFileSize bounds what is read: far above a community's 100,000-line statement.
const MaxFileSize = 256 << 20

// rawRow is one row of a file as read: its number as the user sees it (the spreadsheet's row,
// the CSV's line) and its cells.
type rawRow struct {
	num   int
	cells []string
}

// fileInfo says how a file was read.
type fileInfo struct {
	format   string // csv, xlsx
	encoding string // csv: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030
	sheet    string
	sheets   []string
	date1904 bool
	// holes are cells holding a formula without a cached value: (row, column index).
	holes map[[2]int]bool
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// scanFile reads a file's rows in order and hands each to fn. The format is told by the
// content, not the name: a ".xls" that is really tab-separated text (as some bank sites
// export) is read as text.
// info is filled in before the first row is handed over.
func scanFile(name string, data []byte, sheet string, info *fileInfo, fn func(rawRow) error) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}))) == 0 {
		return ledger.Refuse("import.empty_file", "file", path.Base(name))
	}
	if len(data) > MaxFileSize {
		return ledger.Refuse("import.too_large", "file", path.Base(name), "max", "256 MB")
	}
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return scanXLSX(name, data, sheet, info, fn)
	case bytes.HasPrefix(data, oleMagic):
		// Excel 97–2003 (.xls), or an encrypted .xlsx: both are compound files.
		return ledger.Refuse("import.xls_unsupported", "file", path.Base(name))
	}
	return scanCSV(name, data, info, fn)
}

// decodeText turns a text file's bytes into UTF-8: a BOM decides; else valid UTF-8 is UTF-8;
// else GB18030 (the superset of GBK that Chinese banks' and Excel's "CSV" use).
func decodeText(name string, data []byte) ([]byte, string, error) {
	var enc string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) && utf8.Valid(data[3:]):
		data, enc = data[3:], "utf-8-bom"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		e, be := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
		if data[0] == 0xFE {
			e, be = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
		}
		out, err := e.NewDecoder().Bytes(data)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
			return nil, "", ledger.Refuse("import.bad_encoding", "file", path.Base(name))
		}
		data, enc = out, be
	case utf8.Valid(data):
		enc = "utf-8"
	default:
		// not UTF-8, whatever it claims (a UTF-8 BOM before GBK bytes): GB18030
		data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
			return nil, "", ledger.Refuse("import.bad_encoding", "file", path.Base(name))
		}
		data, enc = out, "gb18030"
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, "", ledger.Refuse("import.not_text", "file", path.Base(name))
	}
	return data, enc, nil
}

// sniffDelimiter picks the separator most lines of the file's start use: comma, tab or
// semicolon (a comma when none is used: a file of one column).
func sniffDelimiter(text []byte) rune {
	lines := bytes.SplitN(text, []byte{'\n'}, 31)
	best, bestN := ',', 0
	for _, d := range []rune{',', '\t', ';'} {
		n := 0
		for _, l := range lines {
			if bytes.ContainsRune(l, d) {
				n++
			}
		}
		if n > bestN {
			best, bestN = d, n
		}
	}
	return best
}

func scanCSV(name string, data []byte, info *fileInfo, fn func(rawRow) error) error {
	text, enc, err := decodeText(name, data)
	if err != nil {
		return err
	}
	info.format, info.encoding = "csv", enc
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = sniffDelimiter(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return ledger.Refuse("import.csv_damaged", "file", path.Base(name), "line", line)
		}
		line, _ := r.FieldPos(0)
		cells := make([]string, len(rec))
		for i, c := range rec {
			cells[i] = cleanCell(c)
		}
		if err := fn(rawRow{num: line, cells: cells}); err != nil {
			return err
		}
	}
}

// scanXLSX streams one sheet's rows with their raw values (numbers as stored, not as
// formatted; formulas as their cached results).
func scanXLSX(name string, data []byte, sheet string, info *fileInfo, fn func(rawRow) error) (err error) {
	damaged := ledger.Refuse("import.xlsx_damaged", "file", path.Base(name))
	defer func() {
		if p := recover(); p != nil {
			err = damaged
		}
	}()
	// The sizes a zip's directory declares are what excelize allocates: a damaged or hostile
	// directory must not make it reserve gigabytes. XML packs at most about 1:100 in practice.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return damaged
	}
	limit := min(uint64(len(data))*200+16<<20, 2<<30)
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if total > limit {
			return damaged
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: int64(limit), UnzipXMLSizeLimit: int64(min(limit, 64<<20))})
	if err != nil {
		return damaged
	}
	defer f.Close()
	info.format, info.sheets = "xlsx", f.GetSheetList()
	if len(info.sheets) == 0 {
		return damaged
	}
	info.sheet = info.sheets[0]
	if s := strings.TrimSpace(sheet); s != "" {
		found := false
		for _, n := range info.sheets {
			if n == s || strings.EqualFold(strings.TrimSpace(n), s) {
				info.sheet, found = n, true
				break
			}
		}
		if !found {
			return ledger.Refuse("import.sheet_missing", "sheet", s, "sheets", strings.Join(info.sheets, "、"))
		}
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		info.date1904 = *props.Date1904
	}
	holes, merges, err := sheetExtras(data, info.sheet, sheetIndex(info.sheets, info.sheet))
	if err != nil {
		return damaged
	}
	info.holes = holes
	rows, err := f.Rows(info.sheet)
	if err != nil {
		return damaged
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return damaged
		}
		cells := make([]string, len(cols))
		for i, c := range cols {
			cells[i] = cleanCell(c)
		}
		cells = merges.fill(n, cells)
		if err := fn(rawRow{num: n, cells: cells}); err != nil {
			return err
		}
	}
	if rows.Error() != nil {
		return damaged
	}
	return nil
}

func sheetIndex(sheets []string, name string) int {
	for i, s := range sheets {
		if s == name {
			return i
		}
	}
	return 0
}

// merge is a merged range of cells: its top-left value stands for all of them (a voucher's
// date or number written once beside its lines).
type merge struct {
	c1, r1, c2, r2 int
	value          string
}

type merges []*merge

// fill gives the cells of row n inside a merged range the value of the range's first cell.
func (ms merges) fill(n int, cells []string) []string {
	for _, m := range ms {
		if n < m.r1 || n > m.r2 {
			continue
		}
		if n == m.r1 {
			if m.c1-1 < len(cells) {
				m.value = cells[m.c1-1]
			}
		}
		if m.value == "" {
			continue
		}
		for c := m.c1; c <= m.c2; c++ {
			for len(cells) < c {
				cells = append(cells, "")
			}
			if cells[c-1] == "" {
				cells[c-1] = m.value
			}
		}
	}
	return cells
}

// sheetExtras reads what excelize's stream of values does not tell: which cells hold a formula
// with no cached value (a file written by a program that never calculated it), and the merged
// ranges. It finds the sheet's part through the workbook's relationships.
func sheetExtras(data []byte, sheet string, index int) (map[[2]int]bool, merges, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, err
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	part := sheetPart(files, sheet, index)
	f := files[part]
	if f == nil {
		return nil, nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, err
	}
	defer rc.Close()
	body, err := io.ReadAll(io.LimitReader(rc, 1<<30))
	if err != nil {
		return nil, nil, err
	}
	hasF := bytes.Contains(body, []byte("<f>")) || bytes.Contains(body, []byte("<f ")) || bytes.Contains(body, []byte(":f>")) || bytes.Contains(body, []byte(":f "))
	hasM := bytes.Contains(body, []byte("mergeCell "))
	if !hasF && !hasM {
		return nil, nil, nil
	}
	holes := map[[2]int]bool{}
	var ms merges
	dec := xml.NewDecoder(bytes.NewReader(body))
	var ref string
	var inCell, formula, value bool
	var inV bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "c":
				inCell, formula, value, ref = true, false, false, attr(el, "r")
			case "f":
				formula = formula || inCell
			case "v":
				inV = inCell
			case "is":
				value = value || inCell
			case "mergeCell":
				if a, b, ok := strings.Cut(attr(el, "ref"), ":"); ok {
					c1, r1, e1 := excelize.CellNameToCoordinates(a)
					c2, r2, e2 := excelize.CellNameToCoordinates(b)
					if e1 == nil && e2 == nil && c2 >= c1 && r2 >= r1 && c2 <= 256 && len(ms) < 100000 {
						ms = append(ms, &merge{c1: c1, r1: r1, c2: c2, r2: r2})
					}
				}
			}
		case xml.CharData:
			if inV && len(bytes.TrimSpace(el)) > 0 {
				value = true
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "v":
				inV = false
			case "c":
				if formula && !value && ref != "" {
					if c, r, err := excelize.CellNameToCoordinates(ref); err == nil {
						holes[[2]int{r, c - 1}] = true
					}
				}
				inCell = false
			}
		}
	}
	return holes, ms, nil
}

func attr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// sheetPart finds the zip part of a sheet from xl/workbook.xml and its relationships.
func sheetPart(files map[string]*zip.File, sheet string, index int) string {
	read := func(name string) []byte {
		f := files[name]
		if f == nil {
			return nil
		}
		rc, err := f.Open()
		if err != nil {
			return nil
		}
		defer rc.Close()
		b, _ := io.ReadAll(io.LimitReader(rc, 64<<20))
		return b
	}
	rid := ""
	dec := xml.NewDecoder(bytes.NewReader(read("xl/workbook.xml")))
	i := 0
	for rid == "" {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "sheet" {
			if attr(el, "name") == sheet || (i == index && attr(el, "name") == "") {
				for _, a := range el.Attr {
					if a.Name.Local == "id" && a.Name.Space != "" {
						rid = a.Value
					}
				}
			}
			i++
		}
	}
	if rid != "" {
		dec = xml.NewDecoder(bytes.NewReader(read("xl/_rels/workbook.xml.rels")))
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "Relationship" && attr(el, "Id") == rid {
				t := attr(el, "Target")
				if strings.HasPrefix(t, "/") {
					return strings.TrimPrefix(t, "/")
				}
				return path.Clean(path.Join("xl", t))
			}
		}
	}
	return "xl/worksheets/sheet" + itoa(index+1) + ".xml"
}
