package app

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"jiayuan/app/ops"
	"jiayuan/assets"
	"jiayuan/store/ledger"
)

// AboutService answers the About dialog (关于): which build this is, where the user's files
// live, and the licences of what the app bundles. It also keeps the folders the user chose for
// ledgers and backups (the first-run screen reads and sets them). It is bound to the frontend.
type AboutService struct {
	sess *Session
}

// NewAboutService builds the service; app.Services lists it.
func NewAboutService(sess *Session) *AboutService { return &AboutService{sess: sess} }

// AboutInfo is what the About dialog shows.
type AboutInfo struct {
	Name       string      `json:"name"`       // 家园账本
	NameEn     string      `json:"nameEn"`     // Jiayuan Ledger
	Version    string      `json:"version"`    // "0.1.0", or "0.1.0-dev" when not built by make dist
	BuildDate  string      `json:"buildDate"`  // YYYY-MM-DD, "" in a development build
	GoVersion  string      `json:"goVersion"`  // "go1.26.8"
	Platform   string      `json:"platform"`   // "windows/amd64"
	LedgerPath string      `json:"ledgerPath"` // the open ledger file, "" when none is open
	Locations  Locations   `json:"locations"`
	Font       FontLicence `json:"font"`
	Components []Component `json:"components"`
	// NoticesPath is THIRD-PARTY-NOTICES.txt beside the executable (the full licence texts,
	// written by make dist), "" when it is not there (a development build).
	NoticesPath string `json:"noticesPath"`
}

// FontLicence is the bundled font and its licence, which must travel with it.
type FontLicence struct {
	Name    string `json:"name"`    // Noto Sans SC
	Licence string `json:"licence"` // SIL Open Font License 1.1
	Text    string `json:"text"`    // the licence's full text
}

// Component is a library the app is built from, with its licence.
type Component struct {
	Name      string `json:"name"`
	Version   string `json:"version"` // "" when not known at run time
	Licence   string `json:"licence"` // SPDX identifier, e.g. "MIT"
	Copyright string `json:"copyright"`
	URL       string `json:"url"`
	Part      string `json:"part"` // "go" (the program) or "frontend" (the window's page)
}

// Locations are the folders the app uses. The first-run screen shows them.
type Locations struct {
	DataDir    string `json:"dataDir"`    // config, demo ledger: $JIAYUAN_DATA_DIR or the user's config folder
	ConfigFile string `json:"configFile"` // DataDir/config.json
	DemoLedger string `json:"demoLedger"` // DataDir/演示小区.jiayuan
	LedgersDir string `json:"ledgersDir"` // where new ledgers are saved by default: the user's choice, else Documents
	BackupsDir string `json:"backupsDir"` // where backups go: the user's choice, else DataDir/backups
	// Whether LedgersDir and BackupsDir are the user's choice (false: the defaults).
	LedgersDirChosen bool `json:"ledgersDirChosen"`
	BackupsDirChosen bool `json:"backupsDirChosen"`
}

// components lists what the binary and the page are built from, with the versions of go.mod
// and frontend/package.json (a test checks both); a built binary's own build information
// overrides the Go modules' versions.
var components = []Component{
	{Name: "Wails", Version: "v2.16.0", Licence: "MIT", Copyright: "Copyright (c) 2018-Present Lea Anthony", URL: "https://wails.io", Part: "go"},
	{Name: "modernc.org/sqlite", Version: "v1.60.1", Licence: "BSD-3-Clause", Copyright: "Copyright (c) 2017 The Sqlite Authors; SQLite itself is in the public domain", URL: "https://gitlab.com/cznic/sqlite", Part: "go"},
	{Name: "modernc.org/libc", Version: "v1.77.1", Licence: "BSD-3-Clause", Copyright: "Copyright (c) 2017 The Libc Authors", URL: "https://gitlab.com/cznic/libc", Part: "go"},
	{Name: "github.com/signintech/gopdf", Version: "v0.33.0", Licence: "MIT", Copyright: "Copyright (c) 2015 signintech", URL: "https://github.com/signintech/gopdf", Part: "go"},
	{Name: "github.com/xuri/excelize/v2", Version: "v2.11.0", Licence: "BSD-3-Clause", Copyright: "Copyright (c) 2016-2026 The excelize Authors", URL: "https://github.com/xuri/excelize", Part: "go"},
	{Name: "github.com/shopspring/decimal", Version: "v1.6.0", Licence: "MIT", Copyright: "Copyright (c) 2015 Spring, Inc.; Copyright (c) 2013 Oguz Bilgic", URL: "https://github.com/shopspring/decimal", Part: "go"},
	{Name: "golang.org/x/text", Version: "v0.43.0", Licence: "BSD-3-Clause", Copyright: "Copyright 2009 The Go Authors", URL: "https://pkg.go.dev/golang.org/x/text", Part: "go"},
	{Name: "github.com/wailsapp/go-webview2", Version: "v1.0.22", Licence: "MIT", Copyright: "Copyright (c) 2020 John Chadwick", URL: "https://github.com/wailsapp/go-webview2", Part: "go"},
	{Name: "Go", Licence: "BSD-3-Clause", Copyright: "Copyright 2009 The Go Authors", URL: "https://go.dev", Part: "go"},
	{Name: "Vue", Version: "3.5", Licence: "MIT", Copyright: "Copyright (c) 2018-present, Yuxi (Evan) You and Vue contributors", URL: "https://vuejs.org", Part: "frontend"},
	{Name: "Vue Router", Version: "4.6", Licence: "MIT", Copyright: "Copyright (c) 2019-present Eduardo San Martin Morote", URL: "https://router.vuejs.org", Part: "frontend"},
	{Name: "Pinia", Version: "3.0", Licence: "MIT", Copyright: "Copyright (c) 2019-present Eduardo San Martin Morote", URL: "https://pinia.vuejs.org", Part: "frontend"},
	{Name: "Vue I18n", Version: "11.4", Licence: "MIT", Copyright: "Copyright (c) 2020 kazuya kawaguchi", URL: "https://vue-i18n.intlify.dev", Part: "frontend"},
	{Name: "Apache ECharts", Version: "6.1", Licence: "Apache-2.0", Copyright: "Copyright 2017-2025 The Apache Software Foundation", URL: "https://echarts.apache.org", Part: "frontend"},
	{Name: "ZRender", Version: "6.1", Licence: "BSD-3-Clause", Copyright: "Copyright (c) 2017, Baidu Inc.", URL: "https://github.com/ecomfe/zrender", Part: "frontend"},
}

