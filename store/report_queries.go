package store

import (
	"cmp"
	"database/sql"
	"slices"
	"strings"

	"jiayuan/store/ledger"
)

// Queries for the reports (app/reporting). Everything here reads; sums are taken in SQL over
// the integer fen columns with the indexes the schema has for them (postings(account_id, date,
// amount_fen), unit_entries(unit_id, date, amount_fen)), and long lists are streamed, so a
// report of a 5,000-unit, 20-year ledger never loads a million rows to add them up.

// rqLastDate is later than any date of the ledger, for open-ended periods.
const rqLastDate = "9999-12-31"

func rqBounds(from, to string) (string, string) {
	if from == "" {
		from = "0000-01-01"
	}
	if to == "" {
		to = rqLastDate
	}
	return from, to
}

// AccountPeriod is one account's figures for a period: its balance before the period, what
// was debited and credited in it, and its balance at the end. Balances are signed, debit
// positive, as the postings are.
type AccountPeriod struct {
	Code    string             `db:"code"`
	Name    string             `db:"name_zh"`
	Kind    ledger.AccountKind `db:"kind"`
	Opening ledger.Money       `db:"opening"` // balance at the end of the day before from
	Debit   ledger.Money       `db:"debit"`   // Σ debits in the period (≥ 0)
	Credit  ledger.Money       `db:"credit"`  // Σ credits in the period, as a positive amount
	Closing ledger.Money       `db:"-"`       // Opening + Debit − Credit
}

// Movement is the period's net change, debit positive.
func (a AccountPeriod) Movement() ledger.Money { return a.Debit.Sub(a.Credit) }

// AccountTotals returns every account of a book, in code order, with its figures for the
// period from..to (inclusive; empty ends are open). One grouped query over the postings index.
func (s *Store) AccountTotals(book ledger.Book, from, to string) ([]AccountPeriod, error) {
	if !book.Valid() {
		return nil, ledger.Refuse("voucher.unknown_book", "book", book)
	}
	from, to = rqBounds(from, to)
	var out []AccountPeriod
	err := s.db.Select(&out, `SELECT a.code, a.name_zh, a.kind,
		COALESCE(SUM(CASE WHEN p.date < ? THEN p.amount_fen END), 0) AS opening,
		COALESCE(SUM(CASE WHEN p.date >= ? AND p.amount_fen > 0 THEN p.amount_fen END), 0) AS debit,
		COALESCE(SUM(CASE WHEN p.date >= ? AND p.amount_fen < 0 THEN -p.amount_fen END), 0) AS credit
		FROM accounts a LEFT JOIN postings p ON p.account_id = a.id AND p.date <= ?
		WHERE a.book = ? GROUP BY a.id ORDER BY a.code`, from, from, from, to, book)
	for i := range out {
		a := &out[i]
		a.Closing = a.Opening.Add(a.Debit).Sub(a.Credit)
	}
	return out, err
}

// BookBalancesAt returns a book's bank balance (its asset accounts) at the end of each of the
// given dates, in one pass over the postings.
func (s *Store) BookBalancesAt(book ledger.Book, dates []string) ([]ledger.Money, error) {
	if !book.Valid() {
		return nil, ledger.Refuse("voucher.unknown_book", "book", book)
	}
	out := make([]ledger.Money, len(dates))
	if len(dates) == 0 {
		return out, nil
	}
	cols, args := rqBalanceColumns("p", dates)
	args = append(args, book)
	sums := make([]int64, len(dates))
	ptrs := make([]any, len(dates))
	for i := range sums {
		ptrs[i] = &sums[i]
	}
	err := s.db.QueryRow(`SELECT `+cols+` FROM postings p JOIN accounts a ON a.id = p.account_id
		WHERE a.book = ? AND a.kind = 'asset'`, args...).Scan(ptrs...)
	if err != nil {
		return nil, err
	}
	for i, v := range sums {
		out[i] = ledger.Fen(v)
	}
	return out, nil
}

