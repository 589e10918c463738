package app

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"jiayuan/store/ledger"
)

// booksDialogs answers the dialogs with what the test chose.
type booksDialogs struct {
	noRuntime
	open []string
	save string
}

func (f booksDialogs) OpenFilesDialog(string, []FileFilter) ([]string, error) { return f.open, nil }
func (f booksDialogs) SaveFileDialog(string, string, []FileFilter) (string, error) {
	return f.save, nil
}

// booksIncome is the voucher the e2e test types: parking income of ¥1,357.50 less ¥123.00 tax,
// amounts as people type them.
func booksIncome(date, token string) VoucherInput {
	return VoucherInput{Book: "public", Date: date, Summary: "九月地面停车费", Token: token, Lines: []VoucherLineInput{
		{Account: "1001", Debit: "1,234.5"},
		{Account: "5001", Debit: "１２３"},
		{Account: "4001", Credit: "￥1357.50", Memo: "含税"},
		{}, // the form's empty last row
	}}
}

func booksRefused(t *testing.T, err error, key string) {
	t.Helper()
	if got := ledger.KeyOf(err); got != key {
		t.Fatalf("want refusal %q, got %q (%v)", key, got, err)
	}
}

func TestVoucherEntryPreviewsPostsOnceAndLists(t *testing.T) {
	sess, d := booksSession(t, "2026-11-22")
	svc := NewVoucherService(sess)

	accts, err := svc.Accounts("public")
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]VoucherAccount{}
	for _, a := range accts {
		byCode[a.Code] = a
	}
	if a := byCode["4001"]; a.Name != "停车费收入" || a.NameEn != "Parking" || a.Normal != "credit" || !a.Direct {
		t.Errorf("4001: %+v", a)
	}
	if a := byCode["5101"]; a.Direct {
		t.Errorf("the transfer account is offered for direct use: %+v", a)
	}
	fund, _ := svc.Accounts("fund")
	for _, a := range fund {
		if want := map[string]string{"4001": "explicit", "4002": "explicit", "3001": "explicit", "4003": "auto", "4004": "auto", "5001": "auto", "5002": ""}[a.Code]; want != a.Split {
			t.Errorf("fund %s split %q, want %q", a.Code, a.Split, want)
		}
	}

	before, err := svc.List(VoucherQuery{Book: "public"})
	if err != nil {
		t.Fatal(err)
	}
	date := addDaysTo(d.LastQFrom, 9)
	pre, err := svc.Check(booksIncome(date, ""))
	if err != nil {
		t.Fatal(err)
	}
	if pre.ID != 0 || pre.Debit != "1357.50" || pre.Credit != "1357.50" || len(pre.Lines) != 3 || pre.Lines[1].Debit != "123.00" ||
		pre.Lines[2].Credit != "1357.50" || pre.Lines[2].AccountNameEn != "Parking" || pre.R2Net != "1234.50" || pre.R2Share != "617.25" {
		t.Fatalf("preview %+v", pre)
	}
	if after, _ := svc.List(VoucherQuery{Book: "public"}); after.Total != before.Total {
		t.Fatal("the preview posted")
	}

	// a double click: two calls with one token, at the same time
	var wg sync.WaitGroup
	got := make([]VoucherDetail, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], errs[i] = svc.Post(booksIncome(date, "tok-1"))
		}()
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil || got[0].ID == 0 || got[0].ID != got[1].ID {
		t.Fatalf("posts %+v %+v, errors %v %v", got[0], got[1], errs[0], errs[1])
	}
	if got[0].No != pre.No || got[0].ChainHash == "" || got[0].R2Share != "617.25" {
		t.Errorf("posted %s, previewed %s", got[0].No, pre.No)
	}
	after, _ := svc.List(VoucherQuery{Book: "public"})
	if after.Total != before.Total+1 {
		t.Fatalf("%d vouchers after a double post, want %d", after.Total, before.Total+1)
	}
	if r := after.Rows[0]; r.ID != got[0].ID || r.Total != "1357.50" || r.Date != date {
		t.Errorf("newest row %+v", r)
	}
	// another token posts another voucher
	third, err := svc.Post(booksIncome(date, "tok-2"))
	if err != nil || third.ID == got[0].ID {
		t.Fatalf("a new token: %+v %v", third, err)
	}

	// filters
	for _, c := range []struct {
		q    VoucherQuery
		want int
	}{
		{VoucherQuery{Book: "public", Text: "九月地面停车费"}, 2},
		{VoucherQuery{Book: "public", Text: "含税"}, 2}, // a line's memo
		{VoucherQuery{Book: "public", MinAmount: "1,357.50", MaxAmount: "１３５７.５"}, 2},
		{VoucherQuery{Book: "public", From: date, To: date}, 2},
	} {
		if n := booksCount(t, svc, c.q); n != c.want {
			t.Errorf("%+v: %d, want %d", c.q, n, c.want)
		}
	}
	ads, _ := svc.List(VoucherQuery{Book: "public", Account: "4002", PageSize: 200})
	if ads.Total == 0 || ads.Total != booksCount(t, svc, VoucherQuery{Book: "public", Text: "电梯广告收入"}) {
		t.Errorf("by account 4002: %d vouchers", ads.Total)
	}
	for _, r := range ads.Rows {
		if r.Summary != "电梯广告收入" {
			t.Errorf("by account 4002: %+v", r)
		}
	}
	page2, err := svc.List(VoucherQuery{Book: "public", Page: 2, PageSize: 10})
	if err != nil || len(page2.Rows) != 10 || page2.Page != 2 || page2.Rows[0].ID == after.Rows[0].ID {
		t.Errorf("page 2: %+v %v", page2, err)
	}
	_, err = svc.List(VoucherQuery{Book: "public", MinAmount: "12.345"})
	booksRefused(t, err, "amount.too_many_decimals")
	_, err = svc.List(VoucherQuery{Book: "cash"})
	booksRefused(t, err, "voucher.unknown_book")
}

