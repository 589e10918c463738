package ledger

import "time"

// R8: spending is authorised. Allocations from public income to working expenses, "other
// uses" of public income, budgets and contracts for common parts each cite a resolution of
// the right body, dated on or before the voucher: the owners' assembly, or the committee
// (more than half of ALL its members) acting within an amount the assembly delegated.

// ResolutionBody is who decided.
type ResolutionBody string

const (
	BodyAssembly  ResolutionBody = "assembly"  // 业主大会 (votes with area and owner figures)
	BodyPartial   ResolutionBody = "partial"   // the owners of the parts concerned (repair votes)
	BodyCommittee ResolutionBody = "committee" // 业主委员会 (members present, for, against)
)

// Purpose is what a resolution authorises; a voucher cites one of the purpose it needs.
type Purpose string

const (
	PurposeGeneral          Purpose = "general"           // recorded, authorises no spending
	PurposeAllocation       Purpose = "allocation"        // public income → working expenses
	PurposeOtherUse         Purpose = "other_use"         // "other use" of public income
	PurposeBudget           Purpose = "budget"            // the year's working-expense budget
	PurposeBudgetRaise      Purpose = "budget_raise"      // raises one budget line of a year
	PurposeContract         Purpose = "contract"          // a contract for common parts
	PurposeDelegation       Purpose = "delegation"        // the committee may decide up to an amount
	PurposeRepairDelegation Purpose = "repair_delegation" // small repairs up to per case / per year (授权范围和金额标准)
	PurposeRepair           Purpose = "repair"            // a repair project's vote (R3), registered here for publication
	PurposeReplenish        Purpose = "replenish"         // a replenishment decision (R1)
)

// Purposes a new resolution of the register may have (repair and replenishment votes are
// recorded on their project and case).
var Purposes = []Purpose{PurposeGeneral, PurposeAllocation, PurposeOtherUse, PurposeBudget, PurposeBudgetRaise,
	PurposeContract, PurposeDelegation, PurposeRepairDelegation}

// ValidPurpose reports whether p may be recorded in the register.
func ValidPurpose(p Purpose) bool {
	for _, q := range Purposes {
		if q == p {
			return true
		}
	}
	return false
}

// AssemblyOnly reports whether only the owners' assembly may decide p: the budget and what
// it delegates (the committee cannot widen its own authority), and small-repair delegations.
func AssemblyOnly(p Purpose) bool {
	return p == PurposeBudget || p == PurposeDelegation || p == PurposeRepairDelegation
}

// Spending reports whether a resolution of purpose p authorises spending of an amount, so a
// committee resolution of it must stay within a delegation.
func Spending(p Purpose) bool {
	return p == PurposeAllocation || p == PurposeOtherUse || p == PurposeBudgetRaise || p == PurposeContract
}

// AssemblyVoteKind is the majority an assembly resolution of purpose p needs (Civil Code
// art. 278): commercial use of common parts (a contract) needs ≥ 3/4 of the participating
// area and owners, like raising the fund; the other matters more than half.
func AssemblyVoteKind(p Purpose) VoteKind {
	if p == PurposeContract {
		return VoteReplenish
	}
	return VoteUse
}

// Committee holds a committee meeting's figures.
type Committee struct {
	Members, Present, For, Against int64
}

// CheckCommittee refuses inconsistent figures and says whether the decision passed: more than
// half of ALL members (not of those present) voted for it.
func CheckCommittee(c Committee) (passed bool, err error) {
	if c.Members <= 0 {
		return false, Refuse("committee.no_members")
	}
	if c.Present < 0 || c.For < 0 || c.Against < 0 {
		return false, Refuse("vote.negative")
	}
	if c.Present > c.Members {
		return false, Refuse("committee.present_exceeds_members", "present", c.Present, "members", c.Members)
	}
	if c.For+c.Against > c.Present {
		return false, Refuse("committee.votes_exceed_present", "for", c.For, "against", c.Against, "present", c.Present)
	}
	return 2*c.For > c.Members, nil
}

// Cited is what a voucher (or a budget, or a contract) needs to know of the resolution it cites.
type Cited struct {
	ID      int64
	Body    ResolutionBody
	Purpose Purpose
	Date    string
	Passed  bool
	Amount  Money // the most it authorises; zero: no amount set (assembly only)
	Used    Money // what vouchers citing it already took
	Year    int   // budget / budget raise: the year
}

