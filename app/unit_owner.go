package app

import (
	"strings"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// OwnerChangeRow is a unit's change of owner as its page lists it.
type OwnerChangeRow struct {
	Date string `json:"date"`
	From string `json:"from"`
	To   string `json:"to"`
}

// ChangeOwner records that a unit was sold (or passed) to a new owner on a date; the owner is
// found by name and phone or recorded. A replenishment due stays with the unit.
func (s *UnitService) ChangeOwner(unitID int64, name, phone, date string) error {
	st, err := s.sess.Store()
	if err != nil {
		return err
	}
	if strings.TrimSpace(date) == "" {
		date = ledger.FormatDate(s.sess.now())
	}
	return st.ChangeOwnerTo(unitID, store.Owner{Name: name, Phone: phone}, date)
}

// OwnerChanges lists a unit's changes of owner, oldest first.
func (s *UnitService) OwnerChanges(unitID int64) ([]OwnerChangeRow, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	cs, err := st.OwnerChanges(unitID)
	if err != nil {
		return nil, err
	}
	out := make([]OwnerChangeRow, 0, len(cs))
	for _, c := range cs {
		out = append(out, OwnerChangeRow{Date: c.Date, From: c.FromOwner, To: c.ToOwner})
	}
	return out, nil
}
