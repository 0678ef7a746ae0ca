# Backlight: build the example site, the binary, run the tests and benchmarks.
# Needs only Go. The benchmark commands live in their own module, tools/bench
# (docs/benchmarks.md); they measure against Hugo 0.165.0: HUGO names a
# binary (HUGO=none: Backlight alone), else hugo on PATH when it is 0.165.0
# or later, else a build of it that the first run makes from source with
# `go install` (minutes) into ~/.cache/backlight/hugo-0.165.0.
GO      ?= go
BIN     := bin/backlight
SIZES   ?= 10000,50000
HUGO    ?=
SEARCH_PAGES ?= 10000
SEARCH_OUT   ?= $${TMPDIR:-/tmp}/backlight-bench-search
SERVE_PAGES  ?= 10000
SERVE_OUT    ?= $${TMPDIR:-/tmp}/backlight-bench-serve
LANG_PAGES   ?= 10000
# make site gives the example a history (internal/examplehistory): a copy
# of the site in a repository of its own, EXAMPLE_REPO, whose commits
# lead up to EXAMPLE_NOW, the day the example's releases are planned
# around; the site is built as of that day.
EXAMPLE_NOW  ?= 2026-12-07
EXAMPLE_REPO ?= $${TMPDIR:-/tmp}/backlight-example
HISTORY_PAGES   ?= 10000
HISTORY_COMMITS ?= 20000
FUZZTIME     ?= 30s
FUZZBIN      ?= $${TMPDIR:-/tmp}/backlight-fuzz
TIMEOUT      ?= timeout
MODULE       := github.com/backlight-wiki/backlight
# The packages that run goroutines are tested under the race detector
# (once: not also without it). It needs cgo and a C compiler; without
# them make test runs those packages without it and says so, unless
# BACKLIGHT_RACE=require (as .ci/run sets), which makes that an error.
# generator/site takes 6 to 7 minutes of it on 2 quiet cores, half of that
# the Lighthouse gate; -timeout 20m keeps a busy machine from stopping it
# at go test's default 10 minutes.
RACE_PKGS    := ./generator/site ./generator/serve ./generator/watch ./generator/search ./generator/workers ./generator/outdir ./generator/cmd/backlight

.PHONY: site build test golden gates check pgo bench bench-stages bench-cores bench-search bench-serve bench-languages bench-history serve clean fuzz lighthouse

site: build            ## build the example site into public/: content/ with a made-up past in a git repository of its own, as of $(EXAMPLE_NOW)
	$(GO) run ./internal/cmd/examplehistory -src . -out $(EXAMPLE_REPO) -now $(EXAMPLE_NOW)
	$(BIN) build -s $(EXAMPLE_REPO) -d public --now $(EXAMPLE_NOW)

build:                 ## build the binary into bin/
	$(GO) build -o $(BIN) ./generator/cmd/backlight

test:                  ## go vet and every test, those of the concurrent packages under -race, then those of tools/bench
	$(GO) vet ./...
	@race=-race; \
	if [ "$$($(GO) env CGO_ENABLED)" != 1 ] || ! command -v "$$($(GO) env CC | cut -d' ' -f1)" >/dev/null 2>&1; then \
		if [ "$$BACKLIGHT_RACE" = require ]; then echo "make test: the race detector needs cgo and a C compiler (Debian: apt-get install gcc)"; exit 1; fi; \
		echo "make test: no C compiler, so the race detector is off (install gcc to turn it on)"; race=""; \
	fi; \
	echo "$(GO) test $$race -timeout 20m $(RACE_PKGS)"; $(GO) test $$race -timeout 20m $(RACE_PKGS)
	$(GO) test $$($(GO) list ./... | grep -v -x $(foreach p,$(RACE_PKGS),-e '$(MODULE)/$(patsubst ./%,%,$(p))'))
	$(GO) -C tools/bench vet ./...
	$(GO) -C tools/bench test ./...
	@$(MAKE) --no-print-directory gates

# golden runs, with -update, exactly the packages whose tests import
# generator/internal/golden, which defines the flag: go test ./... -update
# would fail in every other package, since their test binaries do not
# know the flag.
golden:                ## rewrite the expected output of golden tests (testdata, docs/configuration.md); review the diff
	$(GO) test $$($(GO) list -f '{{.ImportPath}} {{join .TestImports " "}} {{join .XTestImports " "}}' ./... | awk '/\/generator\/internal\/golden( |$$)/ && $$1 !~ /internal\/golden$$/ {print $$1}') -update

