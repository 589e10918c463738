package report

import (
	"hash/adler32"
	"math"
	"strconv"
)

// The drawing operators of a page's content stream, with gopdf v0.33's number formats, so that
// pages look as they did when gopdf wrote them, to the pixel. Unlike gopdf it leaves out what
// changes nothing — the q/Q around each line, a "0 Tc" per text, the font when it is the one
// already set on the page — which keeps a statement's page some 15% smaller. Coordinates are
// given from the top of the page, as everywhere in the layout, and turned to PDF's bottom-up
// ones here.

// endPage compresses the current page's content stream into the spool, if a page is open.
func (w *pdfWriter) endPage() {
	if w.pages == len(w.pageRec) {
		return
	}
	o := w.out
	o.zbuf.Reset()
	o.zw.Reset(&o.zbuf)
	_, err := o.zw.Write(w.content.Bytes())
	if err == nil {
		err = o.zw.Flush() // left open: finish appends the page's number
	}
	rec := pageRec{off: w.spool.size, n: o.zbuf.Len(), adler: adler32.Checksum(w.content.Bytes()), w: w.pageW, h: w.pageH}
	if err == nil {
		_, err = w.spool.Write(o.zbuf.Bytes())
	}
	if err != nil && w.err == nil {
		w.err = err
	}
	w.pageRec = append(w.pageRec, rec)
	w.content.Reset()
	w.pageFont = pageFont{}
}

// pageFont is the font set in the content stream so far; a page starts without one.
type pageFont struct {
	set   bool
	style fontStyle
	size  float64
}

// heldPages is how many pages' content the writer holds uncompressed: the current one only.
func (w *pdfWriter) heldPages() int { return w.pages - len(w.pageRec) }

func (w *pdfWriter) f2(v float64) {
	w.num = strconv.AppendFloat(w.num[:0], v, 'f', 2, 64)
	w.content.Write(w.num)
}

func (w *pdfWriter) op(s string) { w.content.WriteString(s) }

func (w *pdfWriter) lineWidth(v float64) {
	w.f2(v)
	w.op(" w\n")
}

func (w *pdfWriter) color(r, g, b uint8, op string) {
	for i, c := range [3]uint8{r, g, b} {
		if i > 0 {
			w.op(" ")
		}
		w.num = strconv.AppendFloat(w.num[:0], float64(c)/255, 'f', 3, 64)
		w.content.Write(w.num)
	}
	w.op(op)
}

// strokeColor sets the colour of lines.
func (w *pdfWriter) strokeColor(r, g, b uint8) { w.color(r, g, b, " RG\n") }

// fillColor sets the colour of fills and of text.
func (w *pdfWriter) fillColor(r, g, b uint8) { w.color(r, g, b, " rg\n") }

// lineType is "dashed", "dotted" or "" for solid lines.
func (w *pdfWriter) lineType(t string) {
	switch t {
	case "dashed":
		w.op("[5] 2 d\n")
	case "dotted":
		w.op("[2 3] 11 d\n")
	default:
		w.op("[] 0 d\n")
	}
}

func (w *pdfWriter) line(x1, y1, x2, y2 float64) {
	w.f2(x1)
	w.op(" ")
	w.f2(w.pageH - y1)
	w.op(" m ")
	w.f2(x2)
	w.op(" ")
	w.f2(w.pageH - y2)
	w.op(" l S\n")
}

// fillRect fills a rectangle given by its upper left corner.
func (w *pdfWriter) fillRect(x, y, wd, h float64) {
	w.f2(x)
	w.op(" ")
	w.f2(w.pageH - (y + h))
	w.op(" ")
	w.f2(wd)
	w.op(" ")
	w.f2(h)
	w.op(" re f\n")
}

const hexDigits = "0123456789ABCDEF"

// drawText writes s with its baseline at y. Every character is measured first, which puts it
// in gopdf's font subset and reports one the font lacks; a character without a glyph is left
// out, as gopdf did.
func (w *pdfWriter) drawText(st fontStyle, size, x, y float64, s string) {
	w.op("BT\n")
	w.f2(x)
	w.op(" ")
	w.f2(w.pageH - y)
	w.op(" TD\n")
	// The font is part of the graphics state, which lasts from one text object to the next.
	if f := (pageFont{true, st, size}); f != w.pageFont {
		w.op("/F")
		w.op(strconv.Itoa(int(st) + 1))
		w.op(" ")
		w.num = strconv.AppendFloat(w.num[:0], math.Round(size*1000)/1000, 'f', -1, 64)
		w.content.Write(w.num)
		w.op(" Tf\n")
		w.pageFont = f
	}
	w.op("[<")
	gids := w.gid[st]
	for _, r := range s {
		g, ok := gids[r]
		if !ok {
			if _, measured := w.adv[st][r]; !measured {
				w.measureRune(st, r)
			}
			gi, found := w.cmaps[st].glyphIndex(r)
			if !found || w.missing[r] {
				continue
			}
			g = uint16(gi)
			gids[r] = g
		}
		w.content.WriteByte(hexDigits[g>>12])
		w.content.WriteByte(hexDigits[g>>8&15])
		w.content.WriteByte(hexDigits[g>>4&15])
		w.content.WriteByte(hexDigits[g&15])
	}
	w.op(">] TJ\nET\n")
}

// lateLabel is the text of a number filled in at the end.
func (w *pdfWriter) lateLabel(l lateText) string {
	if l.toc < 0 {
		return "第 " + strconv.Itoa(l.page) + " 页 / 共 " + strconv.Itoa(w.pages) + " 页"
	}
	return strconv.Itoa(w.tocStart[l.toc])
}
