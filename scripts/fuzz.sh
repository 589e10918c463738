#!/usr/bin/env bash
# The fuzz targets of the parsers that read what people type and the files they import.
#   scripts/fuzz.sh                 each target for a fixed number of inputs (about 5 s each here)
#   FUZZTIME=10m scripts/fuzz.sh    each target for a time instead, for longer hunts
#
# Bounded by a count of inputs, not by time: go1.26's fuzz coordinator can report "context
# deadline exceeded" when a -fuzztime duration runs out while a worker is mid-input
# (go.dev/issue/75804, fixed in go1.27), a failure with no failing input behind it. A CI run
# failed that way; a count has no deadline to race. A real finding is written to the
# package's testdata/fuzz/ and replayed below, so it reproduces with plain `go test`.
set -euo pipefail
cd "$(dirname "$0")/.."

# package:target:inputs
TARGETS=(
  store/ledger:FuzzParseAmount:150000
  store/ledger:FuzzParseArea:150000
  store/ledger:FuzzParseDate:150000
  store/ledger:FuzzApportion:80000
  app/imports:FuzzReadCSV:15000
  app/imports:FuzzReadXLSX:20000
  app/imports:FuzzCSVRoundTrip:15000
)

# Every Fuzz function in the tree is in the list above, so a new one is not silently left out.
listed=" ${TARGETS[*]} "
for f in $(grep -rhoE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]+' store app | cut -d' ' -f2); do
  [[ $listed == *":$f:"* ]] || { echo "fuzz: $f is not in scripts/fuzz.sh's TARGETS; add it with a count of inputs" >&2; exit 1; }
done

LOG=$(mktemp "${TMPDIR:-/tmp}/jiayuan-fuzz.XXXXXX")
trap 'rm -f "$LOG"' EXIT

for t in "${TARGETS[@]}"; do
  IFS=: read -r pkg name count <<<"$t"
  budget=${FUZZTIME:-${count}x}
  echo "fuzz: $name ($budget)"
  if ! go test "./$pkg/" -run '^$' -fuzz "^$name\$" -fuzztime "$budget" -fuzzminimizetime 2s >"$LOG" 2>&1; then
    echo "fuzz: $name failed; the fuzzer said:"
    tail -25 "$LOG"
    echo "fuzz: replaying $name's seeds and any input it wrote to $pkg/testdata/fuzz/$name/:"
    go test "./$pkg/" -run "^$name\$" -v 2>&1 | grep -v -E '^\s*(=== RUN|--- PASS)' | tail -20
    exit 1
  fi
done
