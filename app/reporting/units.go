package reporting

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"jiayuan/app/report"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// Per-unit reports of the maintenance fund's sub-accounts (分户账).

// unitStatementTable is one unit's lines: date, voucher, summary, then a column per kind of
// entry and the running balance.
func unitStatementTable(title string) *report.Table {
	return &report.Table{
		Title: title,
		Columns: []report.Column{
			{Title: "日期", Kind: report.KindDate},
			{Title: "凭证号", Width: 1},
			{Title: "摘要", Width: 2.6},
			{Title: "交存", Kind: report.KindMoney},
			{Title: "利息", Kind: report.KindMoney},
			{Title: "公共收益转入", Kind: report.KindMoney},
			{Title: "分摊支出", Kind: report.KindMoney},
			{Title: "余额", Kind: report.KindMoney, Width: 1.5},
		},
	}
}

// unitColumns places a sub-ledger line's amount in its column: deposits (and any other
// per-unit account), interest, transfers in, or apportioned repairs as a positive outflow.
func unitColumns(code string, amt ledger.Money) [4]ledger.Money {
	var c [4]ledger.Money
	switch code {
	case ledger.CodeFundInterest:
		c[1] = amt
	case ledger.CodeFundTransferIn:
		c[2] = amt
	case ledger.CodeFundRepair:
		c[3] = amt.Neg()
	default:
		c[0] = amt
	}
	return c
}

// unitStatement is one unit's statement being built.
type unitStatement struct {
	u    store.UnitPeriod
	t    *report.Table
	bal  ledger.Money
	sums [4]ledger.Money
}

func newUnitStatement(u store.UnitPeriod, from string) *unitStatement {
	st := &unitStatement{u: u, t: unitStatementTable(""), bal: u.Opening}
	st.t.Add(report.Date(from), report.Text(""), report.Text("期初余额"), report.Text(""), report.Text(""), report.Text(""),
		report.Text(""), report.Money(u.Opening))
	return st
}

func (st *unitStatement) add(l *store.UnitLine) {
	cols := unitColumns(l.AccountCode, l.Amount)
	st.bal = st.bal.Add(l.Amount)
	row := []report.Cell{report.Date(l.Date), report.Text(l.No), report.Text(l.Summary)}
	for i, m := range cols {
		st.sums[i] = st.sums[i].Add(m)
		row = append(row, moneyOrBlank(m))
	}
	st.t.Add(append(row, report.Money(st.bal))...)
}

// finish adds the totals and checks them against the grouped figures of the same period.
func (st *unitStatement) finish() error {
	u := st.u
	if st.bal != u.Closing || st.sums[3] != u.Repairs || st.sums[1] != u.Interest || st.sums[2] != u.TransfersIn {
		return errNotAddingUp("分户账 "+unitName(u.BuildingCode, u.Room), st.bal, u.Closing)
	}
	st.t.Totals = []report.Cell{report.Text("本期合计"), report.Text(""), report.Text(""), report.Money(st.sums[0]),
		report.Money(st.sums[1]), report.Money(st.sums[2]), report.Money(st.sums[3]), report.Money(st.bal)}
	return nil
}

func unitStatementTitle(u store.UnitPeriod) string {
	return "专项维修资金分户账　" + unitName(u.BuildingCode, u.Room)
}

// doc is the statement as a document of its own.
func (st *unitStatement) doc(c store.Community, p Params) report.Doc {
	u := st.u
	name := unitName(u.BuildingCode, u.Room)
	d := newDoc(c, unitStatementTitle(u), ledger.BookFund, p)
	owner := u.Owner
	if owner == "" {
		owner = "（未登记）"
	}
	d.Add(report.Fields{
		{Label: "房屋", Value: name},
		{Label: "业主", Value: owner},
		{Label: "建筑面积", Value: areaText(u.AreaCM2)},
		{Label: "房屋类型", Value: housingType(u.HousingType)},
		{Label: "首期应筹集金额", Value: u.Initial.Grouped()},
		{Label: "期初余额", Value: u.Opening.Grouped()},
		{Label: "期末余额", Value: u.Closing.Grouped()},
		{Label: "期末余额占首期比例", Value: ratioText(u.Closing, u.Initial)},
	}, st.t)
	return d
}

