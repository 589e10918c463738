package store

import (
	"database/sql"
	"errors"
	"strings"

	"jiayuan/store/ledger"
)

// EmergencyRecord is an emergency project's record (应急使用): the committee's approval, the
// appraisal or inspection certificate (an attachment) and the date the housing office was
// informed. A fund expense on an emergency project is refused until it is complete.
type EmergencyRecord struct {
	ApprovedOn    string
	CertificateID int64 // attachment id, 0 = none
	InformedOn    string
}

// SetEmergencyRecord records (or corrects) an emergency project's record; the change is logged.
func (s *Store) SetEmergencyRecord(projectID int64, r EmergencyRecord) error {
	r.ApprovedOn, r.InformedOn = strings.TrimSpace(r.ApprovedOn), strings.TrimSpace(r.InformedOn)
	for _, d := range []string{r.ApprovedOn, r.InformedOn} {
		if d == "" {
			continue
		}
		p, err := ledger.ParseDate(d)
		if err != nil {
			return err
		}
		if ledger.FormatDate(p) != d {
			return ledger.Refuse("date.invalid", "input", d)
		}
	}
	return s.write(bg, func(t *Tx) error {
		var trigger string
		if err := t.Get(&trigger, `SELECT emergency_trigger FROM projects WHERE id = ?`, projectID); err != nil {
			return notFound(err, "project", projectID)
		}
		if trigger == "" {
			return ledger.Refuse("emergency.not_emergency")
		}
		if r.CertificateID != 0 {
			var n int
			if err := t.Get(&n, `SELECT count(*) FROM attachments WHERE id = ?`, r.CertificateID); err != nil {
				return err
			}
			if n == 0 {
				return ledger.Refuse("attachment.unknown", "id", r.CertificateID)
			}
		}
		return t.change("project_emergency", projectID, func() error {
			_, err := t.Exec(`INSERT INTO project_emergency(id, approved_on, certificate_id, informed_on) VALUES (?,?,?,?)
				ON CONFLICT(id) DO UPDATE SET approved_on = excluded.approved_on, certificate_id = excluded.certificate_id,
				informed_on = excluded.informed_on`, projectID, r.ApprovedOn, nullID(r.CertificateID), r.InformedOn)
			return err
		})
	})
}

// ProjectEmergency reads a project's emergency record (zero when none was recorded).
func (s *Store) ProjectEmergency(projectID int64) (EmergencyRecord, error) {
	return readEmergency(s.db, projectID)
}

func readEmergency(q queryer, projectID int64) (EmergencyRecord, error) {
	var r EmergencyRecord
	err := q.QueryRow(`SELECT approved_on, COALESCE(certificate_id, 0), informed_on FROM project_emergency WHERE id = ?`, projectID).
		Scan(&r.ApprovedOn, &r.CertificateID, &r.InformedOn)
	if errors.Is(err, sql.ErrNoRows) {
		return r, nil
	}
	return r, err
}

// checkEmergencyRecord is the rule the fund expense's transaction applies (ledger.CheckEmergencyUse).
func (t *Tx) checkEmergencyRecord(projectID int64, trigger string, date string) error {
	r, err := readEmergency(t, projectID)
	if err != nil {
		return err
	}
	d, err := ledger.ParseDate(date)
	if err != nil {
		return err
	}
	return ledger.CheckEmergencyUse(trigger, ledger.EmergencyRecord{ApprovedOn: r.ApprovedOn, Certificate: r.CertificateID != 0,
		InformedOn: r.InformedOn}, d)
}
