package store_test

import (
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// A dry run answers exactly what the real call does — the same number and lines, or the same
// refusal — and leaves the file exactly as it was.

func TestCheckVoucherPreviewsThePostingAndChangesNothing(t *testing.T) {
	f := mustCreate(t)
	stillClock(f)
	f.depositAll("2024-01-05")
	f.publicIncome("2024-02-01", "500.00")
	in := store.VoucherInput{Book: ledger.BookPublic, Date: "2024-02-03", Summary: "停车费收入（扣税）",
		Lines: []store.LineInput{line("1001", "1234.50"), line("5001", "123.00"), line("4001", "-1357.50")}}
	before := f.fingerprint()
	pre, err := f.s.CheckVoucher(in)
	if err != nil {
		t.Fatal(err)
	}
	if after := f.fingerprint(); after != before {
		t.Fatalf("a dry run changed the file:\nbefore %s\nafter  %s", before, after)
	}
	if pre.No != "公-2024-0002" || pre.Total != m("1357.50") || len(pre.Lines) != 3 || pre.ChainSeq == 0 || len(pre.ChainHash) != 64 {
		t.Fatalf("preview %+v", pre)
	}
	got := f.post(in)
	if got.No != pre.No || got.Total != pre.Total || got.ChainSeq != pre.ChainSeq || got.ChainHash != pre.ChainHash {
		t.Errorf("posted %s #%d %s total %s, previewed %s #%d %s total %s", got.No, got.ChainSeq, got.ChainHash, got.Total,
			pre.No, pre.ChainSeq, pre.ChainHash, pre.Total)
	}
	for i := range got.Lines {
		if got.Lines[i] != pre.Lines[i] {
			t.Errorf("line %d posted %+v, previewed %+v", i+1, got.Lines[i], pre.Lines[i])
		}
	}
	f.verifyOK()
}

func TestCheckVoucherShowsTheUnitSplit(t *testing.T) {
	f := mustCreate(t)
	in := store.VoucherInput{Book: ledger.BookFund, Date: "2024-01-05", Summary: "首期交存",
		Lines:  []store.LineInput{line("1001", "18000.00"), line("4001", "-18000.00")},
		Splits: []store.UnitSplit{{UnitID: f.units[3], Amount: m("8000.00")}, {UnitID: f.units[4], Amount: m("10000.00")}}}
	pre, err := f.s.CheckVoucher(in)
	if err != nil {
		t.Fatal(err)
	}
	if pre.UnitEntries != 2 {
		t.Errorf("preview has %d unit lines, want 2", pre.UnitEntries)
	}
	if n := f.count(`SELECT count(*) FROM replenishment_cases`); n != 0 {
		t.Errorf("a dry run left %d replenishment cases", n)
	}
}

func TestCheckVoucherRefusesAsPostingWould(t *testing.T) {
	f := mustCreate(t)
	f.at30("0.01")
	f.publicIncome("2024-04-02", "1000.00") // R2: ¥500.01 owed to the fund
	if err := f.s.ClosePeriod(ledger.BookFund, "2024Q1", "2024-04-01"); err != nil {
		t.Fatal(err)
	}
	cases := map[string]store.VoucherInput{
		"voucher.unbalanced": {Book: ledger.BookPublic, Date: "2024-04-03", Summary: "x",
			Lines: []store.LineInput{line("1001", "10.00"), line("4001", "-9.99")}},
		"r2.ring_fenced": publicSpend("2024-04-03", "500.00"), // bank 1,000.00, owed 500.01
		"period.closed": {Book: ledger.BookFund, Date: "2024-03-01", Summary: "利息",
			Lines: []store.LineInput{line("1001", "1.00"), line("4003", "-1.00")}},
		"split.missing": {Book: ledger.BookFund, Date: "2024-04-03", Summary: "首期交存",
			Lines: []store.LineInput{line("1001", "1.00"), line("4001", "-1.00")}},
		"book.overdrawn": {Book: ledger.BookWorking, Date: "2024-04-03", Summary: "办公",
			Lines: []store.LineInput{line("5001", "1.00"), line("1001", "-1.00")}},
		"voucher.cross_book": {Book: ledger.BookWorking, Date: "2024-04-03", Summary: "x",
			Lines: []store.LineInput{line("5201", "1.00"), line("1001", "-1.00")}},
	}
	for key, in := range cases {
		t.Run(key, func(t *testing.T) {
			f.refuse(key, func() error { _, err := f.s.CheckVoucher(in); return err })
			f.refusePost(key, in)
		})
	}
}

func TestCheckTransferPreviewsBothVouchers(t *testing.T) {
	f := mustCreate(t)
	stillClock(f)
	f.at30("0.01")
	f.publicIncome("2024-04-02", "1000.00")
	in := store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-04-10", Amount: m("500.00")}
	before := f.fingerprint()
	out, inV, err := f.s.CheckTransfer(in)
	if err != nil {
		t.Fatal(err)
	}
	if after := f.fingerprint(); after != before {
		t.Fatal("a dry-run transfer changed the file")
	}
	if out.No != "公-2024-0002" || inV.No != "维-2024-0002" || out.Total != m("500.00") || inV.Total != m("500.00") ||
		out.Summary != "公共收益转入维修资金" || inV.UnitEntries != 5 {
		t.Fatalf("preview out %+v in %+v", out, inV)
	}
	o2, i2, err := f.s.Transfer(in)
	if err != nil {
		t.Fatal(err)
	}
	if o2.No != out.No || i2.No != inV.No || o2.ChainHash != out.ChainHash || i2.ChainHash != inV.ChainHash {
		t.Errorf("posted %s/%s, previewed %s/%s", o2.No, i2.No, out.No, inV.No)
	}
	partners, err := f.s.TransferPartners(o2.ID)
	if err != nil || len(partners) != 1 || partners[0].ID != i2.ID || partners[0].Book != ledger.BookFund || partners[0].No != i2.No {
		t.Errorf("partners of %s: %+v %v", o2.No, partners, err)
	}
	rev, err := f.s.Reverse(i2.ID, "2024-04-11", "金额有误")
	if err != nil {
		t.Fatal(err)
	}
	partners, _ = f.s.TransferPartners(rev[0].ID)
	if len(partners) != 1 || partners[0].ReversesID == 0 {
		t.Errorf("a reversal's partner is the other reversal: %+v", partners)
	}
	for _, bad := range []store.TransferInput{
		{From: ledger.BookFund, To: ledger.BookPublic, Date: "2024-04-10", Amount: m("1.00")},
		{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-04-10", Amount: ledger.Zero},
		{From: ledger.BookPublic, To: ledger.BookWorking, Date: "2024-04-10", Amount: m("99999.00")},
	} {
		_, _, errCheck := f.s.CheckTransfer(bad)
		_, _, errReal := f.s.Transfer(bad)
		if k := ledger.KeyOf(errCheck); k == "" || k != ledger.KeyOf(errReal) {
			t.Errorf("%+v: check %v, transfer %v", bad, errCheck, errReal)
		}
	}
	f.verifyOK()
}

func TestCheckClosePeriodAnswersAsClosingWould(t *testing.T) {
	f := mustCreate(t)
	f.at30("0.01")
	f.publicIncome("2024-04-02", "1000.00") // R2: ¥500.01 owed for 2024Q2
	steps := []struct {
		book          ledger.Book
		period, today string
		want          string // refusal key, "" when it closes
	}{
		{ledger.BookPublic, "2024Q2", "2024-06-29", "period.not_ended"},
		{ledger.BookPublic, "2024Q2", "2024-07-01", "r2.close_shortfall"},
		{ledger.BookPublic, "2024Q5", "2024-07-01", "period.invalid"},
		{ledger.Book("cash"), "2024Q2", "2024-07-01", "voucher.unknown_book"},
		{ledger.BookFund, "2024Q1", "2024-04-01", ""},
		{ledger.BookFund, "2024Q1", "2024-04-01", "period.already_closed"},
		{ledger.BookPublic, "2024Q1", "2024-04-01", ""},
	}
	for _, s := range steps {
		before := f.fingerprint()
		err := f.s.CheckClosePeriod(s.book, s.period, s.today)
		if ledger.KeyOf(err) != s.want || (s.want == "" && err != nil) {
			t.Fatalf("check %s %s on %s: %v, want %q", s.book, s.period, s.today, err, s.want)
		}
		if after := f.fingerprint(); after != before {
			t.Fatalf("check %s %s changed the file", s.book, s.period)
		}
		if err := f.s.ClosePeriod(s.book, s.period, s.today); ledger.KeyOf(err) != s.want || (s.want == "" && err != nil) {
			t.Fatalf("close %s %s on %s: %v, want %q", s.book, s.period, s.today, err, s.want)
		}
	}
	if e := f.s.CheckClosePeriod(ledger.BookPublic, "2024Q2", "2024-07-01"); ledger.KeyOf(e) != "r2.close_shortfall" {
		t.Fatal(e)
	}
	if _, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-06-30", Amount: m("500.01")}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.CheckClosePeriod(ledger.BookPublic, "2024Q2", "2024-07-01"); err != nil {
		t.Fatalf("after the transfer: %v", err)
	}
	f.verifyOK()
}

// stillClock stops the store's clock: the chain hash covers the posting's time stamp, which
// must not tick to the next second between the preview and the posting on a busy machine.
func stillClock(f *fixture) {
	at := time.Now()
	f.s.SetClock(func() time.Time { return at })
}
