package app

import (
	"bufio"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// BackupDTO is one backup file as the Backups screen (备份与恢复) lists it.
type BackupDTO struct {
	Path string `json:"path"`
	Name string `json:"name"`
	Time string `json:"time"` // local time it was taken, "2006-01-02 15:04:05"
	Size int64  `json:"size"` // bytes
	Seq  int64  `json:"seq"`  // the chain head it holds (0 when unknown: a pre-restore copy of a damaged file)
	Hash string `json:"hash"` // the head's first 12 hex digits, as printed on PDFs
	// Kind: "auto" (made by the app on open and after posting), "manual" (立即备份),
	// "pre-restore" (the file a restore replaced; rotation never removes it), "file" (elsewhere).
	Kind      string `json:"kind"`
	Current   bool   `json:"current"`   // holds exactly the open ledger's chain head
	Community string `json:"community"` // only for a file chosen by the user (ChooseBackupFile)
}

// BackupList is the Backups screen: the open ledger's backup folder and what is in it.
type BackupList struct {
	Ledger   string      `json:"ledger"`
	Dir      string      `json:"dir"` // "" for the demo ledger, which has no automatic backups
	ReadOnly bool        `json:"readOnly"`
	HeadSeq  int64       `json:"headSeq"`
	HeadHash string      `json:"headHash"` // 12 hex digits
	KeepLast int         `json:"keepLast"` // rotation keeps this many, then one a month
	Backups  []BackupDTO `json:"backups"`  // newest first
}

// RestoreOutcome says what a restore did; the ledger is open again afterwards.
type RestoreOutcome struct {
	Ledger LedgerInfo `json:"ledger"`
	From   string     `json:"from"`
	Saved  string     `json:"saved"` // where the replaced file was kept ("" when there was none)
	Seq    int64      `json:"seq"`
	Hash   string     `json:"hash"` // full hash of the restored head
	Links  int64      `json:"links"`
}

// BackupService backs up and restores ledgers: the Backups screen, and the start screen's way
// out when a ledger fails the check at open. It is bound to the frontend.
type BackupService struct {
	sess *Session
	mu   sync.Mutex
	busy bool
}

// NewBackupService builds the service; app.Services binds it.
func NewBackupService(sess *Session) *BackupService { return &BackupService{sess: sess} }

// backupTimeFormat is how backup times reach the UI.
const backupTimeFormat = "2006-01-02 15:04:05"

// manualListName is the file in a backup folder naming the backups the user made (立即备份).
const manualListName = ".manual-backups"

// begin refuses a second backup or restore while one runs (a double click).
func (b *BackupService) begin() (func(), error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.busy {
		return nil, ledger.Refuse("backup.busy")
	}
	b.busy = true
	return func() {
		b.mu.Lock()
		b.busy = false
		b.mu.Unlock()
	}, nil
}

func (b *BackupService) emit(task, stage string, done, total int) {
	b.sess.Runtime().Emit(ProgressEvent, Progress{Task: task, Stage: stage, Done: done, Total: total})
}

func backupDTO(i store.BackupInfo, kind string) BackupDTO {
	return BackupDTO{Path: i.Path, Name: filepath.Base(i.Path), Time: i.Time.Format(backupTimeFormat), Size: i.Size,
		Seq: i.Seq, Hash: i.Hash, Kind: kind}
}

// Backups lists the open ledger's backups, newest first: the automatic and manual ones and
// the copies kept before a restore.
func (b *BackupService) Backups() (BackupList, error) {
	st, err := b.sess.Store()
	if err != nil {
		return BackupList{}, err
	}
	head, err := st.ChainHead()
	if err != nil {
		return BackupList{}, err
	}
	out := BackupList{Ledger: st.Path(), Dir: b.sess.backupDir(st.Path()), ReadOnly: st.ReadOnly(), HeadSeq: head.Seq,
		HeadHash: ledger.ShortHash(head.Hash), KeepLast: store.KeepLastBackups, Backups: []BackupDTO{}}
	if out.Dir == "" {
		return out, nil
	}
	list, err := listBackupDir(out.Dir)
	if err != nil {
		return out, ledger.Refuse("backup.cannot_list", "dir", out.Dir, "detail", err.Error())
	}
	for i := range list {
		list[i].Current = list[i].Kind != "pre-restore" && list[i].Seq == out.HeadSeq && list[i].Hash == out.HeadHash
	}
	out.Backups = list
	return out, nil
}

// listBackupDir lists the backups and pre-restore copies in dir, newest first.
func listBackupDir(dir string) ([]BackupDTO, error) {
	list, err := store.ListBackups(dir)
	if err != nil {
		return nil, err
	}
	pre, err := store.ListPreRestoreCopies(dir)
	if err != nil {
		return nil, err
	}
	manual := manualNames(dir)
	type item struct {
		dto BackupDTO
		at  time.Time
	}
	items := make([]item, 0, len(list)+len(pre))
	for _, i := range list {
		kind := "auto"
		if manual[filepath.Base(i.Path)] {
			kind = "manual"
		}
		items = append(items, item{backupDTO(i, kind), i.Time})
	}
	for _, i := range pre {
		items = append(items, item{backupDTO(i, "pre-restore"), i.Time})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].at.After(items[j].at) })
	out := make([]BackupDTO, 0, len(items))
	for _, it := range items {
		out = append(out, it.dto)
	}
	return out, nil
}

