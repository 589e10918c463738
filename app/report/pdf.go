package report

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/signintech/gopdf"
)

// Type sizes (pt) and line heights. Body text is 9.5 pt: small enough for an 8-column ledger
// on A4 portrait, large enough for owners reading a printed notice.
const (
	titleSize    = 14.0
	titleLineH   = 20.0
	infoSize     = 9.0
	infoLineH    = 13.0
	headingSize  = 11.0
	headingLineH = 17.0
	bodySize     = 9.5
	bodyLineH    = 14.0
	footerSize   = 8.0
	footerLineH  = 10.0
)

// RenderPDF lays out one Doc as an A4 PDF (landscape when d.Landscape) with the embedded Noto
// Sans SC. It fails with a *MissingGlyphError if any text holds a character the font lacks.
func RenderPDF(d Doc) ([]byte, error) {
	var b bytes.Buffer
	err := RenderPDFTo(&b, d)
	return b.Bytes(), err
}

// RenderPDFTo is RenderPDF writing to out as the pages are laid out. On an error what was
// written is not a PDF and must be thrown away.
func RenderPDFTo(out io.Writer, d Doc) error {
	defer boundHeap()()
	w, err := newPDFWriterTo(out, d.Title, subject(d.Community, d.Book, d.Period, d.Chain), d.Generated, d.Chain)
	if err != nil {
		return err
	}
	defer w.spool.close()
	if err := w.doc(d); err != nil {
		return err
	}
	return w.finish()
}

// RenderPackagePDF lays out an audit package: cover, contents, then every Doc from a new page.
// Page numbers run through the whole file, so the contents page and the viewer agree.
func RenderPackagePDF(p Package) ([]byte, error) {
	var b bytes.Buffer
	err := RenderPackagePDFTo(&b, p)
	return b.Bytes(), err
}

// RenderPackagePDFTo is RenderPackagePDF writing to out as the pages are laid out; a package
// given by Sections and Each is rendered one section at a time and never held whole. On an
// error what was written is not a PDF and must be thrown away.
func RenderPackagePDFTo(out io.Writer, p Package) error {
	defer boundHeap()()
	w, err := newPDFWriterTo(out, p.Title, subject(p.Community, "", yearText(p.Year), p.Chain), p.Generated, p.Chain)
	if err != nil {
		return err
	}
	defer w.spool.close()
	sections := p.contents()
	w.cover(p)
	w.contents(p, sections)
	w.tocStart = make([]int, 0, len(sections))
	for d, err := range p.EachDoc() {
		if err != nil {
			return err
		}
		i := len(w.tocStart)
		if i == len(sections) {
			return fmt.Errorf("report: package %q has more sections than its contents lists", p.Title)
		}
		if d.Community == "" {
			d.Community = p.Community
		}
		w.tocStart = append(w.tocStart, w.pages+1)
		if err := w.doc(d); err != nil {
			return fmt.Errorf("report: section %d %q: %w", i+1, d.Title, err)
		}
	}
	if len(w.tocStart) != len(sections) {
		return fmt.Errorf("report: package %q has %d sections, its contents lists %d", p.Title, len(w.tocStart), len(sections))
	}
	return w.finish()
}

func subject(community, book, period string, chain ChainHead) string {
	var parts []string
	for _, s := range []string{community, book, period, chain.String()} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y) + " 年度"
}

// shanghai is fixed rather than loaded from tzdata, which Windows machines may lack.
var shanghai = time.FixedZone("CST", 8*3600)

// parseGenerated turns the caller's generation time into the PDF CreationDate. A string in
// none of the known layouts leaves the date out, which is still deterministic.
func parseGenerated(s string) time.Time {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, shanghai); err == nil {
			return t
		}
	}
	return time.Time{}
}

// pageHeader is what every page of a Doc repeats at its top.
type pageHeader struct {
	title string
	info  string // community, book and period on one (wrapping) line
	unit  string
}

func (w *pdfWriter) contentW() float64 { return w.pageW - 2*marginX }
func (w *pdfWriter) bottom() float64   { return w.pageH - bodyBottomGap }

// newPage starts a page with the current header and the footer.
func (w *pdfWriter) newPage() {
	size := *gopdf.PageSizeA4
	if w.landscape {
		size = gopdf.Rect{W: size.H, H: size.W}
	}
	w.endPage()
	w.pages++
	w.pageW, w.pageH = size.W, size.H
	w.y = marginTop
	w.drawFooter()
	if w.header != nil {
		w.drawHeader()
	}
	w.bodyTop = w.y
}

// ensure starts a new page unless h more points fit on this one; it reports whether it did.
func (w *pdfWriter) ensure(h float64) bool {
	if w.y+h <= w.bottom() || w.y == w.bodyTop {
		return false
	}
	w.newPage()
	return true
}

