package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"jiayuan/store/ledger"
)

// An import is all-or-nothing: every row is checked first, and nothing is written unless all
// pass. What an import created is recorded in import_log, logged and chained as the entity
// "import" (its snapshot covers the bank lines and voucher links it brought), so that an
// edit outside the app is found by verify like any other master-data edit.
func init() {
	snapshotters["import"] = importSnapshot
	trackedTables["import"] = "import_log"
}

// bookNames name the books in refusals' arguments, which are not translated.
var bookNames = map[ledger.Book][2]string{
	ledger.BookFund:    {"专项维修资金", "maintenance fund"},
	ledger.BookPublic:  {"公共收益", "public income"},
	ledger.BookWorking: {"业委会工作经费", "working expenses"},
}

// bookArgs are a refusal's arguments naming a book: key (the code), keyZh and keyEn.
func bookArgs(key string, b ledger.Book) []any {
	n, ok := bookNames[b]
	if !ok {
		n = [2]string{string(b), string(b)}
	}
	return []any{key, b, key + "Zh", n[0], key + "En", n[1]}
}

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

// ImportSource names the file an import reads, for the import log.
type ImportSource struct {
	Name   string // the file's name as the user chose it
	SHA256 string // hex SHA-256 of the file's bytes
	DryRun bool   // check everything, write nothing
}

// ImportResult says what an import did (or, in a dry run, would do).
type ImportResult struct {
	ImportID        int64 // 0 when nothing was written
	Kind            string
	Rows            int // data rows read
	Created         int // units, vouchers or bank lines created
	Skipped         int // rows already in the ledger
	Buildings       int // units: buildings created
	Owners          int // units: owners created
	Transfers       int // vouchers: transfers between books posted (both sides)
	Matched         int // bank: imported lines matched to a voucher
	AlreadyImported bool
	PreviousAt      string // when AlreadyImported: when the same rows were imported
	DryRun          bool
	Warnings        []RowProblem
}

// errDryRun rolls back a dry run after every check has passed.
var errDryRun = errors.New("dry run")

// importWrite runs fn in one transaction like write; a dry run is rolled back at the end.
func (s *Store) importWrite(dry bool, fn func(*Tx) error) error {
	err := s.write(bg, func(t *Tx) error {
		if err := fn(t); err != nil {
			return err
		}
		if dry {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		return nil
	}
	return err
}

// previousImport finds an earlier import of the same normalised rows.
func (t *Tx) previousImport(kind, rowsHash string) (string, bool, error) {
	var at string
	err := t.QueryRow(`SELECT imported_at FROM import_log WHERE kind = ? AND rows_sha256 = ? ORDER BY id LIMIT 1`, kind, rowsHash).Scan(&at)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return "", false, nil
		}
		return "", false, err
	}
	return at, true, nil
}

// insertImport records an import; the caller logs it with logImport once its lines are in.
func (t *Tx) insertImport(kind string, book ledger.Book, src ImportSource, rowsHash string, res *ImportResult) (int64, error) {
	r, err := t.Exec(`INSERT INTO import_log(kind, book, source_name, file_sha256, rows_sha256, rows, created, skipped, imported_at, actor)
		VALUES (?,?,?,?,?,?,?,?,?,?)`, kind, string(book), strings.TrimSpace(src.Name), src.SHA256, rowsHash, res.Rows, res.Created, res.Skipped, t.stamp(), t.s.actor)
	if err != nil {
		return 0, err
	}
	return r.LastInsertId()
}

// logImport logs and chains the creation of an import with everything it brought.
func (t *Tx) logImport(id int64) error { return t.logChange("import", id, "") }

// importSnapshot is the state of an import: its row, and digests of its bank lines and of its
// voucher links (a 100,000-line statement is one change-log entry, not 100,000).
func importSnapshot(q rowQueryer, id int64) (string, error) {
	row, err := tableRow("import_log")(q, id)
	if err != nil || row == "" {
		return row, err
	}
	h := sha256.New()
	lines, err := digestRows(q, h, `SELECT id, pos, source_row, book, date, amount_fen, COALESCE(balance_fen, 'none'), counterparty, reference, summary
		FROM bank_lines WHERE import_id = ? ORDER BY id`, id)
	if err != nil {
		return "", err
	}
	linesHash := hex.EncodeToString(h.Sum(nil))
	h.Reset()
	vouchers, err := digestRows(q, h, `SELECT voucher_id, group_sha256, source_no, first_row FROM import_vouchers WHERE import_id = ? ORDER BY voucher_id`, id)
	if err != nil {
		return "", err
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(row), &m); err != nil {
		return "", err
	}
	m["bank_lines"] = lines
	m["bank_lines_sha256"] = linesHash
	m["vouchers"] = vouchers
	m["vouchers_sha256"] = hex.EncodeToString(h.Sum(nil))
	b, err := json.Marshal(m)
	return string(b), err
}

// digestRows feeds every row of a query, field by field, into h and counts the rows.
func digestRows(q rowQueryer, h hash.Hash, query string, args ...any) (int, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return 0, err
		}
		for _, v := range vals {
			s := fmt.Sprint(v)
			if b, ok := v.([]byte); ok {
				s = string(b)
			}
			writeField(h, s)
		}
		n++
	}
	return n, rows.Err()
}

// writeField writes a length-prefixed field, so that field boundaries cannot be shifted.
func writeField(h hash.Hash, s string) {
	h.Write([]byte(strconv.Itoa(len(s))))
	h.Write([]byte{':'})
	h.Write([]byte(s))
}

// rowsHasher hashes the normalised rows of an import.
type rowsHasher struct{ h hash.Hash }

func newRowsHasher(kind string) *rowsHasher {
	r := &rowsHasher{h: sha256.New()}
	writeField(r.h, "jiayuan-import-v1")
	writeField(r.h, kind)
	return r
}

func (r *rowsHasher) fields(fs ...string) {
	for _, f := range fs {
		writeField(r.h, f)
	}
	r.h.Write([]byte{'\n'})
}

func (r *rowsHasher) sum() string { return hex.EncodeToString(r.h.Sum(nil)) }

// normText folds full-width letters and digits to ASCII and trims spaces, so that "１号" and
// "1号" name the same building.
func normText(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '！' && r <= '～':
			b.WriteRune(r - '！' + '!')
		case r == '\u3000' || r == '\u00a0':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// BuildingCode is the form a building's number is kept in: "1", "1幢", "1栋", "1号楼" and "１号"
// are all "1号"; anything else is kept as written (trimmed, full-width folded).
func BuildingCode(s string) string {
	t := normText(s)
	core := t
	for _, suf := range []string{"号楼", "幢", "栋", "号", "楼"} {
		if strings.HasSuffix(core, suf) {
			core = strings.TrimSuffix(core, suf)
			break
		}
	}
	if core != "" && strings.IndexFunc(core, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
		if n := strings.TrimLeft(core, "0"); n != "" {
			core = n
		} else {
			core = "0"
		}
		return core + "号"
	}
	return t
}

// RoomCode is the form a room number is compared in: trimmed, full-width folded, without a
// trailing 室 ("101室" is "101").
func RoomCode(s string) string {
	t := normText(s)
	if r := strings.TrimSuffix(t, "室"); r != "" {
		t = r
	}
	return t
}