// manualNames reads the names of the backups the user made in dir.
func manualNames(dir string) map[string]bool {
	out := map[string]bool{}
	f, err := os.Open(filepath.Join(dir, manualListName))
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if n := strings.TrimSpace(sc.Text()); n != "" {
			out[n] = true
		}
	}
	return out
}

// markManual notes that the backup at path was made by the user. Best effort: only its label
// in the list depends on it.
func markManual(path string) {
	f, err := os.OpenFile(filepath.Join(filepath.Dir(path), manualListName), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	fmt.Fprintln(f, filepath.Base(path))
	f.Close()
}

// BackupNow backs the open ledger up into its backups folder (立即备份), verified, then rotates
// the folder as the automatic backups do.
func (b *BackupService) BackupNow() (BackupDTO, error) {
	st, err := b.sess.Store()
	if err != nil {
		return BackupDTO{}, err
	}
	dir := b.sess.backupDir(st.Path())
	if dir == "" {
		return BackupDTO{}, ledger.Refuse("backup.demo_none")
	}
	done, err := b.begin()
	if err != nil {
		return BackupDTO{}, err
	}
	defer done()
	b.emit("backup", "start", 0, 0)
	info, err := st.Backup(dir)
	if err != nil {
		return BackupDTO{}, err
	}
	markManual(info.Path)
	if _, err := store.PruneBackups(dir); err != nil {
		log.Printf("pruning backups in %s: %v", dir, err)
	}
	b.emit("backup", "done", 1, 1)
	d := backupDTO(info, "manual")
	d.Current = true
	return d, nil
}

// BackupToFolder asks where to save a copy of the open ledger (the system's save dialog, e.g.
// on a USB stick, proposing the standard backup name) and writes it there, verified. An empty
// Path means the user cancelled.
func (b *BackupService) BackupToFolder() (BackupDTO, error) {
	st, err := b.sess.Store()
	if err != nil {
		return BackupDTO{}, err
	}
	head, err := st.ChainHead()
	if err != nil {
		return BackupDTO{}, err
	}
	name := standardBackupName(st.Path(), time.Now(), head)
	path, err := b.savePath(name)
	if err != nil || path == "" {
		return BackupDTO{}, err
	}
	done, err := b.begin()
	if err != nil {
		return BackupDTO{}, err
	}
	defer done()
	b.emit("backup", "start", 0, 0)
	info, err := st.BackupTo(path)
	if err != nil {
		return BackupDTO{}, err
	}
	b.emit("backup", "done", 1, 1)
	d := backupDTO(info, "file")
	d.Current = true
	return d, nil
}

// standardBackupName is the name store.Backup gives: LEDGER_YYYYMMDD-HHMMSS_seqN_HASH.jiayuan.
func standardBackupName(ledgerPath string, at time.Time, head store.ChainHead) string {
	base := strings.TrimSuffix(filepath.Base(ledgerPath), filepath.Ext(ledgerPath))
	return fmt.Sprintf("%s_%s_seq%d_%s%s", base, at.Format("20060102-150405"), head.Seq, ledger.ShortHash(head.Hash), ledgerExt)
}

// e2eUSBDir is the folder that stands for a USB stick in the browser tests (see E2ESaveDirEnv).
func e2eUSBDir() string {
	if dir := os.Getenv(E2ESaveDirEnv); dir != "" {
		return filepath.Join(dir, "usb")
	}
	return ""
}

// savePath asks where to save a backup, or takes the e2e folder without asking.
func (b *BackupService) savePath(name string) (string, error) {
	if dir := e2eUSBDir(); dir != "" {
		return filepath.Join(dir, name), nil
	}
	lang := b.sess.lang()
	path, err := b.sess.Runtime().SaveFileDialog(b.sess.cat.T(lang, "backup.dialog.save", nil), name,
		[]FileFilter{{Name: b.sess.cat.T(lang, "backup.dialog.files", nil), Pattern: "*" + ledgerExt}})
	if err != nil || path == "" {
		return "", err
	}
	if !strings.EqualFold(filepath.Ext(path), ledgerExt) {
		path += ledgerExt
	}
	return path, nil
}

// ChooseBackupFile asks for a backup file (the system's open dialog: a USB stick, another
// folder) and says what it holds, for the confirmation before a restore. An empty Path means
// the user cancelled. The file is only read.
func (b *BackupService) ChooseBackupFile() (BackupDTO, error) {
	var path string
	if dir := e2eUSBDir(); dir != "" {
		path = newestFile(dir) // a browser cannot answer the dialog: the newest copy on the "stick"
	} else {
		lang := b.sess.lang()
		p, err := b.sess.Runtime().OpenFileDialog(b.sess.cat.T(lang, "backup.dialog.open", nil),
			[]FileFilter{{Name: b.sess.cat.T(lang, "backup.dialog.files", nil), Pattern: "*" + ledgerExt}})
		if err != nil {
			return BackupDTO{}, err
		}
		path = p
	}
	if path == "" {
		return BackupDTO{}, nil
	}
	return inspectBackup(path)
}

// newestFile is the newest ledger file in dir, or "".
func newestFile(dir string) string {
	entries, _ := os.ReadDir(dir)
	var best string
	var at time.Time
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil || e.IsDir() || !strings.HasSuffix(e.Name(), ledgerExt) {
			continue
		}
		if best == "" || fi.ModTime().After(at) {
			best, at = filepath.Join(dir, e.Name()), fi.ModTime()
		}
	}
	return best
}

