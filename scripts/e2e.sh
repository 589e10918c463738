#!/usr/bin/env bash
# Browser end-to-end tests: starts a virtual screen (Xvfb), `wails dev` in it (the real Go
# services behind the real frontend), runs e2e/tests/*.test.mjs with Debian Chromium, and
# tears everything down, also on failure. Screenshots go to artifacts/e2e/.
# The app's config and ledgers go to a temporary JIAYUAN_DATA_DIR.
#   scripts/e2e.sh [node --test args…]      e.g. scripts/e2e.sh --test-name-pattern=demo
#   E2E_FILES='tests/about.test.mjs' scripts/e2e.sh    only these test files (paths in e2e/)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$(go env GOPATH)/bin:$PATH"

ART=$ROOT/artifacts/e2e
mkdir -p "$ART"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/jiayuan-e2e.XXXXXX")
LOG=$ART/wails-dev.log
WAIT_SECONDS=${E2E_WAIT_SECONDS:-300}

# A free X display and a free port for wails dev's server.
D=90
while [ -e "/tmp/.X$D-lock" ] || [ -e "/tmp/.X11-unix/X$D" ]; do D=$((D + 1)); done
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=${E2E_PORT:-$((34115 + RANDOM % 400))} # spread: parallel runs on one machine
while ! port_free "$PORT"; do PORT=$((PORT + 1)); done
URL=http://localhost:$PORT

XVFB_PID='' WAILS_PID=''
cleanup() {
  local rc=$?
  if [ -n "$WAILS_PID" ] && kill -0 "$WAILS_PID" 2>/dev/null; then
    kill -INT "$WAILS_PID" 2>/dev/null || true # stops Vite and the app too
    for _ in $(seq 1 20); do kill -0 "$WAILS_PID" 2>/dev/null || break; sleep 0.5; done
    # whatever is left of its process group (wails dev was started with setsid)
    kill -TERM -- "-$WAILS_PID" 2>/dev/null || true
  fi
  if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT INT TERM

Xvfb ":$D" -screen 0 1280x800x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
XVFB_PID=$!

# The app under test keeps its config, demo ledger and WebKit data in the temp dir. GOENV
# stays where it is, since moving XDG_CONFIG_HOME would otherwise move Go's settings too.
export GOENV="$(go env GOENV)"
export JIAYUAN_DATA_DIR=$TMP/data XDG_CONFIG_HOME=$TMP/config XDG_DATA_HOME=$TMP/share
mkdir -p "$JIAYUAN_DATA_DIR"
# The Reports screen saves here without its save dialog, which a browser cannot answer
# (app/report_service.go; e2e/tests/reports.test.mjs reads the files back).
export JIAYUAN_E2E_SAVE_DIR=$ART/reports
mkdir -p "$JIAYUAN_E2E_SAVE_DIR"

echo "e2e: wails dev on $URL, display :$D (log: ${LOG#"$ROOT"/})"
# -m: no go mod tidy, -nosyncgomod: leave go.mod alone; -nogorebuild: a stable backend while testing.
DISPLAY=:$D setsid wails dev -m -nosyncgomod -nogorebuild -nocolour -noreload \
  -devserver "localhost:$PORT" -viteservertimeout 120 >"$LOG" 2>&1 </dev/null &
WAILS_PID=$!

start=$SECONDS
until curl -fsS -o /dev/null "$URL/" 2>/dev/null; do
  if ! kill -0 "$WAILS_PID" 2>/dev/null; then
    echo "e2e: wails dev exited before serving; its log:" >&2
    cat "$LOG" >&2
    exit 1
  fi
  if ((SECONDS - start > WAIT_SECONDS)); then
    echo "e2e: wails dev did not serve $URL within ${WAIT_SECONDS}s; its log:" >&2
    cat "$LOG" >&2
    exit 1
  fi
  sleep 1
done
echo "e2e: wails dev up after $((SECONDS - start))s"

# wails dev regenerates the committed bindings; keep their mode as git has it.
chmod -R a-x+X frontend/src/wailsjs 2>/dev/null || true

set +e
(cd e2e && E2E_URL=$URL E2E_ARTIFACTS=$ART node --test --test-concurrency=1 --test-reporter=spec "$@" ${E2E_FILES:-tests/*.test.mjs})
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
  echo "e2e: tests failed; last lines of the wails dev log:" >&2
  tail -n 40 "$LOG" >&2
fi
echo "e2e: screenshots in ${ART#"$ROOT"/}/"
exit "$rc"
