package reporting

import (
	"strconv"

	"github.com/shopspring/decimal"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// BuildingFigures is one building's share of the maintenance fund in a period: the sum of its
// units' sub-accounts (分户账), as the statute keeps the fund per building.
type BuildingFigures struct {
	ID          int64
	Code, Name  string
	Units       int
	AreaCM2     int64
	Initial     ledger.Money
	Opening     ledger.Money
	Deposits    ledger.Money
	Interest    ledger.Money
	TransfersIn ledger.Money
	Repairs     ledger.Money // charged, as a positive amount
	Other       ledger.Money // other per-unit entries (signed)
	Closing     ledger.Money
}

// FundByBuilding is the fund per building with the community's total and what reconciles it
// with the fund book: postings not split over the units (bank charges, other income).
type FundByBuilding struct {
	Buildings   []BuildingFigures
	Total       BuildingFigures
	Unallocated ledger.Money // fund book balance − Σ units, at the end of the period
	Book        ledger.Money // the fund book's bank balance at the end of the period
}

// FundBuildings sums the units' sub-accounts per building for from..to.
func FundBuildings(s *store.Store, from, to string) (FundByBuilding, error) {
	units, err := s.UnitPeriodTotals(from, to, store.UnitSelect{})
	if err != nil {
		return FundByBuilding{}, err
	}
	bs, err := s.Buildings()
	if err != nil {
		return FundByBuilding{}, err
	}
	byID := map[int64]*BuildingFigures{}
	var out FundByBuilding
	out.Buildings = make([]BuildingFigures, 0, len(bs))
	for _, b := range bs {
		out.Buildings = append(out.Buildings, BuildingFigures{ID: b.ID, Code: b.Code, Name: b.Name})
	}
	for i := range out.Buildings {
		byID[out.Buildings[i].ID] = &out.Buildings[i]
	}
	add := func(f *BuildingFigures, u store.UnitPeriod) {
		f.Units++
		f.AreaCM2 += u.AreaCM2
		f.Initial, f.Opening, f.Deposits = f.Initial.Add(u.Initial), f.Opening.Add(u.Opening), f.Deposits.Add(u.Deposits)
		f.Interest, f.TransfersIn, f.Repairs = f.Interest.Add(u.Interest), f.TransfersIn.Add(u.TransfersIn), f.Repairs.Add(u.Repairs)
		f.Other, f.Closing = f.Other.Add(u.Other), f.Closing.Add(u.Closing)
	}
	for _, u := range units {
		if f := byID[u.BuildingID]; f != nil {
			add(f, u)
		}
		add(&out.Total, u)
	}
	out.Total.Units = len(units)
	bal, err := s.BookBalancesAt(ledger.BookFund, []string{to})
	if err != nil {
		return FundByBuilding{}, err
	}
	out.Book = bal[0]
	out.Unallocated = out.Book.Sub(out.Total.Closing)
	return out, nil
}

// BuildBuildings is the 门牌幢收支汇总表: per building its units, area, initial amount,
// opening balance, deposits, interest, transfers in, repairs charged, closing balance and
// ratio, with the community's total, reconciled with the fund book.
func BuildBuildings(s *store.Store, p Params) (report.Doc, error) {
	d, fb, err := buildingsDoc(s, KindBuildings, p)
	if err != nil {
		return d, err
	}
	d.Landscape = true
	other := !fb.Total.Other.IsZero()
	cols := []report.Column{
		{Title: "楼幢", Kind: report.KindText, Width: 1.1},
		{Title: "户数", Kind: report.KindInt},
		{Title: "建筑面积（m²）", Kind: report.KindNumber, Width: 1.3},
		{Title: "首期应筹集", Kind: report.KindMoney},
		{Title: "期初余额", Kind: report.KindMoney},
		{Title: "本期交存", Kind: report.KindMoney},
		{Title: "利息", Kind: report.KindMoney, Width: 1.1},
		{Title: "公共收益转入", Kind: report.KindMoney},
		{Title: "维修支出", Kind: report.KindMoney},
	}
	if other {
		cols = append(cols, report.Column{Title: "其他", Kind: report.KindMoney, Width: 1.1})
	}
	cols = append(cols, report.Column{Title: "期末余额", Kind: report.KindMoney}, report.Column{Title: "余额比例", Kind: report.KindPercent, Width: 0.9})
	t := &report.Table{Title: "各幢维修资金收支", Columns: cols}
	row := func(name string, f BuildingFigures) []report.Cell {
		cells := []report.Cell{report.Text(name), report.Int(int64(f.Units)), report.Number(decimal.New(f.AreaCM2, -2), 2),
			report.Money(f.Initial), report.Money(f.Opening), report.Money(f.Deposits), report.Money(f.Interest),
			report.Money(f.TransfersIn), report.Money(f.Repairs)}
		if other {
			cells = append(cells, report.Money(f.Other))
		}
		return append(cells, report.Money(f.Closing), ratioCell(f.Closing, f.Initial))
	}
	for _, b := range fb.Buildings {
		t.Add(row(b.Code, b)...)
	}
	t.Totals = row("小区合计", fb.Total)
	d.Add(t, report.Fields{
		{Label: "各幢期末余额合计", Value: fb.Total.Closing.Grouped()},
		{Label: "未分摊到户的收支（银行手续费、其他收入等）", Value: fb.Unallocated.Grouped()},
		{Label: "维修资金账面余额（银行存款）", Value: fb.Book.Grouped()},
	}, report.Paragraph("各幢数字为该幢各户分户账之和；小区合计加未分摊到户的收支等于维修资金账面余额。余额比例为期末余额占首期应筹集金额的比例。"))
	return d, nil
}

// BuildBuildingNotice is a one-page notice per building for its door (门牌幢维修资金公示):
// every building, or only Params.BuildingID.
func BuildBuildingNotice(s *store.Store, p Params) (report.Doc, error) {
	d, fb, err := buildingsDoc(s, KindBuildingNotice, p)
	if err != nil {
		return d, err
	}
	d.Signatures = nil
	first := true
	for _, b := range fb.Buildings {
		if p.BuildingID != 0 && b.ID != p.BuildingID {
			continue
		}
		if !first {
			d.Add(report.PageBreak{})
		}
		first = false
		t := noticeTable()
		t.Add(report.Text("一、期初余额"), report.Money(b.Opening))
		t.Add(report.Text("二、本期增加"), report.Money(ledger.Sum(b.Deposits, b.Interest, b.TransfersIn, b.Other)))
		sub(t, "业主交存", b.Deposits)
		sub(t, "利息收入", b.Interest)
		sub(t, "公共收益转入", b.TransfersIn)
		if !b.Other.IsZero() {
			sub(t, "其他", b.Other)
		}
		t.Add(report.Text("三、本期减少（维修工程分摊）"), report.Money(b.Repairs))
		t.Add(report.Text("四、期末余额"), report.Money(b.Closing))
		d.Add(report.Heading(b.Code+"　维修资金收支情况公示（"+PeriodLabel(p.From, p.To)+"）"),
			report.Fields{
				{Label: "户数", Value: strconv.Itoa(b.Units)},
				{Label: "建筑面积", Value: areaText(b.AreaCM2)},
				{Label: "首期应筹集金额", Value: b.Initial.Grouped() + " 元"},
				{Label: "期末余额占首期应筹集", Value: ratioText(b.Closing, b.Initial)},
			}, t,
			report.Paragraph("本幢各户的分户账余额可向业主委员会查询。业主对公示内容有异议的，请在公示之日起 15 日内向业主委员会书面提出。"),
			report.SignLines{"业主委员会（盖章）", "公示日期"})
	}
	if first {
		return report.Doc{}, ledger.Refuse("report.building_not_found", "building", strconv.FormatInt(p.BuildingID, 10))
	}
	return d, nil
}

// buildingsDoc starts a per-building report of the fund with its figures.
func buildingsDoc(s *store.Store, k Kind, p Params) (report.Doc, FundByBuilding, error) {
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, FundByBuilding{}, err
	}
	fb, err := FundBuildings(s, p.From, p.To)
	return newDoc(c, k.Title(), ledger.BookFund, p), fb, err
}
