package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// countingWriter keeps only the number of bytes written.
type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// The writer holds the page being laid out and nothing of the pages before it: each page's
// content stream is written out when the page is done, so memory does not grow with the
// document (20,000 unit statements took 859 MB when every page was held until the end).
func TestWriterHoldsOnlyTheCurrentPage(t *testing.T) {
	var out countingWriter
	w, err := newPDFWriterTo(&out, "t", "", "2026-01-05 09:30", ChainHead{Seq: 1, Hash: "ab"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		if err := w.doc(unitStatement(i)); err != nil {
			t.Fatal(err)
		}
		if held := w.heldPages(); held != 1 {
			t.Fatalf("after %d pages the writer holds %d pages' content", w.pages, held)
		}
		if w.content.Len() > 64<<10 {
			t.Fatalf("the current page's content is %d bytes", w.content.Len())
		}
	}
	// The finished pages went out before the end: some 900 bytes each, compressed (the
	// writer's buffer holds at most 64 KB of them).
	if min := 299 * 500; w.out.n < int64(min) || out.n < min-64<<10 {
		t.Errorf("%d pages laid out but only %d bytes written (%d reached the file)", w.pages, w.out.n, out.n)
	}
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
}

// A package given section by section is asked for each section only when the one before it
// has been laid out and written, and gives the same file as the same package given whole.
func TestPackageSectionsAreStreamedOneAtATime(t *testing.T) {
	whole := samplePackage(400)
	want, err := RenderPackagePDF(whole)
	if err != nil {
		t.Fatal(err)
	}
	var out countingWriter
	streamed := whole
	streamed.Docs = nil
	streamed.Sections = whole.contents()
	writtenBefore := make([]int, 0, len(whole.Docs))
	streamed.Each = func(yield func(Doc, error) bool) {
		for _, d := range whole.Docs {
			writtenBefore = append(writtenBefore, out.n)
			if !yield(d, nil) {
				return
			}
		}
	}
	if err := RenderPackagePDFTo(&out, streamed); err != nil {
		t.Fatal(err)
	}
	if out.n != len(want) {
		t.Fatalf("streamed package is %d bytes, the whole one %d", out.n, len(want))
	}
	// By the last section most of the pages must already be out (some 700 bytes each; the
	// writer's buffer holds up to 64 KB, and the fonts come at the end).
	if last := writtenBefore[len(writtenBefore)-1]; last < 400*400 {
		t.Errorf("only %d of %d bytes written when the last section was asked for", last, len(want))
	}
	var again bytes.Buffer
	if err := RenderPackagePDFTo(&again, streamed); err != nil || !bytes.Equal(again.Bytes(), want) {
		t.Errorf("the streamed package differs from the whole one (%v)", err)
	}
}

// An error while the sections are made fails the render, and so does a count of sections
// other than the contents lists.
func TestStreamedPackageErrors(t *testing.T) {
	p := samplePackage(3)
	docs := p.Docs
	p.Docs = nil
	p.Sections = Package{Docs: docs}.contents()
	boom := errors.New("boom")
	p.Each = func(yield func(Doc, error) bool) {
		if yield(docs[0], nil) {
			yield(Doc{}, boom)
		}
	}
	if err := RenderPackagePDFTo(&countingWriter{}, p); !errors.Is(err, boom) {
		t.Errorf("the section's error was not returned: %v", err)
	}
	p.Each = func(yield func(Doc, error) bool) { yield(docs[0], nil) }
	if err := RenderPackagePDFTo(&countingWriter{}, p); err == nil {
		t.Error("a package with fewer sections than its contents was rendered")
	}
}

// streamedCopy is doc with its table's rows given one at a time by Each, each a copy.
func streamedCopy(d Doc, fail error) Doc {
	blocks := make([]Block, len(d.Blocks))
	copy(blocks, d.Blocks)
	for i, b := range blocks {
		t, ok := b.(*Table)
		if !ok {
			continue
		}
		st := *t
		st.Rows = nil
		st.Each = func(yield func([]Cell, error) bool) {
			for k, r := range t.Rows {
				if fail != nil && k == len(t.Rows)/2 {
					yield(nil, fail)
					return
				}
				if !yield(append([]Cell(nil), r...), nil) {
					return
				}
			}
		}
		blocks[i] = &st
	}
	d.Blocks = blocks
	return d
}

// A table whose rows come one at a time gives the same PDF and workbook as the same rows
// held, and an error among its rows, or a row it could not print, fails the render.
func TestTableRowsGivenOneAtATime(t *testing.T) {
	d := sampleDoc(300)
	s := streamedCopy(d, nil)
	for _, f := range []struct {
		name   string
		render func(Doc) ([]byte, error)
	}{{"pdf", RenderPDF}, {"xlsx", RenderXLSX}} {
		want, err := f.render(d)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.render(s)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: a streamed table gives %d bytes (%v), held rows %d", f.name, len(got), err, len(want))
		}
		boom := errors.New("boom")
		if _, err := f.render(streamedCopy(d, boom)); !errors.Is(err, boom) {
			t.Errorf("%s: the rows' error was not returned: %v", f.name, err)
		}
		bad := streamedCopy(Doc{Title: "坏表", Blocks: []Block{&Table{Title: "日期", Columns: []Column{{Title: "日期", Kind: KindDate}},
			Rows: [][]Cell{{Date("2025-01-01")}, {Date("2025/01/02")}}}}}, nil)
		if _, err := f.render(bad); err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") {
			t.Errorf("%s: a streamed row with a bad date gave %v", f.name, err)
		}
	}
}
