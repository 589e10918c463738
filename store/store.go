// Package store is the ledger on disk: one SQLite file per community. It owns the schema
// (embedded numbered migrations), every query, the transactions, and the hash chain. Each
// rule of store/ledger is checked inside the same transaction that writes, so no caller can
// bypass it.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"jiayuan/store/ledger"

	"github.com/jmoiron/sqlx"
	"modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Store is an open ledger file.
type Store struct {
	db    *sqlx.DB
	path  string
	now   func() time.Time
	actor string
	g     guard // read-only, the writer lock, the check at open (integrity.go)
	bulk  bool  // made by a generator: commits not synced one by one (WithBulkWrites)
	// owing is a unit last found owing in a replenishment case: only a hint of where to look
	// (closeIfSettled), kept under hintMu.
	hintMu sync.Mutex
	owing  struct{ caseID, unitID int64 }
}

// sqlx knows the driver's bind style by name; modernc registers itself as "sqlite", which sqlx
// does not list, so named queries would not know to bind with "?".
func init() { sqlx.BindDriver("sqlite", sqlx.QUESTION) }

// bg is the context of calls that have none of their own (the app is one process, one user).
var bg = context.Background()

// ErrNotFound is returned when a record asked for does not exist.
var ErrNotFound = ledger.Refuse("record.not_found")

// Options tune Open.
type Options struct {
	// ReadOnly opens the file without the right to write (mode=ro).
	ReadOnly bool
	// ChainCheckOnly leaves SQLite's structure check (quick_check, which reads the whole
	// file) out of the check at open and keeps the cheap ones: the chain's newest link against
	// its record, as many records as links. For Verify, which checks the structure in full
	// itself, and for read-only commands that print figures (status). Ignored when writing:
	// nothing is ever chained onto a file whose structure was not checked.
	ChainCheckOnly bool
	// Glance maps the file into memory for a read-only look at a few figures (status): SQLite
	// then reads the pages it needs in place instead of copying each into its own cache, about
	// a sixth of `status`'s time on a 20,000-unit ledger. Not for commands that read the whole
	// file (verify, reports, backup): the mapped pages count as the process's memory (a 185 MB
	// ledger is 460 MB resident while verify walks it). A read error of the disk under a mapped
	// file (a USB stick pulled out) stops the process instead of returning an error; reading
	// only, it loses nothing. Ignored when writing.
	Glance bool
}

// connKind is what a pool's connections are opened for.
type connKind int

const (
	connWrite  connKind = iota
	connRead            // mode=ro
	connGlance          // mode=ro, the file mapped (Options.Glance)
	connBulk            // a generator's (WithBulkWrites, bulk.go)
)

