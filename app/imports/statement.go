package imports

import (
	"errors"
	"path"
	"regexp"
	"strconv"
	"strings"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// StatementSchema is the property company's quarterly statement (季度收支报告) as its XLSX or
// CSV lists it: per contract or source the gross income, the deductions (税费, 人工成本, 管理
// 成本) with their basis, and the net; the quarter in a column, or given, or in the file's name.
var StatementSchema = Schema{Kind: "statement", Fields: []Field{
	{Name: "contract", Label: "合同/收益来源", LabelEn: "contract or source", Required: true, Synonyms: []string{"合同编号", "合同", "合同名称",
		"收益项目", "收益来源", "收入来源", "收入项目", "项目名称", "项目", "来源", "对方单位", "相对方", "contract", "source"}},
	{Name: "gross", Label: "收入", LabelEn: "gross", Required: true, Synonyms: []string{"收入金额", "总收入", "公共收入", "收入", "毛收入",
		"应收金额", "收取金额", "gross", "income"}},
	{Name: "tax", Label: "税费", LabelEn: "tax", Synonyms: []string{"税费", "税金", "税额", "扣除税费", "tax"}},
	{Name: "labour", Label: "人工成本", LabelEn: "labour", Synonyms: []string{"人工成本", "人工费", "人工", "labour", "labor"}},
	{Name: "management", Label: "管理成本", LabelEn: "management cost", Synonyms: []string{"管理成本", "物业管理成本分成", "管理分成",
		"管理费", "分成", "management"}},
	{Name: "basis", Label: "扣除依据", LabelEn: "basis", Synonyms: []string{"扣除依据", "依据", "扣除说明", "备注", "说明", "basis", "note"}},
	{Name: "net", Label: "净收益", LabelEn: "net", Synonyms: []string{"净收益", "净收入", "净额", "应划转金额", "应交金额", "net"}},
	{Name: "quarter", Label: "季度", LabelEn: "quarter", Synonyms: []string{"季度", "报告期", "所属季度", "quarter", "period"}},
	{Name: "account", Label: "科目", LabelEn: "account", Synonyms: []string{"科目代码", "科目编码", "科目", "account"}},
}}

var (
	quarterCode = regexp.MustCompile(`(\d{4})\s*[Qq]\s*([1-4])`)
	quarterZH   = regexp.MustCompile(`(\d{4})\s*年\s*(?:第\s*)?([一二三四1-4])\s*季度?`)
)

// ParseQuarter reads a quarter as people write it: 2026Q2, 2026 q2, 2026年第二季度, 2026年2季度.
// ok is false when s holds none.
func ParseQuarter(s string) (string, bool) {
	s = foldWidth(s)
	if m := quarterCode.FindStringSubmatch(s); m != nil {
		return m[1] + "Q" + m[2], true
	}
	if m := quarterZH.FindStringSubmatch(s); m != nil {
		n := map[string]string{"一": "1", "二": "2", "三": "3", "四": "4"}[m[2]]
		if n == "" {
			n = m[2]
		}
		return m[1] + "Q" + n, true
	}
	return "", false
}

// ReadStatement reads a quarterly statement's lines and its quarter: from the 季度 column
// (every row the same), else opt.Quarter, else the title above the table ("2026年第二季度
// 公共收益收支报告"), else the file's name. A net column, when there is
// one, must equal the gross less the deductions.
func ReadStatement(name string, data []byte, opt Options) (*Table, string, []store.StatementLineInput, error) {
	var out []store.StatementLineInput
	c := &collector{}
	quarter, quarterRow := "", 0
	t, err := Scan(name, data, StatementSchema, opt, func(r Record) error {
		c.t = r.t
		l := store.StatementLineInput{Row: r.Row}
		ok := true
		var good bool
		if l.Contract, good = c.text(r, "contract"); !good {
			ok = false
		}
		if l.Basis, good = c.text(r, "basis"); !good {
			ok = false
		}
		if l.AccountCode, good = c.text(r, "account"); !good {
			ok = false
		}
		if q, good := c.text(r, "quarter"); !good {
			ok = false
		} else if q != "" {
			pq, valid := ParseQuarter(q)
			switch {
			case !valid:
				c.add(r.Row, "quarter", ledger.Refuse("period.invalid", "input", q))
				ok = false
			case quarter != "" && pq != quarter:
				c.add(r.Row, "quarter", ledger.Refuse("import.statement_two_quarters", "quarter", pq, "first", quarter, "row", quarterRow))
				ok = false
			case quarter == "":
				quarter, quarterRow = pq, r.Row
			}
		}
		for _, f := range []struct {
			name string
			dst  *ledger.Money
		}{{"gross", &l.Gross}, {"tax", &l.Tax}, {"labour", &l.Labour}, {"management", &l.Management}} {
			m, _, good := c.amount(r, f.name)
			if !good {
				ok = false
			}
			*f.dst = m
		}
		if net, empty, good := c.amount(r, "net"); !good {
			ok = false
		} else if ok && !empty {
			want := l.Gross.Sub(l.Tax).Sub(l.Labour).Sub(l.Management)
			if net != want {
				c.add(r.Row, "net", ledger.Refuse("import.statement_net_mismatch", "net", net.Grouped(), "computed", want.Grouped()))
				ok = false
			}
		}
		if ok {
			out = append(out, l)
		}
		return nil
	})
	if err != nil {
		return t, "", nil, err
	}
	if quarter == "" {
		quarter = strings.TrimSpace(opt.Quarter)
	}
	if quarter == "" {
		quarter = titleQuarter(name, data, opt.Sheet)
	}
	if quarter == "" {
		quarter, _ = ParseQuarter(path.Base(name))
	}
	if quarter == "" {
		c.add(0, "", ledger.Refuse("import.statement_quarter_required"))
	} else if opt.Quarter != "" && strings.TrimSpace(opt.Quarter) != quarter {
		c.add(quarterRow, "quarter", ledger.Refuse("import.statement_two_quarters", "quarter", quarter, "first", opt.Quarter, "row", strconv.Itoa(quarterRow)))
	}
	return t, quarter, out, c.err()
}

// errTitleDone stops the look at a file's title rows.
var errTitleDone = errors.New("title read")

// titleQuarter finds a quarter in the first rows of a file, where a statement's title is.
func titleQuarter(name string, data []byte, sheet string) string {
	found := ""
	scanFile(name, data, sheet, &fileInfo{}, func(rr rawRow) error {
		if rr.num > 5 {
			return errTitleDone
		}
		for _, c := range rr.cells {
			if q, ok := ParseQuarter(c); ok {
				found = q
				return errTitleDone
			}
		}
		return nil
	})
	return found
}
