package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// A ledger made by a generator (WithBulkWrites) is written as one SQLite transaction instead
// of one per record. Every write still runs its rules inside a transaction and sees everything
// written before it; only the commits are gone. They were most of the demo's time: each commit
// wrote every page a posting touched, and a transfer to the fund or the interest adds one line
// to every unit's sub-account, so each rewrote the whole per-unit index (at 5,000 units, 1.5
// million page writes for 20 years).
//
// It is done below database/sql, so that no query of the store has to know: the pool has one
// connection (every read and write of the store goes through it, and so sees the open
// transaction), which issues BEGIN IMMEDIATE at its first transaction and COMMIT when it is
// closed. While it is made the file has a rollback journal (kept in memory: a new file has
// almost no page to journal), so each page goes to the file once instead of to the WAL and
// again at the checkpoint; once committed it is switched to WAL, the mode of every ledger.
// With one connection, nothing may wait for a second while it holds the first: a query on
// Store.db outside a transaction while the rows of another are still open, a read begun inside
// a write, or Verify's two readers side by side would wait forever. The generator does none of
// these; the ledger is read and verified after Close. A transaction of database/sql on it begins and commits nothing. A write that fails
// cannot be undone alone (a savepoint per write would copy, for every posting, each page it
// touches to the savepoint's journal — the cost this saves): its Rollback abandons the whole
// file, and every later use of it fails. A generator expects no write to fail, and removes the
// file if one does.

// errBulkAbandoned is what a bulk ledger answers once a write of it failed.
var errBulkAbandoned = errors.New("store: a write of this generated ledger failed; the ledger is abandoned")

// sqliteDriver is the driver registered as "sqlite" (modernc), for the bulk connector.
var sqliteDriver = func() driver.Driver {
	db, _ := sql.Open("sqlite", "") // connects to nothing
	defer db.Close()
	return db.Driver()
}()

// openBulk opens a pool of one connection holding one transaction from its first use.
func openBulk(dsn string) *sqlx.DB {
	db := sqlx.NewDb(sql.OpenDB(bulkConnector{dsn}), "sqlite")
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	return db
}

type bulkConnector struct{ dsn string }

func (c bulkConnector) Connect(context.Context) (driver.Conn, error) {
	inner, err := sqliteDriver.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return &bulkConn{inner: inner}, nil
}

func (c bulkConnector) Driver() driver.Driver { return sqliteDriver }

// inner is what the modernc connection implements, and what database/sql looks for.
type innerConn interface {
	driver.Conn
	driver.ConnPrepareContext
	driver.ExecerContext
	driver.QueryerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
}

// bulkConn is the one connection of a bulk ledger.
type bulkConn struct {
	inner  driver.Conn
	open   bool  // BEGIN IMMEDIATE issued, COMMIT not yet
	failed error // set when a write failed: the transaction is rolled back, the ledger abandoned
	// stmts keeps the statements prepared, by their text, for the whole file: a transaction
	// of the store prepares its statements once (Tx.prepared), and with a transaction per record
	// that was once a record, SQLite's prepare a tenth of the time.
	stmts map[string]*bulkStmt
}

// maxBulkStmts bounds the statements a bulk connection keeps (queries with IN lists of every
// length are made on the fly); the others are prepared each time.
const maxBulkStmts = 512

func (c *bulkConn) in() innerConn { return c.inner.(innerConn) }

