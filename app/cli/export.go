package cli

import (
	"os"
	"path/filepath"

	"jiayuan/app/export"
	"jiayuan/store"
)

// runExport writes the books as a plain-text journal that hledger reads.
func runExport(env *Env, args []string) error {
	fs := env.flags("export")
	path := fs.String("ledger", "", env.t("cli.flag.ledger", nil))
	format := fs.String("format", "ledger", env.t("cli.flag.export_format", nil))
	out := fs.String("out", "", env.t("cli.flag.out", nil))
	units := fs.Bool("units", true, env.t("cli.flag.export_units", nil))
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needLedger(*path); err != nil {
		return err
	}
	if *format != "ledger" && *format != "hledger" {
		return usageError{key: "cli.export_format", args: map[string]string{"format": *format}}
	}
	if *out == "" {
		return usageError{key: "cli.need_out"}
	}
	s, err := store.Open(*path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer s.Close()
	// Write beside the target and rename, so a failed export never leaves half a file.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".jiayuan-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := export.Journal(s, tmp, *units); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil { // CreateTemp makes it private
		return err
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		return err
	}
	env.println(env.t("cli.export_done", map[string]string{"path": *out}))
	return nil
}
