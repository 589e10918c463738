package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/signintech/gopdf"

	"jiayuan/assets"
)

// The PDF side of the renderer: one pdfWriter per output file wraps a gopdf.GoPdf and adds
// what gopdf lacks — cached text measurement, line wrapping that suits Chinese, and the
// missing-glyph check.

const fontFamily = "NotoSansSC"

type fontStyle int

const (
	regular fontStyle = iota
	bold
)

var gopdfStyle = [...]int{regular: gopdf.Regular, bold: gopdf.Bold}

// MissingGlyphError is returned when a text holds a character the embedded font cannot draw
// (an emoji, a private-use character, a rare character outside CJK Extension A). gopdf would
// silently print a blank instead, and a blank where a digit or a name should be is not
// acceptable in a document for auditors.
type MissingGlyphError struct {
	Runes []rune // the characters, sorted, each once
}

func (e *MissingGlyphError) Error() string {
	parts := make([]string, len(e.Runes))
	for i, r := range e.Runes {
		parts[i] = fmt.Sprintf("%U %q", r, r)
	}
	return "report: the PDF font has no glyph for " + strings.Join(parts, ", ")
}

type pdfWriter struct {
	// gp measures text and, at the end, makes the font subset; it holds no pages.
	gp *gopdf.GoPdf

	out      *pdfOut
	spool    spool        // the finished pages' compressed content
	err      error        // the spool's first error
	content  bytes.Buffer // the current page's content stream
	pageFont pageFont     // the font the content stream has set
	num      []byte       // scratch for formatting numbers
	pageRec  []pageRec    // the pages written so far
	late     []lateText   // text whose value is known only at the end
	marks    []outline
	// tocStart is each section's first page, for the contents page of a package
	tocStart []int
	info     gopdf.PdfInfo

	// missing collects characters gopdf reported as absent from the font (it calls back and
	// carries on with a blank; we fail the export at the end).
	missing map[rune]bool

	// adv caches each rune's advance width per style in 1/1000 em. gopdf's own
	// MeasureTextWidth re-walks the subset tables on every call; the cache makes measuring a
	// 50,000-row table cheap.
	adv [2]map[rune]float64
	// gid caches each rune's glyph number per style, for the content streams.
	gid   [2]map[rune]uint16
	cmaps [2]*cmapTable

	// the font gopdf currently measures with, to skip redundant SetFont calls
	curStyle fontStyle
	curSize  float64

	pageW, pageH float64
	landscape    bool // orientation of the pages newPage adds
	pages        int
	y            float64 // current position, from the top of the page, in pt
	bodyTop      float64 // where the body of the current page starts, below the header
	footer       footerInfo
	header       *pageHeader // drawn on every new page; nil on the cover
}

// pageRec is a finished page: where its compressed content stream is in the spool, the
// checksum of its content so far, and its size.
type pageRec struct {
	off   int64
	n     int
	adler uint32
	w, h  float64
}

// lateText is a number printed where a placeholder was left: the page's "第 i 页 / 共 N 页"
// (toc < 0) or, on the contents page, the first page of section toc.
type lateText struct {
	page     int // 1-based
	x, y     float64
	width    float64
	size     float64
	toc      int
	centered bool
}

type outline struct {
	title string
	page  int
}

type footerInfo struct {
	generated string
	chain     ChainHead
}

// Page geometry, in points. gopdf.PageSizeA4 is 595 × 842.
const (
	marginX       = 42.0
	marginTop     = 30.0
	footerRuleY   = 34.0 // distance of the footer rule from the bottom edge
	bodyBottomGap = 44.0 // no body content below pageH - bodyBottomGap
)

// newPDFWriter makes a writer whose output is thrown away; newPDFWriterTo one that writes.
func newPDFWriter(title, subject string, generated string, chain ChainHead) (*pdfWriter, error) {
	return newPDFWriterTo(io.Discard, title, subject, generated, chain)
}

