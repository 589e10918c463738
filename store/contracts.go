package store

import (
	"strings"
	"time"

	"jiayuan/store/ledger"
)

// The public-income contracts register (公共收益合同): who pays for which common part, for how
// long and how much, who collects it, and the resolution that approved it — commercial use of
// common parts needs the owners' assembly (or the committee within its delegation), R8.

// ContractInput is a contract to record.
type ContractInput struct {
	Counterparty string
	CommonPart   string
	BuildingID   int64 // 0: the whole community
	Start, End   string
	Period       string // month, quarter, year
	Amount       ledger.Money
	Collector    string // property (the property company's supervised account) or committee
	AccountCode  string // the public book's income account it is booked on
	ResolutionID int64
	Note         string
	AttachmentID int64 // the signed contract, optional
	// ManagementShare is the agreed most of the gross, in percent, the property company may
	// deduct (tax, labour, management cost together); "" when the contract states none.
	ManagementShare string
}

// Contract is a recorded contract.
type Contract struct {
	ID           int64        `db:"id"`
	Counterparty string       `db:"counterparty"`
	CommonPart   string       `db:"common_part"`
	BuildingID   int64        `db:"building_id"`
	Start        string       `db:"start_date"`
	End          string       `db:"end_date"`
	Period       string       `db:"period"`
	Amount       ledger.Money `db:"amount_fen"`
	Collector    string       `db:"collector"`
	AccountCode  string       `db:"account_code"`
	ResolutionID int64        `db:"resolution_id"`
	Note         string       `db:"note"`
	// ManagementShare: the agreed management share in percent, "" when none is on record.
	ManagementShare string `db:"management_share"`
}

// Terms are the contract's terms as the core reads them.
func (c Contract) Terms() ledger.ContractTerms {
	return ledger.ContractTerms{Start: c.Start, End: c.End, Period: c.Period, Amount: c.Amount}
}

// AddContract records a contract after checking the resolution that approved it: passed, of
// the purpose "contract", by the assembly or the committee within its delegation, dated on
// or before the contract's start.
func (s *Store) AddContract(in ContractInput) (int64, error) {
	in.Counterparty, in.CommonPart, in.Note = strings.TrimSpace(in.Counterparty), strings.TrimSpace(in.CommonPart), strings.TrimSpace(in.Note)
	if in.Counterparty == "" {
		return 0, ledger.Refuse("contract.counterparty_empty")
	}
	if in.CommonPart == "" {
		return 0, ledger.Refuse("contract.part_empty")
	}
	if _, err := ledger.ParseDate(in.Start); err != nil {
		return 0, err
	}
	if _, err := ledger.ParseDate(in.End); err != nil {
		return 0, err
	}
	if in.End < in.Start {
		return 0, ledger.Refuse("contract.ends_before_start", "start", in.Start, "end", in.End)
	}
	if !ledger.ValidContractPeriod(in.Period) {
		return 0, ledger.Refuse("contract.bad_period", "period", in.Period)
	}
	if in.Amount.Sign() <= 0 {
		return 0, ledger.Refuse("amount.not_positive", "input", in.Amount.String())
	}
	if in.Collector != "property" && in.Collector != "committee" {
		return 0, ledger.Refuse("contract.bad_collector", "collector", in.Collector)
	}
	share, hasShare, err := ledger.ParseSharePercent(in.ManagementShare)
	if err != nil {
		return 0, err
	}
	var shareCol any // NULL when none: the snapshot of a contract without one stays as before 0008
	if hasShare {
		shareCol = share.String()
	}
	var id int64
	err = s.write(bg, func(t *Tx) error {
		var kind string
		if err := t.QueryRow(`SELECT kind FROM accounts WHERE book = 'public' AND code = ?`, in.AccountCode).Scan(&kind); err != nil || kind != string(ledger.KindIncome) {
			return ledger.Refuse("contract.bad_account", "account", in.AccountCode)
		}
		if in.ResolutionID == 0 {
			return ledger.Refuse("resolution.required", "need", ledger.PurposeContract)
		}
		c, err := t.cited(in.ResolutionID)
		if err != nil {
			return err
		}
		c.Amount = ledger.Zero // a contract's approval is of the use, not of an amount spent
		if err := ledger.CheckCitation(c, ledger.PurposeContract, in.Start, ledger.Zero); err != nil {
			return err
		}
		id, err = t.insertLogged("contract", `INSERT INTO contracts(counterparty, common_part, building_id, start_date, end_date, period,
			amount_fen, collector, account_code, resolution_id, note, management_share) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`, in.Counterparty, in.CommonPart,
			nullID(in.BuildingID), in.Start, in.End, in.Period, in.Amount.Fen(), in.Collector, in.AccountCode, in.ResolutionID, in.Note, shareCol)
		if err != nil {
			return err
		}
		if in.AttachmentID != 0 {
			return t.attachToRecord("contract", id, in.AttachmentID)
		}
		return nil
	})
	return id, err
}

