package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// statementLedger is a ledger whose property company collects two contracts: parking, with an
// agreed management share of 30%, and lift ads.
func statementLedger(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "stmt.jiayuan")
	s, err := store.Create(p, store.Community{Name: "报告小区", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := s.AddBuilding(store.Building{Code: "1号"})
	if err != nil {
		t.Fatal(err)
	}
	o, _ := s.AddOwner(store.Owner{Name: "张三"})
	if _, err := s.AddUnit(store.Unit{BuildingID: b, Room: "101", AreaCM2: 10000, HousingType: "commodity", Initial: ledger.Yuan(10000), OwnerID: o}); err != nil {
		t.Fatal(err)
	}
	res, err := s.RecordResolution(store.ResolutionInput{Body: ledger.BodyAssembly, Purpose: ledger.PurposeContract, Date: "2024-01-20",
		Subject: "利用共有部分经营", PartArea: 10000, PartOwners: 1, AgreeArea: 10000, AgreeOwners: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []store.ContractInput{
		{Counterparty: "上海畅行停车管理有限公司", CommonPart: "地面停车位", Period: "month", Amount: ledger.Yuan(1000), AccountCode: "4001", ManagementShare: "30"},
		{Counterparty: "上海分众楼宇广告有限公司", CommonPart: "电梯广告位", Period: "quarter", Amount: ledger.Yuan(5000), AccountCode: "4002"},
	} {
		c.Start, c.End, c.Collector, c.ResolutionID = "2024-02-01", "2030-12-31", "property", res
		if _, err := s.AddContract(c); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// The property company's quarterly statement from the command line: a GB18030 CSV whose title
// names the quarter, checked with --dry-run first (its variances listed by row), then booked;
// the same file again changes nothing; a file with a wrong net is refused by its row and
// changes nothing; an XLSX with a 季度 column and --company.
func TestImportStatementFromTheCommandLine(t *testing.T) {
	p := statementLedger(t)
	csv := write(t, "q2.csv", gbk("锦绣物业 2024年第二季度公共收益收支报告\r\n"+
		"合同,收入,税费,人工成本,管理成本,扣除依据,净收益\r\n"+
		"上海畅行停车管理有限公司,\"3,000.00\",180.00,,900.01,停车合同第5条,1919.99\r\n"+
		"小区门口临时摆摊,500.00,,,,,500.00\r\n"+
		"合计,3500.00,180.00,,900.01,,2419.99\r\n"))
	before := state(t, p)
	code, out, errs := run(t, "import", "--ledger", p, "--kind", "statement", "--dry-run", csv)
	if code != 0 || !strings.Contains(out, "gb18030") || !strings.Contains(out, "试运行") {
		t.Fatalf("dry run: %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{
		"第 3 行：第 1 项“上海畅行停车管理有限公司”扣除人工及管理成本 900.01 元，超过与上海畅行停车管理有限公司合同约定的 30%（最多 900.00 元）",
		"第 4 行：第 2 项“小区门口临时摆摊”（收入 500.00 元）在合同登记中找不到对应合同",
		"与上海分众楼宇广告有限公司的合同本季度预计收益 5,000.00 元，但报告中没有这一项",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the dry run does not say %q:\n%s", want, out)
		}
	}
	if after := state(t, p); after != before {
		t.Fatalf("a dry run changed the ledger:\n%s\n%s", before, after)
	}
	code, out, errs = run(t, "import", "--ledger", p, "--kind", "statement", csv)
	if code != 0 || !strings.Contains(out, "物业公司季度收支报告已入账：2 行") || !strings.Contains(out, "第 3 行") {
		t.Fatalf("import: %d\n%s\n%s", code, out, errs)
	}
	booked := state(t, p)
	if code, out, _ = run(t, "import", "--ledger", p, "--kind", "statement", csv); code != 0 || !strings.Contains(out, "导入过") {
		t.Fatalf("again: %d\n%s", code, out)
	}
	if after := state(t, p); after != booked {
		t.Fatal("the same file again changed the ledger")
	}
	s, err := store.Open(p, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	sts, err := s.Statements()
	s.Close()
	if err != nil || len(sts) != 1 || sts[0].Quarter != "2024Q2" || sts[0].Net.String() != "2419.99" || len(sts[0].Variances) != 3 || sts[0].SourceName != "q2.csv" {
		t.Fatalf("statements %+v %v", sts, err)
	}

	// all or nothing: a wrong net is refused by its row, and the good rows are not booked
	bad := write(t, "q3.csv", gbk("合同,收入,税费,管理成本,扣除依据,净收益\r\n"+
		"上海畅行停车管理有限公司,3000.00,180.00,900.00,停车合同第5条,1921.00\r\n"+
		"上海分众楼宇广告有限公司,5000.00,300.00,1000.00,,3700.00\r\n"))
	code, _, errs = run(t, "import", "--ledger", p, "--kind", "statement", "--quarter", "2024Q3", bad)
	if code != 1 || !strings.Contains(errs, "第 2 行「净收益」：净收益 1,921.00 元与收入减扣除后的 1,920.00 元不符") {
		t.Fatalf("bad file: %d\n%s", code, errs)
	}
	if !strings.Contains(errs, "第 3 行：这一行有扣除金额，但没有写明扣除依据") {
		t.Fatalf("the missing basis is not named by its row:\n%s", errs)
	}
	if after := state(t, p); after != booked {
		t.Fatal("a refused statement changed the ledger")
	}

	// an XLSX with a 季度 column
	x := write(t, "report.xlsx", xlsx(t, [][]any{
		{"季度", "收益来源", "收入金额", "税费", "管理成本", "扣除依据"},
		{"2024年第三季度", "上海畅行停车管理有限公司", 3000.0, 180.0, 900.0, "停车合同第5条"},
		{"2024年第三季度", "上海分众楼宇广告有限公司", 5000.0, 300.0, 0.0, "增值税"},
	}))
	code, out, errs = run(t, "import", "--ledger", p, "--kind", "statement", "--sheet", "凭证", "--company", "上海锦绣物业", x)
	if code != 0 || !strings.Contains(out, "xlsx") || strings.Contains(out, "第 2 行") {
		t.Fatalf("xlsx: %d\n%s\n%s", code, out, errs)
	}
	code, _, errs = run(t, "import", "--ledger", p, "--kind", "statement", "--sheet", "凭证", "--quarter", "2024Q4", x)
	if code != 1 || !strings.Contains(errs, "一份报告只属于一个季度") {
		t.Fatalf("two quarters: %d\n%s", code, errs)
	}
}
