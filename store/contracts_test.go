package store_test

import (
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

func parking(resolution int64) store.ContractInput {
	return store.ContractInput{Counterparty: "上海畅行停车管理有限公司", CommonPart: "地面公共停车位 40 个", Start: "2024-02-01", End: "2025-01-31",
		Period: "month", Amount: m("1000.00"), Collector: "property", AccountCode: "4001", ResolutionID: resolution}
}

// A contract for common parts cites the assembly's approval (R8): none, the wrong matter, a
// committee outside its delegation, or a later date are refused with the file unchanged.
func TestContractCitesItsApprovingResolution(t *testing.T) {
	f := mustCreate(t)
	f.refuse("resolution.required", func() error { _, err := f.s.AddContract(parking(0)); return err })
	alloc := f.assembly(ledger.PurposeAllocation, "2024-01-10", "0")
	f.refuse("resolution.wrong_purpose", func() error { _, err := f.s.AddContract(parking(alloc)); return err })
	late := f.assembly(ledger.PurposeContract, "2024-02-02", "0")
	f.refuse("resolution.after_voucher", func() error { _, err := f.s.AddContract(parking(late)); return err })
	// a contract vote needs ≥ 3/4 of those taking part: 70% agreeing fails
	failed := f.assembly(ledger.PurposeContract, "2024-01-10", "0", func(in *store.ResolutionInput) { in.AgreeArea, in.AgreeOwners = 35000, 3 })
	f.refuse("resolution.not_passed", func() error { _, err := f.s.AddContract(parking(failed)); return err })
	bad := parking(late)
	bad.AccountCode = "5001"
	f.refuse("contract.bad_account", func() error { _, err := f.s.AddContract(bad); return err })
	ok := f.assembly(ledger.PurposeContract, "2024-01-20", "0")
	id, err := f.s.AddContract(parking(ok))
	if err != nil || id == 0 {
		t.Fatal(id, err)
	}
	f.verifyOK()
}

// Expected income per quarter from the register, against the income received on the
// account of a contract the committee collects; a past quarter without income is flagged; expiring within 90 days.
func TestContractExpectedAgainstReceived(t *testing.T) {
	f := mustCreate(t)
	c := parking(f.assembly(ledger.PurposeContract, "2024-01-20", "0"))
	c.Collector = "committee" // the committee's own account: received is the income on it (see statements_test for the property company's)
	if _, err := f.s.AddContract(c); err != nil {
		t.Fatal(err)
	}
	f.publicIncome("2024-03-05", "2000.00") // Q1: February and March
	today := time.Date(2024, 11, 20, 9, 0, 0, 0, time.UTC)
	sts, err := f.s.ContractStatuses(today)
	if err != nil || len(sts) != 1 {
		t.Fatal(sts, err)
	}
	st := sts[0]
	if !st.Expiring {
		t.Error("a contract ending 2025-01-31 is not flagged on 2024-11-20")
	}
	want := []struct {
		q, expected, received string
		missing               bool
	}{{"2024Q1", "2000.00", "2000.00", false}, {"2024Q2", "3000.00", "0.00", true}, {"2024Q3", "3000.00", "0.00", true}, {"2024Q4", "3000.00", "0.00", false}}
	if len(st.Quarters) != len(want) {
		t.Fatalf("quarters %+v", st.Quarters)
	}
	for i, w := range want {
		q := st.Quarters[i]
		if q.Quarter != w.q || q.Expected.String() != w.expected || q.Received.String() != w.received || q.Missing != w.missing {
			t.Errorf("quarter %d: %+v, want %+v", i, q, w)
		}
	}
}

// The dashboard's oversight: a resolution whose notice is overdue, a contract expiring within
// 90 days and its past quarters without income come with the status.
func TestStatusCarriesTheOversight(t *testing.T) {
	f := mustCreate(t)
	if _, err := f.s.AddContract(parking(f.assembly(ledger.PurposeContract, "2024-01-20", "0"))); err != nil {
		t.Fatal(err)
	}
	st, err := f.s.Status(time.Date(2024, 11, 20, 9, 0, 0, 0, time.UTC), false)
	if err != nil {
		t.Fatal(err)
	}
	o := st.Oversight
	// the property company collects it: its statements are missing, one alert per quarter
	if len(o.Unpublished) != 1 || len(o.Expiring) != 1 || len(o.Missing) != 0 || len(o.MissingStatements) != 3 ||
		o.MissingStatements[0].Quarter != "2024Q1" || o.MissingStatements[0].Expected.String() != "2000.00" {
		t.Fatalf("oversight %+v", o)
	}
}
