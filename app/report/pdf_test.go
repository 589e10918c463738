package report

import (
	"bytes"
	"errors"
	"jiayuan/store/ledger"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestPDFHasTitleAmountsHeaderAndFooterOnEveryPage(t *testing.T) {
	d := sampleDoc(300)
	pdf, err := RenderPDF(d)
	if err != nil {
		t.Fatal(err)
	}
	writeArtifact(t, "journal300.pdf", pdf)
	pages := pdfPages(t, pdf)
	if len(pages) < 3 {
		t.Fatalf("300 rows gave %d pages, want several", len(pages))
	}
	first := squash(pages[0])
	for _, want := range []string{"专项维修资金收支明细表", "上海市浦东新区家园小区", "一、基本情况", "二、收支明细",
		"1,234,567.89", "单位：元", "期间：2025-01-01至2025-12-31"} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %q", want)
		}
	}
	for i, p := range pages {
		s := squash(p)
		m := pageNoRE.FindStringSubmatch(s)
		if m == nil || m[1] != itoa(i+1) || m[2] != itoa(len(pages)) {
			t.Errorf("page %d: page number %v, want 第%d页/共%d页", i+1, m, i+1, len(pages))
		}
		for _, want := range []string{"链头#12349f86d081", "生成时间：2026-01-0509:30", "专项维修资金收支明细表", "单位：元"} {
			if !strings.Contains(s, want) {
				t.Errorf("page %d lacks %q", i+1, want)
			}
		}
		// The table is the last block and starts on page 1, so every later page continues it.
		if i > 0 {
			if !strings.Contains(s, "银行存款日记账（续）") || !strings.Contains(s, "序号日期凭证号摘要会计科目借方金额贷方金额余额") {
				t.Errorf("page %d does not repeat the table header:\n%s", i+1, p)
			}
		}
	}
	last := squash(pages[len(pages)-1])
	for _, want := range []string{"合计", "编制人：", "审核人：", "业委会主任："} {
		if !strings.Contains(last, want) {
			t.Errorf("last page lacks %q", want)
		}
	}
	for i := range 2 {
		if n := inked(renderPNG(t, pdf, i+1, "journal300-"+itoa(i+1))); n < 2000 {
			t.Errorf("page %d looks blank: %d inked pixels", i+1, n)
		}
	}
}

func TestSameDocGivesTheSameBytes(t *testing.T) {
	a, err := RenderPDF(sampleDoc(80))
	if err != nil {
		t.Fatal(err)
	}
	b, err := RenderPDF(sampleDoc(80))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same Doc differ")
	}
	if !bytes.Contains(a, []byte("/CreationDate(D:20260105093000+08'00')")) {
		t.Error("CreationDate is not the Doc's generation time")
	}
	p1, err := RenderPackagePDF(samplePackage(5))
	if err != nil {
		t.Fatal(err)
	}
	p2, err := RenderPackagePDF(samplePackage(5))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(p1, p2) {
		t.Fatal("two renders of the same Package differ")
	}
}

