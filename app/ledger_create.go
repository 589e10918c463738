package app

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"jiayuan/app/demo"
	"jiayuan/app/i18n"
	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// ProgressEvent is the event long work emits (runtime.EventsOn("progress", …) in the UI).
const ProgressEvent = "progress"

// Progress is one report of long work: the task ("demo", "create"), its stage, and how far
// it has come (Done of Total; Total 0 when unknown).
type Progress struct {
	Task  string `json:"task"`
	Stage string `json:"stage"` // "start", "units", "years" (demo), "done"
	Done  int    `json:"done"`
	Total int    `json:"total"`
}

// NewLedgerInput is what the new-ledger wizard collects.
type NewLedgerInput struct {
	Community CommunityInput `json:"community"`
	Policy    PolicyInput    `json:"policy"`
	Units     []NewUnitRow   `json:"units"`
	Path      string         `json:"path"` // where to save; ".jiayuan" is added when missing
}

// NewUnitRow is one row of the wizard's unit grid, as typed.
type NewUnitRow struct {
	Building    string `json:"building"` // building code, e.g. "12号"
	Room        string `json:"room"`
	Area        string `json:"area"`        // m², e.g. "89.50"
	HousingType string `json:"housingType"` // commodity (default), public_sold, non_residential, garage
	Initial     string `json:"initial"`     // 首期应筹集金额, yuan
	OwnerName   string `json:"ownerName"`
	OwnerPhone  string `json:"ownerPhone"`
}

// RowProblem is what is wrong with one row of a grid: the row (from 1), the field, and the
// message in both languages.
type RowProblem struct {
	Row       int               `json:"row"`
	Field     string            `json:"field"`
	Key       string            `json:"key"`
	Args      map[string]string `json:"args"`
	Message   string            `json:"message"`
	MessageEn string            `json:"messageEn"`
}

// creating refuses a second creation while one runs (a double click).
var creating sync.Mutex

// ledgerExt is the ledger files' extension.
const ledgerExt = ops.LedgerExt

// CheckCommunity checks the wizard's first step; a refusal names the field (args "field").
func (s *LedgerService) CheckCommunity(in CommunityInput) error {
	_, err := parseCommunity(in)
	return err
}

// CheckPolicy checks the wizard's second step; a refusal names the field (args "field").
func (s *LedgerService) CheckPolicy(in PolicyInput) error {
	_, err := ParsePolicy(in)
	return err
}

// CheckUnits checks the rows of the unit grid and returns every problem found, at most 200
// (an empty list when all rows are fine).
func (s *LedgerService) CheckUnits(rows []NewUnitRow) []RowProblem {
	_, problems := ops.CheckUnitRows(unitRows(rows), 200)
	out := make([]RowProblem, 0, len(problems))
	for _, p := range problems {
		out = append(out, s.rowProblem(p))
	}
	return out
}

// unitRows numbers the grid's rows from 1, as the user sees them.
func unitRows(rows []NewUnitRow) []ops.UnitRow {
	out := make([]ops.UnitRow, len(rows))
	for i, r := range rows {
		out[i] = ops.UnitRow{Row: i + 1, Building: r.Building, Room: r.Room, Area: r.Area, HousingType: r.HousingType,
			Initial: r.Initial, OwnerName: r.OwnerName, OwnerPhone: r.OwnerPhone}
	}
	return out
}

func (s *LedgerService) rowProblem(p ops.RowProblem) RowProblem {
	args := map[string]string{}
	for k, v := range p.Err.Args {
		args[k] = v
	}
	return RowProblem{Row: p.Row, Field: p.Field, Key: p.Err.Key, Args: args,
		Message: s.sess.cat.T(i18n.ZH, p.Err.Key, args), MessageEn: s.sess.cat.T(i18n.EN, p.Err.Key, args)}
}

// CheckSavePath checks where the new ledger would be saved and returns the path as it will
// be used (absolute, ending in .jiayuan).
func (s *LedgerService) CheckSavePath(path string) (string, error) {
	return savePath(path)
}

func savePath(path string) (string, error) { return ops.NewLedgerPath(path) }

// fileNameOf makes a community name usable as a file name on Windows and elsewhere.
func fileNameOf(name string) string {
	name = strings.TrimSpace(name)
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < 32 {
			return '_'
		}
		return r
	}, name)
	name = strings.TrimRight(name, ". ")
	if name == "" {
		name = "账本"
	}
	return name
}

// DefaultLedgerPath proposes where to save a new ledger: <community>.jiayuan in the ledgers
// folder (the user's choice, else the folder of the last ledger saved, else Documents),
// numbered when that file exists already.
func (s *LedgerService) DefaultLedgerPath(communityName string) string {
	dir, base := s.sess.cfg.Load().LedgersDirOrDefault(), fileNameOf(communityName)
	p := filepath.Join(dir, base+ledgerExt)
	for i := 2; i < 100; i++ {
		if _, err := os.Stat(p); err != nil {
			break
		}
		p = filepath.Join(dir, fmt.Sprintf("%s (%d)%s", base, i, ledgerExt))
	}
	return p
}

// saveDialogInFolder is a Runtime whose save dialog can start in a folder.
type saveDialogInFolder interface {
	SaveFileDialogIn(title, dir, name string, patterns []FileFilter) (string, error)
}

