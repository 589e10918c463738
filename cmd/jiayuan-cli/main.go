// jiayuan-cli is the command line of Jiayuan Ledger (家园账本) as a console program: on
// Windows jiayuan.exe must be a GUI program (the window), which cmd.exe and PowerShell neither
// wait for nor give a console, so auditors and scripts run the same subcommands through this
// one. It is built from the same code (app/cli) and never links the window; without a
// subcommand it prints the help.
package main

import (
	"os"

	"jiayuan/app/cli"
	"jiayuan/app/i18n"
)

func main() {
	os.Exit(cli.RunCompanion(os.Args[1:], os.Stdout, os.Stderr, i18n.MustLoad()))
}
