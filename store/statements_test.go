package store_test

import (
	"errors"
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// statementContracts records two contracts the property company collects — parking with an
// agreed deduction share of 30% and lift ads with none on record — approved by the assembly.
func statementContracts(f *fixture) (parkingID, adsID int64) {
	f.t.Helper()
	res := f.assembly(ledger.PurposeContract, "2024-01-20", "0")
	p := parking(res)
	p.End, p.ManagementShare = "2030-12-31", "30"
	var err error
	if parkingID, err = f.s.AddContract(p); err != nil {
		f.t.Fatal(err)
	}
	ads := store.ContractInput{Counterparty: "上海分众楼宇广告有限公司", CommonPart: "电梯广告位", Start: "2024-04-01", End: "2030-12-31",
		Period: "quarter", Amount: m("5000.00"), Collector: "property", AccountCode: "4002", ResolutionID: res}
	if adsID, err = f.s.AddContract(ads); err != nil {
		f.t.Fatal(err)
	}
	return parkingID, adsID
}

// The quarter's statement is one voucher recognising gross income, the deductions with their
// basis and the net against the receivable; R2 binds the net in the statement's quarter; the
// transfer to the owners' assembly account settles the receivable; lines off the register are
// variances; the contracts register's received comes from the statement.
func TestStatementRecognisesIncomeAgainstTheReceivable(t *testing.T) {
	f := mustCreate(t)
	parkingID, adsID := statementContracts(f)
	in := store.StatementInput{Quarter: "2024Q2", Company: "上海锦绣物业", Received: "2024-07-10", Lines: []store.StatementLineInput{
		{ContractID: parkingID, Gross: m("3000.00"), Tax: m("180.00"), Management: m("900.00"), Basis: "停车合同第5条：管理成本30%"},
		{Contract: "小区门口临时摆摊", Gross: m("500.00")},
	}}
	before := f.fingerprint()
	dry, err := f.s.CheckStatement(in)
	if err != nil {
		t.Fatal(err)
	}
	if f.fingerprint() != before {
		t.Fatal("a dry run changed the file")
	}
	st, err := f.s.RecordStatement(in)
	if err != nil {
		t.Fatal(err)
	}
	if dry.VoucherNo != st.VoucherNo || st.Net.String() != "2420.00" || st.Gross.String() != "3500.00" || st.Deductions.String() != "1080.00" {
		t.Fatalf("statement %+v (dry run %+v)", st, dry)
	}
	v, err := f.s.Voucher(st.VoucherID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Date != "2024-06-30" || v.R2Net.String() != "2420.00" || v.Book != ledger.BookPublic {
		t.Fatalf("voucher %+v", v)
	}
	var receivable ledger.Money
	for _, l := range v.Lines {
		if l.AccountCode == ledger.CodeReceivable {
			receivable = receivable.Add(l.Amount)
		}
	}
	if receivable.String() != "2420.00" {
		t.Fatalf("receivable line %s in %+v", receivable, v.Lines)
	}
	// the variances: a line with no contract, and the ads contract with no line
	if len(st.Variances) != 2 || st.Variances[0].Kind != ledger.VarianceNoContract || st.Variances[0].Line != 2 || st.Variances[0].Source != "小区门口临时摆摊" ||
		st.Variances[1].Counterparty != "上海分众楼宇广告有限公司" ||
		st.Variances[1].Kind != ledger.VarianceMissingLine || st.Variances[1].ContractID != adsID || st.Variances[1].Expected.String() != "5000.00" {
		t.Fatalf("variances %+v", st.Variances)
	}
	// R2 counts the net in the statement's quarter: strictly more than half of 2,420.00
	status, err := f.s.Status(time.Date(2024, 7, 12, 9, 0, 0, 0, time.UTC), false)
	if err != nil {
		t.Fatal(err)
	}
	var q2 store.QuarterStatus
	for _, q := range status.Quarters {
		if q.Quarter == "2024Q2" {
			q2 = q
		}
	}
	if q2.Net.String() != "2420.00" || q2.Required.String() != "1210.01" {
		t.Fatalf("2024Q2 %+v", q2)
	}
	// the money is not in the bank yet: the bank balance is unchanged, the receivable holds it
	if f.bookBalance(ledger.BookPublic) != 0 {
		t.Fatalf("public bank %d", f.bookBalance(ledger.BookPublic))
	}
	if held, _ := f.s.ReceivableBalance(); held.String() != "2420.00" {
		t.Fatalf("held %s", held)
	}
	// the contracts register: parking's received is the statement's gross
	sts, err := f.s.ContractStatuses(time.Date(2024, 7, 12, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range sts {
		for _, q := range c.Quarters {
			if c.ID == parkingID && q.Quarter == "2024Q2" && (q.Received.String() != "3000.00" || q.Missing) {
				t.Errorf("parking 2024Q2 %+v", q)
			}
			if c.ID == adsID && q.Quarter == "2024Q2" && (!q.Received.IsZero() || !q.Missing) {
				t.Errorf("ads 2024Q2 %+v", q)
			}
		}
	}
	// the transfer to the owners' assembly account settles it, no more than it holds
	f.refuse("statement.settle_exceeds", func() error {
		_, err := f.s.SettleReceivable(store.SettlementInput{Date: "2024-07-20", Amount: m("2420.01")})
		return err
	})
	f.refuse("statement.settle_exceeds", func() error { // nothing was held before the quarter's end
		_, err := f.s.SettleReceivable(store.SettlementInput{Date: "2024-06-29", Amount: m("1.00")})
		return err
	})
	if _, err := f.s.SettleReceivable(store.SettlementInput{Date: "2024-07-20", Amount: m("2000.00")}); err != nil {
		t.Fatal(err)
	}
	if f.bookBalance(ledger.BookPublic) != 200000 {
		t.Fatalf("public bank %d after the transfer", f.bookBalance(ledger.BookPublic))
	}
	if held, _ := f.s.ReceivableBalance(); held.String() != "420.00" {
		t.Fatalf("held %s after the transfer", held)
	}
	f.verifyOK()
}

// A statement that cannot be booked is refused with the file unchanged: a line with
// deductions but no basis, deductions beyond the gross, a quarter not yet ended, a second
// statement for a quarter, no lines. Reversing a statement's voucher lets the quarter be
// entered again.
func TestStatementRefusals(t *testing.T) {
	f := mustCreate(t)
	parkingID, _ := statementContracts(f)
	good := func() store.StatementInput {
		return store.StatementInput{Quarter: "2024Q2", Received: "2024-07-10", Lines: []store.StatementLineInput{
			{ContractID: parkingID, Gross: m("3000.00"), Management: m("900.00"), Basis: "合同第5条"}}}
	}
	record := func(in store.StatementInput) func() error {
		return func() error { _, err := f.s.RecordStatement(in); return err }
	}
	noBasis := good()
	noBasis.Lines[0].Basis = ""
	f.refuse("import.rows_refused", record(noBasis))
	_, err := f.s.RecordStatement(noBasis)
	if ps := rowProblems(err); len(ps) != 1 || ps[0].Row != 1 || ps[0].Err.Key != "statement.basis_required" {
		t.Fatalf("problems %+v", ps)
	}
	beyond := good()
	beyond.Lines = append(beyond.Lines, store.StatementLineInput{Row: 7, Contract: "x", Gross: m("10.00"), Tax: m("10.01"), Basis: "税"})
	f.refuse("import.rows_refused", record(beyond))
	if _, err := f.s.RecordStatement(beyond); rowProblems(err)[0].Row != 7 || rowProblems(err)[0].Err.Key != "statement.deductions_exceed_gross" {
		t.Fatalf("problems %+v", rowProblems(err))
	}
	badAccount := good()
	badAccount.Lines[0].AccountCode = "5001"
	f.refuse("import.rows_refused", record(badAccount))
	notEnded := good()
	notEnded.Quarter = ledger.Quarter(time.Now())
	notEnded.Received = ""
	f.refuse("statement.quarter_not_ended", record(notEnded))
	empty := good()
	empty.Lines = nil
	f.refuse("statement.no_lines", record(empty))
	future := good()
	future.Received = "2099-01-01"
	f.refuse("statement.received_future", record(future))
	st, err := f.s.RecordStatement(good())
	if err != nil {
		t.Fatal(err)
	}
	f.refuse("statement.duplicate_quarter", record(good()))
	if _, err := f.s.Reverse(st.VoucherID, "2024-07-15", "物业公司更正报告"); err != nil {
		t.Fatal(err)
	}
	again := good()
	again.Lines[0].Management = m("900.01") // one fen over the agreed 30%
	st2, err := f.s.RecordStatement(again)
	if err != nil {
		t.Fatal(err)
	}
	if len(st2.Variances) != 2 || st2.Variances[0].Kind != ledger.VarianceOverShare || st2.Variances[0].Allowed.String() != "900.00" {
		t.Fatalf("variances %+v", st2.Variances)
	}
	all, err := f.s.Statements()
	if err != nil || len(all) != 2 || all[0].Reversed == all[1].Reversed {
		t.Fatalf("statements %+v %v", all, err)
	}
	f.verifyOK()
}

// Income of one building's owners (ads in its lifts) that the property company collects is
// reported in a statement of its own for the quarter: a statement mixing scopes is refused, the
// building's statement is booked to that building (R2 splits it among its units), each scope
// has one statement a quarter, and each is checked against its own scope's contracts.
func TestStatementPerScope(t *testing.T) {
	f := mustCreate(t)
	parkingID, _ := statementContracts(f)
	res := f.assembly(ledger.PurposeContract, "2024-01-21", "0")
	liftAds := store.ContractInput{Counterparty: "2号楼电梯广告商", CommonPart: "2号楼电梯广告位", BuildingID: f.bB, Start: "2024-04-01",
		End: "2030-12-31", Period: "quarter", Amount: m("800.00"), Collector: "property", AccountCode: "4002", ResolutionID: res}
	liftID, err := f.s.AddContract(liftAds)
	if err != nil {
		t.Fatal(err)
	}
	community := store.StatementInput{Quarter: "2024Q2", Company: "上海锦绣物业", Received: "2024-07-10", Lines: []store.StatementLineInput{
		{ContractID: parkingID, Gross: m("3000.00"), Tax: m("180.00"), Basis: "税"}}}
	building := store.StatementInput{Quarter: "2024Q2", Company: "上海锦绣物业", Received: "2024-07-10", Lines: []store.StatementLineInput{
		{ContractID: liftID, Gross: m("800.00"), Tax: m("48.00"), Basis: "税"}}}
	mixed := community
	mixed.Lines = append(append([]store.StatementLineInput{}, community.Lines...), building.Lines...)
	f.refuse("import.rows_refused", func() error { _, err := f.s.RecordStatement(mixed); return err })

	c, err := f.s.RecordStatement(community)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range c.Variances { // the building's contract is not the community statement's to report
		if v.ContractID == liftID {
			t.Fatalf("community statement flags the building's contract: %+v", c.Variances)
		}
	}
	b, err := f.s.RecordStatement(building)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := f.s.Voucher(b.VoucherID)
	if b.BuildingID != f.bB || v.BuildingID != f.bB || c.BuildingID != 0 || len(b.Variances) != 0 {
		t.Fatalf("building statement %+v, voucher building %d", b, v.BuildingID)
	}
	f.refuse("statement.duplicate_quarter", func() error { _, err := f.s.RecordStatement(building); return err })
	f.refuse("statement.duplicate_quarter", func() error { _, err := f.s.RecordStatement(community); return err })
	// R2: one requirement per scope — 2,820.00 → 1,410.01 and 752.00 → 376.01
	by, err := f.s.PublicIncomeByBuilding("2024-07-15")
	if err != nil {
		t.Fatal(err)
	}
	if len(by) != 2 || by[0].Required != m("1410.01") || by[1].BuildingID != f.bB || by[1].Required != m("376.01") {
		t.Fatalf("R2 by scope %+v", by)
	}
	f.verifyOK()
}

// A contract's agreed share is checked when it is recorded, and a statement's snapshot covers
// its lines: an edit outside the app is found by verify.
func TestStatementShareAndTamper(t *testing.T) {
	f := mustCreate(t)
	p := parking(f.assembly(ledger.PurposeContract, "2024-01-20", "0"))
	p.ManagementShare = "100.5"
	f.refuse("contract.bad_share", func() error { _, err := f.s.AddContract(p); return err })
	p.ManagementShare = "12.5%"
	id, err := f.s.AddContract(p)
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := f.s.Contracts()
	if len(cs) != 1 || cs[0].ID != id || cs[0].ManagementShare != "12.5" {
		t.Fatalf("contracts %+v", cs)
	}
	if _, err := f.s.RecordStatement(store.StatementInput{Quarter: "2024Q3", Received: "2024-10-08", Lines: []store.StatementLineInput{
		{Contract: "畅行停车", Gross: m("3000.00"), Management: m("375.00"), Basis: "合同"}}}); err != nil {
		t.Fatal(err)
	}
	f.verifyOK()
	f.s.Close()
	sqlite3(t, f.path, `DROP TRIGGER statement_lines_permanent_u; UPDATE statement_lines SET management_fen = 1;`)
	f.reopen()
	res, err := f.s.Verify()
	if err != nil {
		t.Fatal(err)
	}
	if res.OK || res.Problem == nil || res.Problem.Table != "statement" {
		t.Fatalf("an edited statement line verifies: %+v", res.Problem)
	}
}

// rowProblems returns the problems of a refusal by rows (nil for any other error).
func rowProblems(err error) []store.RowProblem {
	var rr *store.RowsRefused
	if errors.As(err, &rr) {
		return rr.Problems
	}
	return nil
}

// The property company leaves: its hand-over is due within 10 days and followed on the
// dashboard until recorded, which is refused while it still holds public income; quarters
// after it left need no statement.
func TestPropertyCompanyHandover(t *testing.T) {
	f := mustCreate(t)
	parkingID, _ := statementContracts(f)
	if _, err := f.s.RecordStatement(store.StatementInput{Quarter: "2024Q1", Received: "2024-04-08", Lines: []store.StatementLineInput{
		{ContractID: parkingID, Gross: m("2000.00"), Management: m("600.00"), Basis: "合同第5条"}}}); err != nil {
		t.Fatal(err)
	}
	f.refuse("property.company_empty", func() error { _, err := f.s.RecordPropertyLeaving(" ", "2024-05-31", ""); return err })
	id, err := f.s.RecordPropertyLeaving("上海锦绣物业", "2024-05-31", "合同到期")
	if err != nil {
		t.Fatal(err)
	}
	f.refuse("property.leaving_open", func() error { _, err := f.s.RecordPropertyLeaving("另一家物业", "2024-06-30", ""); return err })
	at := func(y, mo, d int) store.Oversight {
		st, err := f.s.Status(time.Date(y, time.Month(mo), d, 9, 0, 0, 0, time.UTC), false)
		if err != nil {
			t.Fatal(err)
		}
		return st.Oversight
	}
	o := at(2024, 6, 10) // day 10: due, not overdue
	if o.Handover == nil || o.Handover.Due != "2024-06-10" || o.Handover.Overdue || o.Handover.Held.String() != "1400.00" {
		t.Fatalf("hand-over %+v", o.Handover)
	}
	if o = at(2024, 6, 11); o.Handover == nil || !o.Handover.Overdue {
		t.Fatalf("day 11: %+v", o.Handover)
	}
	// 2024Q2 began before it left: its statement is still owed; 2024Q3 is not
	if o = at(2024, 11, 20); len(o.MissingStatements) != 1 || o.MissingStatements[0].Quarter != "2024Q2" {
		t.Fatalf("missing statements %+v", o.MissingStatements)
	}
	f.refuse("property.still_holds", func() error { return f.s.RecordPropertyHandover(id, "2024-06-05", "账册、合同原件", "") })
	f.refuse("property.handover_before_leaving", func() error { return f.s.RecordPropertyHandover(id, "2024-05-30", "账册", "") })
	f.refuse("property.records_empty", func() error { return f.s.RecordPropertyHandover(id, "2024-06-05", "", "") })
	if _, err := f.s.SettleReceivable(store.SettlementInput{Date: "2024-06-05", Amount: m("1400.00")}); err != nil {
		t.Fatal(err)
	}
	if err := f.s.RecordPropertyHandover(id, "2024-06-06", "账册、合同原件、监管账户对账单", ""); err != nil {
		t.Fatal(err)
	}
	f.refuse("property.already_handed_over", func() error { return f.s.RecordPropertyHandover(id, "2024-06-07", "账册", "") })
	if o = at(2024, 6, 20); o.Handover != nil {
		t.Fatalf("handed over, still pending: %+v", o.Handover)
	}
	hs, err := f.s.PropertyHandovers()
	if err != nil || len(hs) != 1 || hs[0].HandedOverOn != "2024-06-06" || hs[0].Balance.String() != "1400.00" {
		t.Fatalf("hand-overs %+v %v", hs, err)
	}
	f.verifyOK()
}
