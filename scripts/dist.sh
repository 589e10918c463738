#!/usr/bin/env bash
# make dist: what is handed to community offices, all in build/bin/ (not committed):
#   jiayuan                                the Linux binary (wails build)
#   jiayuan.exe                            the Windows program: GUI, x86-64, icon, version resource
#   jiayuan-cli.exe                        its command line: a console program, the subcommands only
#   jiayuan-<version>-windows-setup.exe    the Windows installer: per user, no administrator rights
#   THIRD-PARTY-NOTICES.txt                the licences of everything the program bundles
#   SHA256SUMS                             checksums of the above, to check a copy
#   VERSION                                version=… and date=… (for scripts/check-dist.sh)
# The version is wails.json's info.productVersion; the build date is today in Shanghai (or
# SOURCE_DATE_EPOCH's day, for a reproducible build). Both go into the binaries through
#   -ldflags "-X jiayuan/app/ops.Version=… -X jiayuan/app/ops.BuildDate=…"
# and show in the About dialog and in `jiayuan --version`.
# The Windows program cross-builds without cgo; the installer is made by Debian's makensis from
# build/windows/installer/project.nsi. scripts/check-dist.sh checks the result.
#   scripts/dist.sh            everything
#   scripts/dist.sh icon       only build/windows/icon.ico from build/appicon.png
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(go env GOPATH)/bin:$PATH"
CONVERT=/usr/bin/convert # /usr/local/bin/convert may be a stand-in
BIN=build/bin
start=$SECONDS

log() { printf 'dist: %s\n' "$*"; }
die() { printf 'dist: %s\n' "$*" >&2; exit 1; }

# --- the icon ---------------------------------------------------------------------------
# Windows picks the size it needs from the .ico: 16–48 for lists, title bars and the taskbar,
# 256 for large icons. Made from the 1024×1024 PNG when the PNG is newer; commit the result.
make_icon() {
  local png=build/appicon.png ico=build/windows/icon.ico tmp
  [ -x "$CONVERT" ] || die "ImageMagick is missing ($CONVERT): run scripts/setup.sh"
  if [ -f "$ico" ] && [ "$ico" -nt "$png" ] && [ "${1:-}" != force ]; then return; fi
  tmp=$(mktemp -d)
  local sizes=(16 20 24 32 40 48 64 96 128 256) files=()
  for s in "${sizes[@]}"; do
    # Lanczos keeps the house's lines sharp; the light unsharp mask helps the smallest sizes.
    "$CONVERT" "$png" -filter Lanczos -resize "${s}x${s}" -unsharp 0x0.6+0.6+0 -strip \
      -define png:exclude-chunks=date,time "PNG32:$tmp/$s.png"
    files+=("$tmp/$s.png")
  done
  mkdir -p "$(dirname "$ico")"
  "$CONVERT" "${files[@]}" -strip "$ico"
  rm -rf "$tmp"
  log "icon: $ico (${sizes[*]} px)"
}

if [ "${1:-}" = icon ]; then
  make_icon force
  exit 0
fi

command -v wails >/dev/null || die "the Wails CLI is missing: run scripts/setup.sh"
command -v makensis >/dev/null || die "makensis is missing (Debian package nsis): run scripts/setup.sh"

VERSION=$(node -p "require('./wails.json').info.productVersion")
[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] ||
  die "wails.json info.productVersion \"$VERSION\" must be three numbers (Windows needs them), e.g. 1.2.0"
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
  BUILD_DATE=$(TZ=Asia/Shanghai date -d "@$SOURCE_DATE_EPOCH" +%F)
else
  BUILD_DATE=$(TZ=Asia/Shanghai date +%F)
fi
LDFLAGS="-X jiayuan/app/ops.Version=$VERSION -X jiayuan/app/ops.BuildDate=$BUILD_DATE"
INSTALLER=$BIN/jiayuan-$VERSION-windows-setup.exe
log "version $VERSION, built $BUILD_DATE"

make_icon
mkdir -p "$BIN" frontend/dist
rm -f "$BIN/jiayuan" "$BIN/jiayuan.exe" "$BIN/jiayuan-cli.exe" "$INSTALLER" "$BIN/THIRD-PARTY-NOTICES.txt" "$BIN/SHA256SUMS" "$BIN/VERSION"

# -m: no `go mod tidy`; -nosyncgomod: leave go.mod alone; -trimpath: no build paths inside.
WAILS=(wails build -m -nosyncgomod -nocolour -trimpath -ldflags "$LDFLAGS")

# --- Linux ------------------------------------------------------------------------------
log "Linux binary (frontend, bindings, Go with cgo)"
t=$SECONDS
"${WAILS[@]}" -platform linux/amd64 >"$BIN/.dist-linux.log" 2>&1 || {
  cat "$BIN/.dist-linux.log" >&2
  die "wails build (linux) failed"
}
chmod -R a-x+X frontend/src/wailsjs # wails regenerates the committed bindings
log "  $BIN/jiayuan ($((SECONDS - t))s)"

