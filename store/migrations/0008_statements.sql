-- Jiayuan Ledger schema, version 8: the property company's quarterly statements (季度收支报告)
-- and its hand-over when it leaves (issue 12 §2). Money is whole fen; dates 'YYYY-MM-DD'.
-- Landed migrations are never edited: add a new numbered file instead.

-- A contract's agreed management share: the most of its gross, in percent (decimal text, e.g.
-- '30' or '12.5'), that the property company may keep for its labour and management cost
-- (taxes are the state's and apart). A statement line keeping more is a variance to question.
-- NULL: no share on
-- record (rows made before this version, and contracts that state none); left out of the
-- change log's snapshots while NULL (store/changelog.go lateColumns).
ALTER TABLE contracts ADD COLUMN management_share TEXT;

-- One statement per quarter from the property company, recognised by one public-book voucher
-- (income against the receivable 1201). Logged and chained as the master-data entity
-- "statement", whose snapshot covers its lines.
CREATE TABLE statements (
    id          INTEGER PRIMARY KEY,
    quarter     TEXT NOT NULL,              -- '2026Q2'
    company     TEXT NOT NULL DEFAULT '',   -- the property company that sent it
    received_on TEXT NOT NULL,              -- the day it was received
    voucher_id  INTEGER NOT NULL UNIQUE REFERENCES vouchers(id),
    source_name TEXT NOT NULL DEFAULT '',   -- the file it was imported from, if any
    file_sha256 TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX statements_quarter ON statements(quarter);

CREATE TABLE statement_lines (
    id             INTEGER PRIMARY KEY,
    statement_id   INTEGER NOT NULL REFERENCES statements(id),
    line           INTEGER NOT NULL,
    contract_id    INTEGER REFERENCES contracts(id), -- NULL: a line with no contract (a variance)
    source         TEXT NOT NULL DEFAULT '',         -- what the statement calls the line
    account_code   TEXT NOT NULL,                    -- the public income account it is booked on
    gross_fen      INTEGER NOT NULL CHECK (gross_fen > 0),
    tax_fen        INTEGER NOT NULL DEFAULT 0 CHECK (tax_fen >= 0),
    labour_fen     INTEGER NOT NULL DEFAULT 0 CHECK (labour_fen >= 0),
    management_fen INTEGER NOT NULL DEFAULT 0 CHECK (management_fen >= 0),
    basis          TEXT NOT NULL DEFAULT '',         -- the basis of the deductions
    source_row     INTEGER NOT NULL DEFAULT 0,       -- the row of the imported file
    UNIQUE (statement_id, line)
);
CREATE INDEX statement_lines_contract ON statement_lines(contract_id) WHERE contract_id IS NOT NULL;

CREATE TRIGGER statements_permanent_u BEFORE UPDATE ON statements BEGIN SELECT RAISE(ABORT, 'statements are permanent'); END;
CREATE TRIGGER statements_permanent_d BEFORE DELETE ON statements BEGIN SELECT RAISE(ABORT, 'statements are permanent'); END;
CREATE TRIGGER statement_lines_permanent_u BEFORE UPDATE ON statement_lines BEGIN SELECT RAISE(ABORT, 'statements are permanent'); END;
CREATE TRIGGER statement_lines_permanent_d BEFORE DELETE ON statement_lines BEGIN SELECT RAISE(ABORT, 'statements are permanent'); END;

-- The property company leaving (its contract ended): the public-income balance it holds and
-- the records must be handed over within 10 days (regulation art. 50 → 62). Logged as
-- "property_handover"; handed_over_on is set once when the hand-over is recorded.
CREATE TABLE property_handovers (
    id             INTEGER PRIMARY KEY,
    company        TEXT NOT NULL,
    left_on        TEXT NOT NULL,
    handed_over_on TEXT NOT NULL DEFAULT '',
    balance_fen    INTEGER NOT NULL DEFAULT 0, -- the balance handed over (transferred), recorded with the hand-over
    records        TEXT NOT NULL DEFAULT '',   -- what records were handed over
    note           TEXT NOT NULL DEFAULT ''
);
