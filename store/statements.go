package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"jiayuan/store/ledger"
)

// The property company's quarterly statements (季度收支报告). Most public income is collected
// by the property company into a supervised account (监管账户); its statement for a quarter is
// entered (or imported) as one public-book voucher that recognises the quarter's gross income
// and the deductions against the receivable 1201 (应收物业公司公共收益) — the R2 requirement of
// the quarter counts the income from there — and its transfer to the owners' assembly account
// settles the receivable (SettleReceivable). The lines are checked against the contracts
// register; what does not match is a variance to question, computed when read.

func init() {
	snapshotters["statement"] = statementSnapshot
	trackedTables["statement"] = "statements"
}

// StatementLineInput is one line of a statement to record.
type StatementLineInput struct {
	Row        int   // the imported file's row (0 when entered by hand: the line's number is used)
	ContractID int64 // the contract in the register; 0 to find it by Contract, or none
	// Contract names the contract as a file does: its number ("3", "#3") or its counterparty.
	// A name the register does not know makes a line without a contract (a variance).
	Contract    string
	Source      string // what the statement calls the line
	AccountCode string // public income account; "" takes the contract's, else 4009
	Gross       ledger.Money
	Tax         ledger.Money
	Labour      ledger.Money
	Management  ledger.Money
	Basis       string // the basis of the deductions
}

// StatementInput is a quarter's statement to record.
type StatementInput struct {
	Quarter       string // "2026Q2"
	Company       string // the property company
	Received      string // the day it was received; "" is today
	Note          string
	Lines         []StatementLineInput
	AttachmentIDs []int64 // the statement as the property company sent it
	SourceName    string  // the imported file, if any
	FileSHA256    string
}

// StatementLine is a recorded line.
type StatementLine struct {
	Line         int          `db:"line"`
	ContractID   int64        `db:"contract_id"`
	Counterparty string       `db:"counterparty"`
	Source       string       `db:"source"`
	AccountCode  string       `db:"account_code"`
	Gross        ledger.Money `db:"gross_fen"`
	Tax          ledger.Money `db:"tax_fen"`
	Labour       ledger.Money `db:"labour_fen"`
	Management   ledger.Money `db:"management_fen"`
	Basis        string       `db:"basis"`
	Row          int          `db:"source_row"`
}

func (l StatementLine) core() ledger.StatementLine {
	return ledger.StatementLine{ContractID: l.ContractID, Gross: l.Gross, Tax: l.Tax, Labour: l.Labour, Management: l.Management, Basis: l.Basis}
}

// Deductions is what the line's deductions add up to.
func (l StatementLine) Deductions() ledger.Money { return l.core().Deductions() }

// Net is what the line owes the owners.
func (l StatementLine) Net() ledger.Money { return l.core().Net() }

// Statement is a recorded statement with its variances against the contracts register.
type Statement struct {
	ID         int64  `db:"id"`
	Quarter    string `db:"quarter"`
	Company    string `db:"company"`
	Received   string `db:"received_on"`
	VoucherID  int64  `db:"voucher_id"`
	SourceName string `db:"source_name"`
	Note       string `db:"note"`
	VoucherNo  string `db:"-"`
	Reversed   bool   `db:"-"` // its voucher was reversed: it no longer counts
	BuildingID int64  `db:"-"` // the building whose owners' income it reports; 0: the community's
	Building   string `db:"-"` // that building's name
	Lines      []StatementLine
	Gross      ledger.Money
	Deductions ledger.Money
	Net        ledger.Money
	Variances  []StatementVariance
}

// StatementVariance is a variance with what names it: the line's source and file row, the
// contract's counterparty.
type StatementVariance struct {
	ledger.Variance
	Source       string // the line's source as the statement gives it
	Counterparty string // the contract's counterparty
	Row          int    // the imported file's row of the line (0 when entered by hand or missing)
}

