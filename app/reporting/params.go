// Package reporting builds the ledger's reports — journals, summaries, per-unit statements,
// project and replenishment reports, notices for the notice board, the working-expense budget
// and the audit package — from the store's queries, as documents for app/report to render.
//
// Every Build function takes the store and Params and returns a report.Doc (or a
// report.Package). Nothing here reads the clock: the generation time and the chain head are
// in Params, so the same ledger and the same Params give byte-identical files. The reports are
// in Chinese, the language of the documents a Shanghai committee posts and hands to auditors.
package reporting

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// Kind names a report, as the CLI's --kind and the Reports screen know it.
type Kind string

const (
	KindJournal        Kind = "journal"         // 收支明细账
	KindSummary        Kind = "summary"         // 收支汇总表 / 余额表
	KindUnitStatements Kind = "unit-statements" // 分户账
	KindProjects       Kind = "projects"        // 维修资金支出明细
	KindReplenishment  Kind = "replenishment"   // 续筹情况
	KindNoticePublic   Kind = "notice-public"   // 公共收益收支公示表
	KindNoticeFund     Kind = "notice-fund"     // 维修资金收支公示
	KindWorking        Kind = "working"         // 工作经费预算执行
	KindAuditPackage   Kind = "audit-package"   // 审计资料
	KindVouchers       Kind = "vouchers"        // 记账凭证, two to a page
	KindReceipts       Kind = "receipts"        // 收款收据 for owners' deposits
	KindBuildings      Kind = "buildings"       // 门牌幢收支汇总表
	KindBuildingNotice Kind = "building-notice" // one page per building, for its door
	KindHandover       Kind = "handover"        // 换届移交清单
	KindContracts      Kind = "contracts"       // 公共收益合同登记及收益情况表
	KindFinalAccounts  Kind = "final-accounts"  // 年度决算
	KindAnnual         Kind = "annual"          // 年度报告 to the owners' assembly
)

// Kinds lists the reports in the order they are offered.
var Kinds = []Kind{KindJournal, KindSummary, KindUnitStatements, KindProjects, KindReplenishment,
	KindNoticePublic, KindNoticeFund, KindWorking, KindAuditPackage,
	KindVouchers, KindReceipts, KindBuildings, KindBuildingNotice, KindHandover,
	KindContracts, KindFinalAccounts, KindAnnual}

// Valid reports whether k is a known report.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Title is the report's name as printed and used in file names.
func (k Kind) Title() string {
	return map[Kind]string{
		KindJournal:        "收支明细账",
		KindSummary:        "收支汇总表",
		KindUnitStatements: "分户账",
		KindProjects:       "维修资金支出明细",
		KindReplenishment:  "续筹情况",
		KindNoticePublic:   "公共收益收支公示表",
		KindNoticeFund:     "维修资金收支公示",
		KindWorking:        "工作经费预算执行表",
		KindAuditPackage:   "审计资料",
		KindVouchers:       "记账凭证",
		KindReceipts:       "收款收据",
		KindBuildings:      "门牌幢收支汇总表",
		KindBuildingNotice: "门牌幢维修资金公示",
		KindHandover:       "换届移交清单",
		KindContracts:      "公共收益合同情况表",
		KindFinalAccounts:  "年度决算表",
		KindAnnual:         "年度报告",
	}[k]
}

// NeedsBook reports whether the report is of one book the caller must choose.
func (k Kind) NeedsBook() bool { return k == KindJournal || k == KindVouchers }

// OneVoucher reports whether the report may cover one voucher instead of a period (the print
// buttons on a voucher and on a unit's payment).
func (k Kind) OneVoucher() bool { return k == KindVouchers || k == KindReceipts }

// ByYear reports whether the report covers a calendar year (Params.Year) rather than a period.
func (k Kind) ByYear() bool {
	return k == KindWorking || k == KindAuditPackage || k == KindFinalAccounts || k == KindAnnual
}

