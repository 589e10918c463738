package ledger

// VoteKind says which majority a resolution needs (Civil Code art. 278).
type VoteKind string

const (
	VoteUse       VoteKind = "use"       // using the fund: > 1/2 of participating area and owners
	VoteReplenish VoteKind = "replenish" // raising the fund: ≥ 3/4 of participating area and owners
)

// Vote holds a resolution's figures. Areas are in 0.01 m² so every comparison is exact.
type Vote struct {
	Kind                   VoteKind
	ScopeArea, ScopeOwners int64 // denominators: the owners of the parts concerned
	PartArea, PartOwners   int64 // participating
	AgreeArea, AgreeOwners int64 // agreeing
}

// CheckVote applies R3: participation ≥ 2/3 of the scope's area AND ≥ 2/3 of its owners, then
// approval > 1/2 (use) or ≥ 3/4 (replenishment) of the participating area AND owners. It says
// which figure falls short.
func CheckVote(v Vote) error {
	if v.Kind != VoteUse && v.Kind != VoteReplenish {
		return Refuse("vote.unknown_kind", "kind", v.Kind)
	}
	if v.ScopeArea <= 0 || v.ScopeOwners <= 0 {
		return Refuse("vote.empty_scope")
	}
	if v.PartArea < 0 || v.PartOwners < 0 || v.AgreeArea < 0 || v.AgreeOwners < 0 {
		return Refuse("vote.negative")
	}
	if v.PartArea > v.ScopeArea || v.PartOwners > v.ScopeOwners {
		return Refuse("vote.participation_exceeds_scope")
	}
	if v.AgreeArea > v.PartArea || v.AgreeOwners > v.PartOwners {
		return Refuse("vote.agreement_exceeds_participation")
	}
	if !ParticipationOK(v.PartArea, v.ScopeArea) {
		return Refuse("vote.participation_area_low", "share", percent(v.PartArea, v.ScopeArea))
	}
	if !ParticipationOK(v.PartOwners, v.ScopeOwners) {
		return Refuse("vote.participation_owners_low", "share", percent(v.PartOwners, v.ScopeOwners))
	}
	need := "> 1/2"
	if v.Kind == VoteReplenish {
		need = "≥ 3/4"
	}
	if !ApprovalOK(v.Kind, v.AgreeArea, v.PartArea) {
		return Refuse("vote.approval_area_low", "share", percent(v.AgreeArea, v.PartArea), "need", need)
	}
	if !ApprovalOK(v.Kind, v.AgreeOwners, v.PartOwners) {
		return Refuse("vote.approval_owners_low", "share", percent(v.AgreeOwners, v.PartOwners), "need", need)
	}
	return nil
}

// ParticipationOK is R3's participation test of one figure (area or owners): at least 2/3 of
// the scope, and no more than the scope. The live check of the vote form shows it per figure.
func ParticipationOK(part, scope int64) bool {
	return scope > 0 && part >= 0 && part <= scope && 3*part >= 2*scope
}

// ApprovalOK is R3's approval test of one figure: more than 1/2 (use) or at least 3/4
// (replenishment) of those participating, and no more than they.
func ApprovalOK(kind VoteKind, agree, part int64) bool {
	if part <= 0 || agree < 0 || agree > part {
		return false
	}
	if kind == VoteReplenish {
		return 4*agree >= 3*part
	}
	return 2*agree > part
}

// percent formats a/b as a percentage with two decimals, rounded down, for messages.
func percent(a, b int64) string {
	if b == 0 {
		return "0.00"
	}
	r, _ := Ratio(Fen(a), Fen(b))
	return RatioPercent(r)
}

// EmergencyTriggers are the statutory grounds for emergency use of the fund (应急使用, Shanghai
// regulation art. 73/87); an emergency expense cites one of them instead of a vote.
var EmergencyTriggers = []string{
	"water_supply", // 水泵、水箱（池）故障影响正常使用
	"lift_stopped", // 电梯故障，检验机构建议停用或监管部门责令停用
	"fire_safety",  // 消防设施损坏，消防部门出具整改通知
	"facade_risk",  // 外墙及附属物有脱落危险，经鉴定
	"roof_leak",    // 屋面、外墙渗漏严重影响使用，经鉴定
}

// ValidEmergencyTrigger reports whether t is one of EmergencyTriggers.
func ValidEmergencyTrigger(t string) bool {
	for _, e := range EmergencyTriggers {
		if e == t {
			return true
		}
	}
	return false
}

// CheckCostAudit refuses a fund expense that would take a project's charges above its
// cost-audit (审价) amount: nothing above it may be charged to the fund.
func CheckCostAudit(alreadyCharged, expense, costAudit Money) error {
	if costAudit.Sign() <= 0 {
		return Refuse("project.no_cost_audit")
	}
	total := alreadyCharged.Add(expense)
	if total.Cmp(costAudit) > 0 {
		return Refuse("project.over_cost_audit", "total", total.Grouped(), "costAudit", costAudit.Grouped(), "over", total.Sub(costAudit).Grouped())
	}
	return nil
}
