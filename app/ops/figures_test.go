package ops_test

import (
	"testing"

	"jiayuan/app/ops"
	"jiayuan/store/ledger"
)

func TestParseCount(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		key  string
	}{
		{"120", 120, ""}, {" １２０ ", 120, ""}, {"1,200", 1200, ""}, {"1，200人", 1200, ""}, {"35户", 35, ""}, {"0", 0, ""},
		{"1000000", 1_000_000, ""}, {"1000001", 0, "works.count_invalid"}, {"-3", 0, "vote.negative"},
		{"12.5", 0, "works.count_invalid"}, {"", 0, "works.count_invalid"}, {"十二", 0, "works.count_invalid"},
	} {
		got, err := ops.ParseCount(c.in)
		if got != c.want || ledger.KeyOf(err) != c.key {
			t.Errorf("ParseCount(%q) = %d, %v; want %d, %q", c.in, got, err, c.want, c.key)
		}
	}
}

func TestParseVoteArea(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64 // 0.01 m²
		key  string
	}{
		{"12,345.67", 1234567, ""}, {"100平方米", 10000, ""}, {"100 ㎡", 10000, ""}, {"88.5m²", 8850, ""}, {"0", 0, ""},
		{"250000", 25000000, ""}, // a whole community's area: no per-unit limit
		{"1.234", 0, "area.too_many_decimals"}, {"100元", 0, "area.invalid"}, {"abc", 0, "area.invalid"},
		{"-1", 0, "vote.negative"},
	} {
		got, err := ops.ParseVoteArea(c.in)
		if got != c.want || ledger.KeyOf(err) != c.key {
			t.Errorf("ParseVoteArea(%q) = %d, %v; want %d, %q", c.in, got, err, c.want, c.key)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, c := range []struct {
		a, b int64
		want string
	}{{2999, 10000, "29.99"}, {3000, 10000, "30.00"}, {2, 3, "66.66"}, {1, 0, ""}, {0, 5, "0.00"}} {
		if got := ops.Percent(c.a, c.b); got != c.want {
			t.Errorf("Percent(%d, %d) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
}

func TestReadVote(t *testing.T) {
	v, err := ops.ReadVote(ops.VoteForm{Title: "外墙维修", Date: " 2025-05-01 ", PartArea: "8,000", PartOwners: "70", AgreeArea: ""})
	if err != nil || v.In.Date != "2025-05-01" || v.In.PartArea != 800000 || v.In.PartOwners != 70 || !v.HasPA || !v.HasPO || v.HasAA || v.HasAO || v.Complete() {
		t.Errorf("ReadVote = %+v, %v", v, err)
	}
	if _, err := ops.ReadVote(ops.VoteForm{PartArea: "100", PartOwners: "七十"}); ledger.KeyOf(err) != "works.count_invalid" {
		t.Errorf("an unreadable count: %v", err)
	}
	v, _ = ops.ReadVote(ops.VoteForm{PartArea: "1", PartOwners: "1", AgreeArea: "1", AgreeOwners: "1"})
	if !v.Complete() {
		t.Errorf("four figures are complete: %+v", v)
	}
}

func TestVoteToRecord(t *testing.T) {
	full := ops.VoteForm{PartArea: "400", PartOwners: "3", AgreeArea: "300", AgreeOwners: "2"}
	v, err := ops.VoteToRecord(full, "2026-03-01")
	if err != nil || v.In.Date != "2026-03-01" || v.In.PartOwners != 3 {
		t.Fatalf("undated vote: %+v %v, want dated today", v.In, err)
	}
	full.Date = "2026-02-01"
	if v, _ := ops.VoteToRecord(full, "2026-03-01"); v.In.Date != "2026-02-01" {
		t.Fatalf("dated vote took %s", v.In.Date)
	}
	full.AgreeOwners = ""
	if _, err := ops.VoteToRecord(full, "2026-03-01"); ledger.KeyOf(err) != "works.vote_incomplete" {
		t.Fatalf("incomplete vote: %v", err)
	}
}
