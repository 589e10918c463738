package app

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
)

// OpenRequestEvent asks the frontend to open a ledger file: another launch of the app was
// given it (a .jiayuan file double-clicked while the window is open). The frontend opens it
// the way it opens a recent ledger, so its state follows.
const OpenRequestEvent = "open-request"

// InstanceID names the app for Wails' single-instance lock. It is per data folder (that is,
// per user, and per test's temporary folder): a second launch for the same user hands its
// arguments to the window already open instead of opening a second window on the same books.
func InstanceID(dataDir string) string {
	if abs, err := filepath.Abs(dataDir); err == nil {
		dataDir = abs
	}
	sum := sha256.Sum256([]byte(dataDir))
	return "jiayuan-" + hex.EncodeToString(sum[:8])
}

// SecondLaunch handles another launch of the app while this window runs: the window comes to
// the front and, when the launch named a ledger file, the frontend is asked to open it (the
// path made absolute against the launch's working directory). It returns that path, or "".
func (s *Session) SecondLaunch(args []string, workDir string) string {
	rt := s.Runtime()
	if r, ok := rt.(interface{ Raise() }); ok {
		r.Raise()
	}
	p := LedgerArg(args)
	if p == "" {
		return ""
	}
	if !filepath.IsAbs(p) && workDir != "" {
		p = filepath.Join(workDir, p)
	}
	p = filepath.Clean(p)
	rt.Emit(OpenRequestEvent, p)
	return p
}
