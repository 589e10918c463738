-- Jiayuan Ledger schema, version 4: replenishment in the statute's order (regulation art. 65),
-- garages accounted separately, and the emergency-use record. Only new tables, so the rows of
-- tables already logged keep their snapshots (verify compares them with the change log).

-- Fund settings beyond the community row: whether garages and other non-residential units
-- count in the fund ratio (default no: 单独核算). One row, logged as "fund_policy".
CREATE TABLE fund_policy (
    id                     INTEGER PRIMARY KEY CHECK (id = 1),
    include_nonresidential INTEGER NOT NULL DEFAULT 0
);

-- The terms that set a case's dues: the owners' decision, or the bank notice's default terms.
-- One row per case (replaced when a later decision replaces the dues), logged as
-- "replenishment_terms" under the case's id.
CREATE TABLE replenishment_terms (
    id              INTEGER PRIMARY KEY REFERENCES replenishment_cases(id), -- the case
    source          TEXT NOT NULL CHECK (source IN ('decision', 'notice')),
    resolution_id   INTEGER REFERENCES resolutions(id),
    basis           TEXT NOT NULL CHECK (basis IN ('share', 'per_m2', 'waive')),
    share           TEXT NOT NULL DEFAULT '',   -- decimal, for basis share
    per_m2_fen      INTEGER NOT NULL DEFAULT 0, -- for basis per_m2
    instalments     INTEGER NOT NULL DEFAULT 1,
    first_due       TEXT NOT NULL DEFAULT '',
    interval_months INTEGER NOT NULL DEFAULT 0,
    set_on          TEXT NOT NULL,
    closed_reason   TEXT NOT NULL DEFAULT ''    -- 'paid' or 'waived' once the case closes
);

-- Written demands to pay (催缴), per unit and date.
CREATE TABLE replenishment_demands (
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES replenishment_cases(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    date    TEXT NOT NULL,
    note    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX replenishment_demands_unit ON replenishment_demands(unit_id);

-- Changes of a unit's owner with their date: a due stays with the unit (the buyer tops up).
CREATE TABLE unit_owner_changes (
    id             INTEGER PRIMARY KEY,
    unit_id        INTEGER NOT NULL REFERENCES units(id),
    date           TEXT NOT NULL,
    from_owner_id  INTEGER REFERENCES owners(id),
    to_owner_id    INTEGER NOT NULL REFERENCES owners(id)
);
CREATE INDEX unit_owner_changes_unit ON unit_owner_changes(unit_id);

-- The emergency-use record of a project (应急使用): the committee's approval, the appraisal or
-- inspection certificate (an attachment) and the date the housing office was informed.
-- Logged as "project_emergency" under the project's id.
CREATE TABLE project_emergency (
    id             INTEGER PRIMARY KEY REFERENCES projects(id), -- the project
    approved_on    TEXT NOT NULL DEFAULT '',
    certificate_id INTEGER REFERENCES attachments(id),
    informed_on    TEXT NOT NULL DEFAULT ''
);
