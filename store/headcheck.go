package store

import (
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"jiayuan/store/ledger"
)

// What a printed chain head says about the ledger it came from.
const (
	HeadHolds     = "holds"     // the printed link is in the chain; records may have been added after it
	HeadRewritten = "rewritten" // the chain has a record at that position, with another hash
	HeadShorter   = "shorter"   // the chain ends before that position: records were removed
)

// HeadCheck is the outcome of checking a printed chain head against the ledger.
type HeadCheck struct {
	Status string
	Seq    int64  // the printed sequence number
	Prefix string // the printed hash (prefix), lower case
	Hash   string // the full hash of the link at Seq, when it holds
	Links  int64  // links in the chain now
	Added  int64  // records added after the printed one (Links - Seq), when it holds
	// After lists the records added after the printed one, oldest first, up to the limit given.
	After []ChainRecord
}

// ChainRecord is one record of the chain as people know it: a voucher, or a change to the
// books' master data.
type ChainRecord struct {
	Seq    int64
	Kind   string // voucher, change
	Date   string // the voucher's date, or the day of the change (Shanghai)
	What   string // "维修资金-2026-0012 收到续筹款", or "unit #12 update"
	Entity string // change: the entity; voucher: its book
	Action string // change: create, update, delete; voucher: its kind
}

// CheckHead checks a chain head printed on a PDF ("#1024 a287203653d0", see
// ledger.ParsePrintedHead) against this ledger's chain. It holds when the link at that
// sequence has a hash starting with the printed digits: every record up to that printout is
// then unchanged as far as the chain goes (Verify checks the records against their links). It
// lists at most limit records added since (limit ≤ 0: none, only their count).
func (s *Store) CheckHead(printed string, limit int) (HeadCheck, error) {
	seq, prefix, err := ledger.ParsePrintedHead(printed)
	if err != nil {
		return HeadCheck{}, err
	}
	hc := HeadCheck{Seq: seq, Prefix: prefix}
	err = s.read(bg, func(tx *sqlTx) error {
		head, err := chainHead(tx)
		if err != nil {
			return err
		}
		hc.Links = head.Seq
		var hash string
		err = tx.Get(&hash, `SELECT hash FROM chain WHERE seq = ?`, seq)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			hc.Status = HeadShorter
			if seq <= head.Seq { // a gap in the chain: the printed link was cut out of it
				hc.Status = HeadRewritten
			}
			return nil
		case err != nil:
			return err
		case !strings.HasPrefix(hash, prefix):
			hc.Status = HeadRewritten
			return nil
		}
		hc.Status, hc.Hash, hc.Added = HeadHolds, hash, head.Seq-seq
		if limit > 0 {
			hc.After, err = chainRecords(tx, seq, limit)
		}
		return err
	})
	return hc, err
}

// chainRecords lists up to limit records of the chain after seq, oldest first.
func chainRecords(tx *sqlTx, after int64, limit int) ([]ChainRecord, error) {
	rows, err := tx.Query(`SELECT c.seq, c.kind, COALESCE(v.book, ''), COALESCE(v.year, 0), COALESCE(v.number, 0), COALESCE(v.date, ''),
		COALESCE(v.summary, ''), COALESCE(v.kind, ''), COALESCE(l.entity, ''), COALESCE(l.entity_id, 0), COALESCE(l.action, ''), COALESCE(l.at, '')
		FROM chain c LEFT JOIN vouchers v ON c.kind = 'voucher' AND v.id = c.ref_id LEFT JOIN change_log l ON c.kind = 'change' AND l.id = c.ref_id
		WHERE c.seq > ? ORDER BY c.seq LIMIT ?`, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ChainRecord
	for rows.Next() {
		var r ChainRecord
		var book, date, summary, vkind, entity, action, at string
		var year, number int
		var entityID int64
		if err := rows.Scan(&r.Seq, &r.Kind, &book, &year, &number, &date, &summary, &vkind, &entity, &entityID, &action, &at); err != nil {
			return nil, err
		}
		if r.Kind == "voucher" {
			r.Date, r.Entity, r.Action = date, book, vkind
			r.What = strings.TrimSpace(voucherNo(book, year, number) + " " + summary)
		} else {
			r.Date, r.Entity, r.Action = shanghaiDay(at), entity, action
			r.What = entity + " #" + strconv.FormatInt(entityID, 10) + " " + action
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// shanghaiDay is the day (YYYY-MM-DD, Shanghai time) of an RFC 3339 timestamp.
func shanghaiDay(at string) string {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		if len(at) >= 10 {
			return at[:10]
		}
		return at
	}
	return t.In(shanghaiZone).Format(ledger.DateLayout)
}

// shanghaiZone is fixed rather than loaded from tzdata, which Windows machines may lack.
var shanghaiZone = time.FixedZone("CST", 8*3600)
