package store_test

import (
	"fmt"
	"math/big"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// R4: one fen over three equal units lands on exactly one unit (the first, by the tie rule).
func TestApportionOneFenOverThreeEqualUnits(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	pid := f.project(store.ProjectInput{ScopeKind: "buildings", BuildingIDs: []int64{f.bA}}, true, "1.00")
	v, err := f.s.PostProjectExpense(pid, "2024-02-01", m("0.01"), "更换灯泡", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := f.unitEntries(v.ID)
	if len(got) != 1 || got[f.units[0]] != -1 || v.UnitEntries != 1 {
		t.Fatalf("sub-ledger lines %v (count %d), want one line of -1 fen on unit %d", got, v.UnitEntries, f.units[0])
	}
	row, _ := f.s.UnitByID(f.units[0])
	if row.Balance.Fen() != unitInitials[0]-1 {
		t.Errorf("unit balance %s", row.Balance)
	}
	f.verifyOK()
}

// R4: an odd amount over a scope of many units of different areas sums exactly to the
// expense, each share is the exact share rounded down or up, and the extra fen go to the
// largest remainders.
func TestApportionOddAmountOverManyUnits(t *testing.T) {
	f := mustCreate(t)
	bC, err := f.s.AddBuilding(store.Building{Code: "3号"})
	if err != nil {
		t.Fatal(err)
	}
	var scope []int64
	var areas []int64
	for i := range 37 {
		area := int64(5000 + i*137 + (i%5)*3) // 50.00 m² upward, uneven
		id, err := f.s.AddUnit(store.Unit{BuildingID: bC, Room: fmt.Sprintf("%d", 101+i), AreaCM2: area, HousingType: "commodity",
			Initial: ledger.Fen(area * 100)})
		if err != nil {
			t.Fatal(err)
		}
		scope, areas = append(scope, id), append(areas, area)
	}
	// deposit for building C so that the fund can pay
	var splits []store.UnitSplit
	var total ledger.Money
	for i, id := range scope {
		splits = append(splits, store.UnitSplit{UnitID: id, Amount: ledger.Fen(areas[i] * 100)})
		total = total.Add(ledger.Fen(areas[i] * 100))
	}
	f.post(store.VoucherInput{Book: ledger.BookFund, Date: "2024-01-05", Summary: "首期交存", Splits: splits,
		Lines: []store.LineInput{{AccountCode: "1001", Amount: total}, {AccountCode: "4001", Amount: total.Neg()}}})

	pid := f.project(store.ProjectInput{ScopeKind: "buildings", BuildingIDs: []int64{bC}}, true, "20000.00")
	amount := m("9876.53")
	preview, err := f.s.ApportionPreview(pid, amount)
	if err != nil {
		t.Fatal(err)
	}
	v, err := f.s.PostProjectExpense(pid, "2024-02-01", amount, "外墙维修", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := f.unitEntries(v.ID)
	if len(got) != len(scope) {
		t.Fatalf("%d sub-ledger lines, want %d", len(got), len(scope))
	}
	if s := f.count(`SELECT SUM(amount_fen) FROM unit_entries WHERE voucher_id = ?`, v.ID); s != -amount.Fen() {
		t.Fatalf("sub-ledger lines sum to %d, want %d", s, -amount.Fen())
	}
	// independent check of largest remainder with big integers
	var sumArea int64
	for _, a := range areas {
		sumArea += a
	}
	type rem struct {
		r     int64
		extra bool
	}
	var rems []rem
	var extras int64
	for i, id := range scope {
		num := new(big.Int).Mul(big.NewInt(amount.Fen()), big.NewInt(areas[i]))
		q, r := new(big.Int).QuoRem(num, big.NewInt(sumArea), new(big.Int))
		share := -got[id]
		switch share {
		case q.Int64():
			rems = append(rems, rem{r.Int64(), false})
		case q.Int64() + 1:
			rems = append(rems, rem{r.Int64(), true})
			extras++
		default:
			t.Fatalf("unit %d: share %d, exact %s/%d", id, share, num, sumArea)
		}
		if preview[i].UnitID != id || preview[i].Amount.Fen() != share {
			t.Errorf("preview %+v differs from the posted share %d", preview[i], share)
		}
	}
	for _, a := range rems {
		for _, b := range rems {
			if a.extra && !b.extra && a.r < b.r {
				t.Fatalf("an extra fen went to remainder %d while %d got none", a.r, b.r)
			}
		}
	}
	t.Logf("%d units, %d extra fen by largest remainder", len(scope), extras)
	// the other buildings were not charged
	for _, u := range f.units {
		if _, ok := got[u]; ok {
			t.Errorf("unit %d outside the scope was charged", u)
		}
	}
	f.verifyOK()
}

// Interest follows the money: it is split by the units' balances, exactly. ¥10.01 over
// balances 10000.01 / 9999.99 / 10000.00 / 8000.00 / 12000.00: 200.2002 / 200.1998 / 200.2 /
// 160.16 / 240.24 fen → floors 200, 200, 200, 160, 240 and the last fen to u5 (.24).
func TestInterestSplitByBalance(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	v := f.post(store.VoucherInput{Book: ledger.BookFund, Date: "2024-03-21", Summary: "利息",
		Lines: []store.LineInput{line("1001", "10.01"), line("4003", "-10.01")}})
	got := f.unitEntries(v.ID)
	want := []int64{200, 200, 200, 160, 241}
	for i, u := range f.units {
		if got[u] != want[i] {
			t.Errorf("unit %d: interest %d fen, want %d", i+1, got[u], want[i])
		}
	}
	f.verifyOK()
}
