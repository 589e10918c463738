package imports

import (
	"strconv"
	"strings"

	"jiayuan/store/ledger"
)

// Field is a column an import understands, found in a file by its header.
type Field struct {
	Name     string   // canonical name, used in --map ("date=记账日期")
	Label    string   // zh-CN, for messages
	LabelEn  string   // en, for messages
	Synonyms []string // headers that mean it, most specific first (compared folded)
	Required bool
}

// Schema is the set of columns of one kind of import.
type Schema struct {
	Kind   string
	Fields []Field
	// AnyOf lists groups of fields of which at least one must be present.
	AnyOf [][]string
}

func (s Schema) field(name string) (Field, bool) {
	for _, f := range s.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

var (
	fBuilding = Field{Name: "building", Label: "幢", LabelEn: "building", Synonyms: []string{"幢", "幢号", "楼幢", "楼幢号", "门牌幢", "楼号", "楼栋", "栋", "栋号", "楼", "building", "bldg"}}
	fRoom     = Field{Name: "room", Label: "室/房号", LabelEn: "room", Synonyms: []string{"室", "室号", "房号", "房间号", "户号", "门牌号", "房屋号", "room", "roomno", "unit"}}
)

func req(f Field) Field { f.Required = true; return f }

// UnitsSchema is a unit roster: 幢, 室/房号, 建筑面积, 房屋类型, 业主, 电话, 首期应筹集金额.
var UnitsSchema = Schema{Kind: "units", Fields: []Field{
	req(fBuilding), req(fRoom),
	{Name: "area", Label: "建筑面积", LabelEn: "area", Required: true, Synonyms: []string{"建筑面积", "面积", "房屋面积", "产权面积", "area", "buildingarea"}},
	{Name: "type", Label: "房屋类型", LabelEn: "housing type", Synonyms: []string{"房屋类型", "房屋性质", "物业类型", "类型", "性质", "type", "housingtype"}},
	{Name: "owner", Label: "业主", LabelEn: "owner", Synonyms: []string{"业主", "业主姓名", "业主名称", "产权人", "户主", "姓名", "owner", "ownername", "name"}},
	{Name: "phone", Label: "电话", LabelEn: "phone", Synonyms: []string{"电话", "联系电话", "手机", "手机号", "手机号码", "联系方式", "phone", "tel", "mobile"}},
	{Name: "initial", Label: "首期应筹集金额", LabelEn: "initial deposit", Required: true, Synonyms: []string{"首期应筹集金额", "首期应筹金额", "首期应交金额", "首期应缴金额", "首期应交存金额", "首期交存金额", "应筹集金额", "首期金额", "首期", "initial", "initialdeposit"}},
}}

// VouchersSchema is a historical book: 日期, 账簿, 凭证号, 摘要, 科目, 借方, 贷方, and for fund
// deposits the unit (幢, 室), for repairs the project (工程).
var VouchersSchema = Schema{Kind: "vouchers", Fields: []Field{
	{Name: "date", Label: "日期", LabelEn: "date", Required: true, Synonyms: []string{"日期", "凭证日期", "记账日期", "业务日期", "date"}},
	{Name: "book", Label: "账簿", LabelEn: "book", Synonyms: []string{"账簿", "帐簿", "账本", "帐本", "账套", "book"}},
	{Name: "voucher", Label: "凭证号", LabelEn: "voucher no.", Synonyms: []string{"凭证号", "凭证编号", "凭证字号", "凭证号码", "凭证", "voucher", "voucherno"}},
	{Name: "summary", Label: "摘要", LabelEn: "summary", Required: true, Synonyms: []string{"摘要", "说明", "事由", "summary", "description"}},
	{Name: "account", Label: "科目", LabelEn: "account", Required: true, Synonyms: []string{"科目代码", "科目编码", "科目编号", "科目", "会计科目", "科目名称", "account", "accountcode"}},
	{Name: "debit", Label: "借方", LabelEn: "debit", Synonyms: []string{"借方", "借方金额", "借", "debit"}},
	{Name: "credit", Label: "贷方", LabelEn: "credit", Synonyms: []string{"贷方", "贷方金额", "贷", "credit"}},
	fBuilding, fRoom,
	{Name: "project", Label: "工程", LabelEn: "project", Synonyms: []string{"工程", "维修工程", "工程名称", "项目", "project"}},
	{Name: "resolution", Label: "决议", LabelEn: "resolution", Synonyms: []string{"决议", "决议编号", "依据决议", "resolution"}},
}, AnyOf: [][]string{{"debit", "credit"}}}

// BankSchema is a bank statement as Shanghai's banks export it: 交易日期, 金额 (or 收入 and
// 支出, or 借方发生额 and 贷方发生额 from the bank's side), 对方户名, 交易流水号, 摘要, 余额.
var BankSchema = Schema{Kind: "bank", Fields: []Field{
	{Name: "date", Label: "交易日期", LabelEn: "date", Required: true, Synonyms: []string{"交易日期", "记账日期", "入账日期", "交易时间", "日期", "date", "transactiondate"}},
	{Name: "amount", Label: "金额", LabelEn: "amount", Synonyms: []string{"交易金额", "金额", "发生额", "amount"}},
	{Name: "income", Label: "收入", LabelEn: "in", Synonyms: []string{"收入金额", "收入", "存入金额", "存入", "贷方发生额", "贷方金额", "贷方", "credit", "in", "deposit"}},
	{Name: "expense", Label: "支出", LabelEn: "out", Synonyms: []string{"支出金额", "支出", "支取金额", "支取", "借方发生额", "借方金额", "借方", "debit", "out", "withdrawal"}},
	{Name: "direction", Label: "借贷标志", LabelEn: "direction", Synonyms: []string{"借贷标志", "借贷方向", "收支标志", "收支方向", "收付标志", "方向", "direction"}},
	{Name: "counterparty", Label: "对方户名", LabelEn: "counterparty", Synonyms: []string{"对方户名", "对方账户名称", "对方账户名", "对方名称", "对方单位", "对方户名称", "收付款人", "counterparty"}},
	{Name: "reference", Label: "交易流水号", LabelEn: "reference", Synonyms: []string{"交易流水号", "流水号", "交易序号", "交易参考号", "柜员流水号", "reference", "transactionid"}},
	{Name: "summary", Label: "摘要", LabelEn: "summary", Synonyms: []string{"摘要", "交易摘要", "用途", "附言", "备注", "summary", "memo"}},
	{Name: "balance", Label: "余额", LabelEn: "balance", Synonyms: []string{"余额", "账户余额", "交易后余额", "当前余额", "balance"}},
}, AnyOf: [][]string{{"amount", "income", "expense"}}}

// OpeningUnitsSchema is the fund's per-unit balances brought forward: 幢, 室, 余额.
var OpeningUnitsSchema = Schema{Kind: "opening", Fields: []Field{
	req(fBuilding), req(fRoom),
	{Name: "balance", Label: "分户余额", LabelEn: "balance", Required: true, Synonyms: []string{"分户余额", "余额", "期初余额", "账户余额", "本息余额", "结余", "balance", "amount", "金额"}},
}}

var headerNoise = strings.NewReplacer(" ", "", "\t", "", "*", "", "：", "", ":", "", "\n", "", "\r", "", "_", "", "-", "", ".", "")

// foldHeader compares headers without spaces, case, full-width forms, a required-field star or
// a trailing unit in brackets: "借方金额（元）" is "借方金额", "* 建筑面积(㎡)" is "建筑面积".
func foldHeader(s string) string {
	s = strings.ToLower(foldWidth(s))
	s = headerNoise.Replace(s)
	// a trailing unit in brackets: "金额(元)", "面积（㎡）"
	for strings.HasSuffix(s, ")") || strings.HasSuffix(s, "）") || strings.HasSuffix(s, "]") || strings.HasSuffix(s, "】") {
		i := strings.LastIndexAny(s, "(（[【")
		if i <= 0 {
			break
		}
		s = s[:i]
	}
	return s
}

// ParseMap reads --map 'field=header,…'. A field is named by its canonical name or any of
// its headers ("date=记账日期", "日期=记账日期").
func ParseMap(s string, schema Schema) (map[string]string, error) {
	out := map[string]string{}
	s = strings.TrimSpace(s)
	if s == "" {
		return out, nil
	}
	for _, item := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ';' || r == '；' }) {
		k, v, ok := strings.Cut(item, "=")
		if !ok {
			k, v, ok = strings.Cut(item, "＝")
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return nil, ledger.Refuse("import.map_bad", "item", strings.TrimSpace(item))
		}
		name := ""
		fk := foldHeader(k)
		for _, f := range schema.Fields {
			if fk == f.Name || fk == foldHeader(f.Label) {
				name = f.Name
				break
			}
			for _, syn := range f.Synonyms {
				if fk == foldHeader(syn) {
					name = f.Name
				}
			}
			if name != "" {
				break
			}
		}
		if name == "" {
			names := make([]string, len(schema.Fields))
			for i, f := range schema.Fields {
				names[i] = f.Name
			}
			return nil, ledger.Refuse("import.map_unknown_field", "field", k, "fields", strings.Join(names, ", "))
		}
		out[name] = v
	}
	return out, nil
}