func booksCount(t *testing.T, svc *VoucherService, q VoucherQuery) int {
	t.Helper()
	p, err := svc.List(q)
	if err != nil {
		t.Fatal(err)
	}
	return p.Total
}

func TestVoucherLinesAsTypedAreCheckedLineByLine(t *testing.T) {
	sess, d := booksSession(t, "2026-11-22")
	svc := NewVoucherService(sess)
	date := addDaysTo(d.LastQFrom, 9)
	for key, lines := range map[string][]VoucherLineInput{
		"voucher.line_both_sides":  {{Account: "1001", Debit: "1", Credit: "1"}, {Account: "4001", Credit: "1"}},
		"voucher.line_no_account":  {{Debit: "1"}, {Account: "4001", Credit: "1"}},
		"voucher.line_amount":      {{Account: "1001", Debit: "1.234"}, {Account: "4001", Credit: "1.23"}},
		"voucher.line_negative":    {{Account: "1001", Debit: "-1"}, {Account: "4001", Credit: "1"}},
		"voucher.zero_line":        {{Account: "1001"}, {Account: "4001", Credit: "1"}},
		"voucher.unbalanced":       {{Account: "1001", Debit: "10"}, {Account: "4001", Credit: "9.99"}},
		"voucher.unknown_account":  {{Account: "9999", Debit: "1"}, {Account: "4001", Credit: "1"}},
		"voucher.too_few_postings": {{Account: "1001", Debit: "1"}},
	} {
		in := VoucherInput{Book: "public", Date: date, Summary: "测试", Lines: lines}
		_, err := svc.Check(in)
		booksRefused(t, err, key)
		_, err = svc.Post(in)
		booksRefused(t, err, key)
	}
	// The message names the line, in both languages.
	e := NewError(sess.cat, func() error {
		_, err := svc.Check(VoucherInput{Book: "public", Date: date, Summary: "测试", Lines: []VoucherLineInput{{Account: "1001", Debit: "1"}, {Account: "4001", Credit: "abc"}}})
		return err
	}())
	if !strings.Contains(e.Message, "第 2 行") || !strings.Contains(e.MessageEn, "line 2") || !strings.Contains(e.Message, "abc") {
		t.Errorf("%+v", e)
	}
}

