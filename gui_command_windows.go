package main

import (
	"os"

	"jiayuan/app/i18n"

	"golang.org/x/sys/windows"
)

// commandLine answers a subcommand given to the window program. On Windows jiayuan.exe is a
// GUI program: cmd.exe and PowerShell give it no console, do not wait for it and do not see
// its exit code, so it runs no command and says, in a message box, to use jiayuan-cli.exe
// (cmd/jiayuan-cli), the console program installed beside it. The exit code is 2, a usage
// error, for whoever does wait.
func commandLine(args []string, cat i18n.Catalog) int {
	lang := i18n.ParseLang(os.Getenv("JIAYUAN_LANG"))
	a := map[string]string{"command": args[0]}
	text, _ := windows.UTF16PtrFromString(cat.T(lang, "windows.use_cli", a))
	title, _ := windows.UTF16PtrFromString(cat.T(lang, "windows.use_cli_title", a))
	windows.MessageBox(0, text, title, windows.MB_OK|windows.MB_ICONINFORMATION|windows.MB_SETFOREGROUND)
	return 2
}
