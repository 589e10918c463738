package distcheck

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// distDir is build/bin as scripts/check-dist.sh gives it; the tests skip without it.
func distDir(t *testing.T) string {
	t.Helper()
	d := os.Getenv("JIAYUAN_DIST_DIR")
	if d == "" {
		t.Skip("JIAYUAN_DIST_DIR is not set: run scripts/check-dist.sh after make dist")
	}
	return d
}

// want is what the build must carry: the version from wails.json, and the build date.
func want(t *testing.T) (version, date string) {
	t.Helper()
	distDir(t)
	version, date = os.Getenv("JIAYUAN_DIST_VERSION"), os.Getenv("JIAYUAN_DIST_DATE")
	if version == "" || date == "" {
		t.Fatal("JIAYUAN_DIST_VERSION and JIAYUAN_DIST_DATE must be set")
	}
	return version, date
}

const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// resources returns the data of every resource of the given type (all names, all languages).
func resources(t *testing.T, f *pe.File, typ uint32) [][]byte {
	t.Helper()
	var dir pe.DataDirectory
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		dir = oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	case *pe.OptionalHeader32:
		dir = oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	}
	if dir.VirtualAddress == 0 {
		t.Fatal("the executable has no resources")
	}
	// The bytes at a virtual address, from the section that holds it.
	at := func(rva, size uint32) []byte {
		for _, s := range f.Sections {
			if rva >= s.VirtualAddress && rva+size <= s.VirtualAddress+s.VirtualSize {
				b := make([]byte, size)
				if _, err := s.ReadAt(b, int64(rva-s.VirtualAddress)); err != nil {
					t.Fatalf("reading resource data: %v", err)
				}
				return b
			}
		}
		t.Fatalf("resource data at %#x (%d bytes) is in no section", rva, size)
		return nil
	}
	root := at(dir.VirtualAddress, dir.Size)
	// entries of the IMAGE_RESOURCE_DIRECTORY at off: (id, offset, isDirectory).
	type entry struct {
		id, off uint32
		dir     bool
	}
	entries := func(off uint32) []entry {
		n := int(binary.LittleEndian.Uint16(root[off+12:])) + int(binary.LittleEndian.Uint16(root[off+14:]))
		out := make([]entry, 0, n)
		for i := 0; i < n; i++ {
			e := root[off+16+uint32(i)*8:]
			id, to := binary.LittleEndian.Uint32(e), binary.LittleEndian.Uint32(e[4:])
			out = append(out, entry{id: id, off: to &^ 0x80000000, dir: to&0x80000000 != 0})
		}
		return out
	}
	var out [][]byte
	for _, ty := range entries(0) {
		if ty.id != typ || !ty.dir {
			continue
		}
		for _, name := range entries(ty.off) {
			for _, lang := range entries(name.off) {
				d := root[lang.off:]
				out = append(out, at(binary.LittleEndian.Uint32(d), binary.LittleEndian.Uint32(d[4:])))
			}
		}
	}
	return out
}

// versionStrings reads the text values of a VS_VERSIONINFO resource (the StringFileInfo's
// strings): key → value. Each block is wLength, wValueLength, wType (1 = text), a NUL-terminated
// UTF-16 key, padding to 32 bits, the value, padding, and child blocks.
func versionStrings(b []byte) map[string]string {
	out := map[string]string{}
	walkVersion(b, out)
	return out
}

func walkVersion(b []byte, out map[string]string) {
	align := func(n int) int { return (n + 3) &^ 3 }
	for len(b) >= 6 {
		l := int(binary.LittleEndian.Uint16(b))
		if l < 6 || l > len(b) {
			return
		}
		blk := b[:l]
		vlen, typ := int(binary.LittleEndian.Uint16(blk[2:])), binary.LittleEndian.Uint16(blk[4:])
		key, n := utf16z(blk[6:])
		p := align(6 + n)
		size := vlen
		if typ == 1 {
			size = 2 * vlen
		}
		if p > l {
			return
		}
		if p+size > l {
			size = l - p
		}
		if typ == 1 && size > 0 {
			out[key], _ = utf16z(blk[p : p+size])
		}
		if c := align(p + size); c < l {
			walkVersion(blk[c:], out)
		}
		if align(l) >= len(b) {
			return
		}
		b = b[align(l):]
	}
}

// utf16z decodes a NUL-terminated UTF-16LE string and says how many bytes it took, NUL included.
func utf16z(b []byte) (string, int) {
	var u []uint16
	for i := 0; i+1 < len(b); i += 2 {
		c := binary.LittleEndian.Uint16(b[i:])
		if c == 0 {
			return string(utf16.Decode(u)), i + 2
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u)), len(b)
}

// fixedVersion is VS_FIXEDFILEINFO's file version, "a.b.c.d".
func fixedVersion(t *testing.T, b []byte) string {
	i := bytes.Index(b, []byte{0xBD, 0x04, 0xEF, 0xFE})
	if i < 0 {
		t.Fatal("the version resource has no VS_FIXEDFILEINFO")
	}
	ms, ls := binary.LittleEndian.Uint32(b[i+8:]), binary.LittleEndian.Uint32(b[i+12:])
	return fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
}

func open(t *testing.T, name string) (*pe.File, []byte) {
	t.Helper()
	p := filepath.Join(distDir(t), name)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%s is missing: %v", name, err)
	}
	f, err := pe.NewFile(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s is not a PE file: %v", name, err)
	}
	return f, b
}

