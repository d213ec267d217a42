# ropa: the two commands a fresh machine needs are `make run` and `make test`.
# Both install what they need (Go modules, poppler-utils for the PDF
# read-back tests, Debian's chromium for the browser tests of `ropa serve`
# and of the HTML outputs, axe-core from npm for the accessibility checks)
# through the project's own targets.

GO       ?= go
BIN      := bin/ropa
EXAMPLES := $(sort $(dir $(wildcard examples/*/*.cue examples/*/*.yaml)))
OUT      := out

# dist: the release binaries, stamped with the version and the commit.
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
COMMIT    ?= $(shell git rev-parse HEAD 2>/dev/null)
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
DIST      := dist
LDFLAGS   := -s -w -X github.com/ropa-dev/ropa/cmd/ropa/cmd.Version=$(VERSION) -X github.com/ropa-dev/ropa/cmd/ropa/cmd.Commit=$(COMMIT)
# ropa-OS-ARCH, with .exe on Windows
dist_name = $(DIST)/ropa-$(subst /,-,$(1))$(if $(findstring windows,$(1)),.exe)

.PHONY: run test golden build deps tools bench bench-check fuzz clean dist dist-files dist-ldflags

## build: compile the ropa binary into bin/
build:
	$(GO) build -o $(BIN) ./cmd/ropa

## run: build ropa and render every example: notices into out/<example>/public/,
## the register and export into out/<example>/internal/
run: build
	@set -e; for d in $(EXAMPLES); do \
		d=$${d%/}; name=$$(basename $$d); \
		./$(BIN) build $$d --out $(OUT)/$$name/public --internal $(OUT)/$$name/internal --quiet; \
	done

## deps: Go modules, and the Debian packages the tests need
deps: tools
	$(GO) mod download

tools:
	@command -v pdftotext >/dev/null 2>&1 || { \
		echo "installing poppler-utils (pdftotext, pdfinfo) for the PDF tests"; \
		SUDO=$$(command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq poppler-utils; }
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing chromium for the browser test of ropa serve"; \
		SUDO=$$(command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }
	@command -v npm >/dev/null 2>&1 || { \
		echo "installing nodejs and npm, to install axe-core for the accessibility tests"; \
		SUDO=$$(command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm; }
	@test -f node_modules/axe-core/axe.min.js || { \
		echo "installing axe-core (package.json) for the accessibility tests"; \
		npm ci --no-audit --no-fund || npm install --no-audit --no-fund; }

## test: the whole suite (unit, golden, script, fuzz seeds); it compares
## with the golden files even when ROPA_UPDATE is set in the environment
test: deps
	$(GO) vet ./...
	ROPA_UPDATE= $(GO) test ./...

## golden: rewrite every golden file and script's expected output from the
## current output (ROPA_UPDATE=1 go test ./...); review with git diff
golden:
	ROPA_UPDATE=1 $(GO) test ./...

## bench: benchmarks of loading, linting, rendering and diffing, as a table
bench:
	$(GO) test -run '^$$' -bench . -benchtime 3x -benchmem ./... | tee bench.out | \
		awk '/^Benchmark/ { printf "%-60s %14s %s %14s %s %12s %s\n", $$1, $$3, $$4, $$5, $$6, $$7, $$8 }'

## bench-check: ropa check against cue vet -c, and ropa build against cue export, on the
## same synthetic models at 500 to 5,000 activities: wall, CPU and peak memory, medians
## of 5 alternating runs, as two tables
bench-check:
	@command -v /usr/bin/time >/dev/null 2>&1 || { \
		SUDO=$$(command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo); \
		$$SUDO apt-get install -y -qq time; }
	scripts/bench-check.sh 5

## fuzz: run each fuzz target for a short while
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime 30s ./ropa/
	$(GO) test -run '^$$' -fuzz '^FuzzLoadPaths$$' -fuzztime 30s ./ropa/
	$(GO) test -run '^$$' -fuzz FuzzImportCSV -fuzztime 30s ./ropa/importer/

## dist: static binaries for every platform into dist/, with SHA256SUMS
dist:
	rm -rf $(DIST)
	mkdir -p $(DIST)
	$(foreach p,$(PLATFORMS),CGO_ENABLED=0 GOOS=$(word 1,$(subst /, ,$(p))) GOARCH=$(word 2,$(subst /, ,$(p))) \
		$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(call dist_name,$(p)) ./cmd/ropa &&) true
	cd $(DIST) && sha256sum $(notdir $(foreach p,$(PLATFORMS),$(call dist_name,$(p)))) > SHA256SUMS

## dist-files: the files make dist writes, one a line
dist-files:
	@$(foreach p,$(PLATFORMS),echo $(call dist_name,$(p));) echo $(DIST)/SHA256SUMS

## dist-ldflags: the linker flags that stamp the version and commit
dist-ldflags:
	@echo '$(LDFLAGS)'

clean:
	rm -rf $(BIN) $(OUT) $(DIST) bench.out node_modules
