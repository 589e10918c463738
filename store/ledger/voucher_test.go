package ledger

import (
	"strings"
	"testing"
	"time"
)

func post(a Account, fen int64) Posting { return Posting{Account: a, Amount: Fen(fen)} }

// depositVoucher is a valid fund voucher: an owner's initial deposit of ¥1,000.00.
func depositVoucher(t testing.TB) Voucher {
	return Voucher{
		Book: BookFund, Date: "2024-03-15", Summary: "首期交存 1-101",
		Postings: []Posting{
			post(account(t, BookFund, CodeBank), 100000),
			post(account(t, BookFund, CodeFundInitial), -100000),
		},
	}
}

func TestVoucherValidate(t *testing.T) {
	fundBank := account(t, BookFund, CodeBank)
	fundInitial := account(t, BookFund, CodeFundInitial)
	fundInterest := account(t, BookFund, CodeFundInterest)
	fundTransferIn := account(t, BookFund, CodeFundTransferIn)
	publicBank := account(t, BookPublic, CodeBank)
	publicToFund := account(t, BookPublic, CodePublicToFund)
	publicParking := account(t, BookPublic, "4001")
	publicTax := account(t, BookPublic, "5001")

	cases := []struct {
		name   string
		modify func(v *Voucher)
		key    string            // "" when the voucher is valid
		args   map[string]string // args the refusal must carry
	}{
		{"balanced deposit", func(v *Voucher) {}, "", nil},
		{"three lines balancing", func(v *Voucher) {
			v.Postings = []Posting{post(fundBank, 100000), post(fundInitial, -99000), post(fundInterest, -1000)}
		}, "", nil},
		{"credit first", func(v *Voucher) {
			v.Postings = []Posting{post(fundInitial, -1), post(fundBank, 1)}
		}, "", nil},
		{"public income net of tax", func(v *Voucher) {
			v.Book = BookPublic
			v.Postings = []Posting{post(publicBank, 9400), post(publicTax, 600), post(publicParking, -10000)}
		}, "", nil},
		{"MaxAmount on each side", func(v *Voucher) {
			v.Postings = []Posting{post(fundBank, MaxAmount.Fen()), post(fundInitial, -MaxAmount.Fen())}
		}, "", nil},
		{"summary of exactly the maximum length", func(v *Voucher) {
			v.Summary = strings.Repeat("维", MaxSummaryLen)
		}, "", nil},
		{"transfer account inside a transfer", func(v *Voucher) {
			v.Transfer = true
			v.Postings = []Posting{post(fundBank, 500), post(fundTransferIn, -500)}
		}, "", nil},

		{"unbalanced by one fen", func(v *Voucher) {
			v.Postings = []Posting{post(fundBank, 100000), post(fundInitial, -99999)}
		}, "voucher.unbalanced", map[string]string{"debit": "1,000.00", "credit": "999.99", "difference": "0.01"}},
		{"unbalanced towards credit", func(v *Voucher) {
			v.Postings = []Posting{post(fundBank, 100), post(fundInitial, -123456789)}
		}, "voucher.unbalanced", map[string]string{"debit": "1.00", "credit": "1,234,567.89", "difference": "1,234,566.89"}},
		{"two debits", func(v *Voucher) {
			v.Postings = []Posting{post(fundBank, 100), post(fundInitial, 100)}
		}, "voucher.unbalanced", map[string]string{"difference": "2.00"}},
		{"one line", func(v *Voucher) { v.Postings = v.Postings[:1] }, "voucher.too_few_postings", nil},
		{"no lines", func(v *Voucher) { v.Postings = nil }, "voucher.too_few_postings", nil},
		{"zero line", func(v *Voucher) {
			v.Postings = []Posting{post(fundBank, 100), post(fundInitial, 0), post(fundInterest, -100)}
		}, "voucher.zero_line", map[string]string{"line": "2"}},
		{"all lines zero", func(v *Voucher) {
			v.Postings = []Posting{post(fundBank, 0), post(fundInitial, 0)}
		}, "voucher.zero_line", map[string]string{"line": "1"}},
		{"account of another book", func(v *Voucher) {
			v.Postings = []Posting{post(publicBank, 100000), post(fundInitial, -100000)}
		}, "voucher.cross_book", map[string]string{"line": "1", "account": "1001", "book": "public", "voucherBook": "fund"}},
		{"cross-book even inside a transfer", func(v *Voucher) {
			v.Transfer = true
			v.Postings = []Posting{post(fundBank, 500), post(publicToFund, -500)}
		}, "voucher.cross_book", map[string]string{"line": "2"}},
		{"transfer-in account outside a transfer", func(v *Voucher) {
			v.Postings = []Posting{post(fundBank, 500), post(fundTransferIn, -500)}
		}, "voucher.transfer_account_direct", map[string]string{"line": "2", "account": CodeFundTransferIn}},
		{"transfer-out account outside a transfer", func(v *Voucher) {
			v.Book = BookPublic
			v.Postings = []Posting{post(publicToFund, 500), post(publicBank, -500)}
		}, "voucher.transfer_account_direct", map[string]string{"line": "1", "account": CodePublicToFund}},
		{"line above MaxAmount", func(v *Voucher) {
			v.Postings = []Posting{post(fundBank, MaxAmount.Fen()+1), post(fundInitial, -MaxAmount.Fen()-1)}
		}, "amount.too_large", map[string]string{"max": "999,999,999,999.99"}},
		{"unknown book", func(v *Voucher) { v.Book = "other" }, "voucher.unknown_book", map[string]string{"book": "other"}},
		{"empty book", func(v *Voucher) { v.Book = "" }, "voucher.unknown_book", nil},
		{"no date", func(v *Voucher) { v.Date = "" }, "date.invalid", nil},
		{"date with surrounding spaces, which would compare wrongly as text", func(v *Voucher) { v.Date = " 2024-03-15 " },
			"date.invalid", map[string]string{"input": " 2024-03-15 "}},
		{"slashed date", func(v *Voucher) { v.Date = "2024/03/15" }, "date.invalid", map[string]string{"input": "2024/03/15"}},
		{"30 February", func(v *Voucher) { v.Date = "2024-02-30" }, "date.invalid", nil},
		{"year before 1990", func(v *Voucher) { v.Date = "1989-12-31" }, "date.out_of_range", nil},
		{"empty summary", func(v *Voucher) { v.Summary = "" }, "voucher.summary_empty", nil},
		{"blank summary", func(v *Voucher) { v.Summary = " \t\u3000" }, "voucher.summary_empty", nil},
		{"summary one character too long", func(v *Voucher) {
			v.Summary = strings.Repeat("维", MaxSummaryLen+1)
		}, "voucher.summary_too_long", map[string]string{"max": "200"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := depositVoucher(t)
			c.modify(&v)
			err := v.Validate()
			if c.key == "" {
				mustOK(t, err)
				return
			}
			e := wantKey(t, err, c.key)
			for k, want := range c.args {
				wantArg(t, e, k, want)
			}
		})
	}
}

