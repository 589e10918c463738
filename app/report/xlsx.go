package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"jiayuan/store/ledger"
)

// RenderXLSX writes a Doc as a workbook: one sheet per table, named after the table, with the
// report's title, community, book, period, unit, generation time and chain head in the rows
// above a frozen header row. Headings, paragraphs and fields go to a first sheet "概要".
//
// Values are typed so that a spreadsheet can add them up: amounts are numbers formatted
// #,##0.00, dates real dates formatted yyyy-mm-dd, counts integers. An amount's float is only
// the cell value, made from the exact decimal; it reads back exactly for every amount below
// 10 万亿 yuan (15 significant digits). Larger amounts, beyond any community's books, are
// written as text rather than rounded.
func RenderXLSX(d Doc) ([]byte, error) {
	defer boundHeap()()
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f, doc: d, used: map[string]bool{}, names: map[*Table]string{}, styles: map[styleKey]int{}}

	var tables []*Table
	other := false
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *Table:
			if b != nil {
				tables = append(tables, b)
			}
		case Heading, Paragraph, Fields:
			other = true
		}
	}
	// Name every sheet first, so that the summary can refer to the tables' sheets.
	summary := other || len(tables) == 0
	if summary {
		x.sheetName("概要")
	}
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = x.sheetName(t.Title)
		if _, ok := x.names[t]; !ok {
			x.names[t] = names[i]
		}
	}
	// Make every sheet and choose the active one before any is written: SetActiveSheet after
	// streaming would read every streamed sheet back into memory (some 400 MB for the lines of
	// 20,000 units' statements) to mark it unselected.
	all := names
	if summary {
		all = append([]string{"概要"}, names...)
	}
	for i, name := range all {
		var err error
		if i == 0 {
			err = f.SetSheetName("Sheet1", name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return nil, fmt.Errorf("report: xlsx sheet %q: %w", name, err)
		}
	}
	f.SetActiveSheet(0)
	if summary {
		if err := x.summarySheet(); err != nil {
			return nil, err
		}
	}
	for i, t := range tables {
		if err := x.tableSheet(t, names[i]); err != nil {
			return nil, err
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:    d.Title,
		Subject:  subject(d.Community, d.Book, d.Period, d.Chain),
		Creator:  "家园账本 Jiayuan Ledger",
		Created:  xlsxTime(d.Generated),
		Modified: xlsxTime(d.Generated),
	}); err != nil {
		return nil, fmt.Errorf("report: xlsx properties: %w", err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("report: writing the xlsx: %w", err)
	}
	return buf.Bytes(), nil
}

func xlsxTime(generated string) string {
	t := parseGenerated(generated)
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

type xlsxWriter struct {
	f      *excelize.File
	doc    Doc
	used   map[string]bool   // sheet names taken, folded to lower case as Excel compares them
	names  map[*Table]string // each table's sheet, for the summary's cross-references
	styles map[styleKey]int
}

type styleKey struct {
	role   string // "title", "info", "header", "cell", "label"
	kind   Kind
	places int32
	total  bool
}

// style returns the id of a style, creating it on this File: a style id made on another File
// is accepted silently and yields a workbook other readers reject.
func (x *xlsxWriter) style(k styleKey) (int, error) {
	if id, ok := x.styles[k]; ok {
		return id, nil
	}
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	shade := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8E8E8"}}
	s := &excelize.Style{Font: &excelize.Font{Family: "等线", Size: 10}}
	switch k.role {
	case "title":
		s.Font = &excelize.Font{Family: "等线", Size: 14, Bold: true}
	case "info":
		s.Font.Color = "595959"
	case "label":
		s.Font.Bold = true
	case "header":
		s.Font.Bold = true
		s.Border, s.Fill = border, shade
		s.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	case "cell":
		s.Border = border
		if k.total {
			s.Font.Bold, s.Fill = true, shade
		}
		switch k.kind {
		case KindMoney:
			s.CustomNumFmt = ptr("#,##0.00")
		case KindDate:
			s.CustomNumFmt = ptr("yyyy-mm-dd")
			s.Alignment = &excelize.Alignment{Horizontal: "center"}
		case KindInt:
			s.NumFmt = 1 // 0
		case KindPercent:
			s.NumFmt = 10 // 0.00%
		case KindNumber:
			f := "#,##0"
			if k.places > 0 {
				f += "." + strings.Repeat("0", int(k.places))
			}
			s.CustomNumFmt = &f
		}
	}
	id, err := x.f.NewStyle(s)
	if err != nil {
		return 0, fmt.Errorf("report: xlsx style: %w", err)
	}
	x.styles[k] = id
	return id, nil
}

func ptr[T any](v T) *T { return &v }

// newSheet returns the stream writer of a sheet RenderXLSX has made.
func (x *xlsxWriter) newSheet(name string) (*excelize.StreamWriter, error) {
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return nil, fmt.Errorf("report: xlsx sheet %q: %w", name, err)
	}
	return sw, nil
}

// sheetName makes a valid, unique sheet name: no []:*?/\, no leading or trailing apostrophe,
// at most 31 UTF-16 units (Excel's limit), and not equal, ignoring case, to another sheet's.
func (x *xlsxWriter) sheetName(title string) string {
	base := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || r < ' ' {
			return '_'
		}
		return r
	}, strings.TrimSpace(title))
	base = strings.Trim(base, "'")
	if base == "" {
		base = "表" + strconv.Itoa(len(x.used)+1)
	}
	name := truncUTF16(base, 31)
	for n := 2; x.used[strings.ToLower(name)]; n++ {
		suffix := "(" + strconv.Itoa(n) + ")"
		name = truncUTF16(base, 31-len(suffix)) + suffix
	}
	x.used[strings.ToLower(name)] = true
	return name
}

func truncUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		units += len(utf16.Encode([]rune{r}))
		if units > n {
			return s[:i]
		}
	}
	return s
}

func (x *xlsxWriter) titleRowCount(tableTitle string) int {
	if tableTitle != "" && tableTitle != x.doc.Title {
		return 4
	}
	return 3
}

// titleRows writes the report identification above a sheet's content, merged across width
// columns, and returns the next free row.
func (x *xlsxWriter) titleRows(sw *excelize.StreamWriter, width int, tableTitle string) (int, error) {
	d := x.doc
	titleStyle, err := x.style(styleKey{role: "title"})
	if err != nil {
		return 0, err
	}
	infoStyle, err := x.style(styleKey{role: "info"})
	if err != nil {
		return 0, err
	}
	info := []string{}
	for _, s := range []string{d.Community, label("账簿：", d.Book), label("期间：", d.Period), d.unit()} {
		if s != "" {
			info = append(info, s)
		}
	}
	rows := []struct {
		text  string
		style int
		h     float64
	}{
		{d.Title, titleStyle, 22},
		{strings.Join(info, "　"), infoStyle, 0},
		{strings.TrimSpace(label("生成时间：", d.Generated) + "　" + d.Chain.String()), infoStyle, 0},
	}
	if tableTitle != "" && tableTitle != d.Title {
		lbl, err := x.style(styleKey{role: "label"})
		if err != nil {
			return 0, err
		}
		rows = append(rows, struct {
			text  string
			style int
			h     float64
		}{tableTitle, lbl, 0})
	}
	for i, r := range rows {
		row := i + 1
		cell, _ := excelize.CoordinatesToCellName(1, row)
		opts := excelize.RowOpts{}
		if r.h > 0 {
			opts.Height = r.h
		}
		if err := sw.SetRow(cell, []any{excelize.Cell{StyleID: r.style, Value: r.text}}, opts); err != nil {
			return 0, err
		}
		if width > 1 {
			end, _ := excelize.CoordinatesToCellName(width, row)
			if err := sw.MergeCell(cell, end); err != nil {
				return 0, err
			}
		}
	}
	return len(rows) + 1, nil
}

