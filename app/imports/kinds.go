package imports

import (
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// finish returns the rows and, when some rows have problems, every problem found as a
// *store.RowsRefused. The rows that passed come back beside the problems, so that a caller
// can have the store check them too (a dry run) and list every problem of the file at once.
func finish[T any](t *Table, c *collector, rows []T, err error) (*Table, []T, error) {
	if err != nil {
		return t, nil, err
	}
	return t, rows, c.err()
}

// ReadUnits reads a unit roster: 幢, 室/房号, 建筑面积, 房屋类型, 业主, 电话, 首期应筹集金额.
// Every row is checked (see finish).
func ReadUnits(name string, data []byte, opt Options) (*Table, []store.ImportUnit, error) {
	var out []store.ImportUnit
	c := &collector{}
	t, err := Scan(name, data, UnitsSchema, opt, func(r Record) error {
		c.t = r.t
		u := store.ImportUnit{Row: r.Row}
		ok := true
		var good bool
		if u.Building, good = c.text(r, "building"); !good {
			ok = false
		} else if u.Building == "" {
			c.add(r.Row, "building", ledger.Refuse("building.code_empty"))
			ok = false
		}
		if u.Room, good = c.text(r, "room"); !good {
			ok = false
		} else if u.Room == "" {
			c.add(r.Row, "room", ledger.Refuse("unit.room_empty"))
			ok = false
		}
		if v, good := c.text(r, "area"); good {
			a, err := parseArea(v)
			if err != nil {
				c.add(r.Row, "area", err)
				ok = false
			}
			u.AreaCM2 = a
		} else {
			ok = false
		}
		if v, good := c.text(r, "type"); good {
			ht, err := parseHousingType(v)
			if err != nil {
				c.add(r.Row, "type", err)
				ok = false
			}
			u.HousingType = ht
		} else {
			ok = false
		}
		if u.Owner, good = c.text(r, "owner"); !good {
			ok = false
		}
		if u.Phone, good = c.text(r, "phone"); !good {
			ok = false
		}
		m, empty, good := c.amount(r, "initial")
		switch {
		case !good:
			ok = false
		case empty:
			c.add(r.Row, "initial", ledger.Refuse("import.initial_empty"))
			ok = false
		case m.Sign() < 0:
			c.add(r.Row, "initial", ledger.Refuse("unit.initial_negative"))
			ok = false
		}
		u.Initial = m
		if ok {
			out = append(out, u)
		}
		return nil
	})
	return finish(t, c, out, err)
}

// ReadOpeningUnits reads the fund's per-unit balances brought forward: 幢, 室, 余额.
func ReadOpeningUnits(name string, data []byte, opt Options) (*Table, []store.OpeningUnit, error) {
	var out []store.OpeningUnit
	c := &collector{}
	t, err := Scan(name, data, OpeningUnitsSchema, opt, func(r Record) error {
		c.t = r.t
		u := store.OpeningUnit{Row: r.Row}
		ok := true
		var good bool
		if u.Building, good = c.text(r, "building"); !good {
			ok = false
		}
		if u.Room, good = c.text(r, "room"); !good {
			ok = false
		}
		if u.Building == "" || u.Room == "" {
			if good {
				c.add(r.Row, "room", ledger.Refuse("import.unit_required"))
			}
			ok = false
		}
		m, empty, good := c.amount(r, "balance")
		if !good {
			ok = false
		} else if empty {
			c.add(r.Row, "balance", ledger.Refuse("amount.empty"))
			ok = false
		}
		u.Amount = m
		if ok {
			out = append(out, u)
		}
		return nil
	})
	return finish(t, c, out, err)
}

// BankRead is what ReadBank found besides the lines.
type BankRead struct {
	ZeroLines int // lines without an amount (skipped)
}

// ReadBank reads a bank statement: 交易日期, 金额 (signed, or with a 借贷标志), or 收入 and 支出
// (借方发生额 / 贷方发生额 from the bank's side), 对方户名, 交易流水号, 摘要, 余额.
func ReadBank(name string, data []byte, opt Options) (*Table, []store.BankLine, error) {
	var out []store.BankLine
	c := &collector{}
	t, err := Scan(name, data, BankSchema, opt, func(r Record) error {
		c.t = r.t
		l := store.BankLine{Row: r.Row}
		ok := true
		var good bool
		if l.Date, good = c.date(r, "date"); !good {
			ok = false
		}
		var amount ledger.Money
		if r.Has("amount") {
			m, empty, good := c.amount(r, "amount")
			if !good {
				ok = false
			}
			if r.Has("direction") && good && !empty {
				v, _ := c.text(r, "direction")
				dir, err := parseDirection(v)
				if err != nil {
					c.add(r.Row, "direction", err)
					ok = false
				}
				m = m.Abs()
				if dir < 0 {
					m = m.Neg()
				}
			}
			amount = m
		} else {
			in, inEmpty, g1 := c.amount(r, "income")
			outAmt, outEmpty, g2 := c.amount(r, "expense")
			switch {
			case !g1 || !g2:
				ok = false
			case !inEmpty && !outEmpty && !in.IsZero() && !outAmt.IsZero():
				c.add(r.Row, "income", ledger.Refuse("import.both_sides_bank"))
				ok = false
			default:
				amount = in.Sub(outAmt.Abs())
			}
		}
		if ok && amount.IsZero() {
			r.t.Skipped++
			return nil
		}
		if r.Has("balance") {
			m, empty, good := c.amount(r, "balance")
			if !good {
				ok = false
			}
			l.Balance, l.HasBalance = m, !empty
		}
		l.Amount = amount
		for _, f := range []struct {
			name string
			dst  *string
		}{{"counterparty", &l.Counterparty}, {"reference", &l.Reference}, {"summary", &l.Summary}} {
			v, good := c.text(r, f.name)
			if !good {
				ok = false
			}
			*f.dst = v
		}
		if ok {
			out = append(out, l)
		}
		return nil
	})
	if err == nil && len(c.ps) == 0 && len(out) == 0 {
		err = ledger.Refuse("import.no_rows")
	}
	return finish(t, c, out, err)
}

// sourceLine is a voucher file's row before grouping.
type sourceLine struct {
	row          int
	book         ledger.Book
	date, no     string
	summary      string
	project      string
	resolution   string
	account      string
	amount       ledger.Money
	building     string
	room         string
	continuation bool // the row left the date empty: a further line of the voucher above
	bad          bool // the row has a problem
}

// ReadVouchers reads a historical book kept in a spreadsheet — 日期, 账簿, 凭证号, 摘要, 科目,
// 借方, 贷方, and 幢/室 for a deposit's unit, 工程 for a repair's project — and groups its rows
// into vouchers:
//   - rows with the same book, date and voucher number are one voucher;
//   - without a voucher number, consecutive rows of the same book, date and summary are one;
//   - a row that leaves the date (and number) empty continues the voucher above it, as when the
//     date is written once beside a voucher's lines;
//   - a voucher of a single line takes the book's bank account as its other side, so a plain
//     cash book (one line per receipt or payment) reads as vouchers.
func ReadVouchers(name string, data []byte, opt Options) (*Table, []store.ImportVoucher, error) {
	var lines []sourceLine
	c := &collector{}
	var prev *sourceLine
	t, err := Scan(name, data, VouchersSchema, opt, func(r Record) error {
		c.t = r.t
		l := sourceLine{row: r.Row}
		ok := true
		rawDate, good := c.text(r, "date")
		if !good {
			ok = false
		}
		no, good := c.text(r, "voucher")
		if !good {
			ok = false
		}
		l.no = no
		if rawDate == "" && prev != nil {
			l.continuation = true
			l.date = prev.date
			if l.no == "" {
				l.no = prev.no
			}
		} else if rawDate != "" {
			d, err := parseDate(rawDate, c.t.info.date1904)
			if err != nil {
				c.add(r.Row, "date", err)
				ok = false
			}
			l.date = d
		} else if ok {
			c.add(r.Row, "date", ledger.Refuse("import.date_empty"))
			ok = false
		}
		bookText, good := c.text(r, "book")
		switch {
		case !good:
			ok = false
		case bookText != "":
			b, err := ParseBook(bookText)
			if err != nil {
				c.add(r.Row, "book", err)
				ok = false
			}
			l.book = b
		case l.continuation && prev != nil:
			l.book = prev.book
		case opt.Book != "":
			l.book = opt.Book
		default:
			c.add(r.Row, "book", ledger.Refuse("import.book_required"))
			ok = false
		}
		for _, f := range []struct {
			name string
			dst  *string
		}{{"summary", &l.summary}, {"account", &l.account}, {"building", &l.building}, {"room", &l.room}, {"project", &l.project}, {"resolution", &l.resolution}} {
			v, good := c.text(r, f.name)
			if !good {
				ok = false
			}
			*f.dst = v
		}
		if l.account == "" && ok {
			c.add(r.Row, "account", ledger.Refuse("import.account_empty"))
			ok = false
		}
		debit, dEmpty, g1 := c.amount(r, "debit")
		credit, cEmpty, g2 := c.amount(r, "credit")
		switch {
		case !g1 || !g2:
			ok = false
		case !dEmpty && !cEmpty && !debit.IsZero() && !credit.IsZero():
			c.add(r.Row, "debit", ledger.Refuse("import.both_sides"))
			ok = false
		case debit.IsZero() && credit.IsZero():
			c.add(r.Row, "debit", ledger.Refuse("import.no_amount"))
			ok = false
		}
		l.amount = debit.Sub(credit)
		l.bad = !ok
		lines = append(lines, l)
		prev = &lines[len(lines)-1]
		return nil
	})
	if err != nil {
		return t, nil, err
	}
	groups, bad := groupVouchers(lines)
	// a voucher number with a bad line anywhere marks the whole voucher
	badNo := map[string]bool{}
	for _, l := range lines {
		if l.bad && l.no != "" {
			badNo[string(l.book)+"\x00"+l.no] = true
		}
	}
	var good []store.ImportVoucher
	for i, v := range groups {
		if !bad[i] && !badNo[string(v.Book)+"\x00"+v.No] {
			good = append(good, v)
		}
	}
	return t, good, c.err()
}

// groupVouchers groups source lines into vouchers (see ReadVouchers) and says which have a
// line with a problem.
func groupVouchers(lines []sourceLine) ([]store.ImportVoucher, []bool) {
	var out []store.ImportVoucher
	var bad []bool
	numbered := map[string]int{} // book|date|no → index in out
	last := -1                   // the voucher the previous line went to
	var prevKey string
	for _, l := range lines {
		idx := -1
		switch {
		case l.no != "":
			k := string(l.book) + "\x00" + l.date + "\x00" + l.no
			if i, ok := numbered[k]; ok {
				idx = i
			} else {
				numbered[k] = len(out)
			}
		case l.continuation && last >= 0 && out[last].No == "":
			idx = last
		default:
			k := string(l.book) + "\x00" + l.date + "\x00" + l.summary
			if last >= 0 && out[last].No == "" && k == prevKey {
				idx = last
			}
			prevKey = k
		}
		if idx < 0 {
			idx = len(out)
			out = append(out, store.ImportVoucher{Book: l.book, Date: l.date, No: l.no, Summary: l.summary})
			bad = append(bad, false)
			if l.no == "" {
				prevKey = string(l.book) + "\x00" + l.date + "\x00" + l.summary
			}
		}
		v := &out[idx]
		bad[idx] = bad[idx] || l.bad
		if v.Summary == "" {
			v.Summary = l.summary
		}
		if v.Project == "" {
			v.Project = l.project
		}
		if v.Resolution == "" {
			v.Resolution = l.resolution
		}
		memo := ""
		if l.summary != v.Summary {
			memo = l.summary
		}
		v.Rows = append(v.Rows, l.row)
		v.Lines = append(v.Lines, store.ImportLine{Row: l.row, Account: l.account, Amount: l.amount, Memo: memo, Building: l.building, Room: l.room})
		last = idx
	}
	for i := range out {
		v := &out[i]
		if len(v.Lines) == 1 {
			l := v.Lines[0]
			v.Lines = append(v.Lines, store.ImportLine{Row: l.Row, Account: ledger.CodeBank, Amount: l.Amount.Neg(), Auto: true})
		}
	}
	return out, bad
}
