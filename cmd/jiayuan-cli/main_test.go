package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The console companion must never link the window: on Windows a program with Wails in it
// would need WebView2 at start, and the point of jiayuan-cli.exe is to run anywhere a console
// does (an auditor's machine, a script, Wine in CI).
func TestTheCompanionDoesNotLinkTheWindow(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 20 || !strings.Contains(string(out), "jiayuan/app/cli\n") {
		t.Fatalf("go list gave too little: %q", out)
	}
	for _, d := range deps {
		if strings.HasPrefix(d, "github.com/wailsapp/") || d == "jiayuan/app" {
			t.Errorf("jiayuan-cli links %s", d)
		}
	}
}
