package store

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"jiayuan/store/ledger"
)

// RowProblem is what is wrong with one row of an imported file (Row 0: the file as a whole).
type RowProblem struct {
	Row    int
	Last   int    // the last row, when the problem spans several (a voucher's lines)
	Column string // the file's header of the column concerned, when one is
	Err    *ledger.Error
}

// RowsRefused refuses an import whose rows have problems; the ledger is unchanged.
type RowsRefused struct {
	Problems []RowProblem
}

func (r *RowsRefused) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "import refused: %d problem(s)", len(r.Problems))
	for i, p := range r.Problems {
		if i == 5 {
			b.WriteString("; …")
			break
		}
		fmt.Fprintf(&b, "; row %d: %s", p.Row, p.Err.Error())
	}
	return b.String()
}

// As lets errors.As see the refusal as a *ledger.Error ("import.rows_refused"), so callers that
// only know refusals (the error bridge of the window) show a translated summary.
func (r *RowsRefused) As(target any) bool {
	if le, ok := target.(**ledger.Error); ok {
		first := ""
		if len(r.Problems) > 0 {
			first = strconv.Itoa(r.Problems[0].Row)
		}
		*le = ledger.Refuse("import.rows_refused", "count", len(r.Problems), "row", first)
		return true
	}
	return false
}

// problems collects row problems in row order.
type problems []RowProblem

func (ps *problems) add(row int, column string, err error) {
	var le *ledger.Error
	if !errors.As(err, &le) {
		le = ledger.Refuse("error.internal", "detail", err.Error())
	}
	*ps = append(*ps, RowProblem{Row: row, Column: column, Err: le})
}

func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Row < ps[j].Row })
	return &RowsRefused{Problems: ps}
}

// isInternal reports whether err is neither a refusal nor a list of row problems: a failure of
// the file or the database, which stops an import at once.
func isInternal(err error) bool {
	var le *ledger.Error
	var rr *RowsRefused
	return !errors.As(err, &rr) && !errors.As(err, &le)
}