// Problem says the variance as a row's warning (a variance is questioned, not refused).
func (v StatementVariance) Problem() RowProblem {
	args := []any{"line", v.Line, "source", v.Source, "counterparty", v.Counterparty, "gross", v.Gross.Grouped(),
		"kept", v.Kept.Grouped(), "allowed", v.Allowed.Grouped(), "share", v.Share, "expected", v.Expected.Grouped()}
	return RowProblem{Row: v.Row, Err: ledger.Refuse("statement.variance."+v.Kind, args...)}
}

// RecordStatement records a quarter's statement and posts its voucher, in one transaction.
// Lines that cannot be booked are refused by number (*RowsRefused); lines that can but do
// not match the register are recorded and come back as variances.
func (s *Store) RecordStatement(in StatementInput) (Statement, error) {
	return writeThenRead(s.writeNow, func(t *Tx) (int64, error) { return t.recordStatement(in) }, readStatement)
}

// CheckStatement runs RecordStatement and rolls it back: the statement as it would be
// recorded, its voucher's number and its variances, or the refusal.
func (s *Store) CheckStatement(in StatementInput) (Statement, error) {
	return writeThenRead(s.dryWrite, func(t *Tx) (int64, error) { return t.recordStatement(in) }, readStatement)
}

// writeThenRead runs a write (s.write, or s.dryWrite for a dry run) that makes one record, and
// reads the record back inside the same transaction, so that a dry run sees its own rows.
func writeThenRead[T any](run func(func(*Tx) error) error, do func(*Tx) (int64, error), read func(querier, int64) (T, error)) (T, error) {
	var out T
	err := run(func(t *Tx) error {
		id, err := do(t)
		if err != nil {
			return err
		}
		out, err = read(t, id)
		return err
	})
	return out, err
}

// dryWrite is dry with write's signature.
func (s *Store) dryWrite(fn func(*Tx) error) error { return s.dry(fn) }

// writeNow is write in the background context, with dry's signature.
func (s *Store) writeNow(fn func(*Tx) error) error { return s.write(bg, fn) }

