package generator_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// allowed states DESIGN.md's package table as data: each package of the
// module may import the standard library, the module packages listed
// here, and the third-party modules listed here, nothing else.
var allowed = map[string][]string{
	"generator":               {},
	"generator/tomlpos":       {},
	"generator/workers":       {},
	"generator/outdir":        {"generator", "generator/workers"},
	"generator/feed":          {},
	"generator/safeurl":       {},
	"generator/config":        {"generator", "generator/tomlpos", "github.com/BurntSushi/toml"},
	"generator/content":       {"generator", "generator/tomlpos", "generator/workers", "github.com/adrg/frontmatter", "gopkg.in/yaml.v3", "github.com/BurntSushi/toml"},
	"generator/graph":         {"generator"},
	"generator/backlog":       {"generator"},
	"generator/svg":           {"generator", "generator/safeurl"},
	"generator/search":        {"golang.org/x/text", "github.com/rivo/uniseg", "github.com/kljensen/snowball", "github.com/blevesearch/snowballstem"},
	"generator/glossary":      {"generator"},
	"generator/i18n":          {"github.com/BurntSushi/toml"},
	"generator/history":       {},
	"generator/changes":       {"generator", "generator/backlog", "generator/content", "generator/history", "generator/workers"},
	"generator/forecast":      {},
	"generator/markdown":      {"generator", "generator/glossary", "generator/safeurl", "github.com/yuin/goldmark", "golang.org/x/text"},
	"generator/favicon":       {"golang.org/x/image"},
	"generator/render/views":  {"generator", "generator/changes", "generator/forecast", "generator/glossary", "generator/i18n", "generator/markdown", "generator/svg", "generator/backlog"},
	"generator/render/export": {"generator", "generator/backlog", "generator/changes", "generator/feed", "generator/i18n", "generator/render/views"},
	"generator/render":        {"generator", "generator/glossary", "generator/favicon", "generator/i18n", "generator/render/views", "generator/render/export"},
	"generator/site":          {"generator", "generator/workers", "generator/backlog", "generator/changes", "generator/forecast", "generator/history", "generator/config", "generator/content", "generator/glossary", "generator/graph", "generator/i18n", "generator/markdown", "generator/outdir", "generator/render", "generator/search", "themes", "github.com/tdewolff/minify/v2", "github.com/tdewolff/parse/v2", "golang.org/x/text"},
	"generator/serve":         {"github.com/coder/websocket"},
	"generator/cmd/backlight": {"generator", "generator/outdir", "generator/site", "generator/serve", "generator/watch", "generator/config", "generator/starter"},
	"generator/starter":       {},
	"generator/watch":         {"github.com/fsnotify/fsnotify"},
	"themes":                  {},
}

// buildPackages may not start processes or open network connections.
var buildPackages = []string{"generator", "generator/glossary", "generator/safeurl", "generator/tomlpos", "generator/workers", "generator/backlog", "generator/config", "generator/content",
	"generator/graph", "generator/markdown", "generator/outdir", "generator/render", "generator/render/views", "generator/render/export", "generator/site", "generator/feed", "generator/search", "generator/starter", "generator/favicon", "generator/changes", "generator/forecast"}

const module = "github.com/backlight-wiki/backlight/"

func TestPackagesImportOnlyWhatTheDesignAllows(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", module+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(fields[0], module)
		rules, ok := allowed[pkg]
		if !ok {
			if strings.HasPrefix(pkg, "generator/internal/") || strings.HasPrefix(pkg, "internal/") {
				continue // test helpers (browser, HTML checks, the benchmark corpus) are not part of the build
			}
			t.Errorf("package %s is not in the table of allowed imports; add it to DESIGN.md and here", pkg)
			continue
		}
		for _, imp := range fields[1:] {
			if isStd(imp) {
				if slices.Contains(buildPackages, pkg) && (imp == "os/exec" || imp == "net/http") {
					t.Errorf("%s imports %s; build packages neither start processes nor use the network", pkg, imp)
				}
				continue
			}
			if !permitted(strings.TrimPrefix(imp, module), rules) {
				t.Errorf("%s imports %s, which the design does not allow (allowed: %v)", pkg, imp, rules)
			}
		}
	}
}

func permitted(imp string, rules []string) bool {
	for _, r := range rules {
		if imp == r || strings.HasPrefix(imp, r+"/") {
			return true
		}
	}
	return false
}

// isStd reports whether an import path is the standard library's: its
// first element has no dot, unlike every module path.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
