#!/usr/bin/env bash
# Starts the built app (build/bin/jiayuan) on a virtual screen, screenshots its window into
# artifacts/e2e/window.png and fails if the picture is blank (the webview did not render).
# The app's data goes to a temporary JIAYUAN_DATA_DIR and HOME.
# EXPECT_TITLE: the window's title must end up containing this text (e.g. the first-run
# screen's name), checked with xdotool after the content has rendered.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/bin/jiayuan}
OUT=${2:-artifacts/e2e/window.png}
CONVERT=/usr/bin/convert # /usr/local/bin/convert may be a stand-in
[ -x "$BIN" ] || { echo "window-shot: $BIN is missing; run make build first" >&2; exit 1; }
mkdir -p "$(dirname "$OUT")"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/jiayuan-window.XXXXXX")
D=90
while [ -e "/tmp/.X$D-lock" ] || [ -e "/tmp/.X11-unix/X$D" ]; do D=$((D + 1)); done
XVFB_PID='' APP_PID=''
cleanup() {
  local rc=$?
  [ -n "$APP_PID" ] && { kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null; }
  [ -n "$XVFB_PID" ] && { kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null; }
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT INT TERM

Xvfb ":$D" -screen 0 1440x900x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=:$D
for _ in $(seq 1 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

mkdir -p "$TMP/home" "$TMP/data"
HOME=$TMP/home XDG_CONFIG_HOME=$TMP/home/.config XDG_DATA_HOME=$TMP/home/.local/share \
  XDG_CACHE_HOME=$TMP/home/.cache JIAYUAN_DATA_DIR=$TMP/data "$BIN" >"$TMP/app.log" 2>&1 </dev/null &
APP_PID=$!

# Wait for the window, then for content: a rendered page has many colours and contrast,
# a blank webview has one colour.
stddev=0 colours=0 ok=0
for _ in $(seq 1 60); do
  kill -0 "$APP_PID" 2>/dev/null || { echo "window-shot: the app exited; its log:" >&2; cat "$TMP/app.log" >&2; exit 1; }
  WID=$(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | tail -n 1 || true)
  if [ -n "$WID" ] && import -window "$WID" "$TMP/shot.png" 2>/dev/null; then
    stddev=$("$CONVERT" "$TMP/shot.png" -format '%[fx:standard_deviation]' info:)
    colours=$("$CONVERT" "$TMP/shot.png" -format '%k' info:)
    if awk -v s="$stddev" -v c="$colours" 'BEGIN { exit !(s > 0.02 && c > 64) }'; then ok=1; break; fi
  fi
  sleep 0.5
done
if [ "$ok" = 1 ]; then
  sleep 2 # let the first screen finish (data, chart)
  import -window "$WID" "$TMP/shot.png"
  stddev=$("$CONVERT" "$TMP/shot.png" -format '%[fx:standard_deviation]' info:)
  colours=$("$CONVERT" "$TMP/shot.png" -format '%k' info:)
fi
[ -f "$TMP/shot.png" ] && cp "$TMP/shot.png" "$OUT"
size=$("$CONVERT" "$OUT" -format '%wx%h' info: 2>/dev/null || echo '?')
if [ "$ok" != 1 ]; then
  echo "window-shot: FAIL: the window stayed blank (standard deviation $stddev, $colours colours); app log:" >&2
  cat "$TMP/app.log" >&2
  exit 1
fi
if [ -n "${EXPECT_TITLE:-}" ]; then
  title=''
  for _ in $(seq 1 20); do
    title=$(xdotool getwindowname "$WID" 2>/dev/null || true)
    case "$title" in *"$EXPECT_TITLE"*) break ;; esac
    sleep 0.5
  done
  case "$title" in
    *"$EXPECT_TITLE"*) echo "window-shot: the window's title is \"$title\"" ;;
    *) echo "window-shot: FAIL: the window's title is \"$title\", want it to contain \"$EXPECT_TITLE\"" >&2; exit 1 ;;
  esac
fi
echo "window-shot: ok: $OUT ($size, standard deviation $stddev, $colours colours)"
