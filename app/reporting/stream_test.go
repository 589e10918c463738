package reporting_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jiayuan/app/report"
	"jiayuan/app/reporting"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// Every unit's statement in one PDF is built as it is rendered: the package holds the
// contents' titles and a way to make the statements, one at a time, in the same order — not
// 20,000 statements at once.
func TestUnitStatementsPackageIsMadeAsItIsRendered(t *testing.T) {
	s := openLedger(t)
	p := params(t, s, y2025From, y2025To)
	b, err := reporting.Build(s, reporting.KindUnitStatements, p, "pdf")
	if err != nil {
		t.Fatal(err)
	}
	units, _, err := s.Units(store.UnitFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if b.Pkg == nil || len(b.Pkg.Docs) != 0 || b.Pkg.Each == nil || len(b.Pkg.Sections) != len(units) {
		t.Fatalf("the package is not streamed: %d docs, %d sections for %d units", len(b.Pkg.Docs), len(b.Pkg.Sections), len(units))
	}
	i := 0
	for d, err := range b.Pkg.Each {
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != b.Pkg.Sections[i].Title || d.Book != b.Pkg.Sections[i].Book {
			t.Errorf("section %d is %q (%s), the contents say %q (%s)", i+1, d.Title, d.Book, b.Pkg.Sections[i].Title, b.Pkg.Sections[i].Book)
		}
		i++
	}
	if i != len(units) {
		t.Errorf("%d statements for %d units", i, len(units))
	}

	// Written straight to the file (a folder with spaces and Chinese in its name), the same
	// bytes as rendered in memory.
	want := render(t, s, reporting.KindUnitStatements, p, "pdf")
	path := filepath.Join(t.TempDir(), "报表 输出", "分户账 2025.pdf")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	n, err := reporting.WriteFileFrom(path, b.RenderTo)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if n != int64(len(got)) || !bytes.Equal(got, want) {
		t.Errorf("file of %d bytes (said %d) differs from the %d rendered in memory", len(got), n, len(want))
	}
}

// A renderer's error leaves no file behind and the file it would replace as it was; the error
// is the renderer's own, not a failure to write.
func TestWriteFileFromLeavesNothingOnAnError(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "导出 目录")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "旧 报表.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	refused := ledger.Refuse("report.no_units")
	_, err := reporting.WriteFileFrom(path, func(w io.Writer) error {
		if _, err := w.Write(bytes.Repeat([]byte("x"), 1<<20)); err != nil {
			return err
		}
		return refused
	})
	if !errors.Is(err, refused) {
		t.Errorf("err = %v, want the renderer's refusal", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files left in the folder, want only the old one", len(entries))
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("the old file was changed: %q", b)
	}
}

// A character the font lacks in one of many streamed statements is refused naming where it
// stands, as for a single statement.
func TestAMissingGlyphInAStreamedPackageIsNamed(t *testing.T) {
	s, err := store.Create(t.TempDir()+"/x.jiayuan", store.Community{Name: "测试小区", StartDate: "2025-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bid, _ := s.AddBuilding(store.Building{Code: "1号"})
	for i, name := range []string{"张三", "李四", "王😀明", "赵六"} {
		oid, _ := s.AddOwner(store.Owner{Name: name})
		if _, err := s.AddUnit(store.Unit{BuildingID: bid, Room: string(rune('1'+i)) + "01", AreaCM2: 9000, HousingType: "commodity",
			Initial: ledger.Yuan(5000), OwnerID: oid}); err != nil {
			t.Fatal(err)
		}
	}
	_, err = reporting.Render(s, reporting.KindUnitStatements, params(t, s, "2025-01-01", "2025-12-31"), "pdf")
	var le *ledger.Error
	if !errors.As(err, &le) || le.Key != "report.missing_glyph" {
		t.Fatalf("err = %v, want the refusal report.missing_glyph", err)
	}
	if !strings.Contains(le.Args["where"], "王😀明") {
		t.Errorf("refusal args %v do not say where the character is", le.Args)
	}
}

// The workbook of every unit's statement holds the per-unit summary; the table of all their
// lines is made as it is written, one statement at a time.
func TestUnitStatementsWorkbookLinesAreMadeAsTheyAreWritten(t *testing.T) {
	s := openLedger(t)
	b, err := reporting.Build(s, reporting.KindUnitStatements, params(t, s, y2025From, y2025To), "xlsx")
	if err != nil {
		t.Fatal(err)
	}
	var lines *report.Table
	for _, bl := range b.Doc.Blocks {
		if tb, ok := bl.(*report.Table); ok && tb.Title == "分户明细" {
			lines = tb
		}
	}
	if lines == nil || lines.Rows != nil || lines.Each == nil {
		t.Fatalf("the lines table is not made as it is written: %+v", lines)
	}
	n := 0
	for r, err := range lines.EachRow() {
		if err != nil {
			t.Fatal(err)
		}
		if len(r) != len(lines.Columns) {
			t.Fatalf("line %d has %d cells for %d columns", n+1, len(r), len(lines.Columns))
		}
		n++
	}
	units, _, _ := s.Units(store.UnitFilter{Limit: 1000})
	if n < len(units) { // every statement has at least its opening line
		t.Errorf("%d lines for %d units", n, len(units))
	}
}
