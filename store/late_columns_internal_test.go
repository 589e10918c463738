package store

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"jiayuan/store/ledger"
)

// A ledger made before migration 0007 has NULL in the columns it added, and its change log's
// last "after" of the community has no such keys. That ledger must still verify, and keep the
// R2 rule it was made with (the national list's), not silently switch to the statute.
func TestLedgerFromBeforeTheStatuteKeepsItsRuleAndVerifies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.jiayuan")
	s, err := Create(path, Community{Name: "老小区", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// what such a file holds: NULL in the new columns, and a logged state without them
	if _, err := s.db.Exec(`UPDATE community SET transfer_mode = NULL, transfer_grace_days = NULL, assembly_opened = NULL`); err != nil {
		t.Fatal(err)
	}
	var logged string
	if err := s.db.QueryRow(`SELECT after FROM change_log WHERE entity = 'community' ORDER BY id DESC LIMIT 1`).Scan(&logged); err != nil {
		t.Fatal(err)
	}
	var row map[string]any
	if err := json.Unmarshal([]byte(logged), &row); err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"transfer_mode", "transfer_grace_days", "assembly_opened"} {
		delete(row, c)
	}
	old, _ := json.Marshal(row)
	now, err := snapshot(s.db, "community", 1)
	if err != nil {
		t.Fatal(err)
	}
	if now != string(old) {
		t.Fatalf("the snapshot of a pre-0007 community row changed:\nnow    %s\nbefore %s", now, old)
	}
	c, err := s.Community()
	if err != nil {
		t.Fatal(err)
	}
	if c.Policy.TransferMode != ledger.TransferBelowThreshold || c.Policy.TransferGraceDays != 30 || c.AssemblyOpened != "" ||
		c.AuditStart() != "2024-01-01" {
		t.Fatalf("an old ledger reads as %+v", c)
	}
	// a set value is part of the snapshot like any other
	if _, err := s.db.Exec(`UPDATE community SET transfer_mode = 'always'`); err != nil {
		t.Fatal(err)
	}
	if now2, _ := snapshot(s.db, "community", 1); now2 == now {
		t.Fatal("a set late column is not in the snapshot: an edit outside the app would go unnoticed")
	}
}
