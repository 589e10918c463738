//go:build windows

package store

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// The locked byte lies far beyond the file's text, so that a second process can still read
// who holds the lock (Windows locks are mandatory: a locked range cannot be read).
const lockOffset = 1 << 30

// tryLockFile takes an exclusive LockFileEx lock on f without waiting; false when another
// handle (another process) holds it.
func tryLockFile(f *os.File) (bool, error) {
	ol := windows.Overlapped{Offset: lockOffset}
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, windows.ERROR_LOCK_VIOLATION), errors.Is(err, windows.ERROR_IO_PENDING):
		return false, nil
	default:
		return false, err
	}
}

func unlockFile(f *os.File) {
	ol := windows.Overlapped{Offset: lockOffset}
	windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
}

// releaseFile lets go, then removes the lock file. Go opens files without FILE_SHARE_DELETE,
// so the removal fails (and the file stays, unlocked) while another process has it open.
func releaseFile(f *os.File, path string) {
	unlockFile(f)
	f.Close()
	os.Remove(path)
}
