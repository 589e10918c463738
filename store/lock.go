package store

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"jiayuan/store/ledger"
)

// One writer per ledger. A ledger open for writing holds an OS lock on a sidecar file,
// FILE.jiayuan.lock: flock on Linux and macOS, LockFileEx on Windows. The operating system
// drops the lock when the process ends however it ends (closed, crashed, killed, the laptop
// switched off), so a lock is never left stale. A second process that asks to write is refused
// with ledger.locked and can open the ledger read-only; readers take no lock.
//
// Within one process the lock is shared: the app's own stores on one file are safe together
// (SQLite serialises their transactions) and a window that reopens its ledger must not lock
// itself out. The lock file names the process that holds it, for the message.
//
// The lock is not the SQLite database file itself: SQLite keeps POSIX locks on that file, and
// closing any other descriptor of it would silently drop them.

// LockPath is the sidecar lock file of a ledger file.
func LockPath(ledgerPath string) string { return ledgerPath + ".lock" }

type heldLock struct {
	f    *os.File
	path string
	n    int
}

var procLocks = struct {
	sync.Mutex
	m map[string]*heldLock
}{m: map[string]*heldLock{}}

// realPath is the file's absolute path with symbolic links resolved (those of its folder when
// the file does not exist yet), so that one file has one lock however it was reached.
func realPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if d, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(d, filepath.Base(abs))
	}
	return abs
}

func lockKey(real string) string {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return strings.ToLower(real) // case-insensitive file systems
	}
	return real
}

// lockWriter takes the writer lock of the ledger at path and returns the function that gives
// it back. It refuses with ledger.locked when another process holds it.
func lockWriter(path string) (release func(), err error) {
	real := realPath(path)
	key := lockKey(real)
	procLocks.Lock()
	defer procLocks.Unlock()
	if h, ok := procLocks.m[key]; ok {
		h.n++
		return releaser(key), nil
	}
	lp := LockPath(real)
	var f *os.File
	for attempt := 0; ; attempt++ {
		f, err = os.OpenFile(lp, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			if attempt < 20 { // a holder removing the file on Windows: gone in a moment
				time.Sleep(25 * time.Millisecond)
				continue
			}
			return nil, ledger.Refuse("ledger.cannot_lock", "path", path, "detail", err.Error())
		}
		locked, err := tryLockFile(f)
		if err != nil {
			f.Close()
			return nil, ledger.Refuse("ledger.cannot_lock", "path", path, "detail", err.Error())
		}
		if !locked {
			pid, since := lockHolder(lp)
			f.Close()
			return nil, ledger.Refuse("ledger.locked", "path", path, "pid", pid, "since", since)
		}
		// The holder before us removes the file when it lets go: if the name now leads to
		// another file (or none), the lock we hold is on a file nobody else will look at.
		fi, err1 := f.Stat()
		pi, err2 := os.Stat(lp)
		if err1 == nil && err2 == nil && os.SameFile(fi, pi) {
			break
		}
		unlockFile(f)
		f.Close()
		if attempt >= 20 {
			return nil, ledger.Refuse("ledger.cannot_lock", "path", path, "detail", "the lock file keeps changing")
		}
	}
	// Name the holder for a second process's message. Best effort: the lock is what counts.
	if err := f.Truncate(0); err == nil {
		fmt.Fprintf(f, "pid=%d\nsince=%s\n", os.Getpid(), time.Now().Format("2006-01-02 15:04:05"))
		f.Sync()
	}
	procLocks.m[key] = &heldLock{f: f, path: lp, n: 1}
	return releaser(key), nil
}

// releaser returns the release function of one holder of the lock at key; calling it more
// than once releases once.
func releaser(key string) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			procLocks.Lock()
			defer procLocks.Unlock()
			h, ok := procLocks.m[key]
			if !ok {
				return
			}
			if h.n--; h.n > 0 {
				return
			}
			delete(procLocks.m, key)
			releaseFile(h.f, h.path)
		})
	}
}

// lockHolder reads who holds a lock from its file.
func lockHolder(lockPath string) (pid, since string) {
	pid, since = "?", "?"
	b, err := os.ReadFile(lockPath)
	if err != nil {
		return
	}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), "=")
		if !ok {
			continue
		}
		switch k {
		case "pid":
			if _, err := strconv.Atoi(v); err == nil {
				pid = v
			}
		case "since":
			since = v
		}
	}
	return
}