# gates says which of the independent gates the tests skipped, and why:
# they skip (t.Skip) when a tool is missing, which go test prints only
# with -v. Under BACKLIGHT_E2E=require (.ci/run) a missing tool fails the
# tests instead, so nothing is skipped there.
gates:                 ## say which independent gates (html-validate, axe, Lighthouse, LinkChecker, Chromium) make test skipped and why
	@skipped=0; \
	hv="$${HTML_VALIDATE_BIN:-$$HOME/.cache/backlight/html-validate/node_modules/.bin/html-validate}"; \
	if [ ! -f "$$hv" ]; then skipped=1; echo "skipped: html-validate gate (HTML_VALIDATE_BIN not set and $$hv missing; .ci/run installs it)"; fi; \
	axe="$${AXE_CORE_JS:-$$HOME/.cache/backlight/axe-core/node_modules/axe-core/axe.min.js}"; \
	if [ ! -f "$$axe" ]; then skipped=1; echo "skipped: axe accessibility gate (AXE_CORE_JS not set and $$axe missing; .ci/run installs it)"; fi; \
	lh="$${LIGHTHOUSE_BIN:-$$HOME/.cache/backlight/lighthouse/node_modules/.bin/lighthouse}"; \
	if [ ! -f "$$lh" ]; then skipped=1; echo "skipped: Lighthouse gate (LIGHTHOUSE_BIN not set and $$lh missing; .ci/run installs it)"; fi; \
	if [ -z "$$LINKCHECKER_BIN" ] && ! command -v linkchecker >/dev/null 2>&1; then skipped=1; echo "skipped: LinkChecker gate (LINKCHECKER_BIN not set and no linkchecker on PATH; .ci/run installs it)"; fi; \
	if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1; then \
		skipped=1; echo "skipped: browser tests and the axe gate (no chromium, chromium-browser or google-chrome on PATH; Debian: apt-get install chromium; .ci/run installs it)"; fi; \
	if [ $$skipped = 0 ]; then echo "gates: html-validate, axe, Lighthouse, LinkChecker and the browser tests ran"; fi

lighthouse:            ## the Lighthouse gate alone, LIGHTHOUSE_RUNS (3) runs per page and preset one at a time, with every page's numbers and median performance score
	LIGHTHOUSE_RUNS=$${LIGHTHOUSE_RUNS:-3} LIGHTHOUSE_PARALLEL=$${LIGHTHOUSE_PARALLEL:-1} $(GO) test ./generator/site -run '^TestLighthouse$$' -count=1 -v

check: build           ## validate the example site, write nothing
	$(BIN) check -s .

bench: build           ## whole builds of generated sites of $(SIZES) pages on tmpfs and on disk against Hugo 0.165 (HUGO), and an earlier Backlight binary (BASELINE) when given, in rounds: medians, ratios, targets
	$(GO) -C tools/bench run ./cmd/benchbuild -backlight "$(CURDIR)/$(BIN)" -hugo "$(HUGO)" -sizes $(SIZES) $(if $(BASELINE),-baseline "$(abspath $(BASELINE))")

pgo:                   ## profile builds of the 10,000-page benchmark tree, in one language and in two (BenchmarkBuild, BenchmarkBuildTranslated), into the binary's profile for profile-guided optimisation, generator/cmd/backlight/default.pgo, which go build uses
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(GO) test ./generator/site -run '^$$' -bench '^BenchmarkBuild(Translated)?$$/^10000$$' -benchtime 2x -cpuprofile "$$tmp/cpu.pgo" -o "$$tmp/site.test" && \
	mv "$$tmp/cpu.pgo" generator/cmd/backlight/default.pgo && echo "wrote generator/cmd/backlight/default.pgo"

bench-stages:          ## where a 10,000-page build spends its CPU, stage by stage, from a CPU profile of BenchmarkBuild; STAGES_ROOTS="/tmp/old ../.." compares checkouts
	$(GO) -C tools/bench run ./cmd/benchstages $(foreach r,$(or $(STAGES_ROOTS),$(CURDIR)),-root "$(abspath $(r))")

bench-cores:           ## how many cores each stage of a 10,000-page build keeps busy, from an execution trace of BenchmarkBuild; CORES_ROOTS="/tmp/old ../.." compares checkouts
	$(GO) -C tools/bench run ./cmd/benchcores $(foreach r,$(or $(CORES_ROOTS),$(CURDIR)),-root "$(abspath $(r))")

