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

# The parsers' fuzz targets, each for a fixed number of inputs; longer: make fuzz FUZZTIME=10m.
fuzz: dist-placeholder
	scripts/fuzz.sh

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
