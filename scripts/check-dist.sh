#!/usr/bin/env bash
# Checks what `make dist` (scripts/dist.sh) built into build/bin, as an office would receive it:
#   - all artefacts are there: the Linux binary, the Windows program, the installer, the notices;
#   - `file` sees an x86-64 ELF, a 64-bit Windows GUI program, a 64-bit Windows console program
#     (jiayuan-cli.exe) and an NSIS installer;
#   - the installer script: what the uninstaller removes is exactly what the installer wrote
#     (go test ./build/windows/installer; makensis itself treats warnings as errors);
#   - jiayuan-cli.exe on a Windows API: scripts/wine-smoke.sh under Wine (→ artifacts/dist/wine-smoke.log);
#   - build/distcheck (Go, debug/pe): the program's machine, subsystem, icon sizes and version
#     resource (product 家园账本, the version of wails.json), the build date embedded by
#     -ldflags; the installer's version resource and its manifest running as the user (no UAC);
#   - the Linux binary prints its version, starts under Xvfb on a fresh data folder (a first run)
#     and shows the start screen in a non-blank window (scripts/window-shot.sh, title checked →
#     artifacts/dist/first-run.png);
#   - started with a .jiayuan file (what a double-click does), it opens that file and not the
#     demo (artifacts/dist/open-file.png).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/bin}
ART=artifacts/dist
mkdir -p "$ART"
fail=0
ok() { printf 'check-dist: ok: %s\n' "$*"; }
# tidy DIR: removes a window check's temporary folder. WebKit's helper processes can still be
# writing their shader cache into it for a moment after the app is killed; a folder left in
# the temp folder is no failure of the build.
tidy() { rm -rf "$1" 2>/dev/null || { sleep 2; rm -rf "$1" 2>/dev/null; } || echo "check-dist: note: $1 left behind" >&2; }
bad() {
  printf 'check-dist: FAIL: %s\n' "$*" >&2
  fail=1
}

[ -f "$BIN/VERSION" ] || { echo "check-dist: $BIN/VERSION is missing: run make dist first" >&2; exit 1; }
VERSION=$(sed -n 's/^version=//p' "$BIN/VERSION")
DATE=$(sed -n 's/^date=//p' "$BIN/VERSION")
want_version=$(node -p "require('./wails.json').info.productVersion")
[ "$VERSION" = "$want_version" ] || bad "built version $VERSION, but wails.json says $want_version: run make dist again"
INSTALLER=$BIN/jiayuan-$VERSION-windows-setup.exe

# --- the artefacts ----------------------------------------------------------------------
for f in "$BIN/jiayuan" "$BIN/jiayuan.exe" "$BIN/jiayuan-cli.exe" "$INSTALLER" "$BIN/THIRD-PARTY-NOTICES.txt" "$BIN/SHA256SUMS"; do
  [ -s "$f" ] || bad "$f is missing or empty"
done
((fail == 0)) || exit 1
(cd "$BIN" && sha256sum --quiet -c SHA256SUMS) && ok "checksums" || bad "SHA256SUMS does not match the files"

expect_file() { # file, pattern of `file`'s description
  local d
  d=$(file -b "$1")
  if [[ "$d" =~ $2 ]]; then ok "$(basename "$1"): $d"; else bad "$(basename "$1") is \"$d\", want /$2/"; fi
}
expect_file "$BIN/jiayuan" '^ELF 64-bit LSB .*x86-64'
expect_file "$BIN/jiayuan.exe" '^PE32\+ executable \(GUI\) x86-64.*MS Windows'
expect_file "$BIN/jiayuan-cli.exe" '^PE32\+ executable \(console\) x86-64.*MS Windows'
expect_file "$INSTALLER" '^PE32 executable \(GUI\).*Nullsoft Installer'

for s in 'SIL OPEN FONT LICENSE' 'github.com/wailsapp/wails/v2' 'modernc.org/sqlite' 'github.com/xuri/excelize/v2' 'echarts' 'vue '; do
  grep -q "$s" "$BIN/THIRD-PARTY-NOTICES.txt" || bad "THIRD-PARTY-NOTICES.txt does not cover $s"
done
ok "THIRD-PARTY-NOTICES.txt: $(grep -c '^==== ' "$BIN/THIRD-PARTY-NOTICES.txt") components"

# --- the Windows files, read as PE ------------------------------------------------------
if JIAYUAN_DIST_DIR=$PWD/$BIN JIAYUAN_DIST_VERSION=$VERSION JIAYUAN_DIST_DATE=$DATE \
  go test -count=1 ./build/distcheck >"$ART/distcheck.log" 2>&1; then
  ok "Windows program and installer (go test ./build/distcheck)"
else
  cat "$ART/distcheck.log" >&2
  bad "Windows program or installer (go test ./build/distcheck)"