// Contracts lists the contracts, the newest start first.
func (s *Store) Contracts() ([]Contract, error) {
	var out []Contract
	err := s.read(bg, func(tx *sqlTx) error {
		return tx.Select(&out, `SELECT id, counterparty, common_part, COALESCE(building_id, 0) AS building_id, start_date, end_date, period,
			amount_fen, collector, account_code, resolution_id, note, COALESCE(management_share, '') AS management_share FROM contracts ORDER BY start_date DESC, id DESC`)
	})
	return out, err
}

// ContractQuarter is one contract's expected income in a quarter against what was received: for
// a contract the property company collects, the gross its quarterly statement reports on the
// contract's lines; for one the committee collects, the income on its account (shared by the
// contracts booked on the same account).
type ContractQuarter struct {
	Quarter  string
	Expected ledger.Money
	Received ledger.Money // reported on the quarter's statement, or recognised on the account
	Missing  bool         // a past quarter that expected income and received none
}

// ContractStatus is a contract with its quarters up to today and whether it expires soon.
type ContractStatus struct {
	Contract
	Quarters []ContractQuarter
	Expiring bool // ends within 90 days
}

// ContractStatuses returns every contract with its expected and received income per quarter
// from its start up to today's quarter, income missing for past quarters, and contracts
// expiring within 90 days.
func (s *Store) ContractStatuses(today time.Time) ([]ContractStatus, error) {
	cs, err := s.Contracts()
	if err != nil {
		return nil, err
	}
	thisQ := ledger.Quarter(today)
	out := make([]ContractStatus, 0, len(cs))
	err = s.read(bg, func(tx *sqlTx) error {
		// the query of each contract and quarter (240 on the demo, for the dashboard) prepared
		// once; a property company's statements summed by quarter in one query a contract
		byPosting, err := tx.Preparex(`SELECT COALESCE(-SUM(p.amount_fen), 0) FROM postings p JOIN accounts a ON a.id = p.account_id
			WHERE a.book = 'public' AND a.code = ? AND p.date BETWEEN ? AND ?`)
		if err != nil {
			return err
		}
		defer byPosting.Close()
		for _, c := range cs {
			st := ContractStatus{Contract: c, Expiring: ledger.ExpiringWithin(c.End, today, 90)}
			var reported map[string]int64
			if c.Collector == "property" {
				if reported, err = statementsByQuarter(tx, c.ID); err != nil {
					return err
				}
			}
			start, _ := ledger.ParseDate(c.Start)
			for q := start; ledger.Quarter(q) <= thisQ; q = q.AddDate(0, 3, 0) {
				name := ledger.Quarter(q)
				p, _ := ledger.QuarterPeriod(name)
				if p.From > c.End {
					break
				}
				var got int64
				if c.Collector == "property" {
					// what the property company reported for it: its statement's lines of the quarter
					// (a statement whose voucher was reversed no longer counts)
					got = reported[name]
				} else if err := byPosting.Get(&got, c.AccountCode, p.From, p.To); err != nil {
					return err
				}
				cq := ContractQuarter{Quarter: name, Expected: ledger.ExpectedInQuarter(c.Terms(), name), Received: ledger.Fen(got)}
				cq.Missing = name < thisQ && cq.Expected.Sign() > 0 && got == 0
				st.Quarters = append(st.Quarters, cq)
				// quarters are walked from the start's own quarter: align to its first day
				if q.Day() != 1 || (int(q.Month())-1)%3 != 0 {
					q, _ = ledger.ParseDate(p.From)
				}
			}
			out = append(out, st)
		}
		return nil
	})
	return out, err
}

// statementsByQuarter is what the property company reported for a contract, by quarter: its
// statements' lines (a statement whose voucher was reversed no longer counts).
func statementsByQuarter(tx *sqlTx, contractID int64) (map[string]int64, error) {
	var rows []struct {
		Quarter string `db:"quarter"`
		Gross   int64  `db:"gross_fen"`
	}
	if err := tx.Select(&rows, `SELECT s.quarter, COALESCE(SUM(l.gross_fen), 0) AS gross_fen FROM statement_lines l JOIN statements s ON s.id = l.statement_id
		WHERE l.contract_id = ? AND NOT EXISTS (SELECT 1 FROM vouchers r WHERE r.reverses_id = s.voucher_id) GROUP BY s.quarter`, contractID); err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(rows))
	for _, r := range rows {
		out[r.Quarter] = r.Gross
	}
	return out, nil
}
