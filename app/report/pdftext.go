package report

import (
	"bytes"
	"fmt"
	"slices"
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
	gp *gopdf.GoPdf

	// missing collects characters gopdf reported as absent from the font (it calls back and
	// carries on with a blank; we fail the export at the end).
	missing map[rune]bool

	// adv caches each rune's advance width per style in 1/1000 em. gopdf's own
	// MeasureTextWidth re-walks the subset tables on every call; the cache makes measuring a
	// 50,000-row table cheap.
	adv [2]map[rune]float64

	// the font gopdf currently has, to skip redundant SetFont calls
	curStyle fontStyle
	curSize  float64
	gpY      float64 // gopdf's current y, set by moveTo

	pageW, pageH float64
	landscape    bool // orientation of the pages newPage adds
	pages        int
	y            float64 // current position, from the top of the page, in pt
	bodyTop      float64 // where the body of the current page starts, below the header
	footer       footerInfo
	header       *pageHeader // drawn on every new page; nil on the cover
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

func newPDFWriter(title, subject string, generated string, chain ChainHead) (*pdfWriter, error) {
	w := &pdfWriter{
		gp:      &gopdf.GoPdf{},
		missing: map[rune]bool{},
		adv:     [2]map[rune]float64{{}, {}},
		footer:  footerInfo{generated: generated, chain: chain},
	}
	w.gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	w.gp.SetNoCompression() // the deflater compresses (pdfdeflate.go)
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
	w.gp.SetInfo(gopdf.PdfInfo{
		Title:    title,
		Subject:  subject,
		Creator:  "家园账本 Jiayuan Ledger",
		Producer: "gopdf",
		// Fixed from the caller's string rather than the clock: the same Doc must give the
		// same bytes.
		CreationDate: parseGenerated(generated),
	})
	w.curSize = -1
	return w, nil
}

// finish fills the page-number placeholders and returns the file, or the missing-glyph error.
func (w *pdfWriter) finish() ([]byte, error) {
	w.setFont(regular, footerSize)
	for i := 1; i <= w.pages; i++ {
		label := fmt.Sprintf("第 %d 页 / 共 %d 页", i, w.pages)
		if err := w.gp.FillInPlaceHoldText(pagePlaceholder(i), label, gopdf.Center); err != nil {
			return nil, fmt.Errorf("report: page numbers: %w", err)
		}
	}
	if err := w.checkGlyphs(); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	d := newDeflater(&out)
	_, err := w.gp.WriteTo(d)
	if err == nil {
		err = d.finish()
	}
	if err != nil {
		return nil, fmt.Errorf("report: writing the PDF: %w", err)
	}
	return out.Bytes(), nil
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

func (w *pdfWriter) measureRune(st fontStyle, r rune) float64 {
	cs, csz := w.curStyle, w.curSize
	w.setFont(st, 1000)
	a, err := w.gp.MeasureTextWidth(string(r))
	if err != nil {
		a = 1000
	}
	w.adv[st][r] = a
	w.setFont(cs, csz)
	return a
}

// text draws s with its top-left corner at (x, top) for a line of height lineH.
func (w *pdfWriter) text(st fontStyle, size, x, top, lineH float64, s string) {
	if s == "" {
		return
	}
	w.setFont(st, size)
	// Noto Sans SC's typographic ascender is 0.88 em; centre the em box in the line.
	w.moveTo(x, top+(lineH-size)/2+0.88*size)
	_ = w.gp.Text(s) // gopdf's Text only fails for font errors that newPDFWriter rules out
}

// moveTo sets gopdf's text position. Each gopdf setter heap-allocates its argument, which
// adds up over a 50,000-row table, so y is only set when it changes (a table row's cells
// share it).
func (w *pdfWriter) moveTo(x, y float64) {
	if y != w.gpY {
		w.gp.SetY(y)
		w.gpY = y
	}
	w.gp.SetX(x)
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
