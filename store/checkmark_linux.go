//go:build linux

package store

import (
	"fmt"
	"os"
	"syscall"
)

// sysIdentity is the file's device and inode (a copy put in its place is another file) and
// its change time, which no program can set back.
func sysIdentity(fi os.FileInfo) string {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%d:%d:%d.%09d", st.Dev, st.Ino, st.Ctim.Sec, st.Ctim.Nsec)
}
