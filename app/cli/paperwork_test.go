package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jiayuan/app/reporting"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// defaultDemo is the demo ledger as `jiayuan demo` makes it without options.
func defaultDemo(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "demo.jiayuan")
	if code, out, errs := run(t, "demo", "--ledger", p); code != 0 {
		t.Fatalf("demo: %d %s %s", code, out, errs)
	}
	return p
}

// report writes one report and returns its text as pdftotext reads it (no white space); it
// renders it twice with the same --generated and wants the same bytes.
func paperReport(t *testing.T, dir string, args ...string) string {
	t.Helper()
	var files [2][]byte
	var out string
	for i := range files {
		out = filepath.Join(dir, args[0]+"-"+string(rune('a'+i))+".pdf")
		all := append([]string{"report", "--ledger", args[1], "--kind", args[0], "--out", out, "--generated", "2026-12-06 10:00"}, args[2:]...)
		if code, stdout, errs := run(t, all...); code != 0 {
			t.Fatalf("report %v: exit %d: %s %s", args, code, stdout, errs)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		files[i] = b
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Errorf("%s: the same ledger and --generated gave different files", args[0])
	}
	return pdfText(t, out)
}

func pdfPages(t *testing.T, text string) int { return strings.Count(text, "生成时间：") }

func capitals(t *testing.T, m ledger.Money) string {
	t.Helper()
	c, err := ledger.Capitals(m)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestPaperworkOnTheDefaultDemo(t *testing.T) {
	p := defaultDemo(t)
	dir := t.TempDir()
	s, err := store.Open(p, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	t.Run("vouchers", func(t *testing.T) {
		ids, err := s.VoucherIDs(ledger.BookFund, "2025-01-01", "2025-12-31")
		if err != nil || len(ids) < 3 {
			t.Fatalf("fund vouchers of 2025: %v %v", ids, err)
		}
		text := paperReport(t, dir, "vouchers", p, "--book", "fund", "--from", "2025-01-01", "--to", "2025-12-31")
		if n := strings.Count(text, "合计金额（大写）"); n != len(ids) {
			t.Errorf("%d vouchers printed, the ledger has %d", n, len(ids))
		}
		if pages, want := pdfPages(t, text), (len(ids)+1)/2; pages < want {
			t.Errorf("%d pages for %d vouchers: two to a page at most", pages, len(ids))
		}
		for _, id := range ids {
			v, _ := s.Voucher(id)
			want := "记账凭证" + v.No
			if !strings.Contains(text, want) || !strings.Contains(text, "人民币"+capitals(t, v.Total)+"（小写）￥"+v.Total.Grouped()) {
				t.Errorf("voucher %s: heading or capitals of %s missing", v.No, v.Total.Grouped())
			}
		}
		for _, sig := range []string{"制单：", "审核：", "记账：", "业委会主任：", "附单据："} {
			if !strings.Contains(text, sig) {
				t.Errorf("missing %s", sig)
			}
		}
		v, _ := s.Voucher(ids[2])
		one := paperReport(t, dir, "vouchers", p, "--book", "fund", "--voucher", v.No)
		if strings.Count(one, "合计金额（大写）") != 1 || !strings.Contains(one, capitals(t, v.Total)) {
			t.Errorf("--voucher %s: %s", v.No, one)
		}
	})

	t.Run("receipts", func(t *testing.T) {
		rs, err := s.Receipts(store.ReceiptFilter{From: "2021-01-01", To: "2021-12-31"})
		if err != nil || len(rs) == 0 {
			t.Fatalf("receipts of 2021: %d %v", len(rs), err)
		}
		text := paperReport(t, dir, "receipts", p, "--from", "2021-01-01", "--to", "2021-12-31")
		if n := strings.Count(text, "收款收据No."); n != len(rs) {
			t.Errorf("%d receipts printed, the ledger has %d", n, len(rs))
		}
		for _, r := range rs[:5] {
			for _, want := range []string{"No." + r.No + "（补打2026-12-06）", "人民币" + capitals(t, r.Amount), "￥" + r.Amount.Grouped(), r.VoucherNo, r.Purpose} {
				if !strings.Contains(text, want) {
					t.Errorf("receipt %s: %q missing", r.No, want)
				}
			}
		}
		one := paperReport(t, dir, "receipts", p, "--voucher", rs[0].VoucherNo)
		if strings.Count(one, "收款收据No.") < 1 || !strings.Contains(one, rs[0].No) {
			t.Errorf("receipts of voucher %s: %s", rs[0].VoucherNo, one)
		}
	})

	t.Run("buildings", func(t *testing.T) {
		st, err := s.Status(mustDate(t, "2030-12-31"), true)
		if err != nil {
			t.Fatal(err)
		}
		var units ledger.Money
		for _, u := range st.Fund.Units {
			units = units.Add(u.Balance)
		}
		fb, err := reporting.FundBuildings(s, "2026-01-01", "2030-12-31")
		if err != nil {
			t.Fatal(err)
		}
		if fb.Total.Closing != units || fb.Book != st.Books[ledger.BookFund] || fb.Total.Closing.Add(fb.Unallocated) != fb.Book {
			t.Errorf("community total %s, units %s, book %s (status %s), unallocated %s", fb.Total.Closing.Grouped(), units.Grouped(),
				fb.Book.Grouped(), st.Books[ledger.BookFund].Grouped(), fb.Unallocated.Grouped())
		}
		text := paperReport(t, dir, "buildings", p, "--from", "2026-01-01", "--to", "2030-12-31")
		for _, b := range fb.Buildings {
			if !strings.Contains(text, b.Closing.Grouped()) {
				t.Errorf("building %s: closing %s missing", b.Code, b.Closing.Grouped())
			}
		}
		for _, want := range []string{"小区合计", fb.Total.Closing.Grouped(), "维修资金账面余额（银行存款）：" + st.Books[ledger.BookFund].Grouped()} {
			if !strings.Contains(text, want) {
				t.Errorf("%q missing", want)
			}
		}
		notice := paperReport(t, dir, "building-notice", p, "--from", "2026-01-01", "--to", "2030-12-31", "--building", fb.Buildings[0].Code)
		if pdfPages(t, notice) != 1 || !strings.Contains(notice, fb.Buildings[0].Closing.Grouped()) {
			t.Errorf("one building's notice: %d pages: %s", pdfPages(t, notice), notice)
		}
		all := paperReport(t, dir, "building-notice", p, "--from", "2026-01-01", "--to", "2030-12-31")
		if pdfPages(t, all) != len(fb.Buildings) {
			t.Errorf("%d pages for %d buildings", pdfPages(t, all), len(fb.Buildings))
		}
	})

	t.Run("handover", func(t *testing.T) {
		bal, _ := s.BookBalancesAt(ledger.BookPublic, []string{"2026-06-30"})
		head, _ := s.ChainHead()
		text := paperReport(t, dir, "handover", p, "--to", "2026-06-30")
		for _, want := range []string{"三本账余额", "公共收益" + bal[0].Grouped(), "未收齐的续筹款", "未完工程及其承诺", "未公示的期间与未完成的审计",
			"附件清单", "链头序号：#" + itoa64(head.Seq), "完好", "移交方（原业委会主任）：", "接收方（新业委会主任）：", "监交人（街道办事处）："} {
			if !strings.Contains(text, want) {
				t.Errorf("%q missing", want)
			}
		}
	})
}

func TestHelpListsThePaperwork(t *testing.T) {
	_, out, errs := run(t, "report", "--help")
	for _, k := range []string{"vouchers", "receipts", "buildings", "building-notice", "handover", "--voucher"} {
		if !strings.Contains(out+errs, k) {
			t.Errorf("report --help does not list %s", k)
		}
	}
	_, out, errs = run(t, "--lang", "en", "verify", "--help")
	if !strings.Contains(out+errs, "--head") || !strings.Contains(out+errs, "printed") {
		t.Errorf("verify --help does not document --head: %s %s", out, errs)
	}
}

// verify --head on a printed head: exit 0 with what was added since; non-zero when the
// ledger was rewritten or cut short after the printout.
func TestVerifyHead(t *testing.T) {
	p := smallDemo(t)
	s, err := store.Open(p, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h, _ := s.ChainHead()
	printed := h.Short()
	v, err := s.PostVoucher(store.VoucherInput{Book: ledger.BookPublic, Date: "2030-01-05", Summary: "停车费收入",
		Lines: []store.LineInput{{AccountCode: "1001", Amount: ledger.Yuan(80)}, {AccountCode: "4001", Amount: ledger.Yuan(-80)}}})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "--lang", "en", "verify", "--ledger", p, "--head", printed)
	if code != 0 || !strings.Contains(out, "this printout's head is record #"+itoa64(h.Seq)+" of the chain; 1 records were added after it") ||
		!strings.Contains(out, "2030-01-05") || !strings.Contains(out, v.No) {
		t.Errorf("holds: %d %s %s", code, out, errs)
	}
	wrong := "#" + itoa64(h.Seq) + " 000000000000"
	if code, out, _ := run(t, "--lang", "en", "verify", "--ledger", p, "--head", wrong); code == 0 ||
		!strings.Contains(out, "no record #"+itoa64(h.Seq)+" with this hash: the ledger was rewritten after this printout") {
		t.Errorf("rewritten: %d %s", code, out)
	}
	if code, out, _ := run(t, "--lang", "en", "verify", "--ledger", p, "--head", "#99999 000000000000"); code == 0 ||
		!strings.Contains(out, "the file is shorter than this printout: records were removed") {
		t.Errorf("shorter: %d %s", code, out)
	}
	if code, _, errs := run(t, "verify", "--ledger", p, "--head", "#12"); code == 0 || !strings.Contains(errs, "链头") {
		t.Errorf("bad head: %d %s", code, errs)
	}
}
