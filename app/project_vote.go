package app

import (
	"strings"

	"jiayuan/app/i18n"
	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// Votes on a project (R3): the live check while figures are typed, and the record.

// checkResult applies R3 figure by figure (the core's own tests, ledger.ParticipationOK and
// ApprovalOK) and takes the verdict itself from the store's check.
func checkResult(cat i18n.Catalog, kind ledger.VoteKind, v ops.VoteFigures, vc store.VoteCheck) VoteCheckResult {
	in := v.In
	r := VoteCheckResult{Kind: string(kind), ScopeArea: ledger.FormatArea(vc.ScopeArea), ScopeOwners: vc.ScopeOwners}
	if v.HasPA {
		r.PartAreaPct = ops.Percent(in.PartArea, vc.ScopeArea)
		r.PartAreaOK = ledger.ParticipationOK(in.PartArea, vc.ScopeArea)
	}
	if v.HasPO {
		r.PartOwnersPct = ops.Percent(in.PartOwners, vc.ScopeOwners)
		r.PartOwnersOK = ledger.ParticipationOK(in.PartOwners, vc.ScopeOwners)
	}
	if v.HasAA && v.HasPA {
		r.AgreeAreaPct = ops.Percent(in.AgreeArea, in.PartArea)
		r.AgreeAreaOK = ledger.ApprovalOK(kind, in.AgreeArea, in.PartArea)
	}
	if v.HasAO && v.HasPO {
		r.AgreeOwnersPct = ops.Percent(in.AgreeOwners, in.PartOwners)
		r.AgreeOwnersOK = ledger.ApprovalOK(kind, in.AgreeOwners, in.PartOwners)
	}
	if v.Complete() {
		r.Complete = true
		r.Passed = vc.Passed
		if vc.Refusal != nil {
			e := NewError(cat, vc.Refusal)
			if strings.HasSuffix(ledger.KeyOf(vc.Refusal), "_low") {
				r.Reason = &e
			} else {
				r.Problem = &e
			}
		}
	} else {
		// a partial entry can already be inconsistent
		var key string
		switch {
		case v.HasPA && in.PartArea > vc.ScopeArea, v.HasPO && in.PartOwners > vc.ScopeOwners:
			key = "vote.participation_exceeds_scope"
		case v.HasAA && v.HasPA && in.AgreeArea > in.PartArea, v.HasAO && v.HasPO && in.AgreeOwners > in.PartOwners:
			key = "vote.agreement_exceeds_participation"
		}
		if key != "" {
			e := NewError(cat, ledger.Refuse(key))
			r.Problem = &e
		}
	}
	return r
}

func problemResult(cat i18n.Catalog, kind ledger.VoteKind, vc store.VoteCheck, err error) VoteCheckResult {
	e := NewError(cat, err)
	return VoteCheckResult{Kind: string(kind), ScopeArea: ledger.FormatArea(vc.ScopeArea), ScopeOwners: vc.ScopeOwners, Problem: &e}
}

// CheckVote is the live check of a vote on a project while its figures are typed: the scope's
// denominators, each share against its threshold, and whether the vote would pass. Nothing is
// written. Figures that cannot be read come back as Problem, not as an error.
func (s *ProjectService) CheckVote(projectID int64, f VoteForm) (VoteCheckResult, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VoteCheckResult{}, err
	}
	v, perr := ops.ReadVote(ops.VoteForm(f))
	vc, err := st.CheckProjectVote(projectID, v.In)
	if err != nil {
		return VoteCheckResult{}, err
	}
	if perr != nil {
		return problemResult(s.sess.cat, ledger.VoteUse, vc, perr), nil
	}
	return checkResult(s.sess.cat, ledger.VoteUse, v, vc), nil
}

// RecordVote records the owners' vote on a project. A vote that falls short is recorded as
// failed (it is a fact) but no expense may cite it; figures that contradict each other are
// refused.
func (s *ProjectService) RecordVote(projectID int64, f VoteForm) (VoteCheckResult, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VoteCheckResult{}, err
	}
	v, err := ops.VoteToRecord(ops.VoteForm(f), s.today())
	if err != nil {
		return VoteCheckResult{}, err
	}
	_, vc, err := st.RecordProjectVote(projectID, v.In)
	if err != nil {
		return VoteCheckResult{}, err
	}
	return checkResult(s.sess.cat, ledger.VoteUse, v, vc), nil
}