func (t *Tx) recordStatement(in StatementInput) (int64, error) {
	q, err := ledger.QuarterPeriod(strings.TrimSpace(in.Quarter))
	if err != nil {
		return 0, err
	}
	in.Quarter = strings.TrimSpace(in.Quarter)
	today := ledger.FormatDate(t.now.In(shanghaiZone))
	if q.To >= today {
		return 0, ledger.Refuse("statement.quarter_not_ended", "quarter", in.Quarter, "end", q.To)
	}
	if strings.TrimSpace(in.Received) == "" {
		in.Received = today
	}
	rd, err := ledger.ParseDate(in.Received)
	if err != nil {
		return 0, err
	}
	in.Received = ledger.FormatDate(rd)
	if in.Received > today {
		return 0, ledger.Refuse("statement.received_future", "date", in.Received, "today", today)
	}
	if in.Received < q.From {
		return 0, ledger.Refuse("statement.received_before_quarter", "date", in.Received, "quarter", in.Quarter)
	}
	if len(in.Lines) == 0 {
		return 0, ledger.Refuse("statement.no_lines")
	}
	var contracts []Contract
	if err := t.Select(&contracts, `SELECT id, counterparty, COALESCE(building_id, 0) AS building_id, account_code FROM contracts`); err != nil {
		return 0, err
	}
	accts, err := t.accounts(ledger.BookPublic)
	if err != nil {
		return 0, err
	}
	var ps problems
	lines := make([]StatementLine, len(in.Lines))
	scope := int64(-1)
	for i, l := range in.Lines {
		row := l.Row
		if row == 0 {
			row = i + 1
		}
		sl := StatementLine{Line: i + 1, Row: l.Row, Source: strings.TrimSpace(l.Source), Gross: l.Gross, Tax: l.Tax, Labour: l.Labour,
			Management: l.Management, Basis: strings.TrimSpace(l.Basis)}
		c, found := findContract(contracts, l.ContractID, l.Contract)
		if l.ContractID != 0 && !found {
			ps.add(row, "", ledger.Refuse("record.not_found", "what", "contract", "id", l.ContractID))
			continue
		}
		if sl.Source == "" {
			sl.Source = strings.TrimSpace(l.Contract)
		}
		sl.AccountCode = strings.TrimSpace(l.AccountCode)
		if found {
			sl.ContractID, sl.Counterparty = c.ID, c.Counterparty
			if sl.Source == "" {
				sl.Source = c.Counterparty
			}
			if sl.AccountCode == "" {
				sl.AccountCode = c.AccountCode
			}
		}
		if sl.AccountCode == "" {
			sl.AccountCode = "4009"
		}
		if a, ok := accts[sl.AccountCode]; !ok || a.Kind != ledger.KindIncome {
			ps.add(row, "", ledger.Refuse("contract.bad_account", "account", sl.AccountCode))
			continue
		}
		if err := sl.core().Check(); err != nil {
			ps.add(row, "", err)
			continue
		}
		// one voucher belongs to one scope (R2 splits building-owned income to its units)
		b := int64(0)
		if found {
			b = c.BuildingID
		}
		if scope >= 0 && b != scope {
			ps.add(row, "", ledger.Refuse("statement.mixed_scope"))
			continue
		}
		scope = b
		lines[i] = sl
	}
	if err := ps.err(); err != nil {
		return 0, err
	}
	// one statement per quarter and scope: the community's income, and that of each building
	// whose owners have income of their own (R2 splits it among that building's units)
	scope = max(scope, 0)
	var prior struct {
		Book   string `db:"book"`
		Year   int    `db:"year"`
		Number int    `db:"number"`
	}
	err = t.Get(&prior, `SELECT v.book, v.year, v.number FROM statements s JOIN vouchers v ON v.id = s.voucher_id
		WHERE s.quarter = ? AND COALESCE(v.building_id, 0) = ? AND NOT EXISTS (SELECT 1 FROM vouchers r WHERE r.reverses_id = v.id) LIMIT 1`,
		in.Quarter, scope)
	if err == nil {
		return 0, ledger.Refuse("statement.duplicate_quarter", "quarter", in.Quarter, "voucher", voucherNo(prior.Book, prior.Year, prior.Number))
	} else if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	if _, err := t.ensureReceivable(); err != nil {
		return 0, err
	}
	company := strings.TrimSpace(in.Company)
	v := VoucherInput{Book: ledger.BookPublic, Date: q.To, Summary: fmt.Sprintf("%s%s 季度收支报告（确认公共收益）", company, in.Quarter),
		AttachmentIDs: in.AttachmentIDs, BuildingID: scope}
	var net ledger.Money
	for _, l := range lines {
		memo := l.Source
		v.Lines = append(v.Lines, LineInput{AccountCode: l.AccountCode, Amount: l.Gross.Neg(), Memo: memo})
		for _, d := range []struct {
			code   string
			amount ledger.Money
		}{{"5001", l.Tax}, {"5002", l.Labour}, {"5003", l.Management}} {
			if !d.amount.IsZero() {
				v.Lines = append(v.Lines, LineInput{AccountCode: d.code, Amount: d.amount, Memo: clipMemo(memo + "：" + l.Basis)})
			}
		}
		net = net.Add(l.Net())
	}
	if !net.IsZero() {
		v.Lines = append(v.Lines, LineInput{AccountCode: ledger.CodeReceivable, Amount: net, Memo: company})
	}
	vid, err := t.postVoucher(v, "normal", 0, 0)
	if err != nil {
		return 0, err
	}
	res, err := t.Exec(`INSERT INTO statements(quarter, company, received_on, voucher_id, source_name, file_sha256, note) VALUES (?,?,?,?,?,?,?)`,
		in.Quarter, company, in.Received, vid, strings.TrimSpace(in.SourceName), in.FileSHA256, strings.TrimSpace(in.Note))
	if err != nil {
		return 0, err
	}
	id, _ := res.LastInsertId()
	for _, l := range lines {
		if _, err := t.Exec(`INSERT INTO statement_lines(statement_id, line, contract_id, source, account_code, gross_fen, tax_fen, labour_fen,
			management_fen, basis, source_row) VALUES (?,?,?,?,?,?,?,?,?,?,?)`, id, l.Line, nullID(l.ContractID), l.Source, l.AccountCode,
			l.Gross.Fen(), l.Tax.Fen(), l.Labour.Fen(), l.Management.Fen(), l.Basis, l.Row); err != nil {
			return 0, err
		}
	}
	// logged once its lines are in: the snapshot covers them
	return id, t.logChange("statement", id, "")
}

