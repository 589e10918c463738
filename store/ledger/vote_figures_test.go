package ledger

import "testing"

// The per-figure tests of R3 on their edges: exactly 2/3 participates, one 0.01 m² or one
// owner less does not; exactly 1/2 does not approve a use, one more does; exactly 3/4
// approves a replenishment, one less does not. Figures beyond their denominator never pass.
func TestVoteFigureTestsOnTheirEdges(t *testing.T) {
	part := []struct {
		part, scope int64
		want        bool
	}{
		{200, 300, true}, {199, 300, false}, {300, 300, true}, {301, 300, false},
		{666667, 1000000, true}, {666666, 1000000, false}, {0, 0, false}, {-1, 300, false},
	}
	for _, c := range part {
		if got := ParticipationOK(c.part, c.scope); got != c.want {
			t.Errorf("ParticipationOK(%d, %d) = %v, want %v", c.part, c.scope, got, c.want)
		}
	}
	approve := []struct {
		kind        VoteKind
		agree, part int64
		want        bool
	}{
		{VoteUse, 50, 100, false}, {VoteUse, 51, 100, true}, {VoteUse, 5001, 10000, true}, {VoteUse, 5000, 10000, false},
		{VoteReplenish, 75, 100, true}, {VoteReplenish, 74, 100, false}, {VoteReplenish, 7499, 10000, false},
		{VoteUse, 101, 100, false}, {VoteUse, 0, 0, false}, {VoteReplenish, -1, 100, false},
	}
	for _, c := range approve {
		if got := ApprovalOK(c.kind, c.agree, c.part); got != c.want {
			t.Errorf("ApprovalOK(%s, %d, %d) = %v, want %v", c.kind, c.agree, c.part, got, c.want)
		}
	}
	// the whole check agrees with the figures: one short on any figure refuses
	ok := Vote{Kind: VoteUse, ScopeArea: 300, ScopeOwners: 3, PartArea: 200, PartOwners: 2, AgreeArea: 101, AgreeOwners: 2}
	if err := CheckVote(ok); err != nil {
		t.Fatalf("CheckVote(%+v) = %v", ok, err)
	}
	short := ok
	short.AgreeArea = 100
	if KeyOf(CheckVote(short)) != "vote.approval_area_low" {
		t.Errorf("CheckVote with half the area agreeing = %v", CheckVote(short))
	}
}