func TestR2RefusesSpendingUntilTheTransferThenReversal(t *testing.T) {
	sess, d := booksSession(t, "2026-11-22")
	svc := NewVoucherService(sess)
	date := addDaysTo(d.LastQFrom, 9)
	if _, err := svc.Post(booksIncome(date, "")); err != nil {
		t.Fatal(err)
	}
	spend := VoucherInput{Book: "public", Date: "2026-11-22", Summary: "2025 年度审计费", Lines: []VoucherLineInput{{Account: "5201", Debit: "500"}, {Account: "1001", Credit: "500"}}}
	// the ¥617.25 owed is ring-fenced: spending that would leave less in the bank is refused,
	// and the refusal says how much is owed and how much may still be spent (issue 11; before,
	// any spending was refused while anything was owed)
	st, _ := sess.Store()
	status, err := st.Status(sess.now(), false)
	if err != nil {
		t.Fatal(err)
	}
	free := status.Books[ledger.BookPublic].Sub(ledger.Fen(61725))
	tooMuch := VoucherInput{Book: "public", Date: "2026-11-22", Summary: "2025 年度审计费",
		Lines: []VoucherLineInput{{Account: "5201", Debit: free.Add(ledger.Fen(1)).String()}, {Account: "1001", Credit: free.Add(ledger.Fen(1)).String()}}}
	_, err = svc.Check(tooMuch)
	booksRefused(t, err, "r2.ring_fenced")
	e := NewError(sess.cat, err)
	if !strings.Contains(e.Message, "617.25") || !strings.Contains(e.MessageEn, "617.25") ||
		!strings.Contains(e.Message, free.Grouped()) || !strings.Contains(e.MessageEn, free.Grouped()) {
		t.Errorf("the refusal says how much is owed and how much may be spent: %+v", e)
	}
	if _, err := svc.Check(spend); err != nil {
		t.Errorf("spending that leaves what is owed in the bank: %v", err)
	}

	// only public → fund and → working exist
	_, err = svc.CheckTransfer(BookTransferRequest{From: "fund", To: "public", Amount: "1"})
	booksRefused(t, err, "transfer.only_from_public")
	_, err = svc.Transfer(BookTransferRequest{From: "public", To: "fund", Amount: "0"})
	booksRefused(t, err, "amount.not_positive")

	req := BookTransferRequest{From: "public", To: "fund", Date: d.LastQTo, Amount: "617.25", Token: "t-1"}
	pre, err := svc.CheckTransfer(req)
	if err != nil {
		t.Fatal(err)
	}
	if pre.Out.Book != "public" || pre.In.Book != "fund" || pre.Out.Lines[0].AccountCode != "5101" || pre.Out.Lines[0].Debit != "617.25" ||
		pre.In.Lines[1].AccountCode != "4004" || pre.In.Lines[1].Credit != "617.25" || pre.In.UnitEntries != 24 || pre.Out.ID != 0 {
		t.Fatalf("transfer preview %+v", pre)
	}
	tr, err := svc.Transfer(req)
	if err != nil {
		t.Fatal(err)
	}
	again, err := svc.Transfer(req)
	if err != nil || again.Out.ID != tr.Out.ID || tr.Out.No != pre.Out.No || tr.In.No != pre.In.No {
		t.Fatalf("transfer %+v, again %+v, %v", tr, again, err)
	}
	if len(tr.Out.TransferPartners) != 1 || tr.Out.TransferPartners[0].ID != tr.In.ID || tr.In.TransferPartners[0].ID != tr.Out.ID {
		t.Errorf("the two sides of a transfer point at each other: %+v / %+v", tr.Out.TransferPartners, tr.In.TransferPartners)
	}

	paid, err := svc.Post(spend)
	if err != nil {
		t.Fatalf("after the transfer: %v", err)
	}
	_, err = svc.Reverse(paid.ID, "", "  ")
	booksRefused(t, err, "reverse.reason_empty")
	revs, err := svc.Reverse(paid.ID, "", "重复支付")
	if err != nil || len(revs) != 1 || revs[0].Date != "2026-11-22" {
		t.Fatalf("reverse: %+v %v", revs, err)
	}
	orig, _ := svc.Get(paid.ID)
	rev, _ := svc.Get(revs[0].ID)
	if orig.ReversedBy == nil || orig.ReversedBy.ID != rev.ID || rev.Reverses == nil || rev.Reverses.ID != orig.ID || rev.Reverses.No != orig.No ||
		rev.Kind != "reversal" || !strings.Contains(rev.Summary, "重复支付") || rev.Lines[0].Credit != "500.00" {
		t.Errorf("reversal links: orig %+v, rev %+v", orig.ReversedBy, rev)
	}
	_, err = svc.Reverse(paid.ID, "", "再来一次")
	booksRefused(t, err, "reverse.already")
}

