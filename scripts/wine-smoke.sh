#!/usr/bin/env bash
# The Windows command line (build/bin/jiayuan-cli.exe) run on a Windows API: Debian's Wine
# (wine64, 64-bit only) on a fresh prefix, with the ledger in a folder whose name has spaces and
# Chinese characters, on a drive letter (D:) as an office would have it. Part of
# scripts/check-dist.sh, so of `make dist-check` and CI. It checks:
#   --version; demo; status --json; verify; backup into a folder and to the app's backups;
#   restore --from latest; report --kind audit-package; import --kind units of a GB18030
#   roster; new with a roster; a second writer refused by the lock while a long import runs; and
#   that the demo's chain head equals the Linux binary's for the same seed; and that the window
#   program jiayuan.exe given a subcommand shows a message box pointing to jiayuan-cli.exe.
# Debian 12's Wine 8 lacks bcryptprimitives.dll, which Go's Windows runtime loads at start
# (ProcessPrng): a stand-in built here from build/distcheck/wine/bcryptprimitives.c (test
# tooling, never shipped) goes into the prefix's system32.
#   scripts/wine-smoke.sh [build/bin]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-build/bin}")
ART=artifacts/dist # the message box's screenshot
mkdir -p "$ART"
WINE=${WINE:-/usr/lib/wine/wine64} # Debian's wine64 package has no wrapper on PATH
start=$SECONDS
fail=0
ok() { printf 'wine-smoke: ok: %s\n' "$*"; }
bad() {
  printf 'wine-smoke: FAIL: %s\n' "$*" >&2
  fail=1
}
die() {
  printf 'wine-smoke: %s\n' "$*" >&2
  exit 1
}

[ -x "$WINE" ] || die "Wine is missing ($WINE): run scripts/setup.sh (Debian package wine64)"
command -v x86_64-w64-mingw32-gcc >/dev/null || die "x86_64-w64-mingw32-gcc is missing: run scripts/setup.sh (gcc-mingw-w64-x86-64)"
[ -s "$BIN/jiayuan-cli.exe" ] && [ -x "$BIN/jiayuan" ] || die "$BIN/jiayuan-cli.exe or $BIN/jiayuan is missing: run make dist first"
VERSION=$(sed -n 's/^version=//p' "$BIN/VERSION")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/jiayuan-wine.XXXXXX")
export WINEPREFIX=$tmp/prefix WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES='mscoree,mshtml=' LANG=C.UTF-8 LC_ALL=C.UTF-8
unset DISPLAY JIAYUAN_DATA_DIR JIAYUAN_LANG
busy_pid=
cleanup() {
  [ -n "$busy_pid" ] && kill "$busy_pid" 2>/dev/null
  /usr/lib/wine/wineserver -k 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- a fresh prefix, the stand-in DLL, drive D: -------------------------------------------
t=$SECONDS
"$WINE" wineboot -i >"$tmp/wineboot.log" 2>&1 || {
  cat "$tmp/wineboot.log" >&2
  die "wineboot failed"
}
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$tmp/bcryptprimitives.dll" build/distcheck/wine/bcryptprimitives.c -ladvapi32 ||
  die "could not build the stand-in bcryptprimitives.dll"
cp "$tmp/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
mkdir -p "$tmp/d/业委会 账本" "$tmp/d/备份 U盘" "$tmp/d/报表"
ln -sfn "$tmp/d" "$WINEPREFIX/dosdevices/d:"
ok "fresh Wine prefix ($("$WINE" --version 2>/dev/null)) in $((SECONDS - t))s"

LEDGER='D:\业委会 账本\阳光小区.jiayuan'
LEDGER_UNIX="$tmp/d/业委会 账本/阳光小区.jiayuan"
# cli ARGS…: jiayuan-cli.exe under Wine; stdout in $out, stderr in $err, exit status in $rc.
cli() {
  rc=0
  timeout 300 "$WINE" "$BIN/jiayuan-cli.exe" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || rc=$?
  out=$(tr -d '\r' <"$tmp/out")
  err=$(tr -d '\r' <"$tmp/err")
}
expect() { # what, want exit status, pattern of stdout
  if [ "$rc" = "$2" ] && [[ "$out" =~ $3 ]]; then ok "$1"; else bad "$1: exit $rc (want $2), out: $out, err: $err"; fi
}

cli --version
expect "jiayuan-cli.exe --version: $out" 0 "^jiayuan $VERSION\$"

cli
expect "jiayuan-cli.exe without a command prints the help" 0 'jiayuan-cli <命令>'

cli demo --ledger "$LEDGER" --units 40 --years 2 --seed 7
expect "demo into D:\\业委会 账本\\" 0 '已生成演示账本 D:\\业委会 账本\\阳光小区\.jiayuan'
[ -s "$LEDGER_UNIX" ] && ok "the ledger is in the folder with spaces and Chinese characters" || bad "no ledger at $LEDGER_UNIX"

cli status --ledger "$LEDGER" --json --today 2026-06-30
expect "status --json" 0 '"community": "锦绣家园"'
wine_head=$(node -e 'const r=JSON.parse(process.argv[1]); process.stdout.write(r.chain.seq+" "+r.chain.hash)' "$out" 2>/dev/null || true)

cli verify --ledger "$LEDGER"
expect "verify" 0 '^账本完好：.*链头 #[0-9]+ [0-9a-f]{64}'

# The same seed on Linux makes the same ledger, to the last hash of the chain.
"$BIN/jiayuan" demo --ledger "$tmp/linux.jiayuan" --units 40 --years 2 --seed 7 >/dev/null 2>&1 || bad "Linux demo failed"
linux_head=$("$BIN/jiayuan" status --ledger "$tmp/linux.jiayuan" --json --today 2026-06-30 2>/dev/null |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);process.stdout.write(r.chain.seq+" "+r.chain.hash)})' || true)
if [ -n "$wine_head" ] && [ "$wine_head" = "$linux_head" ]; then
  ok "chain head on Windows = chain head on Linux for seed 7: #$wine_head"