# --- licences ---------------------------------------------------------------------------
# Every Go module linked into either binary, Go itself, the font, and the frontend's runtime
# packages: each with its licence file(s), as the MIT, BSD and Apache licences ask.
notices() {
  local out=$1 mods
  {
    printf '家园账本 (Jiayuan Ledger) %s — third-party notices\n' "$VERSION"
    printf '家园账本使用的字体与开源组件的许可证全文。\n'
    printf 'The licences of the font and the open-source components Jiayuan Ledger is built with.\n'
    section() { printf '\n\n==== %s ====\n\n' "$1"; }
    section "Noto Sans SC (font) — SIL Open Font License 1.1"
    cat assets/fonts/OFL.txt
    section "Go $(go env GOVERSION) — standard library and runtime"
    cat "$(go env GOROOT)/LICENSE"
    mods=$(
      for target in linux/amd64/1 windows/amd64/0; do
        IFS=/ read -r os arch cgo <<<"$target"
        GOOS=$os GOARCH=$arch CGO_ENABLED=$cgo go list -tags desktop,production -deps \
          -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}' .
      done | sort -u
    )
    [ -n "$mods" ] || die "no Go modules found for the notices"
    while read -r path version dir; do
      [ -n "$path" ] || continue
      local files
      files=$(find "$dir" -maxdepth 1 -type f \( -iname 'licen[cs]e*' -o -iname 'copying*' -o -iname 'notice*' -o -iname 'patents*' \) | sort)
      [ -n "$files" ] || die "no licence file in Go module $path $version ($dir)"
      section "$path $version"
      for f in $files; do
        printf -- '--- %s\n' "$(basename "$f")"
        cat "$f"
        printf '\n'
      done
    done <<<"$mods"
    # The frontend's runtime packages: package.json's dependencies, and theirs.
    node - <<'EOF'
const fs = require('fs'), path = require('path')
const root = path.resolve('frontend/node_modules')
const seen = new Map()
const visit = (name) => {
  if (seen.has(name)) return
  const dir = path.join(root, name)
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
  seen.set(name, { dir, pkg })
  for (const d of Object.keys(pkg.dependencies || {})) visit(d)
}
for (const d of Object.keys(require(path.resolve('frontend/package.json')).dependencies)) visit(d)
for (const [name, { dir, pkg }] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
  const files = fs.readdirSync(dir).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f) && fs.statSync(path.join(dir, f)).isFile()).sort()
  process.stdout.write(`\n\n==== ${name} ${pkg.version} (npm, ${pkg.license || 'see below'}) ====\n\n`)
  if (files.length === 0) {
    process.stderr.write(`dist: npm package ${name} has no licence file; its package.json says ${pkg.license}\n`)
    process.stdout.write(`Licence: ${pkg.license}${pkg.author ? ', author: ' + (pkg.author.name || pkg.author) : ''}\n`)
  }
  for (const f of files) process.stdout.write(`--- ${f}\n` + fs.readFileSync(path.join(dir, f), 'utf8') + '\n')
}
EOF
  } >"$out"
}
notices "$BIN/THIRD-PARTY-NOTICES.txt"
log "  $BIN/THIRD-PARTY-NOTICES.txt ($(grep -c '^==== ' "$BIN/THIRD-PARTY-NOTICES.txt") components)"

# --- Windows ----------------------------------------------------------------------------
# The command line first, since the installer carries it: a console program (cmd.exe and
# PowerShell wait for it, show its output and see its exit code), which the GUI jiayuan.exe
# cannot be. cmd/jiayuan-cli links the subcommands only, never the window.
log "Windows command line jiayuan-cli.exe (console, no cgo)"
t=$SECONDS
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -trimpath -ldflags "$LDFLAGS" -o "$BIN/jiayuan-cli.exe" ./cmd/jiayuan-cli ||
  die "go build (jiayuan-cli.exe) failed"
log "  $BIN/jiayuan-cli.exe ($((SECONDS - t))s)"

# The frontend built above is embedded as it is (-s); the bindings are current (-skipbindings).
# -nsis: Wails writes wails_tools.nsh and the WebView2 bootstrapper beside project.nsi and runs
# makensis on it; -installscope user keeps it per user.
log "Windows program and installer (cross-built, no cgo; makensis)"
t=$SECONDS
"${WAILS[@]}" -s -skipbindings -platform windows/amd64 -nsis -installscope user >"$BIN/.dist-windows.log" 2>&1 || {
  cat "$BIN/.dist-windows.log" >&2
  die "wails build (windows) failed"
}
grep -q "Building 'amd64' installer: Done" "$BIN/.dist-windows.log" || {
  cat "$BIN/.dist-windows.log" >&2
  die "makensis did not build the installer"
}
[ -f "$INSTALLER" ] || die "the installer $INSTALLER is missing after the build"
log "  $BIN/jiayuan.exe, $INSTALLER ($((SECONDS - t))s)"

printf 'version=%s\ndate=%s\n' "$VERSION" "$BUILD_DATE" >"$BIN/VERSION"
(cd "$BIN" && sha256sum jiayuan jiayuan.exe jiayuan-cli.exe "$(basename "$INSTALLER")" THIRD-PARTY-NOTICES.txt >SHA256SUMS)
rm -f "$BIN/.dist-linux.log" "$BIN/.dist-windows.log"
log "done in $((SECONDS - start))s:"
ls -l "$BIN/jiayuan" "$BIN/jiayuan.exe" "$BIN/jiayuan-cli.exe" "$INSTALLER" "$BIN/THIRD-PARTY-NOTICES.txt" "$BIN/SHA256SUMS" | sed 's/^/  /'