// clipMemo keeps a posting's memo to a readable length.
func clipMemo(s string) string {
	r := []rune(s)
	if len(r) > 100 {
		return string(r[:100])
	}
	return s
}

// findContract finds a line's contract: by id, else by the file's text — a contract number
// ("3", "#3", "合同3") or the counterparty, exactly or as the one counterparty that contains it
// (or is contained in it).
func findContract(cs []Contract, id int64, text string) (Contract, bool) {
	if id != 0 {
		for _, c := range cs {
			if c.ID == id {
				return c, true
			}
		}
		return Contract{}, false
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return Contract{}, false
	}
	num := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(text, "合同"), "#"), "#＃")
	if n, err := strconv.ParseInt(num, 10, 64); err == nil {
		return findContract(cs, n, "")
	}
	fold := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
	ft := fold(text)
	for _, c := range cs {
		if fold(c.Counterparty) == ft {
			return c, true
		}
	}
	var hit Contract
	n := 0
	for _, c := range cs {
		fc := fold(c.Counterparty)
		if strings.Contains(fc, ft) || strings.Contains(ft, fc) {
			hit, n = c, n+1
		}
	}
	return hit, n == 1
}

// ensureReceivable adds the public book's receivable account the first time a ledger needs it
// (logged like the rest of the chart) and returns its id.
func (t *Tx) ensureReceivable() (int64, error) {
	var id int64
	err := t.Get(&id, `SELECT id FROM accounts WHERE book = 'public' AND code = ?`, ledger.CodeReceivable)
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return id, err
	}
	a := ledger.ReceivableAccount()
	return t.insertLogged("account", `INSERT INTO accounts(book, code, kind, name_zh, name_en, per_unit, counterpart) VALUES (?,?,?,?,?,?,?)`,
		a.Book, a.Code, a.Kind, a.NameZH, a.NameEN, a.PerUnit, a.Counterpart)
}

// Statements lists the recorded statements, newest quarter first, with their lines and their
// variances against the contracts register as it is now.
func (s *Store) Statements() ([]Statement, error) {
	var out []Statement
	err := s.read(bg, func(tx *sqlTx) error {
		var ids []int64
		if err := tx.Select(&ids, `SELECT id FROM statements ORDER BY quarter DESC, id DESC`); err != nil {
			return err
		}
		for _, id := range ids {
			st, err := readStatement(tx, id)
			if err != nil {
				return err
			}
			out = append(out, st)
		}
		return nil
	})
	return out, err
}