// CheckCitation refuses a citation of a resolution that does not authorise this: one that did
// not pass, of another purpose, dated after the voucher, or whose amount would be exceeded.
func CheckCitation(c Cited, need Purpose, date string, amount Money) error {
	if !c.Passed {
		return Refuse("resolution.not_passed", "id", c.ID)
	}
	if c.Purpose != need {
		return Refuse("resolution.wrong_purpose", "id", c.ID, "purpose", c.Purpose, "need", need)
	}
	if c.Body != BodyAssembly && c.Body != BodyCommittee {
		return Refuse("resolution.wrong_body", "id", c.ID, "body", c.Body)
	}
	if c.Date > date {
		return Refuse("resolution.after_voucher", "id", c.ID, "resolutionDate", c.Date, "date", date)
	}
	if !c.Amount.IsZero() || c.Body == BodyCommittee {
		if total := c.Used.Add(amount); total.Cmp(c.Amount) > 0 {
			return Refuse("resolution.over_amount", "id", c.ID, "amount", c.Amount.Grouped(), "used", c.Used.Grouped(),
				"left", nonNeg(c.Amount.Sub(c.Used)).Grouped())
		}
	}
	return nil
}

// CheckDelegation refuses a committee resolution that would take more than the assembly
// delegated: delegated is the delegation's amount, used what committee resolutions citing it
// already authorised.
func CheckDelegation(d Cited, date string, used, amount Money) error {
	if !d.Passed || d.Body != BodyAssembly || d.Purpose != PurposeDelegation {
		return Refuse("resolution.not_a_delegation", "id", d.ID)
	}
	if d.Date > date {
		return Refuse("resolution.after_voucher", "id", d.ID, "resolutionDate", d.Date, "date", date)
	}
	if amount.Sign() <= 0 {
		return Refuse("resolution.committee_amount")
	}
	if total := used.Add(amount); total.Cmp(d.Amount) > 0 {
		return Refuse("resolution.over_delegation", "id", d.ID, "delegated", d.Amount.Grouped(), "used", used.Grouped(),
			"left", nonNeg(d.Amount.Sub(used)).Grouped())
	}
	return nil
}

// RepairDelegation is an assembly's delegation of small repairs: up to PerCase for one
// project, up to PerYear for all projects of a calendar year.
type RepairDelegation struct {
	ID               int64
	PerCase, PerYear Money
}

// CheckRepairDelegation refuses a fund expense under a small-repair delegation that takes the
// project (caseCharged: already charged to it) or the year (yearUsed: already charged under
// the delegation that year) beyond the delegated limits.
func CheckRepairDelegation(d RepairDelegation, caseCharged, yearUsed, expense Money) error {
	if t := caseCharged.Add(expense); t.Cmp(d.PerCase) > 0 {
		return Refuse("resolution.over_repair_case", "id", d.ID, "limit", d.PerCase.Grouped(), "total", t.Grouped())
	}
	if t := yearUsed.Add(expense); t.Cmp(d.PerYear) > 0 {
		return Refuse("resolution.over_repair_year", "id", d.ID, "limit", d.PerYear.Grouped(), "used", yearUsed.Grouped(),
			"left", nonNeg(d.PerYear.Sub(yearUsed)).Grouped())
	}
	return nil
}

// CheckBudget refuses a working expense that takes an account's spending of the year
// (spent: already) beyond its approved budget (budget, raises included).
func CheckBudget(account string, budget, spent, expense Money) error {
	if total := spent.Add(expense); total.Cmp(budget) > 0 {
		return Refuse("budget.over", "account", account, "budget", budget.Grouped(), "spent", spent.Grouped(),
			"left", nonNeg(budget.Sub(spent)).Grouped(), "over", total.Sub(budget).Grouped())
	}
	return nil
}

// PublishDays is how long after a resolution its notice (公告) must be posted.
const PublishDays = 3

// PublishDue is the last day to publish a resolution of date.
func PublishDue(date string) string {
	d, err := ParseDate(date)
	if err != nil {
		return date
	}
	return FormatDate(d.AddDate(0, 0, PublishDays))
}

// PublishOverdue reports whether an unpublished resolution of date is late on today.
func PublishOverdue(date, publishedOn string, today time.Time) bool {
	return publishedOn == "" && FormatDate(today) > PublishDue(date)
}

func nonNeg(m Money) Money {
	if m.Sign() < 0 {
		return Zero
	}
	return m
}
