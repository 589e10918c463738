package app

import (
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// The contracts screen's way through R8: a contract without its approving resolution is
// refused and changes nothing; with the assembly's resolution it is recorded and listed with
// its expected and received income per quarter, the past quarters without income and the
// flag for a contract ending within 90 days.
func TestContractRecordedWithItsResolutionAndFlagged(t *testing.T) {
	w := newWorksLedger(t, "2026-01-01") // today is 2026-11-22
	cs, rs := NewContractService(w.sess), NewResolutionService(w.sess)
	opts, err := cs.Options()
	if err != nil {
		t.Fatal(err)
	}
	if len(opts.Buildings) != 2 || len(opts.Accounts) == 0 || opts.Today != worksToday {
		t.Fatalf("options %+v", opts)
	}
	form := ContractForm{Counterparty: "上海畅行停车管理有限公司", CommonPart: "地面停车位", BuildingID: w.buildings[1], Start: "2026-02-01",
		End: "2027-01-31", Period: "month", Amount: "1,000", Collector: "committee", AccountCode: "4001"}
	head := func() store.ChainHead {
		h, err := w.st.ChainHead()
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	before := head()
	_, err = cs.Add(form)
	wantKey(t, err, "resolution.required")
	bad := form
	bad.BuildingID = 999
	_, err = cs.Add(bad)
	wantKey(t, err, "contract.bad_building")
	if after := head(); after != before {
		t.Fatalf("a refused contract changed the ledger: %+v → %+v", before, after)
	}
	// a resolution of another purpose does not approve a contract
	other, err := rs.Record(ResolutionForm{Body: "assembly", Purpose: "general", Date: "2026-01-10", Subject: "一般事项",
		PartArea: "1150", PartOwners: "11", AgreeArea: "1150", AgreeOwners: "11"})
	if err != nil {
		t.Fatal(err)
	}
	form.ResolutionID = other.ID
	_, err = cs.Add(form)
	if ledger.KeyOf(err) == "" {
		t.Fatalf("a general resolution approved a contract: %v", err)
	}
	res, err := rs.Record(ResolutionForm{Body: "assembly", Purpose: "contract", Date: "2026-01-10", Subject: "利用共有部分停车",
		PartArea: "1150", PartOwners: "11", AgreeArea: "1150", AgreeOwners: "11"})
	if err != nil || !res.Passed {
		t.Fatalf("resolution %+v %v", res, err)
	}
	form.ResolutionID = res.ID
	v, err := cs.Add(form)
	if err != nil {
		t.Fatal(err)
	}
	if v.Building != "2号" || v.Amount != "1000.00" || v.ManagementShare != "" || v.ResolutionSubject != "利用共有部分停车" || !v.Expiring || v.Ended {
		t.Fatalf("recorded %+v", v)
	}
	// income of Q2 only: Q1 (two months) and Q3 are missing, Q4 is not over yet. (A contract the
	// property company collects is received through its quarterly statements — store's
	// statements_test; this one is read as the committee's own, received on its account.)
	if _, err := w.st.PostVoucher(store.VoucherInput{Book: ledger.BookPublic, Date: "2026-05-10", Summary: "停车费",
		Lines: []store.LineInput{{AccountCode: ledger.CodeBank, Amount: ledger.Yuan(1500)}, {AccountCode: "4001", Amount: ledger.Yuan(-1500)}}}); err != nil {
		t.Fatal(err)
	}
	list, err := cs.List()
	if err != nil || len(list) != 1 {
		t.Fatalf("list %+v %v", list, err)
	}
	v = list[0]
	if v.Expected != "11000.00" || v.Received != "1500.00" || len(v.Quarters) != 4 {
		t.Fatalf("figures %+v", v)
	}
	if len(v.Missing) != 2 || v.Missing[0] != "2026Q1" || v.Missing[1] != "2026Q3" {
		t.Fatalf("missing %v", v.Missing)
	}
	if q := v.Quarters[0]; q.Quarter != "2026Q1" || q.Expected != "2000.00" || !q.Missing {
		t.Fatalf("first quarter %+v", q)
	}
	// a contract the property company collects keeps its agreed deduction cap; a cap over 100%
	// is refused as typed, with the register unchanged
	ad := ContractForm{Counterparty: "分众广告", CommonPart: "电梯广告位", Start: "2026-03-01", End: "2028-02-29", Period: "quarter",
		Amount: "5000", Collector: "property", AccountCode: "4002", ResolutionID: res.ID, ManagementShare: "130"}
	_, err = cs.Add(ad)
	wantKey(t, err, "contract.bad_share")
	ad.ManagementShare = "30%"
	// the signed contract goes with it, bound to the contract record
	signed, err := w.st.AddAttachment("分众广告合同.pdf", []byte("%PDF-1.4 signed"))
	if err != nil {
		t.Fatal(err)
	}
	ad.AttachmentID = signed.ID
	if v, err = cs.Add(ad); err != nil || v.ManagementShare != "30" || v.Expiring {
		t.Fatalf("with its share %+v %v", v, err)
	}
	var bound int
	if err := w.st.DB().QueryRow(`SELECT count(*) FROM record_attachments WHERE entity = 'contract' AND entity_id = ? AND attachment_id = ?`,
		v.ID, signed.ID).Scan(&bound); err != nil || bound != 1 {
		t.Fatalf("the signed contract is not bound to it: %d %v", bound, err)
	}
	if list, _ = cs.List(); len(list) != 2 {
		t.Fatalf("%d contracts", len(list))
	}
	// its statement of the second quarter reports it; part of the net is transferred, the rest held
	if _, err := w.st.RecordStatement(store.StatementInput{Quarter: "2026Q2", Company: "安心物业", Received: "2026-07-05",
		Lines: []store.StatementLineInput{{ContractID: v.ID, Source: "电梯广告", Gross: ledger.Yuan(5000), Tax: ledger.Yuan(300), Basis: "税费"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.st.SettleReceivable(store.SettlementInput{Date: "2026-07-10", Amount: ledger.Yuan(4000)}); err != nil {
		t.Fatal(err)
	}
	held, err := cs.Held()
	if err != nil {
		t.Fatal(err)
	}
	if held != (ContractsHeld{Statements: 1, Gross: "5000.00", Deductions: "300.00", Net: "4700.00", Transferred: "4000.00", Held: "700.00"}) {
		t.Fatalf("held %+v", held)
	}
	if list, _ = cs.List(); list[0].Counterparty != "分众广告" || list[0].Received != "5000.00" {
		t.Fatalf("the statement's line is what the contract received: %+v", list[0])
	}
}
