package report

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// pdfOut writes the PDF file's objects, so that a document of 20,000 pages is never held in
// memory: each page's content stream is compressed when the page is done and set aside
// (pdfspool.go); at the end, when the page numbers "共 N 页" and the contents page's numbers
// are known, each is completed with them and copied out, followed by the font subset (which
// must hold every glyph used), the page tree and the outline. gopdf, which holds every page
// until it writes, only measures text and makes the font subset (see fontObjects).

type pdfOut struct {
	w       *bufio.Writer
	n       int64   // bytes written so far
	offsets []int64 // offsets[i] is where object i+1 starts; -1 while only reserved
	err     error
	zw      *zlib.Writer  // one writer for every stream: a zlib writer allocates about 1 MB
	fw      *flate.Writer // the same for the last block of each page's stream
	zbuf    bytes.Buffer
}

func newPDFOut(w io.Writer) *pdfOut {
	zw, _ := zlib.NewWriterLevel(nil, deflateLevel) // only fails for a bad level
	fw, _ := flate.NewWriter(nil, deflateLevel)
	o := &pdfOut{w: bufio.NewWriterSize(w, 64<<10), zw: zw, fw: fw}
	o.writeString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return o
}

func (o *pdfOut) write(p []byte) {
	if o.err != nil {
		return
	}
	var n int
	n, o.err = o.w.Write(p)
	o.n += int64(n)
}

func (o *pdfOut) writeString(s string) {
	if o.err != nil {
		return
	}
	var n int
	n, o.err = o.w.WriteString(s)
	o.n += int64(n)
}

// alloc reserves the next object number.
func (o *pdfOut) alloc() int {
	o.offsets = append(o.offsets, -1)
	return len(o.offsets)
}

func (o *pdfOut) begin(num int) {
	o.offsets[num-1] = o.n
	o.writeString(strconv.Itoa(num) + " 0 obj\n")
}

func (o *pdfOut) end() { o.writeString("endobj\n\n") }

// object writes a dictionary (or any other non-stream) object.
func (o *pdfOut) object(num int, body string) {
	o.begin(num)
	o.writeString(body)
	o.end()
}

// pageStream writes a page's content stream: its compressed content, n bytes read from
// spooled (left open by a sync flush), then tail — what only the end knew — compressed as the
// stream's last block, and the checksum over both.
func (o *pdfOut) pageStream(num int, p pageRec, spooled io.Reader, tail []byte) error {
	o.zbuf.Reset()
	o.fw.Reset(&o.zbuf)
	if _, err := o.fw.Write(tail); err != nil {
		return err
	}
	if err := o.fw.Close(); err != nil {
		return err
	}
	sum := adler32Update(p.adler, tail)
	o.zbuf.Write([]byte{byte(sum >> 24), byte(sum >> 16), byte(sum >> 8), byte(sum)})
	o.begin(num)
	o.writeString("<<\n/Filter/FlateDecode/Length " + strconv.Itoa(p.n+o.zbuf.Len()) + "\n>>\nstream\n")
	if o.err == nil {
		var n int64
		n, o.err = io.CopyN(o.w, spooled, int64(p.n))
		o.n += n
	}
	o.write(o.zbuf.Bytes())
	o.writeString("\nendstream\n")
	o.end()
	return o.err
}

// finish writes the cross-reference table and the trailer.
func (o *pdfOut) finish(root int, info string) error {
	xref := o.n
	var b bytes.Buffer
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(o.offsets)+1)
	for i, off := range o.offsets {
		if off < 0 {
			return fmt.Errorf("report: PDF object %d reserved but never written", i+1)
		}
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
		if b.Len() > 32<<10 {
			o.write(b.Bytes())
			b.Reset()
		}
	}
	fmt.Fprintf(&b, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info <<\n%s >>\n>>\nstartxref\n%d\n%%%%EOF\n", len(o.offsets)+1, root, info, xref)
	o.write(b.Bytes())
	if o.err == nil {
		o.err = o.w.Flush()
	}
	return o.err
}

var objRef = regexp.MustCompile(`(\d+) 0 R`)

// fontObjects copies the fonts out of gopdf's own rendering of a one-page document, with every
// glyph measured or drawn so far in its subset: the resource dictionary gopdf writes for its
// pages and every object it refers to, renumbered into o. It returns the resource
// dictionary's number, which every page of ours refers to; gopdf names the fonts /F1 (regular)
// and /F2 (bold) there, as the content streams do.
func (o *pdfOut) fontObjects(w *pdfWriter) (int, error) {
	var raw bytes.Buffer
	d := newDeflater(&raw) // compresses the ToUnicode maps, and finds where each object starts
	if _, err := w.gp.WriteTo(d); err != nil {
		return 0, err
	}
	if err := d.finish(); err != nil {
		return 0, err
	}
	all := raw.Bytes()
	xref := bytes.LastIndex(all, []byte("endobj\n\nxref\n")) + len("endobj\n\n")
	objs := make([][]byte, len(d.offsets)) // object i+1's body, between "obj\n" and "endobj"
	res := 0
	for i, start := range d.offsets {
		stop := int64(xref)
		if i+1 < len(d.offsets) {
			stop = d.offsets[i+1]
		}
		b := all[start:stop]
		b = b[bytes.IndexByte(b, '\n')+1:]
		b, ok := bytes.CutSuffix(b, []byte("endobj\n\n"))
		if !ok {
			return 0, fmt.Errorf("%w: object %d", errLayout, i+1)
		}
		objs[i] = b
		if res == 0 && bytes.Contains(b, []byte("/ProcSet")) {
			res = i + 1
		}
	}
	if res == 0 {
		return 0, fmt.Errorf("%w: no resource dictionary", errLayout)
	}
	// Number the resource dictionary and everything it reaches.
	num := map[int]int{}
	order := []int{}
	var visit func(n int) error
	visit = func(n int) error {
		if _, ok := num[n]; ok {
			return nil
		}
		if n < 1 || n > len(objs) {
			return fmt.Errorf("%w: a reference to object %d", errLayout, n)
		}
		num[n] = o.alloc()
		order = append(order, n)
		for _, m := range objRef.FindAllSubmatch(dictPart(objs[n-1]), -1) {
			k, _ := strconv.Atoi(string(m[1]))
			if err := visit(k); err != nil {
				return err
			}
		}
		return nil
	}
	if err := visit(res); err != nil {
		return 0, err
	}
	for _, n := range order {
		b := objs[n-1]
		dict := dictPart(b)
		o.begin(num[n])
		o.write(objRef.ReplaceAllFunc(dict, func(m []byte) []byte {
			k, _ := strconv.Atoi(string(m[:bytes.IndexByte(m, ' ')]))
			return []byte(strconv.Itoa(num[k]) + " 0 R")
		}))
		o.write(b[len(dict):])
		o.end()
	}
	return num[res], nil
}

// dictPart is an object's body up to its stream data, which is never rewritten.
func dictPart(b []byte) []byte {
	if i := bytes.Index(b, []byte("stream\n")); i >= 0 {
		return b[:i]
	}
	return b
}

// pdfText is a text string of the document information or the outline: UTF-16BE in hex.
func pdfText(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			fmt.Fprintf(&b, "%04X%04X", 0xD800+(r>>10), 0xDC00+(r&0x3FF))
			continue
		}
		fmt.Fprintf(&b, "%04X", r)
	}
	b.WriteString(">")
	return b.String()
}