// Params says what a report covers and how it is stamped.
type Params struct {
	From, To string      // the period, YYYY-MM-DD, both ends included
	Year     int         // for the yearly reports (working, audit-package); else from From/To
	Book     ledger.Book // journal (required), summary (empty: all three books)
	// UnitID or BuildingID narrow the per-unit statements to one unit or one building.
	UnitID, BuildingID int64
	// ProjectID narrows the projects report to one project; 0 is every project created or
	// charged in the period.
	ProjectID int64
	// Voucher is a voucher's number as people write it (维-2026-0012, 2026-0012, 2026-12) and
	// VoucherID a voucher's id: the vouchers report prints that one voucher, the receipts
	// report that voucher's receipts (with UnitID, only that unit's), instead of a period.
	Voucher   string
	VoucherID int64
	// Published is the publication date printed on a notice; empty takes the date recorded
	// for the period's disclosure, or leaves a line to fill in by hand.
	Published string
	// Generated is the generation time as printed ("2026-01-05 09:30"), Chain the hash-chain
	// head: both on every page. Stamp reads them from the ledger and a clock.
	Generated string
	Chain     report.ChainHead
	// Progress, if set, hears how far a long report is (done of total steps). It does not
	// change the output.
	Progress func(done, total int)
}

func (p *Params) progress(done, total int) {
	if p.Progress != nil {
		p.Progress(done, total)
	}
}

// shanghai is fixed rather than loaded from tzdata, which Windows machines may lack.
var shanghai = time.FixedZone("CST", 8*3600)

// Stamp fills in the generation time (now, in Shanghai time, to the minute) and the ledger's
// current chain head.
func Stamp(s *store.Store, p *Params, now time.Time) error {
	h, err := s.ChainHead()
	if err != nil {
		return err
	}
	p.Generated = now.In(shanghai).Format("2006-01-02 15:04")
	p.Chain = ChainOf(h)
	return nil
}

// ChainOf is the chain head as printed on reports: its sequence number and short hash.
func ChainOf(h store.ChainHead) report.ChainHead {
	return report.ChainHead{Seq: h.Seq, Hash: ledger.ShortHash(h.Hash)}
}

// Normalize checks the parameters for a kind of report and completes them: a yearly report's
// period is its calendar year (Year, or the year of To), any other needs From and To.
func (p *Params) Normalize(k Kind) error {
	if !k.Valid() {
		return ledger.Refuse("report.unknown_kind", "kind", string(k))
	}
	p.From, p.To = strings.TrimSpace(p.From), strings.TrimSpace(p.To)
	if k.ByYear() {
		if p.Year == 0 {
			d := p.To
			if d == "" {
				d = p.From
			}
			if d == "" {
				return ledger.Refuse("report.year_missing")
			}
			t, err := ledger.ParseDate(d)
			if err != nil {
				return err
			}
			p.Year = t.Year()
		}
		if p.Year < 1990 || p.Year > 2100 {
			return ledger.Refuse("report.bad_year", "year", strconv.Itoa(p.Year))
		}
		yp := ledger.YearPeriod(p.Year)
		p.From, p.To = yp.From, yp.To
	} else if k.OneVoucher() && (p.VoucherID != 0 || strings.TrimSpace(p.Voucher) != "") && p.From == "" && p.To == "" {
		if k.NeedsBook() && p.Book == "" && p.VoucherID == 0 { // a voucher's id names its book
			return ledger.Refuse("report.book_missing")
		}
		return nil // one voucher: no period
	} else if k == KindHandover && p.To == "" && p.From != "" {
		p.To = p.From // the hand-over date
	} else if p.From == "" && p.To == "" && p.Year != 0 {
		yp := ledger.YearPeriod(p.Year)
		p.From, p.To = yp.From, yp.To
	}
	if k == KindHandover {
		if p.To == "" {
			return ledger.Refuse("report.handover_date_missing")
		}
		p.From = p.To
	}
	if p.From == "" || p.To == "" {
		return ledger.Refuse("report.period_missing")
	}
	for _, d := range []string{p.From, p.To} {
		if _, err := ledger.ParseDate(d); err != nil {
			return err
		}
	}
	if p.To < p.From {
		return ledger.Refuse("period.reversed")
	}
	if k.NeedsBook() && p.Book == "" {
		return ledger.Refuse("report.book_missing")
	}
	if p.Book != "" && !p.Book.Valid() {
		return ledger.Refuse("voucher.unknown_book", "book", string(p.Book))
	}
	if p.UnitID != 0 && p.BuildingID != 0 {
		return ledger.Refuse("report.unit_or_building")
	}
	if p.Published != "" {
		if _, err := ledger.ParseDate(p.Published); err != nil {
			return err
		}
	}
	return nil
}

