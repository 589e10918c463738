// Package distcheck checks what `make dist` builds into build/bin: the Windows program is a
// 64-bit GUI executable with the app's icon and version resource, the installer is a per-user
// NSIS installer with its own version resource. Its tests run when scripts/check-dist.sh sets
// JIAYUAN_DIST_DIR and are skipped otherwise (a plain `go test ./...` has nothing to check).
package distcheck
