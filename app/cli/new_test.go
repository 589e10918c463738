package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jiayuan/app/cli"
	"jiayuan/app/i18n"
	"jiayuan/store"
	"jiayuan/store/ledger"

	"github.com/xuri/excelize/v2"
)

const roster = "幢,室,建筑面积,房屋类型,业主,电话,首期应筹集金额\n" +
	"1号,101,89.50,商品房,张三,13800000001,8950.00\n" +
	"1号,102,72.00,售后公房,李四,,3600\n" +
	"2号,101,120.25,,王五,13800000003,12025.00\n"

func TestNewMakesALedgerFromAGB18030Roster(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "业委会 账本", "阳光小区.jiayuan")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	src := write(t, "房屋清单.csv", gbk(roster))
	code, out, errs := run(t, "new", "--ledger", p, "--name", "阳光小区", "--start", "2025-01-01", "--policy", "national", "--units", src)
	if code != 0 {
		t.Fatalf("new: %d %s %s", code, out, errs)
	}
	if !strings.Contains(out, "已新建账本 "+p) || !strings.Contains(out, "3 户") || !strings.Contains(out, "gb18030") {
		t.Errorf("new printed %q", out)
	}
	s, err := store.Open(p, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Community()
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "阳光小区" || c.StartDate != "2025-01-01" || c.Policy.TransferStrict || !c.Policy.TransferThreshold.Equal(ledger.DefaultPolicy().ReplenishThreshold) {
		t.Errorf("community %+v", c)
	}
	units, n, err := s.Units(store.UnitFilter{Limit: 100})
	if err != nil || n != 3 {
		t.Fatalf("units %d %v", n, err)
	}
	types := map[string]string{}
	for _, u := range units {
		types[u.Room+"/"+u.HousingType] = u.OwnerName
	}
	if types["102/public_sold"] != "李四" || types["101/commodity"] == "" {
		t.Errorf("units as recorded: %v", types)
	}
	if res, err := s.Verify(); err != nil || !res.OK {
		t.Errorf("verify %+v %v", res, err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(p), "*.partial*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestNewReadsAnXLSXRosterAndDefaultsToShanghai(t *testing.T) {
	f := excelize.NewFile()
	for i, line := range strings.Split(strings.TrimSpace(roster), "\n") {
		for j, cell := range strings.Split(line, ",") {
			name, _ := excelize.CoordinatesToCellName(j+1, i+1)
			f.SetCellValue("Sheet1", name, cell)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "新小区")
	code, out, errs := run(t, "new", "--ledger", p, "--name", "新小区", "--units", write(t, "units.xlsx", buf.Bytes()))
	if code != 0 {
		t.Fatalf("new: %d %s %s", code, out, errs)
	}
	s, err := store.Open(p+".jiayuan", store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, _ := s.Community()
	want := ledger.DefaultPolicy()
	if c.Policy.TransferStrict != want.TransferStrict || !c.Policy.TransferShare.Equal(want.TransferShare) ||
		!c.Policy.TransferThreshold.Equal(want.TransferThreshold) {
		t.Errorf("policy %+v, want the store's default %+v", c.Policy, want)
	}
	if _, err := ledger.ParseDate(c.StartDate); err != nil {
		t.Errorf("start date %q", c.StartDate)
	}
}

func TestNewRefusesABadRosterNamingTheRowsAndLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "坏.jiayuan")
	bad := "幢,室,建筑面积,房屋类型,业主,电话,首期应筹集金额\n" +
		"1号,101,89.50,商品房,张三,,8950\n" +
		"1号,102,-3,商品房,李四,,100\n" + // row 3: area
		"1号,101,70,商品房,王五,,100\n" + // row 4: the same room as row 2
		"1号,103,70,别墅,赵六,,100\n" + // row 5: no such housing type
		"1号,104,70,商品房,,13900000000,\n" // row 6: no initial amount
	code, out, errs := run(t, "new", "--ledger", p, "--name", "坏小区", "--units", write(t, "bad.csv", gbk(bad)))
	if code != 1 {
		t.Fatalf("new with a bad roster: exit %d, want 1: %s %s", code, out, errs)
	}
	for _, want := range []string{"没有留下任何文件", "4 处问题", "第 3 行「建筑面积」", "第 4 行「室」", "第 5 行「房屋类型」", "第 6 行「首期应筹集金额」"} {
		if !strings.Contains(errs, want) {
			t.Errorf("the refusal does not say %q:\n%s", want, errs)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left behind: %v", entries)
	}
}

func TestNewRefusesAnExistingFileAndBadInput(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "已有.jiayuan")
	if err := os.WriteFile(p, []byte("someone's ledger"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := run(t, "new", "--ledger", p, "--name", "已有小区")
	if code != 1 || !strings.Contains(errs, "已存在，不会覆盖") {
		t.Errorf("over an existing file: exit %d, %s", code, errs)
	}
	if b, _ := os.ReadFile(p); string(b) != "someone's ledger" {
		t.Errorf("the existing file was changed: %q", b)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--name", "  "}, 1, "请填写小区名称"},
		{[]string{"--name", "小区", "--start", "2025-02-30"}, 1, "2025-02-30"},
		{[]string{"--name", "小区", "--policy", "beijing"}, 1, "shanghai, national"},
		{[]string{"--name", "小区", "--units", filepath.Join(dir, "无此文件.csv")}, 1, "无此文件.csv"},
		{[]string{"--name", "小区", "--ledger", filepath.Join(dir, "无此文件夹", "x.jiayuan")}, 1, "无此文件夹"},
		{[]string{"--name", "小区", "--ledger", ""}, 2, "--ledger"},
	} {
		args := append([]string{"new", "--ledger", filepath.Join(dir, "新.jiayuan")}, c.args...)
		code, out, errs := run(t, args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d (want %d), %q %q, want it to say %q", c.args, code, c.code, out, errs, c.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
}

func TestCompanionPrintsHelpWithoutACommand(t *testing.T) {
	var out, errb bytes.Buffer
	if code := cli.RunCompanion(nil, &out, &errb, i18n.MustLoad()); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "jiayuan-cli <命令>") || !strings.Contains(out.String(), "  new ") {
		t.Errorf("companion help: %q", out.String())
	}
}
