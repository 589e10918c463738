package app

import (
	"os"
	"path/filepath"
	"strings"

	"jiayuan/app/ops"
	"jiayuan/app/reporting"
)

// askSavePath asks where to save a report (PDF or Excel), proposing name, or takes the e2e
// folder without asking; "" when the user cancelled.
func askSavePath(sess *Session, name, format string) (string, error) {
	if dir := os.Getenv(E2ESaveDirEnv); dir != "" {
		return filepath.Join(dir, name), nil
	}
	lang := sess.lang()
	filter := FileFilter{Name: sess.cat.T(lang, "report.dialog.pdf", nil), Pattern: "*.pdf"}
	if format == reporting.FormatXLSX {
		filter = FileFilter{Name: sess.cat.T(lang, "report.dialog.xlsx", nil), Pattern: "*.xlsx"}
	}
	path, err := sess.Runtime().SaveFileDialog(sess.cat.T(lang, "report.dialog.save", nil), name, []FileFilter{filter})
	if err != nil || path == "" {
		return "", err
	}
	if !strings.EqualFold(filepath.Ext(path), "."+format) {
		path += "." + format
	}
	return path, nil
}

// exportOptions writes an export where the user chooses (askSavePath), stamped now, with its
// stages sent to the window as ProgressEvent of task.
func (sess *Session) exportOptions(task string) ops.WriteOptions {
	rt := sess.Runtime()
	return ops.WriteOptions{Now: sess.now(),
		Dest: func(name, format string) (string, error) { return askSavePath(sess, name, format) },
		Progress: func(stage string, done, total int) {
			rt.Emit(ProgressEvent, Progress{Task: task, Stage: stage, Done: done, Total: total})
		}}
}