// readStatement reads a statement, its lines and its variances (in a write's transaction
// too, so that a dry run sees its own rows).
func readStatement(q querier, id int64) (Statement, error) {
	var st Statement
	if err := q.Get(&st, `SELECT id, quarter, company, received_on, voucher_id, source_name, note FROM statements WHERE id = ?`, id); err != nil {
		return st, notFound(err, "statement", id)
	}
	var k struct {
		voucherKey
		Building     int64  `db:"building"`
		BuildingName string `db:"building_name"`
	}
	if err := q.Get(&k, `SELECT v.book, v.year, v.number, COALESCE(v.building_id, 0) AS building, COALESCE(b.name, '') AS building_name
		FROM vouchers v LEFT JOIN buildings b ON b.id = v.building_id WHERE v.id = ?`, st.VoucherID); err != nil {
		return st, err
	}
	st.BuildingID, st.Building = k.Building, k.BuildingName
	st.VoucherNo = k.No()
	var n int
	if err := q.Get(&n, `SELECT count(*) FROM vouchers WHERE reverses_id = ?`, st.VoucherID); err != nil {
		return st, err
	}
	st.Reversed = n > 0
	if err := q.Select(&st.Lines, `SELECT l.line, COALESCE(l.contract_id, 0) AS contract_id, COALESCE(c.counterparty, '') AS counterparty,
		l.source, l.account_code, l.gross_fen, l.tax_fen, l.labour_fen, l.management_fen, l.basis, l.source_row
		FROM statement_lines l LEFT JOIN contracts c ON c.id = l.contract_id WHERE l.statement_id = ? ORDER BY l.line`, id); err != nil {
		return st, err
	}
	core := make([]ledger.StatementLine, len(st.Lines))
	for i, l := range st.Lines {
		core[i] = l.core()
		st.Gross, st.Deductions, st.Net = st.Gross.Add(l.Gross), st.Deductions.Add(l.Deductions()), st.Net.Add(l.Net())
	}
	cs, err := statementContracts(q, st.BuildingID)
	if err != nil {
		return st, err
	}
	names := map[int64]string{}
	var named []struct {
		ID   int64  `db:"id"`
		Name string `db:"counterparty"`
	}
	if err := q.Select(&named, `SELECT id, counterparty FROM contracts`); err != nil {
		return st, err
	}
	for _, n := range named {
		names[n.ID] = n.Name
	}
	for _, v := range ledger.StatementVariances(st.Quarter, core, cs) {
		sv := StatementVariance{Variance: v, Counterparty: names[v.ContractID]}
		if v.Line > 0 {
			l := st.Lines[v.Line-1]
			sv.Source, sv.Row = l.Source, l.Row
		}
		st.Variances = append(st.Variances, sv)
	}
	return st, nil
}

// statementContracts reads the register as the variance checks need it: the contracts of one
// scope (0: the community's; else one building's owners'), as a statement covers one scope.
func statementContracts(q querier, scope int64) ([]ledger.StatementContract, error) {
	var cs []Contract
	if err := q.Select(&cs, `SELECT id, start_date, end_date, period, amount_fen, collector, COALESCE(management_share, '') AS management_share
		FROM contracts WHERE COALESCE(building_id, 0) = ? ORDER BY id`, scope); err != nil {
		return nil, err
	}
	out := make([]ledger.StatementContract, len(cs))
	for i, c := range cs {
		out[i] = ledger.StatementContract{ID: c.ID, Terms: c.Terms(), Property: c.Collector == "property", Share: c.ManagementShare}
	}
	return out, nil
}

func statementSnapshot(q rowQueryer, id int64) (string, error) {
	row, err := tableRow("statements")(q, id)
	if err != nil || row == "" {
		return row, err
	}
	lines, err := jsonOfQuery(q, `SELECT line, contract_id, source, account_code, gross_fen, tax_fen, labour_fen, management_fen, basis, source_row
		FROM statement_lines WHERE statement_id = ? ORDER BY line`, id)
	return row + "\n" + lines, err
}

// ReceivableBalance is what the property company holds for the owners: recognised from its
// statements and not yet transferred to the owners' assembly account.
func (s *Store) ReceivableBalance() (ledger.Money, error) {
	var fen int64
	err := s.db.Get(&fen, `SELECT COALESCE(SUM(ab.balance_fen), 0) FROM account_balances ab JOIN accounts a ON a.id = ab.account_id
		WHERE a.book = 'public' AND a.kind = 'receivable'`)
	return ledger.Fen(fen), err
}

