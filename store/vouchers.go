package store

import (
	"fmt"
	"strings"

	"jiayuan/store/ledger"
)

// LineInput is one line of a voucher as entered: an account of the voucher's book by code and
// a signed amount (debit positive, credit negative).
type LineInput struct {
	AccountCode string
	Amount      ledger.Money
	Memo        string
}

// UnitSplit says how much of a per-unit line belongs to one unit (positive adds to the unit).
type UnitSplit struct {
	UnitID int64
	Amount ledger.Money
}

// VoucherInput is a voucher to post.
type VoucherInput struct {
	Book    ledger.Book
	Date    string
	Summary string
	Lines   []LineInput
	// ProjectID is the repair project a fund expense pays (R3, R4).
	ProjectID int64
	// ResolutionID is the resolution that authorises the voucher (R8): an allocation to working
	// expenses, an "other use" of public income, or a fund repair within a small-repair
	// delegation (which it cites instead of the project's vote).
	ResolutionID int64
	// CaseID is the replenishment case a replenishment deposit pays.
	CaseID int64
	// Splits say how deposit and opening lines of the fund fall on the units; interest,
	// transfers in and repair expenses are split by the ledger itself.
	Splits []UnitSplit
	// AttachmentIDs are stored attachments (receipts, invoices) to bind to the voucher.
	AttachmentIDs []int64
	// Opening marks an opening-balance voucher.
	Opening bool
	// BuildingID scopes public income (and its transfer to the fund) to one building's owners:
	// what R2 requires of it is transferred to that building's units only. 0: the community.
	BuildingID int64
}

// Voucher is a posted voucher.
type Voucher struct {
	ID               int64
	Book             ledger.Book
	Year, Number     int
	No               string
	Date             string
	Summary          string
	Kind             string
	ReversesID       int64
	ReversedByID     int64
	TransferGroup    int64
	ProjectID        int64
	ResolutionID     int64
	EmergencyTrigger string
	CaseID           int64
	BuildingID       int64 // the building whose owners the income belongs to (0: the community)
	R2Net            ledger.Money
	CreatedBy        string
	PostedAt         string
	ChainSeq         int64
	ChainHash        string
	Lines            []PostedLine
	Attachments      []AttachmentInfo
	UnitEntries      int // how many sub-account lines it has
	Total            ledger.Money
}

// PostedLine is a posting of a posted voucher.
type PostedLine struct {
	Line        int                `db:"line"`
	AccountCode string             `db:"code"`
	AccountName string             `db:"name_zh"`
	Kind        ledger.AccountKind `db:"kind"`
	Amount      ledger.Money       `db:"amount_fen"`
	Memo        string             `db:"memo"`
}

// PostVoucher posts a voucher after every rule that applies to it has passed, in one
// transaction: balanced, one book, an open period, a valid vote or emergency for fund
// repairs within the cost-audit amount, no public spending while a transfer to the fund is
// outstanding, no book overdrawn. A refused voucher changes nothing.
func (s *Store) PostVoucher(in VoucherInput) (Voucher, error) {
	var id int64
	err := s.write(bg, func(t *Tx) error {
		var err error
		id, err = t.postVoucher(in, "normal", 0, 0)
		return err
	})
	if err != nil {
		return Voucher{}, err
	}
	return s.Voucher(id)
}

// postVoucher checks and writes one voucher inside t and returns its id.
func (t *Tx) postVoucher(in VoucherInput, kind string, reversesID, transferGroup int64) (int64, error) {
	return t.postVoucherAs(in, kind, reversesID, transferGroup, ledger.Zero)
}

