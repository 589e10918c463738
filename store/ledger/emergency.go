package ledger

import "time"

// EmergencyRecord is what an emergency repair (应急使用, regulation art. 73/87) must document
// besides its statutory trigger before the fund pays: the committee's approval, the appraisal
// or inspection certificate, and the date the housing office (from 2026 the township or
// street) was informed.
type EmergencyRecord struct {
	ApprovedOn  string // the committee's approval, YYYY-MM-DD
	Certificate bool   // an appraisal or inspection certificate is attached
	InformedOn  string // the housing office informed, YYYY-MM-DD
}

// CertificateRequired reports whether a trigger is one the statute ties to an appraisal by a
// house inspection body: façade parts at risk of falling, serious roof or wall leaks.
func CertificateRequired(trigger string) bool {
	return trigger == "facade_risk" || trigger == "roof_leak"
}

// CheckEmergencyUse refuses a fund expense on an emergency project whose record is incomplete
// or dated after the expense.
func CheckEmergencyUse(trigger string, r EmergencyRecord, expense time.Time) error {
	if r.ApprovedOn == "" {
		return Refuse("emergency.approval_missing")
	}
	if a, err := ParseDate(r.ApprovedOn); err != nil {
		return err
	} else if a.After(expense) {
		return Refuse("emergency.approval_after_expense", "approved", r.ApprovedOn, "date", FormatDate(expense))
	}
	if CertificateRequired(trigger) && !r.Certificate {
		return Refuse("emergency.certificate_missing", "trigger", trigger)
	}
	if r.InformedOn == "" {
		return Refuse("emergency.informed_missing")
	}
	if i, err := ParseDate(r.InformedOn); err != nil {
		return err
	} else if i.After(expense) {
		return Refuse("emergency.informed_after_expense", "informed", r.InformedOn, "date", FormatDate(expense))
	}
	return nil
}
