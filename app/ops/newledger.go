package ops

// A new ledger, made by the window's wizard and by `jiayuan new` alike: the community's
// name and dates, the rule settings and the unit rows are checked here once, and the file is
// written under a temporary name and renamed when complete, never over an existing file.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// LedgerExt is the ledger files' extension.
const LedgerExt = ".jiayuan"

// CheckCommunity trims the community's details and checks them as the wizard's first step
// does: a name, a first day of the books, well-formed dates and a term that ends after it
// starts. A refusal names the field (arg "field").
func CheckCommunity(c store.Community) (store.Community, error) {
	for _, f := range []*string{&c.Name, &c.Address, &c.District, &c.AssemblyCode, &c.FundBank, &c.FundAccount,
		&c.TermStart, &c.TermEnd, &c.StartDate, &c.AssemblyOpened} {
		*f = strings.TrimSpace(*f)
	}
	if c.Name == "" {
		return c, ledger.Refuse("community.name_empty", "field", "name")
	}
	if utf8.RuneCountInString(c.Name) > 100 {
		return c, ledger.Refuse("community.name_too_long", "field", "name")
	}
	if c.StartDate == "" {
		return c, ledger.Refuse("community.start_date_empty", "field", "startDate")
	}
	for _, d := range []struct{ field, v string }{{"startDate", c.StartDate}, {"termStart", c.TermStart}, {"termEnd", c.TermEnd},
		{"assemblyOpened", c.AssemblyOpened}} {
		if d.v == "" {
			continue
		}
		if _, err := ledger.ParseDate(d.v); err != nil {
			return c, WithArgs(err, "field", d.field)
		}
	}
	if c.TermStart != "" && c.TermEnd != "" && c.TermEnd < c.TermStart {
		return c, ledger.Refuse("community.term_order", "field", "termEnd", "start", c.TermStart, "end", c.TermEnd)
	}
	return c, nil
}

// Policies are the named rule settings a new ledger can start from (`jiayuan new --policy`).
var Policies = []string{"shanghai", "national"}

// PolicyNamed is the rule settings of a name in Policies: "shanghai" (or "") is the store's
// default, Shanghai's statute; "national" the national rule on public income.
func PolicyNamed(name string) (ledger.Policy, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "shanghai":
		return ledger.DefaultPolicy(), nil
	case "national":
		return nationalPolicy(), nil
	}
	return ledger.Policy{}, ledger.Refuse("policy.unknown_name", "field", "policy", "name", strings.TrimSpace(name),
		"names", strings.Join(Policies, ", "))
}

// nationalPolicy is the default but for public income: the rule of the national list of
// replicable policies (item 17 of its sixth batch), at least 50% of net public income to the
// fund while it is below 30% of the amount first raised, instead of Shanghai's statute.
func nationalPolicy() ledger.Policy {
	return ledger.LegacyTransferPolicy(ledger.DefaultPolicy()) // only below 30%, at least 50%
}

// WithArgs adds key, value pairs to a refusal's arguments (other errors pass unchanged).
func WithArgs(err error, kv ...any) error {
	var le *ledger.Error
	if !errors.As(err, &le) {
		return err
	}
	var args []any
	for a, v := range le.Args {
		args = append(args, a, v)
	}
	return ledger.Refuse(le.Key, append(args, kv...)...)
}

// UnitRow is one unit as typed in the wizard's grid or read from a roster file, before any
// check. Row is its number as the user sees it (the grid's row, the file's line).
type UnitRow struct {
	Row         int
	Building    string // building code, e.g. "12号"
	Room        string
	Area        string // m², e.g. "89.50"
	HousingType string // a code or its Chinese or English name (HousingTypeOf); "" = commodity
	Initial     string // 首期应筹集金额, yuan
	OwnerName   string
	OwnerPhone  string
}

// RowProblem is what is wrong with one unit row: its number, the field (building, room, area,
// housingType, initial, ownerName, ownerPhone) and the refusal, which carries the row.
type RowProblem struct {
	Row   int
	Field string
	Err   *ledger.Error
}

// CheckUnitRows checks unit rows (blank ones are skipped) and returns them parsed for the
// store, with at most limit problems.
func CheckUnitRows(rows []UnitRow, limit int) ([]store.ImportUnit, []RowProblem) {
	var out []store.ImportUnit
	var problems []RowProblem
	refuse := func(row int, field string, err error) {
		var le *ledger.Error
		if !errors.As(WithArgs(err, "row", row), &le) {
			le = ledger.Refuse("error.internal", "row", row, "detail", err.Error())
		}
		problems = append(problems, RowProblem{Row: row, Field: field, Err: le})
	}
	seen := map[string]int{}
	for _, r := range rows {
		if len(problems) >= limit {
			break
		}
		if blankRow(r) {
			continue
		}
		u, field, err := ParseUnit(r)
		if err != nil {
			refuse(r.Row, field, err)
			continue
		}
		if u.Building == "" {
			refuse(r.Row, "building", ledger.Refuse("building.code_empty"))
			continue
		}
		key := u.Building + "\x00" + u.Room
		if first, dup := seen[key]; dup {
			refuse(r.Row, "room", ledger.Refuse("unit.duplicate_row", "first", first, "building", u.Building, "room", u.Room))
			continue
		}
		seen[key] = r.Row
		out = append(out, u)
	}
	return out, problems
}

// blankRow: a row with nothing but the building (the grid carries it over to each new row)
// is no unit.
func blankRow(r UnitRow) bool {
	return strings.TrimSpace(r.Room+r.Area+r.Initial+r.OwnerName+r.OwnerPhone) == ""
}

