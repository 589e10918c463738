package report

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"jiayuan/store/ledger"
)

// Fixtures shared by the PDF, XLSX and CSV tests and the benchmarks.

var summaries = []string{
	"收取3号楼101室首期专项维修资金",
	"支付5号楼电梯维修工程款（第二期，按审价报告核定金额，施工单位：上海某某电梯工程有限公司）",
	"银行结息",
	"公共收益划转至专项维修资金",
	"退还多交款",
	"业委会办公用品采购：打印纸、墨盒、文件夹等",
}

var accounts = []string{"银行存款", "维修资金—首期交存", "维修支出—电梯", "利息收入", "公共收益划入"}

// journal builds a deterministic n-row journal table (序时账) with a running balance.
func journal(n int) *Table {
	t := &Table{
		Title: "银行存款日记账",
		Columns: []Column{
			{Title: "序号", Kind: KindInt, Width: 0.6},
			{Title: "日期", Kind: KindDate, Width: 1.15},
			{Title: "凭证号", Width: 1},
			{Title: "摘要", Width: 3.2},
			{Title: "会计科目", Width: 1.6},
			{Title: "借方金额", Kind: KindMoney},
			{Title: "贷方金额", Kind: KindMoney},
			{Title: "余额", Kind: KindMoney, Width: 1.5},
		},
	}
	var bal ledger.Money
	seed := uint32(42)
	next := func() uint32 { seed = seed*1664525 + 1013904223; return seed >> 8 }
	for i := range n {
		amt := ledger.Fen(int64(next()%100000000) + 1)
		debit, credit := Text(""), Text("")
		if i%3 == 1 {
			credit = Money(amt)
			bal = bal.Sub(amt)
		} else {
			debit = Money(amt)
			bal = bal.Add(amt)
		}
		day := i % 365
		date := fmt.Sprintf("2025-%02d-%02d", day/31+1, day%28+1)
		t.Add(Int(int64(i+1)), Date(date), Text(ledger.VoucherNo(ledger.BookFund, 2025, i+1)),
			Text(summaries[i%len(summaries)]), Text(accounts[i%len(accounts)]), debit, credit, Money(bal))
	}
	t.SumMoney("合计", 5, 6)
	t.Totals[7] = Money(bal)
	return t
}

func sampleDoc(rows int) Doc {
	d := Doc{
		Title:      "专项维修资金收支明细表",
		Community:  "上海市浦东新区家园小区",
		Book:       "专项维修资金",
		Period:     "2025-01-01 至 2025-12-31",
		Generated:  "2026-01-05 09:30",
		Chain:      ChainHead{Seq: 1234, Hash: "9f86d081"},
		Signatures: DefaultSignatures,
	}
	d.Add(
		Heading("一、基本情况"),
		Fields{
			{"期初余额", ledger.Fen(123456789).Grouped()},
			{"本期收入", ledger.Fen(9876543).Grouped()},
			{"本期支出", ledger.Fen(120000).Grouped()},
			{"期末余额", ledger.Fen(133213332).Grouped()},
			{"续筹比例", "42.15%"},
			{"开户银行", "上海银行浦东支行"},
		},
		Paragraph("本表依据已过账凭证生成。金额单位为人民币元，保留两位小数；负数表示冲销。"+
			"如对本表有疑问，请于公示期内向业主委员会书面提出。"),
		Heading("二、收支明细"),
		journal(rows),
	)
	return d
}

// need skips a test when a poppler tool is absent; the project's setup script installs them,
// so in CI they run.
func need(t testing.TB, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not on PATH (apt-get install poppler-utils)", tool)
	}
}

// artifacts is where rendered files go: $REPORT_ARTIFACTS when set, so a human or CI can look
// at them, otherwise a temporary directory.
func artifacts(t testing.TB) string {
	if d := os.Getenv("REPORT_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

func writeArtifact(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(artifacts(t), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfPages extracts the text of each page with pdftotext -layout.
func pdfPages(t testing.TB, pdf []byte) []string {
	t.Helper()
	need(t, "pdftotext")
	dir := t.TempDir()
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// squash removes the spaces pdftotext -layout puts between glyphs it sees as apart.
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

var pageNoRE = regexp.MustCompile(`第(\d+)页/共(\d+)页`)

// renderPNG renders one page at 60 dpi and returns the image.
func renderPNG(t testing.TB, pdf []byte, page int, name string) image.Image {
	t.Helper()
	need(t, "pdftoppm")
	dir := artifacts(t)
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	prefix := filepath.Join(dir, name)
	p := fmt.Sprint(page)
	if out, err := exec.Command("pdftoppm", "-r", "60", "-png", "-f", p, "-l", p, "-singlefile", in, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	b, err := os.ReadFile(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// inked counts pixels that are clearly not white.
func inked(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xC000 || g < 0xC000 || bl < 0xC000 {
				n++
			}
		}
	}
	return n
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// unitStatement is a small per-unit statement (分户账), the kind a package holds thousands of.
func unitStatement(i int) Doc {
	room := fmt.Sprintf("%d号楼%d室", i/100+1, 101+i%100)
	d := Doc{
		Title:  "分户账 " + room,
		Book:   "专项维修资金",
		Period: "2025 年度",
	}
	t := &Table{Columns: []Column{
		{Title: "日期", Kind: KindDate},
		{Title: "摘要", Width: 3},
		{Title: "交存", Kind: KindMoney},
		{Title: "分摊", Kind: KindMoney},
		{Title: "余额", Kind: KindMoney},
	}}
	bal := ledger.Fen(int64(1200000 + i))
	for k := range 6 {
		amt := ledger.Fen(int64(1000*(k+1) + i%97))
		if k%2 == 0 {
			bal = bal.Add(amt)
			t.Add(Date(fmt.Sprintf("2025-%02d-15", 2*k+1)), Text("续筹交存"), Money(amt), Text(""), Money(bal))
		} else {
			bal = bal.Sub(amt)
			t.Add(Date(fmt.Sprintf("2025-%02d-15", 2*k+1)), Text("5号楼电梯维修分摊"), Text(""), Money(amt), Money(bal))
		}
	}
	t.SumMoney("合计", 2, 3)
	t.Totals[4] = Money(bal)
	d.Add(Fields{
		{"房号", room},
		{"业主", "张三"},
		{"建筑面积", Number(dec("89.50"), 2).String() + " m²"},
		{"首期应筹集金额", ledger.Fen(1200000).Grouped()},
	}, t)
	return d
}

func samplePackage(units int) Package {
	p := Package{
		Title:      "2025 年度审计资料包",
		Community:  "上海市浦东新区家园小区",
		Year:       2025,
		Generated:  "2026-01-05 09:30",
		Chain:      ChainHead{Seq: 1234, Hash: "9f86d081"},
		Signatures: []string{"业委会主任", "执行秘书"},
	}
	p.Docs = append(p.Docs, sampleDoc(60))
	wide := sampleDoc(20)
	wide.Title = "公共收益收支明细表（横向）"
	wide.Book = "公共收益"
	wide.Landscape = true
	p.Docs = append(p.Docs, wide)
	for i := range units {
		p.Docs = append(p.Docs, unitStatement(i))
	}
	return p
}
