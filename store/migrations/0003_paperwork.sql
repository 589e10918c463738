-- Jiayuan Ledger schema, version 3: the paperwork a committee prints and signs — owners'
-- receipts (收款收据) and the hand-over between committee terms (换届移交). Money is whole fen in
-- INTEGER columns; dates are 'YYYY-MM-DD' text. Landed migrations are never edited.

-- One receipt per unit for every deposit posted to it (首期交存, 续筹交存), numbered in its own
-- consecutive series per year in the transaction that posts the voucher. The receipt is part
-- of its voucher's record in the hash chain, so a number can never be reused or changed.
CREATE TABLE receipts (
    id         INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL,
    number     INTEGER NOT NULL CHECK (number > 0),
    voucher_id INTEGER NOT NULL REFERENCES vouchers(id),
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    owner      TEXT NOT NULL,           -- the owner's name when the money came in
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    purpose    TEXT NOT NULL,           -- what it is for, e.g. 2026年续筹第2期
    issued_at  TEXT NOT NULL,           -- RFC 3339, the posting time
    UNIQUE (year, number),
    UNIQUE (voucher_id, unit_id)
);
CREATE INDEX receipts_unit ON receipts(unit_id);
CREATE TRIGGER receipts_permanent_u BEFORE UPDATE ON receipts BEGIN SELECT RAISE(ABORT, 'receipts are permanent'); END;
CREATE TRIGGER receipts_permanent_d BEFORE DELETE ON receipts BEGIN SELECT RAISE(ABORT, 'receipts are permanent'); END;

-- The hand-over from one committee to the next (master data, logged and chained): after it,
-- the change log says which committee made each record.
CREATE TABLE handovers (
    id       INTEGER PRIMARY KEY,
    date     TEXT NOT NULL UNIQUE,
    outgoing TEXT NOT NULL,             -- e.g. 第二届业主委员会
    incoming TEXT NOT NULL,
    note     TEXT NOT NULL DEFAULT ''
);
