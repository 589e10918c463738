// Package report renders the ledger's reports: data in, bytes out. Callers (the app services
// and the CLI) query the store, build a Doc, Table or Package and call RenderPDF,
// RenderPackagePDF, RenderXLSX or RenderCSV. Nothing here touches the ledger file, the clock or
// the network, so the same input always gives the same bytes; that is what lets an auditor
// regenerate a PDF and compare it byte for byte with the copy an owner was given.
package report

import (
	"fmt"
	"iter"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"jiayuan/store/ledger"
)

// UnitYuan is the currency-unit line printed in every page header unless a Doc says otherwise.
const UnitYuan = "单位：元"

// DefaultSignatures are the sign-off lines of a committee report.
var DefaultSignatures = []string{"编制人", "审核人", "业委会主任"}

// ChainHead is the head of the ledger's hash chain when the report was made (DESIGN.md R6).
// It is printed in the footer of every page so that a copy in an owner's hands anchors the
// history outside the ledger file.
type ChainHead struct {
	Seq  int64  // sequence number of the last chain record
	Hash string // its hash, usually shortened by the caller (ledger.ShortHash)
}

// String is the footer form, "链头 #1234 9f86d081".
func (c ChainHead) String() string {
	s := "链头 #" + strconv.FormatInt(c.Seq, 10)
	if c.Hash != "" {
		s += " " + c.Hash
	}
	return s
}

// Doc is one report: a header repeated on every page, then blocks in order.
type Doc struct {
	Title     string // report title, e.g. "专项维修资金收支明细表"
	Community string // community name, printed in the header
	Book      string // book name, e.g. "专项维修资金"; empty for cross-book reports
	Period    string // period text, e.g. "2025-01-01 至 2025-12-31"
	Unit      string // currency-unit text; empty means UnitYuan
	// Generated is the generation time as the caller wants it printed, e.g. "2026-01-05 09:30".
	// Given as "YYYY-MM-DD HH:MM[:SS]" (Shanghai time) or RFC 3339 it is also the PDF's
	// CreationDate; the renderer never reads the clock, so output stays reproducible.
	Generated string
	Chain     ChainHead // hash-chain head, printed on every page
	// Signatures are the labels of the sign-off lines printed after the last block
	// (e.g. DefaultSignatures); none when empty.
	Signatures []string
	// Landscape turns the PDF pages sideways for wide tables.
	Landscape bool
	Blocks    []Block
}

// Add appends blocks to the document and returns it, so a caller can build a Doc in one
// expression.
func (d *Doc) Add(blocks ...Block) *Doc {
	d.Blocks = append(d.Blocks, blocks...)
	return d
}

func (d *Doc) unit() string {
	if d.Unit == "" {
		return UnitYuan
	}
	return d.Unit
}

// Block is one element of a Doc's body: Heading, Paragraph, Fields, *Table or PageBreak.
type Block interface{ isBlock() }

// Heading is a section heading inside a Doc.
type Heading string

// Paragraph is running text; it wraps, and a "\n" starts a new line.
type Paragraph string

// Field is one label–value pair of a Fields block.
type Field struct {
	Label, Value string
}

// Fields is a key–value paragraph ("房号：3-101　业主：张三"). The PDF sets it in two columns
// when every pair fits in half the width, otherwise one pair per line.
type Fields []Field

// PageBreak starts a new page.
type PageBreak struct{}

func (Heading) isBlock()   {}
func (Paragraph) isBlock() {}
func (Fields) isBlock()    {}
func (PageBreak) isBlock() {}
func (*Table) isBlock()    {}

// Kind says what a column or a cell holds. It decides alignment, formatting and, in XLSX, the
// cell type and number format.
type Kind int

const (
	KindText    Kind = iota // free text, wraps in the PDF
	KindMoney               // ledger.Money: "1,234.50" in the PDF, a #,##0.00 number in XLSX
	KindDate                // "YYYY-MM-DD": a real date cell in XLSX
	KindInt                 // whole number (counts, sequence numbers), not grouped
	KindPercent             // a ratio (0.2999), shown as "29.99%" rounded down like ledger.RatioPercent
	KindNumber              // a decimal with fixed places, e.g. building area in m²
)

// Align is a column's horizontal alignment.
type Align int

const (
	AlignAuto   Align = iota // by kind: text left, dates centred, numbers right
	AlignLeft                //
	AlignCenter              //
	AlignRight               //
)

// Column describes one table column.
type Column struct {
	Title string
	Kind  Kind
	// Width is the column's share of the table width, relative to the other columns; 0 picks a
	// default for the kind.
	Width float64
	Align Align
}

