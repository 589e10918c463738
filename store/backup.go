package store

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"jiayuan/store/ledger"

	"github.com/jmoiron/sqlx"
)

// Backups are consistent copies made by SQLite itself (VACUUM INTO: one read transaction, so
// a copy taken while the window posts is a snapshot between two vouchers), never a copy of
// the live file, which in WAL mode is not the ledger without its -wal. A copy is written
// under a temporary name, checked like Open checks a ledger, synced to the disk, and only then
// given its name: a backup that has its name is whole. The copy is a plain rollback-journal
// file, complete in itself, which can be carried on a USB stick and opened read-only anywhere.
//
// A backup is named LEDGER_YYYYMMDD-HHMMSS_seqN_HASH.jiayuan: the local time it was taken and
// the chain head it holds (HASH is the 12 digits printed on PDFs), so that the name says which
// exported PDFs the copy matches.

// KeepLastBackups is how many of the newest automatic backups rotation keeps; beyond them it
// keeps the newest of each calendar month.
const KeepLastBackups = 10

// BackupInfo is a backup file.
type BackupInfo struct {
	Path string
	Time time.Time // when it was taken (from its name)
	Seq  int64     // the chain head it holds
	Hash string    // the head's hash, 12 hex digits
	Size int64
	mod  time.Time // orders backups of one second
}

var backupNameRE = regexp.MustCompile(`^(.+)_(\d{8}-\d{6})_seq(\d+)_([0-9a-f]{12})(?:_(\d+))?\.jiayuan$`)

const backupTimeLayout = "20060102-150405"

// preRestoreNameRE matches the copies Restore keeps of the file it replaces: a backup's name
// with _pre-restore, or, for a file too damaged to read its chain head, the time alone.
var preRestoreNameRE = regexp.MustCompile(`^.+_(\d{8}-\d{6})(?:_seq(\d+)_([0-9a-f]{12}))?(?:_\d+)?_pre-restore\.jiayuan$`)

// ledgerName is the file name of a ledger without its extension.
func ledgerName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// BackupDir is where the app keeps the automatic backups of the ledger at ledgerPath: one
// folder per ledger, named after its file, in the backups folder root (the app's
// DataDir()/backups unless the user chose another).
func BackupDir(root, ledgerPath string) string {
	return filepath.Join(root, ledgerName(ledgerPath))
}

func backupFileName(ledgerPath string, at time.Time, head ChainHead, n int) string {
	name := fmt.Sprintf("%s_%s_seq%d_%s", ledgerName(ledgerPath), at.Format(backupTimeLayout), head.Seq, ledger.ShortHash(head.Hash))
	if n > 1 {
		name += "_" + strconv.Itoa(n)
	}
	return name + ".jiayuan"
}

// Backup writes a consistent copy of the ledger into dir (made when missing) under the
// standard name, and returns it.
func (s *Store) Backup(dir string) (BackupInfo, error) {
	return s.backup(dir, "", "", false)
}

// BackupTo writes a consistent copy of the ledger to file, which must not exist.
func (s *Store) BackupTo(file string) (BackupInfo, error) {
	if _, err := os.Stat(file); err == nil {
		return BackupInfo{}, ledger.Refuse("backup.exists", "path", file)
	}
	return s.backup(filepath.Dir(file), filepath.Base(file), "", false)
}

