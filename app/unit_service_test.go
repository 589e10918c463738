package app

import (
	"path/filepath"
	"testing"

	"jiayuan/app/demo"
	"jiayuan/store/ledger"
)

// demoSession opens a small demo ledger (40 units, years of postings, a replenishment case).
func demoSession(t *testing.T) *Session {
	t.Helper()
	sess, _, dir := testSession(t)
	p := filepath.Join(dir, "demo.jiayuan")
	if err := demo.Generate(p, demo.Options{Units: 40}); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.open(p); err != nil {
		t.Fatal(err)
	}
	return sess
}

func TestUnitsPagesSearchesAndFilters(t *testing.T) {
	sess := demoSession(t)
	s := NewUnitService(sess)
	all, err := s.Units(UnitQuery{PageSize: 15})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != 40 || len(all.Rows) != 15 || all.Threshold != "30" {
		t.Fatalf("first page: total %d rows %d threshold %s", all.Total, len(all.Rows), all.Threshold)
	}
	last, _ := s.Units(UnitQuery{PageSize: 15, Page: 3})
	if len(last.Rows) != 10 || last.Rows[0].ID == all.Rows[0].ID {
		t.Errorf("third page has %d rows", len(last.Rows))
	}
	r := all.Rows[3]
	if r.Area == "" || r.Initial == "" || r.Balance == "" || r.BuildingCode == "" {
		t.Errorf("row %+v", r)
	}
	// search by owner name finds that unit
	found, _ := s.Units(UnitQuery{Text: r.OwnerName})
	ok := false
	for _, f := range found.Rows {
		ok = ok || f.ID == r.ID
	}
	if !ok || found.Total == 0 || found.Total > 40 {
		t.Errorf("search %q: %+v", r.OwnerName, found)
	}
	bs, err := s.Buildings()
	if err != nil || len(bs) == 0 {
		t.Fatal(err)
	}
	sum := 0
	for _, b := range bs {
		sum += b.Units
	}
	if sum != 40 {
		t.Errorf("buildings count %d units", sum)
	}
	inB, _ := s.Units(UnitQuery{BuildingID: bs[0].ID, PageSize: 200})
	if inB.Total != bs[0].Units {
		t.Errorf("building filter: %d, want %d", inB.Total, bs[0].Units)
	}
	below, _ := s.Units(UnitQuery{Below: true, PageSize: 200})
	for _, u := range below.Rows {
		if !u.Below {
			t.Errorf("unit %d listed as below but is not", u.ID)
		}
	}
	garages, _ := s.Units(UnitQuery{HousingType: "garage", PageSize: 200})
	for _, u := range garages.Rows {
		if u.HousingType != "garage" {
			t.Errorf("type filter returned %s", u.HousingType)
		}
	}
}

func TestUnitDetailHasTheSubAccountWithRunningBalance(t *testing.T) {
	sess := demoSession(t)
	s := NewUnitService(sess)
	page, _ := s.Units(UnitQuery{PageSize: 1})
	d, err := s.Unit(page.Rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Entries) == 0 {
		t.Fatal("a demo unit has sub-account lines")
	}
	sum := ledger.Zero
	for _, e := range d.Entries {
		a, err := ledger.ParseAmount(e.Amount)
		if err != nil {
			t.Fatal(err)
		}
		sum = sum.Add(a)
		if e.Balance != sum.String() {
			t.Fatalf("running balance %s, want %s", e.Balance, sum)
		}
		if e.VoucherNo == "" || e.Date == "" || e.AccountName == "" {
			t.Errorf("line %+v", e)
		}
	}
	if d.Unit.Balance != sum.String() {
		t.Errorf("balance %s, lines sum to %s", d.Unit.Balance, sum)
	}
	if !d.AreaFixed || d.Threshold != "30" || d.Target != "50" {
		t.Errorf("detail %+v", d)
	}
	// the area of a unit with apportioned money cannot change; its owner can
	in := UnitInput{ID: d.Unit.ID, BuildingID: d.Unit.BuildingID, Room: d.Unit.Room, Area: "999", HousingType: d.Unit.HousingType,
		Initial: d.Unit.Initial, OwnerName: d.Unit.OwnerName, OwnerPhone: d.OwnerPhone}
	if _, err := s.UpdateUnit(in); ledger.KeyOf(err) != "unit.area_fixed" {
		t.Fatalf("area change: %v", err)
	}
	in.Area, in.OwnerName, in.OwnerPhone = d.Unit.Area, "新业主", "021-5555"
	d2, err := s.UpdateUnit(in)
	if err != nil || d2.Unit.OwnerName != "新业主" || d2.OwnerPhone != "021-5555" || d2.Unit.OwnerID == d.Unit.OwnerID {
		t.Fatalf("owner change: %+v %v", d2, err)
	}
}

