package report

import (
	"runtime/debug"
	"sync"
)

// gopdf keeps every page until it writes the file (the "共 N 页" page numbers are filled in at
// the end), about 35 KB a page: a 5,000-unit package holds some 180 MB. Go's collector lets the
// heap grow to twice what is live before it runs, which took such a render past 450 MB. While
// a PDF is rendered a soft memory limit makes the collector run before that; it is a target,
// not a cap (over it the collector spends at most half the CPU and the render goes on), and a
// lower limit the user set (GOMEMLIMIT) is kept.
const renderHeapLimit = 224 << 20

var heapBound struct {
	sync.Mutex
	n    int   // renders in progress
	prev int64 // the limit before the first of them
}

// boundHeap sets the soft limit for a render and returns the function that lifts it.
func boundHeap() (release func()) {
	heapBound.Lock()
	defer heapBound.Unlock()
	if heapBound.n == 0 {
		heapBound.prev = debug.SetMemoryLimit(-1) // -1 reads it
		if heapBound.prev > renderHeapLimit {
			debug.SetMemoryLimit(renderHeapLimit)
		}
	}
	heapBound.n++
	return func() {
		heapBound.Lock()
		defer heapBound.Unlock()
		if heapBound.n--; heapBound.n == 0 {
			debug.SetMemoryLimit(heapBound.prev)
		}
	}
}
