-- Jiayuan Ledger schema, version 3: the resolutions register (决议) that authorises spending
-- (R8). Every register entry is a row of resolutions (whose kind 'use' means "not a
-- replenishment decision") with its terms here, one row per resolution, logged and chained as
-- the master-data entity "resolution_terms". A repair vote recorded on its project gets a row
-- here only when its publication is recorded. Money is whole fen; dates 'YYYY-MM-DD'. Landed
-- migrations are never edited: add a new numbered file instead.
CREATE TABLE resolution_terms (
    id              INTEGER PRIMARY KEY REFERENCES resolutions(id),
    purpose         TEXT NOT NULL CHECK (purpose IN ('general', 'allocation', 'other_use', 'budget', 'budget_raise',
                        'contract', 'delegation', 'repair_delegation', 'repair', 'replenish')),
    building_id     INTEGER REFERENCES buildings(id), -- an assembly vote of one building's owners
    text            TEXT NOT NULL DEFAULT '',
    published_on    TEXT NOT NULL DEFAULT '',         -- 公告, due within 3 days
    members_total   INTEGER NOT NULL DEFAULT 0,       -- committee: all members
    members_present INTEGER NOT NULL DEFAULT 0,
    members_for     INTEGER NOT NULL DEFAULT 0,
    members_against INTEGER NOT NULL DEFAULT 0,
    amount_fen      INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),   -- the most it authorises (0: not limited)
    per_case_fen    INTEGER NOT NULL DEFAULT 0 CHECK (per_case_fen >= 0), -- small repairs: per project
    year            INTEGER NOT NULL DEFAULT 0,       -- budget and budget raise: the year
    account_code    TEXT NOT NULL DEFAULT '',         -- budget raise: the working-expense account
    delegation_id   INTEGER REFERENCES resolutions(id) -- committee: the assembly's delegation it acts within
);
CREATE INDEX resolution_terms_delegation ON resolution_terms(delegation_id) WHERE delegation_id IS NOT NULL;
CREATE INDEX resolution_terms_purpose ON resolution_terms(purpose, year);
CREATE INDEX vouchers_resolution ON vouchers(resolution_id) WHERE resolution_id IS NOT NULL;