func newPDFWriterTo(out io.Writer, title, subject string, generated string, chain ChainHead) (*pdfWriter, error) {
	cm, err := fontCmaps()
	if err != nil {
		return nil, fmt.Errorf("report: loading the PDF font: %w", err)
	}
	w := &pdfWriter{
		gp:      &gopdf.GoPdf{},
		out:     newPDFOut(out),
		missing: map[rune]bool{},
		adv:     [2]map[rune]float64{{}, {}},
		gid:     [2]map[rune]uint16{{}, {}},
		cmaps:   cm,
		footer:  footerInfo{generated: generated, chain: chain},
	}
	w.gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	w.gp.SetNoCompression() // fontObjects compresses what it copies (pdfdeflate.go)
	onMissing := func(r rune) { w.missing[r] = true }
	for _, f := range []struct {
		data  []byte
		style fontStyle
	}{{assets.FontRegular(), regular}, {assets.FontBold(), bold}} {
		err := w.gp.AddTTFFontDataWithOption(fontFamily, f.data, gopdf.TtfOption{
			Style:           gopdfStyle[f.style],
			OnGlyphNotFound: onMissing,
		})
		if err != nil {
			return nil, fmt.Errorf("report: loading the PDF font: %w", err)
		}
	}
	w.info = gopdf.PdfInfo{
		Title:    title,
		Subject:  subject,
		Creator:  "家园账本 Jiayuan Ledger",
		Producer: "gopdf",
		// Fixed from the caller's string rather than the clock: the same Doc must give the
		// same bytes.
		CreationDate: parseGenerated(generated),
	}
	w.curSize = -1
	return w, nil
}

// finish writes the pages set aside, each completed with what only the end can tell (its
// number, and on the contents page the sections' first pages), then the font subset, the page
// tree and the outline — or returns the missing-glyph error.
func (w *pdfWriter) finish() error {
	w.endPage()
	// Labels are measured first: measuring adds their characters to the font subset.
	labels := make([]string, len(w.late))
	for i, l := range w.late {
		labels[i] = w.lateLabel(l)
		w.width(regular, l.size, labels[i])
	}
	if err := w.checkGlyphs(); err != nil {
		return err
	}
	body, err := w.writePages(labels)
	if err != nil {
		return err
	}
	o := w.out
	res, err := o.fontObjects(w)
	if err != nil {
		return fmt.Errorf("report: writing the PDF fonts: %w", err)
	}
	pages := o.alloc()
	kids := make([]int, len(w.pageRec))
	for i := range kids {
		kids[i] = o.alloc()
	}
	var b strings.Builder
	b.WriteString("<<\n/Type /Pages\n/Count " + strconv.Itoa(len(kids)) + "\n/Kids [")
	for _, k := range kids {
		b.WriteString(" " + strconv.Itoa(k) + " 0 R")
	}
	b.WriteString(" ]\n>>\n")
	o.object(pages, b.String())
	for i, p := range w.pageRec {
		o.object(kids[i], fmt.Sprintf("<<\n/Type /Page\n/Parent %d 0 R\n/Resources %d 0 R\n/Contents %d 0 R\n/MediaBox [ 0 0 %.2f %.2f ]\n>>\n",
			pages, res, body[i], p.w, p.h))
	}
	catalog := o.alloc()
	cat := fmt.Sprintf("<<\n/Type /Catalog\n/Pages %d 0 R\n", pages)
	if len(w.marks) > 0 {
		cat += fmt.Sprintf("/PageMode /UseOutlines\n/Outlines %d 0 R\n", w.writeOutline(kids))
	}
	o.object(catalog, cat+">>\n")
	return o.finish(catalog, w.infoDict())
}

