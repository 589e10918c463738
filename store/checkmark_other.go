//go:build !linux && !darwin && !windows

package store

import "os"

// sysIdentity: size and modification time only on other systems.
func sysIdentity(os.FileInfo) string { return "" }
