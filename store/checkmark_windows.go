//go:build windows

package store

import (
	"fmt"
	"os"
	"syscall"
)

// sysIdentity is the file's creation time: a copy put in its place is created anew.
func sysIdentity(fi os.FileInfo) string {
	d, ok := fi.Sys().(*syscall.Win32FileAttributeData)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%d", d.CreationTime.Nanoseconds())
}
