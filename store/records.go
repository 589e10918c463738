package store

import (
	"strings"

	"jiayuan/store/ledger"
)

// Audit is an annual (or hand-over) audit of the books.
type Audit struct {
	ID        int64         `db:"id"`
	Year      int           `db:"year"`
	Books     []ledger.Book `db:"-"` // stored comma-separated
	Firm      string        `db:"firm"`
	EngagedOn string        `db:"engaged_on"`
	ReportOn  string        `db:"report_on"`
	Opinion   string        `db:"opinion"` // unqualified, qualified, adverse, disclaimer
	Note      string        `db:"note"`
	Findings  []Finding     `db:"-"`
}

// Finding is an audit finding and its rectification.
type Finding struct {
	ID          int64  `db:"id"`
	Text        string `db:"finding"`
	Status      string `db:"status"` // open, rectified
	RectifiedOn string `db:"rectified_on"`
}

func joinBooks(bs []ledger.Book) (string, error) {
	if len(bs) == 0 {
		return "", ledger.Refuse("audit.no_books")
	}
	parts := make([]string, len(bs))
	for i, b := range bs {
		if !b.Valid() {
			return "", ledger.Refuse("voucher.unknown_book", "book", b)
		}
		parts[i] = string(b)
	}
	return strings.Join(parts, ","), nil
}

// AddAudit records an audit.
func (s *Store) AddAudit(a Audit) (int64, error) {
	if a.Year < 1990 || a.Year > 2100 {
		return 0, ledger.Refuse("audit.bad_year")
	}
	if strings.TrimSpace(a.Firm) == "" {
		return 0, ledger.Refuse("audit.firm_empty")
	}
	books, err := joinBooks(a.Books)
	if err != nil {
		return 0, err
	}
	for _, d := range []string{a.EngagedOn, a.ReportOn} {
		if d != "" {
			if _, err := ledger.ParseDate(d); err != nil {
				return 0, err
			}
		}
	}
	var id int64
	err = s.write(bg, func(t *Tx) (err error) {
		id, err = t.insertLogged("audit", `INSERT INTO audits(year, books, firm, engaged_on, report_on, opinion, note) VALUES (?,?,?,?,?,?,?)`,
			a.Year, books, strings.TrimSpace(a.Firm), a.EngagedOn, a.ReportOn, a.Opinion, a.Note)
		return err
	})
	return id, err
}

// AddFinding records a finding of an audit.
func (s *Store) AddFinding(auditID int64, text string) (int64, error) {
	if strings.TrimSpace(text) == "" {
		return 0, ledger.Refuse("audit.finding_empty")
	}
	var id int64
	err := s.write(bg, func(t *Tx) (err error) {
		id, err = t.insertLogged("audit_finding", `INSERT INTO audit_findings(audit_id, finding, status) VALUES (?,?, 'open')`, auditID, strings.TrimSpace(text))
		return err
	})
	return id, err
}

// RectifyFinding marks a finding rectified on a date.
func (s *Store) RectifyFinding(findingID int64, date string) error {
	if _, err := ledger.ParseDate(date); err != nil {
		return err
	}
	return s.write(bg, func(t *Tx) error {
		return t.change("audit_finding", findingID, func() error {
			res, err := t.Exec(`UPDATE audit_findings SET status = 'rectified', rectified_on = ? WHERE id = ?`, date, findingID)
			if n, _ := res.RowsAffected(); err == nil && n == 0 {
				return ledger.Refuse("record.not_found", "what", "finding", "id", findingID)
			}
			return err
		})
	})
}