// backup copies the ledger into dir, as name when given, else under the standard name with
// suffix before the extension. A damaged ledger is copied only when allowDamaged (the copy of
// the file a restore replaces).
func (s *Store) backup(dir, name, suffix string, allowDamaged bool) (BackupInfo, error) {
	if p := s.g.damage; p != nil && !allowDamaged {
		return BackupInfo{}, ledger.Refuse("ledger.damaged", "path", s.path, "detail", p.String())
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return BackupInfo{}, ledger.Refuse("backup.cannot_write", "path", dir, "detail", err.Error())
	}
	tmp := filepath.Join(dir, "."+ledgerName(s.path)+"."+randomHex()+".part")
	at := time.Now()
	if _, err := s.db.Exec(`VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return BackupInfo{}, ledger.Refuse("backup.cannot_write", "path", dir, "detail", err.Error())
	}
	ok := false
	defer func() {
		if !ok {
			os.Remove(tmp)
		}
	}()
	head, err := checkCopy(tmp, !allowDamaged)
	if err != nil {
		return BackupInfo{}, err
	}
	if err := syncFile(tmp); err != nil {
		return BackupInfo{}, ledger.Refuse("backup.cannot_write", "path", dir, "detail", err.Error())
	}
	var dst string
	if name != "" {
		dst = filepath.Join(dir, name)
		if _, err := os.Stat(dst); err == nil {
			return BackupInfo{}, ledger.Refuse("backup.exists", "path", dst)
		}
	} else {
		for n := 1; ; n++ {
			base := backupFileName(s.path, at, head, n)
			if suffix != "" {
				base = strings.TrimSuffix(base, ".jiayuan") + suffix + ".jiayuan"
			}
			dst = filepath.Join(dir, base)
			if _, err := os.Stat(dst); err != nil {
				break
			}
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		return BackupInfo{}, ledger.Refuse("backup.cannot_write", "path", dst, "detail", err.Error())
	}
	ok = true
	syncDir(dir)
	fi, err := os.Stat(dst)
	if err != nil {
		return BackupInfo{}, err
	}
	return BackupInfo{Path: dst, Time: at.Truncate(time.Second), Seq: head.Seq, Hash: ledger.ShortHash(head.Hash), Size: fi.Size()}, nil
}

// checkCopy opens a fresh copy read-only, checks it (the quick check of Open when strict, else
// SQLite's structure only) and returns the chain head it holds.
func checkCopy(path string, strict bool) (ChainHead, error) {
	db, err := sqlx.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return ChainHead{}, err
	}
	defer db.Close()
	var p *Problem
	if strict {
		p, err = quickCheck(db)
	} else {
		var qc string
		if err = db.Get(&qc, `PRAGMA quick_check(1)`); err == nil && qc != "ok" {
			p = &Problem{Kind: "integrity", Detail: qc}
		}
	}
	if err == nil && p != nil {
		err = errors.New(p.String())
	}
	if err != nil {
		return ChainHead{}, ledger.Refuse("backup.copy_bad", "path", path, "detail", err.Error())
	}
	return chainHead(db)
}

// autoMu keeps two automatic backups of the process from racing on one folder.
var autoMu sync.Mutex

// AutoBackup is the automatic backup (the window calls it on open, after a posting session and
// on close): a backup into dir unless the newest one there already holds the current chain
// head, then rotation. A damaged ledger is never backed up, so that it cannot rotate good
// copies out. made is false when nothing needed doing.
func (s *Store) AutoBackup(dir string) (b BackupInfo, made bool, err error) {
	autoMu.Lock()
	defer autoMu.Unlock()
	if s.g.damage != nil {
		return BackupInfo{}, false, nil
	}
	head, err := s.ChainHead()
	if err != nil {
		return BackupInfo{}, false, err
	}
	list, _ := ListBackups(dir)
	if len(list) > 0 && list[0].Seq == head.Seq && list[0].Hash == ledger.ShortHash(head.Hash) {
		return list[0], false, nil
	}
	b, err = s.Backup(dir)
	if err != nil {
		return b, false, err
	}
	_, err = PruneBackups(dir)
	return b, true, err
}

// BackupWhenIdle backs the ledger up into dir (AutoBackup) once its chain head has stopped
// moving for idle — the end of a posting session — looking every idle/4, until the store is
// closed. logf, when given, hears of a failed backup.
func (s *Store) BackupWhenIdle(dir string, idle time.Duration, logf func(format string, args ...any)) {
	backedUp, err := s.ChainHead()
	if err != nil {
		return
	}
	go func() {
		tick := time.NewTicker(max(idle/4, 50*time.Millisecond))
		defer tick.Stop()
		seen, changed := backedUp, time.Now()
		for range tick.C {
			h, err := s.ChainHead()
			if err != nil {
				return // closed
			}
			if h != seen {
				seen, changed = h, time.Now()
				continue
			}
			if h != backedUp && time.Since(changed) >= idle {
				if _, _, err := s.AutoBackup(dir); err != nil {
					if logf != nil {
						logf("automatic backup of %s: %v", s.path, err)
					}
					continue
				}
				backedUp = h
			}
		}
	}()
}

// ListBackups lists the backups in dir, newest first. Files not named like a backup (a copy
// kept before a restore, the user's own files) are not listed.
func ListBackups(dir string) ([]BackupInfo, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var out []BackupInfo
	suffix := map[string]int{}
	for _, e := range entries {
		m := backupNameRE.FindStringSubmatch(e.Name())
		if m == nil || e.IsDir() {
			continue
		}
		at, err := time.ParseInLocation(backupTimeLayout, m[2], time.Local)
		if err != nil {
			continue
		}
		seq, err := strconv.ParseInt(m[3], 10, 64)
		if err != nil {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		b := BackupInfo{Path: filepath.Join(dir, e.Name()), Time: at, Seq: seq, Hash: m[4], Size: fi.Size(), mod: fi.ModTime()}
		suffix[b.Path], _ = strconv.Atoi(m[5])
		out = append(out, b)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.Time.Equal(b.Time) {
			return a.Time.After(b.Time)
		}
		if !a.mod.Equal(b.mod) {
			return a.mod.After(b.mod)
		}
		return suffix[a.Path] > suffix[b.Path]
	})
	return out, nil
}

// ListPreRestoreCopies lists the copies Restore kept in dir of the files it replaced, newest
// first (Seq and Hash are zero for a copy of a file whose chain head could not be read).
func ListPreRestoreCopies(dir string) ([]BackupInfo, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var out []BackupInfo
	for _, e := range entries {
		m := preRestoreNameRE.FindStringSubmatch(e.Name())
		if m == nil || e.IsDir() {
			continue
		}
		at, err := time.ParseInLocation(backupTimeLayout, m[1], time.Local)
		fi, err2 := e.Info()
		if err != nil || err2 != nil {
			continue
		}
		b := BackupInfo{Path: filepath.Join(dir, e.Name()), Time: at, Hash: m[3], Size: fi.Size(), mod: fi.ModTime()}
		b.Seq, _ = strconv.ParseInt(m[2], 10, 64)
		out = append(out, b)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

// RetainBackups is the rotation policy: of backups, keep the keepLast newest and, beyond
// them, the newest of each calendar month; drop the rest. Both lists come newest first.
func RetainBackups(backups []BackupInfo, keepLast int) (keep, drop []BackupInfo) {
	list := slices.Clone(backups)
	sort.SliceStable(list, func(i, j int) bool { return list[i].Time.After(list[j].Time) })
	months := map[string]bool{}
	for i, b := range list {
		month := b.Time.Format("2006-01")
		if i < keepLast || !months[month] {
			keep = append(keep, b)
		} else {
			drop = append(drop, b)
		}
		months[month] = true
	}
	return keep, drop
}

// PruneBackups applies RetainBackups(…, KeepLastBackups) to the backups in dir and removes
// what it drops, and any copy left half-written (by a crash) over an hour ago. It returns the
// files removed.
func PruneBackups(dir string) ([]string, error) {
	list, err := ListBackups(dir)
	if err != nil {
		return nil, err
	}
	_, drop := RetainBackups(list, KeepLastBackups)
	var removed []string
	for _, b := range drop {
		if err := os.Remove(b.Path); err == nil {
			removed = append(removed, b.Path)
		}
	}
	parts, _ := filepath.Glob(filepath.Join(dir, ".*.part"))
	for _, p := range parts {
		if fi, err := os.Stat(p); err == nil && time.Since(fi.ModTime()) > time.Hour {
			if os.Remove(p) == nil {
				removed = append(removed, p)
			}
		}
	}
	return removed, nil
}

// NewestGoodBackup is the newest backup in dir that passes the check of Open; with id (a
// ledger's identity), only one of that ledger. Restore verifies it fully.
func NewestGoodBackup(dir, id string) (BackupInfo, bool) {
	list, _ := ListBackups(dir)
	for _, b := range list {
		s, err := Open(b.Path, Options{ReadOnly: true})
		if err != nil {
			continue
		}
		good := s.Damage() == nil && (id == "" || identity(s.db) == id)
		s.Close()
		if good {
			return b, true
		}
	}
	return BackupInfo{}, false
}

// RestoreResult says what Restore did.
type RestoreResult struct {
	From  string    // the backup restored
	Saved string    // the copy of the file it replaced ("" when there was none)
	Head  ChainHead // the restored ledger's chain head
	Links int64
}

// Restore replaces the ledger at ledgerPath with the backup from. The backup is copied beside
// the ledger and the copy opened read-only and verified in full (Verify) before anything is
// replaced; a backup of another ledger is refused. The current file is first saved into
// backupDir (as LEDGER_…_pre-restore.jiayuan, which rotation never removes); then the copy takes
// its place by an atomic rename. It holds the writer lock throughout, so it is refused while the
// ledger is open for writing, and it is refused while anything else has the file open.
func Restore(ledgerPath, from, backupDir string) (RestoreResult, error) {
	res := RestoreResult{From: from}
	if _, err := os.Stat(from); err != nil {
		return res, ledger.Refuse("backup.missing", "path", from)
	}
	if lockKey(realPath(from)) == lockKey(realPath(ledgerPath)) {
		return res, ledger.Refuse("restore.same_file", "path", from)
	}
	procLocks.Lock()
	_, mine := procLocks.m[lockKey(realPath(ledgerPath))]
	procLocks.Unlock()
	if mine {
		return res, ledger.Refuse("restore.in_use", "path", ledgerPath, "detail", "open for writing in this program")
	}
	release, err := lockWriter(ledgerPath)
	if err != nil {
		return res, err
	}
	defer release()

	// 1. Copy the backup beside the ledger and verify the copy: what is checked is what goes in.
	tmp := ledgerPath + ".restoring"
	os.Remove(tmp)
	if err := copyFile(from, tmp); err != nil {
		os.Remove(tmp)
		return res, ledger.Refuse("backup.cannot_write", "path", tmp, "detail", err.Error())
	}
	renamed := false
	defer func() {
		if !renamed {
			os.Remove(tmp)
		}
	}()
	chk, err := Open(tmp, Options{ReadOnly: true})
	if err != nil {
		return res, ledger.Refuse("backup.not_good", "path", from, "detail", ledger.KeyOf(err))
	}
	if p := chk.Damage(); p != nil {
		chk.Close()
		return res, ledger.Refuse("backup.not_good", "path", from, "detail", p.String())
	}
	vr, err := chk.VerifyFull()
	if err == nil && !vr.OK {
		err = errors.New(vr.Problem.String())
	}
	backupID, backupName := identity(chk.db), communityName(chk.db)
	chk.Close()
	if err != nil {
		return res, ledger.Refuse("backup.not_good", "path", from, "detail", err.Error())
	}
	res.Head, res.Links = vr.Head, vr.Links

	// 2. Keep the file it replaces.
	if _, err := os.Stat(ledgerPath); err == nil {
		at := time.Now()
		cur, err := Open(ledgerPath, Options{ReadOnly: true}) // the lock is ours already
		healthy := err == nil
		if healthy {
			if id := identity(cur.db); id != "" && backupID != "" && id != backupID {
				name := communityName(cur.db)
				cur.Close()
				return res, ledger.Refuse("backup.other_ledger", "path", from, "backupCommunity", backupName, "community", name)
			}
			b, err := cur.backup(backupDir, "", "_pre-restore", true)
			cur.Close()
			if err == nil {
				res.Saved = b.Path
			}
		}
		if res.Saved == "" { // not readable as a ledger: keep its bytes as they are
			base := fmt.Sprintf("%s_%s_pre-restore.jiayuan", ledgerName(ledgerPath), at.Format(backupTimeLayout))
			dst := filepath.Join(backupDir, base)
			if err := os.MkdirAll(backupDir, 0o755); err != nil {
				return res, ledger.Refuse("backup.cannot_write", "path", backupDir, "detail", err.Error())
			}
			if err := copyFile(ledgerPath, dst); err != nil {
				os.Remove(dst)
				return res, ledger.Refuse("backup.cannot_write", "path", dst, "detail", err.Error())
			}
			if _, err := os.Stat(ledgerPath + "-wal"); err == nil {
				if err := copyFile(ledgerPath+"-wal", dst+"-wal"); err != nil {
					return res, ledger.Refuse("backup.cannot_write", "path", dst+"-wal", "detail", err.Error())
				}
			}
			res.Saved = dst
		}
		// 3. Fold the WAL into the file and leave WAL mode, so that no -wal of the old file is
		// left to be replayed onto the new one. That needs the file to itself.
		if healthy {
			if err := leaveWAL(ledgerPath); err != nil {
				return res, ledger.Refuse("restore.in_use", "path", ledgerPath, "detail", err.Error())
			}
		}
		for _, side := range []string{"-wal", "-shm", "-journal"} {
			if err := os.Remove(ledgerPath + side); err != nil && !errors.Is(err, os.ErrNotExist) {
				return res, ledger.Refuse("restore.in_use", "path", ledgerPath, "detail", err.Error())
			}
		}
	}

	// 4. Swap.
	if err := os.Rename(tmp, ledgerPath); err != nil {
		return res, ledger.Refuse("restore.in_use", "path", ledgerPath, "detail", err.Error())
	}
	renamed = true
	syncDir(filepath.Dir(ledgerPath))

	// 5. The restored ledger is now the newest backup of it: a later open compares the file
	// with its newest backup (checkAgainstBackups), and the restore was meant.
	if s, err := Open(ledgerPath, Options{ReadOnly: true}); err == nil {
		s.backup(backupDir, "", "", false)
		s.Close()
	}
	return res, nil
}

// leaveWAL checkpoints the whole WAL into the file and switches it to rollback mode, which
// SQLite does only when no other connection has the file open.
func leaveWAL(path string) error {
	db, err := sqlx.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(2000)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return err
	}
	var mode string
	if err := db.Get(&mode, `PRAGMA journal_mode=DELETE`); err != nil {
		return err
	}
	if !strings.EqualFold(mode, "delete") {
		return fmt.Errorf("the file is open elsewhere (journal mode stays %s)", mode)
	}
	return nil
}

func communityName(q queryer) string {
	var n string
	q.Get(&n, `SELECT name FROM community LIMIT 1`)
	return n
}

// copyFile copies src to a new file dst and syncs it to the disk.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable (POSIX; Windows has no handle on a folder to sync).
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

func randomHex() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}
