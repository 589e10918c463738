package app

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"jiayuan/app/i18n"
	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// fakeRuntime records events and answers dialogs with a fixed path.
type fakeRuntime struct {
	mu       sync.Mutex
	events   []Progress
	savePath string
	saveDir  string
	saveName string
}

func (f *fakeRuntime) OpenFileDialog(string, []FileFilter) (string, error) { return "", nil }
func (f *fakeRuntime) SaveFileDialog(_, name string, _ []FileFilter) (string, error) {
	f.saveName = name
	return f.savePath, nil
}
func (f *fakeRuntime) SaveFileDialogIn(_, dir, name string, _ []FileFilter) (string, error) {
	f.saveDir, f.saveName = dir, name
	return f.savePath, nil
}
func (f *fakeRuntime) OpenFilesDialog(string, []FileFilter) ([]string, error) { return nil, nil }
func (f *fakeRuntime) Emit(event string, data ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if event == ProgressEvent && len(data) == 1 {
		if p, ok := data[0].(Progress); ok {
			f.events = append(f.events, p)
		}
	}
}

// testSession is a session on a fresh data folder, with a fake window runtime.
func testSession(t *testing.T) (*Session, *fakeRuntime, string) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("JIAYUAN_DATA_DIR", dir)
	sess := NewSession(ops.NewConfigStore(dir), i18n.MustLoad())
	rt := &fakeRuntime{}
	sess.SetRuntime(rt)
	t.Cleanup(sess.Close)
	return sess, rt, dir
}

func goodInput(dir string) NewLedgerInput {
	return NewLedgerInput{
		Community: CommunityInput{Name: "  幸福家园  ", Address: "上海市徐汇区幸福路 8 弄", District: "徐汇区 · 田林街道",
			AssemblyCode: "310104-0001", FundBank: "上海银行徐汇支行", FundAccount: "3165 0000 0001", TermStart: "2024-07-01",
			TermEnd: "2029-06-30", StartDate: "2025-01-01"},
		Policy: PolicyInputOf(ledger.DefaultPolicy()),
		Units: []NewUnitRow{
			{Building: "1号", Room: "101", Area: "89.5", HousingType: "commodity", Initial: "8,950.00", OwnerName: "张三", OwnerPhone: "13800000001"},
			{Building: "1号", Room: "102", Area: "１２０．３５", HousingType: "售后公房", Initial: "12035", OwnerName: "李四"},
			{Building: "1号", HousingType: "commodity"}, // a row with only the carried-over building is skipped
			{Building: "2号", Room: "车库 3", Area: "15", HousingType: "garage", Initial: "0", OwnerName: "张三", OwnerPhone: "13800000001"},
		},
		Path: filepath.Join(dir, "幸福家园"),
	}
}

func TestCreateLedgerMakesTheFileWithItsUnitsAndOpensIt(t *testing.T) {
	sess, rt, dir := testSession(t)
	s := NewLedgerService(sess)
	info, err := s.CreateLedger(goodInput(dir))
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "幸福家园.jiayuan")
	if info.Path != want || info.CommunityName != "幸福家园" {
		t.Fatalf("opened %+v, want %s 幸福家园", info, want)
	}
	if _, err := os.Stat(want + ".partial"); !os.IsNotExist(err) {
		t.Error("the temporary file is left behind")
	}
	st, err := sess.Store()
	if err != nil {
		t.Fatal(err)
	}
	c, _ := st.Community()
	if c.FundBank != "上海银行徐汇支行" || c.TermEnd != "2029-06-30" || c.StartDate != "2025-01-01" || !c.Policy.ReplenishThreshold.Equal(ledger.DefaultPolicy().ReplenishThreshold) {
		t.Errorf("community %+v", c)
	}
	rows, total, err := st.Units(store.UnitFilter{Limit: 10})
	if err != nil || total != 3 {
		t.Fatalf("units: %d %v", total, err)
	}
	got := map[string]store.UnitRow{}
	for _, r := range rows {
		got[r.BuildingCode+" "+r.Room] = r
	}
	u := got["1号 102"]
	if u.AreaCM2 != 12035 || u.HousingType != "public_sold" || u.Initial.String() != "12035.00" || u.OwnerName != "李四" {
		t.Errorf("1号 102: %+v", u)
	}
	if a, b := got["1号 101"], got["2号 车库 3"]; a.OwnerID == 0 || a.OwnerID != b.OwnerID {
		t.Errorf("the same owner (name and phone) of two units is one owner: %d, %d", a.OwnerID, b.OwnerID)
	}
	if g := got["2号 车库 3"]; g.HousingType != "garage" || !g.Initial.IsZero() {
		t.Errorf("garage: %+v", g)
	}
	if res, err := st.Verify(); err != nil || !res.OK {
		t.Errorf("the new ledger verifies: %+v %v", res, err)
	}
	if recent := s.Recent(); len(recent) == 0 || recent[0] != want {
		t.Errorf("recent list %v", recent)
	}
	if len(rt.events) < 2 || rt.events[0].Stage != "start" || rt.events[len(rt.events)-1].Stage != "done" || rt.events[0].Total != 3 {
		t.Errorf("progress events %+v", rt.events)
	}
}

