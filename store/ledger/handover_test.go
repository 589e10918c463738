package ledger

import "testing"

func TestCommitteeAt(t *testing.T) {
	hs := []Handover{{"2023-06-30", "第一届", "第二届"}, {"2026-06-30", "第二届", "第三届"}}
	for day, want := range map[string]string{
		"2020-01-01": "第一届", "2023-06-30": "第一届", "2023-07-01": "第二届", "2026-06-30": "第二届", "2026-07-01": "第三届",
	} {
		if got := CommitteeAt(hs, day); got != want {
			t.Errorf("CommitteeAt(%s) = %q, want %q", day, got, want)
		}
	}
	if got := CommitteeAt(nil, "2026-01-01"); got != "" {
		t.Errorf("no hand-over: %q", got)
	}
}
