package store

import (
	"database/sql"
	"strconv"
	"strings"
	"time"

	"jiayuan/store/ledger"
)

// BankLine is one line of a bank statement of a book's account, as the bank printed it.
type BankLine struct {
	Row          int
	Date         string
	Amount       ledger.Money // money in positive, money out negative
	Balance      ledger.Money // the account's balance after the line, when HasBalance
	HasBalance   bool
	Counterparty string // 对方户名
	Reference    string // 交易流水号
	Summary      string // 摘要 / 用途
}

// DefaultMatchDays is how many days a bank line may lie from the voucher it matches.
const DefaultMatchDays = 5

// ImportBank stores the lines of a bank statement of one book's account, in one transaction.
// A line already stored is recognised and skipped: by its reference (交易流水号) when the bank
// gives one, else by date, amount and balance, else by date, amount, counterparty and summary
// (the k-th such line of the file matches the k-th stored one). A file listing the newest line
// first is stored in date order. Every line is checked before anything is written.
func (s *Store) ImportBank(src ImportSource, book ledger.Book, lines []BankLine) (ImportResult, error) {
	res := ImportResult{Kind: "bank", Rows: len(lines), DryRun: src.DryRun}
	if !book.Valid() {
		return res, ledger.Refuse("voucher.unknown_book", "book", book)
	}
	if len(lines) == 0 {
		return res, ledger.Refuse("import.no_rows")
	}
	var ps problems
	h := newRowsHasher("bank")
	writeField(h.h, string(book))
	type refKey struct{ date, ref string }
	type balKey struct {
		date        string
		amount, bal int64
	}
	refs := map[refKey]int{}
	bals := map[balKey]int{}
	for i := range lines {
		l := &lines[i]
		l.Date = strings.TrimSpace(l.Date)
		l.Counterparty, l.Reference, l.Summary = normText(l.Counterparty), normText(l.Reference), normText(l.Summary)
		bal := "none"
		if l.HasBalance {
			bal = strconv.FormatInt(l.Balance.Fen(), 10)
		}
		h.fields(l.Date, strconv.FormatInt(l.Amount.Fen(), 10), bal, l.Counterparty, l.Reference, l.Summary)
		if d, err := ledger.ParseDate(l.Date); err != nil {
			ps.add(l.Row, "", err)
			continue
		} else if ledger.FormatDate(d) != l.Date {
			ps.add(l.Row, "", ledger.Refuse("date.invalid", "input", l.Date))
			continue
		}
		if l.Amount.IsZero() {
			ps.add(l.Row, "", ledger.Refuse("import.bank_zero"))
			continue
		}
		if l.Amount.Abs().Cmp(ledger.MaxAmount) > 0 {
			ps.add(l.Row, "", ledger.Refuse("amount.too_large", "input", l.Amount.String(), "max", ledger.MaxAmount.Grouped()))
			continue
		}
		switch {
		case l.Reference != "":
			k := refKey{l.Date, l.Reference}
			if first, dup := refs[k]; dup {
				ps.add(l.Row, "", ledger.Refuse("import.duplicate_row", "first", first))
				continue
			}
			refs[k] = l.Row
		case l.HasBalance:
			k := balKey{l.Date, l.Amount.Fen(), l.Balance.Fen()}
			if first, dup := bals[k]; dup {
				ps.add(l.Row, "", ledger.Refuse("import.duplicate_row", "first", first))
				continue
			}
			bals[k] = l.Row
		}
	}
	if err := ps.err(); err != nil {
		return res, err
	}
	// Chronological order: some banks list the newest line first.
	order := make([]int, len(lines))
	for i := range order {
		order[i] = i
	}
	if lines[0].Date > lines[len(lines)-1].Date {
		for i := range order {
			order[i] = len(lines) - 1 - i
		}
	}
	res.Warnings = balanceGaps(lines, order)
	rowsHash := h.sum()

	err := s.importWrite(src.DryRun, func(t *Tx) error {
		stored, err := t.storedBankKeys(book)
		if err != nil {
			return err
		}
		isNew := make([]bool, len(lines))
		for _, i := range order {
			l := lines[i]
			switch {
			case l.Reference != "":
				if amt, ok := stored.refs[l.Date+"\x00"+l.Reference]; ok {
					if amt != l.Amount.Fen() {
						ps.add(l.Row, "", ledger.Refuse("import.bank_ref_conflict", "reference", l.Reference, "old", ledger.Fen(amt).Grouped(), "new", l.Amount.Grouped()))
					}
					res.Skipped++
					continue
				}
			case l.HasBalance:
				k := bankBalKey(l.Date, l.Amount.Fen(), l.Balance.Fen())
				if stored.bals[k] > 0 {
					stored.bals[k]--
					res.Skipped++
					continue
				}
			default:
				k := bankLooseKey(l.Date, l.Amount.Fen(), l.Counterparty, l.Summary)
				if stored.loose[k] > 0 {
					stored.loose[k]--
					res.Skipped++
					continue
				}
			}
			isNew[i] = true
			res.Created++
		}
		if err := ps.err(); err != nil {
			return err
		}
		if res.Created == 0 {
			return nil
		}
		id, err := t.insertImport("bank", book, src, rowsHash, &res)
		if err != nil {
			return err
		}
		res.ImportID = id
		stmt, err := t.Prepare(`INSERT INTO bank_lines(import_id, pos, source_row, book, date, amount_fen, balance_fen, counterparty, reference, summary)
			VALUES (?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		pos := 0
		for _, i := range order {
			if !isNew[i] {
				continue
			}
			l := lines[i]
			pos++
			var bal any
			if l.HasBalance {
				bal = l.Balance.Fen()
			}
			if _, err := stmt.Exec(id, pos, l.Row, book, l.Date, l.Amount.Fen(), bal, l.Counterparty, l.Reference, l.Summary); err != nil {
				return mapConstraint(err)
			}
		}
		if err := t.logImport(id); err != nil {
			return err
		}
		m, err := matchedOfImport(t, book, id)
		if err != nil {
			return err
		}
		res.Matched = m
		return nil
	})
	if err != nil {
		return ImportResult{Kind: "bank", Rows: len(lines), DryRun: src.DryRun}, err
	}
	if src.DryRun {
		res.ImportID = 0
	}
	return res, nil
}

// balanceGaps warns where a printed balance does not follow from the one before and the
// amount: a line missing from the statement, or income and expense columns swapped.
func balanceGaps(lines []BankLine, order []int) []RowProblem {
	var out []RowProblem
	var prev *BankLine
	for _, i := range order {
		l := &lines[i]
		if !l.HasBalance {
			prev = nil
			continue
		}
		if prev != nil {
			want := prev.Balance.Add(l.Amount)
			if want != l.Balance {
				out = append(out, RowProblem{Row: l.Row, Err: ledger.Refuse("import.balance_gap", "expected", want.Grouped(), "found", l.Balance.Grouped())})
			}
		}
		prev = l
	}
	return out
}

type storedBank struct {
	refs  map[string]int64 // date + reference → amount
	bals  map[string]int   // date, amount, balance → count
	loose map[string]int   // date, amount, counterparty, summary → count (lines with neither)
}

func bankBalKey(date string, amount, bal int64) string {
	return date + "\x00" + strconv.FormatInt(amount, 10) + "\x00" + strconv.FormatInt(bal, 10)
}

func bankLooseKey(date string, amount int64, cp, summary string) string {
	return date + "\x00" + strconv.FormatInt(amount, 10) + "\x00" + cp + "\x00" + summary
}

func (t *Tx) storedBankKeys(book ledger.Book) (storedBank, error) {
	out := storedBank{refs: map[string]int64{}, bals: map[string]int{}, loose: map[string]int{}}
	var lines []storedBankLine
	if err := t.Select(&lines, `SELECT `+storedBankCols+` FROM bank_lines WHERE book = ?`, book); err != nil {
		return out, err
	}
	for _, l := range lines {
		date, amount := l.Date, l.Amount
		switch {
		case l.Reference != "":
			out.refs[date+"\x00"+l.Reference] = amount
		case l.Balance.Valid:
			out.bals[bankBalKey(date, amount, l.Balance.Int64)]++
		default:
			out.loose[bankLooseKey(date, amount, l.Counterparty, l.Summary)]++
		}
	}
	return out, nil
}

// ReconItem is an item of a bank reconciliation not yet on the other side.
type ReconItem struct {
	Date      string
	Amount    ledger.Money // money in positive, out negative
	Text      string       // a bank line's counterparty and summary; a voucher's summary
	Reference string       // a bank line's reference
	LineID    int64        // a bank line
	VoucherID int64        // a voucher
	VoucherNo string
}

// ReconcileOptions tune Reconcile.
type ReconcileOptions struct {
	// From is the first day reconciled; "" = the day of the book's first bank line.
	From string
	// MatchDays is how far apart a bank line and its voucher may be dated (default 5).
	MatchDays int
	// BankBalance is the bank's balance at AsOf, for statements that print none.
	BankBalance *ledger.Money
}

// Reconciliation is a bank reconciliation statement (银行存款余额调节表) of one book's account
// as of a date: the book balance and the bank's, each adjusted by what the other side has and
// it has not yet.
type Reconciliation struct {
	Book        ledger.Book
	From, AsOf  string
	BookBalance ledger.Money
	BankBalance ledger.Money
	// BankBalanceSource: "statement" (the balance the bank printed on or before AsOf, with any
	// later lines added) or "given" (ReconcileOptions.BankBalance, for a statement without
	// balances).
	BankBalanceSource string
	BankLines         int         // bank lines From..AsOf
	BookItems         int         // bank postings of the book From..AsOf
	Matched           int         // bank lines matched to a voucher
	BankOnlyIn        []ReconItem // 银行已收、账上未收
	BankOnlyOut       []ReconItem // 银行已付、账上未付
	BookOnlyIn        []ReconItem // 账上已收、银行未收
	BookOnlyOut       []ReconItem // 账上已付、银行未付
	AdjustedBook      ledger.Money
	AdjustedBank      ledger.Money
	Difference        ledger.Money // AdjustedBook − AdjustedBank
	Reconciled        bool
}

type reconLine struct {
	item    ReconItem
	day     int
	matched bool
	balFen  *int64 // a bank line's printed balance
}

// Reconcile matches a book's bank lines with its vouchers' bank postings (same amount, dated
// at most MatchDays apart, the nearest first) and draws up the reconciliation as of asOf.
func (s *Store) Reconcile(book ledger.Book, asOf string, o ReconcileOptions) (Reconciliation, error) {
	rec := Reconciliation{Book: book, AsOf: strings.TrimSpace(asOf)}
	if !book.Valid() {
		return rec, ledger.Refuse("voucher.unknown_book", "book", book)
	}
	if _, err := ledger.ParseDate(rec.AsOf); err != nil {
		return rec, err
	}
	if o.MatchDays <= 0 {
		o.MatchDays = DefaultMatchDays
	}
	if o.MatchDays > 60 {
		o.MatchDays = 60
	}
	err := s.read(bg, func(tx *sqlTx) error {
		if !hasBankTables(tx) {
			return ledger.Refuse("bank.no_lines", bookArgs("book", book)...)
		}
		bank, err := loadBankLines(tx, book, "", rec.AsOf)
		if err != nil {
			return err
		}
		if len(bank) == 0 {
			return ledger.Refuse("bank.no_lines", bookArgs("book", book)...)
		}
		rec.From = strings.TrimSpace(o.From)
		if rec.From == "" {
			rec.From = bank[0].item.Date
		} else if _, err := ledger.ParseDate(rec.From); err != nil {
			return err
		}
		if rec.From > rec.AsOf {
			return ledger.Refuse("bank.from_after_date", "from", rec.From, "date", rec.AsOf)
		}
		fromDay := dayNumber(rec.From)
		book1, err := loadBookItems(tx, book, dayString(fromDay-o.MatchDays), rec.AsOf)
		if err != nil {
			return err
		}
		var period []*reconLine
		for _, l := range bank {
			if l.day >= fromDay {
				period = append(period, l)
			}
		}
		matchLines(period, book1, o.MatchDays)

		rec.BookBalance, err = bookBalanceAsOf(tx, book, rec.AsOf)
		if err != nil {
			return err
		}
		// The bank's balance: the last one printed, plus any lines after it.
		last := -1
		for i, l := range bank {
			if l.hasBal() {
				last = i
			}
		}
		if last >= 0 {
			rec.BankBalanceSource = "statement"
			rec.BankBalance = bank[last].balance()
			for _, l := range bank[last+1:] {
				rec.BankBalance = rec.BankBalance.Add(l.item.Amount)
			}
		} else if o.BankBalance != nil {
			rec.BankBalanceSource, rec.BankBalance = "given", *o.BankBalance
		} else {
			return ledger.Refuse("bank.balance_unknown", "date", rec.AsOf)
		}
		if last >= 0 && o.BankBalance != nil && *o.BankBalance != rec.BankBalance {
			return ledger.Refuse("bank.balance_differs", "given", o.BankBalance.Grouped(), "statement", rec.BankBalance.Grouped(), "date", rec.AsOf)
		}

		rec.AdjustedBook, rec.AdjustedBank = rec.BookBalance, rec.BankBalance
		for _, l := range period {
			rec.BankLines++
			if l.matched {
				rec.Matched++
				continue
			}
			rec.AdjustedBook = rec.AdjustedBook.Add(l.item.Amount)
			if l.item.Amount.Sign() > 0 {
				rec.BankOnlyIn = append(rec.BankOnlyIn, l.item)
			} else {
				rec.BankOnlyOut = append(rec.BankOnlyOut, l.item)
			}
		}
		for _, b := range book1 {
			if b.day < fromDay && !b.matched {
				continue // before the statement: taken as cleared before it
			}
			rec.BookItems++
			if b.matched {
				continue
			}
			rec.AdjustedBank = rec.AdjustedBank.Add(b.item.Amount)
			if b.item.Amount.Sign() > 0 {
				rec.BookOnlyIn = append(rec.BookOnlyIn, b.item)
			} else {
				rec.BookOnlyOut = append(rec.BookOnlyOut, b.item)
			}
		}
		rec.Difference = rec.AdjustedBook.Sub(rec.AdjustedBank)
		rec.Reconciled = rec.Difference.IsZero()
		return nil
	})
	return rec, err
}

func (l *reconLine) hasBal() bool          { return l.balFen != nil }
func (l *reconLine) balance() ledger.Money { return ledger.Fen(*l.balFen) }

func hasBankTables(q queryer) bool {
	var n int
	q.Get(&n, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'bank_lines'`)
	return n == 1
}

// loadBankLines returns a book's bank lines from..to (from "" = all) in the bank's order.
func loadBankLines(q querier, book ledger.Book, from, to string) ([]*reconLine, error) {
	if from == "" {
		from = "0000-00-00"
	}
	var lines []storedBankLine
	if err := q.Select(&lines, `SELECT id, `+storedBankCols+` FROM bank_lines
		WHERE book = ? AND date >= ? AND date <= ? ORDER BY date, import_id, pos`, book, from, to); err != nil {
		return nil, err
	}
	var out []*reconLine
	for _, b := range lines {
		l := &reconLine{}
		l.item.LineID, l.item.Date, l.item.Reference = b.ID, b.Date, b.Reference
		l.item.Amount = ledger.Fen(b.Amount)
		l.item.Text = strings.TrimSpace(b.Counterparty + " " + b.Summary)
		if b.Balance.Valid {
			v := b.Balance.Int64
			l.balFen = &v
		}
		l.day = dayNumber(l.item.Date)
		out = append(out, l)
	}
	return out, nil
}

// storedBankLine is a bank_lines row as reconciliation and de-duplication read it.
type storedBankLine struct {
	ID           int64         `db:"id"`
	Date         string        `db:"date"`
	Amount       int64         `db:"amount_fen"` // kept in fen: de-duplication keys are built from it
	Balance      sql.NullInt64 `db:"balance_fen"`
	Counterparty string        `db:"counterparty"`
	Reference    string        `db:"reference"`
	Summary      string        `db:"summary"`
}

const storedBankCols = `date, amount_fen, balance_fen, counterparty, reference, summary`

// loadBookItems returns the postings on a book's bank account from..to, in date order.
func loadBookItems(q querier, book ledger.Book, from, to string) ([]*reconLine, error) {
	var items []struct {
		ID int64 `db:"id"`
		voucherKey
		Summary string       `db:"summary"`
		Date    string       `db:"date"`
		Amount  ledger.Money `db:"amount_fen"`
	}
	if err := q.Select(&items, `SELECT v.id, v.book, v.year, v.number, v.summary, p.date, p.amount_fen FROM postings p
		JOIN vouchers v ON v.id = p.voucher_id JOIN accounts a ON a.id = p.account_id
		WHERE a.book = ? AND a.kind = 'asset' AND p.date >= ? AND p.date <= ? ORDER BY p.date, v.id, p.line`, book, from, to); err != nil {
		return nil, err
	}
	var out []*reconLine
	for _, it := range items {
		l := &reconLine{}
		l.item.VoucherID, l.item.VoucherNo, l.item.Text, l.item.Date, l.item.Amount = it.ID, it.No(), it.Summary, it.Date, it.Amount
		l.day = dayNumber(l.item.Date)
		out = append(out, l)
	}
	return out, nil
}

// matchLines pairs bank lines with book items of the same amount dated at most window days
// apart: each bank line, in the bank's order, takes the nearest unmatched item (the earlier
// one on a tie). Each side is matched at most once.
func matchLines(bank, book []*reconLine, window int) {
	byAmount := map[int64][]*reconLine{}
	for _, b := range book {
		k := b.item.Amount.Fen()
		byAmount[k] = append(byAmount[k], b)
	}
	start := map[int64]int{}
	for _, l := range bank {
		k := l.item.Amount.Fen()
		cands := byAmount[k]
		// bank lines come in date order: items too early for this one are too early for the rest
		i := start[k]
		for i < len(cands) && cands[i].day < l.day-window {
			i++
		}
		start[k] = i
		var best *reconLine
		for ; i < len(cands) && cands[i].day <= l.day+window; i++ {
			c := cands[i]
			if !c.matched && (best == nil || abs(c.day-l.day) < abs(best.day-l.day)) {
				best = c
			}
		}
		if best != nil {
			best.matched, l.matched = true, true
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func dayNumber(date string) int {
	d, err := time.Parse(ledger.DateLayout, date)
	if err != nil {
		return 0
	}
	return int(d.Unix() / 86400)
}

func dayString(n int) string { return time.Unix(int64(n)*86400, 0).UTC().Format(ledger.DateLayout) }

// matchedOfImport counts the lines of an import that match a voucher, matching the book's
// whole statement history so that earlier lines keep their vouchers.
func matchedOfImport(t *Tx, book ledger.Book, importID int64) (int, error) {
	bank, err := loadBankLines(t, book, "", "9999-12-31")
	if err != nil {
		return 0, err
	}
	if len(bank) == 0 {
		return 0, nil
	}
	items, err := loadBookItems(t, book, dayString(bank[0].day-DefaultMatchDays), "9999-12-31")
	if err != nil {
		return 0, err
	}
	matchLines(bank, items, DefaultMatchDays)
	var of []int64
	if err := t.Select(&of, `SELECT id FROM bank_lines WHERE import_id = ?`, importID); err != nil {
		return 0, err
	}
	ids := map[int64]bool{}
	for _, id := range of {
		ids[id] = true
	}
	n := 0
	for _, l := range bank {
		if l.matched && ids[l.item.LineID] {
			n++
		}
	}
	return n, nil
}

// bankBalanceOn is the balance the bank printed at the end of date for a book's account, with
// any later lines of that day added: ok is false when no statement line up to date has one.
func bankBalanceOn(q querier, book ledger.Book, date string) (ledger.Money, bool, error) {
	if qq, ok := q.(queryer); ok && !hasBankTables(qq) {
		return ledger.Zero, false, nil
	}
	lines, err := loadBankLines(q, book, "", date)
	if err != nil {
		return ledger.Zero, false, err
	}
	last := -1
	for i, l := range lines {
		if l.hasBal() {
			last = i
		}
	}
	if last < 0 {
		return ledger.Zero, false, nil
	}
	bal := lines[last].balance()
	for _, l := range lines[last+1:] {
		bal = bal.Add(l.item.Amount)
	}
	return bal, true, nil
}
