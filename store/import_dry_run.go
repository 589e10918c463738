package store

import (
	"errors"
)

// errDryRun rolls back a dry run after every check has passed.
var errDryRun = errors.New("dry run")

// importWrite runs fn in one transaction like write; a dry run is rolled back at the end.
func (s *Store) importWrite(dry bool, fn func(*Tx) error) error {
	err := s.write(bg, func(t *Tx) error {
		if err := fn(t); err != nil {
			return err
		}
		if dry {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		return nil
	}
	return err
}
