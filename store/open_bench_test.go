package store

import (
	"database/sql"
	"os"
	"testing"
)

// Where the time of an open and of Verify goes, on the large ledger ($JIAYUAN_BENCH_LEDGER;
// skipped without it):
//
//	JIAYUAN_BENCH_LEDGER=/tmp/jiayuan-bench-5000x20.jiayuan go test ./store/ -run '^$' -bench OpenParts -benchtime 3x
func BenchmarkOpenParts(b *testing.B) {
	p := os.Getenv("JIAYUAN_BENCH_LEDGER")
	if p == "" {
		b.Skip("JIAYUAN_BENCH_LEDGER not set")
	}
	s, err := openWith(p, connRead)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.Run("quick_check", func(b *testing.B) {
		for range b.N {
			var qc string
			if err := s.db.QueryRow(`PRAGMA quick_check(1)`).Scan(&qc); err != nil || qc != "ok" {
				b.Fatal(err, qc)
			}
		}
	})
	b.Run("chainHeadCheck", func(b *testing.B) {
		for range b.N {
			tx, err := s.db.BeginTxx(bg, &sql.TxOptions{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			p, err := chainHeadCheck(tx)
			tx.Rollback()
			if p != nil || err != nil {
				b.Fatal(p, err)
			}
		}
	})
	b.Run("Open", func(b *testing.B) { // quick_check and the chain check
		for range b.N {
			s, err := Open(p, Options{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
	b.Run("OpenChecked/marked", func(b *testing.B) {
		dir := b.TempDir()
		first, err := OpenChecked(p, Options{ReadOnly: true}, dir)
		if err != nil {
			b.Fatal(err)
		}
		first.Close()
		b.ResetTimer()
		for range b.N {
			s, err := OpenChecked(p, Options{ReadOnly: true}, dir)
			if err != nil || s.CheckedStructure() {
				b.Fatal(err, "structure checked again")
			}
			s.Close()
		}
	})
	b.Run("integrity_check", func(b *testing.B) {
		for range b.N {
			if p := s.integrityCheck(); p != nil {
				b.Fatal(p)
			}
		}
	})
	b.Run("verifyTx", func(b *testing.B) { // the chain walk and the other checks of Verify
		for range b.N {
			var res VerifyResult
			err := s.read(bg, func(tx *sqlTx) error {
				p, err := verifyTx(tx, &res)
				if p != nil {
					b.Fatal(p)
				}
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Verify", func(b *testing.B) { // both, side by side
		for range b.N {
			if res, err := s.Verify(); err != nil || !res.OK {
				b.Fatal(err, res.Problem)
			}
		}
	})
}