// dsn builds the connection string with the pragmas every pooled connection needs.
//
// synchronous(FULL): in WAL mode every commit syncs the WAL to the disk before PostVoucher
// returns, so a voucher the secretary saw posted survives the laptop being switched off.
// NORMAL syncs only at checkpoints: the file stays consistent, but a power cut loses the last
// commits, and then the next voucher takes a lost one's number while the receipt or PDF that
// showed it (and its chain head) is already out in the world. A process kill loses nothing
// under either (store/crash_test.go); power loss is what FULL is for. It costs one fsync per
// commit (~1 ms on an SSD), nothing beside a person entering vouchers.
//
// bulk (WithBulkWrites, the demo's generator) syncs nothing commit by commit: a file that is
// made in one go and deleted if making it fails needs no commit to survive a power cut, and
// the sync of each of its thousands of commits was most of its time. Close syncs it once.
func dsn(path string, k connKind) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(5000)")
	if k == connBulk {
		q.Add("_pragma", "synchronous(OFF)")
		// and a page cache for the indexes it keeps adding to (SQLite's default is 2 MB; 32 MB a connection)
		q.Add("_pragma", "cache_size(-32768)")
		// and statement journals in memory: in its one transaction (bulk.go) every INSERT of
		// sub-ledger lines copies the index pages it touches to one, and a file of them was a
		// write system call a page
		q.Add("_pragma", "temp_store(MEMORY)")
	} else {
		q.Add("_pragma", "synchronous(FULL)")
	}
	switch k {
	case connGlance:
		q.Add("_pragma", "mmap_size(1073741824)") // the whole file, up to 1 GB
		fallthrough
	case connRead:
		q.Add("mode", "ro")
	case connBulk:
		// a rollback journal while it is made (its one transaction's pages go to the file once,
		// not to the WAL and then again at the checkpoint); WAL once it is committed (bulk.go)
		q.Add("_pragma", "journal_mode(MEMORY)")
	default:
		q.Add("_pragma", "journal_mode(WAL)")
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

// Open opens an existing ledger file and brings its schema up to date. Open for writing takes
// the ledger's writer lock (lock.go): refused with ledger.locked while another process writes.
// Every open checks the file quickly (integrity.go); a file that fails is opened for looking
// only (Damage, Verify), every write refused. Open keeps no mark of its checks: it runs
// SQLite's quick_check every time unless opt.ChainCheckOnly.
func Open(path string, opt Options) (*Store, error) { return openChecking(path, opt, "") }

// openChecking is Open keeping the mark of a clean check in marks (checkmark.go); "" for none.
func openChecking(path string, opt Options, marks string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, ledger.Refuse("ledger.file_missing", "path", path)
	}
	// a reader changes nothing: it checks on its own connection, a writer's DSN would (WAL)
	if !opt.ReadOnly && !isLedger(path) {
		return nil, ledger.Refuse("ledger.not_a_ledger", "path", path)
	}
	k := connWrite
	if opt.ReadOnly {
		k = connRead
		if opt.Glance {
			k = connGlance
		}
	}
	s, err := openWith(path, k)
	if err != nil {
		return nil, err
	}
	if opt.ReadOnly && !hasLedgerTables(s.db) {
		s.Close()
		return nil, ledger.Refuse("ledger.not_a_ledger", "path", path)
	}
	s.checkAtOpen(opt.ChainCheckOnly && opt.ReadOnly, marks)
	if !opt.ReadOnly && s.g.damage == nil {
		if err := s.migrate(context.Background()); err != nil {
			s.Close()
			return nil, ledger.Refuse("ledger.not_a_ledger", "path", path)
		}
	}
	var n int
	if err := s.db.Get(&n, `SELECT count(*) FROM community`); err != nil || n != 1 {
		s.Close()
		return nil, ledger.Refuse("ledger.not_a_ledger", "path", path)
	}
	return s, nil
}

// CreateOption adjusts Create.
type CreateOption func(*Store)

// WithBulkWrites makes a ledger that is written in one go by a generator (the demo), and
// removed if that fails: its commits are not synced to the disk one by one, only the file once
// when it is closed.
func WithBulkWrites() CreateOption { return func(s *Store) { s.bulk = true } }

// WithClock makes the new ledger use a clock of its own from its first record (the demo,
// whose file must not depend on the day it is made).
func WithClock(now func() time.Time) CreateOption { return func(s *Store) { s.now = now } }

