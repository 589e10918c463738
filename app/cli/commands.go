package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"jiayuan/app/demo"
	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

func runDemo(env *Env, args []string) error {
	fs := env.flags("demo")
	path := fs.String("ledger", "", env.t("cli.flag.ledger_new", nil))
	units := fs.Int("units", 240, env.t("cli.flag.units", nil))
	years := fs.Int("years", 6, env.t("cli.flag.years", nil))
	seed := fs.Uint64("seed", 1, env.t("cli.flag.seed", nil))
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needLedger(*path); err != nil {
		return err
	}
	if *units < 1 || *units > 20000 || *years < 1 || *years > 40 {
		return usageError{key: "cli.demo_range"}
	}
	start := time.Now()
	err := demo.Generate(*path, demo.Options{Units: *units, Years: *years, Seed: *seed, Progress: func(y, of int) {
		fmt.Fprintf(env.Stderr, "\r%s", env.t("cli.demo_progress", map[string]string{"year": strconv.Itoa(y), "of": strconv.Itoa(of)}))
	}})
	fmt.Fprintln(env.Stderr)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, env.t("cli.demo_done", map[string]string{"path": *path, "units": strconv.Itoa(*units),
		"years": strconv.Itoa(*years), "seconds": fmt.Sprintf("%.1f", time.Since(start).Seconds())}))
	return nil
}

func runStatus(env *Env, args []string) error {
	fs := env.flags("status")
	path := fs.String("ledger", "", env.t("cli.flag.ledger", nil))
	asJSON := fs.Bool("json", false, env.t("cli.flag.json", nil))
	today := fs.String("today", "", env.t("cli.flag.today", nil))
	units := fs.Bool("units", true, env.t("cli.flag.units_list", nil))
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needLedger(*path); err != nil {
		return err
	}
	day := env.Now()
	if *today != "" {
		d, err := ledger.ParseDate(*today)
		if err != nil {
			return err
		}
		day = d
	}
	// Status reads figures only: the cheap checks at open (the chain's newest link, the record
	// counts) and not SQLite's structure check, which reads the whole file (verify does that).
	// A file that fails them is refused, naming the newest good backup, never printed from.
	abs, err := filepath.Abs(*path)
	if err != nil {
		return err
	}
	s, err := store.OpenChecked(abs, store.Options{ReadOnly: true, ChainCheckOnly: true, Glance: true}, backupDir(abs))
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := s.Status(day, *asJSON && *units)
	if err != nil {
		return err
	}
	rep := ops.StatusReportOf(st, env.Cat)
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	printStatus(env, rep)
	return nil
}

func runVerify(env *Env, args []string) error {
	fs := env.flags("verify")
	path := fs.String("ledger", "", env.t("cli.flag.ledger", nil))
	head := fs.String("head", "", env.t("cli.flag.verify_head", nil))
	full := fs.Bool("full", false, env.t("cli.flag.verify_full", nil))
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needLedger(*path); err != nil {
		return err
	}
	// Verify runs SQLite's structure check itself (quick_check, or integrity_check with
	// --full): the quick_check at open would read the file once more for nothing.
	s, err := store.Open(*path, store.Options{ReadOnly: true, ChainCheckOnly: true})
	if err != nil {
		return err
	}
	defer s.Close()
	start := time.Now()
	verify := s.Verify
	if *full {
		verify = s.VerifyFull
	}
	res, err := verify()
	if err != nil {
		return err
	}
	ms := strconv.FormatInt(time.Since(start).Milliseconds(), 10)
	if res.OK {
		fmt.Fprintln(env.Stdout, env.t("cli.verify_ok", map[string]string{"links": strconv.FormatInt(res.Links, 10),
			"seq": strconv.FormatInt(res.Head.Seq, 10), "hash": res.Head.Hash, "ms": ms}))
	} else {
		p := res.Problem
		fmt.Fprintln(env.Stdout, env.t("cli.verify_broken", map[string]string{"kind": p.Kind, "table": p.Table,
			"id": strconv.FormatInt(p.ID, 10), "seq": strconv.FormatInt(p.Seq, 10), "detail": p.Detail}))
	}
	if *head != "" {
		if held, err := printHeadCheck(env, s, *head); err != nil {
			return err
		} else if !held {
			return errBroken
		}
	}
	if !res.OK {
		return errBroken
	}
	return nil
}
