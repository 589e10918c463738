#!/usr/bin/env bash
# make bench: measures Jiayuan Ledger on the largest community it is built for — 5,000 units and
# 20 years — and prints one table of figures against the targets (issue #6), with hledger run
# on the same data beside `jiayuan status`. The ledger is made once and kept in the temp folder
# (JIAYUAN_BENCH_LEDGER to use another); every figure is a median of several runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(go env GOPATH)/bin:$PATH"

LEDGER=${JIAYUAN_BENCH_LEDGER:-${TMPDIR:-/tmp}/jiayuan-bench-5000x20.jiayuan}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BIN=$WORK/jiayuan
RUNS=${BENCH_RUNS:-5}

echo "bench: building the command-line binary"
mkdir -p frontend/dist && touch frontend/dist/.gitkeep
go build -o "$BIN" .

declare -a ROWS=()
fail=0
# row NAME MEASURED TARGET [UNIT] [CPU]: one line of the table, compared with its target. CPU is
# the process's user+sys time, so a figure taken while other work loads the machine can be
# judged (the wall time then exceeds it).
row() {
  local name=$1 ms=$2 target=$3 unit=${4:-ms} cpu=${5:--} verdict=ok
  if [ "$target" != "-" ] && [ "$(echo "$ms > $target" | bc -l)" = 1 ]; then verdict=MISSED; fail=1; fi
  ROWS+=("$(printf '%-44s %12s %10s %12s  %s' "$name" "$ms $unit" "$cpu" "$([ "$target" = - ] && echo - || echo "< $target $unit")" "$verdict")")
}

# measure CMD…: runs a command RUNS times and sets WALL (median wall ms), CPU (user+sys ms of
# that run) and RSS (the largest resident memory of the runs, MB); PEAK keeps the largest of all.
PEAK=0
measure() {
  local t=()
  for _ in $(seq "$RUNS"); do
    local s e u y m
    s=$(date +%s%N)
    if ! /usr/bin/time -f '%U %S %M' -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr"; then
      echo "bench: FAILED: $*" >&2
      tail -3 "$WORK/stderr" >&2
      fail=1
    fi
    e=$(date +%s%N)
    read -r u y m < <(tail -1 "$WORK/time")
    t+=("$(((e - s) / 1000000)) $(echo "($u + $y) * 1000 / 1" | bc) $((m / 1024))")
  done
  read -r WALL CPU < <(printf '%s\n' "${t[@]}" | sort -n | awk '{w[NR]=$1; c[NR]=$2} END {i=int((NR+1)/2); print w[i], c[i]}')
  RSS=$(printf '%s\n' "${t[@]}" | awk '$3 > m {m = $3} END {print m}')
  [ "$RSS" -gt "$PEAK" ] && PEAK=$RSS
  return 0
}

load() { cut -d' ' -f1-3 /proc/loadavg; }

if [ ! -f "$LEDGER" ]; then
  echo "bench: making $LEDGER (5,000 units, 20 years) — once"
  s=$(date +%s)
  /usr/bin/time -f '%U %S' -o "$WORK/time" "$BIN" demo --ledger "$LEDGER" --units 5000 --years 20 --seed 1 >/dev/null ||
    { rm -f "$LEDGER" "$LEDGER-wal" "$LEDGER-shm"; exit 1; }
  echo "bench: demo generated in $(($(date +%s) - s)) s (cpu $(awk '{print $1 + $2}' "$WORK/time") s, load $(load))"
fi
sqlite3 "$LEDGER" "SELECT 'bench: ledger: ' || (SELECT count(*) FROM units) || ' units, ' || (SELECT count(*) FROM vouchers) || ' vouchers, ' || (SELECT count(*) FROM postings) || ' postings, ' || (SELECT count(*) FROM unit_entries) || ' sub-ledger lines, ' || (SELECT count(*) FROM chain) || ' chain links'"
load_start=$(load)

