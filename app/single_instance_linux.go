//go:build linux

package app

import (
	"strings"

	"github.com/godbus/dbus/v5"
)

// OtherInstanceRunning reports whether a window of the app already runs for this id. On Linux
// Wails checks the single-instance lock at the same time as it starts OnStartup, so the
// start-up open asks first: a second launch must not open (and lock, and back up) the ledger
// it is about to hand to the first window. The name is the one Wails registers on the session
// bus; without a session bus there is no lock, and no other window to defer to.
func OtherInstanceRunning(id string) bool {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return false
	}
	defer conn.Close()
	name := "org.wails_app_" + strings.ReplaceAll(strings.ReplaceAll(id, "-", "_"), ".", "_") + ".SingleInstance"
	var has bool
	if err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, name).Store(&has); err != nil {
		return false
	}
	return has
}
