package imports

import (
	"errors"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

func TestEachSeesEveryDataRowAndDisplayReadsCells(t *testing.T) {
	data := csvOf("交易日期,收入,支出,余额", "2024/3/5,\"1,234.5\",,1234.50", "合计,1234.5,,", "20240306,,(12.00),abc")
	var got [][]string
	var oks []bool
	_, _, err := ReadBank("s.csv", data, Options{Each: func(r Record) {
		var row []string
		ok := true
		for _, f := range []string{"date", "income", "expense", "balance"} {
			v, good := r.Display(f)
			row = append(row, v)
			ok = ok && good
		}
		got = append(got, row)
		oks = append(oks, ok)
	}})
	if err == nil {
		t.Fatal("the bad balance is not refused")
	}
	want := [][]string{{"2024-03-05", "1234.50", "", "1234.50"}, {"2024-03-06", "", "-12.00", "abc"}}
	if len(got) != 2 || got[0][0] != want[0][0] || got[0][1] != want[0][1] || got[0][3] != want[0][3] || got[1][2] != want[1][2] || got[1][3] != "abc" {
		t.Fatalf("rows %q", got)
	}
	if !oks[0] || oks[1] {
		t.Errorf("ok %v", oks)
	}
}

func TestAHeaderNotFoundLeavesTheClosestRowToMap(t *testing.T) {
	tb, _, err := ReadUnits("u.csv", csvOf("小区名册", "楼号,房间,面积,应交", "1,101,90,9000"), Options{})
	if ledger.KeyOf(err) != "import.header_not_found" {
		t.Fatalf("err %v", err)
	}
	if tb.HeaderRow != 2 || len(tb.Header) != 4 || tb.ColumnOf("building") != "楼号" || tb.Format != "csv" {
		t.Errorf("closest row %d %q building %q", tb.HeaderRow, tb.Header, tb.ColumnOf("building"))
	}
	// a field mapped to "" has no column and is not looked for
	tb, rows, err := ReadUnits("u.csv", csvOf("楼号,房间,面积,应交,业主", "1,101,90,9000,张三"), Options{Map: map[string]string{"room": "房间", "initial": "应交", "owner": ""}})
	if err != nil || len(rows) != 1 || rows[0].Owner != "" || tb.ColumnOf("owner") != "" {
		t.Errorf("mapped: %v %+v", err, rows)
	}
}

func TestMergeProblemsPutsBothInRowOrder(t *testing.T) {
	p := func(row int) store.RowProblem { return store.RowProblem{Row: row, Err: ledger.Refuse("x")} }
	read := &store.RowsRefused{Problems: []store.RowProblem{p(3), p(9)}}
	st := &store.RowsRefused{Problems: []store.RowProblem{p(5)}}
	var rr *store.RowsRefused
	if err := MergeProblems(read, st); !errors.As(err, &rr) || len(rr.Problems) != 3 || rr.Problems[1].Row != 5 {
		t.Errorf("merged %v", err)
	}
	if err := MergeProblems(read, ledger.Refuse("ledger.read_only")); err != error(read) {
		t.Errorf("a store error not about rows: %v", err)
	}
	if s, ok := SchemaOf("bank"); !ok || s.CellKind("balance") != CellMoney || s.CellKind("summary") != CellText {
		t.Errorf("bank schema")
	}
}
