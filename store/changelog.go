package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"

	"jiayuan/store/ledger"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Master data whose every change is logged and chained. Each entity has a snapshot: the JSON
// of its current state, compared by verify with the last logged "after".
var snapshotters = map[string]func(q rowQueryer, id int64) (string, error){
	"community":          tableRow("community"),
	"account":            tableRow("accounts"),
	"building":           tableRow("buildings"),
	"owner":              tableRow("owners"),
	"unit":               tableRow("units"),
	"resolution":         tableRow("resolutions"),
	"resolution_terms":   tableRow("resolution_terms"),
	"contract":           tableRow("contracts"),
	"project":            tableRow("projects"),
	"project_scope":      projectScope,
	"replenishment_case": tableRow("replenishment_cases"),
	"replenishment_dues": replenishmentDues,
	"budget":             tableRow("budgets"),
	"audit":              tableRow("audits"),
	"audit_finding":      tableRow("audit_findings"),
	"disclosure":         tableRow("disclosures"),
	"closed_period":      tableRow("closed_periods"),
	"attachment":         attachmentRow,
	"record_attachment":  recordAttachments,
}

type rowQueryer interface {
	Query(query string, args ...any) (*sql.Rows, error)
}

// lateColumns are columns added by a migration after rows were already logged. Where one is
// NULL (a row written before it existed, or a value left unset) the snapshot leaves it out, so
// the last logged state of an old row still matches and verify does not report a migration
// as an edit made outside the app. A set value is part of the snapshot like any other.
var lateColumns = map[string]map[string]bool{
	"community": {"transfer_mode": true, "transfer_grace_days": true, "assembly_opened": true},
	"contracts": {"management_share": true},
}

// tableRow snapshots one row of a table as a JSON object with sorted keys ("" if absent): an
// entity's snapshotter.
func tableRow(table string) func(rowQueryer, int64) (string, error) { return wholeRow(table).snapshot }

// wholeRow is the table of a tableRow snapshotter.
type wholeRow string

func (table wholeRow) snapshot(q rowQueryer, id int64) (string, error) {
	return rowSnapshot(q, string(table), id)
}

// isTableRow reports whether an entity's snapshotter is a tableRow: then its snapshot is the
// whole row, and verify reads its table in one pass (checkTableAgainstLog). Every tableRow is
// the one method value's code, whichever its table.
func isTableRow(f func(rowQueryer, int64) (string, error)) bool {
	return f != nil && reflect.ValueOf(f).Pointer() == tableRowCode
}

var tableRowCode = reflect.ValueOf(wholeRow("").snapshot).Pointer()

// rowSnapshot is tableRow's snapshot of the row id of table.
func rowSnapshot(q rowQueryer, table string, id int64) (string, error) {
	rows, err := q.Query(`SELECT * FROM `+table+` WHERE id = ?`, id)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return "", err
	}
	if !rows.Next() {
		return "", rows.Err()
	}
	vals, err := scanValues(rows, len(cols))
	if err != nil {
		return "", err
	}
	return rowJSON(table, cols, vals)
}

// rowJSON is the snapshot of a row of table read as cols and vals (tableRow; verify's walk
// over a whole table).
func rowJSON(table string, cols []string, vals []any) (string, error) {
	m := make(map[string]any, len(cols))
	for i, c := range cols {
		if vals[i] == nil && lateColumns[table][c] {
			continue
		}
		m[c] = vals[i]
	}
	b, err := json.Marshal(m) // maps marshal with sorted keys: a stable form
	return string(b), err
}

func attachmentRow(q rowQueryer, id int64) (string, error) {
	return jsonOfQuery(q, `SELECT id, sha256, name, mime, size, added_at FROM attachments WHERE id = ?`, id)
}

func projectScope(q rowQueryer, projectID int64) (string, error) {
	return jsonOfQuery(q, `SELECT unit_id FROM project_units WHERE project_id = ? ORDER BY unit_id`, projectID)
}

func replenishmentDues(q rowQueryer, caseID int64) (string, error) {
	return jsonOfQuery(q, `SELECT unit_id, due_fen FROM replenishment_dues WHERE case_id = ? ORDER BY unit_id`, caseID)
}

func recordAttachments(q rowQueryer, attachmentID int64) (string, error) {
	return jsonOfQuery(q, `SELECT entity, entity_id FROM record_attachments WHERE attachment_id = ? ORDER BY entity, entity_id`, attachmentID)
}

// scanValues reads the current row as plain values, text rather than bytes, so that the
// snapshot's JSON shows text as text.
func scanValues(rows *sql.Rows, n int) ([]any, error) {
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	for i := range vals {
		if b, ok := vals[i].([]byte); ok {
			vals[i] = string(b)
		}
	}
	return vals, nil
}