// writePages copies each page's content stream out of the spool, completed with its late
// texts (labels, in the order of w.late), and returns the streams' object numbers.
func (w *pdfWriter) writePages(labels []string) ([]int, error) {
	if w.err != nil {
		return nil, fmt.Errorf("report: setting the pages aside: %w", w.err)
	}
	spooled, err := w.spool.reader()
	if err != nil {
		return nil, fmt.Errorf("report: setting the pages aside: %w", err)
	}
	body := make([]int, len(w.pageRec))
	for i, j := 0, 0; i < len(w.pageRec); i++ {
		w.content.Reset()
		w.pageFont = pageFont{} // the page's own stream may have left any font set
		w.pageH = w.pageRec[i].h
		for ; j < len(w.late) && w.late[j].page == i+1; j++ {
			l := w.late[j]
			if l.toc < 0 {
				w.fillColor(90, 90, 90) // the footer's grey (drawFooter)
			}
			x := l.x + l.width - w.width(regular, l.size, labels[j])
			if l.centered {
				x = l.x + (l.width-w.width(regular, l.size, labels[j]))/2
			}
			w.drawText(regular, l.size, x, l.y, labels[j])
			if l.toc < 0 {
				w.fillColor(0, 0, 0)
			}
		}
		body[i] = w.out.alloc()
		if err := w.out.pageStream(body[i], w.pageRec[i], spooled, w.content.Bytes()); err != nil {
			return nil, fmt.Errorf("report: writing the pages: %w", err)
		}
	}
	return body, nil
}

// writeOutline writes the bookmarks, one per Doc (and the cover and contents of a package),
// each opening its page at the top, and returns the outline's number.
func (w *pdfWriter) writeOutline(kids []int) int {
	o := w.out
	root := o.alloc()
	first := o.alloc()
	for range w.marks[1:] {
		o.alloc()
	}
	o.object(root, fmt.Sprintf("<<\n/Type /Outlines\n/Count %d\n/First %d 0 R\n/Last %d 0 R\n>>\n", len(w.marks), first, first+len(w.marks)-1))
	var b strings.Builder
	for i, m := range w.marks {
		b.Reset()
		fmt.Fprintf(&b, "<<\n/Parent %d 0 R\n/Title %s\n/Dest [%d 0 R /XYZ 0 %.2f 0]\n", root, pdfText(m.title), kids[m.page-1], w.pageRec[m.page-1].h)
		if i > 0 {
			fmt.Fprintf(&b, "/Prev %d 0 R\n", first+i-1)
		}
		if i < len(w.marks)-1 {
			fmt.Fprintf(&b, "/Next %d 0 R\n", first+i+1)
		}
		b.WriteString(">>\n")
		o.object(first+i, b.String())
	}
	return root
}

// infoDict is the document information gopdf used to write.
func (w *pdfWriter) infoDict() string {
	var b strings.Builder
	for _, f := range []struct{ key, val string }{{"Title", w.info.Title}, {"Subject", w.info.Subject},
		{"Creator", w.info.Creator}, {"Producer", w.info.Producer}} {
		if f.val != "" {
			b.WriteString("/" + f.key + " " + pdfText(f.val) + "\n")
		}
	}
	if t := w.info.CreationDate; !t.IsZero() {
		b.WriteString("/CreationDate(D:" + t.Format("20060102150405-07'00'") + ")\n")
	}
	return b.String()
}

