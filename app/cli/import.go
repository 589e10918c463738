package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"jiayuan/app/i18n"
	"jiayuan/app/imports"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// maxListed bounds the problems and warnings printed; the rest are counted.
const maxListed = 50

// runImport brings a unit roster, a historical book or a bank statement into a ledger, all or
// nothing: every row is checked first and nothing is written unless all pass.
func runImport(env *Env, args []string) error {
	fs := env.flags("import")
	path := fs.String("ledger", "", env.t("cli.flag.ledger", nil))
	kind := fs.String("kind", "", env.t("cli.flag.import_kind", nil))
	book := fs.String("book", "", env.t("cli.flag.import_book", nil))
	sheet := fs.String("sheet", "", env.t("cli.flag.import_sheet", nil))
	mapping := fs.String("map", "", env.t("cli.flag.import_map", nil))
	dry := fs.Bool("dry-run", false, env.t("cli.flag.dry_run", nil))
	quarter := fs.String("quarter", "", env.t("cli.flag.import_quarter", nil))
	company := fs.String("company", "", env.t("cli.flag.import_company", nil))
	pos, err := parseWithArgs(fs, args)
	if err != nil {
		return err
	}
	if err := needLedger(*path); err != nil {
		return err
	}
	schema, ok := imports.SchemaOf(*kind)
	if !ok {
		return usageError{key: "cli.import_kind", args: map[string]string{"kind": *kind}}
	}
	if len(pos) != 1 {
		return usageError{key: "cli.import_need_source"}
	}
	var b ledger.Book
	if *book != "" {
		if b, err = imports.ParseBook(*book); err != nil {
			return err
		}
	} else if *kind == "bank" {
		return usageError{key: "cli.import_need_book"}
	}
	m, err := imports.ParseMap(*mapping, schema)
	if err != nil {
		return err
	}
	source := pos[0]
	data, err := readSource(source)
	if err != nil {
		return err
	}
	s, err := store.Open(*path, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	sum := sha256.Sum256(data)
	src := store.ImportSource{Name: filepath.Base(source), SHA256: hex.EncodeToString(sum[:]), DryRun: *dry}
	opt := imports.Options{Sheet: *sheet, Map: m, Book: b, Quarter: *quarter, Company: *company}
	start := time.Now()
	_, res, readErr, err := imports.Run(s, *kind, source, data, opt, src, func(t *imports.Table, _ int, _ bool) { env.printTable(t, schema) })
	if readErr != nil {
		return env.importFailed(imports.MergeProblems(readErr, err))
	}
	if err != nil {
		return env.importFailed(err)
	}
	env.printImport(res, b, time.Since(start))
	return nil
}

// localTime shows a stored RFC 3339 UTC stamp in the computer's time zone.
func localTime(stamp string) string {
	t, err := time.Parse(time.RFC3339, stamp)
	if err != nil {
		return stamp
	}
	return t.Local().Format("2006-01-02 15:04")
}

// parseWithArgs parses flags that may stand before or after the positional arguments.
func parseWithArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{key: "cli.bad_flags", args: map[string]string{"detail": err.Error()}}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos, args = append(pos, args[0]), args[1:]
	}
}

func readSource(p string) ([]byte, error) { return imports.ReadSource(p) }

// importFailed prints the rows a refused import has problems with; other errors go to Run.
func (env *Env) importFailed(err error) error { return env.rowsRefused(err, "cli.import.refused") }

// rowsRefused prints, under the heading of key, the rows a refusal names; other errors go to Run.
func (env *Env) rowsRefused(err error, key string) error {
	var rr *store.RowsRefused
	if !errors.As(err, &rr) {
		return err
	}
	fmt.Fprintln(env.Stderr, env.t(key, map[string]string{"count": strconv.Itoa(len(rr.Problems))}))
	env.printProblems(env.Stderr, rr.Problems)
	return errBroken
}

func (env *Env) printProblems(w interface{ Write([]byte) (int, error) }, ps []store.RowProblem) {
	for i, p := range ps {
		if i == maxListed {
			fmt.Fprintln(w, env.t("cli.import.more", map[string]string{"count": strconv.Itoa(len(ps) - maxListed)}))
			break
		}
		fmt.Fprintln(w, "  "+env.problem(p))
	}
}

// problem says one row's problem: "第 12 行「借方」：…".
func (env *Env) problem(p store.RowProblem) string {
	msg := env.t(p.Err.Key, p.Err.Args)
	args := map[string]string{"row": strconv.Itoa(p.Row), "last": strconv.Itoa(p.Last), "column": p.Column, "message": msg}
	switch {
	case p.Row == 0:
		return msg
	case p.Last > p.Row && p.Column != "":
		return env.t("cli.import.rows_column_problem", args)
	case p.Last > p.Row:
		return env.t("cli.import.rows_problem", args)
	case p.Column != "":
		return env.t("cli.import.column_problem", args)
	}
	return env.t("cli.import.row_problem", args)
}

// printTable says how the file was read, so that a wrong column is seen at once.
func (env *Env) printTable(t *imports.Table, schema imports.Schema) {
	how := t.Format
	switch {
	case t.Format == "csv":
		how += " " + t.Encoding
	case t.Sheet != "":
		how += " " + env.t("cli.import.sheet", map[string]string{"sheet": t.Sheet})
	}
	var cols []string
	for _, f := range schema.Fields {
		if h := t.ColumnOf(f.Name); h != "" {
			label := f.Label
			if env.Lang == i18n.EN {
				label = f.LabelEn
			}
			cols = append(cols, label+"←"+h)
		}
	}
	fmt.Fprintln(env.Stdout, env.t("cli.import.read", map[string]string{"file": t.File, "how": how, "header": strconv.Itoa(t.HeaderRow),
		"rows": strconv.Itoa(t.Rows), "skipped": strconv.Itoa(t.Skipped)}))
	fmt.Fprintln(env.Stdout, env.t("cli.import.columns", map[string]string{"columns": strings.Join(cols, ", ")}))
}

func (env *Env) printImport(res store.ImportResult, b ledger.Book, took time.Duration) {
	args := map[string]string{
		"rows": strconv.Itoa(res.Rows), "created": strconv.Itoa(res.Created), "skipped": strconv.Itoa(res.Skipped),
		"buildings": strconv.Itoa(res.Buildings), "owners": strconv.Itoa(res.Owners), "transfers": strconv.Itoa(res.Transfers),
		"matched": strconv.Itoa(res.Matched), "unmatched": strconv.Itoa(res.Created - res.Matched),
		"at": localTime(res.PreviousAt), "seconds": fmt.Sprintf("%.1f", took.Seconds()), "book": env.t("book."+string(b), nil),
	}
	if res.DryRun {
		env.println(env.t("cli.import.dry_run", nil))
	}
	switch {
	case res.AlreadyImported:
		env.println(env.t("cli.import.already", args))
	case res.Created == 0:
		env.println(env.t("cli.import.nothing_new", args))
	default:
		env.println(env.t("cli.import.done."+res.Kind, args))
	}
	if n := len(res.Warnings); n > 0 {
		fmt.Fprintln(env.Stdout, env.t("cli.import.warnings", map[string]string{"count": strconv.Itoa(n)}))
		env.printProblems(env.Stdout, res.Warnings)
	}
}
