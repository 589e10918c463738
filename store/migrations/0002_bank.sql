-- Jiayuan Ledger schema, version 2: imports (unit rosters, historical vouchers, bank
-- statements) and the bank lines they bring, for the bank reconciliation (余额调节表).
-- Money is whole fen in INTEGER columns; dates are 'YYYY-MM-DD' text. Landed migrations are
-- never edited: add a new numbered file instead.

-- One row per import that changed the ledger (an import that found everything already there
-- writes nothing). Each is logged and chained as the master-data entity "import", whose
-- snapshot covers its bank lines and voucher links, so an edit outside the app is found.
CREATE TABLE import_log (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('units', 'vouchers', 'bank')),
    book        TEXT NOT NULL DEFAULT '',
    source_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,         -- the file's bytes
    rows_sha256 TEXT NOT NULL,         -- the normalised rows: a second import of them is recognised
    rows        INTEGER NOT NULL,      -- data rows read
    created     INTEGER NOT NULL,      -- records created
    skipped     INTEGER NOT NULL,      -- rows already in the ledger
    imported_at TEXT NOT NULL,
    actor       TEXT NOT NULL
);
CREATE INDEX import_log_rows ON import_log(kind, rows_sha256);

-- The vouchers an import posted, with the source's own voucher number and the hash of the
-- source lines, so that the same voucher in a later, overlapping file is not posted twice.
CREATE TABLE import_vouchers (
    import_id    INTEGER NOT NULL REFERENCES import_log(id),
    voucher_id   INTEGER NOT NULL REFERENCES vouchers(id),
    group_sha256 TEXT NOT NULL,
    source_no    TEXT NOT NULL DEFAULT '',
    first_row    INTEGER NOT NULL,
    PRIMARY KEY (import_id, voucher_id)
) WITHOUT ROWID;
CREATE INDEX import_vouchers_group ON import_vouchers(group_sha256);
CREATE INDEX import_vouchers_voucher ON import_vouchers(voucher_id);

-- Lines of the bank statements of a book's account, as the bank printed them. amount_fen is
-- signed from the account's side: money in is positive, money out negative.
CREATE TABLE bank_lines (
    id           INTEGER PRIMARY KEY,
    import_id    INTEGER NOT NULL REFERENCES import_log(id),
    pos          INTEGER NOT NULL,     -- chronological position within its import
    source_row   INTEGER NOT NULL,     -- row of the source file
    book         TEXT NOT NULL CHECK (book IN ('fund', 'public', 'working')),
    date         TEXT NOT NULL,
    amount_fen   INTEGER NOT NULL CHECK (amount_fen <> 0),
    balance_fen  INTEGER,              -- NULL when the statement has no balance column
    counterparty TEXT NOT NULL DEFAULT '',
    reference    TEXT NOT NULL DEFAULT '',
    summary      TEXT NOT NULL DEFAULT '',
    UNIQUE (import_id, pos)
);
CREATE INDEX bank_lines_book_date ON bank_lines(book, date, amount_fen);
CREATE UNIQUE INDEX bank_lines_reference ON bank_lines(book, date, reference) WHERE reference <> '';

-- What an import wrote is never changed afterwards.
CREATE TRIGGER import_log_permanent_u BEFORE UPDATE ON import_log BEGIN SELECT RAISE(ABORT, 'imports are permanent'); END;
CREATE TRIGGER import_vouchers_permanent_u BEFORE UPDATE ON import_vouchers BEGIN SELECT RAISE(ABORT, 'imports are permanent'); END;
CREATE TRIGGER bank_lines_permanent_u BEFORE UPDATE ON bank_lines BEGIN SELECT RAISE(ABORT, 'imported bank lines are permanent'); END;

-- R2's required transfer is summed, for every public-income voucher posted, over the public
-- vouchers that carry a net income subject to it: few of all. Posting a historical book of
-- tens of thousands of vouchers scanned every public voucher each time without this index.
CREATE INDEX vouchers_r2 ON vouchers(book, date) WHERE r2_net_fen <> 0;