func TestMissingGlyphFailsTheExport(t *testing.T) {
	for _, s := range []string{"业主😀", "\uE000", "𠀾"} {
		d := sampleDoc(3)
		d.Blocks = append(d.Blocks, Paragraph("备注："+s))
		_, err := RenderPDF(d)
		var mg *MissingGlyphError
		if !errors.As(err, &mg) {
			t.Errorf("%q: err = %v, want a MissingGlyphError", s, err)
			continue
		}
		if !strings.Contains(err.Error(), "U+") {
			t.Errorf("error does not name the character: %v", err)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestPackageHasCoverContentsAndSectionsOnTheirPages(t *testing.T) {
	p := samplePackage(60)
	pdf, err := RenderPackagePDF(p)
	if err != nil {
		t.Fatal(err)
	}
	writeArtifact(t, "package.pdf", pdf)
	pages := pdfPages(t, pdf)
	cover := squash(pages[0])
	for _, want := range []string{"2025年度审计资料包", "上海市浦东新区家园小区", "会计年度：2025年", "#12349f86d081", "业委会主任："} {
		if !strings.Contains(cover, want) {
			t.Errorf("cover lacks %q:\n%s", want, pages[0])
		}
	}
	// Every contents entry names a page on which that section's title is printed.
	entry := regexp.MustCompile(`(?m)^\s*(\d+)\.\s+(.+?)\s*\.*\s+(\d+)\s*$`)
	found := 0
	for _, pg := range pages[1:4] {
		for _, m := range entry.FindAllStringSubmatch(pg, -1) {
			idx, _ := strconv.Atoi(m[1])
			n, _ := strconv.Atoi(m[3])
			if idx < 1 || idx > len(p.Docs) || n < 1 || n > len(pages) {
				continue
			}
			found++
			if title := squash(p.Docs[idx-1].Title); !strings.Contains(squash(pages[n-1]), title) {
				t.Errorf("contents entry %d says page %d, which lacks %q", idx, n, title)
			}
		}
	}
	if found != len(p.Docs) {
		t.Errorf("found %d contents entries, want %d", found, len(p.Docs))
	}
	for i, pg := range pages {
		s := squash(pg)
		if m := pageNoRE.FindStringSubmatch(s); m == nil || m[1] != itoa(i+1) || m[2] != itoa(len(pages)) {
			t.Errorf("page %d: page number %v", i+1, m)
		}
		if !strings.Contains(s, "链头#12349f86d081") {
			t.Errorf("page %d lacks the chain head", i+1)
		}
	}
	for i, name := range map[int]string{1: "package-cover", 2: "package-contents"} {
		if n := inked(renderPNG(t, pdf, i, name)); n < 500 {
			t.Errorf("%s looks blank: %d inked pixels", name, n)
		}
	}
}

func TestWrapKeepsEveryCharacterAndFitsTheWidth(t *testing.T) {
	w, err := newPDFWriter("t", "", "", ChainHead{})
	if err != nil {
		t.Fatal(err)
	}
	w.newPage()
	texts := append([]string{
		"",
		"短",
		"维-2025-0001",
		"Payment to Shanghai Elevator Engineering Co., Ltd. for the second phase",
		"第一行\n第二行\r\n第三行\t制表",
		strings.Repeat("1234567890", 12),
		"，。、开头的标点，不应出现在行首。" + strings.Repeat("很长的摘要文字", 9),
	}, summaries...)
	for _, s := range texts {
		for _, width := range []float64{30, 61, 100, 250} {
			lines := w.wrap(regular, tableSize, width, s)
			joined := strings.Join(lines, "")
			if squash(joined) != squash(clean(s)) {
				t.Errorf("wrap(%q, %v) lost characters: %q", s, width, lines)
			}
			for _, ln := range lines {
				if lw := w.width(regular, tableSize, ln); lw > width && len([]rune(ln)) > 1 {
					t.Errorf("wrap(%q, %v): line %q is %v wide", s, width, ln, lw)
				}
				if r := []rune(ln); len(r) > 0 && isNoLineStart(r[0]) && ln != lines[0] {
					t.Errorf("wrap(%q, %v): line %q starts with closing punctuation", s, width, ln)
				}
			}
		}
	}
	if got := w.wrap(regular, tableSize, 1000, "金额 1,234.50 元"); len(got) != 1 {
		t.Errorf("a short line was wrapped: %q", got)
	}
}

func TestARowTallerThanAPageContinuesOnTheNext(t *testing.T) {
	tb := &Table{Title: "长摘要", Columns: []Column{{Title: "序号", Kind: KindInt}, {Title: "摘要"}, {Title: "金额", Kind: KindMoney}}}
	tb.Add(Int(1), Text("短"), Money(ledger.Fen(100)))
	tb.Add(Int(2), Text(strings.Repeat("甲乙丙丁", 1000)), Money(ledger.Fen(200)))
	tb.Add(Int(3), Text("尾"), Money(ledger.Fen(300)))
	d := Doc{Title: "长行测试", Blocks: []Block{tb}}
	pdf, err := RenderPDF(d)
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, pdf)
	if len(pages) < 2 {
		t.Fatalf("%d pages, want the long row to flow over at least two", len(pages))
	}
	all := squash(strings.Join(pages, ""))
	if n := strings.Count(all, "甲"); n != 1000 {
		t.Errorf("found %d of 1000 characters of the long cell", n)
	}
	if !strings.Contains(squash(pages[len(pages)-1]), "尾3.00") && !strings.Contains(all, "3.00") {
		t.Error("the row after the long one is missing")
	}
}

func TestBadTablesAreRefused(t *testing.T) {
	for name, tb := range map[string]*Table{
		"too many cells": {Columns: []Column{{Title: "a"}}, Rows: [][]Cell{{Text("1"), Text("2")}}},
		"bad date":       {Columns: []Column{{Title: "日期", Kind: KindDate}}, Rows: [][]Cell{{Date("2025/1/2")}}},
		"no columns":     {Title: "空"},
	} {
		d := Doc{Title: name, Blocks: []Block{tb}}
		if _, err := RenderPDF(d); err == nil {
			t.Errorf("%s: RenderPDF accepted it", name)
		}
		if _, err := RenderXLSX(d); err == nil {
			t.Errorf("%s: RenderXLSX accepted it", name)
		}
	}
}

func TestLandscapeDocHasLandscapePages(t *testing.T) {
	d := sampleDoc(5)
	d.Landscape = true
	pdf, err := RenderPDF(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(pdf, []byte("/MediaBox [ 0 0 842.00 595.00 ]")) {
		t.Error("no landscape MediaBox")
	}
	if n := inked(renderPNG(t, pdf, 1, "landscape")); n < 2000 {
		t.Errorf("landscape page looks blank: %d inked pixels", n)
	}
}

func TestConcurrentRendersGiveTheSameBytes(t *testing.T) {
	want, err := RenderPDF(sampleDoc(40))
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			got, err := RenderPDF(sampleDoc(40))
			if err == nil && !bytes.Equal(got, want) {
				err = errors.New("a concurrent render differs")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
