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
# row NAME MEASURED_MS TARGET_MS [UNIT]: one line of the table, compared with its target.
row() {
  local name=$1 ms=$2 target=$3 unit=${4:-ms} verdict=ok
  if [ "$target" != "-" ] && [ "$(echo "$ms > $target" | bc -l)" = 1 ]; then verdict=MISSED; fail=1; fi
  ROWS+=("$(printf '%-44s %12s %12s  %s' "$name" "$ms $unit" "$([ "$target" = - ] && echo - || echo "< $target $unit")" "$verdict")")
}

# median wall time in ms of RUNS runs of a command
median_ms() {
  local t=()
  for _ in $(seq "$RUNS"); do
    local s e
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1
    e=$(date +%s%N)
    t+=($(((e - s) / 1000000)))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# peak resident memory in MB of one run of a command
peak_mb() {
  /usr/bin/time -f '%M' -o "$WORK/rss" "$@" >/dev/null 2>&1 || true
  echo $(($(tail -1 "$WORK/rss") / 1024))
}

if [ ! -f "$LEDGER" ]; then
  echo "bench: making $LEDGER (5,000 units, 20 years) — once"
  s=$(date +%s)
  "$BIN" demo --ledger "$LEDGER" --units 5000 --years 20 --seed 1 >/dev/null
  echo "bench: demo generated in $(($(date +%s) - s)) s"
fi
sqlite3 "$LEDGER" "SELECT 'bench: ledger: ' || (SELECT count(*) FROM units) || ' units, ' || (SELECT count(*) FROM vouchers) || ' vouchers, ' || (SELECT count(*) FROM postings) || ' postings, ' || (SELECT count(*) FROM unit_entries) || ' sub-ledger lines, ' || (SELECT count(*) FROM chain) || ' chain links'"

echo "bench: Go benchmarks (open + dashboard, first pages, one unit's statement)"
JIAYUAN_BENCH_LEDGER=$LEDGER go test ./app/demo/ -run '^$' -bench 'OpenDashboard|FirstPage|UnitStatement' -benchtime 10x >"$WORK/gobench.txt"
gb() { awk -v n="$1" '$1 ~ "^Benchmark"n"(-[0-9]+)?$" {printf "%.1f", $3 / 1e6}' "$WORK/gobench.txt"; }
row "open + dashboard figures" "$(gb OpenDashboard)" 300
row "first page of the voucher list" "$(gb VouchersFirstPage)" 100
row "first page of the unit table" "$(gb UnitsFirstPage)" 100
row "one unit's statement" "$(gb UnitStatement)" 50

status_ms=$(median_ms "$BIN" status --ledger "$LEDGER" --json --units=false)
row "jiayuan status (whole process)" "$status_ms" 200
verify_ms=$(RUNS=1 median_ms "$BIN" verify --ledger "$LEDGER")
row "jiayuan verify (whole process)" "$verify_ms" 5000
year=$(sqlite3 "$LEDGER" "SELECT MAX(year) - 1 FROM vouchers")
jr_ms=$(RUNS=1 median_ms "$BIN" report --ledger "$LEDGER" --kind journal --book fund --from "$year-01-01" --to "$year-12-31" --format pdf --out "$WORK/journal.pdf")
row "year's journal PDF (fund, $year)" "$jr_ms" 10000
us_ms=$(RUNS=1 median_ms "$BIN" report --ledger "$LEDGER" --kind unit-statements --from "$year-01-01" --to "$year-12-31" --format pdf --out "$WORK/units.pdf")
row "all 5,000 per-unit statements PDF" "$us_ms" 30000
peak=0
for cmd in "status --ledger $LEDGER --json" "verify --ledger $LEDGER" \
  "report --ledger $LEDGER --kind unit-statements --from $year-01-01 --to $year-12-31 --format pdf --out $WORK/u2.pdf"; do
  # shellcheck disable=SC2086
  m=$(peak_mb "$BIN" $cmd)
  [ "$m" -gt "$peak" ] && peak=$m
done
row "peak memory (status, verify, statements)" "$peak" 300 MB

echo "bench: hledger on the same data"
"$BIN" export --ledger "$LEDGER" --format ledger --out "$WORK/books.journal" >/dev/null
hl_ms=$(RUNS=1 median_ms hledger -f "$WORK/books.journal" balance -N --flat)
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
row "hledger balance, same data" "$hl_ms" -
ROWS+=("$(printf '%-44s %12s %12s  %s' "hledger ÷ jiayuan status" "${ratio}x" ">= 10x" "$([ "$(echo "$ratio >= 10" | bc -l)" = 1 ] && echo ok || { fail=1; echo MISSED; })")")

echo
printf '%-44s %12s %12s  %s\n' "measure (5,000 units, 20 years)" "measured" "target" ""
printf '%s\n' "${ROWS[@]}"
exit $fail
