package imports

import (
	"errors"
	"os"
	"path/filepath"
	"sort"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// What the command line and the window share: the kinds of import, how their cells read, and
// how the problems of a file's rows and those the store finds are put together.

// Kinds are the imports a user chooses from, in the order they are offered.
var Kinds = []string{"units", "vouchers", "bank", "statement"}

// SchemaOf returns the schema of an import kind: units, vouchers, bank or statement.
func SchemaOf(kind string) (Schema, bool) {
	s, ok := map[string]Schema{"units": UnitsSchema, "vouchers": VouchersSchema, "bank": BankSchema, "statement": StatementSchema}[kind]
	return s, ok
}

// Cell kinds: how a field's cells are read and shown.
const (
	CellText   = "text"
	CellMoney  = "money"
	CellDate   = "date"
	CellNumber = "number" // an area in m²
)

var cellKinds = map[string]map[string]string{
	"units":     {"area": CellNumber, "initial": CellMoney},
	"vouchers":  {"date": CellDate, "debit": CellMoney, "credit": CellMoney},
	"bank":      {"date": CellDate, "amount": CellMoney, "income": CellMoney, "expense": CellMoney, "balance": CellMoney},
	"statement": {"gross": CellMoney, "tax": CellMoney, "labour": CellMoney, "management": CellMoney, "net": CellMoney},
}

// CellKind says how a field of the schema reads: CellText, CellMoney, CellDate or CellNumber.
func (s Schema) CellKind(field string) string {
	if k, ok := cellKinds[s.Kind][field]; ok {
		return k
	}
	return CellText
}

// Display is a field's cell as the import reads it: an amount as "1234.50", a date as
// "2024-03-15", an area as "89.50". ok is false when the cell does not read (it is returned as
// written); an empty cell reads as "".
func (r Record) Display(field string) (string, bool) {
	v := r.Get(field)
	if r.hole(field) {
		return v, false
	}
	if v == "" {
		return "", true
	}
	switch r.t.schema.CellKind(field) {
	case CellMoney:
		m, empty, err := parseAmount(v)
		if err != nil {
			return v, false
		}
		if empty {
			return "", true
		}
		return m.String(), true
	case CellDate:
		d, err := parseDate(v, r.t.info.date1904)
		if err != nil {
			return v, false
		}
		return d, true
	case CellNumber:
		a, err := parseArea(v)
		if err != nil {
			return v, false
		}
		return ledger.FormatArea(a), true
	}
	if excelErrors[v] {
		return v, false
	}
	return v, true
}

// MergeProblems adds the problems the store found in a file's good rows (a dry run) to those
// the reader found in its bad ones, in row order. A store error that is not about rows is
// dropped: the reader's problems come first.
func MergeProblems(readErr, storeErr error) error {
	var r1, r2 *store.RowsRefused
	if !errors.As(readErr, &r1) || !errors.As(storeErr, &r2) {
		return readErr
	}
	all := append(append([]store.RowProblem(nil), r1.Problems...), r2.Problems...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].Row < all[j].Row })
	return &store.RowsRefused{Problems: all}
}

// ReadSource reads a file to import, refusing a missing file, a folder or one beyond
// MaxFileSize with a message that names it.
func ReadSource(p string) ([]byte, error) {
	st, err := os.Stat(p)
	if err != nil || st.IsDir() {
		return nil, ledger.Refuse("import.file_missing", "path", p)
	}
	if st.Size() > MaxFileSize {
		return nil, ledger.Refuse("import.too_large", "file", filepath.Base(p), "max", "256 MB")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, ledger.Refuse("import.file_missing", "path", p)
	}
	return data, nil
}

// Run reads a file of an import kind and has the store take its rows, as the command line and
// the window both do. A file that reads clean is written (or, when src.DryRun, checked and
// rolled back). A file with bad rows is never written, but its good rows are still checked by
// the store in a dry run, so that every problem of the file is listed at once: join readErr and
// storeErr with MergeProblems. before, when set, is called just before the store gets the rows,
// with the table as read, the rows' number and whether it is a dry run (the window's progress,
// the command line's table).
func Run(st *store.Store, kind, path string, data []byte, opt Options, src store.ImportSource,
	before func(t *Table, rows int, dry bool)) (t *Table, res store.ImportResult, readErr, storeErr error) {
	take := func(n int, fn func(store.ImportSource) (store.ImportResult, error)) {
		if n == 0 && readErr != nil {
			return
		}
		run := src
		if readErr != nil {
			run.DryRun = true
		}
		if before != nil {
			before(t, n, run.DryRun)
		}
		r, err := fn(run)
		if readErr == nil {
			res = r
		}
		storeErr = err
	}
	switch kind {
	case "units":
		var rows []store.ImportUnit
		t, rows, readErr = ReadUnits(path, data, opt)
		take(len(rows), func(s store.ImportSource) (store.ImportResult, error) { return st.ImportUnits(s, rows) })
	case "vouchers":
		var vs []store.ImportVoucher
		t, vs, readErr = ReadVouchers(path, data, opt)
		take(len(vs), func(s store.ImportSource) (store.ImportResult, error) { return st.ImportVouchers(s, vs) })
	case "bank":
		var lines []store.BankLine
		t, lines, readErr = ReadBank(path, data, opt)
		take(len(lines), func(s store.ImportSource) (store.ImportResult, error) { return st.ImportBank(s, opt.Book, lines) })
	case "statement":
		var lines []store.StatementLineInput
		var quarter string
		t, quarter, lines, readErr = ReadStatement(path, data, opt)
		take(len(lines), func(s store.ImportSource) (store.ImportResult, error) {
			return st.ImportStatement(s, store.StatementInput{Quarter: quarter, Company: opt.Company, Lines: lines})
		})
	default:
		readErr = ledger.Refuse("import.ui.unknown_kind", "kind", kind)
	}
	return t, res, readErr, storeErr
}
