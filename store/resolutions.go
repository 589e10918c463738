package store

import (
	"database/sql"
	"strings"

	"jiayuan/store/ledger"
)

// The resolutions register (决议, R8): decisions of the owners' assembly (with area and owner
// figures, as for repair votes) and of the committee (members present, for, against), each
// with its subject, text, attachments and publication date. A register entry is a row of
// resolutions with its terms in resolution_terms; what it authorises is enforced where the
// spending is written (allocations, other uses, budgets, contracts, delegated repairs).

// ResolutionInput is a resolution to record. Areas in 0.01 m².
type ResolutionInput struct {
	Body        ledger.ResolutionBody // assembly or committee
	Purpose     ledger.Purpose
	Date        string
	Subject     string
	Text        string
	PublishedOn string // may be recorded later
	// Assembly: the vote's figures; the denominators are the community's (or BuildingID's)
	// area and owners, computed by the ledger.
	BuildingID             int64
	PartArea, PartOwners   int64
	AgreeArea, AgreeOwners int64
	// Committee: the meeting's figures, and the assembly's delegation it acts within.
	Committee    ledger.Committee
	DelegationID int64
	// Terms: the most it authorises (a committee resolution always states it); small repairs
	// per project (PerCase) with Amount per year; budget and raise: Year (and AccountCode).
	Amount        ledger.Money
	PerCase       ledger.Money
	Year          int
	AccountCode   string
	AttachmentIDs []int64
}

// RegisterEntry is one resolution of the register with what it has authorised so far.
type RegisterEntry struct {
	ID                     int64
	Body                   ledger.ResolutionBody
	Purpose                ledger.Purpose
	Date                   string
	Subject                string
	Text                   string
	PublishedOn            string
	PublishDue             string
	ProjectID              int64
	BuildingID             int64
	ScopeArea, ScopeOwners int64
	PartArea, PartOwners   int64
	AgreeArea, AgreeOwners int64
	Committee              ledger.Committee
	Passed                 bool
	Amount, PerCase        ledger.Money
	Year                   int
	AccountCode            string
	DelegationID           int64
	Used                   ledger.Money // taken by vouchers citing it, or by committee resolutions within a delegation
	Attachments            []AttachmentInfo
}

