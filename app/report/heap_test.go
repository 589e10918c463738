package report

import (
	"runtime/debug"
	"sync"
	"testing"
)

// The soft memory limit holds while any render runs and is given back after the last one; a
// lower limit of the user's is left alone.
func TestRenderBoundsTheHeapAndGivesTheLimitBack(t *testing.T) {
	was := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(was)
	for _, before := range []int64{1 << 40, 64 << 20} {
		debug.SetMemoryLimit(before)
		want := min(before, renderHeapLimit)
		outer := boundHeap()
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				inner := boundHeap()
				if got := debug.SetMemoryLimit(-1); got != want {
					t.Errorf("limit %d during a render, want %d", got, want)
				}
				inner()
			}()
		}
		wg.Wait()
		if got := debug.SetMemoryLimit(-1); got != want {
			t.Errorf("limit %d while the first render still runs, want %d", got, want)
		}
		outer()
		if got := debug.SetMemoryLimit(-1); got != before {
			t.Errorf("limit %d after the renders, want %d back", got, before)
		}
	}
}