// SaveFileDialogIn asks where to save, starting in dir.
func (w *WailsRuntime) SaveFileDialogIn(title, dir, name string, fs []FileFilter) (string, error) {
	opts := runtime.SaveDialogOptions{Title: title, DefaultFilename: name, Filters: filters(fs)}
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		opts.DefaultDirectory = dir
	}
	return runtime.SaveFileDialog(w.ctx, opts)
}

// ChooseSavePath asks with the system's dialog where to save the new ledger, proposing
// current (a path, e.g. DefaultLedgerPath's). "" means the user cancelled.
func (s *LedgerService) ChooseSavePath(current string) (string, error) {
	lang := s.sess.lang()
	title := s.sess.cat.T(lang, "dialog.save_ledger", nil)
	filter := []FileFilter{{Name: s.sess.cat.T(lang, "dialog.ledger_files", nil), Pattern: "*" + ledgerExt}}
	dir, name := filepath.Split(strings.TrimSpace(current))
	if name == "" {
		name = "账本" + ledgerExt
	}
	var p string
	var err error
	if rt, ok := s.sess.Runtime().(saveDialogInFolder); ok && dir != "" {
		p, err = rt.SaveFileDialogIn(title, filepath.Clean(dir), name, filter)
	} else {
		p, err = s.sess.Runtime().SaveFileDialog(title, name, filter)
	}
	if err != nil || p == "" {
		return "", err
	}
	if !strings.EqualFold(filepath.Ext(p), ledgerExt) {
		p += ledgerExt
	}
	return p, nil
}

// CreateLedger creates a new ledger file for a community with its buildings, owners and
// units, then opens it. Everything is checked before the file is made; the file is written
// under a temporary name and renamed when complete, so a failure or a crash never leaves a
// half-made ledger under the real name. Progress is emitted as ProgressEvent ("create").
func (s *LedgerService) CreateLedger(in NewLedgerInput) (LedgerInfo, error) {
	if !creating.TryLock() {
		return LedgerInfo{}, ledger.Refuse("ledger.create_busy")
	}
	defer creating.Unlock()
	c, err := parseCommunity(in.Community)
	if err != nil {
		return LedgerInfo{}, err
	}
	if c.Policy, err = ParsePolicy(in.Policy); err != nil {
		return LedgerInfo{}, err
	}
	units, problems := ops.CheckUnitRows(unitRows(in.Units), 1)
	if len(problems) > 0 {
		p := problems[0]
		return LedgerInfo{}, ops.WithArgs(p.Err, "field", p.Field)
	}
	path, err := savePath(in.Path)
	if err != nil {
		return LedgerInfo{}, err
	}
	err = ops.CreateLedger(path, ops.NewLedger{Community: c, Units: units, Source: wizardSource(units),
		Actor: s.sess.cfg.Load().UserName, Progress: func(stage string, done, total int) {
			s.emit(Progress{Task: "create", Stage: stage, Done: done, Total: total})
		}})
	var rr *store.RowsRefused
	if errors.As(err, &rr) && len(rr.Problems) > 0 {
		p := rr.Problems[0]
		return LedgerInfo{}, ops.WithArgs(p.Err, "row", p.Row, "field", "room")
	}
	if err != nil {
		return LedgerInfo{}, err
	}
	s.emit(Progress{Task: "create", Stage: "done", Done: len(units), Total: len(units)})
	s.sess.RememberLedgersDir(path)
	return s.OpenLedger(path)
}

func (s *LedgerService) emit(p Progress) { s.sess.Runtime().Emit(ProgressEvent, p) }

// wizardSource is what the import log names as the source of units entered in the wizard,
// with a fingerprint of the rows.
func wizardSource(units []store.ImportUnit) store.ImportSource {
	h := sha256.New()
	for _, u := range units {
		fmt.Fprintf(h, "%s\t%s\t%d\t%s\t%s\t%s\t%d\n", u.Building, u.Room, u.AreaCM2, u.HousingType, u.Owner, u.Phone, u.Initial.Fen())
	}
	return store.ImportSource{Name: "新建账本向导", SHA256: hex.EncodeToString(h.Sum(nil))}
}

// PrepareDemo makes the demo ledger when it does not exist yet, emitting ProgressEvent
// ("demo", one report a year of history), so the start screen can show how far it is. The
// frontend then opens it with OpenDemo.
func (s *LedgerService) PrepareDemo() error {
	p := DemoPath()
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	if !creating.TryLock() {
		return ledger.Refuse("ledger.create_busy")
	}
	defer creating.Unlock()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return ledger.Refuse("ledger.cannot_create", "path", p, "detail", err.Error())
	}
	tmp := p + ".partial"
	ops.RemoveLedgerFiles(tmp)
	s.emit(Progress{Task: "demo", Stage: "start"})
	err := demo.Generate(tmp, demo.Options{Progress: func(year, of int) {
		s.emit(Progress{Task: "demo", Stage: "years", Done: year, Total: of})
	}})
	if err == nil {
		err = os.Rename(tmp, p)
	}
	if err != nil {
		ops.RemoveLedgerFiles(tmp)
		return err
	}
	s.emit(Progress{Task: "demo", Stage: "done", Done: 1, Total: 1})
	return nil
}