func TestVoucherTotalIsTheDebitSide(t *testing.T) {
	v := depositVoucher(t)
	if v.Total() != Fen(100000) {
		t.Fatalf("Total = %v", v.Total())
	}
	v.Postings = append(v.Postings, post(account(t, BookFund, "5002"), 50), post(account(t, BookFund, CodeBank), -50))
	if v.Total() != Fen(100050) {
		t.Fatalf("Total = %v", v.Total())
	}
	if (Voucher{}).Total() != Zero {
		t.Fatal("empty voucher has a total")
	}
}

func TestReverseNegatesEveryLineAndBalances(t *testing.T) {
	orig := depositVoucher(t)
	orig.Postings = []Posting{
		{Account: account(t, BookFund, CodeBank), Amount: Fen(100000), Memo: "bank"},
		{Account: account(t, BookFund, CodeFundInitial), Amount: Fen(-99000), Memo: "1-101"},
		{Account: account(t, BookFund, CodeFundInterest), Amount: Fen(-1000)},
	}
	mustOK(t, orig.Validate())
	r := orig.Reverse("2024-04-01", "  金额录入错误 ", "维-2024-0007")
	mustOK(t, r.Validate())
	if r.Book != orig.Book || r.Date != "2024-04-01" || r.Transfer != orig.Transfer {
		t.Fatalf("reversal header = %+v", r)
	}
	if r.Summary != "冲销 维-2024-0007：金额录入错误" {
		t.Fatalf("reversal summary = %q", r.Summary)
	}
	if len(r.Postings) != len(orig.Postings) {
		t.Fatalf("reversal has %d lines, want %d", len(r.Postings), len(orig.Postings))
	}
	var sum Money
	for i, p := range r.Postings {
		o := orig.Postings[i]
		if p.Account != o.Account || p.Amount != o.Amount.Neg() || p.Memo != o.Memo {
			t.Fatalf("line %d = %+v, want the negation of %+v", i+1, p, o)
		}
		sum = sum.Add(p.Amount).Add(o.Amount)
	}
	if !sum.IsZero() {
		t.Fatalf("original plus reversal = %v, want zero", sum)
	}
	if r.Total() != orig.Total() {
		t.Fatalf("reversal total %v, original %v", r.Total(), orig.Total())
	}
	// the original is untouched
	if orig.Postings[0].Amount != Fen(100000) {
		t.Fatal("Reverse changed the original")
	}
	// reversing twice gives the original lines back
	rr := r.Reverse("2024-04-02", "撤销冲销", "维-2024-0008")
	for i := range rr.Postings {
		if rr.Postings[i] != orig.Postings[i] {
			t.Fatalf("line %d reversed twice = %+v", i+1, rr.Postings[i])
		}
	}
}