func label(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// summarySheet holds the Doc's headings, paragraphs and fields.
func (x *xlsxWriter) summarySheet() error {
	sw, err := x.newSheet("概要")
	if err != nil {
		return err
	}
	if err := sw.SetColWidth(2, 2, 70); err != nil { // see tableSheet for the order
		return err
	}
	if err := sw.SetColWidth(1, 1, 22); err != nil {
		return err
	}
	row, err := x.titleRows(sw, 2, "")
	if err != nil {
		return err
	}
	bold, err := x.style(styleKey{role: "label"})
	if err != nil {
		return err
	}
	put := func(vals ...any) error {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		row++
		return sw.SetRow(cell, vals)
	}
	for _, b := range x.doc.Blocks {
		switch b := b.(type) {
		case Heading:
			err = put(excelize.Cell{StyleID: bold, Value: string(b)})
		case Paragraph:
			err = put(nil, string(b))
		case Fields:
			for _, fl := range b {
				if err = put(fl.Label, fl.Value); err != nil {
					break
				}
			}
		case *Table:
			if b != nil {
				err = put(excelize.Cell{StyleID: bold, Value: b.Title}, "见工作表“"+x.names[b]+"”")
			}
		}
		if err != nil {
			return err
		}
	}
	return sw.Flush()
}

func (x *xlsxWriter) tableSheet(t *Table, name string) error {
	if err := t.check(); err != nil {
		return err
	}
	sw, err := x.newSheet(name)
	if err != nil {
		return err
	}
	ncol := len(t.Columns)
	// excelize puts each new <col> first and Excel wants them in ascending order: set the
	// widths from the last column back.
	ws, err := xlsxColumnWidths(t)
	if err != nil {
		return err
	}
	for i := len(ws) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, ws[i]); err != nil {
			return err
		}
	}
	// Freeze everything down to the header row, so the header stays in view while scrolling.
	// The stream writer wants the panes before any row.
	row := x.titleRowCount(t.Title) + 1
	top, _ := excelize.CoordinatesToCellName(1, row+1)
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: row, TopLeftCell: top, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	if _, err := x.titleRows(sw, ncol, t.Title); err != nil {
		return err
	}
	hs, err := x.style(styleKey{role: "header"})
	if err != nil {
		return err
	}
	vals := make([]any, ncol)
	for i, c := range t.Columns {
		vals[i] = excelize.Cell{StyleID: hs, Value: c.Title}
	}
	cell, _ := excelize.CoordinatesToCellName(1, row)
	if err := sw.SetRow(cell, vals, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	write := func(cells []Cell, total bool, n int) error {
		vals := make([]any, ncol)
		for i := range ncol {
			var c Cell
			if i < len(cells) {
				c = cells[i]
			}
			v, err := x.cellValue(c, t.Columns[i].Kind, total)
			if err != nil {
				return fmt.Errorf("report: table %q row %d column %q: %w", t.Title, n, t.Columns[i].Title, err)
			}
			vals[i] = v
		}
		row++
		cell, _ := excelize.CoordinatesToCellName(1, row)
		return sw.SetRow(cell, vals)
	}
	n := 0
	for r, err := range t.EachRow() {
		if err != nil {
			return err
		}
		n++
		if err := write(r, false, n); err != nil {
			return err
		}
	}
	if t.Totals != nil {
		if err := write(t.Totals, true, n+1); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// cellValue is a cell as an excelize value with its style. An empty cell still gets the
// column's style so that the grid and number format run through it.
func (x *xlsxWriter) cellValue(c Cell, colKind Kind, total bool) (excelize.Cell, error) {
	kind := c.kind
	if c.IsEmpty() {
		kind = colKind
	}
	id, err := x.style(styleKey{role: "cell", kind: kind, places: c.places, total: total})
	if err != nil {
		return excelize.Cell{}, err
	}
	out := excelize.Cell{StyleID: id}
	switch {
	case c.IsEmpty():
	case c.kind == KindMoney:
		if abs := c.money.Fen(); abs < 1e15 && abs > -1e15 {
			out.Value, _ = c.money.Decimal().Float64()
		} else {
			out.Value = c.money.String()
		}
	case c.kind == KindDate:
		t, err := time.Parse(ledger.DateLayout, c.text) // Table.check has vetted it
		if err != nil {
			return out, err
		}
		out.Value = t
	case c.kind == KindInt:
		out.Value = c.n
	case c.kind == KindPercent:
		out.Value, _ = c.percentValue().Float64()
	case c.kind == KindNumber:
		out.Value, _ = c.dec.Round(c.places).Float64()
	default:
		out.Value = c.text
	}
	return out, nil
}

// xlsxColumnWidths estimates column widths in Excel's units (about one digit each): a Chinese
// character counts two. Wide text is capped; the cell shows the rest when selected.
func xlsxColumnWidths(t *Table) ([]float64, error) {
	ws := make([]float64, len(t.Columns))
	measure := func(i int, s string) {
		w := 0.0
		for _, r := range s {
			if r < utf8.RuneSelf {
				w += 1.1
			} else {
				w += 2.1
			}
		}
		ws[i] = max(ws[i], w)
	}
	for i, c := range t.Columns {
		measure(i, c.Title)
	}
	cells := func(r []Cell) {
		for i, c := range r {
			if i < len(ws) && !c.IsEmpty() {
				measure(i, c.String())
			}
		}
	}
	for r, err := range t.EachRow() {
		if err != nil {
			return nil, err
		}
		cells(r)
	}
	cells(t.Totals)
	for i, c := range t.Columns {
		ws[i] = math.Round(min(max(ws[i]+2, 6), 60))
		if c.Kind == KindDate {
			ws[i] = max(ws[i], 12)
		}
	}
	return ws, nil
}
