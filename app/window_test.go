package app

import (
	"context"
	"testing"

	"jiayuan/app/ops"
)

type fakeWindow struct {
	w, h, x, y       int
	maxed, minimised bool
	calls            []string
	screens          [][2]int
}

func (f *fakeWindow) Size(context.Context) (int, int)     { return f.w, f.h }
func (f *fakeWindow) Position(context.Context) (int, int) { return f.x, f.y }
func (f *fakeWindow) SetPosition(_ context.Context, x, y int) {
	f.x, f.y = x, y
	f.calls = append(f.calls, "position")
}
func (f *fakeWindow) Center(context.Context)                    { f.calls = append(f.calls, "center") }
func (f *fakeWindow) IsMaximised(context.Context) bool          { return f.maxed }
func (f *fakeWindow) IsMinimised(context.Context) bool          { return f.minimised }
func (f *fakeWindow) Maximise(context.Context)                  { f.calls = append(f.calls, "maximise") }
func (f *fakeWindow) Show(context.Context)                      { f.calls = append(f.calls, "show") }
func (f *fakeWindow) Screens(context.Context) ([][2]int, error) { return f.screens, nil }

func TestWindowPlacementIsRememberedBetweenRuns(t *testing.T) {
	dir := t.TempDir()
	cfg := ops.NewConfigStore(dir)
	ctx := context.Background()
	first := NewWindowKeeper(cfg)
	fw := &fakeWindow{w: 1400, h: 900, x: 120, y: 80, screens: [][2]int{{1920, 1080}}}
	first.win = fw
	if w, h := first.Size(); w != WindowDefaultWidth || h != WindowDefaultHeight {
		t.Fatalf("first run size %dx%d", w, h)
	}
	first.OnDomReady(ctx)
	first.OnDomReady(ctx) // a reload of the page does not move the window again
	if got := fw.calls; len(got) != 2 || got[0] != "center" || got[1] != "show" {
		t.Fatalf("first run: %v", got)
	}
	if first.OnBeforeClose(ctx) {
		t.Fatal("closing is never prevented")
	}

	second := NewWindowKeeper(cfg)
	fw2 := &fakeWindow{screens: [][2]int{{1920, 1080}}}
	second.win = fw2
	if w, h := second.Size(); w != 1400 || h != 900 {
		t.Fatalf("second run size %dx%d", w, h)
	}
	second.OnDomReady(ctx)
	if fw2.x != 120 || fw2.y != 80 || fw2.calls[len(fw2.calls)-1] != "show" {
		t.Fatalf("second run: %v at %d,%d", fw2.calls, fw2.x, fw2.y)
	}
	// maximised: the normal size stays, and the next run starts maximised
	fw2.maxed, fw2.w, fw2.h = true, 1920, 1040
	second.OnBeforeClose(ctx)
	third := NewWindowKeeper(cfg)
	if w, h := third.Size(); w != 1400 || h != 900 || third.StartState() != 1 {
		t.Fatalf("after maximised: %dx%d state %d", w, h, third.StartState())
	}
	// a position on a screen that is gone is not restored
	cfg.Update(func(c *ops.Config) { c.Window = &ops.WindowPlacement{X: 3000, Y: 100, Width: 1300, Height: 800} })
	fourth := NewWindowKeeper(cfg)
	fw4 := &fakeWindow{screens: [][2]int{{1920, 1080}}}
	fourth.win = fw4
	fourth.OnDomReady(ctx)
	if fw4.calls[0] != "center" {
		t.Errorf("off-screen position: %v", fw4.calls)
	}
	// a tiny saved size is raised to the minimum
	cfg.Update(func(c *ops.Config) { c.Window = &ops.WindowPlacement{Width: 300, Height: 200} })
	if w, h := NewWindowKeeper(cfg).Size(); w != WindowMinWidth || h != WindowMinHeight {
		t.Errorf("tiny size %dx%d", w, h)
	}
}

func TestWindowIsShownEvenWhenThePageNeverSaysReady(t *testing.T) {
	k := NewWindowKeeper(ops.NewConfigStore(t.TempDir()))
	fw := &fakeWindow{}
	k.win, k.showAfter = fw, 10_000_000 // 10 ms
	k.OnStartup(context.Background())
	select {
	case <-k.shown:
	case <-context.Background().Done():
	}
	if fw.calls[len(fw.calls)-1] != "show" {
		t.Fatalf("calls %v", fw.calls)
	}
}