func (c Column) align() Align {
	if c.Align != AlignAuto {
		return c.Align
	}
	switch c.Kind {
	case KindText:
		return AlignLeft
	case KindDate:
		return AlignCenter
	}
	return AlignRight
}

func (c Column) weight() float64 {
	if c.Width > 0 {
		return c.Width
	}
	switch c.Kind {
	case KindText:
		return 2
	case KindMoney:
		return 1.4
	case KindDate:
		return 1.1
	case KindInt:
		return 0.7
	}
	return 1
}

// Table is a titled grid of cells with an optional totals row. In XLSX each table becomes a
// sheet named after its Title.
type Table struct {
	Title   string
	Columns []Column
	Rows    [][]Cell
	Totals  []Cell // optional last row, printed bold; nil for none
	// Each, when set, gives the rows in place of Rows, one at a time, for a table too big to
	// hold (every line of 20,000 units' statements). RenderPDF and RenderXLSX call it twice —
	// the column widths are measured in a pass of their own — so it must give the same rows
	// each time, each row a slice of its own (the PDF holds a row while it asks for the next);
	// an error it gives fails the render. SumMoney and RenderCSV see only Rows.
	Each iter.Seq2[[]Cell, error]
}

// EachRow yields the table's rows: Rows, or what Each yields, each of these checked as Rows
// are by the renderers (no more cells than columns, dates as YYYY-MM-DD).
func (t *Table) EachRow() iter.Seq2[[]Cell, error] {
	if t.Each == nil {
		return func(yield func([]Cell, error) bool) {
			for _, r := range t.Rows {
				if !yield(r, nil) {
					return
				}
			}
		}
	}
	return func(yield func([]Cell, error) bool) {
		n := 0
		for r, err := range t.Each {
			n++
			if err == nil {
				err = t.checkRow(r, "row "+strconv.Itoa(n))
			}
			if !yield(r, err) || err != nil {
				return
			}
		}
	}
}

// Add appends a row. Missing trailing cells are empty; extra cells are an error at render time.
func (t *Table) Add(cells ...Cell) { t.Rows = append(t.Rows, cells) }

// SumMoney sets the totals row: label in the first column and, under each of the given money
// columns (all money columns when none is given), the sum of that column's money cells. A
// running-balance column should be left out, or its total replaced by the closing balance.
func (t *Table) SumMoney(label string, cols ...int) {
	if len(cols) == 0 {
		for i, c := range t.Columns {
			if c.Kind == KindMoney {
				cols = append(cols, i)
			}
		}
	}
	totals := make([]Cell, len(t.Columns))
	for _, i := range cols {
		if i < 0 || i >= len(totals) {
			continue
		}
		var sum ledger.Money
		for _, r := range t.Rows {
			if i < len(r) && r[i].kind == KindMoney {
				sum = sum.Add(r[i].money)
			}
		}
		totals[i] = Money(sum)
	}
	if len(totals) > 0 && totals[0].IsEmpty() {
		totals[0] = Text(label)
	}
	t.Totals = totals
}

// check reports the mistakes a caller can make building a table: rows wider than the
// columns, and dates not in YYYY-MM-DD (which the XLSX could not make a date of). Rows given
// by Each are checked as they come (EachRow).
func (t *Table) check() error {
	if len(t.Columns) == 0 {
		return fmt.Errorf("report: table %q has no columns", t.Title)
	}
	for i, r := range t.Rows {
		if err := t.checkRow(r, "row "+strconv.Itoa(i+1)); err != nil {
			return err
		}
	}
	return t.checkRow(t.Totals, "totals row")
}

func (t *Table) checkRow(cells []Cell, what string) error {
	if len(cells) > len(t.Columns) {
		return fmt.Errorf("report: table %q %s has %d cells for %d columns", t.Title, what, len(cells), len(t.Columns))
	}
	for _, c := range cells {
		if c.kind == KindDate {
			if _, err := time.Parse(ledger.DateLayout, c.text); err != nil {
				return fmt.Errorf("report: table %q %s: date %q is not YYYY-MM-DD", t.Title, what, c.text)
			}
		}
	}
	return nil
}

// Cell is one table value. Build it with Text, Money, Date, Int, Percent or Number; the zero
// Cell is empty. A cell's own kind decides how it is written, so a money column may hold a
// Text("—") where there is no amount.
type Cell struct {
	kind   Kind
	text   string // KindText, and KindDate as YYYY-MM-DD
	money  ledger.Money
	n      int64
	dec    decimal.Decimal // KindPercent (ratio), KindNumber
	places int32           // KindNumber
}

