package reporting_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jiayuan/app/demo"
	"jiayuan/app/reporting"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// The tests read one small demo ledger (24 units, 2024 to 5 January 2026: deposits, interest,
// public income and its transfers, repair projects with votes, a stretch below 30% with its
// replenishment case, audits and disclosures), made once for the package, plus an attachment
// on a voucher of 2025 and a bank charge that the sub-ledger does not split. It ends before
// 2025's last disclosures are published, so that quarter still takes the bank charge.
var (
	ledgerPath string
	attachment store.AttachmentInfo
)

const (
	generated = "2026-01-05 09:30"
	y2025From = "2025-01-01"
	y2025To   = "2025-12-31"
	// allFrom..allTo covers the whole history, so its closing figures are today's balances.
	allFrom = "2020-01-01"
	allTo   = "2030-12-31"
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "jiayuan-reporting-")
	if err != nil {
		panic(err)
	}
	ledgerPath = filepath.Join(dir, "demo.jiayuan")
	if err := makeLedger(ledgerPath); err != nil {
		os.RemoveAll(dir)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func makeLedger(path string) error {
	if err := demo.Generate(path, demo.Options{Units: 24, Years: 3, Seed: 1, End: "2026-01-05"}); err != nil {
		return err
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	s.SetClock(func() time.Time { return time.Date(2025, 12, 30, 2, 0, 0, 0, time.UTC) })
	if attachment, err = s.AddAttachment("银行回单-手续费.pdf", []byte("%PDF-1.4 bank slip")); err != nil {
		return err
	}
	_, err = s.PostVoucher(store.VoucherInput{Book: ledger.BookFund, Date: "2025-12-30", Summary: "银行账户管理费",
		AttachmentIDs: []int64{attachment.ID},
		Lines:         []store.LineInput{{AccountCode: "5002", Amount: ledger.Fen(1234)}, {AccountCode: ledger.CodeBank, Amount: ledger.Fen(-1234)}}})
	return err
}

// openLedger opens the test ledger read-only.
func openLedger(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(ledgerPath, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// params stamps a period with a fixed generation time and the ledger's chain head.
func params(t testing.TB, s *store.Store, from, to string) reporting.Params {
	t.Helper()
	h, err := s.ChainHead()
	if err != nil {
		t.Fatal(err)
	}
	return reporting.Params{From: from, To: to, Generated: generated, Chain: reporting.ChainOf(h)}
}

// chainText is the chain head as the footer prints it, spaces removed.
func chainText(t testing.TB, s *store.Store) string {
	h, err := s.ChainHead()
	if err != nil {
		t.Fatal(err)
	}
	return "链头#" + strconv.FormatInt(h.Seq, 10) + ledger.ShortHash(h.Hash)
}

func render(t testing.TB, s *store.Store, k reporting.Kind, p reporting.Params, format string) []byte {
	t.Helper()
	b, err := reporting.Render(s, k, p, format)
	if err != nil {
		t.Fatalf("%s %s: %v", k, format, err)
	}
	return b
}

func need(t testing.TB, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not on PATH (apt-get install poppler-utils)", tool)
	}
}

// artifacts is $REPORT_ARTIFACTS when set (to look at the files), else a temporary directory.
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

// pdfPages is the text of each page (pdftotext -layout).
func pdfPages(t testing.TB, pdf []byte) []string {
	t.Helper()
	need(t, "pdftotext")
	in := filepath.Join(t.TempDir(), "in.pdf")
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

// squash removes the spaces pdftotext puts between glyphs it sees as apart.
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

var pageNoRE = regexp.MustCompile(`第(\d+)页/共(\d+)页`)

// checkPages asserts what every page of a report carries: the chain head, the generation
// time and "page i of n".
func checkPages(t *testing.T, pages []string, chain string) {
	t.Helper()
	if len(pages) == 0 {
		t.Fatal("no pages")
	}
	for i, p := range pages {
		s := squash(p)
		if !strings.Contains(s, chain) {
			t.Errorf("page %d lacks the chain head %s", i+1, chain)
		}
		if !strings.Contains(s, "生成时间："+squash(generated)) {
			t.Errorf("page %d lacks the generation time", i+1)
		}
		if m := pageNoRE.FindStringSubmatch(s); m == nil || m[1] != strconv.Itoa(i+1) || m[2] != strconv.Itoa(len(pages)) {
			t.Errorf("page %d: page number %v, want %d of %d", i+1, m, i+1, len(pages))
		}
	}
}

// contains asserts that the text has each of wants (spaces ignored).
func contains(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	s := squash(text)
	for _, w := range wants {
		if !strings.Contains(s, squash(w)) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

// renderPNG renders one page at 60 dpi to the artifacts and returns how many pixels are inked.
func renderPNG(t testing.TB, pdf []byte, page int, name string) int {
	t.Helper()
	need(t, "pdftoppm")
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	prefix := filepath.Join(artifacts(t), name)
	pg := strconv.Itoa(page)
	if out, err := exec.Command("pdftoppm", "-r", "60", "-png", "-f", pg, "-l", pg, "-singlefile", in, prefix).CombinedOutput(); err != nil {
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
	return inked(img)
}

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

// checkNotBlank renders the first pages and fails if one looks blank.
func checkNotBlank(t *testing.T, pdf []byte, name string, pages int) {
	t.Helper()
	for i := 1; i <= pages; i++ {
		if n := renderPNG(t, pdf, i, fmt.Sprintf("%s-%d", name, i)); n < 1500 {
			t.Errorf("%s page %d looks blank: %d inked pixels", name, i, n)
		}
	}
}

// sheet is a worksheet read back with raw values: its header row and the rows under it.
type sheet struct {
	header []string
	rows   [][]string
}

// readSheet reads a sheet of an exported workbook, finding the header row by its first cell.
func readSheet(t *testing.T, xlsx []byte, name, firstHeader string) sheet {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("sheet %q: %v (sheets %v)", name, err, f.GetSheetList())
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == firstHeader {
			return sheet{header: r, rows: rows[i+1:]}
		}
	}
	t.Fatalf("sheet %q has no header row starting %q", name, firstHeader)
	return sheet{}
}

// col is the index of a column by its title.
func (s sheet) col(t *testing.T, title string) int {
	t.Helper()
	for i, h := range s.header {
		if h == title {
			return i
		}
	}
	t.Fatalf("no column %q in %q", title, s.header)
	return -1
}

// money reads a numeric cell as an exact amount ("" is zero).
func money(t *testing.T, row []string, i int) ledger.Money {
	t.Helper()
	if i >= len(row) || row[i] == "" {
		return ledger.Zero
	}
	m, err := ledger.ParseAmount(row[i])
	if err != nil {
		// raw values may carry float noise beyond the fen ("1234.5000000001")
		f, ferr := strconv.ParseFloat(row[i], 64)
		if ferr != nil {
			t.Fatalf("cell %q is not a number: %v", row[i], err)
		}
		return ledger.Fen(int64(f*100 + 0.5*sign(f)))
	}
	return m
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}
