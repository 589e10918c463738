package app

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// The replenishment fixture (e2e/tests/replenishment.test.mjs): the worked example.
//
//	2025-12-01  initial deposits recorded: 1号-101 ¥60,000.00, 1号-102 ¥40,000.00 (100.00 m²
//	            each), garage 车库-G01 ¥5,000.00 (accounted separately)
//	2026-01-09  repair of 101's own parts ¥50,000.00: 101 keeps ¥10,000.00 (residential 50%)
//	2026-01-10  repair of 102's own parts ¥25,000.00: residential ¥25,000.00 of ¥100,000.00 =
//	            25% — the trigger (with the garage it would be 28.57%: below either way)
//
// No decision is recorded: the decision deadline is 2026-04-10, the bank notice possible from
// 2026-04-11; a notice of 2026-04-15 makes 101 owe ¥20,000.00 and 102 ¥5,000.00 by 2026-07-14.
func writeReplenishFixture(path string) (err error) {
	s, err := store.Create(path, store.Community{Name: "续筹示例小区", StartDate: "2025-12-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		return err
	}
	defer func() {
		if cerr := s.Close(); err == nil {
			err = cerr
		}
	}()
	s.SetActor("测试数据")
	b1, err := s.AddBuilding(store.Building{Code: "1号", HasLift: true})
	if err != nil {
		return err
	}
	bg, err := s.AddBuilding(store.Building{Code: "车库"})
	if err != nil {
		return err
	}
	var ids []int64
	for _, u := range []struct {
		b          int64
		room, kind string
		area       int64
		initial    string
		owner      string
	}{{b1, "101", "commodity", 10000, "60000.00", "陈建国"}, {b1, "102", "commodity", 10000, "40000.00", "王秀英"},
		{bg, "G01", "garage", 1500, "5000.00", "陈建国"}} {
		o, err := s.FindOwner(u.owner, "")
		if err != nil {
			return err
		}
		if o == 0 {
			if o, err = s.AddOwner(store.Owner{Name: u.owner}); err != nil {
				return err
			}
		}
		ini, _ := ledger.ParseAmount(u.initial)
		id, err := s.AddUnit(store.Unit{BuildingID: u.b, Room: u.room, AreaCM2: u.area, HousingType: u.kind, Initial: ini, OwnerID: o})
		if err != nil {
			return err
		}
		ids = append(ids, id)
		if _, err := s.PostVoucher(store.VoucherInput{Book: ledger.BookFund, Date: "2025-12-01", Summary: "首期交存",
			Lines:  []store.LineInput{{AccountCode: ledger.CodeBank, Amount: ini}, {AccountCode: ledger.CodeFundInitial, Amount: ini.Neg()}},
			Splits: []store.UnitSplit{{UnitID: id, Amount: ini}}}); err != nil {
			return err
		}
	}
	for i, r := range []struct{ name, date, amount string }{{"101 外墙修缮", "2026-01-09", "50000.00"}, {"102 管道更新", "2026-01-10", "25000.00"}} {
		amt, _ := ledger.ParseAmount(r.amount)
		pid, err := s.CreateProject(store.ProjectInput{Name: r.name, ScopeKind: "units", UnitIDs: []int64{ids[i]}, Date: "2026-01-02"})
		if err != nil {
			return err
		}
		if _, vc, err := s.RecordProjectVote(pid, store.VoteInput{Title: r.name + " 表决", Date: "2026-01-02", PartArea: 10000, PartOwners: 1,
			AgreeArea: 10000, AgreeOwners: 1}); err != nil || !vc.Passed {
			return fmt.Errorf("vote %v %v", err, vc.Refusal)
		}
		if err := s.SetCostAudit(pid, amt); err != nil {
			return err
		}
		if _, err := s.PostProjectExpense(pid, r.date, amt, r.name, nil); err != nil {
			return err
		}
	}
	return nil
}

func TestReplenishE2EFixture(t *testing.T) {
	path := os.Getenv("JIAYUAN_REPLENISH_FIXTURE")
	if path != "" {
		os.Remove(path)
	} else {
		path = filepath.Join(t.TempDir(), "replenish.jiayuan")
	}
	if err := writeReplenishFixture(path); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cs, err := s.ReplenishmentCases()
	if err != nil || len(cs) != 1 || cs[0].TriggerDate != "2026-01-10" || cs[0].DecisionDeadline != "2026-04-10" || cs[0].NoticeFrom != "2026-04-11" ||
		cs[0].Balance.String() != "25000.00" || cs[0].Initial.String() != "100000.00" {
		t.Fatalf("case %+v %v", cs, err)
	}
	if res, err := s.Verify(); err != nil || !res.OK {
		t.Fatalf("verify %v %+v", err, res)
	}
}
