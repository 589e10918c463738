package store_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// fixture is a small community in a ledger file under t.TempDir():
//
//	building A (1号): u1 A-101, u2 A-102, u3 A-103 — 100.00 m² each, owners o1, o2, o3,
//	                  initial ¥10,000.01, ¥9,999.99, ¥10,000.00 (odd fen on purpose: the
//	                  50% top-up of R1 must round up)
//	building B (2号): u4 B-201 80.00 m², u5 B-202 120.00 m², both owned by o4,
//	                  initial ¥8,000.00 and ¥12,000.00
//
// Σ initial = ¥50,000.00 (30% = ¥15,000.00), Σ area = 500.00 m², 4 owners.
// The books start on 2024-01-01 with the default (Shanghai) policy.
type fixture struct {
	t      *testing.T
	s      *store.Store
	path   string
	bA, bB int64
	owners []int64 // o1..o4
	units  []int64 // u1..u5
	alloc  int64   // an assembly resolution allocating public income to working expenses (R8)
}

var (
	unitAreas    = []int64{10000, 10000, 10000, 8000, 12000}
	unitInitials = []int64{1000001, 999999, 1000000, 800000, 1200000}
)

// mustCreate builds the fixture's community (master data only, no vouchers).
func mustCreate(t *testing.T) *fixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.jiayuan")
	s, err := store.Create(path, store.Community{Name: "测试小区", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, s: s, path: path}
	t.Cleanup(func() { f.s.Close() })
	if f.bA, err = s.AddBuilding(store.Building{Code: "1号", HasLift: true}); err != nil {
		t.Fatal(err)
	}
	if f.bB, err = s.AddBuilding(store.Building{Code: "2号"}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"张三", "李四", "王五", "赵六"} {
		id, err := s.AddOwner(store.Owner{Name: n})
		if err != nil {
			t.Fatal(err)
		}
		f.owners = append(f.owners, id)
	}
	rooms := []string{"101", "102", "103", "201", "202"}
	for i, room := range rooms {
		b, o := f.bA, f.owners[min(i, 3)]
		if i >= 3 {
			b = f.bB
		}
		id, err := s.AddUnit(store.Unit{BuildingID: b, Room: room, AreaCM2: unitAreas[i], HousingType: "commodity",
			Initial: ledger.Fen(unitInitials[i]), OwnerID: o})
		if err != nil {
			t.Fatal(err)
		}
		f.units = append(f.units, id)
	}
	return f
}

// allocRes is an assembly resolution, dated at the start of the books and without a limit,
// that allocations to working expenses cite (R8); recorded the first time it is asked for.
func (f *fixture) allocRes() int64 {
	f.t.Helper()
	if f.alloc == 0 {
		id, err := f.s.RecordResolution(store.ResolutionInput{Body: ledger.BodyAssembly, Purpose: ledger.PurposeAllocation,
			Date: "2024-01-01", Subject: "拨付工作经费", PartArea: 50000, PartOwners: 4, AgreeArea: 50000, AgreeOwners: 4})
		if err != nil {
			f.t.Fatal(err)
		}
		f.alloc = id
	}
	return f.alloc
}

// reopen closes the store and opens the file again (after an edit made outside the app).
func (f *fixture) reopen() {
	f.t.Helper()
	f.s.Close()
	s, err := store.Open(f.path, store.Options{})
	if err != nil {
		f.t.Fatal(err)
	}
	f.s = s
}

// m parses an amount in yuan ("35000.01").
func m(s string) ledger.Money {
	v, err := ledger.ParseAmount(s)
	if err != nil {
		panic(err)
	}
	return v
}

func line(code, amount string) store.LineInput {
	return store.LineInput{AccountCode: code, Amount: m(amount)}
}

// post posts a voucher that must pass.
func (f *fixture) post(in store.VoucherInput) store.Voucher {
	f.t.Helper()
	v, err := f.s.PostVoucher(in)
	if err != nil {
		f.t.Fatalf("post %q: %v", in.Summary, err)
	}
	return v
}

