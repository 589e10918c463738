package app

import (
	"path/filepath"
	"sync"
	"testing"
)

// instanceRuntime records the events and raises of the window.
type instanceRuntime struct {
	noRuntime
	mu     sync.Mutex
	opens  []string
	raised int
}

func (r *instanceRuntime) Emit(event string, data ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if event == OpenRequestEvent && len(data) == 1 {
		r.opens = append(r.opens, data[0].(string))
	}
}

func (r *instanceRuntime) Raise() { r.raised++ }

// A second launch brings the window forward and hands over the ledger it was given, made
// absolute against its own working folder; anything else only brings the window forward.
func TestSecondLaunchHandsOverTheLedgerFile(t *testing.T) {
	sess, _, dir := testSession(t)
	rt := &instanceRuntime{}
	sess.SetRuntime(rt)
	work := filepath.Join(dir, "业委会 文件")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{filepath.Join(dir, "阳光小区.jiayuan")}, filepath.Join(dir, "阳光小区.jiayuan")},
		{[]string{"旧账/小区.JIAYUAN"}, filepath.Join(work, "旧账", "小区.JIAYUAN")},
		{nil, ""},
		{[]string{"--demo"}, ""},
		{[]string{"报表.pdf"}, ""},
	}
	for _, c := range cases {
		if got := sess.SecondLaunch(c.args, work); got != c.want {
			t.Errorf("SecondLaunch(%q) = %q, want %q", c.args, got, c.want)
		}
	}
	if rt.raised != len(cases) {
		t.Errorf("window raised %d times, want %d (every launch)", rt.raised, len(cases))
	}
	if len(rt.opens) != 2 || rt.opens[0] != cases[0].want || rt.opens[1] != cases[1].want {
		t.Errorf("open requests %q, want the two ledger files", rt.opens)
	}
}

// The lock is per data folder: the same folder gives the same name (a second launch finds the
// first), another folder (another user, a test) another.
func TestInstanceIDIsPerDataFolder(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if InstanceID(a) != InstanceID(a+string(filepath.Separator)) {
		t.Error("the same folder gives two names")
	}
	if InstanceID(a) == InstanceID(b) {
		t.Error("two folders give the same name")
	}
}
