package report

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"strconv"
)

// gopdf now only makes the font subset (pdfout.go fontObjects): it writes a one-page document
// whose objects are copied into ours. The deflater reads that output as gopdf streams it
// (gopdf.WriteTo), compresses its uncompressed streams (the ToUnicode maps) with one writer
// reused for every stream (a zlib writer allocates about 1 MB of state), and records where
// each object starts; the cross-reference table is rewritten with the new offsets.
//
// This relies on how gopdf v0.33.0 writes (compilePdf): the header; per object one Write of
// "N 0 obj\n", the object's own Writes, one Write of "endobj\n\n"; then "xref\n", the table,
// the trailer, "startxref\n", the offset and "%%EOF". An uncompressed stream object is
// "<<\n/Length L\n>>\nstream\n" + L bytes + "endstream\n". Anything unexpected fails the
// export (pdf_test.go checks the result with a PDF reader when one is installed).

// deflateLevel trades size for time: level 6 makes a 5,000-page package about as small as
// gopdf's own compression did.
const deflateLevel = zlib.DefaultCompression

type deflater struct {
	out     *bytes.Buffer
	offsets []int64 // where each object starts in out
	state   int
	next    int          // the number of the object expected next
	obj     bytes.Buffer // the current object's body
	tail    bytes.Buffer // gopdf's xref and trailer
	zw      *zlib.Writer
	zbuf    bytes.Buffer
	err     error
}

const (
	inHeader = iota
	inObject
	betweenObjects
	inTail
)

func newDeflater(out *bytes.Buffer) *deflater {
	zw, _ := zlib.NewWriterLevel(nil, deflateLevel) // only fails for a bad level
	return &deflater{out: out, next: 1, zw: zw}
}

var errLayout = errors.New("report: unexpected PDF layout from gopdf")

func (d *deflater) objStart(p []byte) bool {
	return bytes.Equal(p, []byte(strconv.Itoa(d.next)+" 0 obj\n"))
}

// Write takes gopdf's output one Write at a time (see above).
func (d *deflater) Write(p []byte) (int, error) {
	if d.err != nil {
		return 0, d.err
	}
	switch d.state {
	case inHeader:
		if !d.objStart(p) {
			d.out.Write(p)
			return len(p), nil
		}
		d.startObject(p)
	case inObject:
		if string(p) != "endobj\n\n" {
			d.obj.Write(p)
			return len(p), nil
		}
		if d.err = d.endObject(); d.err != nil {
			return 0, d.err
		}
	case betweenObjects:
		switch {
		case d.objStart(p):
			d.startObject(p)
		case string(p) == "xref\n":
			d.state = inTail
			d.tail.Write(p)
		default:
			d.err = fmt.Errorf("%w: %q after object %d", errLayout, clipBytes(p), d.next-1)
			return 0, d.err
		}
	case inTail:
		d.tail.Write(p)
	}
	return len(p), nil
}

func (d *deflater) startObject(marker []byte) {
	d.offsets = append(d.offsets, int64(d.out.Len()))
	d.out.Write(marker)
	d.obj.Reset()
	d.state = inObject
}

var (
	contentHead = []byte("<<\n/Length ")
	streamHead  = []byte("\n>>\nstream\n")
	streamEnd   = []byte("endstream\n")
)

// endObject writes the object, its content stream compressed when it has an uncompressed one.
func (d *deflater) endObject() error {
	body := d.obj.Bytes()
	if data, ok := plainStream(body); ok {
		d.zbuf.Reset()
		d.zw.Reset(&d.zbuf)
		if _, err := d.zw.Write(data); err != nil {
			return err
		}
		if err := d.zw.Close(); err != nil {
			return err
		}
		fmt.Fprintf(d.out, "<<\n/Filter/FlateDecode/Length %d\n>>\nstream\n", d.zbuf.Len())
		d.out.Write(d.zbuf.Bytes())
		d.out.WriteString("\nendstream\n")
	} else {
		d.out.Write(body)
	}
	d.out.WriteString("endobj\n\n")
	d.next++
	d.state = betweenObjects
	return nil
}

// plainStream returns the data of an uncompressed content object.
func plainStream(body []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(body, contentHead)
	if !ok {
		return nil, false
	}
	i := bytes.IndexByte(rest, '\n')
	if i < 0 {
		return nil, false
	}
	n, err := strconv.Atoi(string(rest[:i]))
	if err != nil || n < 0 {
		return nil, false
	}
	rest, ok = bytes.CutPrefix(rest[i:], streamHead)
	if !ok || len(rest) != n+len(streamEnd) || !bytes.HasSuffix(rest, streamEnd) {
		return nil, false
	}
	return rest[:n], true
}

// finish writes the cross-reference table for the new offsets, with gopdf's trailer.
func (d *deflater) finish() error {
	if d.err != nil {
		return d.err
	}
	tail := d.tail.Bytes()
	t := bytes.Index(tail, []byte("trailer\n"))
	x := bytes.LastIndex(tail, []byte("startxref\n"))
	if d.state != inTail || t < 0 || x < t {
		return fmt.Errorf("%w: no trailer", errLayout)
	}
	var size int
	if _, err := fmt.Sscanf(string(tail), "xref\n0 %d\n", &size); err != nil || size != len(d.offsets)+1 {
		return fmt.Errorf("%w: the table has %d entries for %d objects", errLayout, size, len(d.offsets))
	}
	xref := d.out.Len()
	fmt.Fprintf(d.out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for _, off := range d.offsets {
		fmt.Fprintf(d.out, "%010d 00000 n \n", off)
	}
	d.out.Write(tail[t:x])
	fmt.Fprintf(d.out, "startxref\n%d\n%%%%EOF\n", xref)
	return nil
}

func clipBytes(p []byte) []byte {
	if len(p) > 40 {
		return p[:40]
	}
	return p
}
