package app_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"jiayuan/app"
	"jiayuan/app/i18n"
	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// aboutEnv gives the test its own data folder and home, so nothing touches the user's files.
func aboutEnv(t *testing.T) (data, home string) {
	t.Helper()
	root := t.TempDir()
	data, home = filepath.Join(root, "data"), filepath.Join(root, "home")
	for _, d := range []string{data, home} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("JIAYUAN_DATA_DIR", data)
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	return data, home
}

func smallLedger(t *testing.T, path string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	st, err := store.Create(path, store.Community{Name: "阳光小区", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	return path
}

func TestLedgerArgTakesOnlyALedgerFile(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{`C:\Users\张三\Documents\阳光小区.jiayuan`}, `C:\Users\张三\Documents\阳光小区.jiayuan`},
		{[]string{"/home/a/b.JIAYUAN"}, "/home/a/b.JIAYUAN"}, // Explorer may hand over any case
		{[]string{"notes.txt"}, ""},
		{[]string{"--ledger", "x.jiayuan"}, ""},
		{[]string{"x.jiayuan.bak"}, ""},
	} {
		if got := app.LedgerArg(c.args); got != c.want {
			t.Errorf("LedgerArg(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}

// Double-clicking a .jiayuan file starts the app with it: that file is open, not the recent
// one, and the demo is not generated; it becomes the most recent, and its folder the ledgers
// folder.
func TestOpenAtStartWithOpensTheFileGiven(t *testing.T) {
	data, home := aboutEnv(t)
	recent := smallLedger(t, filepath.Join(home, "old", "旧小区.jiayuan"))
	given := smallLedger(t, filepath.Join(home, "委员会", "阳光小区.jiayuan"))
	cfg := ops.NewConfigStore(data)
	if err := cfg.Update(func(c *ops.Config) { c.Recent = []string{recent} }); err != nil {
		t.Fatal(err)
	}
	sess := app.NewSession(cfg, i18n.MustLoad())
	sess.Starting()
	if err := sess.OpenAtStartWith([]string{given}); err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	st, err := sess.Store()
	if err != nil {
		t.Fatal(err)
	}
	if st.Path() != given {
		t.Errorf("open ledger %q, want the file given %q", st.Path(), given)
	}
	if _, err := os.Stat(app.DemoPath()); err == nil {
		t.Error("the demo ledger was generated although a file was given")
	}
	c := cfg.Load()
	if len(c.Recent) == 0 || c.Recent[0] != given {
		t.Errorf("recent %q: the file given must come first", c.Recent)
	}
	if c.LedgersDir != filepath.Dir(given) {
		t.Errorf("ledgers folder %q, want %q", c.LedgersDir, filepath.Dir(given))
	}
}

// A file that is missing or not a ledger does not stop the app: it starts on the recent one.
func TestOpenAtStartWithFallsBackToTheRecentLedger(t *testing.T) {
	data, home := aboutEnv(t)
	recent := smallLedger(t, filepath.Join(home, "小区.jiayuan"))
	notLedger := filepath.Join(home, "别的.jiayuan")
	if err := os.WriteFile(notLedger, []byte("not a ledger"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{filepath.Join(home, "不存在.jiayuan"), notLedger} {
		cfg := ops.NewConfigStore(data)
		if err := cfg.Update(func(c *ops.Config) { c.Recent = []string{recent} }); err != nil {
			t.Fatal(err)
		}
		sess := app.NewSession(cfg, i18n.MustLoad())
		sess.Starting()
		if err := sess.OpenAtStartWith([]string{arg}); err != nil {
			t.Fatal(err)
		}
		st, err := sess.Store()
		if err != nil {
			t.Fatal(err)
		}
		if st.Path() != recent {
			t.Errorf("%s: open ledger %q, want the recent %q", filepath.Base(arg), st.Path(), recent)
		}
		sess.Close()
		if b, _ := os.ReadFile(notLedger); string(b) != "not a ledger" {
			t.Fatal("the file that is not a ledger was changed")
		}
	}
}

func TestLocationsDefaultsAndChoices(t *testing.T) {
	data, home := aboutEnv(t)
	docs := ops.DocumentsDir()
	cfg := ops.NewConfigStore(data)
	svc := app.NewAboutService(app.NewSession(cfg, i18n.MustLoad()))

	loc, err := svc.Locations()
	if err != nil {
		t.Fatal(err)
	}
	want := app.Locations{DataDir: data, ConfigFile: filepath.Join(data, "config.json"), DemoLedger: filepath.Join(data, "演示小区.jiayuan"),
		LedgersDir: docs, BackupsDir: filepath.Join(data, "backups")}
	if loc != want {
		t.Errorf("defaults:\n got %+v\nwant %+v", loc, want)
	}

	ledgers, backups := filepath.Join(home, "账本"), filepath.Join(home, "U盘", "备份")
	loc, err = svc.SetLocations(ledgers, " "+backups+" ")
	if err != nil {
		t.Fatal(err)
	}
	if loc.LedgersDir != ledgers || loc.BackupsDir != backups || !loc.LedgersDirChosen || !loc.BackupsDirChosen {
		t.Errorf("chosen: %+v", loc)
	}
	if !aboutIsDir(backups) {
		t.Error("the backups folder was not created")
	}
	if c := cfg.Load(); c.LedgersDir != ledgers || c.BackupsDir != backups {
		t.Errorf("not remembered: %+v", c)
	}
	// The JSON the first-run screen reads.
	b, _ := json.Marshal(loc)
	for _, k := range []string{`"dataDir"`, `"ledgersDir"`, `"backupsDir"`, `"ledgersDirChosen":true`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("JSON %s lacks %s", b, k)
		}
	}

	// Empty goes back to the default.
	loc, _ = svc.SetLocations("", "")
	if loc.LedgersDir != docs || loc.BackupsDir != filepath.Join(data, "backups") || loc.LedgersDirChosen {
		t.Errorf("reset: %+v", loc)
	}
}

func TestSetLocationsRefusesUnusableFolders(t *testing.T) {
	data, home := aboutEnv(t)
	file := filepath.Join(home, "a-file")
	os.WriteFile(file, []byte("x"), 0o644)
	cfg := ops.NewConfigStore(data)
	svc := app.NewAboutService(app.NewSession(cfg, i18n.MustLoad()))
	for _, c := range []struct{ ledgers, backups, key string }{
		{"账本", "", "about.dir_not_absolute"},
		{"", filepath.Join(file, "备份"), "about.dir_unusable"},
	} {
		_, err := svc.SetLocations(c.ledgers, c.backups)
		var le *ledger.Error
		if !errors.As(err, &le) || le.Key != c.key {
			t.Errorf("SetLocations(%q, %q) = %v, want refusal %s", c.ledgers, c.backups, err, c.key)
			continue
		}
		if e := app.NewError(i18n.MustLoad(), err); e.Message == "" || strings.Contains(e.Message, "about.") || !strings.Contains(e.Message, "文件夹") {
			t.Errorf("message %q", e.Message)
		}
	}
	if c := cfg.Load(); c.LedgersDir != "" || c.BackupsDir != "" {
		t.Errorf("a refused folder was remembered: %+v", c)
	}
}

// The demo lives in the data folder: opening it must not make that the ledgers folder.
func TestRememberLedgersDirIgnoresTheDataFolder(t *testing.T) {
	data, home := aboutEnv(t)
	cfg := ops.NewConfigStore(data)
	sess := app.NewSession(cfg, i18n.MustLoad())
	sess.RememberLedgersDir(app.DemoPath())
	if c := cfg.Load(); c.LedgersDir != "" {
		t.Errorf("the demo's folder became the ledgers folder: %q", c.LedgersDir)
	}
	sess.RememberLedgersDir(filepath.Join(home, "业委会", "小区.jiayuan"))
	if c := cfg.Load(); c.LedgersDir != filepath.Join(home, "业委会") {
		t.Errorf("ledgers folder %q", c.LedgersDir)
	}
}

func TestAboutNamesTheBuildTheFilesAndTheLicences(t *testing.T) {
	data, home := aboutEnv(t)
	path := smallLedger(t, filepath.Join(home, "小区.jiayuan"))
	sess := app.NewSession(ops.NewConfigStore(data), i18n.MustLoad())
	if _, err := app.NewLedgerService(sess).OpenLedger(path); err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	a, err := app.NewAboutService(sess).About()
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "家园账本" || a.Version != ops.Version || a.Version == "" || a.BuildDate != ops.BuildDate || a.LedgerPath != path {
		t.Errorf("about: %+v", a)
	}
	if a.Locations.DataDir != data || a.Font.Name != "Noto Sans SC" || !strings.Contains(a.Font.Licence, "Open Font License 1.1") ||
		!strings.Contains(a.Font.Text, "SIL OPEN FONT LICENSE Version 1.1") {
		t.Errorf("font/locations: %+v %+v", a.Locations, a.Font.Licence)
	}
	licences := map[string]string{}
	for _, c := range a.Components {
		licences[c.Name] = c.Licence
		if c.Copyright == "" || c.URL == "" || (c.Part != "go" && c.Part != "frontend") {
			t.Errorf("component %+v incomplete", c)
		}
	}
	for name, lic := range map[string]string{"Wails": "MIT", "modernc.org/sqlite": "BSD-3-Clause", "github.com/signintech/gopdf": "MIT",
		"github.com/xuri/excelize/v2": "BSD-3-Clause", "github.com/shopspring/decimal": "MIT", "Vue": "MIT", "Apache ECharts": "Apache-2.0"} {
		if licences[name] != lic {
			t.Errorf("%s: licence %q, want %q", name, licences[name], lic)
		}
	}
	// The Go modules' versions are go.mod's.
	gomod, _ := os.ReadFile(filepath.Join("..", "go.mod"))
	for _, c := range a.Components {
		if c.Part != "go" || c.Name == "Go" || c.Name == "Wails" {
			continue
		}
		name := c.Name
		if name == "Wails" {
			name = "github.com/wailsapp/wails/v2"
		}
		m := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(name) + ` (v\S+)`).FindSubmatch(gomod)
		if m == nil {
			t.Errorf("%s is not in go.mod: remove it from the About dialog's list", name)
		} else if string(m[1]) != c.Version {
			t.Errorf("%s: version %q, go.mod has %s", c.Name, c.Version, m[1])
		}
	}
}

// The frontend's versions are written by hand: they must follow frontend/package.json.
func TestAboutFrontendVersionsFollowPackageJSON(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "frontend", "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct{ Dependencies map[string]string }
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{"Vue": "vue", "Vue Router": "vue-router", "Pinia": "pinia", "Vue I18n": "vue-i18n", "Apache ECharts": "echarts"}
	data, _ := aboutEnv(t)
	a, err := app.NewAboutService(app.NewSession(ops.NewConfigStore(data), i18n.MustLoad())).About()
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, c := range a.Components {
		npm, ok := names[c.Name]
		if !ok {
			continue
		}
		seen++
		dep := strings.TrimLeft(pkg.Dependencies[npm], "^~")
		if dep == "" || !strings.HasPrefix(dep, c.Version+".") {
			t.Errorf("%s: About says %s, package.json has %q: update components in about_service.go", c.Name, c.Version, pkg.Dependencies[npm])
		}
	}
	if seen != len(names) {
		t.Errorf("found %d of the %d frontend libraries", seen, len(names))
	}
	for npm := range pkg.Dependencies {
		found := false
		for _, n := range names {
			found = found || n == npm
		}
		if !found {
			t.Errorf("frontend dependency %s is not in the About dialog's list", npm)
		}
	}
}

func aboutIsDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// A real first run (no recent ledger, nothing given) opens nothing: the window shows the start
// screen that explains the app, and no demo is made behind the user's back. `jiayuan --demo`
// (make run) opens the demo instead, made the first time.
func TestOpenAtStartFirstRunShowsTheStartScreenUnlessDemoAsked(t *testing.T) {
	data, _ := aboutEnv(t)
	sess := app.NewSession(ops.NewConfigStore(data), i18n.MustLoad())
	sess.Starting()
	if err := sess.OpenAtStartWith(nil); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.Store(); err == nil {
		t.Error("a ledger is open on a first run; want none (the start screen)")
	}
	if _, err := os.Stat(app.DemoPath()); err == nil {
		t.Error("the demo ledger was generated on a first run without --demo")
	}
	sess.Close()

	sess = app.NewSession(ops.NewConfigStore(data), i18n.MustLoad())
	sess.Starting()
	if err := sess.OpenAtStartWith([]string{"--demo"}); err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	st, err := sess.Store()
	if err != nil {
		t.Fatalf("--demo: no ledger open: %v", err)
	}
	if st.Path() != app.DemoPath() {
		t.Errorf("--demo opened %q, want the demo %q", st.Path(), app.DemoPath())
	}
}
