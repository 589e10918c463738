package reporting_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jiayuan/app/demo"
	"jiayuan/app/reporting"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// A reversed deposit prints with its reversal's number, the reversal cites the original, and
// the deposit's receipt says it is void; a receipt printed on a later day says 补打.
func TestReversalCrossReferencesOnVouchersAndReceipts(t *testing.T) {
	need(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "demo.jiayuan")
	if err := demo.Generate(path, demo.Options{Units: 12, Years: 2, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rs, err := s.Receipts(store.ReceiptFilter{})
	if err != nil || len(rs) == 0 {
		t.Fatalf("receipts %d %v", len(rs), err)
	}
	r := rs[len(rs)-1]
	orig, _ := s.Voucher(r.VoucherID)
	s.SetClock(func() time.Time { return time.Now() })
	// the deposit's period is disclosed: the reversal goes into the newest, open quarter
	rev, err := s.Reverse(orig.ID, "2026-09-30", "交款人账号错误，退回")
	if err != nil {
		t.Fatal(err)
	}
	p := params(t, s, "", "")
	p.VoucherID = orig.ID
	text := pdfText(t, render(t, s, reporting.KindVouchers, p, reporting.FormatPDF))
	contains(t, "the reversed voucher", text, "记账凭证"+orig.No, "本凭证已被冲销：见冲销凭证"+rev[0].No)
	p.VoucherID = rev[0].ID
	text = pdfText(t, render(t, s, reporting.KindVouchers, p, reporting.FormatPDF))
	capitals, _ := ledger.Capitals(rev[0].Total)
	contains(t, "the reversal", text, "记账凭证"+rev[0].No, "冲销凭证：冲销原凭证"+orig.No, "人民币"+capitals)

	p = params(t, s, "", "")
	p.VoucherID, p.UnitID = orig.ID, r.UnitID
	p.Generated = issueDay(t, r.IssuedAt) + " 23:59"
	text = pdfText(t, render(t, s, reporting.KindReceipts, p, reporting.FormatPDF))
	contains(t, "the receipt of the reversed deposit", text, "收款收据No."+r.No, "已由凭证"+rev[0].No+"冲销，收据作废")
	if strings.Contains(text, "补打") {
		t.Error("a receipt printed on the day it was issued is no reprint")
	}
	p.Generated = "2099-01-02 09:00"
	text = pdfText(t, render(t, s, reporting.KindReceipts, p, reporting.FormatPDF))
	contains(t, "a reprint", text, "收款收据No."+r.No+"（补打2099-01-02）")
}

func pdfText(t *testing.T, pdf []byte) string { return squash(strings.Join(pdfPages(t, pdf), "")) }

func issueDay(t *testing.T, at string) string {
	ts, err := time.Parse(time.RFC3339, at)
	if err != nil {
		t.Fatal(err)
	}
	return ts.In(time.FixedZone("CST", 8*3600)).Format(ledger.DateLayout)
}
