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

// SetRuntime gives the session the window's runtime (main.go, at start-up).
func (s *Session) SetRuntime(rt Runtime) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rt = rt
}

// Runtime returns the window's runtime, or one that does nothing.
func (s *Session) Runtime() Runtime {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.rt == nil {
		return noRuntime{}
	}
	return s.rt
}

// RememberLedgersDir notes the folder of a ledger the user saved or opened, so that the next
// new-ledger dialog starts there. Ledgers inside the app's data folder (the demo) do not count.
// The ledger service calls it when it creates or opens a ledger.
func (s *Session) RememberLedgersDir(ledgerPath string) {
	abs, err := filepath.Abs(ledgerPath)
	if err != nil {
		return
	}
	dir := filepath.Dir(abs)
	if within(dir, ops.DataDir()) {
		return
	}
	if s.cfg.Load().LedgersDir == dir {
		return
	}
	_ = s.cfg.Update(func(c *ops.Config) { c.LedgersDir = dir })
}
