package ledger

import (
	"os/exec"
	"strings"
	"testing"
)

// The core stays pure (DESIGN.md §4): it depends on the standard library and
// shopspring/decimal only, and never on SQL, Wails, the frontend or the file system.
func TestTheCoreDependsOnTheStandardLibraryAndDecimalOnly(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH")
	}
	out, err := exec.Command(goBin, "list", "-deps", "-f", "{{.ImportPath}} {{.Standard}}", "jiayuan/store/ledger").Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	var n int
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, std, _ := strings.Cut(line, " ")
		n++
		switch {
		case path == "jiayuan/store/ledger":
		case path == "github.com/shopspring/decimal":
		case std == "true":
			// database/sql/driver (interfaces only) comes with decimal's Value and Scan;
			// database/sql itself, HTTP and processes must not come at all.
			for _, bad := range []string{"database/sql", "net/http", "os/exec", "plugin"} {
				if path == bad || (strings.HasPrefix(path, bad+"/") && path != "database/sql/driver") {
					t.Errorf("the core depends on %s", path)
				}
			}
		default:
			t.Errorf("the core depends on %s, outside the standard library and shopspring/decimal", path)
		}
	}
	if n < 10 {
		t.Fatalf("go list gave only %d packages:\n%s", n, out)
	}
}

// Its own imports stay away from I/O: files, network, processes, unsafe, cgo.
func TestTheCoreImportsNoIO(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH")
	}
	out, err := exec.Command(goBin, "list", "-f", `{{join .Imports "\n"}}`, "jiayuan/store/ledger").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	forbidden := []string{"os", "io/fs", "io/ioutil", "path/filepath", "net", "syscall", "unsafe", "C",
		"database/sql", "embed", "log", "runtime/cgo"}
	for _, imp := range strings.Fields(string(out)) {
		if imp == "database/sql/driver" {
			continue // interfaces only: Money's Value (money_sql.go) names driver.Value; no I/O
		}
		for _, bad := range forbidden {
			if imp == bad || strings.HasPrefix(imp, bad+"/") {
				t.Errorf("the core imports %s", imp)
			}
		}
	}
}