// HousingTypeOf maps what people type or paste for a housing type to its code ("" when not
// recognised): the codes themselves and the Chinese and English names.
func HousingTypeOf(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "commodity", "商品房", "商品住宅", "住宅", "commodity housing":
		return "commodity"
	case "public_sold", "售后公房", "已售公房", "公房", "sold public housing":
		return "public_sold"
	case "non_residential", "非住宅", "商铺", "办公", "non-residential":
		return "non_residential"
	case "garage", "车库", "车位", "地下车库":
		return "garage"
	}
	return ""
}

// ParseUnit checks one row's fields (the building only as a code: an empty one is for the
// caller to refuse); a refusal names the field.
func ParseUnit(r UnitRow) (store.ImportUnit, string, error) {
	u := store.ImportUnit{Row: r.Row, Building: store.BuildingCode(r.Building), Room: store.RoomCode(r.Room),
		Owner: strings.TrimSpace(r.OwnerName), Phone: strings.TrimSpace(r.OwnerPhone)}
	if u.Room == "" {
		return u, "room", ledger.Refuse("unit.room_empty")
	}
	if utf8.RuneCountInString(u.Room) > 30 {
		return u, "room", ledger.Refuse("unit.room_too_long", "room", u.Room)
	}
	var err error
	if u.AreaCM2, err = ledger.ParseArea(r.Area); err != nil {
		return u, "area", err
	}
	if u.HousingType = HousingTypeOf(r.HousingType); u.HousingType == "" {
		return u, "housingType", ledger.Refuse("unit.unknown_type", "type", strings.TrimSpace(r.HousingType))
	}
	if strings.TrimSpace(r.Initial) == "" {
		return u, "initial", ledger.Refuse("unit.initial_empty")
	}
	if u.Initial, err = ledger.ParseAmount(r.Initial); err != nil {
		return u, "initial", err
	}
	if u.Initial.Sign() < 0 {
		return u, "initial", ledger.Refuse("unit.initial_negative")
	}
	if u.Owner == "" && u.Phone != "" {
		return u, "ownerName", ledger.Refuse("owner.name_empty")
	}
	if utf8.RuneCountInString(u.Owner) > 60 {
		return u, "ownerName", ledger.Refuse("owner.name_too_long")
	}
	if utf8.RuneCountInString(u.Phone) > 40 {
		return u, "ownerPhone", ledger.Refuse("owner.phone_too_long")
	}
	return u, "", nil
}

// NewLedgerPath checks where a new ledger would be saved and returns the path as it will be
// used: absolute, ending in .jiayuan, in a folder that exists, not over an existing file.
func NewLedgerPath(path string) (string, error) {
	p := strings.TrimSpace(path)
	if p == "" {
		return "", ledger.Refuse("ledger.path_empty", "field", "path")
	}
	if !strings.EqualFold(filepath.Ext(p), LedgerExt) {
		p += LedgerExt
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", ledger.Refuse("ledger.folder_missing", "field", "path", "path", p)
	}
	if fi, err := os.Stat(filepath.Dir(abs)); err != nil || !fi.IsDir() {
		return "", ledger.Refuse("ledger.folder_missing", "field", "path", "path", filepath.Dir(abs))
	}
	if _, err := os.Lstat(abs); err == nil {
		return "", ledger.Refuse("ledger.file_exists", "field", "path", "path", abs)
	}
	return abs, nil
}

// NewLedger is a checked new ledger: its community (with the rule settings) and its units.
type NewLedger struct {
	Community store.Community
	Units     []store.ImportUnit
	Source    store.ImportSource // what the import log names as the units' source
	Actor     string             // who makes it, for the change log ("" = unnamed)
	// Progress, when set, hears "start" and, with units, "units" (done 0 of total).
	Progress func(stage string, done, total int)
}

// CreateLedger writes n at path (from NewLedgerPath) under a temporary name and renames it
// when complete, so that a failure or a crash never leaves a half-made ledger under the real
// name; a file made at path meanwhile is kept and the new one refused. The units go in with
// the store's roster import, in one transaction; its refusal (*store.RowsRefused) leaves no file.
func CreateLedger(path string, n NewLedger) error {
	progress := n.Progress
	if progress == nil {
		progress = func(string, int, int) {}
	}
	tmp := path + ".partial"
	RemoveLedgerFiles(tmp)
	err := writeLedger(tmp, n, progress)
	if err == nil {
		if _, statErr := os.Lstat(path); statErr == nil {
			err = ledger.Refuse("ledger.file_exists", "field", "path", "path", path)
		} else if renameErr := os.Rename(tmp, path); renameErr != nil {
			err = ledger.Refuse("ledger.cannot_create", "path", path, "detail", renameErr.Error())
		}
	}
	if err != nil {
		RemoveLedgerFiles(tmp)
	}
	return err
}

func writeLedger(path string, n NewLedger, progress func(string, int, int)) error {
	total := len(n.Units)
	progress("start", 0, total)
	st, err := store.Create(path, n.Community)
	if err != nil {
		return err
	}
	defer st.Close()
	st.SetActor(n.Actor)
	if total == 0 {
		return nil
	}
	progress("units", 0, total)
	_, err = st.ImportUnits(n.Source, n.Units)
	return err
}

// RemoveLedgerFiles removes a ledger file with SQLite's companions.
func RemoveLedgerFiles(p string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(p + suffix)
	}
}

// String shows a row problem for logs and test failures.
func (p RowProblem) String() string { return fmt.Sprintf("row %d %s: %v", p.Row, p.Field, p.Err) }