func (w *pdfWriter) checkGlyphs() error {
	if len(w.missing) == 0 {
		return nil
	}
	rs := make([]rune, 0, len(w.missing))
	for r := range w.missing {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	return &MissingGlyphError{Runes: rs}
}

func (w *pdfWriter) setFont(s fontStyle, size float64) {
	if s == w.curStyle && size == w.curSize {
		return
	}
	// Only fails for an unknown family, which newPDFWriter has registered.
	_ = w.gp.SetFontWithStyle(fontFamily, gopdfStyle[s], size)
	w.curStyle, w.curSize = s, size
}

// width is the advance width of s in style st at size pt.
func (w *pdfWriter) width(st fontStyle, size float64, s string) float64 {
	var sum float64
	for _, r := range s {
		a, ok := w.adv[st][r]
		if !ok {
			a = w.measureRune(st, r)
		}
		sum += a
	}
	return sum * size / 1000
}

// measureRune measures r in gopdf, which also puts it in the font subset (or reports it
// missing). gopdf's font is only ever set for this: the writer draws the text itself.
func (w *pdfWriter) measureRune(st fontStyle, r rune) float64 {
	w.setFont(st, 1000)
	a, err := w.gp.MeasureTextWidth(string(r))
	if err != nil {
		a = 1000
	}
	w.adv[st][r] = a
	return a
}

// text draws s with its top-left corner at (x, top) for a line of height lineH.
func (w *pdfWriter) text(st fontStyle, size, x, top, lineH float64, s string) {
	if s == "" {
		return
	}
	// Noto Sans SC's typographic ascender is 0.88 em; centre the em box in the line.
	w.drawText(st, size, x, top+(lineH-size)/2+0.88*size, s)
}

// textAligned draws one line in a box of width boxW starting at x.
func (w *pdfWriter) textAligned(st fontStyle, size, x, boxW, top, lineH float64, s string, a Align) {
	switch a {
	case AlignRight:
		x += boxW - w.width(st, size, s)
	case AlignCenter:
		x += (boxW - w.width(st, size, s)) / 2
	}
	w.text(st, size, x, top, lineH, s)
}

// clean makes user text printable: tabs become spaces and CR/CRLF become LF. Other control
// characters are left alone so that they fail the export rather than vanish.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\t", " ")
}

// wrap breaks s into lines no wider than maxW. Chinese may break between any two characters,
// but runs of ASCII (amounts, voucher numbers, English words) are kept whole where they fit,
// and closing punctuation never starts a line. "\n" forces a break. It never drops a
// character: a run wider than the line is broken between characters.
func (w *pdfWriter) wrap(st fontStyle, size, maxW float64, s string) []string {
	s = clean(s)
	if s == "" {
		return []string{""}
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = w.wrapLine(lines, st, size, maxW, para)
	}
	return lines
}

func (w *pdfWriter) wrapLine(lines []string, st fontStyle, size, maxW float64, s string) []string {
	if w.width(st, size, s) <= maxW {
		return append(lines, s)
	}
	limit := maxW * 1000 / size // in 1/1000 em, to avoid a multiplication per rune
	start := 0                  // byte offset of the current line
	lineW := 0.0
	lastBreak, widthAtBreak := -1, 0.0 // latest allowed break inside the line
	var prev rune
	for i, r := range s {
		a, ok := w.adv[st][r]
		if !ok {
			a = w.measureRune(st, r)
		}
		if i > start && canBreakBefore(prev, r) {
			lastBreak, widthAtBreak = i, lineW
		}
		// A loop, because after breaking at an earlier opportunity the carried-over run plus
		// this rune may still not fit; then it breaks again right here.
		for lineW+a > limit && i > start {
			brk := i
			if lastBreak > start {
				brk = lastBreak
				lineW -= widthAtBreak
			} else {
				lineW = 0
			}
			lines = append(lines, strings.TrimRight(s[start:brk], " "))
			// A space at a break is eaten, not carried to the next line.
			for brk < i && s[brk] == ' ' {
				lineW -= w.adv[st][' ']
				brk++
			}
			start = brk
			lastBreak = -1
		}
		lineW += a
		prev = r
	}
	return append(lines, s[start:])
}

// canBreakBefore reports whether a line may break between a and b.
func canBreakBefore(a, b rune) bool {
	if isNoLineStart(b) {
		return false
	}
	if a == ' ' {
		return true
	}
	// Keep ASCII words and numbers ("1,234.50", "记-0001") together.
	return !(isASCIIWord(a) && isASCIIWord(b))
}

func isASCIIWord(r rune) bool { return r > ' ' && r < utf8.RuneSelf }

// isNoLineStart lists punctuation that Chinese typesetting keeps off the start of a line.
func isNoLineStart(r rune) bool {
	return strings.ContainsRune("，。、；：？！）》」』】〕〉］｝”’…—％,.;:?!)]}%", r)
}
