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
const ledgerExt = ".jiayuan"

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
	_, problems := parseUnitRows(rows, 200)
	out := make([]RowProblem, 0, len(problems))
	for _, p := range problems {
		out = append(out, s.rowProblem(p))
	}
	return out
}

func (s *LedgerService) rowProblem(p rowErr) RowProblem {
	var le *ledger.Error
	args := map[string]string{}
	key := "error.internal"
	if errors.As(p.err, &le) {
		key = le.Key
		for k, v := range le.Args {
			args[k] = v
		}
	}
	return RowProblem{Row: p.row, Field: p.field, Key: key, Args: args,
		Message: s.sess.cat.T(i18n.ZH, key, args), MessageEn: s.sess.cat.T(i18n.EN, key, args)}
}

// CheckSavePath checks where the new ledger would be saved and returns the path as it will
// be used (absolute, ending in .jiayuan).
func (s *LedgerService) CheckSavePath(path string) (string, error) {
	return savePath(path)
}

func savePath(path string) (string, error) {
	p := strings.TrimSpace(path)
	if p == "" {
		return "", ledger.Refuse("ledger.path_empty", "field", "path")
	}
	if !strings.EqualFold(filepath.Ext(p), ledgerExt) {
		p += ledgerExt
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", ledger.Refuse("ledger.folder_missing", "field", "path", "path", p)
	}
	if fi, err := os.Stat(filepath.Dir(abs)); err != nil || !fi.IsDir() {
		return "", ledger.Refuse("ledger.folder_missing", "field", "path", "path", filepath.Dir(abs))
	}
	if _, err := os.Stat(abs); err == nil {
		return "", ledger.Refuse("ledger.file_exists", "field", "path", "path", abs)
	}
	return abs, nil
}

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
	units, problems := parseUnitRows(in.Units, 1)
	if len(problems) > 0 {
		p := problems[0]
		return LedgerInfo{}, withArgs(p.err, "row", p.row, "field", p.field)
	}
	path, err := savePath(in.Path)
	if err != nil {
		return LedgerInfo{}, err
	}
	tmp := path + ".partial"
	removeLedgerFiles(tmp)
	if err := s.writeLedger(tmp, c, units); err != nil {
		removeLedgerFiles(tmp)
		return LedgerInfo{}, err
	}
	if _, err := os.Stat(path); err == nil { // made by someone else meanwhile: keep theirs
		removeLedgerFiles(tmp)
		return LedgerInfo{}, ledger.Refuse("ledger.file_exists", "field", "path", "path", path)
	}
	if err := os.Rename(tmp, path); err != nil {
		removeLedgerFiles(tmp)
		return LedgerInfo{}, ledger.Refuse("ledger.cannot_create", "path", path, "detail", err.Error())
	}
	s.emit(Progress{Task: "create", Stage: "done", Done: len(units), Total: len(units)})
	s.sess.RememberLedgersDir(path)
	return s.OpenLedger(path)
}

func removeLedgerFiles(p string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(p + suffix)
	}
}

func (s *LedgerService) emit(p Progress) { s.sess.Runtime().Emit(ProgressEvent, p) }

// writeLedger creates the file at path and records the units with their buildings and owners
// in one transaction (the store's roster import: every commit is synced to the disk, so one
// commit for thousands of units rather than one each). The import log names the wizard.
func (s *LedgerService) writeLedger(path string, c store.Community, units []parsedUnit) error {
	total := len(units)
	s.emit(Progress{Task: "create", Stage: "start", Total: total})
	st, err := store.Create(path, c)
	if err != nil {
		return err
	}
	defer st.Close()
	st.SetActor(s.sess.cfg.Load().UserName)
	if total == 0 {
		return nil
	}
	s.emit(Progress{Task: "create", Stage: "units", Total: total})
	rows := make([]store.ImportUnit, len(units))
	h := sha256.New()
	for i, u := range units {
		rows[i] = store.ImportUnit{Row: u.row, Building: u.building, Room: u.room, AreaCM2: u.area, HousingType: u.housingType,
			Owner: u.ownerName, Phone: u.ownerPhone, Initial: u.initial}
		fmt.Fprintf(h, "%s\t%s\t%d\t%s\t%s\t%s\t%d\n", u.building, u.room, u.area, u.housingType, u.ownerName, u.ownerPhone, u.initial.Fen())
	}
	_, err = st.ImportUnits(store.ImportSource{Name: wizardSource, SHA256: hex.EncodeToString(h.Sum(nil))}, rows)
	var rr *store.RowsRefused
	if errors.As(err, &rr) && len(rr.Problems) > 0 {
		p := rr.Problems[0]
		return withArgs(p.Err, "row", p.Row, "field", "room")
	}
	return err
}

// wizardSource is what the import log names as the source of units entered in the wizard.
const wizardSource = "新建账本向导"