func TestAttachmentsDroppedChosenBoundShownAndSaved(t *testing.T) {
	sess, d := booksSession(t, "2026-11-22")
	dir := t.TempDir()
	pdf := filepath.Join(dir, "发票.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4 invoice"), 0o644)
	sess.SetRuntime(booksDialogs{open: []string{pdf}, save: filepath.Join(dir, "saved.pdf")})
	svc := NewVoucherService(sess)

	png := []byte("\x89PNG\r\n\x1a\n fake image")
	dropped, err := svc.AddAttachment("收据.png", base64.StdEncoding.EncodeToString(png))
	if err != nil || dropped.Mime != "image/png" || dropped.Size != int64(len(png)) {
		t.Fatalf("drop: %+v %v", dropped, err)
	}
	_, err = svc.AddAttachment("x.png", "not base64!")
	booksRefused(t, err, "attachment.unreadable")
	chosen, err := svc.ChooseAttachments()
	if err != nil || len(chosen) != 1 || chosen[0].Name != "发票.pdf" || chosen[0].Mime != "application/pdf" {
		t.Fatalf("chosen %+v %v", chosen, err)
	}
	in := VoucherInput{Book: "working", Date: addDaysTo(d.LastQFrom, 3), Summary: "办公用品", AttachmentIDs: []int64{dropped.ID, chosen[0].ID},
		Lines: []VoucherLineInput{{Account: "5001", Debit: "88"}, {Account: "1001", Credit: "88"}}}
	v, err := svc.Post(in)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := svc.Get(v.ID)
	if len(got.Attachments) != 2 {
		t.Fatalf("attachments %+v", got.Attachments)
	}
	c, err := svc.AttachmentContent(dropped.ID)
	if err != nil || c.Base64 != base64.StdEncoding.EncodeToString(png) {
		t.Errorf("content %+v %v", c, err)
	}
	path, err := svc.SaveAttachment(chosen[0].ID)
	if b, _ := os.ReadFile(path); err != nil || string(b) != "%PDF-1.4 invoice" {
		t.Errorf("saved to %q: %q %v", path, b, err)
	}
	sess.SetRuntime(booksDialogs{})
	if path, err := svc.SaveAttachment(chosen[0].ID); path != "" || err != nil {
		t.Errorf("cancelled save: %q %v", path, err)
	}
}

func TestDepositSplitsAndUnitSearch(t *testing.T) {
	sess, d := booksSession(t, "2026-11-22")
	svc := NewVoucherService(sess)
	units, err := svc.SearchUnits("2号-10", 50)
	if err != nil || len(units) != 2 || units[0].Label != "2号-101" || units[1].Label != "2号-102" || units[0].Owner == "" {
		t.Fatalf("2号-10: %+v %v", units, err)
	}
	if u, _ := svc.SearchUnits("陈建国", 5); len(u) == 0 {
		t.Error("by owner: none")
	}
	cases, err := svc.ReplenishmentCases()
	if err != nil || len(cases) != 1 || cases[0].Status != "open" {
		t.Fatalf("the fall below 30%% opened a case: %+v %v", cases, err)
	}
	in := VoucherInput{Book: "fund", Date: addDaysTo(d.LastQFrom, 20), Summary: "续筹交存（第一批）", CaseID: cases[0].ID,
		Lines:  []VoucherLineInput{{Account: "1001", Debit: "3,000"}, {Account: "4002", Credit: "3000"}},
		Splits: []VoucherSplitInput{{UnitID: units[0].ID, Amount: "1,000.00"}, {UnitID: units[1].ID, Amount: "２０００"}}}
	pre, err := svc.Check(in)
	if err != nil || pre.UnitEntries != 2 {
		t.Fatalf("deposit preview %+v %v", pre, err)
	}
	in.Splits[1].Amount = "1999.99"
	_, err = svc.Check(in)
	booksRefused(t, err, "split.mismatch")
	in.Splits[1].Amount = "x"
	_, err = svc.Check(in)
	booksRefused(t, err, "split.amount")
	in.Splits = nil
	_, err = svc.Check(in)
	booksRefused(t, err, "split.missing")
	projects, err := svc.Projects()
	if err != nil || len(projects) != 1 || projects[0].Charged != projects[0].CostAudit {
		t.Errorf("projects %+v %v", projects, err)
	}
}
