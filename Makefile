# Jiayuan Ledger (家园账本)
#   make run    set up, build and start the app (on the demo ledger when you have none)
#   make test   set up and run every test: Go (gofmt, vet, test), frontend (types, unit), e2e, dist-check
#   make e2e    the built window under Xvfb, and browser tests against `wails dev`
#   make build  build/bin/jiayuan (wails build)
#   make bench  the performance tables on 5,000- and 20,000-unit, 20-year ledgers, beside hledger
#   make dist   build/bin: the Linux binary, the Windows program and its per-user installer
#   make dist-check  make dist, then check the three (scripts/check-dist.sh; part of make test)
SHELL := /usr/bin/env bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

GOPATH_BIN := $(shell go env GOPATH 2>/dev/null)/bin
export PATH := $(GOPATH_BIN):$(PATH)
export npm_config_update_notifier := false

# -m: no `go mod tidy` (the build must not rewrite go.mod); -nosyncgomod: leave its wails version alone.
WAILS_BUILD := wails build -m -nosyncgomod -nocolour

.PHONY: help setup run build test test-go fuzz test-frontend e2e window-shot bench bench-go dist-placeholder dist dist-check

help:
	@sed -n 's/^#   //p' Makefile

setup:
	@scripts/setup.sh

build: setup
	$(WAILS_BUILD)
	@chmod -R a-x+X frontend/src/wailsjs

run: build
	./build/bin/jiayuan --demo

# go:embed needs a file in frontend/dist; a fresh clone has only the tracked .gitkeep, or none.
dist-placeholder:
	@mkdir -p frontend/dist && touch frontend/dist/.gitkeep

test: setup dist-placeholder test-go fuzz test-frontend e2e dist-check

test-go: dist-placeholder
	@unformatted=$$({ git ls-files --cached --others --exclude-standard -z '*.go' 2>/dev/null || \
	  find . -name '*.go' -not -path '*/node_modules/*' -print0; } | xargs -0 -r gofmt -l); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed on:"; echo "$$unformatted"; exit 1; fi
	go vet ./...
	go test ./...

# The fuzz targets of the parsers that read what people type and the files they import, each for
# a bounded time (FUZZTIME); longer runs: make fuzz FUZZTIME=10m.
FUZZTIME ?= 8s
FUZZ_TARGETS := store/ledger:FuzzParseAmount store/ledger:FuzzParseArea store/ledger:FuzzApportion \
	app/imports:FuzzReadCSV app/imports:FuzzReadXLSX
fuzz: dist-placeholder
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz: $${t#*:} ($(FUZZTIME))"; \
	  go test ./$${t%%:*}/ -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s >/dev/null || \
	    { go test ./$${t%%:*}/ -run "^$${t#*:}$$" -v | tail -20; exit 1; }; \
	done

test-frontend:
	cd frontend && npm run --silent typecheck && npm test

e2e: build
	scripts/window-shot.sh
	scripts/e2e.sh

window-shot:
	scripts/window-shot.sh

# The bench tables of issues #6 and #16 on 5,000- and 20,000-unit, 20-year ledgers, made
# afresh (scripts/bench.sh: BENCH_SIZES, BENCH_REUSE); all Go benchmarks with `make bench-go`.
bench: setup dist-placeholder
	scripts/bench.sh

bench-go: dist-placeholder
	go test -run '^$$' -bench . ./...

# What goes to community offices (scripts/dist.sh): build/bin/jiayuan, jiayuan.exe,
# jiayuan-<version>-windows-setup.exe, THIRD-PARTY-NOTICES.txt.
dist: setup dist-placeholder
	scripts/dist.sh

dist-check: dist
	scripts/check-dist.sh