// Create makes a new ledger file for a community, with the default chart of accounts. It
// refuses to overwrite an existing file.
func Create(path string, c Community, opts ...CreateOption) (*Store, error) {
	if _, err := os.Stat(path); err == nil {
		return nil, ledger.Refuse("ledger.file_exists", "path", path)
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	var want Store // what the options ask of the connection, before it is opened
	for _, o := range opts {
		o(&want)
	}
	k := connWrite
	if want.bulk {
		k = connBulk
	}
	s, err := openWith(path, k)
	if err != nil {
		return nil, err
	}
	for _, o := range opts {
		o(s)
	}
	ctx := context.Background()
	if err := s.migrate(ctx); err != nil {
		s.Close()
		os.Remove(path)
		return nil, err
	}
	err = s.write(ctx, func(tx *Tx) error {
		if err := tx.insertCommunity(c); err != nil {
			return err
		}
		// The chart is logged like master data: an account's kind decides which rules apply
		// to its postings, so an edit of it outside the app must be found by verify.
		for _, a := range ledger.DefaultChart() {
			if _, err := tx.insertLogged("account", `INSERT INTO accounts(book, code, kind, name_zh, name_en, per_unit, counterpart) VALUES (?,?,?,?,?,?,?)`,
				a.Book, a.Code, a.Kind, a.NameZH, a.NameEN, a.PerUnit, a.Counterpart); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		s.Close()
		os.Remove(path)
		return nil, err
	}
	return s, nil
}

// isLedger tells, without changing the file, whether path holds a ledger. Open for writing
// checks it first so that another program's database or an empty file is neither migrated nor
// switched to WAL (the DSN of open does both) before it is refused.
func isLedger(path string) bool {
	db, err := sqlx.Open("sqlite", "file:"+path+"?mode=rw&_pragma=busy_timeout(5000)")
	if err != nil {
		return false
	}
	defer db.Close()
	return hasLedgerTables(db)
}

// hasLedgerTables tells whether the database has a ledger's tables.
func hasLedgerTables(q queryer) bool {
	var n int
	err := q.Get(&n, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'community')`)
	return err == nil && n == 2
}

func openWith(path string, k connKind) (*Store, error) {
	ro, bulk := k == connRead || k == connGlance, k == connBulk
	release, err := func() {}, error(nil)
	if !ro {
		if release, err = lockWriter(path); err != nil {
			return nil, err
		}
	}
	var db *sqlx.DB
	if bulk {
		db = openBulk(dsn(path, k)) // one connection, one transaction (bulk.go)
	} else if db, err = sqlx.Open("sqlite", dsn(path, k)); err != nil {
		release()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := db.Ping(); err != nil {
		db.Close()
		release()
		var se *sqlite.Error
		if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_NOTADB {
			return nil, ledger.Refuse("ledger.not_a_ledger", "path", path)
		}
		return nil, ledger.Refuse("ledger.cannot_open", "path", path, "detail", err.Error())
	}
	s := &Store{db: db, path: path, now: time.Now, actor: "secretary", bulk: bulk}
	s.g.ro, s.g.release = ro, release
	return s, nil
}

// Close closes the file and gives back the writer lock.
func (s *Store) Close() error {
	mark := s.checkBeforeClose()
	err := s.db.Close()
	if s.bulk && err == nil {
		err = syncFile(s.path) // what WithBulkWrites left unsynced
	}
	if mark != nil && err == nil {
		s.markAfterClose(*mark)
	}
	s.closeGuard()
	return err
}

// Path is the ledger file's path.
func (s *Store) Path() string { return s.path }

// SetActor names who the change log records for what follows.
func (s *Store) SetActor(name string) {
	if name == "" {
		name = "secretary"
	}
	s.actor = name
}

// SetClock replaces the clock (tests, and the demo, which writes a reproducible file).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// DB exposes the handle for read-only report queries in this module's tests and benchmarks.
func (s *Store) DB() *sql.DB { return s.db.DB }

// Tx is a write transaction with one fixed timestamp. Its Exec, QueryRow, Get and Select run
// statements prepared once per transaction (see prepared); Query, Queryx and NamedExec are
// sqlx's own, unprepared.
type Tx struct {
	*sqlx.Tx
	s     *Store
	now   time.Time
	stmts map[string]*sqlx.Stmt // prepared once per transaction (see prepared)
	memo  txMemo
}

// txMemo keeps what every posting of a transaction reads again and that only a write to its
// own table changes: the community with its policy, the chart of accounts, which tables exist.
// An import posts 50,000 vouchers in one transaction, and reading these each time was a third
// of its time. Exec forgets the community and the chart whenever a statement names their
// table (forget); the tables only change in a migration, which runs in a transaction of its own.
type txMemo struct {
	community *Community
	accounts  map[ledger.Book]map[string]bookAccount
	tables    map[string]bool
}

// forget drops what query may change of the memo.
func (m *txMemo) forget(query string) {
	if strings.Contains(query, "community") {
		m.community = nil
	}
	if strings.Contains(query, "accounts") {
		m.accounts = nil
	}
}

// maxTxStmts bounds the statements a transaction keeps prepared; queries built on the fly
// (IN lists) beyond it are run unprepared.
const maxTxStmts = 128

// prepared returns the transaction's prepared statement for query, or nil when it is not
// kept. An import writes thousands of rows with the same few statements; preparing each once
// instead of at every call halves its time (SQLite's prepare dominated the profile). Only Exec,
// QueryRow, Get and Select use it — they are done with the statement when they return (a Row
// at its Scan; Select reads every row first) — not Query: a loop over rows that ran the same
// query inside would reset its own statement. A query of several statements is never kept: a
// prepared statement runs only the first.
func (t *Tx) prepared(query string) (*sqlx.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	if len(t.stmts) >= maxTxStmts || strings.Contains(strings.TrimRight(strings.TrimSpace(query), ";"), ";") {
		return nil, nil
	}
	st, err := t.Tx.Preparex(query)
	if err != nil {
		return nil, err
	}
	if t.stmts == nil {
		t.stmts = make(map[string]*sqlx.Stmt)
	}
	t.stmts[query] = st // closed with the transaction
	return st, nil
}

// Exec runs a statement of the transaction, prepared once (see prepared).
func (t *Tx) Exec(query string, args ...any) (sql.Result, error) {
	t.memo.forget(query)
	st, err := t.prepared(query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return t.Tx.Exec(query, args...)
	}
	return st.Exec(args...)
}

// QueryRow runs a one-row query of the transaction, prepared once (see prepared).
func (t *Tx) QueryRow(query string, args ...any) *sql.Row {
	st, err := t.prepared(query)
	if err != nil || st == nil {
		return t.Tx.QueryRow(query, args...) // a bad query reports its error through the row
	}
	return st.QueryRow(args...)
}

// Get scans the one row of a query into dest (a struct by its db tags, or one value),
// prepared once (see prepared). No row is sql.ErrNoRows.
func (t *Tx) Get(dest any, query string, args ...any) error {
	st, err := t.prepared(query)
	if err != nil {
		return err
	}
	if st == nil {
		return t.Tx.Get(dest, query, args...)
	}
	return st.Get(dest, args...)
}

// Select scans every row of a query into the slice dest points to, prepared once (see
// prepared).
func (t *Tx) Select(dest any, query string, args ...any) error {
	st, err := t.prepared(query)
	if err != nil {
		return err
	}
	if st == nil {
		return t.Tx.Select(dest, query, args...)
	}
	return st.Select(dest, args...)
}

// write runs fn in one IMMEDIATE transaction and commits only if fn succeeds: a refused write
// leaves the file exactly as it was.
func (s *Store) write(ctx context.Context, fn func(*Tx) error) error {
	if err := s.writable(); err != nil {
		return err
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback() // ignored after Commit
	t := &Tx{Tx: tx, s: s, now: s.now().UTC().Truncate(time.Second)}
	if err := fn(t); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	s.g.wrote.Store(true)
	return nil
}

// read runs fn in a read transaction, so all its queries see one snapshot.
func (s *Store) read(ctx context.Context, fn func(*sqlTx) error) error {
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("store: begin read: %w", err)
	}
	defer tx.Rollback()
	return fn(tx)
}

func (t *Tx) stamp() string { return t.now.Format(time.RFC3339) }

// notFound maps sql.ErrNoRows to ErrNotFound with what was looked for.
func notFound(err error, what string, id int64) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ledger.Refuse("record.not_found", "what", what, "id", id)
	}
	return err
}

// sqlTx is a read transaction.
type sqlTx = sqlx.Tx

// querier is what reads need of either transaction: a write's *Tx (its statements prepared) or
// a read's *sqlTx, so that one helper serves a dry run that must see its own rows and a report.
type querier interface {
	Get(dest any, query string, args ...any) error
	Select(dest any, query string, args ...any) error
	QueryRow(query string, args ...any) *sql.Row
	Query(query string, args ...any) (*sql.Rows, error)
}