bench-search: build    ## Backlight's search against Pagefind on a generated site of $(SEARCH_PAGES) pages: index, first-query download, quality; report in $(SEARCH_OUT) (needs npm and chromium)
	$(GO) -C tools/bench run ./cmd/benchsearch -backlight "$(CURDIR)/$(BIN)" -pages $(SEARCH_PAGES) -out "$(SEARCH_OUT)"

bench-languages: build ## a generated site of $(LANG_PAGES) pages with every page translated into German against the same site in one language: medians of 5 builds each and the ratio (target at most 2.1)
	$(GO) -C tools/bench run ./cmd/benchlang -backlight "$(CURDIR)/$(BIN)" -pages $(LANG_PAGES)

bench-history: build   ## what reading the git history costs a build: a generated site of $(HISTORY_PAGES) pages with $(HISTORY_COMMITS) commits, without history, read whole and kept (medians of 5; targets under 25 % and 3 %)
	$(GO) -C tools/bench run ./cmd/benchhistory -backlight "$(CURDIR)/$(BIN)" -pages $(HISTORY_PAGES) -commits $(HISTORY_COMMITS)

bench-serve: build     ## edit-to-visible latency of `backlight serve` on a generated site of $(SERVE_PAGES) pages (bodies, status, estimate, parent, backlog order, site.toml; 20 edits each) against `hugo server` 0.165 (HUGO); report in $(SERVE_OUT)
	$(GO) -C tools/bench run ./cmd/benchserve -backlight "$(CURDIR)/$(BIN)" -hugo "$(HUGO)" -pages $(SERVE_PAGES) -out "$(SERVE_OUT)"

# fuzz stops a timed run with SIGINT from timeout(1) (GNU coreutils; on macOS
# `make fuzz TIMEOUT=gtimeout`) instead of `-fuzztime 30s`: go1.26's fuzzing
# coordinator can end a -fuzztime run with a false "context deadline
# exceeded" (golang/go#75804: its deadline and the cancellation of its
# workers race, worst on a loaded machine; fixed in go1.27), whereas an
# interrupt is a documented clean stop whose error Go always filters out.
# The signal goes to the coordinator alone (--foreground), which then stops
# its workers: sent to the whole process group, it can reach a worker first,
# which exits cleanly, and the coordinator records the input it was running
# as a false crasher ("fuzzing process hung or terminated unexpectedly:
# <nil>"). Each package's fuzzing test binary is built first (go test -c
# -fuzz), so that FUZZTIME is spent fuzzing, and runs in its package's
# folder: a failing input lands in that package's testdata/fuzz/FuzzX/, new
# interesting inputs in the same cache as `go test -fuzz`. A count,
# FUZZTIME=300000x, goes to -fuzztime as it is (no deadline, no race).
# Targets are found, not listed: every func Fuzz... in a _test.go file under
# generator/. One failing target does not stop the others; the exit status
# says whether any failed.
fuzz:                  ## run every fuzz target under generator/ for $(FUZZTIME) each (FUZZTIME=5m, or a count: 300000x)
	@bin=$(FUZZBIN); mkdir -p "$$bin" && bin=$$(cd "$$bin" && pwd) || exit 1; failed=""; \
	case "$(FUZZTIME)" in \
	*x) stop=""; limit="-test.fuzztime=$(FUZZTIME)" ;; \
	*) stop="$(TIMEOUT) --foreground --preserve-status -k 1m -s INT $(FUZZTIME)"; limit="" ;; \
	esac; \
	for dir in $$(grep -l '^func Fuzz' $$(find generator -name '*_test.go') | xargs -n1 dirname | sort -u); do \
		pkg=$$($(GO) list ./$$dir) && exe="$$bin/$$(echo $$dir | tr / _).test" && \
		$(GO) test -c -fuzz . -o "$$exe" ./$$dir || { failed="$$failed $$dir"; continue; }; \
		for name in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$dir/*_test.go); do \
			echo "== $$name in $$dir for $(FUZZTIME)"; \
			(cd $$dir && $$stop "$$exe" -test.run='^$$' -test.fuzz="^$$name\$$" $$limit \
				-test.fuzzcachedir="$$($(GO) env GOCACHE)/fuzz/$$pkg") || failed="$$failed $$name"; \
		done; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: failed:$$failed"; exit 1; fi; echo "fuzz: every target passed"

serve: build           ## preview the example site at http://127.0.0.1:1313/, rebuilt and reloaded as you save
	$(BIN) serve -s .

clean:                 ## remove build output
	rm -rf bin public