else
  bad "chain heads differ: Windows \"$wine_head\", Linux \"$linux_head\""
fi

cli backup --ledger "$LEDGER" --out 'D:\备份 U盘\'
expect "backup into a folder" 0 '备份 U盘'
n=$(find "$tmp/d/备份 U盘" -name '*.jiayuan' | wc -l)
((n == 1)) && ok "one backup file in D:\\备份 U盘" || bad "$n backup files in D:\\备份 U盘"
cli backup --ledger "$LEDGER"
expect "backup to the app's backups folder (%APPDATA%)" 0 'AppData|Application Data'

cli restore --ledger "$LEDGER" --from latest
expect "restore --from latest" 0 '.'
cli verify --ledger "$LEDGER"
expect "verify after the restore" 0 '^账本完好'

cli report --ledger "$LEDGER" --kind audit-package --from 2025-01-01 --to 2025-12-31 --out 'D:\报表\审计资料 2025.pdf'
pdf="$tmp/d/报表/审计资料 2025.pdf"
text=$(pdftotext "$pdf" - 2>/dev/null || true)
if [ "$rc" = 0 ] && [[ "$text" == *"物业管理区域：锦绣家园"* ]]; then
  ok "report --kind audit-package: a PDF of $(($(stat -c %s "$pdf") / 1024)) KB naming the community"
else
  bad "report --kind audit-package: exit $rc, out: $out, err: $err, files: $(ls -R "$tmp/d/报表")"
fi

# A roster as Excel on a Chinese Windows saves it: GB18030, CRLF.
printf '幢,室,建筑面积,房屋类型,业主,电话,首期应筹集金额\r\n88号,101,89.50,商品房,张三,13800000001,8950.00\r\n88号,102,72.00,售后公房,李四,,3600\r\n' |
  iconv -f UTF-8 -t GB18030 >"$tmp/d/业委会 账本/新增房屋.csv"
cli import --ledger "$LEDGER" --kind units 'D:\业委会 账本\新增房屋.csv'
expect "import --kind units of a GB18030 roster" 0 'gb18030'
cli new --ledger 'D:\业委会 账本\新小区.jiayuan' --name 新小区 --start 2026-01-01 --units 'D:\业委会 账本\新增房屋.csv'
expect "new with a GB18030 roster" 0 '已新建账本 D:\\业委会 账本\\新小区\.jiayuan'
cli new --ledger 'D:\业委会 账本\新小区.jiayuan' --name 新小区
expect "new refuses an existing file" 1 ''

