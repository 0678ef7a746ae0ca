# Backlight: build the example site, the binary, run the tests and benchmarks.
# Needs only Go; `make bench` also times Hugo when `hugo` is installed.
GO      ?= go
BIN     := bin/backlight
SIZES   ?= 1000,10000
SEARCH_PAGES ?= 10000
SEARCH_OUT   ?= $${TMPDIR:-/tmp}/backlight-bench-search
SERVE_PAGES  ?= 10000
SERVE_OUT    ?= $${TMPDIR:-/tmp}/backlight-bench-serve

.PHONY: site build test check bench bench-search bench-serve serve clean fuzz

site: build            ## build the example site in content/ into public/
	$(BIN) build -s . -d public

build:                 ## build the binary into bin/
	$(GO) build -o $(BIN) ./generator/cmd/backlight

test:                  ## go vet and every test
	$(GO) vet ./...
	$(GO) test ./...

check: build           ## validate the example site, write nothing
	$(BIN) check -s .

bench: build           ## build generated sites of $(SIZES) pages, against Hugo where installed
	$(GO) run ./generator/cmd/benchbuild -backlight $(BIN) -sizes $(SIZES)

bench-search: build    ## Backlight's search against Pagefind on a generated site of $(SEARCH_PAGES) pages: index, first-query download, quality; report in $(SEARCH_OUT) (needs npm and chromium)
	$(GO) run ./generator/cmd/benchsearch -backlight $(BIN) -pages $(SEARCH_PAGES) -out "$(SEARCH_OUT)"

bench-serve: build     ## edit-to-visible latency of `backlight serve` on a generated site of $(SERVE_PAGES) pages (item, role, site.toml; 20 edits each), against `hugo server` where installed; report in $(SERVE_OUT)
	$(GO) run ./generator/cmd/benchserve -backlight $(BIN) -pages $(SERVE_PAGES) -out "$(SERVE_OUT)"

fuzz:                  ## run each fuzz target for 300,000 inputs (a count, not a duration: go1.26 can end a timed run with a false "context deadline exceeded")
	$(GO) test ./generator/content -run '^$$' -fuzz FuzzLoad -fuzztime 300000x
	$(GO) test ./generator/markdown -run '^$$' -fuzz FuzzRender -fuzztime 300000x
	$(GO) test ./generator/config -run '^$$' -fuzz FuzzParse -fuzztime 300000x
	$(GO) test ./generator/serve -run '^$$' -fuzz FuzzSiteName -fuzztime 300000x
	$(GO) test ./generator/markdown -run '^$$' -fuzz FuzzSlug -fuzztime 300000x
	$(GO) test ./generator/graph -run '^$$' -fuzz FuzzLookup -fuzztime 300000x

serve: build           ## preview the example site at http://127.0.0.1:1313/, rebuilt and reloaded as you save
	$(BIN) serve -s .

clean:                 ## remove build output
	rm -rf bin public