func TestUnitDuesShowTheReplenishmentCase(t *testing.T) {
	sess := demoSession(t)
	s := NewUnitService(sess)
	st, _ := sess.Store()
	cases, err := st.ReplenishmentCases()
	if err != nil {
		t.Fatal(err)
	}
	var caseID int64
	for _, c := range cases {
		if c.Units > 0 {
			caseID = c.ID
		}
	}
	if caseID == 0 {
		t.Skip("the demo has no case with dues")
	}
	dues, _, _ := st.CaseDues(caseID, 1000, 0)
	d, err := s.Unit(dues[len(dues)-1].UnitID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, u := range d.Dues {
		if u.CaseID == caseID {
			found = true
			if u.Due != dues[len(dues)-1].Due.String() || u.Paid != dues[len(dues)-1].Paid.String() {
				t.Errorf("due %+v, want %+v", u, dues[len(dues)-1])
			}
		}
	}
	if !found {
		t.Errorf("the unit's due in case %d is not shown: %+v", caseID, d.Dues)
	}
}

func TestAddUnitRefusesWhatIsWrongAndCountsAnOwnerOnce(t *testing.T) {
	sess, _, dir := testSession(t)
	ls := NewLedgerService(sess)
	in := goodInput(dir)
	in.Units = nil
	if _, err := ls.CreateLedger(in); err != nil {
		t.Fatal(err)
	}
	s := NewUnitService(sess)
	if _, err := s.AddBuilding(BuildingInput{Code: " "}); ledger.KeyOf(err) != "building.code_empty" {
		t.Fatalf("empty building: %v", err)
	}
	b, err := s.AddBuilding(BuildingInput{Code: "5号", HasLift: true})
	if err != nil || b.Name != "5号" {
		t.Fatal(b, err)
	}
	if _, err := s.AddBuilding(BuildingInput{Code: "5号"}); ledger.KeyOf(err) != "building.duplicate" {
		t.Fatalf("duplicate building: %v", err)
	}
	u := UnitInput{BuildingID: b.ID, Room: "501", Area: "88.80", HousingType: "commodity", Initial: "8880", OwnerName: "王五", OwnerPhone: "139"}
	d, err := s.AddUnit(u)
	if err != nil || d.Unit.Area != "88.80" || d.Unit.Initial != "8880.00" || d.Unit.Ratio != "0.00" || !d.Unit.Below {
		t.Fatalf("add: %+v %v", d, err)
	}
	for _, c := range []struct {
		edit  func(*UnitInput)
		key   string
		field string
	}{
		{func(x *UnitInput) { x.Room = "502"; x.Area = "abc" }, "area.invalid", "area"},
		{func(x *UnitInput) { x.Room = "502"; x.Area = "0" }, "area.not_positive", "area"},
		{func(x *UnitInput) { x.Room = "502"; x.Initial = "1.234" }, "amount.too_many_decimals", "initial"},
		{func(x *UnitInput) { x.Room = "" }, "unit.room_empty", "room"},
		{func(x *UnitInput) { x.BuildingID = 0 }, "unit.unknown_building", "buildingId"},
		{func(x *UnitInput) {}, "unit.duplicate", "room"},
	} {
		x := u
		c.edit(&x)
		_, err := s.AddUnit(x)
		var le *ledger.Error
		if !asLedgerError(err, &le) || le.Key != c.key || le.Args["field"] != c.field {
			t.Errorf("got %v, want %s on %s", err, c.key, c.field)
		}
	}
	u.Room = "502"
	d2, err := s.AddUnit(u)
	if err != nil || d2.Unit.OwnerID != d.Unit.OwnerID {
		t.Errorf("the same owner of a second unit is one owner: %d vs %d (%v)", d2.Unit.OwnerID, d.Unit.OwnerID, err)
	}
	page, _ := s.Units(UnitQuery{Text: "王五"})
	if page.Total != 2 {
		t.Errorf("search finds %d units of 王五", page.Total)
	}
}
