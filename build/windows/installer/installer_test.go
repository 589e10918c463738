// Package installer holds the Windows installer's script (project.nsi). NSIS installers are
// 32-bit programs that cannot run here, so this test reads the script instead: whatever its
// install sections write (files, shortcuts, registry values, the PATH entry), its uninstall
// section removes, and the uninstaller removes nothing the installer did not write.
package installer

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// stmt is one instruction of the script, its arguments unquoted and its defines expanded.
type stmt struct {
	line int
	op   string
	args []string
}

// block is a Section or a Function with its instructions.
type block struct {
	kind, name string
	flags      []string // "/o" on a section unticked by default
	body       []stmt
}

var defineRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_.]*)\}`)

// parse reads the script into blocks, expanding !define values and the script's own macros.
func parse(t *testing.T, src string) []block {
	t.Helper()
	defines := map[string]string{
		// From wails_tools.nsh, which `wails build` generates beside the script.
		"UNINST_KEY": `Software\Microsoft\Windows\CurrentVersion\Uninstall\${UNINST_KEY_NAME}`,
	}
	macros := map[string][]string{}
	macroParams := map[string][]string{}
	var lines []string
	raw := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	// Join continued lines, drop comments.
	for i := 0; i < len(raw); i++ {
		l := raw[i]
		for strings.HasSuffix(strings.TrimRight(l, " "), `\`) && i+1 < len(raw) {
			l = strings.TrimSuffix(strings.TrimRight(l, " "), `\`) + " " + strings.TrimSpace(raw[i+1])
			i++
		}
		lines = append(lines, l)
	}
	// Macros first (their bodies are expanded where inserted).
	var out []string
	for i := 0; i < len(lines); i++ {
		f := fields(lines[i])
		if len(f) >= 2 && f[0] == "!macro" {
			name := f[1]
			macroParams[name] = f[2:]
			for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "!macroend"; i++ {
				macros[name] = append(macros[name], lines[i])
			}
			continue
		}
		if len(f) >= 2 && f[0] == "!insertmacro" {
			if body, ok := macros[f[1]]; ok {
				for _, l := range body {
					for j, p := range macroParams[f[1]] {
						v := ""
						if 2+j < len(f) {
							v = f[2+j]
						}
						l = strings.ReplaceAll(l, "${"+p+"}", v)
					}
					out = append(out, l)
				}
				continue
			}
		}
		out = append(out, lines[i])
	}
	expand := func(s string) string {
		for n := 0; n < 5; n++ {
			s = defineRef.ReplaceAllStringFunc(s, func(m string) string {
				if v, ok := defines[m[2:len(m)-1]]; ok {
					return v
				}
				return m
			})
		}
		return s
	}
	var blocks []block
	var cur *block
	for n, l := range out {
		f := fields(l)
		if len(f) == 0 {
			continue
		}
		if f[0] == "!define" && len(f) >= 3 {
			defines[f[1]] = f[2]
			continue
		}
		for i := range f {
			f[i] = expand(f[i])
		}
		switch strings.ToLower(f[0]) {
		case "section":
			b := block{kind: "section"}
			for _, a := range f[1:] {
				if strings.HasPrefix(a, "/") {
					b.flags = append(b.flags, a)
				} else if b.name == "" {
					b.name = a
				}
			}
			blocks = append(blocks, b)
			cur = &blocks[len(blocks)-1]
			continue
		case "function":
			blocks = append(blocks, block{kind: "function", name: f[1]})
			cur = &blocks[len(blocks)-1]
			continue
		case "sectionend", "functionend":
			cur = nil
			continue
		}
		if cur != nil {
			cur.body = append(cur.body, stmt{line: n + 1, op: f[0], args: f[1:]})
		}
	}
	return blocks
}

// fields splits a line into its words, quotes removed, stopping at a comment.
func fields(l string) []string {
	var out []string
	var b strings.Builder
	quote := rune(0)
	in := false
	for _, r := range l {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			b.WriteRune(r)
		case r == '"' || r == '\'' || r == '`':
			quote, in = r, true
		case r == '#' || r == ';':
			if !in && b.Len() == 0 {
				return out
			}
			b.WriteRune(r)
		case r == ' ' || r == '\t':
			if in {
				out = append(out, b.String())
				b.Reset()
				in = false
			}
		default:
			b.WriteRune(r)
			in = true
		}
	}
	if in {
		out = append(out, b.String())
	}
	return out
}

