#!/usr/bin/env bash
# Installs what building, running and testing Jiayuan Ledger needs, skipping whatever is
# already there, so a second run takes about a second:
#   - Debian packages (apt-get only when one is missing; sudo only when not root)
#   - the Wails CLI, pinned to v2.16.0 (@latest resolves to a version that does not build)
#   - npm packages of frontend/ and e2e/ (again when package.json or the lock file changed)
# Go (1.26) and Node (>= 20.19) must already be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

WAILS_VERSION=v2.16.0
DEB_PACKAGES=(
  build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.0-dev # build the window
  xvfb xauth x11-utils xdotool imagemagick chromium              # e2e: virtual screen, browser, screenshots
  fonts-noto-cjk                                                 # Chinese glyphs in screenshots
  poppler-utils sqlite3 hledger nsis bc time                     # PDF checks, ledger file, journal export, Windows installer
  p7zip-full                                                     # check-dist opens the installer to check what it carries
  dbus                                                           # single-instance check (a session bus)
  wine64 gcc-mingw-w64-x86-64                                    # the Windows command line run under Wine (scripts/wine-smoke.sh)
)

log() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# --- Debian packages --------------------------------------------------------------------
missing=()
for p in "${DEB_PACKAGES[@]}"; do
  [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = 'install ok installed' ] || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=()
  [ "$(id -u)" -eq 0 ] || SUDO=(sudo)
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- Go and the Wails CLI ---------------------------------------------------------------
command -v go >/dev/null || die "Go is not installed (need Go 1.26: https://go.dev/dl/)"
GOBIN_DIR="$(go env GOPATH)/bin"
export PATH="$GOBIN_DIR:$PATH"
have=$("$GOBIN_DIR/wails" version 2>/dev/null || true) # read it whole: grep -q would cut the pipe
if [[ "$have" != "$WAILS_VERSION"* ]]; then
  log "installing the Wails CLI $WAILS_VERSION into $GOBIN_DIR"
  GOBIN="$GOBIN_DIR" go install "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
fi

# --- Node packages ----------------------------------------------------------------------
command -v node >/dev/null || die "Node.js is not installed (need Node 20.19 or newer)"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  die "Node $(node -v) is too old (need 20.19 or newer)"

# npm install (not npm ci: lock files made here lack other platforms' optional packages).
npm_deps() {
  local dir=$1 stamp=$1/node_modules/.jiayuan-setup sum
  sum=$(cat "$dir/package.json" "$dir"/package-lock.json 2>/dev/null | md5sum | cut -d' ' -f1)
  if [ -d "$dir/node_modules" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$sum" ]; then return; fi
  log "npm install in $dir"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
  sum=$(cat "$dir/package.json" "$dir"/package-lock.json 2>/dev/null | md5sum | cut -d' ' -f1)
  echo "$sum" >"$stamp"
}
export npm_config_update_notifier=false
npm_deps frontend
npm_deps e2e