fi

# What the installer puts on the disk: the program just built (7z reads NSIS installers; the
# check is skipped where 7z is not installed).
if command -v 7z >/dev/null; then
  x=$(mktemp -d)
  if 7z x -y -o"$x" "$INSTALLER" >/dev/null 2>&1 && cmp -s "$x/jiayuan.exe" "$BIN/jiayuan.exe" &&
    cmp -s "$x/jiayuan-cli.exe" "$BIN/jiayuan-cli.exe" &&
    [ -s "$x/THIRD-PARTY-NOTICES.txt" ] && [ -s "$x/uninstall.exe" ]; then
    ok "the installer carries this jiayuan.exe and jiayuan-cli.exe, the notices and the uninstaller"
  else
    bad "the installer does not carry this build's jiayuan.exe, jiayuan-cli.exe, THIRD-PARTY-NOTICES.txt and uninstall.exe: $(cd "$x" && find . -type f | tr '\n' ' ')"
  fi
  rm -rf "$x"
fi

if go test -count=1 ./build/windows/installer >"$ART/installer-script.log" 2>&1; then
  ok "the uninstaller removes exactly what the installer writes (go test ./build/windows/installer)"
else
  cat "$ART/installer-script.log" >&2
  bad "the installer script (go test ./build/windows/installer)"
fi

# --- the Windows command line on a Windows API ------------------------------------------
t=$SECONDS
if scripts/wine-smoke.sh "$BIN" >"$ART/wine-smoke.log" 2>&1; then
  ok "jiayuan-cli.exe under Wine: $(grep -c ': ok: ' "$ART/wine-smoke.log") checks in $((SECONDS - t))s ($ART/wine-smoke.log)"
else
  cat "$ART/wine-smoke.log" >&2
  bad "jiayuan-cli.exe under Wine (scripts/wine-smoke.sh)"
fi

# --- the Linux binary -------------------------------------------------------------------
v=$("$BIN/jiayuan" --version 2>&1 || true)
[ "$v" = "jiayuan $VERSION" ] && ok "jiayuan --version: $v" || bad "jiayuan --version printed \"$v\", want \"jiayuan $VERSION\""
grep -qa "$DATE" "$BIN/jiayuan" && ok "build date $DATE embedded" || bad "the build date $DATE is not in the Linux binary"

# A first run: window-shot.sh gives the app a fresh data folder and home; the window must show
# the start screen (开始), which explains the app and offers the demo or a new ledger.
if EXPECT_TITLE='开始 · 家园账本' scripts/window-shot.sh "$BIN/jiayuan" "$ART/first-run.png"; then
  ok "first run shows the start screen"
else
  bad "the first run does not show the start screen"
fi

# Started with a ledger file, as Explorer does on a double-click: that file is opened (it
# becomes the most recent ledger in the fresh config) and the demo is not generated.
open_file_check() {
  local tmp d xvfb app wid ledger i opened=0
  rm -f "$ART/open-file.png"
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/jiayuan-dist.XXXXXX")
  ledger="$tmp/业委会 文件/阳光小区.jiayuan"
  mkdir -p "$(dirname "$ledger")" "$tmp/data" "$tmp/home"
  if ! "$BIN/jiayuan" demo --ledger "$ledger" --units 30 --years 2 >"$tmp/demo.log" 2>&1; then
    cat "$tmp/demo.log" >&2
    bad "jiayuan demo could not make a ledger to open"
    tidy "$tmp"
    return
  fi
  d=90
  while [ -e "/tmp/.X$d-lock" ] || [ -e "/tmp/.X11-unix/X$d" ]; do d=$((d + 1)); done
  Xvfb ":$d" -screen 0 1440x900x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
  xvfb=$!
  for _ in $(seq 1 200); do DISPLAY=:$d xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
  DISPLAY=:$d HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share \
    XDG_CACHE_HOME=$tmp/home/.cache JIAYUAN_DATA_DIR=$tmp/data "$BIN/jiayuan" "$ledger" >"$tmp/app.log" 2>&1 </dev/null &
  app=$!
  for i in $(seq 1 60); do
    if grep -qF "$ledger" "$tmp/data/config.json" 2>/dev/null; then opened=1; break; fi
    kill -0 "$app" 2>/dev/null || break
    sleep 0.5
  done
  if ((opened)); then
    # A screenshot once the window has drawn the ledger (many colours; a blank page has few).
    for i in $(seq 1 60); do
      wid=$(DISPLAY=:$d xdotool search --onlyvisible --pid "$app" 2>/dev/null | tail -n 1 || true)
      if [ -n "$wid" ] && DISPLAY=:$d import -window "$wid" "$tmp/shot.png" 2>/dev/null &&
        [ "$(/usr/bin/convert "$tmp/shot.png" -format '%k' info:)" -gt 1500 ]; then
        sleep 1
        DISPLAY=:$d import -window "$wid" "$ART/open-file.png" 2>/dev/null || cp "$tmp/shot.png" "$ART/open-file.png"
        break
      fi
      sleep 0.5
    done
    [ -f "$ART/open-file.png" ] && ok "window with the file given: $ART/open-file.png" || bad "the window did not draw the ledger given"
    title=$(DISPLAY=:$d xdotool getwindowname "$wid" 2>/dev/null || true)
    case "$title" in *首页*) ok "the window shows the dashboard (title \"$title\")" ;; *) bad "the window's title is \"$title\", want the dashboard (首页)" ;; esac
    node -e 'const c=require(process.argv[1]); process.exit(c.recent[0]===process.argv[2]?0:1)' "$tmp/data/config.json" "$ledger" &&
      ok "started with a .jiayuan file, the app opened it" || bad "the file given is not the most recent ledger: $(cat "$tmp/data/config.json")"
    [ ! -e "$tmp/data/演示小区.jiayuan" ] && ok "no demo ledger generated when a file is given" || bad "the demo ledger was generated although a file was given"
  else
    cat "$tmp/app.log" >&2
    bad "started with $ledger, the app did not open it"
  fi
  kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null || true
  tidy "$tmp"
}
open_file_check