echo "bench: Go benchmarks (open + dashboard, first pages, one unit's statement)"
JIAYUAN_BENCH_LEDGER=$LEDGER go test ./app/demo/ -run '^$' -bench 'OpenDashboard|FirstPage|UnitStatement' -benchtime 10x >"$WORK/gobench.txt"
gb() { awk -v n="$1" '$1 ~ "^Benchmark"n"(-[0-9]+)?$" {printf "%.1f", $3 / 1e6}' "$WORK/gobench.txt"; }
row "open + dashboard figures" "$(gb OpenDashboard)" 300
row "  the same, file changed since its last check" "$(gb OpenDashboardChanged)" 300
row "first page of the voucher list" "$(gb VouchersFirstPage)" 100
row "first page of the unit table" "$(gb UnitsFirstPage)" 100
row "one unit's statement" "$(gb UnitStatement)" 50

echo "bench: the command line (wall, cpu = user+sys, memory)"
measure "$BIN" status --ledger "$LEDGER" --json --units=false
status_ms=$WALL
row "jiayuan status (whole process)" "$WALL" 200 ms "$CPU ms"
RUNS=1 measure "$BIN" status --ledger "$LEDGER" --json
RUNS=1 measure "$BIN" verify --ledger "$LEDGER"
row "jiayuan verify (whole process)" "$WALL" 5000 ms "$CPU ms"
year=$(sqlite3 "$LEDGER" "SELECT MAX(year) - 1 FROM vouchers")
RUNS=1 measure "$BIN" report --ledger "$LEDGER" --kind journal --book fund --from "$year-01-01" --to "$year-12-31" --format pdf --out "$WORK/journal.pdf"
row "year's journal PDF (fund, $year)" "$WALL" 10000 ms "$CPU ms"
RUNS=1 measure "$BIN" report --ledger "$LEDGER" --kind unit-statements --from "$year-01-01" --to "$year-12-31" --format pdf --out "$WORK/units.pdf"
row "all 5,000 per-unit statements PDF" "$WALL" 30000 ms "$CPU ms"
row "peak memory (status, verify, the PDFs)" "$PEAK" 300 MB

echo "bench: hledger on the same data"
"$BIN" export --ledger "$LEDGER" --format ledger --out "$WORK/books.journal" >/dev/null
RUNS=1 measure hledger -f "$WORK/books.journal" balance -N --flat
hl_ms=$WALL hl_cpu=$CPU
hledger -f "$WORK/books.journal" balance -N --flat -O csv >"$WORK/hl.csv"
"$BIN" status --ledger "$LEDGER" --json --units=false >"$WORK/status.json"
# the same figures: hledger's bank accounts must equal the books' balances in status
python3 - "$WORK/hl.csv" "$WORK/status.json" <<'PY'
import csv, json, sys
hl = {r[0]: r[1].replace(' CNY', '').replace(',', '') for r in list(csv.reader(open(sys.argv[1])))[1:]}
st = json.load(open(sys.argv[2]))
roots = {'fund': '维修资金:1001', 'public': '公共收益:1001', 'working': '工作经费:1001'}
bad = 0
for b in st['books']:
    acct = next(k for k in hl if k.startswith(roots[b['book']]))
    same = float(hl[acct]) == float(b['balance']) and hl[acct].split('.')[0] == b['balance'].split('.')[0]
    print(f"bench: {b['book']:8} jiayuan {b['balance']:>16}  hledger {hl[acct]:>16}  {'equal' if hl[acct] == b['balance'] else 'DIFFERENT'}")
    bad += hl[acct] != b['balance']
sys.exit(1 if bad else 0)
PY
ratio=$(echo "scale=1; $hl_ms / $status_ms" | bc -l)
row "hledger balance, same data" "$hl_ms" - ms "$hl_cpu ms"
ROWS+=("$(printf '%-44s %12s %10s %12s  %s' "hledger ÷ jiayuan status" "${ratio}x" "" ">= 10x" "$([ "$(echo "$ratio >= 10" | bc -l)" = 1 ] && echo ok || { fail=1; echo MISSED; })")")

echo
printf '%-44s %12s %10s %12s  %s\n' "measure (5,000 units, 20 years)" "measured" "cpu" "target" ""
printf '%s\n' "${ROWS[@]}"
echo "load average (1, 5, 15 min) at the start: $load_start; at the end: $(load) — on $(nproc) cores"
exit $fail
