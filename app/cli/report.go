package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"jiayuan/app/ops"
	"jiayuan/app/reporting"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// runReport renders one report of a ledger as PDF or XLSX:
//
//	jiayuan report --ledger FILE --kind KIND --from DATE --to DATE [--book B] [--unit U|--building B]
//	               [--project ID] [--year Y] [--format pdf|xlsx] [--out PATH]
//
// The file is written beside its final name and renamed into place, so a failed export never
// leaves half a file. --generated fixes the generation time printed on the pages, so the same
// ledger gives byte-identical files (an auditor regenerating a copy can compare them).
func runReport(env *Env, args []string) error {
	fs := env.flags("report")
	path := fs.String("ledger", "", env.t("cli.flag.ledger", nil))
	kind := fs.String("kind", "", env.t("cli.flag.report_kind", nil))
	from := fs.String("from", "", env.t("cli.flag.report_from", nil))
	to := fs.String("to", "", env.t("cli.flag.report_to", nil))
	book := fs.String("book", "", env.t("cli.flag.report_book", nil))
	unit := fs.String("unit", "", env.t("cli.flag.report_unit", nil))
	building := fs.String("building", "", env.t("cli.flag.report_building", nil))
	project := fs.Int64("project", 0, env.t("cli.flag.report_project", nil))
	year := fs.Int("year", 0, env.t("cli.flag.report_year", nil))
	format := fs.String("format", reporting.FormatPDF, env.t("cli.flag.report_format", nil))
	out := fs.String("out", "", env.t("cli.flag.report_out", nil))
	generated := fs.String("generated", "", env.t("cli.flag.report_generated", nil))
	published := fs.String("published", "", env.t("cli.flag.report_published", nil))
	voucher := fs.String("voucher", "", env.t("cli.flag.report_voucher", nil))
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needLedger(*path); err != nil {
		return err
	}
	k := reporting.Kind(strings.TrimSpace(*kind))
	if !k.Valid() {
		names := make([]string, len(reporting.Kinds))
		for i, x := range reporting.Kinds {
			names[i] = string(x)
		}
		return usageError{key: "cli.report_kind", args: map[string]string{"kind": *kind, "kinds": strings.Join(names, ", ")}}
	}
	if _, err := ops.CheckFormat(*format); err != nil || strings.TrimSpace(*format) == "" {
		return usageError{key: "cli.report_format", args: map[string]string{"format": *format}}
	}
	if *unit != "" && *building != "" {
		return usageError{key: "cli.report_unit_or_building"}
	}
	s, err := store.Open(*path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer s.Close()
	p := reporting.Params{From: *from, To: *to, Year: *year, Book: ledger.Book(strings.TrimSpace(*book)), ProjectID: *project, Published: *published,
		Voucher: strings.TrimSpace(*voucher)}
	if *unit != "" {
		u, err := ops.FindUnit(s, *unit)
		if err != nil {
			return err
		}
		p.UnitID = u.ID
	}
	if *building != "" {
		b, ok, err := ops.FindBuilding(s, *building)
		if err != nil {
			return err
		}
		if !ok {
			return ledger.Refuse("report.building_not_found", "building", strings.TrimSpace(*building))
		}
		p.BuildingID = b.ID
	}
	e, err := ops.ReportExport(s, k, p, *format)
	if err != nil {
		return err
	}
	start := time.Now()
	var x ops.Exporter
	dest, size, err := x.Write(s, e, ops.WriteOptions{Now: env.Now(), Generated: *generated, Dest: func(name, format string) (string, error) {
		return reportDest(*out, name, format), nil
	}})
	if err != nil {
		return err
	}
	env.println(env.t("cli.report_done", map[string]string{"kind": k.Title(), "path": dest, "size": sizeText(size),
		"seconds": fmt.Sprintf("%.1f", time.Since(start).Seconds())}))
	return nil
}

// reportDest is where --out puts a report named name: the proposed name in the current
// folder when --out is empty, inside --out when it is an existing folder (or ends with a path
// separator), else --out itself, given the format's extension when it has none.
func reportDest(out, name, format string) string {
	if out == "" {
		return name
	}
	if fi, err := os.Stat(out); (err == nil && fi.IsDir()) || strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator)) {
		return filepath.Join(out, name)
	}
	if filepath.Ext(out) == "" {
		return out + "." + format
	}
	return out
}

// sizeText is a file size for people: "812 KB", "6.4 MB".
func sizeText(n int) string {
	if n < 1<<20 {
		return strconv.Itoa((n+1023)/1024) + " KB"
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
