package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"strconv"
)

// digestRows feeds every row of a query, field by field, into h and counts the rows.
func digestRows(q rowQueryer, h hash.Hash, query string, args ...any) (int, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return 0, err
		}
		for _, v := range vals {
			s := fmt.Sprint(v)
			if b, ok := v.([]byte); ok {
				s = string(b)
			}
			writeField(h, s)
		}
		n++
	}
	return n, rows.Err()
}

// writeField writes a length-prefixed field, so that field boundaries cannot be shifted.
func writeField(h hash.Hash, s string) {
	h.Write([]byte(strconv.Itoa(len(s))))
	h.Write([]byte{':'})
	h.Write([]byte(s))
}

// rowsHasher hashes the normalised rows of an import.
type rowsHasher struct{ h hash.Hash }

func newRowsHasher(kind string) *rowsHasher {
	r := &rowsHasher{h: sha256.New()}
	writeField(r.h, "jiayuan-import-v1")
	writeField(r.h, kind)
	return r
}

func (r *rowsHasher) fields(fs ...string) {
	for _, f := range fs {
		writeField(r.h, f)
	}
	r.h.Write([]byte{'\n'})
}

func (r *rowsHasher) sum() string { return hex.EncodeToString(r.h.Sum(nil)) }
