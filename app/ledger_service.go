package app

import (
	"errors"

	"jiayuan/app/i18n"
)

// LedgerService opens ledger files and reads the dashboard figures. It is bound to the frontend.
type LedgerService struct {
	cat i18n.Catalog
}

// NewLedgerService builds the service; main.go binds it.
func NewLedgerService(cat i18n.Catalog) *LedgerService { return &LedgerService{cat: cat} }

// Current returns the open ledger, or an empty LedgerInfo when none is open.
func (s *LedgerService) Current() (LedgerInfo, error) { return LedgerInfo{}, nil }

// OpenLedger opens (or creates) the ledger file at path.
func (s *LedgerService) OpenLedger(path string) (LedgerInfo, error) {
	return LedgerInfo{}, errors.New("not implemented yet")
}

// OpenDemo opens the demo ledger in the user's data folder, generating it the first time.
func (s *LedgerService) OpenDemo() (LedgerInfo, error) {
	return LedgerInfo{}, errors.New("not implemented yet")
}

// Dashboard returns the first screen's figures for the open ledger.
func (s *LedgerService) Dashboard() (Dashboard, error) {
	return Dashboard{}, errors.New("not implemented yet")
}
