#!/usr/bin/env bash
# make bench: measures Jiayuan Ledger on the largest communities it is built for — 5,000 and
# 20,000 units, 20 years each — and prints one table per size of figures against the targets
# (issues #6 and #16), with hledger run on the same data beside `jiayuan status` and the
# balances compared. Each table states the load average: the figures hold on a quiet machine.
#
#   BENCH_SIZES="5000 20000"  the sizes, in units (default both)
#   BENCH_REUSE=1             keep a ledger made by an earlier run (the demo row then says so);
#                             by default each is made afresh, as the demo's time is a target
#   BENCH_RUNS=5              runs of the quick commands, the median taken
#
# The ledgers are kept in the temp folder as jiayuan-bench-<units>x20.jiayuan (what the Go
# benchmarks read: JIAYUAN_BENCH_LEDGER). Wall time, CPU time (user+sys) and peak memory (RSS)
# come from /usr/bin/time; a figure taken while other work loads the machine shows a wall time
# above its CPU time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(go env GOPATH)/bin:$PATH"

SIZES=${BENCH_SIZES:-5000 20000}
RUNS=${BENCH_RUNS:-5}
TMP=${TMPDIR:-/tmp}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BIN=$WORK/jiayuan
started=$(date +%s)

echo "bench: building the command-line binary"
mkdir -p frontend/dist && touch frontend/dist/.gitkeep
go build -o "$BIN" .

load() { cut -d' ' -f1-3 /proc/loadavg; }
fail=0

# row NAME MEASURED TARGET [UNIT] [CPU] [RSS]: one line of the table, compared with its target.
row() {
  local name=$1 v=$2 target=$3 unit=${4:-ms} cpu=${5:--} rss=${6:--} verdict=ok
  if [ "$target" != "-" ] && [ "$v" != "-" ] && [ "$(echo "$v > $target" | bc -l)" = 1 ]; then verdict=MISSED; fail=1; fi
  [ "$target" = "-" ] && verdict=""
  ROWS+=("$(printf '%-46s %11s %10s %9s %12s  %s' "$name" "$v $unit" "$cpu" "$rss" "$([ "$target" = - ] && echo - || echo "< $target $unit")" "$verdict")")
}

# measure CMD…: runs a command RUNS times and sets WALL (median wall ms), CPU (user+sys ms of
# that run) and RSS (the largest resident memory of the runs, MB); PEAK keeps the size's largest.
measure() {
  local t=()
  for _ in $(seq "$RUNS"); do
    local s e u y m
    s=$(date +%s%N)
    if ! /usr/bin/time -f '%U %S %M' -o "$WORK/time" "$@" >"$WORK/stdout" 2>"$WORK/stderr"; then
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
  [ "$RSS" -gt "$PEAK" ] && PEAK=$RSS && PEAK_OF=$PEAK_NAME
  return 0
}

# cmd NAME TARGET_MS CMD…: measures a command once and adds its row (wall, cpu, memory).
cmd() {
  local name=$1 target=$2
  shift 2
  PEAK_NAME=$name RUNS=1 measure "$@"
  row "$name" "$WALL" "$target" ms "$CPU ms" "$RSS MB"
}

# 100,000 rows of historical vouchers (public income: the bank and the income line, two rows
# a voucher, 2005–2024), and a roster of N units, in the import formats.
python3 - "$WORK" <<'PY'
import random, sys
work = sys.argv[1]
random.seed(1)
rows = ["日期,账簿,凭证号,摘要,科目,借方,贷方"]
for v in range(50000):  # 208 or 209 a month
    month = v * 240 // 50000
    amt = random.randint(100, 500000) / 100
    rows.append(f"{2005 + month // 12}-{month % 12 + 1:02d}-{v % 27 + 1:02d},公共收益,{v + 1},停车费收入,1001,{amt:.2f},")
    rows.append(f",,,,4001,,{amt:.2f}")
open(f"{work}/vouchers.csv", "w", encoding="utf-8").write("\n".join(rows) + "\n")
PY
roster() {
  python3 - "$1" "$2" <<'PY'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
rows = ["幢,室,建筑面积,房屋类型,业主,电话,首期应筹集金额"]
for i in range(n):
    area = 45 + (i * 37) % 95
    rows.append(f"{i // 50 + 1},{(i % 50) // 4 + 1}{i % 4 + 1:02d},{area}.50,商品房,业主{i:05d},139{i:08d},{area * 60 + 30}.00")
open(out, "w", encoding="utf-8").write("\n".join(rows) + "\n")
PY
}

