package store

import (
	"strings"
	"unicode/utf8"

	"jiayuan/store/ledger"

	"github.com/shopspring/decimal"
)

// Community is the 物业管理区域 whose books the ledger keeps, with its rule settings.
type Community struct {
	Name         string        `db:"name"`
	Address      string        `db:"address"`
	District     string        `db:"district"`      // district / street
	AssemblyCode string        `db:"assembly_code"` // owners' assembly code (业主大会代码)
	FundBank     string        `db:"fund_bank"`
	FundAccount  string        `db:"fund_account"`
	TermStart    string        `db:"term_start"` // committee term
	TermEnd      string        `db:"term_end"`
	StartDate    string        `db:"start_date"` // first day of the books
	Policy       ledger.Policy `db:"-"`          // read from the settings columns by readCommunity
}

func (c Community) validate() error {
	if strings.TrimSpace(c.Name) == "" {
		return ledger.Refuse("community.name_empty")
	}
	if utf8.RuneCountInString(c.Name) > 100 {
		return ledger.Refuse("community.name_too_long")
	}
	if _, err := ledger.ParseDate(c.StartDate); err != nil {
		return err
	}
	for _, d := range []string{c.TermStart, c.TermEnd} {
		if d != "" {
			if _, err := ledger.ParseDate(d); err != nil {
				return err
			}
		}
	}
	return c.Policy.Validate()
}

func (t *Tx) insertCommunity(c Community) error {
	_, err := t.insertLogged("community", `INSERT INTO community(id, name, address, district, assembly_code, fund_bank, fund_account,
		term_start, term_end, start_date, replenish_threshold, replenish_target, decision_days, payment_days, trigger_level,
		transfer_threshold, transfer_share, transfer_strict, fund_disclosure_months, public_disclosure_months,
		working_disclosure_months, disclosure_grace_days) VALUES (1,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		communityArgs(c)...)
	if err != nil {
		return err
	}
	return t.writeIncludeNonResidential(c.Policy.IncludeNonResidential)
}

func communityArgs(c Community) []any {
	p := c.Policy
	return []any{strings.TrimSpace(c.Name), c.Address, c.District, c.AssemblyCode, c.FundBank, c.FundAccount,
		c.TermStart, c.TermEnd, c.StartDate, p.ReplenishThreshold.String(), p.ReplenishTarget.String(),
		p.DecisionDays, p.PaymentDays, p.TriggerLevel, p.TransferThreshold.String(), p.TransferShare.String(),
		p.TransferStrict, p.FundDisclosureMonths, p.PublicDisclosureMonths, p.WorkingDisclosureMonths, p.DisclosureGraceDays}
}

// Community reads the community and its settings.
func (s *Store) Community() (Community, error) { return readCommunity(s.db) }

func readCommunity(q querier) (Community, error) {
	// the settings columns; the decimals are stored as text and parsed below
	var row struct {
		Community
		RT              string `db:"replenish_threshold"`
		RTG             string `db:"replenish_target"`
		DecisionDays    int    `db:"decision_days"`
		PaymentDays     int    `db:"payment_days"`
		TriggerLevel    string `db:"trigger_level"`
		TT              string `db:"transfer_threshold"`
		TS              string `db:"transfer_share"`
		TransferStrict  bool   `db:"transfer_strict"`
		FundMonths      int    `db:"fund_disclosure_months"`
		PublicMonths    int    `db:"public_disclosure_months"`
		WorkingMonths   int    `db:"working_disclosure_months"`
		DisclosureGrace int    `db:"disclosure_grace_days"`
	}
	err := q.Get(&row, `SELECT name, address, district, assembly_code, fund_bank, fund_account, term_start, term_end, start_date,
		replenish_threshold, replenish_target, decision_days, payment_days, trigger_level, transfer_threshold, transfer_share,
		transfer_strict, fund_disclosure_months, public_disclosure_months, working_disclosure_months, disclosure_grace_days
		FROM community WHERE id = 1`)
	c := row.Community
	if err != nil {
		return c, err
	}
	p := &c.Policy
	p.DecisionDays, p.PaymentDays, p.TriggerLevel, p.TransferStrict = row.DecisionDays, row.PaymentDays, row.TriggerLevel, row.TransferStrict
	p.FundDisclosureMonths, p.PublicDisclosureMonths, p.WorkingDisclosureMonths = row.FundMonths, row.PublicMonths, row.WorkingMonths
	p.DisclosureGraceDays = row.DisclosureGrace
	for dst, src := range map[*decimal.Decimal]string{&p.ReplenishThreshold: row.RT, &p.ReplenishTarget: row.RTG, &p.TransferThreshold: row.TT, &p.TransferShare: row.TS} {
		if *dst, err = decimal.NewFromString(src); err != nil {
			return c, err
		}
	}
	p.IncludeNonResidential, err = readIncludeNonResidential(q)
	return c, err
}

// UpdateCommunity changes the community's details and settings; the change is logged.
func (s *Store) UpdateCommunity(c Community) error {
	if err := c.validate(); err != nil {
		return err
	}
	return s.write(bg, func(t *Tx) error {
		old, err := readCommunity(t)
		if err != nil {
			return err
		}
		if old.StartDate != c.StartDate {
			var n int
			if err := t.Get(&n, `SELECT count(*) FROM vouchers`); err != nil {
				return err
			}
			if n > 0 {
				return ledger.Refuse("community.start_date_fixed")
			}
		}
		if err := t.writeIncludeNonResidential(c.Policy.IncludeNonResidential); err != nil {
			return err
		}
		return t.change("community", 1, func() error {
			_, err := t.Exec(`UPDATE community SET name=?, address=?, district=?, assembly_code=?, fund_bank=?, fund_account=?,
				term_start=?, term_end=?, start_date=?, replenish_threshold=?, replenish_target=?, decision_days=?, payment_days=?,
				trigger_level=?, transfer_threshold=?, transfer_share=?, transfer_strict=?, fund_disclosure_months=?,
				public_disclosure_months=?, working_disclosure_months=?, disclosure_grace_days=? WHERE id = 1`, communityArgs(c)...)
			return err
		})
	})
}
