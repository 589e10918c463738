package app

import (
	"context"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"jiayuan/app/ops"
)

// The window's default and smallest size (main.go's options use these too).
const (
	WindowDefaultWidth  = 1280
	WindowDefaultHeight = 800
	WindowMinWidth      = 1024
	WindowMinHeight     = 700
)

// WindowKeeper remembers the main window's size and position between runs. main.go gives
// Size and StartState to Wails, starts the window hidden, and wires OnDomReady (restore the
// position, then show: no white flash, no jump) and OnBeforeClose (save). It is not bound to
// the frontend.
type WindowKeeper struct {
	cfg   *ops.ConfigStore
	win   windowOps
	once  sync.Once
	shown chan struct{}
	// showAfter is how long OnStartup's fallback waits for the page before showing the window
	// anyway, so that a page that never reports ready cannot leave the app invisible.
	showAfter time.Duration
}

// windowOps is the part of the Wails runtime the keeper uses; tests replace it.
type windowOps interface {
	Size(ctx context.Context) (int, int)
	Position(ctx context.Context) (int, int)
	SetPosition(ctx context.Context, x, y int)
	Center(ctx context.Context)
	IsMaximised(ctx context.Context) bool
	IsMinimised(ctx context.Context) bool
	Maximise(ctx context.Context)
	Show(ctx context.Context)
	// Screens returns the width and height of each screen ("" error when unknown).
	Screens(ctx context.Context) ([][2]int, error)
}

// NewWindowKeeper reads the saved placement from cfg.
func NewWindowKeeper(cfg *ops.ConfigStore) *WindowKeeper {
	return &WindowKeeper{cfg: cfg, win: wailsWindow{}, shown: make(chan struct{}), showAfter: 8 * time.Second}
}

// Size is the size to open the window with: the saved one, or the default; never below the
// minimum.
func (w *WindowKeeper) Size() (width, height int) {
	p := w.cfg.Load().Window
	if p == nil || p.Width <= 0 || p.Height <= 0 {
		return WindowDefaultWidth, WindowDefaultHeight
	}
	return max(p.Width, WindowMinWidth), max(p.Height, WindowMinHeight)
}

// StartState is maximised when the window was maximised when last closed.
func (w *WindowKeeper) StartState() options.WindowStartState {
	if p := w.cfg.Load().Window; p != nil && p.Maximised {
		return options.Maximised
	}
	return options.Normal
}

// OnStartup shows the window after a while even if the page never reports ready.
func (w *WindowKeeper) OnStartup(ctx context.Context) {
	go func() {
		select {
		case <-w.shown:
		case <-time.After(w.showAfter):
			w.OnDomReady(ctx)
		case <-ctx.Done():
		}
	}()
}

// OnDomReady puts the window where it was (once: a reload of the page does not move it) and
// shows it. A saved position that no longer lies on a screen (a monitor unplugged since) is
// dropped and the window is centred instead.
func (w *WindowKeeper) OnDomReady(ctx context.Context) {
	w.once.Do(func() {
		p := w.cfg.Load().Window
		switch {
		case p == nil:
			w.win.Center(ctx)
		case p.Maximised:
			w.win.Maximise(ctx)
		default:
			screens, err := w.win.Screens(ctx)
			if err == nil && onScreen(*p, screens) {
				w.win.SetPosition(ctx, p.X, p.Y)
			} else {
				w.win.Center(ctx)
			}
		}
		w.win.Show(ctx)
		close(w.shown)
	})
}

// OnBeforeClose saves the window's placement; it never stops the window from closing. A
// maximised or minimised window keeps the normal size and position saved before.
func (w *WindowKeeper) OnBeforeClose(ctx context.Context) (prevent bool) {
	maxed, minimised := w.win.IsMaximised(ctx), w.win.IsMinimised(ctx)
	_ = w.cfg.Update(func(c *ops.Config) {
		p := ops.WindowPlacement{Width: WindowDefaultWidth, Height: WindowDefaultHeight}
		if c.Window != nil {
			p = *c.Window
		}
		switch {
		case minimised:
			// keep what was saved: a minimised window's figures are meaningless
		case maxed:
			p.Maximised = true
		default:
			p.Width, p.Height = w.win.Size(ctx)
			p.X, p.Y = w.win.Position(ctx)
			p.Maximised = false
		}
		c.Window = &p
	})
	return false
}

// onScreen tells whether enough of a window at p would be visible: screens are known only by
// size, side by side, so the test is against their total width and the tallest height.
func onScreen(p ops.WindowPlacement, screens [][2]int) bool {
	if len(screens) == 0 {
		return p.X >= 0 && p.Y >= 0 && p.X < 4000 && p.Y < 3000
	}
	totalW, maxH := 0, 0
	for _, s := range screens {
		totalW += s[0]
		maxH = max(maxH, s[1])
	}
	const grip = 120 // at least this much of the title bar must be reachable
	return p.X > -p.Width+grip && p.X < totalW-grip && p.Y >= 0 && p.Y < maxH-48
}

// wailsWindow is windowOps on the real window.
type wailsWindow struct{}

func (wailsWindow) Size(ctx context.Context) (int, int)       { return runtime.WindowGetSize(ctx) }
func (wailsWindow) Position(ctx context.Context) (int, int)   { return runtime.WindowGetPosition(ctx) }
func (wailsWindow) SetPosition(ctx context.Context, x, y int) { runtime.WindowSetPosition(ctx, x, y) }
func (wailsWindow) Center(ctx context.Context)                { runtime.WindowCenter(ctx) }
func (wailsWindow) IsMaximised(ctx context.Context) bool      { return runtime.WindowIsMaximised(ctx) }
func (wailsWindow) IsMinimised(ctx context.Context) bool      { return runtime.WindowIsMinimised(ctx) }
func (wailsWindow) Maximise(ctx context.Context)              { runtime.WindowMaximise(ctx) }
func (wailsWindow) Show(ctx context.Context)                  { runtime.WindowShow(ctx) }
func (wailsWindow) Screens(ctx context.Context) ([][2]int, error) {
	ss, err := runtime.ScreenGetAll(ctx)
	if err != nil {
		return nil, err
	}
	out := make([][2]int, 0, len(ss))
	for _, s := range ss {
		out = append(out, [2]int{s.Size.Width, s.Size.Height})
	}
	return out, nil
}