func (w *pdfWriter) drawHeader() {
	h := w.header
	cw := w.contentW()
	for _, ln := range w.wrap(bold, titleSize, cw, h.title) {
		w.textAligned(bold, titleSize, marginX, cw, w.y, titleLineH, ln, AlignCenter)
		w.y += titleLineH
	}
	w.y += 2
	unitW := w.width(regular, infoSize, h.unit)
	w.textAligned(regular, infoSize, marginX, cw, w.y, infoLineH, h.unit, AlignRight)
	for _, ln := range w.wrap(regular, infoSize, cw-unitW-12, h.info) {
		w.text(regular, infoSize, marginX, w.y, infoLineH, ln)
		w.y += infoLineH
	}
	w.y += 2
	w.rule(w.y, 0.8, 0)
	w.y += 8
}

func (w *pdfWriter) drawFooter() {
	cw := w.contentW()
	ruleY := w.pageH - footerRuleY
	w.rule(ruleY, 0.5, 120)
	top := ruleY + 4
	// Text takes the fill colour: no colour is written per text object, which would cost
	// about 5% of a big report. Everything that changes the fill resets it to black.
	w.fillColor(90, 90, 90)
	if w.footer.generated != "" {
		w.text(regular, footerSize, marginX, top, footerLineH, "生成时间："+w.footer.generated)
	}
	w.textAligned(regular, footerSize, marginX, cw, top, footerLineH, w.footer.chain.String(), AlignRight)
	w.fillColor(0, 0, 0)
	// "共 M 页" is unknown until the end: finish writes it.
	w.late = append(w.late, lateText{page: w.pages, x: marginX + cw/3, y: top + (footerLineH-footerSize)/2 + 0.88*footerSize,
		width: cw / 3, size: footerSize, toc: -1, centered: true})
}

// rule draws a horizontal line across the content width.
func (w *pdfWriter) rule(y, lineW float64, gray uint8) {
	w.lineWidth(lineW)
	w.strokeColor(gray, gray, gray)
	w.line(marginX, y, w.pageW-marginX, y)
}

// doc lays out one Doc from a new page.
func (w *pdfWriter) doc(d Doc) error {
	info := make([]string, 0, 3)
	if d.Community != "" {
		info = append(info, d.Community)
	}
	if d.Book != "" {
		info = append(info, "账簿："+d.Book)
	}
	if d.Period != "" {
		info = append(info, "期间："+d.Period)
	}
	w.header = &pageHeader{title: d.Title, info: strings.Join(info, "　"), unit: d.unit()}
	w.landscape = d.Landscape
	w.newPage()
	w.marks = append(w.marks, outline{d.Title, w.pages})
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case Heading:
			w.heading(string(b))
		case Paragraph:
			w.paragraph(string(b))
		case Fields:
			w.fields(b)
		case *Table:
			if b == nil {
				continue
			}
			if err := w.table(b); err != nil {
				return err
			}
		case PageBreak:
			if w.y > w.bodyTop {
				w.newPage()
			}
		case SignLines:
			w.signLines(b)
		case HalfPage:
			w.halfPage()
		default:
			return fmt.Errorf("report: unknown block %T", b)
		}
	}
	if len(d.Signatures) > 0 {
		w.signatures(d.Signatures)
	}
	return nil
}

func (w *pdfWriter) heading(s string) {
	lines := w.wrap(bold, headingSize, w.contentW(), s)
	gap := 6.0
	if w.y == w.bodyTop {
		gap = 0
	}
	// Keep a heading with at least three lines of what follows it.
	if w.ensure(gap + float64(len(lines))*headingLineH + 3*bodyLineH) {
		gap = 0
	}
	w.y += gap
	for _, ln := range lines {
		w.text(bold, headingSize, marginX, w.y, headingLineH, ln)
		w.y += headingLineH
	}
	w.y += 2
}

func (w *pdfWriter) paragraph(s string) {
	for _, ln := range w.wrap(regular, bodySize, w.contentW(), s) {
		w.ensure(bodyLineH)
		w.text(regular, bodySize, marginX, w.y, bodyLineH, ln)
		w.y += bodyLineH
	}
	w.y += 4
}

