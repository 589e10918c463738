package store

import (
	"jiayuan/store/ledger"

	"github.com/jmoiron/sqlx"
)

// RechainForTest rewrites the whole hash chain of a closed ledger file from its records, as
// someone with the app's own code could after editing a record: every voucher's digest and
// every link's hash recomputed, so that a plain verify passes. Only a chain head printed
// before the rewrite can tell.
func RechainForTest(path string) error {
	db, err := sqlx.Open("sqlite", dsn(path, connWrite))
	if err != nil {
		return err
	}
	defer db.Close()
	tx, err := db.Beginx()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`DROP TRIGGER chain_permanent_u`); err != nil {
		return err
	}
	type link struct {
		seq, ref     int64
		kind, digest string
	}
	rows, err := tx.Query(`SELECT seq, kind, ref_id, digest FROM chain ORDER BY seq`)
	if err != nil {
		return err
	}
	var links []link
	for rows.Next() {
		var l link
		rows.Scan(&l.seq, &l.kind, &l.ref, &l.digest)
		links = append(links, l)
	}
	rows.Close()
	prev := ledger.GenesisHash
	for _, l := range links {
		if l.kind == "voucher" {
			if l.digest, err = voucherDigest(tx, l.ref); err != nil {
				return err
			}
		}
		hash := ledger.LinkHash(prev, l.seq, l.kind, l.ref, l.digest)
		if _, err := tx.Exec(`UPDATE chain SET digest = ?, hash = ? WHERE seq = ?`, l.digest, hash, l.seq); err != nil {
			return err
		}
		prev = hash
	}
	if _, err := tx.Exec(`CREATE TRIGGER chain_permanent_u BEFORE UPDATE ON chain BEGIN SELECT RAISE(ABORT, 'the chain is append-only'); END`); err != nil {
		return err
	}
	return tx.Commit()
}
