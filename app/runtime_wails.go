package app

import (
	"context"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// WailsRuntime is the Runtime of the window.
type WailsRuntime struct{ ctx context.Context }

// NewWailsRuntime wraps the context Wails gives at start-up.
func NewWailsRuntime(ctx context.Context) *WailsRuntime { return &WailsRuntime{ctx: ctx} }

func filters(fs []FileFilter) []runtime.FileFilter {
	out := make([]runtime.FileFilter, len(fs))
	for i, f := range fs {
		out[i] = runtime.FileFilter{DisplayName: f.Name, Pattern: f.Pattern}
	}
	return out
}

// OpenFileDialog asks for one file to open.
func (w *WailsRuntime) OpenFileDialog(title string, fs []FileFilter) (string, error) {
	return runtime.OpenFileDialog(w.ctx, runtime.OpenDialogOptions{Title: title, Filters: filters(fs)})
}

// OpenFilesDialog asks for files to open.
func (w *WailsRuntime) OpenFilesDialog(title string, fs []FileFilter) ([]string, error) {
	return runtime.OpenMultipleFilesDialog(w.ctx, runtime.OpenDialogOptions{Title: title, Filters: filters(fs)})
}

// SaveFileDialog asks where to save.
func (w *WailsRuntime) SaveFileDialog(title, name string, fs []FileFilter) (string, error) {
	return runtime.SaveFileDialog(w.ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: name, Filters: filters(fs)})
}

// Emit sends an event to the frontend (progress of long work).
func (w *WailsRuntime) Emit(event string, data ...any) { runtime.EventsEmit(w.ctx, event, data...) }

// Raise brings the window to the front (a second launch of the app hands over to this one).
func (w *WailsRuntime) Raise() {
	runtime.WindowUnminimise(w.ctx)
	runtime.WindowShow(w.ctx)
}

// OpenDirectoryDialog asks for a folder, starting in start (Settings: file locations).
func (w *WailsRuntime) OpenDirectoryDialog(title, start string) (string, error) {
	return runtime.OpenDirectoryDialog(w.ctx, runtime.OpenDialogOptions{Title: title, DefaultDirectory: start, CanCreateDirectories: true})
}