// Text is a text cell.
func Text(s string) Cell { return Cell{kind: KindText, text: s} }

// Money is an amount cell.
func Money(m ledger.Money) Cell { return Cell{kind: KindMoney, money: m} }

// Date is a date cell; the ledger's dates are YYYY-MM-DD strings (ledger.DateLayout). An empty
// string is an empty cell.
func Date(yyyymmdd string) Cell {
	if yyyymmdd == "" {
		return Cell{}
	}
	return Cell{kind: KindDate, text: yyyymmdd}
}

// Int is a whole-number cell.
func Int(n int64) Cell { return Cell{kind: KindInt, n: n} }

// Percent is a ratio cell: Percent(0.2999) shows "29.99%".
func Percent(ratio decimal.Decimal) Cell { return Cell{kind: KindPercent, dec: ratio} }

// Number is a decimal cell shown with the given number of places, e.g. an area in m².
func Number(d decimal.Decimal, places int32) Cell {
	return Cell{kind: KindNumber, dec: d, places: places}
}

// IsEmpty reports whether the cell holds nothing.
func (c Cell) IsEmpty() bool { return c.kind == KindText && c.text == "" }

// Kind is what the cell holds.
func (c Cell) Kind() Kind { return c.kind }

// String is the cell as printed in the PDF: amounts grouped ("1,234.50"), percentages with
// a sign ("29.99%").
func (c Cell) String() string {
	switch c.kind {
	case KindMoney:
		return c.money.Grouped()
	case KindInt:
		return strconv.FormatInt(c.n, 10)
	case KindPercent:
		return ledger.RatioPercent(c.dec) + "%"
	case KindNumber:
		return groupDigits(c.dec.StringFixed(c.places))
	}
	return c.text
}

// plain is the cell as written to CSV: amounts without grouping ("1234.50") so that every
// spreadsheet and script parses them the same way.
func (c Cell) plain() string {
	switch c.kind {
	case KindMoney:
		return c.money.String()
	case KindNumber:
		return c.dec.StringFixed(c.places)
	}
	return c.String()
}

// percentValue is the ratio actually shown, rounded down to 4 places like the PDF's text, so
// that a spreadsheet never displays 30.00% for a ratio the PDF shows as 29.99%.
func (c Cell) percentValue() decimal.Decimal { return c.dec.RoundFloor(4) }

// groupDigits inserts thousands separators into the integer part of a plain decimal string.
func groupDigits(s string) string {
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	intPart, frac := s, ""
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			intPart, frac = s[:i], s[i:]
			break
		}
	}
	out := make([]byte, 0, len(s)+len(s)/3+1)
	if neg {
		out = append(out, '-')
	}
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, intPart[i])
	}
	return string(out) + frac
}

// Package is an audit package (审计资料包): a cover page, a contents page generated from the
// documents' titles and page numbers, then each Doc starting on a new page. Footers carry the
// package's generation time and chain head on every page, so all parts anchor the same state.
type Package struct {
	Title     string // e.g. "2025 年度审计资料包"
	Community string
	Year      int // printed on the cover when not 0
	Generated string
	Chain     ChainHead
	// Signatures are sign-off lines printed on the cover (e.g. DefaultSignatures).
	Signatures []string
	// Docs are the sections. A Doc's empty Community is taken from the package; its own
	// Generated and Chain are ignored in favour of the package's.
	Docs []Doc
	// A package too big to hold — every unit's statement of a 20,000-unit community — gives
	// its sections' titles in Sections (for the contents page) and the sections themselves
	// one at a time from Each, in the same order, instead of Docs. Each may be called more
	// than once.
	Sections []Section
	Each     iter.Seq2[Doc, error]
}

// Section is a package section's entry on the contents page.
type Section struct {
	Title string
	Book  string
}

// contents is the package's contents: Sections, or the titles of Docs.
func (p Package) contents() []Section {
	if p.Each != nil {
		return p.Sections
	}
	out := make([]Section, len(p.Docs))
	for i, d := range p.Docs {
		out[i] = Section{Title: d.Title, Book: d.Book}
	}
	return out
}

// EachDoc yields the package's sections in order: Docs, or what Each yields.
func (p Package) EachDoc() iter.Seq2[Doc, error] {
	if p.Each != nil {
		return p.Each
	}
	return func(yield func(Doc, error) bool) {
		for _, d := range p.Docs {
			if !yield(d, nil) {
				return
			}
		}
	}
}
