package report

import "strings"

// Tables: gopdf has no table that flows over pages, so this lays rows out itself. Each row is
// measured (wrapped per cell), moved to the next page when it does not fit, and every page the
// table continues on repeats the table title ("（续）") and the column header row. A row taller
// than a whole page is split between lines rather than cut.

const (
	tableSize   = 9.0
	tableLineH  = 12.5
	cellPadX    = 4.0
	cellPadY    = 3.0
	tableTitleH = 16.0
	gridGray    = 150
	shadeGray   = 232
)

type tableLayout struct {
	t      *Table
	x      []float64 // column edges: x[i] is column i's left edge, x[len] the right edge
	header [][]string
	aligns []Align
	segTop float64 // top of the part of the table on the current page
	rowTop float64 // where the first body row on the current page starts
}

func (w *pdfWriter) table(t *Table) error {
	if err := t.check(); err != nil {
		return err
	}
	tl := &tableLayout{t: t, x: make([]float64, len(t.Columns)+1), aligns: make([]Align, len(t.Columns))}
	widths, err := w.columnWidths(t)
	if err != nil {
		return err
	}
	tl.x[0] = marginX
	for i, c := range t.Columns {
		tl.x[i+1] = tl.x[i] + widths[i]
		tl.aligns[i] = c.align()
		tl.header = append(tl.header, w.wrap(bold, tableSize, widths[i]-2*cellPadX, c.Title))
	}

	// Start on a new page unless the title, the header and a first row fit here.
	w.y += 2
	w.ensure(tableTitleH + tl.headerH() + tableLineH + 2*cellPadY)
	w.startSegment(tl, false)
	var totals [][]string
	if t.Totals != nil {
		totals = w.rowLines(tl, t.Totals, bold)
	}
	// Each row is drawn when the next is known, so that the last one is known to be last: the
	// totals row never stands alone at the top of a page, the last row keeps room for it.
	var prev []Cell
	for r, err := range t.EachRow() {
		if err != nil {
			return err
		}
		if len(w.missing) > 0 { // stop a long table early; the export fails anyway
			return w.checkGlyphs()
		}
		if prev != nil {
			w.tableRow(tl, w.rowLines(tl, prev, regular), false, 0)
		}
		prev = r
	}
	if prev != nil {
		keep := 0.0
		if totals != nil {
			keep = rowH(totals)
		}
		w.tableRow(tl, w.rowLines(tl, prev, regular), false, keep)
	}
	if totals != nil {
		w.tableRow(tl, totals, true, 0)
	}
	w.endSegment(tl)
	w.y += 10
	return nil
}

func (tl *tableLayout) headerH() float64 {
	n := 1
	for _, ls := range tl.header {
		n = max(n, len(ls))
	}
	return float64(n)*tableLineH + 2*cellPadY
}

// startSegment draws the table title and header row at the current position.
func (w *pdfWriter) startSegment(tl *tableLayout, continued bool) {
	if title := tl.t.Title; title != "" {
		if continued {
			title += "（续）"
		}
		w.text(bold, 10, marginX, w.y, tableTitleH, title)
		w.y += tableTitleH
	}
	tl.segTop = w.y
	h := tl.headerH()
	w.shade(tl, h)
	for i, ls := range tl.header {
		for k, ln := range ls {
			w.textAligned(bold, tableSize, tl.x[i]+cellPadX, tl.x[i+1]-tl.x[i]-2*cellPadX,
				w.y+cellPadY+float64(k)*tableLineH, tableLineH, ln, AlignCenter)
		}
	}
	w.lineWidth(0.5)
	w.strokeColor(gridGray, gridGray, gridGray)
	w.line(tl.x[0], w.y, tl.x[len(tl.x)-1], w.y)
	w.y += h
	w.line(tl.x[0], w.y, tl.x[len(tl.x)-1], w.y)
	tl.rowTop = w.y
}

// endSegment draws the column rules of the table part on the current page; drawing them once
// per page rather than per cell keeps big tables' content streams small.
func (w *pdfWriter) endSegment(tl *tableLayout) {
	w.lineWidth(0.5)
	w.strokeColor(gridGray, gridGray, gridGray)
	for _, x := range tl.x {
		w.line(x, tl.segTop, x, w.y)
	}
}

func (w *pdfWriter) breakTable(tl *tableLayout) {
	w.endSegment(tl)
	w.newPage()
	w.startSegment(tl, true)
}

// shade fills a row's background. The fill colour is also the colour of text (see
// drawFooter), so it is reset to black straight away.
func (w *pdfWriter) shade(tl *tableLayout, h float64) {
	w.fillColor(shadeGray, shadeGray, shadeGray)
	w.fillRect(tl.x[0], w.y, tl.x[len(tl.x)-1]-tl.x[0], h)
	w.fillColor(0, 0, 0)
}

// rowLines wraps each cell of a row to its column.
func (w *pdfWriter) rowLines(tl *tableLayout, cells []Cell, st fontStyle) [][]string {
	lines := make([][]string, len(tl.t.Columns))
	for i := range lines {
		if i >= len(cells) || cells[i].IsEmpty() {
			continue
		}
		lines[i] = w.wrap(st, tableSize, tl.x[i+1]-tl.x[i]-2*cellPadX, cells[i].String())
	}
	return lines
}