// assign finds the schema's columns in a header row: mapped fields by their given header, the
// others by their synonyms, most specific first; a column serves one field.
func assign(cells []string, schema Schema, mapping map[string]string) map[string]int {
	folded := make([]string, len(cells))
	for i, c := range cells {
		folded[i] = foldHeader(c)
	}
	used := map[int]bool{}
	cols := map[string]int{}
	for name, header := range mapping {
		fh := foldHeader(header)
		for i, c := range folded {
			if c != "" && c == fh && !used[i] {
				cols[name], used[i] = i, true
				break
			}
		}
	}
	for _, f := range schema.Fields {
		if _, mapped := mapping[f.Name]; mapped {
			continue
		}
	syn:
		for _, s := range f.Synonyms {
			fs := foldHeader(s)
			for i, c := range folded {
				if c == fs && !used[i] {
					cols[f.Name], used[i] = i, true
					break syn
				}
			}
		}
	}
	return cols
}

// complete reports what a header row lacks: required fields, mapped ones, and one of each
// AnyOf group.
func complete(cols map[string]int, schema Schema, mapping map[string]string) (missing []Field) {
	for _, f := range schema.Fields {
		_, have := cols[f.Name]
		h, mapped := mapping[f.Name]
		if !have && (f.Required || (mapped && h != "")) {
			missing = append(missing, f)
		}
	}
	for _, group := range schema.AnyOf {
		any := false
		for _, n := range group {
			_, have := cols[n]
			any = any || have
		}
		if !any {
			f, _ := schema.field(group[0])
			for _, n := range group[1:] {
				g, _ := schema.field(n)
				f.Label += "/" + g.Label
				f.LabelEn += "/" + g.LabelEn
			}
			missing = append(missing, f)
		}
	}
	return missing
}

// headerSearchRows is how far down a file its header row is looked for (bank statements
// start with lines about the account and the period).
const headerSearchRows = 50

func headerNotFound(best []string, missing []Field, mapping map[string]string) error {
	var zh, en []string
	for _, f := range missing {
		if h, ok := mapping[f.Name]; ok && h != "" {
			zh = append(zh, f.Label+"（"+h+"）")
			en = append(en, f.LabelEn+" ("+h+")")
			continue
		}
		zh = append(zh, f.Label)
		en = append(en, f.LabelEn)
	}
	var seen []string
	for _, c := range best {
		if c != "" {
			seen = append(seen, c)
		}
		if len(seen) == 12 {
			seen = append(seen, "…")
			break
		}
	}
	return ledger.Refuse("import.header_not_found", "missing", strings.Join(zh, "、"), "missingEn", strings.Join(en, ", "),
		"seen", strings.Join(seen, " | "))
}

func itoa(n int) string { return strconv.Itoa(n) }
