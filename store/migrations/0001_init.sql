-- Jiayuan Ledger schema, version 1. Money is whole fen in INTEGER columns; areas are 0.01 m² in
-- INTEGER columns; dates are 'YYYY-MM-DD' text; timestamps RFC 3339 UTC text. Landed migrations
-- are never edited: add a new numbered file instead.

CREATE TABLE community (
    id                        INTEGER PRIMARY KEY CHECK (id = 1),
    name                      TEXT NOT NULL,
    address                   TEXT NOT NULL DEFAULT '',
    district                  TEXT NOT NULL DEFAULT '',
    assembly_code             TEXT NOT NULL DEFAULT '',
    fund_bank                 TEXT NOT NULL DEFAULT '',
    fund_account              TEXT NOT NULL DEFAULT '',
    term_start                TEXT NOT NULL DEFAULT '',
    term_end                  TEXT NOT NULL DEFAULT '',
    start_date                TEXT NOT NULL,
    replenish_threshold       TEXT NOT NULL,
    replenish_target          TEXT NOT NULL,
    decision_days             INTEGER NOT NULL,
    payment_days              INTEGER NOT NULL,
    trigger_level             TEXT NOT NULL,
    transfer_threshold        TEXT NOT NULL,
    transfer_share            TEXT NOT NULL,
    transfer_strict           INTEGER NOT NULL,
    fund_disclosure_months    INTEGER NOT NULL,
    public_disclosure_months  INTEGER NOT NULL,
    working_disclosure_months INTEGER NOT NULL,
    disclosure_grace_days     INTEGER NOT NULL
);

