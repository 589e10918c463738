package report

import (
	"bytes"
	"encoding/csv"
	"strings"
)

// RenderCSV writes a table as CSV: UTF-8 with a byte-order mark (without it Excel on a
// Chinese Windows reads the file as GBK and garbles it), CRLF line ends, a header row, the
// rows and the totals row. Amounts are plain ("1234.50", no grouping) so that every program
// parses them the same way; dates stay YYYY-MM-DD.
//
// A text cell that begins with = + or @ gets a leading apostrophe, so that a spreadsheet
// opening the file shows it rather than evaluating it as a formula. Amounts and dates are
// never altered (a negative amount starts with "-" and stays a number).
func RenderCSV(t Table) []byte {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	rec := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		rec[i] = c.Title
	}
	_ = w.Write(rec) // writes to a bytes.Buffer cannot fail
	row := func(cells []Cell) {
		rec := make([]string, max(len(t.Columns), len(cells)))
		for i, c := range cells {
			s := c.plain()
			if c.kind == KindText && s != "" && strings.ContainsRune("=+@", rune(s[0])) {
				s = "'" + s
			}
			rec[i] = s
		}
		_ = w.Write(rec)
	}
	for _, r := range t.Rows {
		row(r)
	}
	if t.Totals != nil {
		row(t.Totals)
	}
	w.Flush()
	return buf.Bytes()
}