func rowLineCount(lines [][]string) int {
	n := 1
	for _, ls := range lines {
		n = max(n, len(ls))
	}
	return n
}

func rowH(lines [][]string) float64 { return float64(rowLineCount(lines))*tableLineH + 2*cellPadY }

// tableRow draws one row, breaking the page first when it does not fit together with keep
// more points (room reserved for what must follow it).
func (w *pdfWriter) tableRow(tl *tableLayout, lines [][]string, total bool, keep float64) {
	st := regular
	if total {
		st = bold
	}
	aligns := tl.aligns
	n := rowLineCount(lines)
	if keep > 0 && w.y > tl.rowTop && w.y+rowH(lines) <= w.bottom() && w.y+rowH(lines)+keep > w.bottom() {
		w.breakTable(tl)
	}
	// Lines that fit under the header on a fresh page.
	capacity := int((w.bottom() - tl.rowTop - 2*cellPadY) / tableLineH)
	for start := 0; start < n; {
		fit := int((w.bottom() - w.y - 2*cellPadY) / tableLineH)
		rest := n - start
		if rest > fit && w.y > tl.rowTop && (rest <= capacity || fit < 1) {
			w.breakTable(tl)
			continue
		}
		m := max(1, min(rest, fit))
		h := float64(m)*tableLineH + 2*cellPadY
		if total {
			w.shade(tl, h)
		}
		for i, ls := range lines {
			for k := start; k < start+m && k < len(ls); k++ {
				w.textAligned(st, tableSize, tl.x[i]+cellPadX, tl.x[i+1]-tl.x[i]-2*cellPadX,
					w.y+cellPadY+float64(k-start)*tableLineH, tableLineH, ls[k], aligns[i])
			}
		}
		w.y += h
		w.line(tl.x[0], w.y, tl.x[len(tl.x)-1], w.y)
		start += m
		if start < n {
			w.breakTable(tl)
		}
	}
}

// columnWidths sizes columns the way a browser's automatic table layout does, so that
// amounts, dates and voucher numbers stay on one line and long descriptions take the room
// left. Each column has a natural width (its widest cell on one line) and a minimum (the
// natural width for numbers, dates and short text, about four characters for longer text,
// which wraps). If all
// natural widths fit, the spare width is shared by Column.Width; otherwise every column gets
// its minimum and the rest is shared by Column.Width, no column growing past its natural width.
func (w *pdfWriter) columnWidths(t *Table) ([]float64, error) {
	n := len(t.Columns)
	natural := make([]float64, n)
	minimum := make([]float64, n)
	weight := make([]float64, n)
	measure := func(i int, c Cell, st fontStyle) {
		if c.IsEmpty() {
			return
		}
		s := c.String()
		if c.kind == KindText {
			s = clean(s)
			for _, ln := range strings.Split(s, "\n") {
				natural[i] = max(natural[i], w.width(st, tableSize, ln))
			}
			return
		}
		natural[i] = max(natural[i], w.width(st, tableSize, s))
	}
	for r, err := range t.EachRow() {
		if err != nil {
			return nil, err
		}
		for i, c := range r {
			measure(i, c, regular)
		}
	}
	for i, c := range t.Totals {
		measure(i, c, bold)
	}
	// Text up to about seven characters wide (voucher numbers, names, short account names)
	// is kept on one line; longer text may wrap down to four characters.
	const shortText, textMin = 7 * tableSize, 4 * tableSize
	for i, c := range t.Columns {
		natural[i] = max(natural[i], w.width(bold, tableSize, c.Title)) + 2*cellPadX + 1
		minimum[i] = natural[i]
		if c.Kind == KindText && natural[i] > shortText+2*cellPadX+1 {
			minimum[i] = textMin + 2*cellPadX
		}
		weight[i] = c.weight()
	}
	total := w.contentW()
	widths := make([]float64, n)
	if sum(natural) <= total {
		copy(widths, natural)
		spare := total - sum(natural)
		for i := range widths {
			widths[i] += spare * weight[i] / sum(weight)
		}
		return widths, nil
	}
	if sum(minimum) >= total {
		// Too many columns for the page: everything shrinks and wraps.
		for i := range widths {
			widths[i] = minimum[i] * total / sum(minimum)
		}
		return widths, nil
	}
	copy(widths, minimum)
	spare := total - sum(minimum)
	// Share the spare width by weight among columns still below their natural width,
	// handing back what a capped column does not need, until nothing is left.
	for spare > 0.01 {
		var active float64
		for i := range widths {
			if widths[i] < natural[i] {
				active += weight[i]
			}
		}
		if active == 0 {
			break
		}
		left := spare
		for i := range widths {
			if widths[i] >= natural[i] {
				continue
			}
			add := min(spare*weight[i]/active, natural[i]-widths[i])
			widths[i] += add
			left -= add
		}
		spare = left
	}
	return widths, nil
}

func sum(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s
}
