package store

import (
	"sort"

	"jiayuan/store/ledger"
)

// BuildingIncome is R2 for one scope of public income, all quarters up to a date: the
// community's own (BuildingID 0) or one building's owners' (ads in that building's lifts),
// whose transfer to the fund is split among that building's units only (issue 11).
type BuildingIncome struct {
	BuildingID int64
	Code, Name string // empty for the community
	Net        ledger.Money
	Required   ledger.Money
	Settled    ledger.Money
	Short      ledger.Money
	Overdue    bool // some quarter's transfer is short after its due date
}

// PublicIncomeByBuilding settles R2 per scope as of date (the same settlement the write
// transaction enforces), the community first, then buildings in code order. Only scopes with
// income appear.
func (s *Store) PublicIncomeByBuilding(date string) ([]BuildingIncome, error) {
	var out []BuildingIncome
	err := s.read(bg, func(tx *sqlTx) error {
		c, err := readCommunity(tx)
		if err != nil {
			return err
		}
		qs, err := settleTransfers(tx, c.Policy, date)
		if err != nil {
			return err
		}
		var names []struct {
			ID   int64  `db:"id"`
			Code string `db:"code"`
			Name string `db:"name"`
		}
		if err := tx.Select(&names, `SELECT id, code, name FROM buildings`); err != nil {
			return err
		}
		byID := map[int64]*BuildingIncome{}
		for _, q := range qs {
			b := byID[q.Building]
			if b == nil {
				b = &BuildingIncome{BuildingID: q.Building}
				byID[q.Building] = b
			}
			b.Net, b.Required = b.Net.Add(q.Net), b.Required.Add(q.Required)
			b.Settled, b.Short = b.Settled.Add(q.Settled), b.Short.Add(q.Short)
			b.Overdue = b.Overdue || q.Overdue
		}
		for _, n := range names {
			if b := byID[n.ID]; b != nil {
				b.Code, b.Name = n.Code, n.Name
			}
		}
		for _, b := range byID {
			out = append(out, *b)
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool {
		if (out[i].BuildingID == 0) != (out[j].BuildingID == 0) {
			return out[i].BuildingID == 0
		}
		return out[i].Code < out[j].Code
	})
	return out, err
}