// parsedUnit is a checked row of the unit grid.
type parsedUnit struct {
	row                   int
	building, room        string
	area                  int64
	housingType           string
	initial               ledger.Money
	ownerName, ownerPhone string
}

type rowErr struct {
	row   int
	field string
	err   error
}

// parseUnitRows checks the grid's rows (blank rows are skipped) and returns them parsed, with
// at most limit problems.
func parseUnitRows(rows []NewUnitRow, limit int) ([]parsedUnit, []rowErr) {
	var out []parsedUnit
	var problems []rowErr
	seen := map[string]int{}
	for i, r := range rows {
		if len(problems) >= limit {
			break
		}
		if blankRow(r) {
			continue
		}
		u, field, err := parseUnitFields(r.Building, r.Room, r.Area, r.HousingType, r.Initial, r.OwnerName, r.OwnerPhone)
		if err != nil {
			problems = append(problems, rowErr{i + 1, field, withArgs(err, "row", i+1)})
			continue
		}
		if u.building == "" {
			problems = append(problems, rowErr{i + 1, "building", ledger.Refuse("building.code_empty", "row", i+1)})
			continue
		}
		key := u.building + "\x00" + u.room
		if first, dup := seen[key]; dup {
			problems = append(problems, rowErr{i + 1, "room", ledger.Refuse("unit.duplicate_row", "row", i+1,
				"first", first, "building", u.building, "room", u.room)})
			continue
		}
		seen[key] = i + 1
		u.row = i + 1
		out = append(out, u)
	}
	return out, problems
}

// blankRow: a row with nothing but the building (carried over to each new row of the grid) is
// no unit.
func blankRow(r NewUnitRow) bool {
	return strings.TrimSpace(r.Room+r.Area+r.Initial+r.OwnerName+r.OwnerPhone) == ""
}

// HousingTypeOf maps what people type or paste for a housing type to its code ("" when not
// recognised): the codes themselves and the Chinese and English names.
func HousingTypeOf(s string) string {
	t := strings.ToLower(strings.TrimSpace(s))
	switch t {
	case "", "commodity", "商品房", "商品住宅", "住宅", "commodity housing":
		return "commodity"
	case "public_sold", "售后公房", "已售公房", "公房", "sold public housing":
		return "public_sold"
	case "non_residential", "非住宅", "商铺", "办公", "non-residential":
		return "non_residential"
	case "garage", "车库", "车位", "地下车库":
		return "garage"
	}
	return ""
}

// parseUnitFields checks one unit's fields as typed; on a refusal it names the field.
func parseUnitFields(building, room, area, housingType, initial, ownerName, ownerPhone string) (parsedUnit, string, error) {
	u := parsedUnit{building: store.BuildingCode(building), room: store.RoomCode(room),
		ownerName: strings.TrimSpace(ownerName), ownerPhone: strings.TrimSpace(ownerPhone)}
	if u.room == "" {
		return u, "room", ledger.Refuse("unit.room_empty")
	}
	if len([]rune(u.room)) > 30 {
		return u, "room", ledger.Refuse("unit.room_too_long", "room", u.room)
	}
	var err error
	if u.area, err = ledger.ParseArea(area); err != nil {
		return u, "area", err
	}
	if u.housingType = HousingTypeOf(housingType); u.housingType == "" {
		return u, "housingType", ledger.Refuse("unit.unknown_type", "type", strings.TrimSpace(housingType))
	}
	if strings.TrimSpace(initial) == "" {
		return u, "initial", ledger.Refuse("unit.initial_empty")
	}
	if u.initial, err = ledger.ParseAmount(initial); err != nil {
		return u, "initial", err
	}
	if u.initial.Sign() < 0 {
		return u, "initial", ledger.Refuse("unit.initial_negative")
	}
	if u.ownerName == "" && u.ownerPhone != "" {
		return u, "ownerName", ledger.Refuse("owner.name_empty")
	}
	if len([]rune(u.ownerName)) > 60 {
		return u, "ownerName", ledger.Refuse("owner.name_too_long")
	}
	if len([]rune(u.ownerPhone)) > 40 {
		return u, "ownerPhone", ledger.Refuse("owner.phone_too_long")
	}
	return u, "", nil
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
	removeLedgerFiles(tmp)
	s.emit(Progress{Task: "demo", Stage: "start"})
	err := demo.Generate(tmp, demo.Options{Progress: func(year, of int) {
		s.emit(Progress{Task: "demo", Stage: "years", Done: year, Total: of})
	}})
	if err == nil {
		err = os.Rename(tmp, p)
	}
	if err != nil {
		removeLedgerFiles(tmp)
		return err
	}
	s.emit(Progress{Task: "demo", Stage: "done", Done: 1, Total: 1})
	return nil
}