# One window per user: with the app running, a second launch given a ledger file (a double-click
# in Explorer) hands the file to the first window and exits. Wails does this over the session
# D-Bus on Linux, so both run inside one private session bus.
single_instance_check() {
  local tmp out
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/jiayuan-single.XXXXXX")
  mkdir -p "$tmp/data" "$tmp/home" "$tmp/ledgers"
  if ! "$BIN/jiayuan" demo --ledger "$tmp/ledgers/第二个小区.jiayuan" --units 12 --years 1 >"$tmp/demo.log" 2>&1; then
    cat "$tmp/demo.log" >&2
    bad "jiayuan demo could not make a ledger for the single-instance check"
    tidy "$tmp"
    return
  fi
  out=$(APP=$(realpath "$BIN/jiayuan") TMPD=$tmp dbus-run-session -- bash -c '
    d=90; while [ -e "/tmp/.X$d-lock" ] || [ -e "/tmp/.X11-unix/X$d" ]; do d=$((d + 1)); done
    Xvfb ":$d" -screen 0 1280x800x24 -nolisten tcp >"$TMPD/xvfb.log" 2>&1 & xvfb=$!
    for _ in $(seq 1 200); do DISPLAY=:$d xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
    export DISPLAY=:$d HOME=$TMPD/home XDG_CONFIG_HOME=$TMPD/home/.config XDG_DATA_HOME=$TMPD/home/.local/share \
      XDG_CACHE_HOME=$TMPD/home/.cache JIAYUAN_DATA_DIR=$TMPD/data
    "$APP" >"$TMPD/first.log" 2>&1 </dev/null & first=$!
    for _ in $(seq 1 120); do xdotool search --onlyvisible --pid "$first" >/dev/null 2>&1 && break; sleep 0.5; done
    sleep 2
    (cd "$TMPD/ledgers" && timeout 60 "$APP" 第二个小区.jiayuan >"$TMPD/second.log" 2>&1 </dev/null)
    echo "second-exit=$?"
    for _ in $(seq 1 60); do grep -qF "第二个小区.jiayuan" "$TMPD/data/config.json" 2>/dev/null && break; sleep 0.5; done
    kill -0 "$first" 2>/dev/null && echo first-alive
    wins=$(xdotool search --onlyvisible --name "家园账本" 2>/dev/null | wc -l); echo "windows=$wins"
    kill "$first" 2>/dev/null; wait "$first" 2>/dev/null
    kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null
  ' 2>&1) || true
  case "$out" in *second-exit=124*) bad "the second launch did not exit: it kept running beside the first" ;; esac
  case "$out" in *first-alive*) ok "the first window keeps running" ;; *) bad "the first window did not survive a second launch" ;; esac
  case "$out" in *windows=1*) ok "one window after a second launch" ;; *) bad "not one window after a second launch: $out" ;; esac
  if node -e 'const c=require(process.argv[1]); process.exit(c.recent[0]===process.argv[2]?0:1)' "$tmp/data/config.json" "$tmp/ledgers/第二个小区.jiayuan" 2>/dev/null; then
    ok "the second launch's ledger was opened in the first window"
  else
    bad "the second launch's ledger was not opened in the first window: $out; config: $(cat "$tmp/data/config.json" 2>/dev/null)"
  fi
  tidy "$tmp"
}
single_instance_check

if ((fail)); then
  echo "check-dist: FAILED" >&2
  exit 1
fi
echo "check-dist: all good (version $VERSION, built $DATE; screenshots in $ART/)"