// inspectBackup opens a backup file read-only and says what it holds.
func inspectBackup(path string) (BackupDTO, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return BackupDTO{}, ledger.Refuse("backup.missing", "path", path)
	}
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return BackupDTO{}, err
	}
	defer s.Close()
	if p := s.Damage(); p != nil {
		return BackupDTO{}, ledger.Refuse("backup.not_good", "path", path, "detail", p.String())
	}
	head, err := s.ChainHead()
	if err != nil {
		return BackupDTO{}, err
	}
	c, err := s.Community()
	if err != nil {
		return BackupDTO{}, err
	}
	at := fi.ModTime()
	if list, _ := store.ListBackups(filepath.Dir(path)); len(list) > 0 {
		for _, i := range list {
			if i.Path == path {
				at = i.Time
			}
		}
	}
	return BackupDTO{Path: path, Name: filepath.Base(path), Time: at.Format(backupTimeFormat), Size: fi.Size(), Seq: head.Seq,
		Hash: ledger.ShortHash(head.Hash), Kind: "file", Community: c.Name}, nil
}

// RestoreFrom replaces the open ledger with the backup at from (one of its list, or a file
// chosen with ChooseBackupFile). The backup is verified in full before anything is replaced,
// the current file is kept in the backups folder (a pre-restore copy), and the ledger is open
// again afterwards — the restored one, or, when the restore was refused, the one as it was.
func (b *BackupService) RestoreFrom(from string) (RestoreOutcome, error) {
	st, err := b.sess.Store()
	if err != nil {
		return RestoreOutcome{}, err
	}
	if strings.TrimSpace(from) == "" {
		return RestoreOutcome{}, ledger.Refuse("backup.missing", "path", from)
	}
	if _, err := os.Stat(from); err != nil {
		return RestoreOutcome{}, ledger.Refuse("backup.missing", "path", from)
	}
	done, err := b.begin()
	if err != nil {
		return RestoreOutcome{}, err
	}
	defer done()
	path := st.Path()
	b.emit("restore", "closing", 0, 0)
	_, ro := b.sess.detach()
	out, err := b.restore(path, from)
	if err != nil {
		// nothing was replaced: the ledger as it was is open again
		b.emit("restore", "reopening", 0, 0)
		if _, rerr := b.sess.openAs(path, ro); rerr != nil {
			log.Printf("reopening %s after a refused restore: %v", path, rerr)
		}
		return RestoreOutcome{}, err
	}
	return out, nil
}

