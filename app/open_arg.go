package app

import (
	"log"
	"os"
	"path/filepath"
	"strings"
)

// LedgerArg returns the ledger file named on the command line, or "". Double-clicking a
// .jiayuan file in Windows Explorer starts `jiayuan.exe "C:\…\小区.jiayuan"` (the installer
// registers the association); main.go has already sent CLI subcommands to the CLI, so a lone
// argument ending in .jiayuan is a file to open.
func LedgerArg(args []string) string {
	if len(args) == 0 {
		return ""
	}
	a := strings.TrimSpace(args[0])
	if strings.HasPrefix(a, "-") || !strings.EqualFold(filepath.Ext(a), ".jiayuan") {
		return ""
	}
	return a
}

// OpenAtStartWith opens the ledger named on the command line (see LedgerArg) when there is one
// and it opens; otherwise, or when it does not, what OpenAtStart opens (the most recent ledger,
// or the demo). main.go calls it when the window starts.
func (s *Session) OpenAtStartWith(args []string) error {
	if p := LedgerArg(args); p != "" {
		if _, err := os.Stat(p); err != nil {
			log.Printf("the ledger %q given on the command line is missing: %v", p, err)
		} else if _, err := s.open(p); err != nil {
			log.Printf("the ledger %q given on the command line did not open: %v", p, err)
		} else {
			s.RememberLedgersDir(p)
			s.markReady()
			return nil
		}
	}
	return s.OpenAtStart()
}

// markReady lets the calls waiting for the start-up ledger go on (see Starting).
func (s *Session) markReady() {
	select {
	case <-s.ready:
	default:
		close(s.ready)
	}
}
