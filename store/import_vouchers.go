package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sort"
	"strconv"
	"strings"

	"jiayuan/store/ledger"
)

// ImportVoucher is one voucher of a historical book, as the reader grouped the file's rows.
type ImportVoucher struct {
	Rows    []int // the source rows of its lines, first one first
	Book    ledger.Book
	Date    string
	No      string // the source's own voucher number ("" when it has none); kept in the import log
	Summary string
	Project string // repair project a fund expense pays: its name or id
	// Resolution is the resolution that authorises it (R8: an allocation to working expenses,
	// an "other use"): its id ("#12", "12") or its subject.
	Resolution string
	Lines      []ImportLine
}

// ImportLine is one line of an imported voucher.
type ImportLine struct {
	Row     int
	Account string       // the account's code or name in the voucher's book ("1001", "银行存款", "1001 银行存款")
	Amount  ledger.Money // debit positive, credit negative
	Memo    string
	// Building and Room name the unit of a deposit or opening line of the fund.
	Building, Room string
	// Auto marks the bank side the reader added to a one-line voucher.
	Auto bool
}

// errPostAgain aborts the quick pass of an import when a voucher is refused.
var errPostAgain = errors.New("post again, voucher by voucher")

// importGroup is an ImportVoucher resolved against the ledger.
type importGroup struct {
	src        *ImportVoucher
	hash       string
	in         VoucherInput
	skip       bool // already in the ledger
	transfer   int  // 0 no; 1 public side (posts both); 2 receiving side
	to         ledger.Book
	amount     ledger.Money
	partner    *importGroup // of a receiving side: the public side posted with it
	pairedWith *importGroup // of a public side: the receiving side in the file
	vid        int64        // posted voucher (of a transfer: the public side)
	vidIn      int64        // of a transfer: the receiving side
	lineRows   []int        // source row of each line of in
	order      int
}