// unitPeriods is the selected units' figures, in building and room order, refused when
// there are none.
func unitPeriods(s *store.Store, p Params) ([]store.UnitPeriod, error) {
	units, err := s.UnitPeriodTotals(p.From, p.To, store.UnitSelect{UnitID: p.UnitID, BuildingID: p.BuildingID})
	if err != nil {
		return nil, err
	}
	if len(units) == 0 {
		if p.UnitID != 0 {
			return nil, ledger.Refuse("record.not_found", "what", "unit", "id", p.UnitID)
		}
		return nil, ledger.Refuse("report.no_units")
	}
	return units, nil
}

// eachUnitStatement builds the statements of units (from unitPeriods) one at a time from one
// streamed query of their lines, and hands each to fn once its last line is read: the
// statements of 20,000 units are never all in memory.
func eachUnitStatement(s *store.Store, p Params, units []store.UnitPeriod, fn func(*unitStatement) error) error {
	i := 0 // units[i] is the unit whose lines are being read
	var cur *unitStatement
	emit := func() error {
		st := cur
		if st == nil { // a unit without lines in the period
			st = newUnitStatement(units[i], p.From)
		}
		cur = nil
		i++
		if err := st.finish(); err != nil {
			return err
		}
		return fn(st)
	}
	n := 0
	err := s.EachUnitLine(p.From, p.To, store.UnitSelect{UnitID: p.UnitID, BuildingID: p.BuildingID}, func(l *store.UnitLine) error {
		for i < len(units) && units[i].UnitID != l.UnitID {
			if err := emit(); err != nil {
				return err
			}
		}
		if i == len(units) {
			// Both queries list units in the same order (building and room are unique).
			return fmt.Errorf("reporting: a sub-ledger line of unit %d out of the units' order", l.UnitID)
		}
		if cur == nil {
			cur = newUnitStatement(units[i], p.From)
		}
		cur.add(l)
		if n++; n%5000 == 0 {
			p.progress(n, 0)
		}
		return nil
	})
	for err == nil && i < len(units) {
		err = emit()
	}
	return err
}

// unitStatements builds the statements of the selected units, in building and room order.
func unitStatements(s *store.Store, p Params) ([]*unitStatement, error) {
	units, err := unitPeriods(s, p)
	if err != nil {
		return nil, err
	}
	out := make([]*unitStatement, 0, len(units))
	err = eachUnitStatement(s, p, units, func(st *unitStatement) error {
		out = append(out, st)
		return nil
	})
	return out, err
}

