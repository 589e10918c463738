package report

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"testing"
)

// The deflater rewrites gopdf's output: every content stream compressed, and the
// cross-reference table pointing at each object where it now starts.
func TestDeflatedPDFIsConsistent(t *testing.T) {
	pdf, err := RenderPackagePDF(samplePackage(40))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref at the end")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(pdf[xref:], []byte("xref\n0 ")) {
		t.Fatalf("startxref %d does not point at the table", xref)
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n \n`).FindAllSubmatch(pdf[xref:], -1)
	if len(entries) < 100 {
		t.Fatalf("only %d objects", len(entries))
	}
	for i, e := range entries {
		off, _ := strconv.Atoi(string(e[1]))
		if want := strconv.Itoa(i+1) + " 0 obj\n"; !bytes.HasPrefix(pdf[off:], []byte(want)) {
			t.Fatalf("object %d: offset %d holds %q", i+1, off, pdf[off:min(off+20, len(pdf))])
		}
	}
	if bytes.Contains(pdf, []byte("<<\n/Length ")) {
		t.Error("an uncompressed content stream is left")
	}
	streams := regexp.MustCompile(`<<\n/Filter/FlateDecode/Length (\d+)\n>>\nstream\n`).FindAllSubmatchIndex(pdf, -1)
	if len(streams) < 40 {
		t.Fatalf("%d compressed content streams for a package of 40 sections", len(streams))
	}
	for _, s := range streams {
		n, _ := strconv.Atoi(string(pdf[s[2]:s[3]]))
		data := pdf[s[1] : s[1]+n]
		if !bytes.HasPrefix(pdf[s[1]+n:], []byte("\nendstream\n")) {
			t.Fatal("a stream's length does not end at endstream")
		}
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, zr); err != nil {
			t.Fatal(err)
		}
	}
}

// Anything the deflater does not expect fails the export rather than writing a broken file.
func TestDeflaterRefusesAnUnexpectedLayout(t *testing.T) {
	var out bytes.Buffer
	d := newDeflater(&out)
	for _, p := range []string{"%PDF-1.7\n", "1 0 obj\n", "<<>>\n", "endobj\n\n", "3 0 obj\n"} {
		d.Write([]byte(p))
	}
	if err := d.finish(); err == nil {
		t.Error("an object out of order was accepted")
	}
	d = newDeflater(&out)
	for _, p := range []string{"%PDF-1.7\n", "1 0 obj\n", "<<>>\n", "endobj\n\n", "xref\n", "0 5\n", "trailer\n<<>>\n", "startxref\n", "9", "\n%%EOF\n"} {
		d.Write([]byte(p))
	}
	if err := d.finish(); err == nil {
		t.Error("a table of 5 entries for one object was accepted")
	}
}