func TestReverseOfATransferStaysATransfer(t *testing.T) {
	v := Voucher{Book: BookPublic, Date: "2024-06-30", Summary: "二季度转入维修资金", Transfer: true,
		Postings: []Posting{post(account(t, BookPublic, CodePublicToFund), 500000), post(account(t, BookPublic, CodeBank), -500000)}}
	mustOK(t, v.Validate())
	r := v.Reverse("2024-07-01", "重复转账", "公-2024-0031")
	if !r.Transfer {
		t.Fatal("reversal of a transfer lost its Transfer mark")
	}
	mustOK(t, r.Validate())
}

func TestParseDate(t *testing.T) {
	cases := []struct {
		in, key string
	}{
		{"2024-03-15", ""},
		{"2024-02-29", ""},
		{"1990-01-01", ""},
		{"2100-12-31", ""},
		{" 2024-03-15\t", ""},
		{"2023-02-29", "date.invalid"},
		{"2024-13-01", "date.invalid"},
		{"2024-00-10", "date.invalid"},
		{"2024-3-5", "date.invalid"},
		{"20240315", "date.invalid"},
		{"2024/03/15", "date.invalid"},
		{"2024-03-15T00:00:00Z", "date.invalid"},
		{"2024年3月15日", "date.invalid"},
		{"", "date.invalid"},
		{"1989-12-31", "date.out_of_range"},
		{"2101-01-01", "date.out_of_range"},
		{"0000-01-01", "date.out_of_range"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			d, err := ParseDate(c.in)
			if c.key != "" {
				e := wantKey(t, err, c.key)
				wantArg(t, e, "input", c.in)
				if !d.IsZero() {
					t.Fatalf("refused date returned %v", d)
				}
				return
			}
			mustOK(t, err)
			if got := FormatDate(d); got != strings.TrimSpace(c.in) {
				t.Fatalf("FormatDate(ParseDate(%q)) = %q", c.in, got)
			}
			if d.Location() != time.UTC || d.Hour() != 0 {
				t.Fatalf("ParseDate(%q) = %v, want midnight UTC", c.in, d)
			}
		})
	}
}
