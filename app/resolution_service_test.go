package app

import (
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// The window's way through R8: an allocation to working expenses without a resolution is
// refused, the assembly's resolution is recorded as typed, then the allocation citing it passes.
func TestAllocationRefusedThenPassesOnceAResolutionIsCited(t *testing.T) {
	w := newWorksLedger(t, "2026-01-01")
	if _, err := w.st.PostVoucher(store.VoucherInput{Book: ledger.BookPublic, Date: "2026-02-01", Summary: "停车费",
		Lines: []store.LineInput{{AccountCode: ledger.CodeBank, Amount: ledger.Yuan(1000)}, {AccountCode: "4001", Amount: ledger.Yuan(-1000)}}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.st.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2026-02-02", Amount: ledger.Fen(50001)}); err != nil {
		t.Fatal(err)
	}
	vs, rs := NewVoucherService(w.sess), NewResolutionService(w.sess)
	req := BookTransferRequest{From: "public", To: "working", Date: "2026-03-01", Amount: "200"}
	_, err := vs.Transfer(req)
	wantKey(t, err, "resolution.required")

	// a committee resolution without the assembly's delegation is refused as typed
	_, err = rs.Record(ResolutionForm{Body: "committee", Purpose: "allocation", Date: "2026-02-20", Subject: "拨付工作经费",
		Members: "7", Present: "5", For: "4", Against: "1", Amount: "200"})
	wantKey(t, err, "resolution.committee_needs_delegation")
	// the assembly's vote: 11 owners and 1,150.00 m² in all
	v, err := rs.Record(ResolutionForm{Body: "assembly", Purpose: "allocation", Date: "2026-02-20", Subject: "拨付2026年工作经费",
		PartArea: "1,150", PartOwners: "11", AgreeArea: "1000", AgreeOwners: "10", Amount: "500"})
	if err != nil {
		t.Fatal(err)
	}
	if !v.Passed || v.Amount != "500.00" || v.PublishDue != "2026-02-23" || !v.Overdue {
		t.Fatalf("recorded %+v", v)
	}
	c, err := rs.Citable("allocation", "2026-03-01")
	if err != nil || len(c) != 1 || c[0].ID != v.ID {
		t.Fatalf("citable %+v %v", c, err)
	}
	req.ResolutionID = v.ID
	res, err := vs.Transfer(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.Out.ResolutionID != v.ID {
		t.Fatalf("the allocation does not show its resolution: %+v", res.Out)
	}
	if err := rs.Publish(v.ID, "2026-02-22"); err != nil {
		t.Fatal(err)
	}
	list, _ := rs.List()
	if list[0].PublishedOn != "2026-02-22" || list[0].Overdue || list[0].Used != "200.00" {
		t.Fatalf("after publishing %+v", list[0])
	}
}
