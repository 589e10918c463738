package store

import (
	"database/sql"
	"errors"
	"fmt"

	"jiayuan/store/ledger"
)

// ChainHead is the newest link of the hash chain: what exports print so that a copy of the
// history held outside the file can detect a later rewrite.
type ChainHead struct {
	Seq  int64  `db:"seq"`
	Hash string `db:"hash"`
}

// Short is "#seq hash12", the form printed on PDFs.
func (h ChainHead) Short() string { return fmt.Sprintf("#%d %s", h.Seq, ledger.ShortHash(h.Hash)) }

// queryer reads one row: a *sqlx.DB, a read's *sqlTx or a write's *Tx. Prefer Get (into a
// value, or a struct by its db tags) to QueryRow and Scan.
type queryer interface {
	Get(dest any, query string, args ...any) error
	QueryRow(query string, args ...any) *sql.Row
}

func chainHead(q queryer) (ChainHead, error) {
	var h ChainHead
	err := q.Get(&h, `SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1`)
	if errors.Is(err, sql.ErrNoRows) {
		return ChainHead{0, ledger.GenesisHash}, nil
	}
	return h, err
}

// ChainHead returns the current head of the chain.
func (s *Store) ChainHead() (ChainHead, error) { return chainHead(s.db) }

// nextSeq is the sequence number the next link will take.
func (t *Tx) nextSeq() (int64, error) {
	h, err := chainHead(t)
	return h.Seq + 1, err
}

// appendLink extends the chain by one link covering a record whose canonical digest is given.
// seq must be the value nextSeq returned in this transaction.
func (t *Tx) appendLink(seq int64, kind string, refID int64, digest string) error {
	head, err := chainHead(t)
	if err != nil {
		return err
	}
	if head.Seq+1 != seq {
		return fmt.Errorf("store: chain sequence %d, expected %d", seq, head.Seq+1)
	}
	hash := ledger.LinkHash(head.Hash, seq, kind, refID, digest)
	_, err = t.Exec(`INSERT INTO chain(seq, kind, ref_id, digest, hash) VALUES (?,?,?,?,?)`, seq, kind, refID, digest, hash)
	return err
}
