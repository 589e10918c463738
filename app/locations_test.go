package app_test

import (
	"path/filepath"
	"testing"

	"jiayuan/app"
	"jiayuan/app/i18n"
	"jiayuan/app/ops"
	"jiayuan/store/ledger"
)

// folderRuntime answers the folder dialog with a fixed folder ("" = cancelled).
type folderRuntime struct {
	answer string
	title  string
}

func (r *folderRuntime) OpenFileDialog(string, []app.FileFilter) (string, error) { return "", nil }
func (r *folderRuntime) SaveFileDialog(string, string, []app.FileFilter) (string, error) {
	return "", nil
}
func (r *folderRuntime) OpenFilesDialog(string, []app.FileFilter) ([]string, error) { return nil, nil }
func (r *folderRuntime) Emit(string, ...any)                                        {}
func (r *folderRuntime) OpenDirectoryDialog(title, _ string) (string, error) {
	r.title = title
	return r.answer, nil
}

// The folders for ledgers and backups are chosen in the folder dialog and remembered; a
// cancelled dialog changes nothing; an unknown kind is refused.
func TestChooseFolderRemembersTheChoice(t *testing.T) {
	data, home := aboutEnv(t)
	cfg := ops.NewConfigStore(data)
	sess := app.NewSession(cfg, i18n.MustLoad())
	rt := &folderRuntime{answer: filepath.Join(home, "U盘", "账本备份")}
	sess.SetRuntime(rt)
	svc := app.NewAboutService(sess)

	loc, err := svc.ChooseFolder("backups")
	if err != nil {
		t.Fatal(err)
	}
	if loc.BackupsDir != rt.answer || !loc.BackupsDirChosen || loc.LedgersDirChosen {
		t.Errorf("after choosing backups: %+v", loc)
	}
	if rt.title != "选择存放备份的文件夹（可以是U盘）" {
		t.Errorf("dialog title %q", rt.title)
	}
	if got := cfg.Load().BackupsDir; got != rt.answer {
		t.Errorf("config keeps %q, want %q", got, rt.answer)
	}
	rt.answer = filepath.Join(home, "委员会")
	if loc, err = svc.ChooseFolder("ledgers"); err != nil || loc.LedgersDir != rt.answer || loc.BackupsDir != filepath.Join(home, "U盘", "账本备份") {
		t.Errorf("after choosing ledgers: %+v %v", loc, err)
	}
	rt.answer = ""
	if again, err := svc.ChooseFolder("backups"); err != nil || again != loc {
		t.Errorf("a cancelled dialog changed %+v into %+v (%v)", loc, again, err)
	}
	if _, err := svc.ChooseFolder("photos"); ledger.KeyOf(err) != "locations.unknown_kind" {
		t.Errorf("unknown kind: %v", err)
	}
}
