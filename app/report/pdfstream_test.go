package report

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// countingWriter keeps only the number of bytes written.
type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// spoolInto makes the renderer set pages aside in a temporary file after 64 KB, in a temporary
// folder of the test's own (with a space and Chinese in its name, as on many Windows
// machines), which it returns.
func spoolInto(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "临时 文件")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"TMPDIR", "TMP", "TEMP"} {
		t.Setenv(v, dir)
	}
	was := spoolMem
	spoolMem = 64 << 10
	t.Cleanup(func() { spoolMem = was })
	return dir
}

// spooled is the size of the temporary files in dir.
func spooled(t *testing.T, dir string) (files int, size int64) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if fi, err := e.Info(); err == nil {
			files++
			size += fi.Size()
		}
	}
	return files, size
}

// The writer holds the page being laid out and, of the pages before it, only their
// compressed content, beyond a few MB in a temporary file: memory does not grow with the
// document (20,000 unit statements took 859 MB when gopdf held every page until the end).
func TestWriterHoldsOnlyTheCurrentPage(t *testing.T) {
	dir := spoolInto(t)
	w, err := newPDFWriterTo(&countingWriter{}, "t", "", "2026-01-05 09:30", ChainHead{Seq: 1, Hash: "ab"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.spool.close()
	for i := range 300 {
		if err := w.doc(unitStatement(i)); err != nil {
			t.Fatal(err)
		}
		if held := w.heldPages(); held != 1 {
			t.Fatalf("after %d pages the writer holds %d pages' content", w.pages, held)
		}
		if w.content.Len() > 64<<10 || w.spool.mem.Len() > spoolMem {
			t.Fatalf("%d bytes of the current page and %d of the pages before it in memory", w.content.Len(), w.spool.mem.Len())
		}
	}
	// The finished pages were set aside compressed, some 900 bytes each, in the file.
	if files, size := spooled(t, dir); files != 1 || size < 299*500 {
		t.Errorf("%d pages laid out, %d bytes in %d temporary files", w.pages, size, files)
	}
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
	w.spool.close()
	if files, _ := spooled(t, dir); files != 0 {
		t.Errorf("%d temporary files left", files)
	}
}

// A package given section by section is asked for each section only when the one before it
// has been laid out and set aside, and gives the same file as the same package given whole;
// the temporary file is gone at the end.
func TestPackageSectionsAreStreamedOneAtATime(t *testing.T) {
	dir := spoolInto(t)
	whole := samplePackage(400)
	want, err := RenderPackagePDF(whole)
	if err != nil {
		t.Fatal(err)
	}
	var out countingWriter
	streamed := whole
	streamed.Docs = nil
	streamed.Sections = whole.contents()
	var setAside []int64
	streamed.Each = func(yield func(Doc, error) bool) {
		for _, d := range whole.Docs {
			_, size := spooled(t, dir)
			setAside = append(setAside, size)
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
	// By the last section the pages before it are set aside (some 700 bytes each).
	if last := setAside[len(setAside)-1]; last < 400*400 {
		t.Errorf("only %d bytes set aside when the last section was asked for", last)
	}
	var again bytes.Buffer
	if err := RenderPackagePDFTo(&again, streamed); err != nil || !bytes.Equal(again.Bytes(), want) {
		t.Errorf("the streamed package differs from the whole one (%v)", err)
	}
	if files, _ := spooled(t, dir); files != 0 {
		t.Errorf("%d temporary files left", files)
	}
}

// An error while the sections are made fails the render and leaves no temporary file, and
// a count of sections other than the contents lists fails it too.
func TestStreamedPackageErrors(t *testing.T) {
	dir := spoolInto(t)
	p := samplePackage(200)
	docs := p.Docs
	p.Docs = nil
	p.Sections = Package{Docs: docs}.contents()
	boom := errors.New("boom")
	p.Each = func(yield func(Doc, error) bool) {
		for _, d := range docs[:len(docs)-1] {
			if !yield(d, nil) {
				return
			}
		}
		if files, _ := spooled(t, dir); files != 1 {
			t.Errorf("%d temporary files before the error, want the pages set aside in one", files)
		}
		yield(Doc{}, boom)
	}
	if err := RenderPackagePDFTo(&countingWriter{}, p); !errors.Is(err, boom) {
		t.Errorf("the section's error was not returned: %v", err)
	}
	if files, _ := spooled(t, dir); files != 0 {
		t.Errorf("%d temporary files left after the error", files)
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
		same := bytes.Equal(got, want)
		if f.name == "xlsx" { // excelize writes the zip's entries in no fixed order
			same = sameZipEntries(t, got, want)
		}
		if err != nil || !same {
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

// A temporary folder that cannot be written (missing, or a full disk) fails the render with a
// TempError naming the folder, which the caller turns into a message the user can act on.
func TestAnUnwritableTempFolderIsNamed(t *testing.T) {
	dir := spoolInto(t)
	gone := filepath.Join(dir, "不存在")
	for _, v := range []string{"TMPDIR", "TMP", "TEMP"} {
		t.Setenv(v, gone)
	}
	err := RenderPackagePDFTo(&countingWriter{}, samplePackage(400))
	var te *TempError
	if !errors.As(err, &te) || te.Dir != gone {
		t.Fatalf("err = %v, want a TempError naming %s", err, gone)
	}
}

// sameZipEntries tells whether two zip files hold the same entries with the same contents,
// in whatever order.
func sameZipEntries(t *testing.T, a, b []byte) bool {
	entries := func(z []byte) map[string]string {
		r, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, f := range r.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			out[f.Name] = string(data)
		}
		return out
	}
	return maps.Equal(entries(a), entries(b))
}
