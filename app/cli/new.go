package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"

	"jiayuan/app/imports"
	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// runNew makes a ledger from scratch, as the window's new-ledger wizard does and with its
// checks (app/ops): the community's name and first day of the books, the rule settings by
// name, and optionally the units of a roster file. Nothing is left behind when refused.
func runNew(env *Env, args []string) error {
	fs := env.flags("new")
	path := fs.String("ledger", "", env.t("cli.flag.ledger_new", nil))
	name := fs.String("name", "", env.t("cli.flag.new_name", nil))
	start := fs.String("start", "", env.t("cli.flag.new_start", nil))
	policy := fs.String("policy", "shanghai", env.t("cli.flag.new_policy", map[string]string{"names": strings.Join(ops.Policies, "|")}))
	roster := fs.String("units", "", env.t("cli.flag.new_units", nil))
	sheet := fs.String("sheet", "", env.t("cli.flag.import_sheet", nil))
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needLedger(*path); err != nil {
		return err
	}
	day := *start
	if strings.TrimSpace(day) == "" {
		day = env.Now().Format("2006-01-02")
	}
	c, err := ops.CheckCommunity(store.Community{Name: *name, StartDate: day})
	if err != nil {
		return err
	}
	if c.Policy, err = ops.PolicyNamed(*policy); err != nil {
		return err
	}
	abs, err := ops.NewLedgerPath(*path)
	if err != nil {
		return err
	}
	n := ops.NewLedger{Community: c}
	if *roster != "" {
		if n.Units, n.Source, err = env.readRoster(*roster, *sheet); err != nil {
			return env.rowsRefused(err, "cli.new_refused")
		}
	}
	if err := ops.CreateLedger(abs, n); err != nil {
		return env.rowsRefused(err, "cli.new_refused")
	}
	env.println(env.t("cli.new_done", map[string]string{"path": abs, "name": c.Name, "start": c.StartDate,
		"units": strconv.Itoa(len(n.Units)), "policy": env.t("cli.new_policy."+strings.ToLower(strings.TrimSpace(*policy)), nil)}))
	return nil
}

// rosterField maps the wizard's field names to the roster schema's, so that a problem names
// the file's column.
var rosterField = map[string]string{"building": "building", "room": "room", "area": "area", "housingType": "type",
	"initial": "initial", "ownerName": "owner", "ownerPhone": "phone"}

// readRoster reads a unit roster (CSV in UTF-8 or GB18030, or XLSX; the columns of `import
// --kind units`) and checks its rows as the wizard checks its grid. Every problem is listed,
// with the file's row and column.
func (env *Env) readRoster(p, sheet string) ([]store.ImportUnit, store.ImportSource, error) {
	data, err := imports.ReadSource(p)
	if err != nil {
		return nil, store.ImportSource{}, err
	}
	var rows []ops.UnitRow
	t, err := imports.Scan(p, data, imports.UnitsSchema, imports.Options{Sheet: sheet}, func(r imports.Record) error {
		rows = append(rows, ops.UnitRow{Row: r.Row, Building: r.Get("building"), Room: r.Get("room"), Area: r.Get("area"),
			HousingType: r.Get("type"), Initial: r.Get("initial"), OwnerName: r.Get("owner"), OwnerPhone: r.Get("phone")})
		return nil
	})
	if err != nil {
		return nil, store.ImportSource{}, err
	}
	env.printTable(t, imports.UnitsSchema)
	units, problems := ops.CheckUnitRows(rows, len(rows)+1)
	if len(problems) > 0 {
		rr := &store.RowsRefused{}
		for _, pr := range problems {
			rr.Problems = append(rr.Problems, store.RowProblem{Row: pr.Row, Column: t.ColumnOf(rosterField[pr.Field]), Err: pr.Err})
		}
		return nil, store.ImportSource{}, rr
	}
	if len(units) == 0 {
		return nil, store.ImportSource{}, ledger.Refuse("import.no_rows")
	}
	sum := sha256.Sum256(data)
	return units, store.ImportSource{Name: filepath.Base(p), SHA256: hex.EncodeToString(sum[:])}, nil
}