bench_size() {
  local n=$1 ledger=$TMP/jiayuan-bench-${1}x20.jiayuan demo_ms=- demo_cpu=- demo_rss=- fmt
  fmt=$(printf "%'d" "$n" 2>/dev/null || echo "$n")
  ROWS=() PEAK=0 PEAK_OF=-
  local target_verify=1000 target_demo=10000 target_units=30000
  if [ "$n" -gt 5000 ]; then target_verify=3000 target_demo=40000 target_units=120000; fi
  local load_start
  load_start=$(load)

  if [ "${BENCH_REUSE:-}" = 1 ] && [ -f "$ledger" ]; then
    echo "bench: $fmt units: reusing $ledger"
  else
    echo "bench: $fmt units: making $ledger (20 years)"
    rm -f "$ledger" "$ledger-wal" "$ledger-shm" "$ledger.lock"
    PEAK_NAME="demo" RUNS=1 measure "$BIN" demo --ledger "$ledger" --units "$n" --years 20 --seed 1
    [ -f "$ledger" ] || { echo "bench: the demo failed" >&2; exit 1; }
    demo_ms=$WALL demo_cpu="$CPU ms" demo_rss="$RSS MB"
  fi
  # The demo leaves the kernel a file's worth of dirty pages to write back; flush them now so
  # that writing does not run under the timings below (a user's file is long on disk).
  sync
  if [ "$demo_ms" = - ]; then
    ROWS+=("$(printf '%-46s %11s' "demo --units $n --years 20" "(kept from an earlier run: BENCH_REUSE)")")
  else
    row "demo --units $n --years 20" "$demo_ms" "$target_demo" ms "$demo_cpu" "$demo_rss"
  fi
  echo "bench: $(sqlite3 "$ledger" "SELECT (SELECT count(*) FROM units) || ' units, ' || (SELECT count(*) FROM vouchers) || ' vouchers, ' || (SELECT count(*) FROM unit_entries) || ' sub-ledger lines, ' || (SELECT count(*) FROM chain) || ' chain links'"), $(($(stat -c %s "$ledger") / 1048576)) MB"

  echo "bench: $fmt units: Go benchmarks (open + dashboard, first pages, one unit's statement)"
  JIAYUAN_BENCH_LEDGER=$ledger go test ./app/demo/ -run '^$' -bench 'OpenDashboard|FirstPage|UnitStatement' -benchtime 10x >"$WORK/gobench.txt"
  gb() { awk -v n="$1" '$1 ~ "^Benchmark"n"(-[0-9]+)?$" {printf "%.1f", $3 / 1e6}' "$WORK/gobench.txt"; }
  row "open the window on the dashboard (unchanged)" "$(gb OpenDashboard)" 100
  row "  the same, file changed since its last check" "$(gb OpenDashboardChanged)" -
  row "first page of the voucher list" "$(gb VouchersFirstPage)" 100
  row "first page of the unit table" "$(gb UnitsFirstPage)" 100
  row "one unit's statement" "$(gb UnitStatement)" 50

  echo "bench: $fmt units: the command line"
  PEAK_NAME="status" measure "$BIN" status --ledger "$ledger" --json --units=false
  local status_ms=$WALL
  row "jiayuan status (whole process)" "$WALL" 100 ms "$CPU ms" "$RSS MB"
  cmd "jiayuan status --json with every unit" - "$BIN" status --ledger "$ledger" --json
  cmd "jiayuan verify" "$target_verify" "$BIN" verify --ledger "$ledger"
  cmd "jiayuan verify --full" - "$BIN" verify --ledger "$ledger" --full
  local year
  year=$(sqlite3 "$ledger" "SELECT MAX(year) - 1 FROM vouchers")
  cmd "year's journal PDF (fund, $year)" 10000 "$BIN" report --ledger "$ledger" --kind journal --book fund --from "$year-01-01" --to "$year-12-31" --format pdf --out "$WORK/journal.pdf"
  cmd "all $fmt unit statements, one PDF" "$target_units" "$BIN" report --ledger "$ledger" --kind unit-statements --from "$year-01-01" --to "$year-12-31" --format pdf --out "$WORK/units.pdf"
  cmd "audit package PDF ($year)" - "$BIN" report --ledger "$ledger" --kind audit-package --year "$year" --out "$WORK/audit.pdf"
  cmd "all $fmt unit statements' lines, one XLSX" - "$BIN" report --ledger "$ledger" --kind unit-statements --from "$year-01-01" --to "$year-12-31" --format xlsx --out "$WORK/units.xlsx"
  cmd "export the hledger journal" - "$BIN" export --ledger "$ledger" --format ledger --out "$WORK/books.journal"
  cmd "backup" - "$BIN" backup --ledger "$ledger" --out "$WORK/backup.jiayuan"
  cp "$ledger" "$WORK/restored.jiayuan"
  cmd "restore (verified in full first)" - "$BIN" restore --ledger "$WORK/restored.jiayuan" --from "$WORK/backup.jiayuan"
  rm -f "$WORK"/restored.jiayuan* "$WORK/backup.jiayuan" "$WORK"/*.pdf "$WORK"/*.xlsx
  roster "$n" "$WORK/roster.csv"
  cmd "new ledger importing a $fmt-unit roster" - "$BIN" new --ledger "$WORK/import.jiayuan" --name 导入测试 --start 2005-01-01 --units "$WORK/roster.csv"
  cmd "import 100,000 voucher rows into it" 10000 "$BIN" import --ledger "$WORK/import.jiayuan" --kind vouchers "$WORK/vouchers.csv"
  grep -q '100000' "$WORK/stdout" || { echo "bench: the voucher import did not take every row" >&2; cat "$WORK/stdout" >&2; fail=1; }
  rm -f "$WORK"/import.jiayuan*
  row "peak memory, every command above" "$PEAK" 150 MB
  ROWS+=("  (the most: $PEAK_OF)")

  echo "bench: $fmt units: hledger on the same data"
  PEAK_NAME=hledger RUNS=1 measure hledger -f "$WORK/books.journal" balance -N --flat
  local hl_ms=$WALL hl_cpu=$CPU
  hledger -f "$WORK/books.journal" balance -N --flat -O csv >"$WORK/hl.csv"
  "$BIN" status --ledger "$ledger" --json --units=false >"$WORK/status.json"
  # the same figures: hledger's bank accounts must equal the books' balances in status
  python3 - "$WORK/hl.csv" "$WORK/status.json" >"$WORK/compare.txt" <<'PY' || fail=1
import csv, json, sys
hl = {r[0]: r[1].replace(' CNY', '').replace(',', '') for r in list(csv.reader(open(sys.argv[1])))[1:]}
st = json.load(open(sys.argv[2]))
roots = {'fund': '维修资金:1001', 'public': '公共收益:1001', 'working': '工作经费:1001'}
bad = 0
for b in st['books']:
    acct = next(k for k in hl if k.startswith(roots[b['book']]))
    same = hl[acct] == b['balance']
    print(f"  {b['book']:8} jiayuan {b['balance']:>16}  hledger {hl[acct]:>16}  {'equal' if same else 'DIFFERENT'}")
    bad += not same
sys.exit(1 if bad else 0)
PY
  row "hledger balance, same exported journal" "$hl_ms" - ms "$hl_cpu ms"
  local ratio
  ratio=$(echo "scale=1; $hl_ms / $status_ms" | bc -l)
  ROWS+=("$(printf '%-46s %11s %10s %9s %12s  %s' "hledger ÷ jiayuan status" "${ratio}x" "" "" ">= 10x" "$([ "$(echo "$ratio >= 10" | bc -l)" = 1 ] && echo ok || { fail=1; echo MISSED; })")")

  {
    echo
    printf '%-46s %11s %10s %9s %12s\n' "measure ($fmt units, 20 years)" "wall" "cpu" "memory" "target"
    printf '%s\n' "${ROWS[@]}"
    echo "balances, jiayuan status beside hledger on the exported journal:"
    cat "$WORK/compare.txt"
    echo "load average (1, 5, 15 min) at the start: $load_start; at the end: $(load) — on $(nproc) cores"
  } >>"$WORK/tables.txt"
}

for n in $SIZES; do
  bench_size "$n"
done
cat "$WORK/tables.txt"
echo
echo "bench: $(($(date +%s) - started)) s in all"
exit $fail
