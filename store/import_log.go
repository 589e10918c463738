package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"

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

// previousImport finds an earlier import of the same normalised rows.
func (t *Tx) previousImport(kind, rowsHash string) (string, bool, error) {
	var at string
	err := t.Get(&at, `SELECT imported_at FROM import_log WHERE kind = ? AND rows_sha256 = ? ORDER BY id LIMIT 1`, kind, rowsHash)
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
	row, err := rowSnapshot(q, "import_log", id)
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