// postVoucherAs is postVoucher with the R2 net income of a reversal given by its original.
func (t *Tx) postVoucherAs(in VoucherInput, kind string, reversesID, transferGroup int64, r2Net ledger.Money) (int64, error) {
	if in.Opening {
		kind = "opening"
	}
	accts, err := t.accounts(in.Book)
	if err != nil {
		return 0, err
	}
	v := ledger.Voucher{Book: in.Book, Date: strings.TrimSpace(in.Date), Summary: strings.TrimSpace(in.Summary), Transfer: kind == "transfer" || (kind == "reversal" && transferGroup != 0)}
	ids := make([]int64, len(in.Lines))
	for i, l := range in.Lines {
		a, ok := accts[strings.TrimSpace(l.AccountCode)]
		if !ok {
			if other := t.bookOfCode(l.AccountCode, in.Book); other != "" {
				return 0, ledger.Refuse("voucher.cross_book", "line", i+1, "account", l.AccountCode, "book", other, "voucherBook", in.Book)
			}
			return 0, ledger.Refuse("voucher.unknown_account", "line", i+1, "account", l.AccountCode)
		}
		ids[i] = a.id
		v.Postings = append(v.Postings, ledger.Posting{Account: a.Account, Amount: l.Amount, Memo: strings.TrimSpace(l.Memo)})
	}
	if err := v.Validate(); err != nil {
		return 0, err
	}
	date, _ := ledger.ParseDate(v.Date)
	if err := t.checkOpenPeriod(in.Book, v.Date); err != nil {
		return 0, err
	}
	if err := t.checkBuildingScope(in, kind); err != nil {
		return 0, err
	}
	c, err := readCommunity(t)
	if err != nil {
		return 0, err
	}
	if v.Date < c.StartDate && kind != "opening" {
		return 0, ledger.Refuse("voucher.before_start", "date", v.Date, "start", c.StartDate)
	}
	if kind == "opening" {
		for _, p := range v.Postings {
			if p.Account.Kind != ledger.KindAsset && p.Account.Kind != ledger.KindEquity {
				return 0, ledger.Refuse("voucher.opening_accounts")
			}
		}
	}

	ctx := postContext{policy: c.Policy, r2Net: r2Net}
	if kind != "reversal" {
		if err := t.checkRules(&ctx, in, v); err != nil {
			return 0, err
		}
	}
	var splits []unitLine
	if kind != "reversal" {
		if splits, err = t.splitUnits(&ctx, in, v, ids); err != nil {
			return 0, err
		}
	}

	// R5: consecutive numbers per book per year, without gaps (nothing is ever deleted).
	year := date.Year()
	var number int
	if err := t.Get(&number, `SELECT COALESCE(MAX(number), 0) + 1 FROM vouchers WHERE book = ? AND year = ?`, in.Book, year); err != nil {
		return 0, err
	}
	seq, err := t.nextSeq()
	if err != nil {
		return 0, err
	}
	res, err := t.Exec(`INSERT INTO vouchers(book, year, number, date, summary, kind, reverses_id, transfer_group, project_id,
		resolution_id, emergency_trigger, case_id, r2_net_fen, created_by, posted_at, chain_seq, building_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		in.Book, year, number, v.Date, v.Summary, kind, nullID(reversesID), nullID(transferGroup), nullID(in.ProjectID),
		nullID(ctx.resolutionID), ctx.emergency, nullID(in.CaseID), ctx.r2Net.Fen(), t.s.actor, t.stamp(), seq, nullID(in.BuildingID))
	if err != nil {
		return 0, err
	}
	vid, _ := res.LastInsertId()
	for i, p := range v.Postings {
		if _, err := t.Exec(`INSERT INTO postings(voucher_id, line, account_id, amount_fen, memo, date) VALUES (?,?,?,?,?,?)`,
			vid, i+1, ids[i], p.Amount.Fen(), p.Memo, v.Date); err != nil {
			return 0, err
		}
	}
	if kind == "reversal" {
		if _, err := t.Exec(`INSERT INTO unit_entries(voucher_id, unit_id, account_id, amount_fen, date)
			SELECT ?, unit_id, account_id, -amount_fen, ? FROM unit_entries WHERE voucher_id = ? ORDER BY id`, vid, v.Date, reversesID); err != nil {
			return 0, err
		}
	} else if err := t.insertUnitLines(vid, v.Date, splits); err != nil {
		return 0, err
	}
	for _, aid := range in.AttachmentIDs {
		if _, err := t.Exec(`INSERT INTO voucher_attachments(voucher_id, attachment_id) VALUES (?,?)`, vid, aid); err != nil {
			return 0, ledger.Refuse("attachment.unknown", "id", aid)
		}
	}
	if err := t.checkNotOverdrawn(in.Book); err != nil {
		return 0, err
	}
	if kind == "normal" {
		if err := t.issueReceipts(vid, in, v.Date, year); err != nil {
			return 0, err
		}
	}
	digest, err := voucherDigest(t, vid)
	if err != nil {
		return 0, err
	}
	if err := t.appendLink(seq, "voucher", vid, digest); err != nil {
		return 0, err
	}
	if in.Book == ledger.BookFund {
		if err := t.evaluateReplenishment(c.Policy, v.Date); err != nil {
			return 0, err
		}
	}
	return vid, nil
}

type bookAccount struct {
	ledger.Account
	id int64
}

// accounts returns a book's chart by code.
func (t *Tx) accounts(b ledger.Book) (map[string]bookAccount, error) {
	if !b.Valid() {
		return nil, ledger.Refuse("voucher.unknown_book", "book", b)
	}
	if a, ok := t.memo.accounts[b]; ok {
		return a, nil // read once a transaction (txMemo); callers only read it
	}
	a, err := t.queryAccounts(b)
	if err == nil {
		if t.memo.accounts == nil {
			t.memo.accounts = map[ledger.Book]map[string]bookAccount{}
		}
		t.memo.accounts[b] = a
	}
	return a, err
}

func (t *Tx) queryAccounts(b ledger.Book) (map[string]bookAccount, error) {
	rows, err := t.Query(`SELECT id, code, kind, name_zh, name_en, per_unit, counterpart FROM accounts WHERE book = ?`, b)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bookAccount{}
	for rows.Next() {
		a := bookAccount{Account: ledger.Account{Book: b}}
		if err := rows.Scan(&a.id, &a.Code, &a.Kind, &a.NameZH, &a.NameEN, &a.PerUnit, &a.Counterpart); err != nil {
			return nil, err
		}
		out[a.Code] = a
	}
	return out, rows.Err()
}

// bookOfCode says in which other book an account code exists, for a clearer refusal.
func (t *Tx) bookOfCode(code string, not ledger.Book) string {
	var b string
	t.Get(&b, `SELECT book FROM accounts WHERE code = ? AND book <> ? LIMIT 1`, strings.TrimSpace(code), not)
	return b
}

// checkOpenPeriod refuses a posting dated inside a closed period of its book (R5).
func (t *Tx) checkOpenPeriod(b ledger.Book, date string) error {
	var p bookPeriod
	err := t.Get(&p, `SELECT period_from, period_to FROM closed_periods WHERE book = ? AND period_from <= ? AND period_to >= ? LIMIT 1`, b, date, date)
	if err == nil {
		return ledger.Refuse("period.closed", "date", date, "from", p.From, "to", p.To)
	}
	// a published disclosure closes its period for its book (R5, R7; issue 11): what the owners
	// were shown is not changed afterwards; a correction is a reversal in a later, open period.
	var d struct {
		From      string `db:"period_from"`
		To        string `db:"period_to"`
		Published string `db:"published_on"`
	}
	err = t.Get(&d, `SELECT period_from, period_to, published_on FROM disclosures WHERE book = ? AND period_from <= ? AND period_to >= ?
		ORDER BY published_on LIMIT 1`, b, date, date)
	if err == nil {
		return ledger.Refuse("period.disclosed", "date", date, "from", d.From, "to", d.To, "published", d.Published)
	}
	return nil
}

// checkNotOverdrawn refuses a voucher that leaves a book's bank balance below zero.
func (t *Tx) checkNotOverdrawn(b ledger.Book) error {
	var bal int64
	if err := t.Get(&bal, `SELECT COALESCE(SUM(ab.balance_fen), 0) FROM account_balances ab JOIN accounts a ON a.id = ab.account_id
		WHERE a.book = ? AND a.kind = 'asset'`, b); err != nil {
		return err
	}
	if bal < 0 {
		return ledger.Refuse("book.overdrawn", "book", b, "short", ledger.Fen(-bal).Grouped())
	}
	return nil
}

// voucherNo formats a voucher's number.
func voucherNo(book string, year, number int) string {
	return ledger.VoucherNo(ledger.Book(book), year, number)
}

var _ = fmt.Sprint

// voucherKey is what a voucher's number is made of, as rows carry it: embedded in a row
// struct, it scans the book, year and number columns.
type voucherKey struct {
	Book   string `db:"book"`
	Year   int    `db:"year"`
	Number int    `db:"number"`
}

// No is the voucher's number as people write it.
func (k voucherKey) No() string { return voucherNo(k.Book, k.Year, k.Number) }
