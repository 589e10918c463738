package store_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

func TestSmoke(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.jiayuan")
	s, err := store.Create(p, store.Community{Name: "测试小区", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := s.AddBuilding(store.Building{Code: "1号"})
	if err != nil {
		t.Fatal(err)
	}
	var units []int64
	for i, a := range []int64{8000, 9000, 10000} {
		id, err := s.AddUnit(store.Unit{BuildingID: b, Room: string(rune('A' + i)), AreaCM2: a * 100, HousingType: "commodity", Initial: ledger.Yuan(a)})
		if err != nil {
			t.Fatal(err)
		}
		units = append(units, id)
	}
	v, err := s.PostVoucher(store.VoucherInput{Book: ledger.BookFund, Date: "2024-01-05", Summary: "首期",
		Lines:  []store.LineInput{{AccountCode: "1001", Amount: ledger.Yuan(27000)}, {AccountCode: "4001", Amount: ledger.Yuan(-27000)}},
		Splits: []store.UnitSplit{{units[0], ledger.Yuan(8000)}, {units[1], ledger.Yuan(9000)}, {units[2], ledger.Yuan(10000)}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(v.No, v.ChainSeq, v.ChainHash)
	pid, err := s.CreateProject(store.ProjectInput{Name: "屋面", ScopeKind: "community", Date: "2024-02-01"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PostProjectExpense(pid, "2024-03-01", ledger.Yuan(100), "x", nil); ledger.KeyOf(err) != "vote.missing" {
		t.Fatalf("want vote.missing, got %v", err)
	}
	_, vc, err := s.RecordProjectVote(pid, store.VoteInput{Title: "t", Date: "2024-02-10", PartArea: 2700000, PartOwners: 3, AgreeArea: 2700000, AgreeOwners: 3})
	if err != nil || !vc.Passed {
		t.Fatal(err, vc)
	}
	if err := s.SetCostAudit(pid, ledger.Yuan(20000)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PostProjectExpense(pid, "2024-03-01", ledger.Yuan(20000), "屋面维修", nil); err != nil {
		t.Fatal(err)
	}
	st, err := s.Status(time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", st.Fund)
	t.Logf("%+v", st.Replenishment)
	// public income while below 30%
	if _, err := s.PostVoucher(store.VoucherInput{Book: ledger.BookPublic, Date: "2024-04-02", Summary: "停车费",
		Lines: []store.LineInput{{AccountCode: "1001", Amount: ledger.Yuan(1000)}, {AccountCode: "4001", Amount: ledger.Yuan(-1000)}}}); err != nil {
		t.Fatal(err)
	}
	// ¥500.01 owed to the fund is ring-fenced in the bank balance of ¥1,000.00
	_, err = s.PostVoucher(store.VoucherInput{Book: ledger.BookPublic, Date: "2024-04-03", Summary: "审计费",
		Lines: []store.LineInput{{AccountCode: "5201", Amount: ledger.Yuan(500)}, {AccountCode: "1001", Amount: ledger.Yuan(-500)}}})
	if ledger.KeyOf(err) != "r2.ring_fenced" {
		t.Fatalf("want ring-fenced, got %v", err)
	}
	if err := s.ClosePeriod(ledger.BookPublic, "2024Q2", "2024-07-01"); ledger.KeyOf(err) != "r2.close_shortfall" {
		t.Fatalf("close: %v", err)
	}
	if _, _, err := s.Transfer(store.TransferInput{From: ledger.BookPublic, To: ledger.BookFund, Date: "2024-04-05", Amount: ledger.Fen(50001)}); err != nil {
		t.Fatal(err)
	}
	if err := s.ClosePeriod(ledger.BookPublic, "2024Q2", "2024-07-01"); err != nil {
		t.Fatal(err)
	}
	rv, err := s.Reverse(v.ID, "2024-07-02", "录错")
	if err != nil {
		t.Log("reverse:", err)
	} else {
		t.Log(rv[0].No)
	}
	res, err := s.Verify()
	if err != nil || !res.OK {
		t.Fatal(err, res.Problem)
	}
	t.Logf("%+v", res)
}

func TestOpenRefusesAFileThatIsNotALedger(t *testing.T) {
	p := filepath.Join(t.TempDir(), "notes.jiayuan")
	if err := os.WriteFile(p, []byte("这不是账本"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		if _, err := store.Open(p, store.Options{ReadOnly: ro}); ledger.KeyOf(err) != "ledger.not_a_ledger" {
			t.Errorf("readOnly=%v: %v", ro, err)
		}
	}
	b, _ := os.ReadFile(p)
	if string(b) != "这不是账本" {
		t.Error("the file was changed")
	}
}