// About returns what the About dialog shows.
func (s *AboutService) About() (AboutInfo, error) {
	loc, err := s.Locations()
	if err != nil {
		return AboutInfo{}, err
	}
	a := AboutInfo{Name: "家园账本", NameEn: "Jiayuan Ledger", Version: ops.Version, BuildDate: ops.BuildDate,
		GoVersion: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH, Locations: loc,
		Font:       FontLicence{Name: assets.FontFamily, Licence: "SIL Open Font License 1.1", Text: assets.FontLicence()},
		Components: componentsWithVersions()}
	if st, err := s.sess.Store(); err == nil {
		a.LedgerPath = st.Path()
	}
	if exe, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(exe), "THIRD-PARTY-NOTICES.txt")
		if _, err := os.Stat(p); err == nil {
			a.NoticesPath = p
		}
	}
	return a, nil
}

// componentsWithVersions takes the Go modules' versions from the binary's build information
// when it has them (a test binary has none).
func componentsWithVersions() []Component {
	out := append([]Component(nil), components...)
	versions := map[string]string{"Go": runtime.Version()}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Replace != nil {
				m = m.Replace
			}
			versions[m.Path] = m.Version
		}
	}
	versions["Wails"] = versions["github.com/wailsapp/wails/v2"]
	for i, c := range out {
		if v := versions[c.Name]; v != "" {
			out[i].Version = v
		}
	}
	return out
}

// Locations returns the folders the app uses: its data folder, and where ledgers and backups
// go (the user's choice, else the defaults: Documents, and DataDir/backups).
func (s *AboutService) Locations() (Locations, error) {
	return locationsOf(s.sess.cfg.Load()), nil
}

// SetLocations records the folders the user chose for ledgers and backups; an empty string
// goes back to the default. Each folder is created when missing, and refused when it cannot be
// written to.
func (s *AboutService) SetLocations(ledgersDir, backupsDir string) (Locations, error) {
	ledgersDir, backupsDir = strings.TrimSpace(ledgersDir), strings.TrimSpace(backupsDir)
	for _, d := range []string{ledgersDir, backupsDir} {
		if d == "" {
			continue
		}
		if err := usableDir(d); err != nil {
			return Locations{}, err
		}
	}
	err := s.sess.cfg.Update(func(c *ops.Config) {
		c.LedgersDir, c.BackupsDir = cleanDir(ledgersDir), cleanDir(backupsDir)
	})
	if err != nil {
		return Locations{}, err
	}
	return s.Locations()
}

// ChooseFolder asks, in the system's folder dialog, where ledgers ("ledgers") or backups
// ("backups") should go from now on, and records the choice. Cancelling changes nothing. A
// backups folder chosen here takes the automatic backups from the next one on; the ones made
// before stay where they are.
func (s *AboutService) ChooseFolder(kind string) (Locations, error) {
	cur := locationsOf(s.sess.cfg.Load())
	key, start := "dialog.choose_ledgers_dir", cur.LedgersDir
	if kind == "backups" {
		key, start = "dialog.choose_backups_dir", cur.BackupsDir
	} else if kind != "ledgers" {
		return cur, ledger.Refuse("locations.unknown_kind", "kind", kind)
	}
	dlg, ok := s.sess.Runtime().(interface {
		OpenDirectoryDialog(title, start string) (string, error)
	})
	if !ok {
		return cur, nil
	}
	dir, err := dlg.OpenDirectoryDialog(s.sess.cat.T(s.sess.lang(), key, nil), start)
	if err != nil || strings.TrimSpace(dir) == "" {
		return cur, err
	}
	c := s.sess.cfg.Load()
	if kind == "backups" {
		return s.SetLocations(c.LedgersDir, dir)
	}
	return s.SetLocations(dir, c.BackupsDir)
}

func locationsOf(c ops.Config) Locations {
	data := ops.DataDir()
	return Locations{DataDir: data, ConfigFile: filepath.Join(data, "config.json"), DemoLedger: DemoPath(),
		LedgersDir: c.LedgersDirOrDefault(), BackupsDir: c.BackupsDirOrDefault(),
		LedgersDirChosen: c.LedgersDir != "", BackupsDirChosen: c.BackupsDir != ""}
}

// within reports whether dir is base or inside it.
func within(dir, base string) bool {
	b, err := filepath.Abs(base)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(b, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func cleanDir(d string) string {
	if d == "" {
		return ""
	}
	return filepath.Clean(d)
}

// usableDir refuses a folder that is not absolute or cannot be created and written to.
func usableDir(d string) error {
	if !filepath.IsAbs(d) {
		return ledger.Refuse("about.dir_not_absolute", "path", d)
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		return ledger.Refuse("about.dir_unusable", "path", d)
	}
	f, err := os.CreateTemp(d, ".jiayuan-write-test-*")
	if err != nil {
		return ledger.Refuse("about.dir_unusable", "path", d)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return nil
}
