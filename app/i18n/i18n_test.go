package i18n_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"jiayuan/app/i18n"
)

func TestCatalogsHaveTheSameKeysAndNoEmptyMessages(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	zh, en := cat.Keys(i18n.ZH), cat.Keys(i18n.EN)
	if strings.Join(zh, ",") != strings.Join(en, ",") {
		t.Fatalf("zh-CN and en differ:\nzh %v\nen %v", zh, en)
	}
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		for _, k := range cat.Keys(l) {
			if strings.TrimSpace(cat[l][k]) == "" {
				t.Errorf("%s: %s is empty", l, k)
			}
		}
	}
}

// Every message key the Go code can produce — refusals of the core and the store, CLI and
// alert texts — must have a message in both languages, or a user would see a bare key.
func TestEveryKeyInTheCodeHasAMessage(t *testing.T) {
	cat := i18n.MustLoad()
	root := filepath.Join("..", "..")
	refuse := regexp.MustCompile(`Refuse\("([a-z0-9_.]+)"`)
	literal := regexp.MustCompile(`"((?:cli|alert|book|replenish\.status|error|dialog)\.[a-z0-9_.]*[a-z0-9_])"`)
	found := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "frontend" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, re := range []*regexp.Regexp{refuse, literal} {
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				found++
				if strings.HasSuffix(m[1], ".") {
					continue // a key prefix completed at run time
				}
				if !cat.Has(m[1]) {
					t.Errorf("%s: key %q has no message in zh-CN and en", p, m[1])
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 100 {
		t.Fatalf("only %d keys found: the scan is broken", found)
	}
}

func TestTFillsPlaceholdersAndFallsBack(t *testing.T) {
	cat := i18n.Catalog{i18n.ZH: {"a": "金额 {amount} 元"}, i18n.EN: {}}
	if got := cat.T(i18n.EN, "a", map[string]string{"amount": "1.00"}); got != "金额 1.00 元" {
		t.Errorf("fallback to zh-CN: %q", got)
	}
	if got := cat.T(i18n.ZH, "missing", nil); got != "missing" {
		t.Errorf("missing key: %q", got)
	}
}

// The core refuses with a book's code; the user reads the book's name, in either language. A
// date in an argument that may also name a book ("from", "to") is left as it is.
func TestBookCodesInArgumentsReadAsNames(t *testing.T) {
	cat := i18n.MustLoad()
	cases := []struct {
		lang      i18n.Lang
		key       string
		args      map[string]string
		want, not string
	}{
		{i18n.ZH, "book.overdrawn", map[string]string{"book": "fund", "short": "1.00"}, "专项维修资金账户余额将不足", "fund"},
		{i18n.EN, "book.overdrawn", map[string]string{"book": "working", "short": "1.00"}, "Working expenses", "working"},
		{i18n.ZH, "transfer.not_allowed", map[string]string{"from": "fund", "to": "public"}, "不允许从专项维修资金划转到公共收益", "fund"},
		{i18n.ZH, "voucher.cross_book", map[string]string{"line": "2", "account": "1002", "book": "public", "voucherBook": "fund"}, "属于公共收益账簿，不能记入专项维修资金凭证", "public"},
		{i18n.ZH, "period.already_closed", map[string]string{"from": "2025-01-01", "to": "2025-03-31"}, "2025-01-01", "专项"},
	}
	for _, c := range cases {
		got := cat.T(c.lang, c.key, c.args)
		if !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("%s %s: %q, want it to contain %q and not %q", c.lang, c.key, got, c.want, c.not)
		}
	}
}

// A record named in a message reads in the message's language: never "找不到voucher（编号 7）".
// Every record name the store and the reports refuse with has a word in both catalogs.
func TestRecordNamesInMessagesAreTranslated(t *testing.T) {
	cat := i18n.MustLoad()
	if got := cat.T(i18n.ZH, "record.not_found", map[string]string{"what": "voucher", "id": "7"}); got != "找不到凭证（编号 7）。" {
		t.Errorf("zh: %q", got)
	}
	if got := cat.T(i18n.EN, "record.not_found", map[string]string{"what": "replenishment case", "id": "2"}); got != "The replenishment case (2) was not found." {
		t.Errorf("en: %q", got)
	}
	for _, what := range []string{"voucher", "unit", "building", "project", "replenishment case", "resolution", "attachment", "finding", "owner"} {
		zh := cat.T(i18n.ZH, "record.not_found", map[string]string{"what": what, "id": "1"})
		for _, r := range zh {
			if r >= 'a' && r <= 'z' {
				t.Errorf("%q reads %q in Chinese", what, zh)
				break
			}
		}
	}
}

// A surface's catalog takes KEY@SURFACE in place of KEY, leaves other keys alone, and holds
// no KEY@… of its own.
func TestForASurface(t *testing.T) {
	c := i18n.Catalog{i18n.ZH: {"a": "窗口", "a@cli": "命令行 --x", "b": "同一句", "c@web": "别处"}}
	cli := c.For("cli")
	if got := cli.T(i18n.ZH, "a", nil); got != "命令行 --x" {
		t.Errorf("a on the command line: %q", got)
	}
	if got := c.T(i18n.ZH, "a", nil); got != "窗口" {
		t.Errorf("a in the window: %q", got)
	}
	if got := cli.T(i18n.ZH, "b", nil); got != "同一句" {
		t.Errorf("b: %q", got)
	}
	for k := range cli[i18n.ZH] {
		if strings.Contains(k, "@") {
			t.Errorf("the command line's catalog keeps %q", k)
		}
	}
}
