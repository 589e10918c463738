package store_test

import (
	"sort"
	"sync"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// R5: numbers are consecutive per book per year and restart each year.
func TestVoucherNumbersPerBookPerYear(t *testing.T) {
	f := mustCreate(t)
	fee := func(date string) store.Voucher {
		return f.post(store.VoucherInput{Book: ledger.BookFund, Date: date, Summary: "手续费",
			Lines: []store.LineInput{line("5002", "0.01"), line("1001", "-0.01")}})
	}
	got := []store.Voucher{
		f.depositAll("2024-01-05"),           // 维-2024-0001
		fee("2025-01-02"),                    // 维-2025-0001
		fee("2024-12-31"),                    // 维-2024-0002 (entered late, dated in 2024)
		f.publicIncome("2024-03-01", "1.00"), // 公-2024-0001
		fee("2025-01-03"),                    // 维-2025-0002
		f.publicIncome("2025-03-01", "1.00"), // 公-2025-0001
		f.publicIncome("2024-03-02", "1.00"), // 公-2024-0002
	}
	out, in, err := f.s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookWorking, Date: "2025-03-02", Amount: m("0.50"), ResolutionID: f.allocRes()})
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, out, in) // 公-2025-0002, 经-2025-0001
	want := []string{"维-2024-0001", "维-2025-0001", "维-2024-0002", "公-2024-0001", "维-2025-0002", "公-2025-0001", "公-2024-0002",
		"公-2025-0002", "经-2025-0001"}
	for i, v := range got {
		if v.No != want[i] {
			t.Errorf("voucher %d numbered %s, want %s", i+1, v.No, want[i])
		}
	}
	// a refused voucher takes no number
	f.refusePost("voucher.unbalanced", store.VoucherInput{Book: ledger.BookFund, Date: "2025-01-04", Summary: "x",
		Lines: []store.LineInput{line("5002", "0.01"), line("1001", "-0.02")}})
	if v := fee("2025-01-04"); v.No != "维-2025-0003" {
		t.Errorf("after a refusal: %s, want 维-2025-0003", v.No)
	}
	// reversals take the next number of their own date's year
	rv, err := f.s.Reverse(got[2].ID, "2025-01-05", "x")
	if err != nil {
		t.Fatal(err)
	}
	if rv[0].No != "维-2025-0004" {
		t.Errorf("reversal numbered %s, want 维-2025-0004", rv[0].No)
	}
	f.verifyOK()
}

// A double submit — the same voucher posted twice at once from two goroutines — gives two
// vouchers with distinct consecutive numbers, no gap and no SQLITE_BUSY: writes begin
// IMMEDIATE and wait up to busy_timeout. The store does not de-duplicate: the second voucher
// is a real voucher that must be reversed if it was a mistake.
func TestDoubleSubmit(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	in := store.VoucherInput{Book: ledger.BookFund, Date: "2024-02-01", Summary: "手续费",
		Lines: []store.LineInput{line("5002", "1.00"), line("1001", "-1.00")}}
	var wg sync.WaitGroup
	start := make(chan struct{})
	res := make([]store.Voucher, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Go(func() {
			<-start
			res[i], errs[i] = f.s.PostVoucher(in)
		})
	}
	close(start)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatalf("double submit: %v", err)
		}
	}
	nums := []int{res[0].Number, res[1].Number}
	sort.Ints(nums)
	if nums[0] != 2 || nums[1] != 3 {
		t.Fatalf("numbers %v, want 2 and 3", nums)
	}
	if f.bookBalance(ledger.BookFund) != 5000000-200 {
		t.Errorf("both vouchers should be posted")
	}
	f.verifyOK()
}

// Many concurrent writers, through one Store and through a second Store on the same file (two
// windows of the app): every voucher is posted, numbers are gapless, the chain verifies.
func TestConcurrentWriters(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	other, err := store.Open(f.path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	const perWriter = 15
	stores := []*store.Store{f.s, f.s, other, other}
	var wg sync.WaitGroup
	errs := make(chan error, len(stores)*perWriter)
	for w, s := range stores {
		wg.Go(func() {
			for i := range perWriter {
				var err error
				if (w+i)%3 == 0 {
					_, err = s.AddAttachment("r.txt", []byte{byte(w), byte(i)}) // master data interleaved
				} else {
					_, err = s.PostVoucher(store.VoucherInput{Book: ledger.BookFund, Date: "2024-02-01", Summary: "手续费",
						Lines: []store.LineInput{line("5002", "0.01"), line("1001", "-0.01")}})
				}
				if err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write: %v", err)
	}
	n := f.count(`SELECT count(*) FROM vouchers WHERE book = 'fund' AND year = 2024`)
	if mx := f.count(`SELECT MAX(number) FROM vouchers WHERE book = 'fund' AND year = 2024`); mx != n {
		t.Errorf("%d vouchers numbered up to %d", n, mx)
	}
	res := f.verifyOK()
	if res.Links != f.count(`SELECT count(*) FROM chain`) {
		t.Errorf("links %d", res.Links)
	}
}