// jsonOfQuery snapshots the rows of a query as a JSON array of arrays ("" when empty).
func jsonOfQuery(q rowQueryer, query string, args ...any) (string, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		vals, err := scanValues(rows, len(cols))
		if err != nil {
			return "", err
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if len(out) == 0 {
		return "", nil
	}
	b, err := json.Marshal(out)
	return string(b), err
}

// snapshot returns the current state of an entity ("" if it does not exist).
func snapshot(q rowQueryer, entity string, id int64) (string, error) {
	f, ok := snapshotters[entity]
	if !ok {
		return "", fmt.Errorf("store: no snapshot for entity %q", entity)
	}
	return f(q, id)
}

// changeDigest is the canonical digest of a change-log entry for the chain.
func changeDigest(id int64, at, actor, entity string, entityID int64, action, before, after string) string {
	var c ledger.Canon
	c.Int("id", id).Str("at", at).Str("actor", actor).Str("entity", entity).Int("entity_id", entityID).
		Str("action", action).Str("before", before).Str("after", after)
	return c.Digest()
}

// change runs mutate, which changes one entity, and logs the change with its before and after
// snapshots, chained. Nothing is logged when mutate changed nothing.
func (t *Tx) change(entity string, id int64, mutate func() error) error {
	before, err := snapshot(t, entity, id)
	if err != nil {
		return err
	}
	if err := mutate(); err != nil {
		return err
	}
	return t.logChange(entity, id, before)
}

// logChange records that entity id changed from before to its current state.
func (t *Tx) logChange(entity string, id int64, before string) error {
	after, err := snapshot(t, entity, id)
	if err != nil {
		return err
	}
	if after == before {
		return nil
	}
	action := "update"
	switch {
	case before == "":
		action = "create"
	case after == "":
		action = "delete"
	}
	seq, err := t.nextSeq()
	if err != nil {
		return err
	}
	res, err := t.Exec(`INSERT INTO change_log(at, actor, entity, entity_id, action, before, after, chain_seq) VALUES (?,?,?,?,?,?,?,?)`,
		t.stamp(), t.s.actor, entity, id, action, before, after, seq)
	if err != nil {
		return err
	}
	logID, _ := res.LastInsertId()
	return t.appendLink(seq, "change", logID, changeDigest(logID, t.stamp(), t.s.actor, entity, id, action, before, after))
}

// insertLogged inserts a row and logs its creation; it returns the new id.
func (t *Tx) insertLogged(entity, query string, args ...any) (int64, error) {
	res, err := t.Exec(query, args...)
	if err != nil {
		return 0, mapConstraint(err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, t.logChange(entity, id, "")
}

// ChangeEntry is one line of the change log.
type ChangeEntry struct {
	ID       int64  `db:"id"`
	At       string `db:"at"`
	Actor    string `db:"actor"`
	Entity   string `db:"entity"`
	EntityID int64  `db:"entity_id"`
	Action   string `db:"action"`
	Before   string `db:"before"`
	After    string `db:"after"`
	ChainSeq int64  `db:"chain_seq"`
}

// ChangeFilter selects change-log entries; zero values select everything.
type ChangeFilter struct {
	Entity   string
	EntityID int64
	Limit    int
	Offset   int
}

// Changes returns change-log entries, newest first, and how many match in all.
func (s *Store) Changes(f ChangeFilter) ([]ChangeEntry, int, error) {
	where, args := "1=1", []any{}
	if f.Entity != "" {
		where += " AND entity = ?"
		args = append(args, f.Entity)
	}
	if f.EntityID != 0 {
		where += " AND entity_id = ?"
		args = append(args, f.EntityID)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	var total int
	if err := s.db.Get(&total, `SELECT count(*) FROM change_log WHERE `+where, args...); err != nil {
		return nil, 0, err
	}
	var out []ChangeEntry
	if err := s.db.Select(&out, `SELECT id, at, actor, entity, entity_id, action, before, after, chain_seq FROM change_log WHERE `+where+
		` ORDER BY id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// entities lists the logged entities in a stable order (verify walks them).
func entities() []string {
	out := make([]string, 0, len(snapshotters))
	for k := range snapshotters {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// mapConstraint turns a uniqueness violation into a refusal the user can act on.
func mapConstraint(err error) error {
	var le *ledger.Error
	if errors.As(err, &le) {
		return err
	}
	var se *sqlite.Error
	if errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY) {
		return ledger.Refuse("record.duplicate")
	}
	return err
}
