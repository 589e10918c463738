//go:build !linux

package app

// OtherInstanceRunning is false where Wails checks the single-instance lock before OnStartup
// (Windows): a second launch hands over and exits before it opens anything.
func OtherInstanceRunning(string) bool { return false }
