package app

import (
	"os"
	"testing"
	"time"

	"jiayuan/app/i18n"
	"jiayuan/app/ops"
)

// TestBooksOnABigLedger times the books' reads on a big ledger named by JIAYUAN_BIG_LEDGER
// (e.g. `jiayuan demo --units 5000 --years 20`); skipped without it.
func TestBooksOnABigLedger(t *testing.T) {
	path := os.Getenv("JIAYUAN_BIG_LEDGER")
	if path == "" {
		t.Skip("JIAYUAN_BIG_LEDGER not set")
	}
	sess := NewSession(ops.NewConfigStore(t.TempDir()), i18n.MustLoad())
	if _, err := sess.open(path); err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	vs, pis, ps, ds := NewVoucherService(sess), NewPublicIncomeService(sess), NewPeriodService(sess), NewDashboardService(sess)
	timed := func(name string, fn func() error) {
		start := time.Now()
		if err := fn(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Logf("%-28s %v", name, time.Since(start))
	}
	for _, b := range []string{"fund", "public", "working"} {
		timed("list first page "+b, func() error { _, err := vs.List(VoucherQuery{Book: b}); return err })
		timed("list last page "+b, func() error { _, err := vs.List(VoucherQuery{Book: b, Page: 1000}); return err })
		timed("list text "+b, func() error { _, err := vs.List(VoucherQuery{Book: b, Text: "停车"}); return err })
		timed("list account+amount "+b, func() error {
			_, err := vs.List(VoucherQuery{Book: b, Account: "1001", MinAmount: "1000", MaxAmount: "5000"})
			return err
		})
	}
	timed("voucher detail", func() error { _, err := vs.Get(1); return err })
	timed("public income overview", func() error { _, err := pis.Overview(); return err })
	timed("periods overview", func() error { _, err := ps.Overview(); return err })
	timed("ratio trend", func() error { _, err := ds.RatioTrend(); return err })
	timed("search units", func() error { _, err := vs.SearchUnits("3号-12", 20); return err })
}