func (c *bulkConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

// PrepareContext hands out the kept statement for query when it is not in use (a statement
// is in use from its prepare to its Close, which database/sql calls once it and its rows are
// done), else a new one, kept if there is room.
func (c *bulkConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	if c.failed != nil {
		return nil, c.failed
	}
	if st, ok := c.stmts[query]; ok && !st.busy {
		st.busy = true
		return st, nil
	}
	inner, err := c.in().PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if _, ok := c.stmts[query]; ok || len(c.stmts) >= maxBulkStmts {
		return inner, nil // closed by its user
	}
	if c.stmts == nil {
		c.stmts = map[string]*bulkStmt{}
	}
	st := &bulkStmt{inner: inner, busy: true}
	c.stmts[query] = st
	return st, nil
}

// ExecContext and QueryContext (database/sql's calls outside a prepared statement) run the
// kept statement too.
func (c *bulkConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	st, err := c.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (c *bulkConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	st, err := c.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	rows, err := st.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		st.Close()
		return nil, err
	}
	return &bulkRows{Rows: rows, st: st}, nil // the statement is in use until its rows are closed
}

// bulkStmt is a statement kept by a bulk connection.
type bulkStmt struct {
	inner driver.Stmt
	busy  bool
}

// Close gives the statement back to its connection (SQLite's own is reset by its rows' Close
// or at the end of its Exec); the connection's Close finalizes it.
func (s *bulkStmt) Close() error { s.busy = false; return nil }

func (s *bulkStmt) NumInput() int { return s.inner.NumInput() }

func (s *bulkStmt) Exec(args []driver.Value) (driver.Result, error) { return s.inner.Exec(args) } //nolint:staticcheck // required by driver.Stmt

func (s *bulkStmt) Query(args []driver.Value) (driver.Rows, error) { return s.inner.Query(args) } //nolint:staticcheck // required by driver.Stmt

func (s *bulkStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	return s.inner.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (s *bulkStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	return s.inner.(driver.StmtQueryContext).QueryContext(ctx, args)
}

// bulkRows closes the statement a query of the connection ran once they are closed.
type bulkRows struct {
	driver.Rows
	st driver.Stmt
}

func (r *bulkRows) Close() error {
	err := r.Rows.Close()
	if e := r.st.Close(); err == nil {
		err = e
	}
	return err
}

func (c *bulkConn) Ping(ctx context.Context) error         { return c.in().Ping(ctx) }
func (c *bulkConn) ResetSession(ctx context.Context) error { return c.in().ResetSession(ctx) }
func (c *bulkConn) IsValid() bool                          { return c.in().IsValid() }
func (c *bulkConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}
func (c *bulkConn) exec(ctx context.Context, query string) error {
	_, err := c.in().ExecContext(ctx, query, nil)
	return err
}

// BeginTx begins the one transaction if it is not begun, and gives database/sql a
// transaction that commits nothing.
func (c *bulkConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if c.failed != nil {
		return nil, c.failed
	}
	if !c.open {
		if err := c.exec(ctx, `BEGIN IMMEDIATE`); err != nil {
			return nil, err
		}
		c.open = true
	}
	return &bulkTx{c: c, readOnly: opts.ReadOnly}, nil
}

// Close commits the transaction (unless a write failed) and closes the connection.
func (c *bulkConn) Close() error {
	var err error
	if c.open && c.failed == nil {
		if err = c.exec(context.Background(), `COMMIT`); err != nil {
			err = fmt.Errorf("store: commit: %w", err)
		}
	}
	c.open = false
	c.dropStmts()
	if err == nil && c.failed == nil {
		err = c.toWAL() // the mode every ledger is in
	}
	if e := c.inner.Close(); err == nil {
		err = e
	}
	return err
}

// bulkTx is a transaction of database/sql on a bulk connection.
type bulkTx struct {
	c        *bulkConn
	readOnly bool
}

func (t *bulkTx) Commit() error { return t.c.failed }

// Rollback of a read changes nothing; of a write (which failed, or was a dry run) it rolls the
// whole ledger back and abandons it.
func (t *bulkTx) Rollback() error {
	if t.readOnly || t.c.failed != nil {
		return nil
	}
	t.c.failed = errBulkAbandoned
	if t.c.open {
		t.c.open = false
		return t.c.exec(context.Background(), `ROLLBACK`)
	}
	return nil
}

// dropStmts finalizes the kept statements.
func (c *bulkConn) dropStmts() {
	for _, st := range c.stmts {
		st.inner.Close()
	}
	c.stmts = nil
}

// toWAL switches the committed file from the rollback journal it was made with to WAL.
func (c *bulkConn) toWAL() error {
	rows, err := c.in().QueryContext(context.Background(), `PRAGMA journal_mode(WAL)`, nil)
	if err != nil {
		return fmt.Errorf("store: journal mode: %w", err)
	}
	defer rows.Close()
	v := make([]driver.Value, 1)
	if err := rows.Next(v); err != nil {
		return fmt.Errorf("store: journal mode: %w", err)
	}
	if m, _ := v[0].(string); m != "wal" {
		return fmt.Errorf("store: journal mode %v, want wal", v[0])
	}
	return nil
}