func subsystem(f *pe.File) uint16 {
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		return oh.Subsystem
	case *pe.OptionalHeader32:
		return oh.Subsystem
	}
	return 0
}

func TestWindowsProgram(t *testing.T) {
	version, date := want(t)
	f, raw := open(t, "jiayuan.exe")
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("machine %#x, want AMD64", f.Machine)
	}
	if _, ok := f.OptionalHeader.(*pe.OptionalHeader64); !ok {
		t.Error("not a PE32+ (64-bit) executable")
	}
	if s := subsystem(f); s != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("subsystem %d, want WINDOWS_GUI (%d): a console window would open beside the app", s, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}

	vs := resources(t, f, rtVersion)
	if len(vs) != 1 {
		t.Fatalf("%d version resources, want 1", len(vs))
	}
	got := versionStrings(vs[0])
	for k, v := range map[string]string{"ProductName": "家园账本", "ProductVersion": version, "FileVersion": version,
		"FileDescription": "家园账本", "OriginalFilename": "jiayuan.exe"} {
		if got[k] != v {
			t.Errorf("version resource %s = %q, want %q (all: %q)", k, got[k], v, got)
		}
	}
	for _, k := range []string{"CompanyName", "LegalCopyright", "Comments"} {
		if got[k] == "" {
			t.Errorf("version resource has no %s (all: %q)", k, got)
		}
	}
	if fv := fixedVersion(t, vs[0]); fv != version+".0" {
		t.Errorf("fixed file version %s, want %s.0", fv, version)
	}

	// The icon in every size Windows asks for.
	groups := resources(t, f, rtGroupIcon)
	if len(groups) == 0 {
		t.Fatal("no icon")
	}
	sizes := map[int]bool{}
	g := groups[0]
	for i := 0; i < int(binary.LittleEndian.Uint16(g[4:])); i++ {
		w := int(g[6+14*i])
		if w == 0 {
			w = 256
		}
		sizes[w] = true
	}
	for _, s := range []int{16, 24, 32, 48, 256} {
		if !sizes[s] {
			t.Errorf("the icon has no %d×%d image (has %v)", s, s, sizes)
		}
	}
	if n := len(resources(t, f, rtIcon)); n < 6 {
		t.Errorf("%d icon images, want several", n)
	}
	if m := resources(t, f, rtManifest); len(m) == 0 || !bytes.Contains(m[0], []byte("dpiAware")) {
		t.Error("no manifest declaring DPI awareness (blurry text on a scaled screen)")
	}

	// -ldflags put the version and build date into the program (the About dialog shows them).
	if !bytes.Contains(raw, []byte(date)) {
		t.Errorf("the build date %s is not in the program: were the ldflags applied?", date)
	}
}

// jiayuan-cli.exe, the command line beside the window: a 64-bit console program (cmd.exe and
// PowerShell wait for it and show its output), with the version of this build (the build date
// is linked only where it is shown, in the window's About dialog).
func TestWindowsCommandLine(t *testing.T) {
	version, _ := want(t)
	f, raw := open(t, "jiayuan-cli.exe")
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("machine %#x, want AMD64", f.Machine)
	}
	if _, ok := f.OptionalHeader.(*pe.OptionalHeader64); !ok {
		t.Error("not a PE32+ (64-bit) executable")
	}
	if s := subsystem(f); s != pe.IMAGE_SUBSYSTEM_WINDOWS_CUI {
		t.Errorf("subsystem %d, want WINDOWS_CUI (%d): cmd.exe would neither wait for it nor show its output", s, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)
	}
	if !bytes.Contains(raw, []byte("jiayuan/app/ops.Version")) || !bytes.Contains(raw, []byte(version)) {
		t.Errorf("the version %s is not in jiayuan-cli.exe: were the ldflags applied?", version)
	}
	if bytes.Contains(raw, []byte("github.com/wailsapp/wails/v2/internal/frontend/desktop")) {
		t.Error("jiayuan-cli.exe links the window")
	}
}

func TestWindowsInstaller(t *testing.T) {
	version, _ := want(t)
	f, raw := open(t, "jiayuan-"+version+"-windows-setup.exe")
	if s := subsystem(f); s != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("subsystem %d, want WINDOWS_GUI", s)
	}
	if !bytes.Contains(raw, []byte("Nullsoft")) && !bytes.Contains(raw, []byte("NullsoftInst")) {
		t.Error("not an NSIS installer")
	}
	vs := resources(t, f, rtVersion)
	if len(vs) == 0 {
		t.Fatal("the installer has no version resource")
	}
	got := versionStrings(vs[0])
	if got["ProductName"] != "家园账本" || got["ProductVersion"] != version || !strings.Contains(got["FileDescription"], "安装程序") {
		t.Errorf("installer version resource: %q", got)
	}
	// RequestExecutionLevel user: the manifest asks for no elevation, so no UAC prompt and no
	// administrator needed.
	m := resources(t, f, rtManifest)
	if len(m) == 0 {
		t.Fatal("the installer has no manifest")
	}
	if !bytes.Contains(m[0], []byte(`level="asInvoker"`)) || bytes.Contains(m[0], []byte("requireAdministrator")) {
		t.Errorf("the installer's manifest does not run as the user:\n%s", m[0])
	}
}