// deposit posts initial deposits (首期交存) of the given amounts for u1..u5 (zeros skipped).
func (f *fixture) deposit(date string, amounts ...ledger.Money) store.Voucher {
	f.t.Helper()
	var total ledger.Money
	var splits []store.UnitSplit
	for i, a := range amounts {
		if a.IsZero() {
			continue
		}
		total = total.Add(a)
		splits = append(splits, store.UnitSplit{UnitID: f.units[i], Amount: a})
	}
	return f.post(store.VoucherInput{Book: ledger.BookFund, Date: date, Summary: "首期交存",
		Lines:  []store.LineInput{{AccountCode: "1001", Amount: total}, {AccountCode: "4001", Amount: total.Neg()}},
		Splits: splits})
}

// depositAll deposits every unit's full initial amount: the fund ratio becomes 100%.
func (f *fixture) depositAll(date string) store.Voucher {
	f.t.Helper()
	var a []ledger.Money
	for _, fen := range unitInitials {
		a = append(a, ledger.Fen(fen))
	}
	return f.deposit(date, a...)
}

// publicIncome posts parking income to the public book.
func (f *fixture) publicIncome(date, amount string) store.Voucher {
	f.t.Helper()
	return f.post(store.VoucherInput{Book: ledger.BookPublic, Date: date, Summary: "停车费收入",
		Lines: []store.LineInput{line("1001", amount), line("4001", "-"+amount)}})
}

// publicSpend is a public-income expense voucher (audit fee, 5201).
func publicSpend(date, amount string) store.VoucherInput {
	return store.VoucherInput{Book: ledger.BookPublic, Date: date, Summary: "审计费",
		Lines: []store.LineInput{line("5201", amount), line("1001", "-"+amount)}}
}

// project creates a repair project; with vote, records a unanimous vote of its scope on the
// given date; with a positive cost audit, sets it.
func (f *fixture) project(in store.ProjectInput, vote bool, costAudit string) int64 {
	f.t.Helper()
	if in.Name == "" {
		in.Name = "维修工程"
	}
	if in.Date == "" {
		in.Date = "2024-01-20"
	}
	id, err := f.s.CreateProject(in)
	if err != nil {
		f.t.Fatal(err)
	}
	if vote {
		p, err := f.s.Project(id)
		if err != nil {
			f.t.Fatal(err)
		}
		_, vc, err := f.s.RecordProjectVote(id, store.VoteInput{Title: "表决", Date: in.Date, PartArea: p.ScopeAreaCM2,
			PartOwners: p.ScopeOwners, AgreeArea: p.ScopeAreaCM2, AgreeOwners: p.ScopeOwners})
		if err != nil || !vc.Passed {
			f.t.Fatalf("vote: %v %+v", err, vc)
		}
	}
	if costAudit != "" {
		if err := f.s.SetCostAudit(id, m(costAudit)); err != nil {
			f.t.Fatal(err)
		}
	}
	return id
}

// communityProject is a voted project over the whole community with a generous cost audit.
func (f *fixture) communityProject() int64 {
	return f.project(store.ProjectInput{ScopeKind: "community"}, true, "100000.00")
}

