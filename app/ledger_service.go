package app

import (
	"os"

	"jiayuan/app/ops"
	"jiayuan/store"
)

// LedgerService opens ledger files and reads the dashboard figures. It is bound to the frontend.
type LedgerService struct {
	sess *Session
}

// NewLedgerService builds the service; main.go binds it.
func NewLedgerService(sess *Session) *LedgerService { return &LedgerService{sess: sess} }

func info(st *store.Store) (LedgerInfo, error) {
	c, err := st.Community()
	if err != nil {
		return LedgerInfo{}, err
	}
	return LedgerInfo{Path: st.Path(), CommunityName: c.Name, ReadOnly: st.ReadOnly()}, nil
}

// Current returns the open ledger, or an empty LedgerInfo when none is open.
func (s *LedgerService) Current() (LedgerInfo, error) {
	st, err := s.sess.Store()
	if err != nil {
		return LedgerInfo{}, nil
	}
	return info(st)
}

// Recent lists the recently opened ledger files that still exist.
func (s *LedgerService) Recent() []string {
	out := []string{}
	for _, p := range s.sess.cfg.Load().Recent {
		if _, err := os.Stat(p); err == nil {
			out = append(out, p)
		}
	}
	return out
}

// ChooseLedger asks for a ledger file with the system's dialog and opens it. An empty
// LedgerInfo means the user cancelled.
func (s *LedgerService) ChooseLedger() (LedgerInfo, error) {
	path, err := s.sess.Runtime().OpenFileDialog(s.sess.cat.T(s.sess.lang(), "dialog.open_ledger", nil),
		[]FileFilter{{Name: s.sess.cat.T(s.sess.lang(), "dialog.ledger_files", nil), Pattern: "*.jiayuan"}})
	if err != nil || path == "" {
		return LedgerInfo{}, err
	}
	return s.OpenLedger(path)
}

// OpenLedger opens the ledger file at path.
func (s *LedgerService) OpenLedger(path string) (LedgerInfo, error) {
	st, err := s.sess.open(path)
	if err != nil {
		return LedgerInfo{}, err
	}
	return info(st)
}

// OpenLedgerReadOnly opens the ledger file at path for looking only: the way offered when
// another window or program is writing it (ledger.locked).
func (s *LedgerService) OpenLedgerReadOnly(path string) (LedgerInfo, error) {
	st, err := s.sess.openAs(path, true)
	if err != nil {
		return LedgerInfo{}, err
	}
	return info(st)
}

// OpenDemo opens the demo ledger in the user's data folder, generating it the first time.
func (s *LedgerService) OpenDemo() (LedgerInfo, error) {
	st, err := s.sess.openDemo()
	if err != nil {
		return LedgerInfo{}, err
	}
	return info(st)
}

// Dashboard returns the first screen's figures for the open ledger.
func (s *LedgerService) Dashboard() (Dashboard, error) {
	st, err := s.sess.Store()
	if err != nil {
		return Dashboard{}, err
	}
	status, err := st.Status(s.sess.now(), false)
	if err != nil {
		return Dashboard{}, err
	}
	r := ops.StatusReportOf(status, s.sess.cat)
	d := Dashboard{CommunityName: r.Community, Today: r.Today, Books: make([]BookBalance, len(r.Books)), FundRatio: r.Fund.Ratio,
		Threshold: r.Fund.Threshold, InitialTotal: r.Fund.Initial, FundBalance: r.Fund.Balance, Alerts: make([]Alert, len(r.Alerts)),
		ChainSeq: r.Chain.Seq, ChainHead: r.Chain.Hash}
	for i, b := range r.Books {
		d.Books[i] = BookBalance(b)
	}
	for i, a := range r.Alerts {
		d.Alerts[i] = Alert(a)
	}
	return d, nil
}