// RestoreLedger restores the ledger file at ledgerPath, which failed to open (damaged, altered,
// behind its newest backup), from the backup at from, or, when from is "", from the newest
// backup in its backups folder that passes the check; then opens it. The backup is verified in
// full first, and the file it replaces is kept.
func (b *BackupService) RestoreLedger(ledgerPath, from string) (RestoreOutcome, error) {
	abs, err := filepath.Abs(strings.TrimSpace(ledgerPath))
	if err != nil || strings.TrimSpace(ledgerPath) == "" {
		return RestoreOutcome{}, ledger.Refuse("ledger.file_missing", "path", ledgerPath)
	}
	dir := b.sess.backupDir(abs)
	if from == "" {
		if dir == "" {
			return RestoreOutcome{}, ledger.Refuse("backup.demo_none")
		}
		nb, ok := store.NewestGoodBackup(dir, "")
		if !ok {
			return RestoreOutcome{}, ledger.Refuse("backup.none_good", "dir", dir)
		}
		from = nb.Path
	}
	if _, err := os.Stat(from); err != nil {
		return RestoreOutcome{}, ledger.Refuse("backup.missing", "path", from)
	}
	done, err := b.begin()
	if err != nil {
		return RestoreOutcome{}, err
	}
	defer done()
	// The session may hold this very file (open read-only, say): let it go for the restore.
	if cur, err := b.sess.current(); err == nil && samePath(cur.Path(), abs) {
		b.emit("restore", "closing", 0, 0)
		b.sess.detach()
	}
	return b.restore(abs, from)
}

// restore runs store.Restore on a ledger nobody here holds, then opens the result.
func (b *BackupService) restore(path, from string) (RestoreOutcome, error) {
	dir := b.sess.backupDir(path)
	if dir == "" { // the demo: keep the replaced file in the default backups folder anyway
		dir = store.BackupDir(filepath.Join(b.sess.cfg.Dir(), "backups"), path)
	}
	b.emit("restore", "verifying", 0, 0)
	res, err := store.Restore(path, from, dir)
	if err != nil {
		return RestoreOutcome{}, err
	}
	b.emit("restore", "reopening", 0, 0)
	st, err := b.sess.open(path)
	if err != nil {
		return RestoreOutcome{}, err
	}
	li, err := info(st)
	if err != nil {
		return RestoreOutcome{}, err
	}
	b.emit("restore", "done", 1, 1)
	return RestoreOutcome{Ledger: li, From: res.From, Saved: res.Saved, Seq: res.Head.Seq, Hash: res.Head.Hash, Links: res.Links}, nil
}
