package app

import "jiayuan/store"

// EmergencyForm is an emergency project's record as typed (应急使用): the committee's
// approval date, the attached appraisal or inspection certificate (required for façade and
// roof triggers) and the date the housing office (township/street) was informed.
type EmergencyForm struct {
	ApprovedOn    string `json:"approvedOn"`
	CertificateID int64  `json:"certificateId"`
	InformedOn    string `json:"informedOn"`
}

// SetEmergencyRecord records an emergency project's record; the fund pays for an emergency
// only once it is complete.
func (s *ProjectService) SetEmergencyRecord(projectID int64, f EmergencyForm) error {
	st, err := s.sess.Store()
	if err != nil {
		return err
	}
	return st.SetEmergencyRecord(projectID, store.EmergencyRecord{ApprovedOn: f.ApprovedOn, CertificateID: f.CertificateID, InformedOn: f.InformedOn})
}

// EmergencyRecord reads an emergency project's record (empty fields when not recorded).
func (s *ProjectService) EmergencyRecord(projectID int64) (EmergencyForm, error) {
	st, err := s.sess.Store()
	if err != nil {
		return EmergencyForm{}, err
	}
	r, err := st.ProjectEmergency(projectID)
	return EmergencyForm{ApprovedOn: r.ApprovedOn, CertificateID: r.CertificateID, InformedOn: r.InformedOn}, err
}
