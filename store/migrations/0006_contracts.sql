-- Jiayuan Ledger schema, version 6: the public-income contracts register (公共收益合同): who
-- pays for which common part, for how long, how much per period, who collects, and the
-- resolution that approved it (R8). Logged and chained as the master-data entity "contract".
-- Money is whole fen; dates 'YYYY-MM-DD'. Landed migrations are never edited.
CREATE TABLE contracts (
    id            INTEGER PRIMARY KEY,
    counterparty  TEXT NOT NULL,
    common_part   TEXT NOT NULL,            -- parking on common land, ad positions, base station, room
    building_id   INTEGER REFERENCES buildings(id), -- NULL: the whole community
    start_date    TEXT NOT NULL,
    end_date      TEXT NOT NULL,
    period        TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'year')),
    amount_fen    INTEGER NOT NULL CHECK (amount_fen > 0), -- per period
    collector     TEXT NOT NULL CHECK (collector IN ('property', 'committee')),
    account_code  TEXT NOT NULL,            -- the public book's income account it is booked on
    resolution_id INTEGER NOT NULL REFERENCES resolutions(id),
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contracts_end ON contracts(end_date);