// ImportVouchers posts the vouchers of a historical book in one transaction, in date order,
// each through the same rules as a voucher typed in (postVoucher): balanced, an open period,
// votes for repairs, R2, no overdrawn book. A transfer between books (a public-income voucher
// debiting 转入维修资金 or 拨付工作经费 against the bank) is posted as the pair of vouchers a
// transfer is; the receiving book's side of it, when the file has it too, is recognised and
// not posted twice. Problems are collected for every voucher; any refuses the whole file.
//
// A second import of the same rows changes nothing. A voucher already brought by an earlier
// import (same book, date, number, summary and lines) is skipped, so an overlapping file adds
// only what is new.
func (s *Store) ImportVouchers(src ImportSource, vs []ImportVoucher) (ImportResult, error) {
	res := ImportResult{Kind: "vouchers", Rows: 0, DryRun: src.DryRun}
	if len(vs) == 0 {
		return res, ledger.Refuse("import.no_rows")
	}
	all := newRowsHasher("vouchers")
	groups := make([]*importGroup, len(vs))
	for i := range vs {
		v := &vs[i]
		for _, l := range v.Lines {
			if !l.Auto {
				res.Rows++
			}
		}
		g := &importGroup{src: v, hash: groupHash(v), order: i}
		all.fields(g.hash)
		groups[i] = g
	}
	rowsHash := all.sum()
	rows := res.Rows
	// The first pass posts straight through. Only when a voucher is refused is the file
	// posted again, each voucher in a savepoint, to list every refused voucher, not just the
	// first (savepoints cost a sub-journal write per page; the clean path does without).
	careful := false
	run := func(t *Tx) error {
		res = ImportResult{Kind: "vouchers", Rows: rows, DryRun: src.DryRun}
		for _, g := range groups {
			*g = importGroup{src: g.src, hash: g.hash, order: g.order}
		}
		at, dup, err := t.previousImport("vouchers", rowsHash)
		if err != nil {
			return err
		}
		if dup {
			res.AlreadyImported, res.PreviousAt, res.Skipped = true, at, len(vs)
			return nil
		}
		var ps problems
		r, err := t.newResolver()
		if err != nil {
			return err
		}
		done, err := t.importedGroups()
		if err != nil {
			return err
		}
		seen := map[string]int{}
		for _, g := range groups {
			if err := r.resolve(g); err != nil {
				var re rowErr
				switch {
				case errors.As(err, &re):
					if isInternal(re.err) {
						return re.err
					}
					ps.add(re.row, "", re.err)
				case isInternal(err):
					return err
				default:
					ps.addGroup(g, err)
				}
				continue
			}
			seen[g.hash]++
			if seen[g.hash] <= done[g.hash] {
				g.skip = true
			}
		}
		if err := ps.err(); err != nil {
			return err
		}
		if err := t.pairTransfers(groups, &ps); err != nil {
			return err
		}
		if err := ps.err(); err != nil {
			return err
		}

		order := make([]*importGroup, 0, len(groups))
		for _, g := range groups {
			if g.skip {
				res.Skipped++
			} else {
				order = append(order, g)
			}
		}
		sort.SliceStable(order, func(i, j int) bool { return order[i].in.Date < order[j].in.Date })
		for _, g := range order {
			if g.transfer == 2 {
				continue // posted with its public side
			}
			if !careful {
				if err := t.postImported(g); err != nil {
					if isInternal(err) {
						return err
					}
					return errPostAgain
				}
				res.Created++
				if g.transfer == 1 {
					res.Created++ // the receiving side
					res.Transfers++
				}
				continue
			}
			if _, err := t.Exec(`SAVEPOINT import_voucher`); err != nil {
				return err
			}
			err := t.postImported(g)
			if err != nil {
				if _, rerr := t.Exec(`ROLLBACK TO import_voucher`); rerr != nil {
					return rerr
				}
			}
			if _, rerr := t.Exec(`RELEASE import_voucher`); rerr != nil {
				return rerr
			}
			if err != nil {
				if isInternal(err) {
					return err
				}
				ps.addGroup(g, err)
				continue
			}
			res.Created++
			if g.transfer == 1 {
				res.Created++
				res.Transfers++
			}
		}
		if err := ps.err(); err != nil {
			return err
		}
		if res.Created == 0 {
			return nil
		}
		id, err := t.insertImport("vouchers", "", src, rowsHash, &res)
		if err != nil {
			return err
		}
		res.ImportID = id
		stmt, err := t.Prepare(`INSERT INTO import_vouchers(import_id, voucher_id, group_sha256, source_no, first_row) VALUES (?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, g := range order {
			vid := g.vid
			if g.transfer == 2 {
				if g.partner == nil {
					continue // the receiving side of a transfer posted before
				}
				vid = g.partner.vidIn
			}
			if _, err := stmt.Exec(id, vid, g.hash, strings.TrimSpace(g.src.No), firstRow(g.src)); err != nil {
				return err
			}
		}
		return t.logImport(id)
	}
	err := s.importWrite(src.DryRun, run)
	if errors.Is(err, errPostAgain) {
		careful = true
		err = s.importWrite(src.DryRun, run)
	}
	if err != nil {
		return ImportResult{Kind: "vouchers", Rows: res.Rows, DryRun: src.DryRun}, err
	}
	if src.DryRun {
		res.ImportID = 0
	}
	return res, nil
}

func firstRow(v *ImportVoucher) int {
	if len(v.Rows) > 0 {
		return v.Rows[0]
	}
	if len(v.Lines) > 0 {
		return v.Lines[0].Row
	}
	return 0
}

func lastRow(v *ImportVoucher) int {
	last := firstRow(v)
	for _, r := range v.Rows {
		last = max(last, r)
	}
	return last
}

// addGroup records a problem of a whole voucher at its first row, spanning its rows. A refusal
// that names a line of the voucher ("line" 3) is placed at that line's row.
func (ps *problems) addGroup(g *importGroup, err error) {
	v := g.src
	n := len(*ps)
	ps.add(firstRow(v), "", err)
	p := &(*ps)[n]
	if p.Err.Args != nil {
		if l, e := strconv.Atoi(p.Err.Args["line"]); e == nil && l >= 1 && l <= len(g.lineRows) {
			p.Row = g.lineRows[l-1]
			return
		}
	}
	if last := lastRow(v); last != p.Row {
		p.Last = last
	}
}

// groupHash is the canonical hash of a source voucher: book, date, number, summary, project
// and its lines. Two imports of the same voucher have the same hash, wherever its rows stand.
func groupHash(v *ImportVoucher) string {
	h := sha256.New()
	for _, f := range []string{"v1", string(v.Book), strings.TrimSpace(v.Date), strings.TrimSpace(v.No), strings.TrimSpace(v.Summary), strings.TrimSpace(v.Project)} {
		writeField(h, f)
	}
	if r := strings.TrimSpace(v.Resolution); r != "" { // only when given: the hashes of older imports stay
		writeField(h, "resolution:"+r)
	}
	for _, l := range v.Lines {
		for _, f := range []string{normText(l.Account), strconv.FormatInt(l.Amount.Fen(), 10), strings.TrimSpace(l.Memo), BuildingCode(l.Building), RoomCode(l.Room), strconv.FormatBool(l.Auto)} {
			writeField(h, f)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// importedGroups counts the source vouchers earlier imports posted, by hash.
func (t *Tx) importedGroups() (map[string]int, error) {
	rows, err := t.Query(`SELECT group_sha256, count(*) FROM import_vouchers GROUP BY group_sha256`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var h string
		var n int
		if err := rows.Scan(&h, &n); err != nil {
			return nil, err
		}
		out[h] = n
	}
	return out, rows.Err()
}

// resolver turns the names in a source voucher into the ledger's accounts, units and projects.
type resolver struct {
	charts   map[ledger.Book]map[string]bookAccount
	names    map[ledger.Book]map[string]string // folded name → code
	units    map[[2]string]int64
	projects map[string]int64
	t        *Tx
}

func (t *Tx) newResolver() (*resolver, error) {
	r := &resolver{charts: map[ledger.Book]map[string]bookAccount{}, names: map[ledger.Book]map[string]string{}, t: t}
	for _, b := range ledger.Books {
		c, err := t.accounts(b)
		if err != nil {
			return nil, err
		}
		r.charts[b] = c
		names := map[string]string{}
		short := map[string][]string{}
		for code, a := range c {
			for _, n := range []string{a.NameZH, a.NameEN} {
				names[foldName(n)] = code
				if i := strings.IndexAny(n, "（("); i > 0 {
					s := foldName(n[:i])
					short[s] = append(short[s], code)
				}
			}
		}
		for s, codes := range short {
			if _, taken := names[s]; !taken && len(codes) == 1 {
				names[s] = codes[0] // "银行存款" for "银行存款（维修资金专户）"
			}
		}
		r.names[b] = names
	}
	return r, nil
}

var nameNoise = strings.NewReplacer(" ", "", "（", "(", "）", ")")

// foldName compares account names without spaces, case or full-width forms.
func foldName(s string) string {
	s = strings.ToLower(normText(s))
	return nameNoise.Replace(s)
}

// account finds an account of book by code, by name, or by "code name".
func (r *resolver) account(b ledger.Book, text string) (bookAccount, error) {
	chart := r.charts[b]
	t := normText(text)
	if t == "" {
		return bookAccount{}, ledger.Refuse("import.account_empty")
	}
	if a, ok := chart[t]; ok {
		return a, nil
	}
	if code, ok := r.names[b][foldName(t)]; ok {
		return chart[code], nil
	}
	// "1001 银行存款", "1001-银行存款"
	if i := strings.IndexFunc(t, func(c rune) bool { return c < '0' || c > '9' }); i > 0 {
		if a, ok := chart[t[:i]]; ok {
			return a, nil
		}
	}
	for _, other := range ledger.Books {
		if other == b {
			continue
		}
		if _, ok := r.charts[other][t]; ok {
			return bookAccount{}, ledger.Refuse("import.account_other_book", append(append(bookArgs("book", other), bookArgs("voucherBook", b)...), "account", t)...)
		}
		if _, ok := r.names[other][foldName(t)]; ok {
			return bookAccount{}, ledger.Refuse("import.account_other_book", append(append(bookArgs("book", other), bookArgs("voucherBook", b)...), "account", t)...)
		}
	}
	return bookAccount{}, ledger.Refuse("import.unknown_account", append(bookArgs("book", b), "account", t)...)
}

func (r *resolver) unit(building, room string) (int64, error) {
	if r.units == nil {
		u, err := r.t.unitIDsByRoom()
		if err != nil {
			return 0, err
		}
		r.units = u
	}
	b, rm := BuildingCode(building), RoomCode(room)
	if b == "" || rm == "" {
		return 0, ledger.Refuse("import.unit_required")
	}
	id, ok := r.units[[2]string{b, rm}]
	if !ok {
		return 0, ledger.Refuse("import.unknown_unit", "building", b, "room", rm)
	}
	return id, nil
}

// idName is a record's id and the name a person types for it.
type idName struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

// resolution finds a resolution by its id ("#12", "12") or, when one alone has it, its subject.
func (r *resolver) resolution(text string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(text, "#"), 10, 64)
	if err == nil {
		var n int
		if r.t.Get(&n, `SELECT count(*) FROM resolutions WHERE id = ?`, id); n == 1 {
			return id, nil
		}
	}
	var all []idName
	if err := r.t.Select(&all, `SELECT id, title AS name FROM resolutions ORDER BY id`); err != nil {
		return 0, err
	}
	var ids []int64
	for _, res := range all {
		if foldName(res.Name) == foldName(text) {
			ids = append(ids, res.ID)
		}
	}
	if len(ids) != 1 {
		return 0, ledger.Refuse("import.unknown_resolution", "resolution", text)
	}
	return ids[0], nil
}

func (r *resolver) project(text string) (int64, error) {
	if r.projects == nil {
		r.projects = map[string]int64{}
		var all []idName
		if err := r.t.Select(&all, `SELECT id, name FROM projects ORDER BY id`); err != nil {
			return 0, err
		}
		for _, p := range all {
			if _, had := r.projects[foldName(p.Name)]; !had {
				r.projects[foldName(p.Name)] = p.ID
			}
			r.projects["#"+strconv.FormatInt(p.ID, 10)] = p.ID
		}
	}
	t := normText(text)
	if id, ok := r.projects[foldName(t)]; ok {
		return id, nil
	}
	if id, ok := r.projects["#"+strings.TrimPrefix(t, "#")]; ok {
		return id, nil
	}
	return 0, ledger.Refuse("import.unknown_project", "project", t)
}

// explicitSplit reports whether a fund account's lines fall on units as the voucher says.
func explicitSplit(a bookAccount) bool {
	if a.Book != ledger.BookFund || !a.PerUnit {
		return false
	}
	switch a.Code {
	case ledger.CodeFundInitial, ledger.CodeFundReplenish, ledger.CodeOpening:
		return true
	}
	return false
}

// resolve builds the voucher to post. Lines of an account whose postings the voucher splits
// over units (deposits) become one line per account, split by the units the rows name.
func (r *resolver) resolve(g *importGroup) error {
	v := g.src
	if !v.Book.Valid() {
		return ledger.Refuse("voucher.unknown_book", "book", v.Book)
	}
	in := VoucherInput{Book: v.Book, Date: strings.TrimSpace(v.Date), Summary: strings.TrimSpace(v.Summary)}
	merged := map[string]int{} // account code → index of its line in in.Lines
	splitAt := map[string]map[int64]int{}
	var transferOut, transferIn, bank int
	var bankAmt, trAmt ledger.Money
	for _, l := range v.Lines {
		a, err := r.account(v.Book, l.Account)
		if err != nil {
			return rowErr{l.Row, err}
		}
		switch a.Kind {
		case ledger.KindTransferOut:
			transferOut++
			g.to, trAmt = a.Counterpart, l.Amount
		case ledger.KindTransferIn:
			transferIn++
			trAmt = l.Amount.Neg()
		case ledger.KindAsset:
			bank++
			bankAmt = l.Amount
		}
		if explicitSplit(a) {
			uid, err := r.unit(l.Building, l.Room)
			if err != nil {
				return rowErr{l.Row, err}
			}
			i, ok := merged[a.Code]
			if !ok {
				i = len(in.Lines)
				merged[a.Code] = i
				in.Lines = append(in.Lines, LineInput{AccountCode: a.Code, Memo: l.Memo})
				g.lineRows = append(g.lineRows, l.Row)
				splitAt[a.Code] = map[int64]int{}
			}
			in.Lines[i].Amount = in.Lines[i].Amount.Add(l.Amount)
			if k, ok := splitAt[a.Code][uid]; ok {
				in.Splits[k].Amount = in.Splits[k].Amount.Sub(l.Amount)
			} else {
				splitAt[a.Code][uid] = len(in.Splits)
				in.Splits = append(in.Splits, UnitSplit{UnitID: uid, Amount: l.Amount.Neg()})
			}
			continue
		}
		in.Lines = append(in.Lines, LineInput{AccountCode: a.Code, Amount: l.Amount, Memo: l.Memo})
		g.lineRows = append(g.lineRows, l.Row)
	}
	if len(v.Lines) == 2 && v.Lines[1].Auto && len(in.Lines) > 0 && r.charts[v.Book][in.Lines[0].AccountCode].Kind == ledger.KindAsset {
		return rowErr{v.Lines[0].Row, ledger.Refuse("import.single_line_bank")}
	}
	if p := strings.TrimSpace(v.Project); p != "" {
		id, err := r.project(p)
		if err != nil {
			return err
		}
		in.ProjectID = id
	}
	if rs := strings.TrimSpace(v.Resolution); rs != "" {
		id, err := r.resolution(rs)
		if err != nil {
			return err
		}
		in.ResolutionID = id
	}
	if transferOut+transferIn > 0 {
		ok := transferOut+transferIn == 1 && bank == 1 && len(in.Lines) == 2 && trAmt.Sign() > 0
		if transferOut == 1 {
			ok = ok && bankAmt == trAmt.Neg()
		} else {
			ok = ok && bankAmt == trAmt
		}
		if !ok {
			return ledger.Refuse("import.transfer_shape")
		}
		g.amount = trAmt
		if transferOut == 1 {
			g.transfer = 1
		} else {
			g.transfer = 2
		}
	}
	g.in = in
	return nil
}

// rowErr places a refusal at one row of a voucher.
type rowErr struct {
	row int
	err error
}

func (e rowErr) Error() string { return e.err.Error() }
func (e rowErr) Unwrap() error { return e.err }

// pairTransfers matches each receiving side of a transfer in the file with its public-income
// side (same date, amount and books). A receiving side whose public side is not in the file
// must already be in the ledger, posted with it by an earlier import or typed in.
func (t *Tx) pairTransfers(groups []*importGroup, ps *problems) error {
	type key struct {
		date   string
		to     ledger.Book
		amount int64
	}
	outs := map[key][]*importGroup{}
	for _, g := range groups {
		if g.transfer == 1 {
			k := key{g.in.Date, g.to, g.amount.Fen()}
			outs[k] = append(outs[k], g)
		}
	}
	inLedger := map[key]int{}
	for _, g := range groups {
		if g.transfer != 2 {
			continue
		}
		k := key{g.in.Date, g.in.Book, g.amount.Fen()}
		if q := outs[k]; len(q) > 0 {
			outs[k] = q[1:]
			if q[0].skip != g.skip {
				// one side was imported before, the other not: treat both as new or both as done
				g.skip = q[0].skip
			}
			if !g.skip {
				g.partner, q[0].pairedWith = q[0], g
			}
			continue
		}
		if g.skip {
			continue
		}
		n, ok := inLedger[k]
		if !ok {
			if err := t.Get(&n, `SELECT count(*) FROM vouchers v JOIN postings p ON p.voucher_id = v.id JOIN accounts a ON a.id = p.account_id
				WHERE v.kind = 'transfer' AND v.book = ? AND v.date = ? AND a.kind = 'asset' AND p.amount_fen = ?`, g.in.Book, g.in.Date, g.amount.Fen()); err != nil {
				return err
			}
		}
		if n > 0 {
			inLedger[k] = n - 1
			g.skip = true
			continue
		}
		inLedger[k] = 0
		ps.addGroup(g, ledger.Refuse("import.transfer_unpaired", "amount", g.amount.Grouped(), "date", g.in.Date))
	}
	return nil
}

// postImported posts one resolved voucher (both sides, for a transfer).
func (t *Tx) postImported(g *importGroup) error {
	if g.transfer == 1 {
		inSummary := g.in.Summary
		if g.pairedWith != nil && g.pairedWith.in.Summary != "" {
			inSummary = g.pairedWith.in.Summary
		}
		out, in, err := t.transferPair(TransferInput{From: g.in.Book, To: g.to, Date: g.in.Date, Amount: g.amount, Summary: g.in.Summary,
			ResolutionID: g.in.ResolutionID}, inSummary)
		g.vid, g.vidIn = out, in
		return err
	}
	id, err := t.postVoucher(g.in, "normal", 0, 0)
	g.vid = id
	return err
}