// rqBalanceColumns is one "Σ amount up to date" column per date.
func rqBalanceColumns(alias string, dates []string) (string, []any) {
	parts := make([]string, len(dates))
	args := make([]any, len(dates))
	for i, d := range dates {
		parts[i] = `COALESCE(SUM(CASE WHEN ` + alias + `.date <= ? THEN ` + alias + `.amount_fen END), 0)`
		args[i] = d
	}
	return strings.Join(parts, ", "), args
}

// JournalRow is one posting of a book's journal, with its voucher.
type JournalRow struct {
	VoucherID   int64
	No          string
	Date        string
	Summary     string
	VoucherKind string // normal, opening, transfer, reversal
	Line        int
	AccountCode string
	AccountName string
	AccountKind ledger.AccountKind
	Amount      ledger.Money // debit positive
	Memo        string
}

// JournalRows streams a book's postings dated from..to in date order (then voucher, then
// line) in one query and one read snapshot; fn sees each row in turn and may keep nothing of
// it (the row is reused).
func (s *Store) JournalRows(book ledger.Book, from, to string, fn func(*JournalRow) error) error {
	if !book.Valid() {
		return ledger.Refuse("voucher.unknown_book", "book", book)
	}
	from, to = rqBounds(from, to)
	return s.read(bg, func(tx *sqlTx) error {
		rows, err := tx.Query(`SELECT v.id, v.year, v.number, v.date, v.summary, v.kind, p.line, a.code, a.name_zh, a.kind, p.amount_fen, p.memo
			FROM vouchers v JOIN postings p ON p.voucher_id = v.id JOIN accounts a ON a.id = p.account_id
			WHERE v.book = ? AND v.date BETWEEN ? AND ? ORDER BY v.date, v.id, p.line`, book, from, to)
		if err != nil {
			return err
		}
		defer rows.Close()
		var r JournalRow
		var year, number int
		var amt int64
		lastID, lastNo := int64(-1), ""
		for rows.Next() {
			if err := rows.Scan(&r.VoucherID, &year, &number, &r.Date, &r.Summary, &r.VoucherKind, &r.Line, &r.AccountCode,
				&r.AccountName, &r.AccountKind, &amt, &r.Memo); err != nil {
				return err
			}
			if r.VoucherID != lastID {
				lastID, lastNo = r.VoucherID, ledger.VoucherNo(book, year, number)
			}
			r.No = lastNo
			r.Amount = ledger.Fen(amt)
			if err := fn(&r); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// UnitSelect chooses units for the per-unit reports: one unit, one building, or (zero) all.
type UnitSelect struct {
	UnitID     int64
	BuildingID int64
}

// rqUnitOrder is the order units are listed in everywhere: building code, then room, with
// shorter codes first so that 2号 comes before 10号.
const rqUnitOrder = `length(b.code), b.code, length(u.room), u.room`

// UnitPeriod is one unit's sub-account (分户账) for a period, by kind of entry.
type UnitPeriod struct {
	UnitID       int64        `db:"unit_id"`
	BuildingID   int64        `db:"building_id"`
	BuildingCode string       `db:"building_code"`
	Room         string       `db:"room"`
	Owner        string       `db:"owner"`
	AreaCM2      int64        `db:"area_cm2"`
	HousingType  string       `db:"housing_type"`
	Initial      ledger.Money `db:"initial_fen"` // 首期应筹集金额
	Opening      ledger.Money `db:"opening"`     // balance before the period
	Deposits     ledger.Money `db:"deposits"`    // 首期交存, 续筹交存 and opening balances brought in
	Interest     ledger.Money `db:"interest"`
	TransfersIn  ledger.Money `db:"transfers_in"` // 公共收益转入
	Repairs      ledger.Money `db:"repairs"`      // apportioned repair expenses, as a positive amount taken
	Other        ledger.Money `db:"other"`        // entries on any other per-unit account (signed)
	Closing      ledger.Money `db:"-"`
	Entries      int          `db:"entries"` // sub-ledger lines in the period
}

// In is what the period added to the unit's balance.
func (u UnitPeriod) In() ledger.Money {
	return ledger.Sum(u.Deposits, u.Interest, u.TransfersIn, u.Other)
}

// UnitPeriodTotals returns, for the selected units in building and room order, the opening
// balance, the period's entries by kind and the closing balance — all in one grouped query
// over the sub-ledger: the opening balance is summed from the unit_entries(unit_id, date,
// amount_fen) index alone, and only the period's lines are read to sort them by kind. Units
// without entries are listed with zeros.
func (s *Store) UnitPeriodTotals(from, to string, sel UnitSelect) ([]UnitPeriod, error) {
	from, to = rqBounds(from, to)
	in := func(codes ...string) string { return `a.code IN ('` + strings.Join(codes, `','`) + `')` }
	known := in(ledger.CodeFundInitial, ledger.CodeFundReplenish, ledger.CodeOpening, ledger.CodeFundInterest,
		ledger.CodeFundTransferIn, ledger.CodeFundRepair)
	period := func(cond string) string {
		return `COALESCE(SUM(CASE WHEN ` + cond + ` THEN e.amount_fen END), 0)`
	}
	cond, args := "", []any{from, to}
	switch {
	case sel.UnitID != 0:
		cond, args = " WHERE u.id = ?3", append(args, sel.UnitID)
	case sel.BuildingID != 0:
		cond, args = " WHERE u.building_id = ?3", append(args, sel.BuildingID)
	}
	q := `SELECT u.id AS unit_id, u.building_id, b.code AS building_code, u.room, COALESCE(o.name, '') AS owner, u.area_cm2,
		u.housing_type, u.initial_fen,
		(SELECT COALESCE(SUM(pe.amount_fen), 0) FROM unit_entries pe WHERE pe.unit_id = u.id AND pe.date < ?1) AS opening,
		` + period(in(ledger.CodeFundInitial, ledger.CodeFundReplenish, ledger.CodeOpening)) + ` AS deposits,
		` + period(in(ledger.CodeFundInterest)) + ` AS interest,
		` + period(in(ledger.CodeFundTransferIn)) + ` AS transfers_in,
		-` + period(in(ledger.CodeFundRepair)) + ` AS repairs,
		` + period(`NOT `+known) + ` AS other,
		COUNT(e.id) AS entries
		FROM units u JOIN buildings b ON b.id = u.building_id LEFT JOIN owners o ON o.id = u.owner_id
		LEFT JOIN unit_entries e ON e.unit_id = u.id AND e.date BETWEEN ?1 AND ?2
		LEFT JOIN accounts a ON a.id = e.account_id` + cond + ` GROUP BY u.id ORDER BY ` + rqUnitOrder
	var out []UnitPeriod
	err := s.db.Select(&out, q, args...)
	for i := range out {
		u := &out[i]
		u.Closing = u.Opening.Add(u.In()).Sub(u.Repairs)
	}
	return out, err
}

// UnitLine is one line of a unit's sub-account with its voucher.
type UnitLine struct {
	UnitID      int64
	VoucherID   int64
	No          string
	Date        string
	Summary     string
	AccountCode string
	Amount      ledger.Money // positive adds to the unit's balance
}

// EachUnitLine streams the sub-ledger lines dated from..to of the selected units, unit by
// unit in the order of UnitPeriodTotals, each unit's lines in date order.
func (s *Store) EachUnitLine(from, to string, sel UnitSelect, fn func(*UnitLine) error) error {
	from, to = rqBounds(from, to)
	where, wargs := "1=1", []any{}
	switch {
	case sel.UnitID != 0:
		where, wargs = "e.unit_id = ?", []any{sel.UnitID}
	case sel.BuildingID != 0:
		where, wargs = "u.building_id = ?", []any{sel.BuildingID}
	}
	return s.read(bg, func(tx *sqlTx) error {
		// Driven by the fund's vouchers of the period (or the unit's own index): never a scan of
		// the whole sub-ledger. A line's date is its voucher's.
		rows, err := tx.Query(`SELECT e.unit_id, e.voucher_id, v.book, v.year, v.number, e.date, v.summary, a.code, e.amount_fen
			FROM vouchers v JOIN unit_entries e ON e.voucher_id = v.id JOIN units u ON u.id = e.unit_id JOIN buildings b ON b.id = u.building_id
			JOIN accounts a ON a.id = e.account_id
			WHERE v.book = 'fund' AND v.date BETWEEN ? AND ? AND e.date BETWEEN ? AND ? AND `+where+` ORDER BY `+rqUnitOrder+`, e.date, e.id`,
			append([]any{from, to, from, to}, wargs...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		var l UnitLine
		var book string
		var year, number int
		var amt int64
		for rows.Next() {
			if err := rows.Scan(&l.UnitID, &l.VoucherID, &book, &year, &number, &l.Date, &l.Summary, &l.AccountCode, &amt); err != nil {
				return err
			}
			l.No = voucherNo(book, year, number)
			l.Amount = ledger.Fen(amt)
			if err := fn(&l); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// BuildingBalances is a building's sub-account balances (Σ of its units') at a series of
// dates, against the Σ of its units' initial amounts.
type BuildingBalances struct {
	BuildingID int64          `db:"id"`
	Code       string         `db:"code"`
	Name       string         `db:"name"`
	Units      int            `db:"units"`
	Initial    ledger.Money   `db:"initial_fen"`
	Balances   []ledger.Money `db:"-"` // one per date asked for
}

// BuildingBalancesAt returns every building's balance at the end of each date, in one pass
// over the sub-ledger.
func (s *Store) BuildingBalancesAt(dates []string) ([]BuildingBalances, error) {
	var out []BuildingBalances
	err := s.read(bg, func(tx *sqlTx) error {
		if err := tx.Select(&out, `SELECT b.id, b.code, b.name, count(u.id) AS units, COALESCE(SUM(u.initial_fen), 0) AS initial_fen
			FROM buildings b LEFT JOIN units u ON u.building_id = b.id GROUP BY b.id ORDER BY length(b.code), b.code`); err != nil {
			return err
		}
		idx := map[int64]int{}
		for i := range out {
			out[i].Balances = make([]ledger.Money, len(dates))
			idx[out[i].BuildingID] = i
		}
		if len(dates) == 0 {
			return nil
		}
		cols, args := rqBalanceColumns("e", dates)
		rows, err := tx.Query(`SELECT u.building_id, `+cols+` FROM unit_entries e JOIN units u ON u.id = e.unit_id GROUP BY u.building_id`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		sums := make([]int64, len(dates))
		ptrs := make([]any, len(dates)+1)
		var bid int64
		ptrs[0] = &bid
		for i := range sums {
			ptrs[i+1] = &sums[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				return err
			}
			if i, ok := idx[bid]; ok {
				for k, v := range sums {
					out[i].Balances[k] = ledger.Fen(v)
				}
			}
		}
		return rows.Err()
	})
	return out, err
}

// ProjectExpense is a fund voucher posted against a project.
type ProjectExpense struct {
	VoucherID   int64        `db:"id"`
	No          string       `db:"-"`
	Date        string       `db:"date"`
	Summary     string       `db:"summary"`
	Kind        string       `db:"kind"`
	Amount      ledger.Money `db:"amount_fen"` // Σ of its repair-expense postings (negative for a reversal)
	Attachments int          `db:"attachments"`
}

// ProjectExpenses lists the vouchers charged to a project dated from..to, in date order.
func (s *Store) ProjectExpenses(projectID int64, from, to string) ([]ProjectExpense, error) {
	from, to = rqBounds(from, to)
	var rows []struct {
		ProjectExpense
		voucherKey
	}
	err := s.db.Select(&rows, `SELECT v.id, v.book, v.year, v.number, v.date, v.summary, v.kind,
		COALESCE((SELECT SUM(p.amount_fen) FROM postings p JOIN accounts a ON a.id = p.account_id WHERE p.voucher_id = v.id AND a.code = ?), 0) AS amount_fen,
		(SELECT count(*) FROM voucher_attachments va WHERE va.voucher_id = v.id) AS attachments
		FROM vouchers v WHERE v.project_id = ? AND v.book = 'fund' AND v.date BETWEEN ? AND ? ORDER BY v.date, v.id`,
		ledger.CodeFundRepair, projectID, from, to)
	var out []ProjectExpense
	for _, r := range rows {
		r.ProjectExpense.No = r.voucherKey.No()
		out = append(out, r.ProjectExpense)
	}
	return out, err
}

// UnitShare is what one unit bore of a project's expenses.
type UnitShare struct {
	UnitID       int64        `db:"id"`
	BuildingCode string       `db:"code"`
	Room         string       `db:"room"`
	Owner        string       `db:"owner"`
	AreaCM2      int64        `db:"area_cm2"`
	Amount       ledger.Money `db:"amount_fen"` // positive: taken from the unit's balance
}

// ProjectShares returns how the project's expenses dated from..to fell on the units (R4),
// one grouped query over the sub-ledger lines of its vouchers, in building and room order.
func (s *Store) ProjectShares(projectID int64, from, to string) ([]UnitShare, error) {
	from, to = rqBounds(from, to)
	var out []UnitShare
	err := s.db.Select(&out, `SELECT u.id, b.code, u.room, COALESCE(o.name, '') AS owner, u.area_cm2, -SUM(e.amount_fen) AS amount_fen
		FROM vouchers v JOIN unit_entries e ON e.voucher_id = v.id JOIN accounts a ON a.id = e.account_id
		JOIN units u ON u.id = e.unit_id JOIN buildings b ON b.id = u.building_id LEFT JOIN owners o ON o.id = u.owner_id
		WHERE v.project_id = ? AND v.date BETWEEN ? AND ? AND a.code = ?
		GROUP BY u.id ORDER BY `+rqUnitOrder, projectID, from, to, ledger.CodeFundRepair)
	return out, err
}

// ProjectsInPeriod lists the projects, oldest first, that were created in from..to or had a
// voucher charged to them in it.
func (s *Store) ProjectsInPeriod(from, to string) ([]int64, error) {
	from, to = rqBounds(from, to)
	var out []int64
	err := s.db.Select(&out, `SELECT id FROM projects p WHERE p.created_on BETWEEN ?1 AND ?2
		OR EXISTS (SELECT 1 FROM vouchers v WHERE v.project_id = p.id AND v.date BETWEEN ?1 AND ?2) ORDER BY p.created_on, p.id`, from, to)
	return out, err
}

// CaseBuilding is a replenishment case's dues and payments in one building.
type CaseBuilding struct {
	BuildingID int64        `db:"id"`
	Code       string       `db:"code"`
	Units      int          `db:"units"` // units with something due
	Due        ledger.Money `db:"due"`
	Paid       ledger.Money `db:"paid"`       // replenishment deposits citing the case, dated up to the date asked
	PaidUnits  int          `db:"paid_units"` // units that have paid at least their due
}

// CaseByBuilding returns a case's dues and what was paid by the end of date, per building,
// in one grouped query.
func (s *Store) CaseByBuilding(caseID int64, date string) ([]CaseBuilding, error) {
	_, date = rqBounds("", date)
	var out []CaseBuilding
	err := s.db.Select(&out, `SELECT b.id, b.code, SUM(x.due > 0) AS units, SUM(x.due) AS due, SUM(x.paid) AS paid,
		SUM(x.due > 0 AND x.paid >= x.due) AS paid_units
		FROM (SELECT unit_id, SUM(due) AS due, SUM(paid) AS paid FROM (
			SELECT unit_id, due_fen AS due, 0 AS paid FROM replenishment_dues WHERE case_id = ?1
			UNION ALL
			SELECT e.unit_id, 0, e.amount_fen FROM vouchers v JOIN unit_entries e ON e.voucher_id = v.id WHERE v.case_id = ?1 AND e.date <= ?2
		) GROUP BY unit_id) x
		JOIN units u ON u.id = x.unit_id JOIN buildings b ON b.id = u.building_id
		GROUP BY b.id ORDER BY length(b.code), b.code`, caseID, date)
	return out, err
}

// AttachmentRef is a stored attachment and what it documents: a voucher, or another record.
type AttachmentRef struct {
	ID          int64  `db:"id"`
	Name        string `db:"name"`
	SHA256      string `db:"sha256"`
	Mime        string `db:"mime"`
	Size        int64  `db:"size"`
	VoucherID   int64  `db:"voucher_id"` // 0 when it belongs to another record
	VoucherNo   string `db:"-"`
	VoucherDate string `db:"voucher_date"`
	Entity      string `db:"entity"` // for a record attachment: resolution, project, audit, …
	EntityID    int64  `db:"entity_id"`
}

// AttachmentRefs lists the attachments of vouchers dated from..to (date order), then those of
// other records (contracts, vote sheets, audit reports) and any not yet bound to anything.
func (s *Store) AttachmentRefs(from, to string) ([]AttachmentRef, error) {
	from, to = rqBounds(from, to)
	var rows []struct {
		AttachmentRef
		voucherKey
	}
	err := s.db.Select(&rows, `SELECT a.id, a.name, a.sha256, a.mime, a.size, v.id AS voucher_id, v.book, v.year, v.number,
		v.date AS voucher_date, '' AS entity, 0 AS entity_id
		FROM voucher_attachments va JOIN attachments a ON a.id = va.attachment_id JOIN vouchers v ON v.id = va.voucher_id
		WHERE v.date BETWEEN ? AND ?
		UNION ALL
		SELECT a.id, a.name, a.sha256, a.mime, a.size, 0, '', 0, 0, '', ra.entity, ra.entity_id
		FROM record_attachments ra JOIN attachments a ON a.id = ra.attachment_id
		UNION ALL
		SELECT a.id, a.name, a.sha256, a.mime, a.size, 0, '', 0, 0, '', '', 0 FROM attachments a
		WHERE NOT EXISTS (SELECT 1 FROM voucher_attachments va WHERE va.attachment_id = a.id)
		AND NOT EXISTS (SELECT 1 FROM record_attachments ra WHERE ra.attachment_id = a.id)`, from, to)
	if err != nil {
		return nil, err
	}
	var out []AttachmentRef
	for _, r := range rows {
		if r.VoucherID != 0 {
			r.AttachmentRef.VoucherNo = r.No()
		}
		out = append(out, r.AttachmentRef)
	}
	// Vouchers' attachments first in date order, then records', then unbound ones.
	rank := func(a AttachmentRef) int {
		switch {
		case a.VoucherID != 0:
			return 0
		case a.Entity != "":
			return 1
		}
		return 2
	}
	slices.SortStableFunc(out, func(a, b AttachmentRef) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.VoucherDate, b.VoucherDate), cmp.Compare(a.VoucherID, b.VoucherID),
			cmp.Compare(a.Entity, b.Entity), cmp.Compare(a.EntityID, b.EntityID), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// UnitCount is how many units the ledger has (a building's when buildingID is not 0).
func (s *Store) UnitCount(buildingID int64) (int, error) {
	var n int
	err := s.db.Get(&n, `SELECT count(*) FROM units WHERE ?1 = 0 OR building_id = ?1`, buildingID)
	return n, err
}

// FirstVoucherDate is the date of the earliest voucher, "" when there is none.
func (s *Store) FirstVoucherDate() (string, error) {
	var d sql.NullString
	err := s.db.Get(&d, `SELECT MIN(date) FROM vouchers`)
	return d.String, err
}

// LastVoucherDate is the date of the latest voucher, "" when there is none.
func (s *Store) LastVoucherDate() (string, error) {
	var d sql.NullString
	err := s.db.Get(&d, `SELECT MAX(date) FROM vouchers`)
	return d.String, err
}
