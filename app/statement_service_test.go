package app

import (
	"strings"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// The statements screen: a statement typed by hand is checked (its variances said in both
// languages) without changing the ledger, then posted; the company's transfer settles what it
// holds; its leaving is followed until the hand-over is recorded.
func TestStatementEnteredByHandSettledAndHandedOver(t *testing.T) {
	w := newWorksLedger(t, "2026-01-01") // today is 2026-11-22
	ss := NewStatementService(w.sess)
	res, err := w.st.RecordResolution(store.ResolutionInput{Body: ledger.BodyAssembly, Purpose: ledger.PurposeContract, Date: "2026-01-10",
		Subject: "利用共有部分经营", PartArea: 115000, PartOwners: 11, AgreeArea: 115000, AgreeOwners: 11})
	if err != nil {
		t.Fatal(err)
	}
	parking, err := w.st.AddContract(store.ContractInput{Counterparty: "上海畅行停车管理有限公司", CommonPart: "地面停车位", Start: "2026-01-15",
		End: "2030-12-31", Period: "month", Amount: ledger.Yuan(1000), Collector: "property", AccountCode: "4001", ResolutionID: res, ManagementShare: "30"})
	if err != nil {
		t.Fatal(err)
	}
	ov, err := ss.Overview()
	if err != nil || len(ov.Missing) != 3 || ov.Missing[0].Quarter != "2026Q1" || len(ov.Contracts) != 1 || ov.Contracts[0].Share != "30" {
		t.Fatalf("overview %+v %v", ov, err)
	}
	form := StatementForm{Quarter: "2026Q1", Company: "上海锦绣物业", Received: "2026-04-10", Lines: []StatementLineForm{
		{ContractID: parking, Gross: "3,000.00", Tax: "180", Management: "900.01", Basis: "停车合同第5条"}}}
	head, _ := w.st.ChainHead()
	v, err := ss.Check(form)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := w.st.ChainHead(); after != head {
		t.Fatal("a check changed the ledger")
	}
	if v.Net != "1919.99" || len(v.Variances) != 1 || v.Variances[0].Kind != "over_share" ||
		!strings.Contains(v.Variances[0].Message, "超过与上海畅行停车管理有限公司合同约定的 30%（最多 900.00 元）") ||
		!strings.Contains(v.Variances[0].MessageEn, "more than the 30% agreed") {
		t.Fatalf("checked %+v", v)
	}
	if _, err := ss.Record(form); err != nil {
		t.Fatal(err)
	}
	list, err := ss.List()
	if err != nil || len(list) != 1 || list[0].VoucherNo == "" || len(list[0].Lines) != 1 || list[0].Lines[0].Net != "1919.99" {
		t.Fatalf("list %+v %v", list, err)
	}
	if _, err := ss.Settle(SettlementForm{Date: "2026-04-20", Amount: "2000"}, true); ledger.KeyOf(err) != "statement.settle_exceeds" {
		t.Fatalf("settling more than held: %v", err)
	}
	sv, err := ss.Settle(SettlementForm{Date: "2026-04-20", Amount: "1919.99"}, false)
	if err != nil || sv.Held != "0.00" || sv.VoucherNo == "" {
		t.Fatalf("settled %+v %v", sv, err)
	}
	if err := ss.RecordLeaving(LeavingForm{Company: "上海锦绣物业", LeftOn: "2026-11-15"}); err != nil {
		t.Fatal(err)
	}
	ov, _ = ss.Overview()
	if len(ov.Handovers) != 1 || ov.Handovers[0].Due != "2026-11-25" || ov.Handovers[0].Overdue || ov.Held != "0.00" {
		t.Fatalf("leaving %+v", ov)
	}
	if err := ss.RecordHandover(HandoverForm{ID: ov.Handovers[0].ID, Date: "2026-11-20", Records: "账册、合同原件"}); err != nil {
		t.Fatal(err)
	}
	if ov, _ = ss.Overview(); ov.Handovers[0].HandedOverOn != "2026-11-20" {
		t.Fatalf("handed over %+v", ov.Handovers)
	}
}