func TestCreateLedgerRefusesBadInputAndMakesNoFile(t *testing.T) {
	sess, _, dir := testSession(t)
	s := NewLedgerService(sess)
	cases := []struct {
		name  string
		edit  func(*NewLedgerInput)
		key   string
		field string
		row   string
	}{
		{"empty name", func(in *NewLedgerInput) { in.Community.Name = "  " }, "community.name_empty", "name", ""},
		{"bad start date", func(in *NewLedgerInput) { in.Community.StartDate = "2025-13-01" }, "date.invalid", "startDate", ""},
		{"term ends first", func(in *NewLedgerInput) { in.Community.TermEnd = "2020-01-01" }, "community.term_order", "termEnd", ""},
		{"area abc", func(in *NewLedgerInput) { in.Units[1].Area = "abc" }, "area.invalid", "area", "2"},
		{"no initial", func(in *NewLedgerInput) { in.Units[0].Initial = "" }, "unit.initial_empty", "initial", "1"},
		{"unknown type", func(in *NewLedgerInput) { in.Units[0].HousingType = "castle" }, "unit.unknown_type", "housingType", "1"},
		{"same room twice", func(in *NewLedgerInput) { in.Units[1].Room = " 101 " }, "unit.duplicate_row", "room", "2"},
		{"percent abc", func(in *NewLedgerInput) { in.Policy.ReplenishThreshold = "abc" }, "settings.percent_invalid", "replenishThreshold", ""},
		{"target below trigger", func(in *NewLedgerInput) { in.Policy.ReplenishTarget = "20" }, "policy.target_below_threshold", "replenishTarget", ""},
		{"no path", func(in *NewLedgerInput) { in.Path = "" }, "ledger.path_empty", "path", ""},
		{"no folder", func(in *NewLedgerInput) { in.Path = filepath.Join(dir, "nope", "x.jiayuan") }, "ledger.folder_missing", "path", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := goodInput(dir)
			c.edit(&in)
			_, err := s.CreateLedger(in)
			var le *ledger.Error
			if !asLedgerError(err, &le) || le.Key != c.key || le.Args["field"] != c.field || le.Args["row"] != c.row {
				t.Fatalf("got %v, want %s field=%s row=%s", err, c.key, c.field, c.row)
			}
			msg := NewError(sess.cat, err)
			if msg.Message == c.key || msg.MessageEn == c.key || strings.Contains(msg.Message, "{") {
				t.Errorf("untranslated message %+v", msg)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.Contains(e.Name(), ".jiayuan") {
					t.Errorf("a refused creation left %s", e.Name())
				}
			}
		})
	}
	// An existing file is never overwritten.
	in := goodInput(dir)
	if _, err := s.CreateLedger(in); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateLedger(in); ledger.KeyOf(err) != "ledger.file_exists" {
		t.Fatalf("second creation at the same path: %v", err)
	}
}