func uninstallPart(b block) bool {
	return strings.EqualFold(b.name, "uninstall") || strings.HasPrefix(strings.ToLower(b.name), "un.")
}

func norm(s string) string { return strings.ToLower(strings.ReplaceAll(s, "/", `\`)) }

type regValue struct{ key, value string }

func TestTheUninstallerRemovesExactlyWhatTheInstallerWrote(t *testing.T) {
	src, err := os.ReadFile("project.nsi")
	if err != nil {
		t.Fatal(err)
	}
	blocks := parse(t, string(src))
	files := map[string]int{}    // path → line: files and shortcuts the installer makes
	dirs := map[string]bool{}    // folders it makes
	values := map[regValue]int{} // HKCU values it writes
	keys := map[string]bool{}    // HKCU keys it writes values in
	removedFiles := map[string]bool{}
	removedValues := map[regValue]bool{}
	removedKeys := map[string]bool{} // DeleteRegKey (the key and everything under it)
	emptiedKeys := map[string]bool{} // DeleteRegKey /ifempty
	var installPath, uninstallPath []string
	var installCalls, uninstallCalls []string
	sections := 0
	for _, b := range blocks {
		un := uninstallPart(b)
		if b.kind == "section" && !un {
			sections++
		}
		outPath := ""
		for _, s := range b.body {
			a := s.args
			switch strings.ToLower(s.op) {
			case "setoutpath":
				outPath = a[0]
				if !un {
					dirs[norm(outPath)] = true
				}
			case "createdirectory":
				dirs[norm(a[0])] = true
			case "file":
				name := a[len(a)-1]
				if strings.HasPrefix(a[0], "/oname=") {
					name = strings.TrimPrefix(a[0], "/oname=")
				} else {
					name = name[strings.LastIndexAny(name, `\/`)+1:]
				}
				files[norm(outPath+`\`+name)] = s.line
			case "writeuninstaller", "createshortcut":
				files[norm(a[0])] = s.line
			case "writeregstr", "writeregexpandstr", "writeregdword":
				if a[0] != "HKCU" {
					t.Errorf("line %d: %s %s: a per-user install writes HKCU only", s.line, s.op, a[0])
				}
				if strings.EqualFold(a[1], "Environment") {
					if un {
						uninstallPath = append(uninstallPath, b.name)
					} else {
						installPath = append(installPath, b.name)
					}
					continue
				}
				if un {
					t.Errorf("line %d: the uninstaller writes %s\\%s", s.line, a[1], a[2])
					continue
				}
				values[regValue{norm(a[1]), norm(a[2])}] = s.line
				keys[norm(a[1])] = true
			case "delete":
				removedFiles[norm(a[0])] = true
			case "rmdir":
				if a[0] == "/r" {
					if strings.EqualFold(a[1], "$INSTDIR") {
						t.Errorf("line %d: RMDir /r $INSTDIR would delete the ledgers a user saved there", s.line)
					}
					if !strings.EqualFold(a[1], `$APPDATA\jiayuan.exe`) {
						t.Errorf("line %d: RMDir /r %s removes what the installer did not write", s.line, a[1])
					}
					continue
				}
				if !dirs[norm(a[0])] {
					t.Errorf("line %d: RMDir %s: not a folder the installer made", s.line, a[0])
				}
			case "deleteregvalue":
				if strings.EqualFold(a[1], "Environment") {
					uninstallPath = append(uninstallPath, b.name)
					continue
				}
				removedValues[regValue{norm(a[1]), norm(a[2])}] = true
			case "deleteregkey":
				if a[0] == "/ifempty" {
					emptiedKeys[norm(a[2])] = true
					continue
				}
				if strings.EqualFold(a[1], "Environment") {
					t.Errorf("line %d: the uninstaller deletes the user's environment", s.line)
				}
				removedKeys[norm(a[1])] = true
			case "call":
				if un {
					uninstallCalls = append(uninstallCalls, a[0])
				} else {
					installCalls = append(installCalls, a[0])
				}
			}
		}
	}
	if sections < 3 || len(files) < 4 || len(values) < 10 {
		t.Fatalf("the script was not read: %d sections, files %v, values %v", sections, files, values)
	}

	// Everything written is removed.
	for f, line := range files {
		if !removedFiles[f] {
			t.Errorf("line %d: the installer writes %s, the uninstaller does not delete it", line, f)
		}
	}
	for f := range removedFiles {
		if _, ok := files[f]; !ok {
			t.Errorf("the uninstaller deletes %s, which the installer does not write", f)
		}
	}
	removed := func(v regValue) bool {
		if removedValues[v] {
			return true
		}
		for k := range removedKeys {
			if v.key == k || strings.HasPrefix(v.key, k+`\`) {
				return true
			}
		}
		return false
	}
	for v, line := range values {
		if removed(v) {
			continue
		}
		// A key emptied value by value, then deleted if empty.
		if emptiedKeys[v.key] && removedValues[v] {
			continue
		}
		t.Errorf("line %d: the installer writes HKCU\\%s [%s], the uninstaller leaves it", line, v.key, v.value)
	}
	for v := range removedValues {
		if _, ok := values[v]; !ok {
			t.Errorf("the uninstaller deletes HKCU\\%s [%s], which the installer does not write", v.key, v.value)
		}
	}
	for k := range removedKeys {
		if !keys[k] {
			t.Errorf("the uninstaller deletes the key HKCU\\%s, in which the installer writes nothing itself", k)
		}
	}
	for k := range emptiedKeys {
		if !keys[k] {
			t.Errorf("the uninstaller empties HKCU\\%s, which the installer does not write", k)
		}
	}

	// The PATH entry: added by AddToPath (a section ticked by default), which records it under
	// the app's key; removed by un.RemoveFromPath, called before that key goes.
	if len(installPath) != 1 || installPath[0] != "AddToPath" {
		t.Errorf("the user's PATH is written by %v, want AddToPath alone", installPath)
	}
	if len(uninstallPath) != 2 || uninstallPath[0] != "un.RemoveFromPath" || uninstallPath[1] != "un.RemoveFromPath" {
		t.Errorf("the uninstaller changes the user's PATH in %v, want un.RemoveFromPath alone (a write, or the value's removal when empty)", uninstallPath)
	}
	if !contains(installCalls, "AddToPath") || !contains(uninstallCalls, "un.RemoveFromPath") {
		t.Errorf("AddToPath called %v, un.RemoveFromPath called %v", installCalls, uninstallCalls)
	}
	for _, b := range blocks {
		if b.kind == "section" && contains(calls(b), "AddToPath") && contains(b.flags, "/o") {
			t.Errorf("the PATH section %q is unticked by default", b.name)
		}
		if b.name == "AddToPath" && !writes(b, "PathEntry", "$INSTDIR") {
			t.Error("AddToPath does not record the entry it adds (PathEntry = $INSTDIR) for the uninstaller")
		}
		if b.name == "un.RemoveFromPath" && !reads(b, "PathEntry") {
			t.Error("un.RemoveFromPath does not remove the entry the installer recorded")
		}
		if uninstallPart(b) && b.kind == "section" {
			callAt, keyGone := -1, -1
			for i, s := range b.body {
				if strings.EqualFold(s.op, "Call") && s.args[0] == "un.RemoveFromPath" {
					callAt = i
				}
				if strings.EqualFold(s.op, "DeleteRegKey") && strings.EqualFold(s.args[len(s.args)-1], `Software\JiayuanLedger`) {
					keyGone = i
				}
			}
			if callAt < 0 || keyGone < 0 || callAt > keyGone {
				t.Error("un.RemoveFromPath must run before the app's key (which records the PATH entry) is deleted")
			}
		}
	}
	if !strings.Contains(string(src), "!pragma warning error all") {
		t.Error("makensis must treat warnings as errors (!pragma warning error all)")
	}
}

func calls(b block) []string {
	var out []string
	for _, s := range b.body {
		if strings.EqualFold(s.op, "Call") {
			out = append(out, s.args[0])
		}
	}
	return out
}

func writes(b block, value, data string) bool {
	for _, s := range b.body {
		if strings.EqualFold(s.op, "WriteRegStr") && s.args[2] == value && s.args[3] == data {
			return true
		}
	}
	return false
}

func reads(b block, value string) bool {
	for _, s := range b.body {
		if strings.EqualFold(s.op, "ReadRegStr") && s.args[3] == value {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