// BookName is a book's full name as reports print it.
func BookName(b ledger.Book) string {
	return map[ledger.Book]string{ledger.BookFund: "专项维修资金", ledger.BookPublic: "公共收益", ledger.BookWorking: "业委会工作经费"}[b]
}

// BookShort is a book's short name, for titles and file names.
func BookShort(b ledger.Book) string {
	return map[ledger.Book]string{ledger.BookFund: "维修资金", ledger.BookPublic: "公共收益", ledger.BookWorking: "工作经费"}[b]
}

var cnNum = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// cnOrdinal is "一", "二", … "十", "十一", … for numbered headings.
func cnOrdinal(n int) string {
	switch {
	case n <= 10:
		return cnNum[n]
	case n < 20:
		return "十" + cnNum[n-10]
	case n < 100 && n%10 == 0:
		return cnNum[n/10] + "十"
	case n < 100:
		return cnNum[n/10] + "十" + cnNum[n%10]
	}
	return strconv.Itoa(n)
}

// periodShape tells what kind of calendar period from..to is: "year", "half", "quarter",
// "month" or "" for any other, with its year and number (half 1–2, quarter 1–4, month 1–12).
func periodShape(from, to string) (shape string, year, n int) {
	f, err1 := ledger.ParseDate(from)
	t, err2 := ledger.ParseDate(to)
	if err1 != nil || err2 != nil || f.Day() != 1 || f.Year() != t.Year() || t.AddDate(0, 0, 1).Day() != 1 {
		return "", 0, 0
	}
	m0, m1 := int(f.Month()), int(t.Month())
	span := m1 - m0 + 1
	switch {
	case span == 12:
		return "year", f.Year(), 0
	case span == 6 && (m0 == 1 || m0 == 7):
		return "half", f.Year(), (m0-1)/6 + 1
	case span == 3 && (m0-1)%3 == 0:
		return "quarter", f.Year(), (m0-1)/3 + 1
	case span == 1:
		return "month", f.Year(), m0
	}
	return "", 0, 0
}

// PeriodLabel is the period as reports print it: "2025年度", "2025年上半年", "2025年第三季度",
// "2025年3月", or "2025-01-01 至 2025-03-15".
func PeriodLabel(from, to string) string {
	shape, y, n := periodShape(from, to)
	switch shape {
	case "year":
		return fmt.Sprintf("%d年度", y)
	case "half":
		return fmt.Sprintf("%d年%s半年", y, map[int]string{1: "上", 2: "下"}[n])
	case "quarter":
		return fmt.Sprintf("%d年第%s季度", y, cnNum[n])
	case "month":
		return fmt.Sprintf("%d年%d月", y, n)
	}
	return from + " 至 " + to
}

// periodFileLabel is the period in a file name: "2025" for a year, else like PeriodLabel
// without spaces.
func periodFileLabel(from, to string) string {
	if shape, y, _ := periodShape(from, to); shape == "year" {
		return strconv.Itoa(y)
	}
	return strings.ReplaceAll(PeriodLabel(from, to), " ", "")
}

// FileName is the default name of an exported report: community, book, report and period,
// e.g. "锦绣家园-维修资金-收支明细账-2025.pdf". Characters Windows does not allow in a file
// name are replaced.
func FileName(community string, k Kind, p Params, format string) string {
	return fileName(community, "", k, p, format)
}

// fileName is FileName with a scope (a unit or building) after the report's name.
func fileName(community, scope string, k Kind, p Params, format string) string {
	parts := []string{community}
	switch {
	case k == KindJournal || k == KindVouchers || (k == KindSummary && p.Book != ""):
		parts = append(parts, BookShort(p.Book))
	}
	parts = append(parts, k.Title(), scope)
	if k.ByYear() && p.Year != 0 {
		parts = append(parts, strconv.Itoa(p.Year))
	} else if p.From != "" && p.To != "" {
		parts = append(parts, periodFileLabel(p.From, p.To))
	}
	return SafeFileName(strings.Join(nonEmpty(parts), "-")) + "." + format
}

// SafeFileName replaces what Windows does not allow in a file name (and control characters)
// with "_": community names are typed by people.
func SafeFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`\/:*?"<>|`, r) {
			return '_'
		}
		return r
	}, name)
}

