//go:build !windows

package main

import (
	"os"

	"jiayuan/app/cli"
	"jiayuan/app/i18n"
)

// commandLine runs a subcommand headless: on Linux and macOS the same binary is the window
// and the command line, since a terminal waits for it and shows its output either way.
func commandLine(args []string, cat i18n.Catalog) int {
	return cli.Run(args, os.Stdout, os.Stderr, cat)
}