// Audits lists the audits with their findings, newest year first.
func (s *Store) Audits() ([]Audit, error) {
	var rows []struct {
		Audit
		BookList string `db:"books"`
	}
	if err := s.db.Select(&rows, `SELECT id, year, books, firm, engaged_on, report_on, opinion, note FROM audits ORDER BY year DESC, id DESC`); err != nil {
		return nil, err
	}
	var out []Audit
	for _, r := range rows {
		a := r.Audit
		for _, b := range strings.Split(r.BookList, ",") {
			a.Books = append(a.Books, ledger.Book(b))
		}
		if err := s.db.Select(&a.Findings, `SELECT id, finding, status, rectified_on FROM audit_findings WHERE audit_id = ? ORDER BY id`, a.ID); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// Disclosure is a public notice of a book's accounts for a period (公示).
type Disclosure struct {
	ID          int64
	Book        ledger.Book
	Period      ledger.Period
	PublishedOn string
	Place       string
}

// disclosureRow is a disclosures row as scanned.
type disclosureRow struct {
	ID int64 `db:"id"`
	bookPeriod
	PublishedOn string `db:"published_on"`
	Place       string `db:"place"`
}

// AddDisclosure records that a book's accounts for a period were published.
func (s *Store) AddDisclosure(d Disclosure) (int64, error) {
	if !d.Book.Valid() {
		return 0, ledger.Refuse("voucher.unknown_book", "book", d.Book)
	}
	for _, x := range []string{d.Period.From, d.Period.To, d.PublishedOn} {
		if _, err := ledger.ParseDate(x); err != nil {
			return 0, err
		}
	}
	if d.Period.To < d.Period.From {
		return 0, ledger.Refuse("period.reversed")
	}
	if d.PublishedOn < d.Period.To {
		return 0, ledger.Refuse("disclosure.before_period_end")
	}
	var id int64
	err := s.write(bg, func(t *Tx) (err error) {
		id, err = t.insertLogged("disclosure", `INSERT INTO disclosures(book, period_from, period_to, published_on, place) VALUES (?,?,?,?,?)`,
			d.Book, d.Period.From, d.Period.To, d.PublishedOn, strings.TrimSpace(d.Place))
		return err
	})
	return id, err
}

// Disclosures lists the disclosures, newest first.
func (s *Store) Disclosures() ([]Disclosure, error) {
	var rows []disclosureRow
	if err := s.db.Select(&rows, `SELECT id, book, period_from, period_to, published_on, place FROM disclosures ORDER BY period_to DESC, book`); err != nil {
		return nil, err
	}
	var out []Disclosure
	for _, r := range rows {
		out = append(out, Disclosure{ID: r.ID, Book: r.Book, Period: r.Period(), PublishedOn: r.PublishedOn, Place: r.Place})
	}
	return out, nil
}

// SetBudget sets the working-expense budget of a year for one expense account. The year's
// budget must have been approved by the owners' assembly (a passed budget resolution for the
// year, R8); with an approved total, the lines may not add up to more.
func (s *Store) SetBudget(year int, accountCode string, amount ledger.Money) error {
	if amount.Sign() < 0 {
		return ledger.Refuse("amount.not_positive", "input", amount.String())
	}
	return s.write(bg, func(t *Tx) error {
		var kind string
		if err := t.Get(&kind, `SELECT kind FROM accounts WHERE book = 'working' AND code = ?`, accountCode); err != nil || kind != string(ledger.KindExpense) {
			return ledger.Refuse("budget.bad_account", "account", accountCode)
		}
		if err := t.checkBudgetApproved(year, accountCode, amount); err != nil {
			return err
		}
		var id int64
		if err := t.Get(&id, `SELECT id FROM budgets WHERE year = ? AND account_code = ?`, year, accountCode); err == nil {
			return t.change("budget", id, func() error {
				_, err := t.Exec(`UPDATE budgets SET amount_fen = ? WHERE id = ?`, amount.Fen(), id)
				return err
			})
		}
		_, err := t.insertLogged("budget", `INSERT INTO budgets(year, account_code, amount_fen) VALUES (?,?,?)`, year, accountCode, amount.Fen())
		return err
	})
}

// BudgetLine is a working-expense category's budget against actual for a year.
type BudgetLine struct {
	AccountCode string       `db:"code"`
	Name        string       `db:"name_zh"`
	Budget      ledger.Money `db:"budget_fen"`
	Actual      ledger.Money `db:"actual_fen"`
}

// BudgetVsActual returns the working-expense budget of a year against what was spent.
func (s *Store) BudgetVsActual(year int) ([]BudgetLine, error) {
	p := ledger.YearPeriod(year)
	var out []BudgetLine
	err := s.db.Select(&out, `SELECT a.code, a.name_zh,
		COALESCE((SELECT amount_fen FROM budgets b WHERE b.year = ? AND b.account_code = a.code), 0) AS budget_fen,
		COALESCE((SELECT SUM(amount_fen) FROM postings p WHERE p.account_id = a.id AND p.date BETWEEN ? AND ?), 0) AS actual_fen
		FROM accounts a WHERE a.book = 'working' AND a.kind = 'expense' ORDER BY a.code`, year, p.From, p.To)
	return out, err
}
