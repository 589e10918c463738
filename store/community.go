package store

import (
	"database/sql"
	"strings"
	"unicode/utf8"

	"jiayuan/store/ledger"

	"github.com/shopspring/decimal"
)

// Community is the 物业管理区域 whose books the ledger keeps, with its rule settings.
type Community struct {
	Name         string `db:"name"`
	Address      string `db:"address"`
	District     string `db:"district"`      // district / street
	AssemblyCode string `db:"assembly_code"` // owners' assembly code (业主大会代码)
	FundBank     string `db:"fund_bank"`
	FundAccount  string `db:"fund_account"`
	TermStart    string `db:"term_start"` // committee term
	TermEnd      string `db:"term_end"`
	StartDate    string `db:"start_date"` // first day of the books
	// AssemblyOpened is the day the owners' assembly account was opened ("" = StartDate):
	// audit periods count from it (R7), so a ledger moved in mid-life still shows its first
	// audit year.
	AssemblyOpened string        `db:"-"`
	Policy         ledger.Policy `db:"-"` // read from the settings columns by readCommunity
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
	for _, d := range []string{c.TermStart, c.TermEnd, c.AssemblyOpened} {
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
		working_disclosure_months, disclosure_grace_days, transfer_mode, transfer_grace_days, assembly_opened)
		VALUES (1,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
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
		p.TransferStrict, p.FundDisclosureMonths, p.PublicDisclosureMonths, p.WorkingDisclosureMonths, p.DisclosureGraceDays,
		p.TransferMode, p.TransferGraceDays, nullText(c.AssemblyOpened)}
}

// nullText stores "" as NULL: a late column left unset (see lateColumns).
func nullText(s string) any {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return s
}

// AuditStart is the first day audit periods count from: the assembly account's opening, or
// the ledger's start.
func (c Community) AuditStart() string {
	if c.AssemblyOpened != "" {
		return c.AssemblyOpened
	}
	return c.StartDate
}

// Community reads the community and its settings.
func (s *Store) Community() (Community, error) { return readCommunity(s.db) }

func readCommunity(q querier) (Community, error) {
	t, memo := q.(*Tx)
	if memo && t.memo.community != nil {
		return *t.memo.community, nil
	}
	c, err := queryCommunity(q)
	if memo && err == nil {
		t.memo.community = &c
	}
	return c, err
}

func queryCommunity(q querier) (Community, error) {
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
		// since migration 0007; NULL in a ledger made before it (see 0007_statute.sql)
		Mode   sql.NullString `db:"transfer_mode"`
		Grace  sql.NullInt64  `db:"transfer_grace_days"`
		Opened sql.NullString `db:"assembly_opened"`
	}
	err := q.Get(&row, `SELECT name, address, district, assembly_code, fund_bank, fund_account, term_start, term_end, start_date,
		replenish_threshold, replenish_target, decision_days, payment_days, trigger_level, transfer_threshold, transfer_share,
		transfer_strict, fund_disclosure_months, public_disclosure_months, working_disclosure_months, disclosure_grace_days,
		transfer_mode, transfer_grace_days, assembly_opened
		FROM community WHERE id = 1`)
	c := row.Community
	if err != nil {
		return c, err
	}
	p := &c.Policy
	p.DecisionDays, p.PaymentDays, p.TriggerLevel, p.TransferStrict = row.DecisionDays, row.PaymentDays, row.TriggerLevel, row.TransferStrict
	p.FundDisclosureMonths, p.PublicDisclosureMonths, p.WorkingDisclosureMonths = row.FundMonths, row.PublicMonths, row.WorkingMonths
	p.DisclosureGraceDays = row.DisclosureGrace
	// a ledger made before migration 0007 keeps the R2 rule it was made with
	p.TransferMode, p.TransferGraceDays, c.AssemblyOpened = ledger.TransferBelowThreshold, 30, row.Opened.String
	if row.Mode.Valid {
		p.TransferMode = row.Mode.String
	}
	if row.Grace.Valid {
		p.TransferGraceDays = int(row.Grace.Int64)
	}
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
				public_disclosure_months=?, working_disclosure_months=?, disclosure_grace_days=?, transfer_mode=?, transfer_grace_days=?,
				assembly_opened=? WHERE id = 1`, communityArgs(c)...)
			return err
		})
	})
}
