package app

import (
	"log"
	"os"
	"path/filepath"
	"strings"
)

// DemoArg reports whether the command line asks for the demo ledger when there is no recent
// one (`jiayuan --demo`; `make run` passes it).
func DemoArg(args []string) bool {
	for _, a := range args {
		if a == "--demo" {
			return true
		}
	}
	return false
}

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
// and it opens; otherwise, or when it does not, what OpenAtStart opens (the most recent ledger;
// the demo when none and --demo is given; else nothing: the start screen). main.go calls it
// when the window starts.
func (s *Session) OpenAtStartWith(args []string) error {
	var rest []string // the arguments without --demo
	for _, a := range args {
		if a != "--demo" {
			rest = append(rest, a)
		}
	}
	if p := LedgerArg(rest); p != "" {
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
	return s.OpenAtStart(DemoArg(args))
}

// OpenNothing starts without a ledger: this launch hands its arguments to a window already
// running (see OtherInstanceRunning) and exits.
func (s *Session) OpenNothing() { s.markReady() }

// markReady lets the calls waiting for the start-up ledger go on (see Starting).
func (s *Session) markReady() {
	select {
	case <-s.ready:
	default:
		close(s.ready)
	}
}
