package report

import (
	"runtime/debug"
	"sync"
)

// The PDF renderer sets each page aside compressed when it is done (pdfspool.go) and a
// workbook's sheets are streamed, but a Doc is still built whole before it is rendered (a
// 50,000-row journal is some tens of MB of cells), the workbook's stream writer buffers 16 MB
// and its zip is made in memory, and Go's collector lets the heap grow to twice what is live
// before it runs: the workbook of 20,000 units' statements, 55 MB live, reached 149 MB. While
// a report is rendered a soft memory limit makes the collector run before that; it is a
// target, not a cap (over it the collector spends at most half the CPU and the render goes
// on), and a lower limit the user set (GOMEMLIMIT) is kept.
const renderHeapLimit = 100 << 20

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
