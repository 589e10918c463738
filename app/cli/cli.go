// Package cli is the headless face of the same binary: given a subcommand, jiayuan runs
// without a window and prints to stdout, so auditors and scripts can use a ledger.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"jiayuan/app/i18n"
	"jiayuan/app/ops"
)

// Env is what a command needs from its surroundings.
type Env struct {
	Stdout, Stderr io.Writer
	Companion      bool // jiayuan-cli.exe, the console program beside the Windows window
	Cat            i18n.Catalog
	Lang           i18n.Lang
	Now            func() time.Time
}

type command struct {
	name string
	key  string // i18n key of the one-line description
	run  func(env *Env, args []string) error
}

func commands() []command {
	return []command{
		{"demo", "cli.cmd.demo", runDemo},
		{"new", "cli.cmd.new", runNew},
		{"status", "cli.cmd.status", runStatus},
		{"verify", "cli.cmd.verify", runVerify},
		{"export", "cli.cmd.export", runExport},
		{"report", "cli.cmd.report", runReport},
		{"contracts", "cli.cmd.contracts", runContracts},
		{"import", "cli.cmd.import", runImport},
		{"opening", "cli.cmd.opening", runOpening},
		{"reconcile", "cli.cmd.reconcile", runReconcile},
		{"backup", "cli.cmd.backup", runBackup},
		{"restore", "cli.cmd.restore", runRestore},
	}
}

// IsCommand reports whether args ask for the CLI rather than the window.
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	a := args[0]
	if a == "--help" || a == "-h" || a == "help" || a == "--version" {
		return true
	}
	for _, c := range commands() {
		if c.name == a {
			return true
		}
	}
	return false
}

// Run runs one subcommand and returns the process exit code: 0 done, 1 the ledger is not
// intact or the command was refused, 2 a usage error.
func Run(args []string, stdout, stderr io.Writer, cat i18n.Catalog) int {
	return run(args, stdout, stderr, cat, false)
}

// RunCompanion is Run for jiayuan-cli.exe, Windows' console program (cmd/jiayuan-cli): it has
// no window to open, so without a command it prints the help.
func RunCompanion(args []string, stdout, stderr io.Writer, cat i18n.Catalog) int {
	return run(args, stdout, stderr, cat, true)
}

func run(args []string, stdout, stderr io.Writer, cat i18n.Catalog, companion bool) int {
	cat = cat.For("cli") // messages that name the command's flags
	env := &Env{Stdout: stdout, Stderr: stderr, Cat: cat, Lang: i18n.ParseLang(os.Getenv("JIAYUAN_LANG")), Now: time.Now,
		Companion: companion}
	args = env.takeLang(args)
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
		env.usage(stdout)
		return 0
	}
	if args[0] == "--version" {
		fmt.Fprintln(stdout, "jiayuan", ops.Version)
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			err := c.run(env, args[1:])
			var ue usageError
			switch {
			case err == nil:
				return 0
			case errors.As(err, &ue):
				fmt.Fprintln(stderr, env.t(ue.key, ue.args))
				return 2
			case errors.Is(err, flag.ErrHelp):
				return 0
			case errors.Is(err, errBroken):
				return 1
			}
			_, key, kargs := ops.Explain(err)
			fmt.Fprintln(stderr, env.t("cli.error", map[string]string{"message": env.t(key, kargs)}))
			return 1
		}
	}
	fmt.Fprintln(stderr, env.t("cli.unknown_command", map[string]string{"command": args[0]}))
	env.usage(stderr)
	return 2
}

// takeLang removes a global --lang flag wherever it stands.
func (env *Env) takeLang(args []string) []string {
	out := args[:0:0]
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--lang" && i+1 < len(args):
			env.Lang = i18n.ParseLang(args[i+1])
			i++
		case strings.HasPrefix(a, "--lang="):
			env.Lang = i18n.ParseLang(strings.TrimPrefix(a, "--lang="))
		default:
			out = append(out, a)
		}
	}
	return out
}

func (env *Env) t(key string, args map[string]string) string { return env.Cat.T(env.Lang, key, args) }

func (env *Env) usage(w io.Writer) {
	if env.Companion {
		fmt.Fprintln(w, env.t("cli.usage_companion", nil))
	} else {
		fmt.Fprintln(w, env.t("cli.usage", nil))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, env.t(c.key, nil))
	}
	fmt.Fprintln(w, env.t("cli.usage_more", nil))
}

// usageError is a mistake in the command line.
type usageError struct {
	key  string
	args map[string]string
}

func (u usageError) Error() string { return u.key }

// errBroken marks a command that printed its own failure (verify on an altered file).
var errBroken = errors.New("broken")

// flags makes a FlagSet whose help is printed in the user's language.
func (env *Env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, env.t("cli.help."+name, nil))
		fs.PrintDefaults()
	}
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{key: "cli.bad_flags", args: map[string]string{"detail": err.Error()}}
	}
	if fs.NArg() > 0 {
		return usageError{key: "cli.extra_args", args: map[string]string{"args": strings.Join(fs.Args(), " ")}}
	}
	return nil
}

func needLedger(path string) error {
	if path == "" {
		return usageError{key: "cli.need_ledger"}
	}
	return nil
}

func (env *Env) println(s string) { fmt.Fprintln(env.Stdout, s) }
