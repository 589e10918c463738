package app

import (
	"log"
	"os"
	"path/filepath"
	"sync"
	"time"

	"jiayuan/app/demo"
	"jiayuan/app/i18n"
	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// Session holds the open ledger; services share it. Only one ledger is open at a time.
type Session struct {
	mu  sync.RWMutex
	st  *store.Store
	cfg *ops.ConfigStore
	cat i18n.Catalog
	now func() time.Time
	rt  Runtime
	// ready is closed when the ledger to start on is open: the window loads while OnStartup
	// runs, and its first calls must wait for it rather than see no ledger.
	ready chan struct{}
}

// NewSession makes an empty session.
func NewSession(cfg *ops.ConfigStore, cat i18n.Catalog) *Session {
	ready := make(chan struct{})
	close(ready)
	return &Session{cfg: cfg, cat: cat, now: time.Now, ready: ready}
}

// Starting tells the session that OpenAtStart will run: until it has, calls wait for it.
func (s *Session) Starting() { s.ready = make(chan struct{}) }

// waitReady blocks until the start-up ledger is open (generating the demo takes seconds).
func (s *Session) waitReady() {
	select {
	case <-s.ready:
	case <-time.After(2 * time.Minute):
	}
}

// Store returns the open ledger or a refusal saying none is open.
func (s *Session) Store() (*store.Store, error) {
	s.waitReady()
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.st == nil {
		return nil, ledger.Refuse("ledger.none_open")
	}
	return s.st, nil
}

// current is the open ledger, without waiting for the start-up one (a restore under way).
func (s *Session) current() (*store.Store, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.st == nil {
		return nil, ledger.Refuse("ledger.none_open")
	}
	return s.st, nil
}

// detach closes the open ledger and leaves none open: a restore needs the file to itself. No
// automatic backup is made of it: the restore keeps the file it replaces (the pre-restore
// copy), and a refused restore leaves it as it was. It returns the ledger it closed and whether
// it was read-only.
func (s *Session) detach() (string, bool) {
	s.mu.Lock()
	st := s.st
	s.st = nil
	s.mu.Unlock()
	if st == nil {
		return "", false
	}
	path, ro := st.Path(), st.ReadOnly()
	st.Close()
	return path, ro
}

// open replaces the open ledger with the one at path.
func (s *Session) open(path string) (*store.Store, error) { return s.openAs(path, false) }

// openAs opens the ledger at path, read-only when ro: what the window offers when another
// process is writing the ledger (ledger.locked). A file that fails the check at open is refused,
// naming the newest good backup. A ledger opened for writing is backed up into its backups
// folder now, after each posting session (idle for backupIdle) and when it is closed.
func (s *Session) openAs(path string, ro bool) (*store.Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, ledger.Refuse("ledger.file_missing", "path", path)
	}
	st, err := store.OpenChecked(abs, store.Options{ReadOnly: ro}, s.backupDir(abs))
	if err != nil {
		return nil, err
	}
	st.SetActor(s.cfg.Load().UserName)
	s.mu.Lock()
	old := s.st
	s.st = st
	s.mu.Unlock()
	if old != nil {
		s.backUp(old)
		old.Close()
	}
	if dir := s.backupDir(abs); !ro && dir != "" {
		s.backUp(st) // quick: nothing to do unless the file changed since its last backup
		st.BackupWhenIdle(dir, backupIdle, log.Printf)
	}
	_ = s.cfg.Update(func(c *ops.Config) { c.Recent = ops.AddRecent(c.Recent, abs) })
	return st, nil
}

// Close closes the open ledger (on shutdown), backing it up first.
func (s *Session) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st != nil {
		s.backUp(s.st)
		s.st.Close()
		s.st = nil
	}
}

// backupIdle is how long the chain head must stand still before the session's backup.
const backupIdle = 5 * time.Minute

// backupDir is the folder of a ledger's automatic backups: in the backups folder the user
// chose, else in backups/ beside the config (ConfigStore.BackupsDir). The demo has none: it is made again when missing, and a newer
// app may make it differently.
func (s *Session) backupDir(ledgerPath string) string {
	if samePath(ledgerPath, DemoPath()) {
		return ""
	}
	return store.BackupDir(s.cfg.BackupsDir(), ledgerPath)
}

func samePath(a, b string) bool {
	a, errA := filepath.Abs(a)
	b, errB := filepath.Abs(b)
	return errA == nil && errB == nil && a == b
}

// backUp makes the automatic backup of a ledger open for writing (nothing when it has not
// changed since the last one); a failure is logged, never in the way of closing.
func (s *Session) backUp(st *store.Store) {
	dir := s.backupDir(st.Path())
	if st.ReadOnly() || dir == "" {
		return
	}
	if _, _, err := st.AutoBackup(dir); err != nil {
		log.Printf("automatic backup of %s: %v", st.Path(), err)
	}
}

// lang is the user's language for texts the Go side shows (dialog titles).
func (s *Session) lang() i18n.Lang { return i18n.ParseLang(s.cfg.Load().Language) }

// DemoPath is where the demo ledger lives.
func DemoPath() string { return filepath.Join(ops.DataDir(), "演示小区.jiayuan") }

// OpenAtStart opens the most recent ledger that still exists. With none, the window shows the
// start screen, which explains the app and offers the demo or a new ledger — unless demo is
// set (`jiayuan --demo`, what `make run` starts), then the demo ledger is opened, made the
// first time, so that a developer lands on real numbers.
func (s *Session) OpenAtStart(demo bool) error {
	defer s.markReady()
	for _, p := range s.cfg.Load().Recent {
		if _, err := os.Stat(p); err == nil {
			_, err := s.open(p)
			if ledger.KeyOf(err) == "ledger.locked" { // another window writes it: look, read-only
				_, err = s.openAs(p, true)
			}
			if err == nil {
				return nil
			}
		}
	}
	if !demo {
		return nil
	}
	_, err := s.openDemo()
	return err
}

func (s *Session) openDemo() (*store.Store, error) {
	p := DemoPath()
	if _, err := os.Stat(p); err != nil {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := demo.Generate(p, demo.Options{}); err != nil {
			os.Remove(p)
			return nil, err
		}
	}
	return s.open(p)
}

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
