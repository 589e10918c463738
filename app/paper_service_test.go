package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

func paperSession(t *testing.T) (*PaperService, *store.Store, string) {
	t.Helper()
	r, _, dir := reportSession(t)
	st, err := r.sess.Store()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "e2e")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv(E2ESaveDirEnv, out)
	return NewPaperService(r.sess), st, out
}

func TestPrintVoucherAndReceiptsFromTheirScreens(t *testing.T) {
	p, st, out := paperSession(t)
	rs, err := st.Receipts(store.ReceiptFilter{})
	if err != nil || len(rs) == 0 {
		t.Fatalf("receipts %d %v", len(rs), err)
	}
	r := rs[len(rs)-1]
	path, err := p.PrintVoucher(r.VoucherID)
	if err != nil || !strings.HasPrefix(path, out) || !strings.Contains(path, r.VoucherNo) {
		t.Fatalf("voucher: %q %v", path, err)
	}
	v, _ := st.Voucher(r.VoucherID)
	capitals, _ := ledger.Capitals(v.Total)
	if text := pdfTextOf(t, path); !strings.Contains(text, "记账凭证"+v.No) || !strings.Contains(text, capitals) {
		t.Errorf("voucher PDF: %s", text)
	}
	path, err = p.PrintReceipts(r.VoucherID, r.UnitID)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfTextOf(t, path)
	if strings.Count(text, "收款收据No.") != 1 || !strings.Contains(text, r.No) || !strings.Contains(text, "￥"+r.Amount.Grouped()) {
		t.Errorf("receipt PDF: %s", text)
	}
	got, err := p.UnitReceipts(r.UnitID)
	if err != nil || len(got) == 0 || got[len(got)-1].No != r.No {
		t.Errorf("unit receipts %+v %v", got, err)
	}
}

func TestCheckHeadAndHandoverInTheWindow(t *testing.T) {
	p, st, _ := paperSession(t)
	h, _ := st.ChainHead()
	hc, err := p.CheckHead(h.Short())
	if err != nil || hc.Status != store.HeadHolds || hc.Added != 0 {
		t.Fatalf("%+v %v", hc, err)
	}
	if hc, _ := p.CheckHead("#1 000000000000"); hc.Status != store.HeadRewritten {
		t.Errorf("rewritten: %+v", hc)
	}
	if _, err := p.CheckHead("1024"); ledger.KeyOf(err) != "head.invalid" {
		t.Errorf("bad input: %v", err)
	}
	rem, err := p.TermReminder()
	if err != nil || rem.TermEnd == "" {
		t.Fatalf("reminder %+v %v", rem, err)
	}
	if _, err := p.RecordHandover(HandoverDTO{Date: "2025-12-31", Outgoing: "第一届业主委员会", Incoming: "第二届业主委员会"}); err != nil {
		t.Fatal(err)
	}
	page, err := NewIntegrityService(p.sess).Changes(ChangeQuery{PageSize: 200})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range page.Rows {
		seen[r.Committee] = true
	}
	if !seen["第一届业主委员会"] || page.Rows[0].Entity != "handover" {
		t.Errorf("committees in the change log: %v; newest %+v", seen, page.Rows[0])
	}
	if hs, _ := p.Handovers(); len(hs) != 1 || hs[0].Incoming != "第二届业主委员会" {
		t.Errorf("handovers %+v", hs)
	}
}

func TestTermReminderFiveMonthsBefore(t *testing.T) {
	end := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	day := func(s string) time.Time { d, _ := ledger.ParseDate(s); return d }
	for _, c := range []struct {
		today, last string
		due         bool
	}{
		{"2026-01-29", "", false},
		{"2026-01-30", "", true}, // five months before 30 June
		{"2026-07-15", "", true}, // past the end and not handed over
		{"2026-07-15", "2026-06-30", false},
		{"2026-03-01", "2023-06-30", true}, // the last term's hand-over does not count
	} {
		if got := TermReminderDue(end, day(c.today), c.last); got != c.due {
			t.Errorf("today %s, last %q: %v, want %v", c.today, c.last, got, c.due)
		}
	}
}