// fingerprint is what must not change when a write is refused: the chain head, the row counts
// of the permanent tables, the kept balances, and a hash of every row of every table.
func (f *fixture) fingerprint() string {
	f.t.Helper()
	db := f.s.DB()
	var b strings.Builder
	h, err := f.s.ChainHead()
	if err != nil {
		f.t.Fatal(err)
	}
	fmt.Fprintf(&b, "head #%d %s\n", h.Seq, h.Hash)
	for _, tbl := range []string{"vouchers", "postings", "unit_entries", "change_log", "chain"} {
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM ` + tbl).Scan(&n); err != nil {
			f.t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s=%d\n", tbl, n)
	}
	b.WriteString("balances:")
	rows, err := db.Query(`SELECT a.book, a.code, ab.balance_fen FROM account_balances ab JOIN accounts a ON a.id = ab.account_id ORDER BY a.id`)
	if err != nil {
		f.t.Fatal(err)
	}
	for rows.Next() {
		var book, code string
		var bal int64
		rows.Scan(&book, &code, &bal)
		fmt.Fprintf(&b, " %s:%s=%d", book, code, bal)
	}
	rows.Close()
	b.WriteString("\n")
	fmt.Fprintf(&b, "all rows sha256=%s\n", dumpHash(f.t, f.s))
	return b.String()
}

// dumpHash hashes every row of every table (rows sorted, so the order of the pages does not
// matter).
func dumpHash(t *testing.T, s *store.Store) string {
	t.Helper()
	db := s.DB()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	sum := sha256.New()
	for _, tbl := range tables {
		r, err := db.Query(`SELECT * FROM "` + tbl + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := r.Columns()
		var lines []string
		for r.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := r.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, fmt.Sprintf("%q", vals))
		}
		r.Close()
		sort.Strings(lines)
		fmt.Fprintf(sum, "%s:%d\n%s\n", tbl, len(lines), strings.Join(lines, "\n"))
	}
	return hex.EncodeToString(sum.Sum(nil))
}

// refuse runs a write that must be refused with key, and checks the file is unchanged.
func (f *fixture) refuse(key string, write func() error) {
	f.t.Helper()
	before := f.fingerprint()
	err := write()
	if got := ledger.KeyOf(err); got != key {
		f.t.Fatalf("want refusal %q, got %q (%v)", key, got, err)
	}
	if after := f.fingerprint(); after != before {
		f.t.Fatalf("refused write %q changed the file:\nbefore %s\nafter  %s", key, before, after)
	}
}

// refusePost posts a voucher that must be refused with key, leaving the file unchanged.
func (f *fixture) refusePost(key string, in store.VoucherInput) {
	f.t.Helper()
	f.refuse(key, func() error { _, err := f.s.PostVoucher(in); return err })
}

// verifyOK asserts the file verifies.
func (f *fixture) verifyOK() store.VerifyResult {
	f.t.Helper()
	res, err := f.s.Verify()
	if err != nil {
		f.t.Fatal(err)
	}
	if !res.OK {
		f.t.Fatalf("verify failed: %v", res.Problem)
	}
	return res
}

// count runs a count(*) style query.
func (f *fixture) count(q string, args ...any) int64 {
	f.t.Helper()
	var n int64
	if err := f.s.DB().QueryRow(q, args...).Scan(&n); err != nil {
		f.t.Fatalf("%s: %v", q, err)
	}
	return n
}

// unitEntries returns a voucher's sub-ledger lines as unit id → amount in fen.
func (f *fixture) unitEntries(voucherID int64) map[int64]int64 {
	f.t.Helper()
	rows, err := f.s.DB().Query(`SELECT unit_id, amount_fen FROM unit_entries WHERE voucher_id = ?`, voucherID)
	if err != nil {
		f.t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]int64{}
	for rows.Next() {
		var u, a int64
		rows.Scan(&u, &a)
		out[u] += a
	}
	return out
}

// bookBalance is a book's bank balance in fen, from the postings.
func (f *fixture) bookBalance(b ledger.Book) int64 {
	return f.count(`SELECT COALESCE(SUM(p.amount_fen), 0) FROM postings p JOIN accounts a ON a.id = p.account_id
		WHERE a.book = ? AND a.code = '1001'`, b)
}

// accountID is the id of an account of a book.
func (f *fixture) accountID(b ledger.Book, code string) int64 {
	return f.count(`SELECT id FROM accounts WHERE book = ? AND code = ?`, b, code)
}

// sqlite3 runs SQL on the file with the sqlite3 command-line tool: an edit made outside the app.
func sqlite3(t *testing.T, path, sql string) {
	t.Helper()
	bin, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 command-line tool not on PATH (the project's setup installs it): cannot edit the file outside the app")
	}
	out, err := exec.Command(bin, path, sql).CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3 %q: %v\n%s", sql, err, out)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