// BuildUnitStatement is one unit's statement (p.UnitID).
func BuildUnitStatement(s *store.Store, p Params) (report.Doc, error) {
	if err := p.Normalize(KindUnitStatements); err != nil {
		return report.Doc{}, err
	}
	if p.UnitID == 0 {
		return report.Doc{}, ledger.Refuse("report.unit_missing")
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	sts, err := unitStatements(s, p)
	if err != nil {
		return report.Doc{}, err
	}
	return sts[0].doc(c, p), nil
}

// BuildUnitStatements is the statements of one building's units (p.BuildingID) or of all
// units, each on its own pages with a contents page: what the committee prints for the owners.
func BuildUnitStatements(s *store.Store, p Params) (report.Package, error) {
	if err := p.Normalize(KindUnitStatements); err != nil {
		return report.Package{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Package{}, err
	}
	units, err := unitPeriods(s, p)
	if err != nil {
		return report.Package{}, err
	}
	scope := "全部房屋"
	if p.BuildingID != 0 {
		scope = units[0].BuildingCode
	}
	pk := report.Package{
		Title:      fmt.Sprintf("专项维修资金分户账（%s · %s）", scope, PeriodLabel(p.From, p.To)),
		Community:  c.Name,
		Generated:  p.Generated,
		Chain:      p.Chain,
		Signatures: signatures,
	}
	if shape, y, _ := periodShape(p.From, p.To); shape == "year" {
		pk.Year = y
	}
	// The statements are built as the renderer asks for them, one at a time.
	book := newDoc(c, "", ledger.BookFund, p).Book
	pk.Sections = make([]report.Section, len(units))
	for i, u := range units {
		pk.Sections[i] = report.Section{Title: unitStatementTitle(u), Book: book}
	}
	pk.Each = func(yield func(report.Doc, error) bool) {
		errStop := errors.New("stop")
		err := eachUnitStatement(s, p, units, func(st *unitStatement) error {
			d := st.doc(c, p)
			d.Signatures = nil // the cover carries them
			if !yield(d, nil) {
				return errStop
			}
			return nil
		})
		if err != nil && err != errStop {
			yield(report.Doc{}, err)
		}
	}
	return pk, nil
}

// BuildUnitStatementsSheets is the statements as a workbook: the per-unit summary and every
// line of every selected unit in one table, which a spreadsheet can filter and add up.
func BuildUnitStatementsSheets(s *store.Store, p Params) (report.Doc, error) {
	if err := p.Normalize(KindUnitStatements); err != nil {
		return report.Doc{}, err
	}
	c, err := s.Community()
	if err != nil {
		return report.Doc{}, err
	}
	units, err := unitPeriods(s, p)
	if err != nil {
		return report.Doc{}, err
	}
	// The lines of every unit in one table, made as the renderer asks for them, one
	// statement at a time: 20,000 units' lines are never held at once.
	lines := &report.Table{Title: "分户明细", Columns: append([]report.Column{{Title: "房屋"}}, unitStatementTable("").Columns...)}
	lines.Each = func(yield func([]report.Cell, error) bool) {
		errStop := errors.New("stop")
		err := eachUnitStatement(s, p, units, func(st *unitStatement) error {
			name := report.Text(unitName(st.u.BuildingCode, st.u.Room))
			for _, r := range st.t.Rows {
				if !yield(append([]report.Cell{name}, r...), nil) {
					return errStop
				}
			}
			return nil
		})
		if err != nil && err != errStop {
			yield(nil, err)
		}
	}
	d := newDoc(c, "专项维修资金分户账", ledger.BookFund, p)
	d.Add(unitSummaryTable(units), lines)
	return d, nil
}

// unitSummaryTable is one line per unit: opening, in, out, closing and the ratio to its
// initial amount (the audit package's 分户汇总表).
func unitSummaryTable(units []store.UnitPeriod) *report.Table {
	t := &report.Table{Title: "分户汇总表", Columns: []report.Column{
		{Title: "房屋", Width: 1}, {Title: "业主", Width: 0.9}, {Title: "建筑面积（m²）", Kind: report.KindNumber, Width: 0.9},
		{Title: "首期应筹集金额", Kind: report.KindMoney}, {Title: "期初余额", Kind: report.KindMoney},
		{Title: "本期增加", Kind: report.KindMoney}, {Title: "本期减少", Kind: report.KindMoney},
		{Title: "期末余额", Kind: report.KindMoney}, {Title: "余额比例", Kind: report.KindPercent, Width: 0.8},
	}}
	var area int64
	var initial, closing ledger.Money
	for _, u := range units {
		area += u.AreaCM2
		initial, closing = initial.Add(u.Initial), closing.Add(u.Closing)
		t.Add(report.Text(unitName(u.BuildingCode, u.Room)), report.Text(u.Owner), report.Number(decimal.New(u.AreaCM2, -2), 2),
			report.Money(u.Initial), report.Money(u.Opening), report.Money(u.In()), report.Money(u.Repairs), report.Money(u.Closing),
			ratioCell(u.Closing, u.Initial))
	}
	t.SumMoney("合计")
	t.Totals[2] = report.Number(decimal.New(area, -2), 2)
	t.Totals[8] = ratioCell(closing, initial)
	return t
}