// SettlementInput is the property company's transfer of public income it holds to the owners'
// assembly account.
type SettlementInput struct {
	Date          string
	Amount        ledger.Money
	Summary       string // "" for the usual wording
	AttachmentIDs []int64
}

// SettleReceivable posts the transfer from the supervised account to the owners' assembly
// account: the public book's bank account receives it and the receivable is settled by it.
// More than the receivable holds on that date is refused.
func (s *Store) SettleReceivable(in SettlementInput) (Voucher, error) {
	return writeThenRead(s.writeNow, func(t *Tx) (int64, error) { return t.settleReceivable(in) }, readVoucherTx)
}

// CheckSettlement runs SettleReceivable and rolls it back.
func (s *Store) CheckSettlement(in SettlementInput) (Voucher, error) {
	return writeThenRead(s.dryWrite, func(t *Tx) (int64, error) { return t.settleReceivable(in) }, readVoucherTx)
}

func (t *Tx) settleReceivable(in SettlementInput) (int64, error) {
	if in.Amount.Sign() <= 0 {
		return 0, ledger.Refuse("amount.not_positive", "input", in.Amount.String())
	}
	d, err := ledger.ParseDate(in.Date)
	if err != nil {
		return 0, err
	}
	in.Date = ledger.FormatDate(d)
	// what it held on the day, less what later transfers already took
	var held int64
	if err := t.Get(&held, `SELECT MIN(COALESCE(SUM(CASE WHEN p.date <= ? THEN p.amount_fen END), 0), COALESCE(SUM(p.amount_fen), 0))
		FROM postings p JOIN accounts a ON a.id = p.account_id WHERE a.book = 'public' AND a.kind = 'receivable'`, in.Date); err != nil {
		return 0, err
	}
	if in.Amount.Cmp(ledger.Fen(held)) > 0 {
		return 0, ledger.Refuse("statement.settle_exceeds", "amount", in.Amount.Grouped(), "held", ledger.Fen(held).Grouped(), "date", in.Date)
	}
	summary := strings.TrimSpace(in.Summary)
	if summary == "" {
		summary = "物业公司划转公共收益至业主大会账户"
	}
	return t.postVoucher(VoucherInput{Book: ledger.BookPublic, Date: in.Date, Summary: summary, AttachmentIDs: in.AttachmentIDs,
		Lines: []LineInput{{AccountCode: ledger.CodeBank, Amount: in.Amount}, {AccountCode: ledger.CodeReceivable, Amount: in.Amount.Neg()}}}, "normal", 0, 0)
}

// ImportStatement records a quarter's statement read from the property company's file, all or
// nothing: lines that cannot be booked are refused by their rows; its variances come back as
// warnings by row. The same file again changes nothing.
func (s *Store) ImportStatement(src ImportSource, in StatementInput) (ImportResult, error) {
	res := ImportResult{Kind: "statement", Rows: len(in.Lines), DryRun: src.DryRun}
	in.SourceName, in.FileSHA256 = src.Name, src.SHA256
	if src.SHA256 != "" {
		var at []string
		if err := s.db.Select(&at, `SELECT v.posted_at FROM statements s JOIN vouchers v ON v.id = s.voucher_id WHERE s.file_sha256 = ?
			AND s.quarter = ? AND NOT EXISTS (SELECT 1 FROM vouchers r WHERE r.reverses_id = s.voucher_id)`, src.SHA256, strings.TrimSpace(in.Quarter)); err != nil {
			return res, err
		}
		if len(at) > 0 {
			res.AlreadyImported, res.Skipped, res.PreviousAt = true, len(in.Lines), at[0]
			return res, nil
		}
	}
	record := s.RecordStatement
	if src.DryRun {
		record = s.CheckStatement
	}
	st, err := record(in)
	if err != nil {
		return res, err
	}
	res.Created = 1
	for _, v := range st.Variances {
		res.Warnings = append(res.Warnings, v.Problem())
	}
	return res, nil
}
