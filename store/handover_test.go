package store_test

import (
	"testing"
	"time"

	"jiayuan/store"
)

func TestHandoverRecordedAndNamesCommittees(t *testing.T) {
	f := mustCreate(t)
	f.s.SetClock(func() time.Time { return time.Date(2026, 3, 1, 2, 0, 0, 0, time.UTC) })
	f.refuse("handover.names_empty", func() error {
		_, err := f.s.RecordHandover(store.HandoverInput{Date: "2025-06-30", Outgoing: "第一届业主委员会"})
		return err
	})
	f.refuse("handover.future", func() error {
		_, err := f.s.RecordHandover(store.HandoverInput{Date: "2026-03-02", Outgoing: "第一届", Incoming: "第二届"})
		return err
	})
	f.refuse("handover.before_start", func() error {
		_, err := f.s.RecordHandover(store.HandoverInput{Date: "2023-12-31", Outgoing: "第一届", Incoming: "第二届"})
		return err
	})
	id, err := f.s.RecordHandover(store.HandoverInput{Date: "2025-06-30", Outgoing: "第一届业主委员会", Incoming: "第二届业主委员会"})
	if err != nil || id == 0 {
		t.Fatal(id, err)
	}
	f.refuse("handover.not_after_last", func() error {
		_, err := f.s.RecordHandover(store.HandoverInput{Date: "2025-06-30", Outgoing: "第二届", Incoming: "第三届"})
		return err
	})
	hs, err := f.s.Committees()
	if err != nil || len(hs) != 1 {
		t.Fatal(hs, err)
	}
	// the change log's times are UTC: 2025-06-30 17:00 UTC is already 1 July in Shanghai
	for at, want := range map[string]string{"2025-06-30T15:59:59Z": "第一届业主委员会", "2025-06-30T16:00:00Z": "第二届业主委员会"} {
		if got := store.CommitteeOfChange(hs, at); got != want {
			t.Errorf("change at %s: %q, want %q", at, got, want)
		}
	}
	f.verifyOK()
}
