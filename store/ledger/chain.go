package ledger

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// GenesisHash is the "previous hash" of the first link of a ledger's chain.
const GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000"

// Canon builds the canonical byte form of a record for the hash chain (R6): named fields in a
// fixed order, each length-prefixed so that no two different records share a form.
type Canon struct{ b []byte }

// Str appends a text field.
func (c *Canon) Str(name, v string) *Canon {
	c.b = appendField(c.b, name, v)
	return c
}

// Int appends an integer field: Str(name, its decimal digits).
func (c *Canon) Int(name string, v int64) *Canon {
	var digits [20]byte // without a string per number
	c.b = appendField(c.b, name, strconv.AppendInt(digits[:0], v, 10))
	return c
}

// appendField appends "name=len:value\n".
func appendField[T string | []byte](b []byte, name string, v T) []byte {
	b = append(b, name...)
	b = append(b, '=')
	b = strconv.AppendInt(b, int64(len(v)), 10)
	b = append(b, ':')
	b = append(b, v...)
	return append(b, '\n')
}

// Bytes returns the canonical form.
func (c *Canon) Bytes() []byte { return c.b }

// Reset empties the builder for reuse.
func (c *Canon) Reset() { c.b = c.b[:0] }

// Digest is the hex SHA-256 of the canonical form.
func (c *Canon) Digest() string {
	s := sha256.Sum256(c.b)
	return hex.EncodeToString(s[:])
}

// LinkHash is the hash of one link of the chain: it binds the previous link's hash, the
// link's gapless sequence number, what kind of record it covers, the record's id, and the
// digest of the record's canonical form. Changing any record, or removing, inserting or
// reordering links, changes every hash after it.
func LinkHash(prev string, seq int64, kind string, refID int64, digest string) string {
	var c Canon
	c.Str("prev", prev).Int("seq", seq).Str("kind", kind).Int("ref", refID).Str("digest", digest)
	s := sha256.Sum256(c.b)
	return hex.EncodeToString(s[:])
}

// ShortHash is the first 12 hex digits of a hash, as printed on exports.
func ShortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}
