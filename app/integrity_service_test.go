package app

import (
	"strings"
	"testing"
)

func TestChangeLogIsPagedAndReadable(t *testing.T) {
	sess, _, dir := testSession(t)
	if _, err := NewLedgerService(sess).CreateLedger(goodInput(dir)); err != nil {
		t.Fatal(err)
	}
	s := NewIntegrityService(sess)
	all, err := s.Changes(ChangeQuery{PageSize: 5})
	if err != nil || all.Total < 10 || len(all.Rows) != 5 {
		t.Fatalf("page %+v %v", all, err)
	}
	if all.Rows[0].ID < all.Rows[4].ID || all.Rows[0].ChainSeq == 0 || len(all.Rows[0].At) != 19 {
		t.Errorf("newest first, with time and chain seq: %+v", all.Rows[0])
	}
	units, _ := s.Changes(ChangeQuery{Entity: "unit"})
	if units.Total != 3 {
		t.Fatalf("unit changes %d", units.Total)
	}
	var u ChangeDTO
	for _, r := range units.Rows {
		if r.Label == "102" {
			u = r
		}
	}
	f := map[string]FieldChange{}
	for _, x := range u.Fields {
		f[x.Field] = x
	}
	if u.Action != "create" || f["area_cm2"].After != "120.35" || f["area_cm2"].Kind != "area" || f["initial_fen"].After != "12035.00" ||
		f["initial_fen"].Kind != "money" || f["area_cm2"].Before != "" || f["building_id"].After != "1号" || f["owner_id"].After != "李四" {
		t.Errorf("created unit %+v", u)
	}
	if got := s.Entities(); got[0] != "community" || len(got) < 10 {
		t.Errorf("entities %v", got)
	}
}

func TestVerifyShowsTheChainHeadOrTheFirstBrokenRecord(t *testing.T) {
	sess, _, dir := testSession(t)
	if _, err := NewLedgerService(sess).CreateLedger(goodInput(dir)); err != nil {
		t.Fatal(err)
	}
	s := NewIntegrityService(sess)
	head, err := s.ChainHead()
	if err != nil || head.Seq == 0 {
		t.Fatal(head, err)
	}
	r, err := s.Verify()
	if err != nil || !r.OK || r.Head != head || r.Problem != nil || r.Links != head.Seq || r.Path == "" {
		t.Fatalf("verify %+v %v", r, err)
	}
	st, _ := sess.Store()
	if _, err := st.DB().Exec(`UPDATE owners SET phone = '110' WHERE name = '张三'`); err != nil {
		t.Fatal(err)
	}
	r, err = s.Verify()
	if err != nil || r.OK || r.Problem == nil || r.Problem.Kind == "" || !strings.Contains(r.Problem.Table+r.Problem.Detail, "owner") {
		t.Fatalf("verify after a change outside the app: %+v %+v %v", r, r.Problem, err)
	}
}
