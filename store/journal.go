package store

import (
	"jiayuan/store/ledger"
)

// JournalEntry is a posted voucher with its postings and sub-ledger lines, as exports need it.
type JournalEntry struct {
	ID       int64
	No       string
	Book     ledger.Book
	Date     string
	Summary  string
	Kind     string
	Postings []JournalPosting
	Units    []JournalUnitLine
}

// JournalPosting is one posting of a JournalEntry.
type JournalPosting struct {
	AccountCode, AccountName string
	Kind                     ledger.AccountKind
	Amount                   ledger.Money
	Memo                     string
}

// JournalUnitLine is one sub-ledger line of a JournalEntry.
type JournalUnitLine struct {
	UnitID   int64
	UnitName string // building code - room
	Amount   ledger.Money
}

// EachEntry calls fn for every posted voucher in date order (then id), streaming: memory stays
// flat however large the ledger. With units false the sub-ledger lines are left out.
func (s *Store) EachEntry(from, to string, units bool, fn func(*JournalEntry) error) error {
	if from == "" {
		from = "0000-00-00"
	}
	if to == "" {
		to = "9999-99-99"
	}
	return s.read(bg, func(tx *sqlTx) error {
		vrows, err := tx.Query(`SELECT v.id, v.book, v.year, v.number, v.date, v.summary, v.kind FROM vouchers v
			WHERE v.date BETWEEN ? AND ? ORDER BY v.date, v.id`, from, to)
		if err != nil {
			return err
		}
		defer vrows.Close()
		pstmt, err := tx.Prepare(`SELECT a.code, a.name_zh, a.kind, p.amount_fen, p.memo FROM postings p JOIN accounts a ON a.id = p.account_id
			WHERE p.voucher_id = ? ORDER BY p.line`)
		if err != nil {
			return err
		}
		defer pstmt.Close()
		ustmt, err := tx.Prepare(`SELECT e.unit_id, b.code || '-' || u.room, e.amount_fen FROM unit_entries e JOIN units u ON u.id = e.unit_id
			JOIN buildings b ON b.id = u.building_id WHERE e.voucher_id = ? ORDER BY e.id`)
		if err != nil {
			return err
		}
		defer ustmt.Close()
		var e JournalEntry
		for vrows.Next() {
			var book string
			var year, number int
			e = JournalEntry{Postings: e.Postings[:0], Units: e.Units[:0]}
			if err := vrows.Scan(&e.ID, &book, &year, &number, &e.Date, &e.Summary, &e.Kind); err != nil {
				return err
			}
			e.Book, e.No = ledger.Book(book), voucherNo(book, year, number)
			prows, err := pstmt.Query(e.ID)
			if err != nil {
				return err
			}
			for prows.Next() {
				var p JournalPosting
				var amt int64
				if err := prows.Scan(&p.AccountCode, &p.AccountName, &p.Kind, &amt, &p.Memo); err != nil {
					prows.Close()
					return err
				}
				p.Amount = ledger.Fen(amt)
				e.Postings = append(e.Postings, p)
			}
			prows.Close()
			if units {
				urows, err := ustmt.Query(e.ID)
				if err != nil {
					return err
				}
				for urows.Next() {
					var u JournalUnitLine
					var amt int64
					if err := urows.Scan(&u.UnitID, &u.UnitName, &amt); err != nil {
						urows.Close()
						return err
					}
					u.Amount = ledger.Fen(amt)
					e.Units = append(e.Units, u)
				}
				urows.Close()
			}
			if err := fn(&e); err != nil {
				return err
			}
		}
		return vrows.Err()
	})
}