// fields sets label–value pairs in two columns when every pair fits in half the width.
func (w *pdfWriter) fields(fs Fields) {
	const gutter = 16.0
	cw := w.contentW()
	texts := make([]string, len(fs))
	cols := 2
	colW := (cw - gutter) / 2
	for i, f := range fs {
		texts[i] = f.Label + "：" + f.Value
		if strings.Contains(f.Value, "\n") || w.width(regular, bodySize, clean(texts[i])) > colW {
			cols = 1
		}
	}
	if cols == 1 {
		colW = cw
	}
	for i := 0; i < len(texts); i += cols {
		row := make([][]string, 0, cols)
		n := 0
		for j := i; j < i+cols && j < len(texts); j++ {
			ls := w.wrap(regular, bodySize, colW, texts[j])
			row = append(row, ls)
			n = max(n, len(ls))
		}
		w.ensure(float64(n) * bodyLineH)
		for c, ls := range row {
			x := marginX + float64(c)*(colW+gutter)
			for k, ln := range ls {
				w.text(regular, bodySize, x, w.y+float64(k)*bodyLineH, bodyLineH, ln)
			}
		}
		w.y += float64(n) * bodyLineH
	}
	w.y += 4
}

// signatures draws "编制人：________" slots side by side, kept together on one page.
func (w *pdfWriter) signatures(labels []string) {
	const h = 46.0
	w.ensure(h)
	w.y += 24
	w.signSlots(labels)
	w.y += h - 24
}

// signSlots draws labelled signature lines side by side at the current position.
func (w *pdfWriter) signSlots(labels []string) {
	slot := w.contentW() / float64(len(labels))
	w.lineWidth(0.6)
	w.strokeColor(0, 0, 0)
	for i, l := range labels {
		x := marginX + float64(i)*slot
		label := l + "："
		w.text(regular, bodySize, x, w.y, bodyLineH, label)
		lx := x + w.width(regular, bodySize, label) + 2
		w.line(lx, w.y+bodyLineH-1, x+slot-14, w.y+bodyLineH-1)
	}
}

// cover is the first page of a package.
func (w *pdfWriter) cover(p Package) {
	w.header = nil
	w.landscape = false
	w.newPage()
	w.marks = append(w.marks, outline{"封面", w.pages})
	cw := w.contentW()
	w.y = w.pageH * 0.28
	for _, ln := range w.wrap(bold, 24, cw, p.Title) {
		w.textAligned(bold, 24, marginX, cw, w.y, 34, ln, AlignCenter)
		w.y += 34
	}
	w.y += 36
	lines := []string{}
	if p.Community != "" {
		lines = append(lines, "物业管理区域："+p.Community)
	}
	if p.Year != 0 {
		lines = append(lines, "会计年度："+strconv.Itoa(p.Year)+" 年")
	}
	if p.Generated != "" {
		lines = append(lines, "生成时间："+p.Generated)
	}
	lines = append(lines, "数据链头：#"+strconv.FormatInt(p.Chain.Seq, 10)+" "+p.Chain.Hash)
	for _, l := range lines {
		for _, ln := range w.wrap(regular, 12, cw, l) {
			w.textAligned(regular, 12, marginX, cw, w.y, 22, ln, AlignCenter)
			w.y += 22
		}
	}
	if len(p.Signatures) > 0 {
		w.y = w.bottom() - 90
		w.signatures(p.Signatures)
	}
}

// contents lists the package's Docs with page-number placeholders filled in at the end. It
// is laid out before the Docs, so its own length is known when they are numbered.
func (w *pdfWriter) contents(p Package, sections []Section) {
	w.header = &pageHeader{title: p.Title, info: p.Community}
	w.landscape = false
	w.newPage()
	w.marks = append(w.marks, outline{"目录", w.pages})
	cw := w.contentW()
	w.textAligned(bold, 16, marginX, cw, w.y, 26, "目　　录", AlignCenter)
	w.y += 34
	const numW = 36.0
	const size, lh = bodySize + 1, bodyLineH + 4
	// Entry numbers sit in a slot as wide as the largest one, so titles line up.
	slot := w.width(regular, size, strconv.Itoa(len(sections))+".") + size
	for i, d := range sections {
		title := d.Title
		if d.Book != "" && !strings.Contains(d.Title, d.Book) {
			title += "（" + d.Book + "）"
		}
		lines := w.wrap(regular, size, cw-slot-numW-12, title)
		w.ensure(float64(len(lines)) * lh)
		w.textAligned(regular, size, marginX, slot-size, w.y, lh, strconv.Itoa(i+1)+".", AlignRight)
		for _, ln := range lines {
			w.text(regular, size, marginX+slot, w.y, lh, ln)
			w.y += lh
		}
		top := w.y - lh
		endX := marginX + slot + w.width(regular, size, lines[len(lines)-1]) + 4
		if endX < marginX+cw-numW-4 {
			w.lineWidth(0.8)
			w.strokeColor(140, 140, 140)
			w.lineType("dotted")
			w.line(endX, top+lh*0.72, marginX+cw-numW+4, top+lh*0.72)
			w.lineType("")
		}
		w.late = append(w.late, lateText{page: w.pages, x: marginX + cw - numW, y: top + (lh-size)/2 + 0.88*size,
			width: numW, size: size, toc: i})
	}
}
