package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"jiayuan/app/ops"
	"jiayuan/store"
)

// runBackup writes a consistent copy of a ledger: into the app's backups folder, into a folder
// (a USB stick) under the standard name, or to a file name. It reads the ledger read-only, so it
// works while the window has the ledger open.
func runBackup(env *Env, args []string) error {
	fs := env.flags("backup")
	path := fs.String("ledger", "", env.t("cli.flag.ledger", nil))
	out := fs.String("out", "", env.t("cli.flag.backup_out", nil))
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needLedger(*path); err != nil {
		return err
	}
	abs, err := filepath.Abs(*path)
	if err != nil {
		return err
	}
	auto := backupDir(abs)
	s, err := store.OpenChecked(abs, store.Options{ReadOnly: true}, auto)
	if err != nil {
		return err
	}
	defer s.Close()
	var b store.BackupInfo
	switch target := *out; {
	case target == "":
		if b, err = s.Backup(auto); err == nil {
			_, err = store.PruneBackups(auto)
		}
	case isDir(target) || strings.HasSuffix(target, "/") || strings.HasSuffix(target, string(filepath.Separator)):
		b, err = s.Backup(target)
	default:
		b, err = s.BackupTo(target)
	}
	if err != nil {
		return err
	}
	env.println(env.t("cli.backup_done", map[string]string{"path": b.Path, "seq": strconv.FormatInt(b.Seq, 10), "hash": b.Hash,
		"size": sizeMB(b.Size)}))
	return nil
}

// runRestore replaces a ledger with a verified backup, keeping the replaced file. Without
// --from it lists the app's backups of the ledger; --from latest takes the newest good one.
func runRestore(env *Env, args []string) error {
	fs := env.flags("restore")
	path := fs.String("ledger", "", env.t("cli.flag.ledger", nil))
	from := fs.String("from", "", env.t("cli.flag.from", nil))
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needLedger(*path); err != nil {
		return err
	}
	abs, err := filepath.Abs(*path)
	if err != nil {
		return err
	}
	auto := backupDir(abs)
	src := *from
	if src == "" {
		list, _ := store.ListBackups(auto)
		if len(list) == 0 {
			env.println(env.t("cli.backup_none", map[string]string{"dir": auto}))
		} else {
			env.println(env.t("cli.restore_list", map[string]string{"dir": auto}))
		}
		for _, b := range list {
			fmt.Fprintf(env.Stdout, "  %s  #%d %s  %8s  %s\n", b.Time.Format("2006-01-02 15:04:05"), b.Seq, b.Hash, sizeMB(b.Size), b.Path)
		}
		return usageError{key: "cli.need_from"}
	}
	if src == "latest" {
		if _, err := os.Stat(src); err != nil {
			b, ok := store.NewestGoodBackup(auto, "")
			if !ok {
				env.println(env.t("cli.backup_none", map[string]string{"dir": auto}))
				return errBroken
			}
			src = b.Path
		}
	}
	res, err := store.Restore(abs, src, auto)
	if err != nil {
		return err
	}
	saved := res.Saved
	if saved == "" {
		saved = "—"
	}
	env.println(env.t("cli.restore_done", map[string]string{"path": abs, "from": res.From, "saved": saved,
		"seq": strconv.FormatInt(res.Head.Seq, 10), "hash": res.Head.Hash, "links": strconv.FormatInt(res.Links, 10)}))
	return nil
}

// backupDir is the folder of the ledger's automatic backups, the one the window uses.
func backupDir(ledgerPath string) string {
	return store.BackupDir(ops.NewConfigStore(ops.DataDir()).BackupsDir(), ledgerPath)
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func sizeMB(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
