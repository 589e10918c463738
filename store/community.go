package store

import (
	"strings"
	"unicode/utf8"

	"jiayuan/store/ledger"

	"github.com/shopspring/decimal"
)

// Community is the 物业管理区域 whose books the ledger keeps, with its rule settings.
type Community struct {
	Name         string
	Address      string
	District     string // district / street
	AssemblyCode string // owners' assembly code (业主大会代码)
	FundBank     string
	FundAccount  string
	TermStart    string // committee term
	TermEnd      string
	StartDate    string // first day of the books
	Policy       ledger.Policy
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
	var c Community
	var rt, rtg, tt, ts string
	p := &c.Policy
	err := q.QueryRow(`SELECT name, address, district, assembly_code, fund_bank, fund_account, term_start, term_end, start_date,
		replenish_threshold, replenish_target, decision_days, payment_days, trigger_level, transfer_threshold, transfer_share,
		transfer_strict, fund_disclosure_months, public_disclosure_months, working_disclosure_months, disclosure_grace_days
		FROM community WHERE id = 1`).Scan(&c.Name, &c.Address, &c.District, &c.AssemblyCode, &c.FundBank, &c.FundAccount,
		&c.TermStart, &c.TermEnd, &c.StartDate, &rt, &rtg, &p.DecisionDays, &p.PaymentDays, &p.TriggerLevel, &tt, &ts,
		&p.TransferStrict, &p.FundDisclosureMonths, &p.PublicDisclosureMonths, &p.WorkingDisclosureMonths, &p.DisclosureGraceDays)
	if err != nil {
		return c, err
	}
	for dst, src := range map[*decimal.Decimal]string{&p.ReplenishThreshold: rt, &p.ReplenishTarget: rtg, &p.TransferThreshold: tt, &p.TransferShare: ts} {
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
