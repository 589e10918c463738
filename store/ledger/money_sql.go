package ledger

import (
	"database/sql/driver"
	"fmt"
)

// Scan reads Money from a column of whole fen, so that rows scan straight into domain types
// (it makes *Money a database/sql Scanner). Only an INTEGER is money: a REAL would be a float
// that was rounded somewhere, a text a yuan amount written by another program, and NULL no
// amount at all — each is an error, never a guess (a nullable column scans into
// sql.Null[Money]).
func (m *Money) Scan(src any) error {
	switch v := src.(type) {
	case int64:
		m.fen = v
		return nil
	case nil:
		return fmt.Errorf("ledger: money column is NULL, want whole fen (INTEGER)")
	default:
		return fmt.Errorf("ledger: money column holds %T %v, want whole fen (INTEGER)", src, src)
	}
}

// Value writes Money as whole fen (it makes Money a database/sql/driver Valuer).
func (m Money) Value() (driver.Value, error) { return m.fen, nil }