// RecordResolution records a resolution in the register. An assembly vote that fails is
// recorded as failed (a fact no voucher may cite); inconsistent figures are refused. A
// committee resolution that authorises spending must act within an assembly delegation with
// enough left; the budget and delegations are the assembly's alone.
func (s *Store) RecordResolution(in ResolutionInput) (int64, error) {
	in.Subject, in.Text, in.AccountCode = strings.TrimSpace(in.Subject), strings.TrimSpace(in.Text), strings.TrimSpace(in.AccountCode)
	if in.Subject == "" {
		return 0, ledger.Refuse("vote.title_empty")
	}
	if _, err := ledger.ParseDate(in.Date); err != nil {
		return 0, err
	}
	if !ledger.ValidPurpose(in.Purpose) {
		return 0, ledger.Refuse("resolution.bad_purpose", "purpose", in.Purpose)
	}
	if in.PublishedOn != "" {
		if err := checkPublishDate(in.Date, in.PublishedOn); err != nil {
			return 0, err
		}
	}
	if in.Amount.Sign() < 0 || in.PerCase.Sign() < 0 {
		return 0, ledger.Refuse("amount.not_positive", "input", in.Amount.String())
	}
	switch in.Purpose {
	case ledger.PurposeBudget, ledger.PurposeBudgetRaise:
		if in.Year < 1990 || in.Year > 2100 {
			return 0, ledger.Refuse("resolution.year_required")
		}
	case ledger.PurposeRepairDelegation:
		if in.PerCase.Sign() <= 0 || in.Amount.Sign() <= 0 {
			return 0, ledger.Refuse("resolution.repair_limits")
		}
	}
	if in.Purpose == ledger.PurposeBudgetRaise && in.Amount.Sign() <= 0 {
		return 0, ledger.Refuse("resolution.committee_amount")
	}
	var id int64
	err := s.write(bg, func(t *Tx) error {
		vc, err := t.checkResolutionFigures(&in)
		if err != nil {
			return err
		}
		if in.Purpose == ledger.PurposeBudgetRaise {
			var kind string
			if err := t.QueryRow(`SELECT kind FROM accounts WHERE book = 'working' AND code = ?`, in.AccountCode).Scan(&kind); err != nil || kind != string(ledger.KindExpense) {
				return ledger.Refuse("budget.bad_account", "account", in.AccountCode)
			}
		}
		id, err = t.insertLogged("resolution", `INSERT INTO resolutions(title, body, kind, project_id, date, scope_area_cm2, scope_owners,
			part_area_cm2, part_owners, agree_area_cm2, agree_owners, passed, note) VALUES (?,?,'use',NULL,?,?,?,?,?,?,?,?,'')`,
			in.Subject, in.Body, in.Date, vc.ScopeArea, vc.ScopeOwners, in.PartArea, in.PartOwners, in.AgreeArea, in.AgreeOwners, vc.Passed)
		if err != nil {
			return err
		}
		if _, err := t.insertLogged("resolution_terms", `INSERT INTO resolution_terms(id, purpose, building_id, text, published_on,
			members_total, members_present, members_for, members_against, amount_fen, per_case_fen, year, account_code, delegation_id)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, id, in.Purpose, nullID(in.BuildingID), in.Text, in.PublishedOn,
			in.Committee.Members, in.Committee.Present, in.Committee.For, in.Committee.Against, in.Amount.Fen(), in.PerCase.Fen(),
			in.Year, in.AccountCode, nullID(in.DelegationID)); err != nil {
			return err
		}
		for _, aid := range in.AttachmentIDs {
			if err := t.attachToRecord("resolution", id, aid); err != nil {
				return err
			}
		}
		return nil
	})
	return id, err
}

// checkResolutionFigures checks an assembly vote against its scope, or a committee meeting's
// figures and its delegation, and says whether the resolution passed.
func (t *Tx) checkResolutionFigures(in *ResolutionInput) (VoteCheck, error) {
	var vc VoteCheck
	switch in.Body {
	case ledger.BodyAssembly:
		kind, ids := "community", []int64(nil)
		if in.BuildingID != 0 {
			kind, ids = "buildings", []int64{in.BuildingID}
		}
		units, err := t.scopeUnits(kind, ids, nil)
		if err != nil {
			return vc, err
		}
		if vc.ScopeArea, vc.ScopeOwners, err = scopeFigures(t, units); err != nil {
			return vc, err
		}
		vc.Refusal = ledger.CheckVote(ledger.Vote{Kind: ledger.AssemblyVoteKind(in.Purpose), ScopeArea: vc.ScopeArea, ScopeOwners: vc.ScopeOwners,
			PartArea: in.PartArea, PartOwners: in.PartOwners, AgreeArea: in.AgreeArea, AgreeOwners: in.AgreeOwners})
		vc.Passed = vc.Refusal == nil
		if k := ledger.KeyOf(vc.Refusal); k != "" && !strings.HasSuffix(k, "_low") {
			return vc, vc.Refusal // inconsistent figures are a typing error, not a vote result
		}
		in.Committee, in.DelegationID = ledger.Committee{}, 0
	case ledger.BodyCommittee:
		if ledger.AssemblyOnly(in.Purpose) {
			return vc, ledger.Refuse("resolution.assembly_only", "purpose", in.Purpose)
		}
		passed, err := ledger.CheckCommittee(in.Committee)
		if err != nil {
			return vc, err
		}
		vc.Passed = passed
		in.PartArea, in.PartOwners, in.AgreeArea, in.AgreeOwners, in.BuildingID = 0, 0, 0, 0, 0
		if !ledger.Spending(in.Purpose) {
			in.DelegationID = 0
			return vc, nil
		}
		if in.DelegationID == 0 {
			return vc, ledger.Refuse("resolution.committee_needs_delegation")
		}
		d, err := t.cited(in.DelegationID)
		if err != nil {
			return vc, err
		}
		if passed {
			used, err := t.delegationUsed(in.DelegationID)
			if err != nil {
				return vc, err
			}
			if err := ledger.CheckDelegation(d, in.Date, used, in.Amount); err != nil {
				return vc, err
			}
		}
	default:
		return vc, ledger.Refuse("resolution.bad_body", "body", in.Body)
	}
	return vc, nil
}

// cited reads a register resolution as a citation sees it (Used is left zero).
func (t *Tx) cited(id int64) (ledger.Cited, error) {
	return readCited(t, id)
}

func readCited(q queryer, id int64) (ledger.Cited, error) {
	c := ledger.Cited{ID: id}
	var purpose sql.NullString
	var amount sql.NullInt64
	var year sql.NullInt64
	err := q.QueryRow(`SELECT r.body, r.date, r.passed, rt.purpose, rt.amount_fen, rt.year FROM resolutions r
		LEFT JOIN resolution_terms rt ON rt.id = r.id WHERE r.id = ?`, id).Scan(&c.Body, &c.Date, &c.Passed, &purpose, &amount, &year)
	if err != nil {
		return c, notFound(err, "resolution", id)
	}
	c.Purpose = ledger.Purpose(purpose.String)
	if !purpose.Valid {
		c.Purpose = ledger.PurposeRepair
	}
	c.Amount, c.Year = ledger.Fen(amount.Int64), int(year.Int64)
	return c, nil
}

// delegationUsed sums the amounts of the passed committee resolutions acting within a
// delegation.
func (t *Tx) delegationUsed(delegationID int64) (ledger.Money, error) {
	var n int64
	err := t.QueryRow(`SELECT COALESCE(SUM(rt.amount_fen), 0) FROM resolution_terms rt JOIN resolutions r ON r.id = rt.id
		WHERE rt.delegation_id = ? AND r.passed = 1`, delegationID).Scan(&n)
	return ledger.Fen(n), err
}

// citedUse sums what the vouchers citing a resolution took on accounts of one book and code
// (their reversals give it back).
func citedUse(q queryer, resolutionID int64, book ledger.Book, code string) (ledger.Money, error) {
	var n int64
	err := q.QueryRow(`SELECT COALESCE(SUM(p.amount_fen), 0) FROM postings p JOIN accounts a ON a.id = p.account_id
		JOIN vouchers v ON v.id = p.voucher_id
		WHERE a.book = ? AND a.code = ? AND (v.resolution_id = ? OR v.reverses_id IN (SELECT id FROM vouchers WHERE resolution_id = ?))`,
		book, code, resolutionID, resolutionID).Scan(&n)
	return ledger.Fen(n), err
}

// checkCitation refuses a voucher line of amount on book/code that cites no resolution, or
// one that does not authorise it (R8); it returns the resolution's id for the voucher row.
func (t *Tx) checkCitation(resolutionID int64, need ledger.Purpose, book ledger.Book, code, date string, amount ledger.Money) (int64, error) {
	if resolutionID == 0 {
		return 0, ledger.Refuse("resolution.required", "need", need)
	}
	c, err := t.cited(resolutionID)
	if err != nil {
		return 0, err
	}
	if c.Used, err = citedUse(t, resolutionID, book, code); err != nil {
		return 0, err
	}
	return resolutionID, ledger.CheckCitation(c, need, date, amount)
}

// PublishResolution records the date a resolution's notice (公告) was posted.
func (s *Store) PublishResolution(id int64, date string) error {
	return s.write(bg, func(t *Tx) error {
		var rdate string
		if err := t.QueryRow(`SELECT date FROM resolutions WHERE id = ?`, id).Scan(&rdate); err != nil {
			return notFound(err, "resolution", id)
		}
		if err := checkPublishDate(rdate, date); err != nil {
			return err
		}
		var n int
		t.QueryRow(`SELECT count(*) FROM resolution_terms WHERE id = ?`, id).Scan(&n)
		if n == 0 { // a repair or replenishment vote gets its terms row when it is published
			purpose := ledger.PurposeRepair
			var kind string
			t.QueryRow(`SELECT kind FROM resolutions WHERE id = ?`, id).Scan(&kind)
			if kind == "replenish" {
				purpose = ledger.PurposeReplenish
			}
			_, err := t.insertLogged("resolution_terms", `INSERT INTO resolution_terms(id, purpose, published_on) VALUES (?,?,?)`, id, purpose, date)
			return err
		}
		return t.change("resolution_terms", id, func() error {
			_, err := t.Exec(`UPDATE resolution_terms SET published_on = ? WHERE id = ?`, date, id)
			return err
		})
	})
}

func checkPublishDate(resolutionDate, date string) error {
	if _, err := ledger.ParseDate(date); err != nil {
		return err
	}
	if date < resolutionDate {
		return ledger.Refuse("resolution.published_before", "date", date, "resolutionDate", resolutionDate)
	}
	return nil
}

// AttachToResolution binds a stored attachment (ballots, minutes) to a resolution.
func (s *Store) AttachToResolution(id, attachmentID int64) error {
	return s.write(bg, func(t *Tx) error {
		var n int
		if err := t.QueryRow(`SELECT count(*) FROM resolutions WHERE id = ?`, id).Scan(&n); err != nil || n == 0 {
			return ledger.Refuse("record.not_found", "what", "resolution", "id", id)
		}
		return t.attachToRecord("resolution", id, attachmentID)
	})
}

// attachToRecord links an attachment to a master-data record, logged as the attachment's links.
func (t *Tx) attachToRecord(entity string, id, attachmentID int64) error {
	var n int
	if err := t.QueryRow(`SELECT count(*) FROM attachments WHERE id = ?`, attachmentID).Scan(&n); err != nil || n == 0 {
		return ledger.Refuse("attachment.unknown", "id", attachmentID)
	}
	return t.change("record_attachment", attachmentID, func() error {
		_, err := t.Exec(`INSERT OR IGNORE INTO record_attachments(entity, entity_id, attachment_id) VALUES (?,?,?)`, entity, id, attachmentID)
		return err
	})
}

// recordAttachmentsOf lists the attachments bound to a record.
func recordAttachmentsOf(q rowQueryer, entity string, id int64) ([]AttachmentInfo, error) {
	rows, err := q.Query(`SELECT a.id, a.sha256, a.name, a.mime, a.size FROM record_attachments ra JOIN attachments a ON a.id = ra.attachment_id
		WHERE ra.entity = ? AND ra.entity_id = ? ORDER BY a.id`, entity, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AttachmentInfo
	for rows.Next() {
		var a AttachmentInfo
		if err := rows.Scan(&a.ID, &a.SHA256, &a.Name, &a.Mime, &a.Size); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

const registerCols = `r.id, r.body, COALESCE(rt.purpose, CASE r.kind WHEN 'replenish' THEN 'replenish' ELSE 'repair' END), r.date, r.title,
	COALESCE(rt.text, r.note), COALESCE(rt.published_on, ''), COALESCE(r.project_id, 0), COALESCE(rt.building_id, 0),
	r.scope_area_cm2, r.scope_owners, r.part_area_cm2, r.part_owners, r.agree_area_cm2, r.agree_owners,
	COALESCE(rt.members_total, 0), COALESCE(rt.members_present, 0), COALESCE(rt.members_for, 0), COALESCE(rt.members_against, 0),
	r.passed, COALESCE(rt.amount_fen, 0), COALESCE(rt.per_case_fen, 0), COALESCE(rt.year, 0), COALESCE(rt.account_code, ''),
	COALESCE(rt.delegation_id, 0)`

// Register lists every resolution, repair and replenishment votes included, newest first,
// with what each has authorised so far and its attachments.
func (s *Store) Register() ([]RegisterEntry, error) {
	var out []RegisterEntry
	err := s.read(bg, func(tx *sqlTx) error {
		rows, err := tx.Query(`SELECT ` + registerCols + ` FROM resolutions r LEFT JOIN resolution_terms rt ON rt.id = r.id ORDER BY r.date DESC, r.id DESC`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var e RegisterEntry
			var amount, perCase int64
			if err := rows.Scan(&e.ID, &e.Body, &e.Purpose, &e.Date, &e.Subject, &e.Text, &e.PublishedOn, &e.ProjectID, &e.BuildingID,
				&e.ScopeArea, &e.ScopeOwners, &e.PartArea, &e.PartOwners, &e.AgreeArea, &e.AgreeOwners,
				&e.Committee.Members, &e.Committee.Present, &e.Committee.For, &e.Committee.Against,
				&e.Passed, &amount, &perCase, &e.Year, &e.AccountCode, &e.DelegationID); err != nil {
				rows.Close()
				return err
			}
			e.Amount, e.PerCase = ledger.Fen(amount), ledger.Fen(perCase)
			e.PublishDue = ledger.PublishDue(e.Date)
			out = append(out, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for i := range out {
			e := &out[i]
			if e.Used, err = registerUsed(tx, *e); err != nil {
				return err
			}
			if e.Attachments, err = recordAttachmentsOf(tx, "resolution", e.ID); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// registerUsed is what a resolution has authorised so far, by its purpose.
func registerUsed(q interface {
	queryer
	rowQueryer
}, e RegisterEntry) (ledger.Money, error) {
	switch e.Purpose {
	case ledger.PurposeAllocation:
		return citedUse(q, e.ID, ledger.BookPublic, ledger.CodePublicToWorking)
	case ledger.PurposeOtherUse:
		return citedUse(q, e.ID, ledger.BookPublic, ledger.CodePublicOtherUse)
	case ledger.PurposeRepairDelegation:
		return citedUse(q, e.ID, ledger.BookFund, ledger.CodeFundRepair)
	case ledger.PurposeDelegation:
		var n int64
		err := q.QueryRow(`SELECT COALESCE(SUM(rt.amount_fen), 0) FROM resolution_terms rt JOIN resolutions r ON r.id = rt.id
			WHERE rt.delegation_id = ? AND r.passed = 1`, e.ID).Scan(&n)
		return ledger.Fen(n), err
	}
	return ledger.Zero, nil
}

// UnpublishedResolutions lists the register's resolutions whose notice (公告) is not recorded
// (the dashboard's list; ledger.PublishOverdue says which are late).
func (s *Store) UnpublishedResolutions() ([]RegisterEntry, error) {
	all, err := s.Register()
	if err != nil {
		return nil, err
	}
	var out []RegisterEntry
	for _, e := range all {
		if e.PublishedOn == "" && e.Purpose != ledger.PurposeRepair && e.Purpose != ledger.PurposeReplenish {
			out = append(out, e)
		}
	}
	return out, nil
}

// AssemblyScope is the area (0.01 m²) and owner headcount of the whole community, or of one
// building when buildingID is set: the denominators of an assembly vote.
func (s *Store) AssemblyScope(buildingID int64) (area, owners int64, err error) {
	err = s.read(bg, func(tx *sqlTx) error {
		q := `SELECT id FROM units ORDER BY id`
		args := []any{}
		if buildingID != 0 {
			q, args = `SELECT id FROM units WHERE building_id = ? ORDER BY id`, []any{buildingID}
		}
		rows, err := tx.Query(q, args...)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			ids = append(ids, id)
		}
		rows.Close()
		area, owners, err = scopeFigures(tx, ids)
		return err
	})
	return area, owners, err
}