func asLedgerError(err error, le **ledger.Error) bool {
	e, ok := err.(*ledger.Error)
	*le = e
	return ok
}

func TestCheckUnitsListsEveryBadRowInBothLanguages(t *testing.T) {
	sess, _, _ := testSession(t)
	s := NewLedgerService(sess)
	probs := s.CheckUnits([]NewUnitRow{
		{Building: "1号", Room: "101", Area: "abc", Initial: "100"},
		{Building: "1号", Room: "102", Area: "80", Initial: "100"},
		{Building: "", Room: "103", Area: "80", Initial: "100"},
		{Building: "1号", Room: "104", Area: "80.123", Initial: "100"},
		{Building: "1号", Room: "105", Area: "80", Initial: "-5"},
	})
	got := []string{}
	for _, p := range probs {
		got = append(got, p.Field)
		if p.Message == "" || p.MessageEn == "" || p.Message == p.Key {
			t.Errorf("row %d: untranslated %+v", p.Row, p)
		}
	}
	if strings.Join(got, ",") != "area,building,area,initial" || probs[0].Row != 1 || probs[1].Row != 3 {
		t.Fatalf("problems %+v", probs)
	}
	if !strings.Contains(probs[0].Message, "abc") {
		t.Errorf("the message names the input: %s", probs[0].Message)
	}
	// written differently, the same unit: "1" and "1号" are one building, "101室" is room 101
	dup := s.CheckUnits([]NewUnitRow{{Building: "1", Room: "101", Area: "80", Initial: "0"}, {Building: "１号", Room: "101室", Area: "80", Initial: "0"}})
	if len(dup) != 1 || dup[0].Key != "unit.duplicate_row" || dup[0].Row != 2 {
		t.Errorf("the same unit written twice: %+v", dup)
	}
	if len(s.CheckUnits([]NewUnitRow{{Building: "1", Room: "1", Area: "1", Initial: "0"}})) != 0 {
		t.Error("a good row has no problem")
	}
}

func TestDefaultPathAndSaveDialog(t *testing.T) {
	sess, rt, dir := testSession(t)
	s := NewLedgerService(sess)
	p := s.DefaultLedgerPath(`阳光/花园:二期`)
	if p != filepath.Join(dir, "阳光_花园_二期.jiayuan") {
		t.Fatalf("default path %s", p)
	}
	os.WriteFile(p, []byte("x"), 0o644)
	if p2 := s.DefaultLedgerPath(`阳光/花园:二期`); p2 != filepath.Join(dir, "阳光_花园_二期 (2).jiayuan") {
		t.Errorf("a taken name is numbered: %s", p2)
	}
	rt.savePath = filepath.Join(dir, "chosen")
	got, err := s.ChooseSavePath(p)
	if err != nil || got != rt.savePath+".jiayuan" {
		t.Errorf("chosen %q %v", got, err)
	}
	if rt.saveDir != dir || rt.saveName != "阳光_花园_二期.jiayuan" {
		t.Errorf("dialog opened in %q with %q", rt.saveDir, rt.saveName)
	}
	rt.savePath = ""
	if got, err := s.ChooseSavePath(p); got != "" || err != nil {
		t.Errorf("cancel: %q %v", got, err)
	}
}

func TestPrepareDemoReportsProgress(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the demo")
	}
	sess, rt, _ := testSession(t)
	s := NewLedgerService(sess)
	if err := s.PrepareDemo(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(DemoPath()); err != nil {
		t.Fatal("no demo file")
	}
	years := 0
	for _, e := range rt.events {
		if e.Task == "demo" && e.Stage == "years" {
			years++
		}
	}
	if years == 0 || rt.events[len(rt.events)-1].Stage != "done" {
		t.Errorf("events %+v", rt.events)
	}
	n := len(rt.events)
	if err := s.PrepareDemo(); err != nil || len(rt.events) != n {
		t.Error("an existing demo is not made again")
	}
	if info, err := s.OpenDemo(); err != nil || info.CommunityName == "" {
		t.Errorf("open demo: %+v %v", info, err)
	}
}