CREATE TABLE buildings (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    has_lift INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE owners (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT ''
);

CREATE TABLE units (
    id           INTEGER PRIMARY KEY,
    building_id  INTEGER NOT NULL REFERENCES buildings(id),
    room         TEXT NOT NULL,
    area_cm2     INTEGER NOT NULL CHECK (area_cm2 > 0),
    housing_type TEXT NOT NULL CHECK (housing_type IN ('commodity', 'public_sold', 'non_residential', 'garage')),
    initial_fen  INTEGER NOT NULL CHECK (initial_fen >= 0),
    owner_id     INTEGER REFERENCES owners(id),
    UNIQUE (building_id, room)
);
CREATE INDEX units_owner ON units(owner_id);

CREATE TABLE accounts (
    id          INTEGER PRIMARY KEY,
    book        TEXT NOT NULL CHECK (book IN ('fund', 'public', 'working')),
    code        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    per_unit    INTEGER NOT NULL DEFAULT 0,
    counterpart TEXT NOT NULL DEFAULT '',
    UNIQUE (book, code)
);

CREATE TABLE resolutions (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    body           TEXT NOT NULL,           -- assembly, partial (owners of the parts concerned)
    kind           TEXT NOT NULL CHECK (kind IN ('use', 'replenish')),
    project_id     INTEGER REFERENCES projects(id),
    date           TEXT NOT NULL,
    scope_area_cm2 INTEGER NOT NULL,
    scope_owners   INTEGER NOT NULL,
    part_area_cm2  INTEGER NOT NULL,
    part_owners    INTEGER NOT NULL,
    agree_area_cm2 INTEGER NOT NULL,
    agree_owners   INTEGER NOT NULL,
    passed         INTEGER NOT NULL,
    note           TEXT NOT NULL DEFAULT ''
);

CREATE TABLE projects (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    reason            TEXT NOT NULL DEFAULT '',
    scope_kind        TEXT NOT NULL CHECK (scope_kind IN ('community', 'buildings', 'units')),
    emergency_trigger TEXT NOT NULL DEFAULT '',
    budget_fen        INTEGER NOT NULL DEFAULT 0,
    contractor        TEXT NOT NULL DEFAULT '',
    selection_method  TEXT NOT NULL DEFAULT '',
    contract_no       TEXT NOT NULL DEFAULT '',
    cost_audit_fen    INTEGER NOT NULL DEFAULT 0,
    accepted_on       TEXT NOT NULL DEFAULT '',
    created_on        TEXT NOT NULL
);

CREATE TABLE project_units (
    project_id INTEGER NOT NULL REFERENCES projects(id),
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    PRIMARY KEY (project_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX project_units_unit ON project_units(unit_id);

CREATE TABLE replenishment_cases (
    id                INTEGER PRIMARY KEY,
    level             TEXT NOT NULL,
    building_id       INTEGER REFERENCES buildings(id),
    trigger_date      TEXT NOT NULL,
    balance_fen       INTEGER NOT NULL,
    initial_fen       INTEGER NOT NULL,
    decision_deadline TEXT NOT NULL,
    notice_date       TEXT NOT NULL DEFAULT '',
    payment_deadline  TEXT NOT NULL DEFAULT '',
    resolution_id     INTEGER REFERENCES resolutions(id),
    status            TEXT NOT NULL CHECK (status IN ('open', 'noticed', 'closed')),
    closed_on         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE replenishment_dues (
    case_id INTEGER NOT NULL REFERENCES replenishment_cases(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    due_fen INTEGER NOT NULL,
    PRIMARY KEY (case_id, unit_id)
) WITHOUT ROWID;

CREATE TABLE vouchers (
    id                INTEGER PRIMARY KEY,
    book              TEXT NOT NULL,
    year              INTEGER NOT NULL,
    number            INTEGER NOT NULL,
    date              TEXT NOT NULL,
    summary           TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('normal', 'opening', 'transfer', 'reversal')),
    reverses_id       INTEGER REFERENCES vouchers(id),
    transfer_group    INTEGER,
    project_id        INTEGER REFERENCES projects(id),
    resolution_id     INTEGER REFERENCES resolutions(id),
    emergency_trigger TEXT NOT NULL DEFAULT '',
    case_id           INTEGER REFERENCES replenishment_cases(id),
    r2_net_fen        INTEGER NOT NULL DEFAULT 0,
    created_by        TEXT NOT NULL,
    posted_at         TEXT NOT NULL,
    chain_seq         INTEGER NOT NULL UNIQUE,
    UNIQUE (book, year, number)
);
CREATE UNIQUE INDEX vouchers_reverses ON vouchers(reverses_id) WHERE reverses_id IS NOT NULL;
CREATE INDEX vouchers_book_date ON vouchers(book, date);
CREATE INDEX vouchers_project ON vouchers(project_id) WHERE project_id IS NOT NULL;
CREATE INDEX vouchers_case ON vouchers(case_id) WHERE case_id IS NOT NULL;

CREATE TABLE postings (
    id         INTEGER PRIMARY KEY,
    voucher_id INTEGER NOT NULL REFERENCES vouchers(id),
    line       INTEGER NOT NULL,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
    memo       TEXT NOT NULL DEFAULT '',
    date       TEXT NOT NULL, -- the voucher's, kept here so balances as of a date need no join
    UNIQUE (voucher_id, line)
);
CREATE INDEX postings_account_date ON postings(account_id, date, amount_fen);

-- The fund's per-unit sub-ledger (分户账): how each fund posting is split over the units.
-- Positive amounts add to a unit's balance (deposits, interest), negative ones take from it.
CREATE TABLE unit_entries (
    id         INTEGER PRIMARY KEY,
    voucher_id INTEGER NOT NULL REFERENCES vouchers(id),
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    amount_fen INTEGER NOT NULL,
    date       TEXT NOT NULL
);
CREATE INDEX unit_entries_unit_date ON unit_entries(unit_id, date, amount_fen);
CREATE INDEX unit_entries_voucher ON unit_entries(voucher_id);

-- Running balances kept by triggers in the same transaction as the postings, so the dashboard
-- never has to sum a million rows. verify checks them against the postings.
CREATE TABLE account_balances (
    account_id  INTEGER PRIMARY KEY REFERENCES accounts(id),
    balance_fen INTEGER NOT NULL
);
CREATE TABLE unit_balances (
    unit_id     INTEGER PRIMARY KEY REFERENCES units(id),
    balance_fen INTEGER NOT NULL
);
CREATE TRIGGER postings_balance AFTER INSERT ON postings BEGIN
    INSERT INTO account_balances(account_id, balance_fen) VALUES (NEW.account_id, NEW.amount_fen)
    ON CONFLICT(account_id) DO UPDATE SET balance_fen = balance_fen + NEW.amount_fen;
END;
CREATE TRIGGER unit_entries_balance AFTER INSERT ON unit_entries BEGIN
    INSERT INTO unit_balances(unit_id, balance_fen) VALUES (NEW.unit_id, NEW.amount_fen)
    ON CONFLICT(unit_id) DO UPDATE SET balance_fen = balance_fen + NEW.amount_fen;
END;

CREATE TABLE attachments (
    id       INTEGER PRIMARY KEY,
    sha256   TEXT NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    mime     TEXT NOT NULL,
    size     INTEGER NOT NULL,
    data     BLOB NOT NULL,
    added_at TEXT NOT NULL
);
CREATE TABLE voucher_attachments (
    voucher_id    INTEGER NOT NULL REFERENCES vouchers(id),
    attachment_id INTEGER NOT NULL REFERENCES attachments(id),
    PRIMARY KEY (voucher_id, attachment_id)
) WITHOUT ROWID;
CREATE TABLE record_attachments (
    entity        TEXT NOT NULL,
    entity_id     INTEGER NOT NULL,
    attachment_id INTEGER NOT NULL REFERENCES attachments(id),
    PRIMARY KEY (entity, entity_id, attachment_id)
) WITHOUT ROWID;

CREATE TABLE closed_periods (
    id          INTEGER PRIMARY KEY,
    book        TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to   TEXT NOT NULL,
    closed_on   TEXT NOT NULL,
    UNIQUE (book, period_from, period_to)
);

CREATE TABLE budgets (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL,
    account_code TEXT NOT NULL,
    amount_fen   INTEGER NOT NULL CHECK (amount_fen >= 0),
    UNIQUE (year, account_code)
);

CREATE TABLE audits (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL,
    books       TEXT NOT NULL, -- comma-separated books covered
    firm        TEXT NOT NULL,
    engaged_on  TEXT NOT NULL DEFAULT '',
    report_on   TEXT NOT NULL DEFAULT '',
    opinion     TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
);
CREATE TABLE audit_findings (
    id          INTEGER PRIMARY KEY,
    audit_id    INTEGER NOT NULL REFERENCES audits(id),
    finding     TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('open', 'rectified')),
    rectified_on TEXT NOT NULL DEFAULT ''
);

CREATE TABLE disclosures (
    id           INTEGER PRIMARY KEY,
    book         TEXT NOT NULL,
    period_from  TEXT NOT NULL,
    period_to    TEXT NOT NULL,
    published_on TEXT NOT NULL,
    place        TEXT NOT NULL DEFAULT ''
);

-- Every change to master data: who, when, before and after (JSON of the row).
CREATE TABLE change_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    before    TEXT NOT NULL DEFAULT '',
    after     TEXT NOT NULL DEFAULT '',
    chain_seq INTEGER NOT NULL UNIQUE
);
CREATE INDEX change_log_entity ON change_log(entity, entity_id);

-- The hash chain (R6): one link per posted voucher and per change-log entry, gapless.
CREATE TABLE chain (
    seq    INTEGER PRIMARY KEY,
    kind   TEXT NOT NULL CHECK (kind IN ('voucher', 'change')),
    ref_id INTEGER NOT NULL,
    digest TEXT NOT NULL,
    hash   TEXT NOT NULL,
    UNIQUE (kind, ref_id)
);

-- Posted records are permanent (R5): the file itself refuses to change them.
CREATE TRIGGER vouchers_permanent_u BEFORE UPDATE ON vouchers BEGIN SELECT RAISE(ABORT, 'posted vouchers are permanent'); END;
CREATE TRIGGER vouchers_permanent_d BEFORE DELETE ON vouchers BEGIN SELECT RAISE(ABORT, 'posted vouchers are permanent'); END;
CREATE TRIGGER postings_permanent_u BEFORE UPDATE ON postings BEGIN SELECT RAISE(ABORT, 'posted vouchers are permanent'); END;
CREATE TRIGGER postings_permanent_d BEFORE DELETE ON postings BEGIN SELECT RAISE(ABORT, 'posted vouchers are permanent'); END;
CREATE TRIGGER unit_entries_permanent_u BEFORE UPDATE ON unit_entries BEGIN SELECT RAISE(ABORT, 'posted vouchers are permanent'); END;
CREATE TRIGGER unit_entries_permanent_d BEFORE DELETE ON unit_entries BEGIN SELECT RAISE(ABORT, 'posted vouchers are permanent'); END;
CREATE TRIGGER voucher_attachments_permanent_d BEFORE DELETE ON voucher_attachments BEGIN SELECT RAISE(ABORT, 'posted vouchers are permanent'); END;
CREATE TRIGGER chain_permanent_u BEFORE UPDATE ON chain BEGIN SELECT RAISE(ABORT, 'the chain is append-only'); END;
CREATE TRIGGER chain_permanent_d BEFORE DELETE ON chain BEGIN SELECT RAISE(ABORT, 'the chain is append-only'); END;
CREATE TRIGGER change_log_permanent_u BEFORE UPDATE ON change_log BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER change_log_permanent_d BEFORE DELETE ON change_log BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