# One writer at a time: while a long import of 100,000 voucher rows writes a ledger, a second
# import into it is refused. (The demo no longer serves: it makes its file under a name of its
# own and gives it the asked name only when complete.)
BUSY='D:\业委会 账本\新小区.jiayuan'
lock="$tmp/d/业委会 账本/新小区.jiayuan.lock"
awk 'BEGIN {
  print "日期,账簿,凭证号,摘要,科目,借方,贷方"
  for (v = 0; v < 50000; v++) {
    amt = sprintf("%d.%02d", 100 + v % 4000, v % 100)
    printf "2026-%02d-%02d,公共收益,%d,停车费收入,1001,%s,\r\n,,,,4001,,%s\r\n", v * 6 / 50000 + 1, v % 27 + 1, v + 1, amt, amt
  }
}' >"$tmp/d/业委会 账本/历史凭证.csv"
before=$(cat "$lock" 2>/dev/null || true)
timeout 600 "$WINE" "$BIN/jiayuan-cli.exe" import --ledger "$BUSY" --kind vouchers 'D:\业委会 账本\历史凭证.csv' >"$tmp/busy.out" 2>&1 </dev/null &
busy_pid=$!
for _ in $(seq 1 240); do # until the import holds the lock (its holder written into the lock file)
  held=$(cat "$lock" 2>/dev/null || true)
  [ -n "$held" ] && [ "$held" != "$before" ] && break
  kill -0 "$busy_pid" 2>/dev/null || break
  sleep 0.25
done
cli import --ledger "$BUSY" --kind units 'D:\业委会 账本\新增房屋.csv'
if kill -0 "$busy_pid" 2>/dev/null; then
  if [ "$rc" = 1 ] && [[ "$err" =~ 正在另一个窗口或程序中编辑 ]]; then
    ok "a second writer is refused while an import writes: ${err%%。*}"
  else
    bad "a second writer during the import: exit $rc, out: $out, err: $err"
  fi
else
  bad "the long import ended before the second writer could try: $(tr -d '\r' <"$tmp/busy.out")"
fi
wait "$busy_pid" 2>/dev/null && busy_rc=0 || busy_rc=$?
busy_pid=
if [ "$busy_rc" = 0 ] && grep -q '100000' "$tmp/busy.out"; then
  ok "import --kind vouchers of 100,000 rows"
else
  bad "import --kind vouchers: exit $busy_rc, output: $(tr -d '\r' <"$tmp/busy.out")"
fi

# The window program given a subcommand runs nothing and says, in a message box, to use
# jiayuan-cli.exe (on a virtual screen: Wine draws the box through X).
gui_check() {
  local d xvfb app wid="" title="" code=0 i
  d=90
  while [ -e "/tmp/.X$d-lock" ] || [ -e "/tmp/.X11-unix/X$d" ]; do d=$((d + 1)); done
  Xvfb ":$d" -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
  xvfb=$!
  for _ in $(seq 1 200); do DISPLAY=:$d xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
  DISPLAY=:$d timeout 120 "$WINE" "$BIN/jiayuan.exe" verify --ledger "$LEDGER" >"$tmp/gui.out" 2>&1 </dev/null &
  app=$!
  for i in $(seq 1 120); do
    wid=$(DISPLAY=:$d xdotool search --name 'jiayuan-cli' 2>/dev/null | head -n 1 || true)
    [ -n "$wid" ] && break
    kill -0 "$app" 2>/dev/null || break
    sleep 0.5
  done
  if [ -n "$wid" ]; then
    title=$(DISPLAY=:$d xdotool getwindowname "$wid" 2>/dev/null || true)
    DISPLAY=:$d import -window "$wid" "$ART/gui-subcommand.png" 2>/dev/null || true
    # OK is centred at the bottom of the box (Xvfb has no window manager to focus it for a key).
    sleep 1
    eval "$(DISPLAY=:$d xdotool getwindowgeometry --shell "$wid" 2>/dev/null)" || true
    DISPLAY=:$d xdotool mousemove $((${X:-0} + ${WIDTH:-0} / 2)) $((${Y:-0} + ${HEIGHT:-0} - 20)) click 1 2>/dev/null || true
  fi
  wait "$app" || code=$?
  kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null || true
  if [ -n "$wid" ] && [ "$code" = 2 ] && ! grep -q '账本完好' "$tmp/gui.out"; then
    ok "jiayuan.exe verify … shows a message box \"$title\" and exits 2"
  else
    bad "jiayuan.exe given a subcommand: window \"$title\", exit $code, output: $(tr -d '\r' <"$tmp/gui.out" | head -c 400)"
  fi
}
if [ -s "$BIN/jiayuan.exe" ] && command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
  gui_check
else
  bad "jiayuan.exe, Xvfb or xdotool missing: the window program's answer to a subcommand is not checked"
fi

printf 'wine-smoke: the Wine part took %ss\n' "$((SECONDS - start))"
if ((fail)); then
  echo "wine-smoke: FAILED" >&2
  exit 1
fi
echo "wine-smoke: all good"
