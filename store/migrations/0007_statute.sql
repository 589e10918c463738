-- Jiayuan Ledger schema, version 7: Shanghai's statute for public income (R2) and the settings
-- issue 11 adds. Landed migrations are never edited: add a new numbered file instead.
--
-- New columns are NULL in rows written before this version, and the change log's snapshots
-- leave NULL columns added here out (store/changelog.go lateColumns), so the chained history of
-- an existing ledger still verifies. NULL reads as what the ledger did before:

-- R2: when public income owes the fund a share. 'always' is the statute (every quarter);
-- 'below_threshold' the national policy list's rule. NULL: a ledger made before the statute
-- became the default keeps the rule it was made with (below_threshold).
ALTER TABLE community ADD COLUMN transfer_mode TEXT CHECK (transfer_mode IN ('always', 'below_threshold'));
-- R2: days after a quarter's end before its transfer is overdue. NULL: 30.
ALTER TABLE community ADD COLUMN transfer_grace_days INTEGER CHECK (transfer_grace_days BETWEEN 0 AND 366);
-- R7: the day the owners' assembly account was opened; audit periods count from it. NULL: the
-- ledger's start date.
ALTER TABLE community ADD COLUMN assembly_opened TEXT;

-- Public income that belongs to one building's owners (ads in that building's lifts) and its
-- transfer to the fund, which is split among that building's units only. NULL: the whole
-- community.
ALTER TABLE vouchers ADD COLUMN building_id INTEGER REFERENCES buildings(id);
