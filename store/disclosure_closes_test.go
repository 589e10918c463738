package store_test

import (
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// Once a quarter's public-income notice is recorded as published, that quarter of the public
// book accepts no postings (each refusal leaves the file unchanged); a correction is a
// reversal in a later, open period citing the original. The same holds for the fund's and the
// working book's disclosures, each closing only its own book's period.
func TestPublishedDisclosureClosesItsPeriodForItsBook(t *testing.T) {
	f := mustCreate(t)
	inc := f.publicIncome("2024-02-10", "1000.00")
	f.toFund("2024-03-20", "500.01", 0)
	if _, err := f.s.AddDisclosure(store.Disclosure{Book: ledger.BookPublic, Period: ledger.Period{From: "2024-01-01", To: "2024-03-31"},
		PublishedOn: "2024-04-10", Place: "公告栏"}); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"2024-01-01", "2024-03-31"} {
		f.refusePost("period.disclosed", store.VoucherInput{Book: ledger.BookPublic, Date: d, Summary: "停车费",
			Lines: []store.LineInput{line("1001", "1.00"), line("4001", "-1.00")}})
	}
	f.refuse("period.disclosed", func() error {
		_, _, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-03-31", Amount: m("1.00")})
		return err
	})
	f.refuse("period.disclosed", func() error { _, err := f.s.Reverse(inc.ID, "2024-03-31", "录错"); return err })
	_, err := f.s.CheckVoucher(publicSpend("2024-02-11", "1.00"))
	if ledger.KeyOf(err) != "period.disclosed" {
		t.Fatalf("the dry run: %v", err)
	}
	// the other books have their own periods: the fund's Q1 is open until the fund's own
	// disclosure of it is published, and closed from then on
	f.deposit("2024-03-30", m("1.00"), m("1.00"), m("1.00"), m("1.00"), m("1.00"))
	if _, err := f.s.AddDisclosure(store.Disclosure{Book: ledger.BookFund, Period: ledger.Period{From: "2024-01-01", To: "2024-03-31"},
		PublishedOn: "2024-04-10"}); err != nil {
		t.Fatal(err)
	}
	f.refuse("period.disclosed", func() error {
		_, err := f.s.PostVoucher(store.VoucherInput{Book: ledger.BookFund, Date: "2024-03-31", Summary: "利息",
			Lines: []store.LineInput{line("1001", "1.00"), line("4003", "-1.00")}})
		return err
	})
	// the day after the quarter is open, and the correction goes there, citing the original
	f.publicIncome("2024-04-01", "600.00")
	rev, err := f.s.Reverse(inc.ID, "2024-04-11", "录错")
	if err != nil {
		t.Fatal(err)
	}
	if len(rev) != 1 || rev[0].ReversesID != inc.ID || rev[0].Date != "2024-04-11" {
		t.Fatalf("reversal %+v", rev)
	}
	// the working book's half-year disclosure closes its half-year, not the quarter after it
	if err := f.allocate("2024-04-12", "50.00", f.allocRes()); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.AddDisclosure(store.Disclosure{Book: ledger.BookWorking, Period: ledger.Period{From: "2024-01-01", To: "2024-06-30"},
		PublishedOn: "2024-07-05"}); err != nil {
		t.Fatal(err)
	}
	f.refuse("period.disclosed", func() error { _, err := f.s.PostVoucher(workingSpend("2024-06-30")); return err })
	if _, err := f.s.PostVoucher(workingSpend("2024-07-01")); err != nil {
		t.Fatal(err)
	}
	f.verifyOK()
}

func workingSpend(date string) store.VoucherInput {
	return store.VoucherInput{Book: ledger.BookWorking, Date: date, Summary: "文具",
		Lines: []store.LineInput{line("5001", "1.00"), line("1001", "-1.00")}}
}