// DefaultFileName is FileName with the ledger's community, and for the statements of one
// unit or one building its name ("锦绣家园-分户账-3号-1201-2025.pdf").
func DefaultFileName(s *store.Store, k Kind, p Params, format string) (string, error) {
	c, err := s.Community()
	if err != nil {
		return "", err
	}
	if k.OneVoucher() && (p.VoucherID != 0 || p.Voucher != "") {
		no := p.Voucher
		if p.VoucherID != 0 {
			v, err := s.Voucher(p.VoucherID)
			if err != nil {
				return "", err
			}
			no, p.Book = v.No, v.Book
		}
		return fileName(c.Name, no, k, p, format), nil
	}
	if k != KindUnitStatements {
		return FileName(c.Name, k, p, format), nil
	}
	scope := ""
	if p.UnitID != 0 {
		u, err := s.UnitByID(p.UnitID)
		if err != nil {
			return "", err
		}
		scope = unitName(u.BuildingCode, u.Room)
	} else {
		bs, err := s.Buildings()
		if err != nil {
			return "", err
		}
		for _, b := range bs {
			if b.ID == p.BuildingID {
				scope = b.Code
			}
		}
	}
	return fileName(c.Name, scope, k, p, format), nil
}

func nonEmpty(ss []string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// dayBefore is the day before date (YYYY-MM-DD).
func dayBefore(date string) string {
	t, err := ledger.ParseDate(date)
	if err != nil {
		return date
	}
	return ledger.FormatDate(t.AddDate(0, 0, -1))
}

// housingType is a unit's housing type in Chinese.
func housingType(t string) string {
	if s, ok := map[string]string{"commodity": "商品住房", "public_sold": "售后公房", "non_residential": "非住宅", "garage": "车库"}[t]; ok {
		return s
	}
	return t
}

// emergencyTrigger is a statutory ground for emergency use in Chinese.
func emergencyTrigger(t string) string {
	if s, ok := map[string]string{
		"water_supply": "水泵、水箱（池）故障，影响正常使用",
		"lift_stopped": "电梯故障，检验机构建议停用或监管部门责令停用",
		"fire_safety":  "消防设施损坏，消防部门出具整改通知",
		"facade_risk":  "外墙及附属物有脱落危险，经鉴定",
		"roof_leak":    "屋面、外墙渗漏严重影响使用，经鉴定",
	}[t]; ok {
		return s
	}
	return t
}

// unitName is "3号-1201".
func unitName(building, room string) string { return building + "-" + room }

// areaText is an area in 0.01 m² as "89.50 m²".
func areaText(cm2 int64) string { return ledger.FormatArea(cm2) + " m²" }

// ratioCell is balance ÷ initial as a percentage, or "—" when there is no initial amount.
func ratioCell(bal, initial ledger.Money) report.Cell {
	r, ok := ledger.Ratio(bal, initial)
	if !ok {
		return report.Text("—")
	}
	return report.Percent(r)
}

// ratioText is ratioCell as text ("27.35%").
func ratioText(bal, initial ledger.Money) string { return ratioCell(bal, initial).String() }

// shareCell is part ÷ whole of two counts or areas, or "—" when whole is 0.
func shareCell(part, whole int64) report.Cell {
	if whole <= 0 {
		return report.Text("—")
	}
	r, _ := ledger.Ratio(ledger.Fen(part), ledger.Fen(whole))
	return report.Percent(r)
}

// moneyOrBlank is an amount cell, empty when zero (ledger columns leave the other side blank).
func moneyOrBlank(m ledger.Money) report.Cell {
	if m.IsZero() {
		return report.Text("")
	}
	return report.Money(m)
}

// accountLabel is "4001 停车费收入".
func accountLabel(code, name string) string { return code + " " + name }

// signatures of the committee's reports.
var signatures = report.DefaultSignatures

// newDoc starts a document with the common header fields.
func newDoc(c store.Community, title string, book ledger.Book, p Params) report.Doc {
	return report.Doc{
		Title:      title,
		Community:  c.Name,
		Book:       BookName(book),
		Period:     PeriodLabel(p.From, p.To),
		Generated:  p.Generated,
		Chain:      p.Chain,
		Signatures: signatures,
	}
}
