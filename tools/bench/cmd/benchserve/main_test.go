package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/backlight-wiki/backlight/internal/corpus"
)

// TestMain lets the test binary stand in for a server: with
// BENCHSERVE_FAKE_SITE set, "fake-serve" serves that site as fakeServer
// does and "version" prints a version.
func TestMain(m *testing.M) {
	if dir := os.Getenv("BENCHSERVE_FAKE_SITE"); dir != "" && len(os.Args) == 2 {
		switch os.Args[1] {
		case "version":
			fmt.Println("fake 1.0")
			return
		case "fake-serve":
			fakeServer(dir)
			return
		}
	}
	os.Exit(m.Run())
}

// fakeServer prints its address as backlight serve does and serves every
// page from its Markdown file (fakePage), and the home page with the title
// in site.toml; it serves a changed page from 5 ms after it first rendered
// it, then prints a rebuild line, and stops on an interrupt.
func fakeServer(dir string) {
	l, err := net.Listen("tcp", bind+":0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var mu sync.Mutex
	last := map[string]string{}       // what the fake serves at each path
	changed := map[string]time.Time{} // when it first rendered a new version
	title := regexp.MustCompile(`(?m)^title\s*=\s*"([^"]*)"`)
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		file := filepath.Join(dir, "site.toml")
		if r.URL.Path != "/" {
			file = filepath.Join(dir, "content", filepath.FromSlash(strings.Trim(r.URL.Path, "/"))+".md")
			if _, err := os.Stat(file); err != nil {
				file = filepath.Join(strings.TrimSuffix(file, ".md"), "_index.md")
			}
		}
		data, err := os.ReadFile(file)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		page := ""
		if r.URL.Path == "/" {
			m := title.FindSubmatch(data)
			if m == nil {
				http.Error(w, "no title", 500)
				return
			}
			page = fmt.Sprintf("<html><head><title>%s</title></head><body>home</body></html>", m[1])
		} else {
			page = fakePage(dir, data)
		}
		mu.Lock()
		defer mu.Unlock()
		if old, seen := last[r.URL.Path]; !seen {
			last[r.URL.Path] = page
		} else if old != page {
			if changed[r.URL.Path].IsZero() {
				changed[r.URL.Path] = time.Now()
			}
			if time.Since(changed[r.URL.Path]) < 5*time.Millisecond {
				page = old // not yet "rebuilt"
			} else {
				fmt.Printf("rebuilt 1 page in 2ms\n")
				last[r.URL.Path] = page
				delete(changed, r.URL.Path)
			}
		}
		io.WriteString(w, page)
	})
	srv := &http.Server{Handler: handler}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	go func() {
		<-stop
		srv.Close()
	}()
	fmt.Printf("built 3 pages in 1.5ms; serving http://%s/ (Ctrl-C stops)\n", l.Addr())
	_ = srv.Serve(l)
}

// fakePage is a page as the fake serves it: the top-level front-matter
// values as facts (<dt>Status</dt><dd>idea</dd>; a flow list as <li>
// items), the titles of the items whose parent is this page's id, then
// the file as it is.
func fakePage(dir string, data []byte) string {
	var b strings.Builder
	b.WriteString("<html><head><title>page</title></head><body><dl>")
	for _, line := range strings.Split(string(frontMatter(data)), "\n") {
		key, value, ok := strings.Cut(line, ": ")
		if !ok || key == "" || strings.HasPrefix(key, " ") {
			continue
		}
		label := strings.ToUpper(key[:1]) + key[1:]
		if list, ok := strings.CutPrefix(value, "["); ok {
			b.WriteString("<dt>" + label + "</dt><dd><ol>")
			for _, v := range strings.Split(strings.TrimSuffix(list, "]"), ",") {
				b.WriteString("<li>" + strings.TrimSpace(v) + "</li>")
			}
			b.WriteString("</ol></dd>")
			continue
		}
		b.WriteString("<dt>" + label + "</dt><dd>" + value + "</dd>")
	}
	b.WriteString("</dl><ul>")
	if id, ok := field(data, "id"); ok {
		files, _ := filepath.Glob(filepath.Join(dir, "content", "backlogs", "*", "*.md"))
		for _, f := range files {
			child, _ := os.ReadFile(f)
			if parent, _ := field(child, "parent"); parent == id {
				title, _ := field(child, "title")
				b.WriteString("<li>" + title + "</li>")
			}
		}
	}
	b.WriteString("</ul>")
	b.Write(data)
	return b.String()
}

func TestMeasureToolAgainstAFakeServer(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a corpus and starts a server")
	}
	dir := t.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Pages: corpus.MinPages, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	tr, err := pickTargets(dir, "", "")
	if err != nil {
		t.Fatal(err)
	}
	edited := []string{filepath.Join(dir, "content", tr.role), filepath.Join(dir, "content", tr.item),
		filepath.Join(dir, "content", filepath.Dir(tr.item), "_index.md"), filepath.Join(dir, "site.toml")}
	var before [][]byte
	for _, f := range edited {
		data, _ := os.ReadFile(f)
		before = append(before, data)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("BENCHSERVE_FAKE_SITE", dir)
	fake := tool{name: "Fake", binary: self, config: "site.toml", urlMark: "serving ",
		args: func(string, int) []string { return []string{"fake-serve"} }}
	cfg := config{rounds: 3, gap: 10 * time.Millisecond, poll: time.Millisecond, timeout: 5 * time.Second,
		start: 30 * time.Second, write: writeInPlace}
	for _, mode := range []string{writeInPlace, writeRename} {
		cfg.write = mode
		var progress bytes.Buffer
		res, err := measureTool(context.Background(), cfg, fake, tr, &progress)
		if err != nil {
			t.Fatalf("%s: %v\n%s", mode, err, progress.String())
		}
		if res.built != 1500*time.Microsecond {
			t.Errorf("first build %v, want 1.5ms", res.built)
		}
		var kinds []string
		for _, k := range res.kinds {
			kinds = append(kinds, k.kind)
		}
		if want := []string{"item body", "role body", "item status", "item estimate", "item parent", "backlog order", "site title"}; !slices.Equal(kinds, want) {
			t.Fatalf("kinds of edit %q, want %q", kinds, want)
		}
		for _, k := range res.kinds {
			if len(k.samples) != 3 || k.failures() != 0 {
				t.Errorf("%s: %d samples, %d failed", k.kind, len(k.samples), k.failures())
			}
			for _, s := range k.samples {
				if s.latency < 5*time.Millisecond || s.latency > 5*time.Second {
					t.Errorf("%s %d: latency %v, want at least the fake's 5 ms", k.kind, s.n, s.latency)
				}
			}
			if sp := k.split(); len(sp.rebuild) != 3 || sp.rebuild[0] != 2*time.Millisecond || sp.perEdit != 1 {
				t.Errorf("%s: rebuilds %v", k.kind, sp.rebuild)
			}
		}
		for i, f := range edited {
			if after, _ := os.ReadFile(f); !bytes.Equal(before[i], after) {
				t.Errorf("%s: %s was not restored", mode, f)
			}
		}
		rep := report{cfg: cfg, results: []toolResult{res}}
		if md := rep.markdown(); !strings.Contains(md, "| item body | `/backlogs/") {
			t.Errorf("report lacks the item row:\n%s", md)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "content", "roles")); slices.ContainsFunc(entries, func(e os.DirEntry) bool {
		return strings.HasPrefix(e.Name(), ".")
	}) {
		t.Error("a temporary file of -write rename was left behind")
	}
}

func TestStartServerReportsAnEarlyExit(t *testing.T) {
	fake := tool{name: "Fake", binary: "/bin/sh", urlMark: "serving ",
		args: func(string, int) []string { return []string{"-c", "echo 'no site here' >&2; exit 3"} }}
	_, err := startServer(context.Background(), fake, t.TempDir(), 10*time.Second, newClient(), nil)
	if err == nil || !strings.Contains(err.Error(), "exited before serving") || !strings.Contains(err.Error(), "no site here") {
		t.Errorf("err = %v, want an early exit with the server's output", err)
	}
}

func TestSummarize(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		var ds []time.Duration
		for _, n := range ns {
			ds = append(ds, time.Duration(n)*time.Millisecond)
		}
		return ds
	}
	tests := []struct {
		in                []time.Duration
		median, p90, max_ time.Duration
	}{
		{in: nil},
		{in: ms(7), median: 7 * time.Millisecond, p90: 7 * time.Millisecond, max_: 7 * time.Millisecond},
		{in: ms(3, 1, 2), median: 2 * time.Millisecond, p90: 3 * time.Millisecond, max_: 3 * time.Millisecond},
		{in: ms(4, 1, 3, 2), median: 2500 * time.Microsecond, p90: 4 * time.Millisecond, max_: 4 * time.Millisecond},
		// 20 values 1..20: the median is 10.5, the 90th percentile the 18th.
		{in: ms(20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1),
			median: 10500 * time.Microsecond, p90: 18 * time.Millisecond, max_: 20 * time.Millisecond},
		// 10 values: the 90th percentile is the 9th.
		{in: ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 100), median: 5500 * time.Microsecond, p90: 9 * time.Millisecond, max_: 100 * time.Millisecond},
	}
	for _, tt := range tests {
		orig := slices.Clone(tt.in)
		got := summarize(tt.in)
		if got.n != len(tt.in) || got.median != tt.median || got.p90 != tt.p90 || got.max != tt.max_ {
			t.Errorf("summarize(%v) = %+v, want median %v, p90 %v, max %v", tt.in, got, tt.median, tt.p90, tt.max_)
		}
		if !slices.Equal(orig, tt.in) {
			t.Errorf("summarize reordered its input")
		}
	}
}

func TestParseServeURL(t *testing.T) {
	tests := []struct {
		line, mark, want string
	}{
		{"built 10000 pages in 3.2s; serving http://127.0.0.1:41234/ (Ctrl-C stops)", "serving ", "http://127.0.0.1:41234/"},
		{"built 1 page in 9ms; serving http://127.0.0.1:8080 (Ctrl-C stops)", "serving ", "http://127.0.0.1:8080/"},
		{"Web Server is available at http://localhost:1313/ (bind address 127.0.0.1)", "Web Server is available at ", "http://127.0.0.1:1313/"},
		{"Web Server is available at //localhost:1313/", "Web Server is available at ", ""},
		{"rebuilt 1 page in 12ms", "serving ", ""},
		{"serving ", "serving ", ""},
		{"serving http://127.0.0.1/ (no port)", "serving ", ""},
	}
	for _, tt := range tests {
		got, ok := parseServeURL(tt.line, tt.mark)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("parseServeURL(%q) = %q, %v; want %q", tt.line, got, ok, tt.want)
		}
	}
}

func TestReportedTime(t *testing.T) {
	tests := []struct {
		line    string
		want    time.Duration
		initial bool
		ok      bool
	}{
		{"built 10000 pages in 3.2s; serving http://127.0.0.1:41234/ (Ctrl-C stops)", 3200 * time.Millisecond, true, true},
		{"rebuilt 1 page in 12.5ms", 12500 * time.Microsecond, false, true},
		{"rebuilt content/roles/in-out.md in 4ms (1 page)", 4 * time.Millisecond, false, true},
		{"Built in 726 ms", 726 * time.Millisecond, true, true},
		{"Total in 72 ms", 72 * time.Millisecond, false, true},
		{"Rebuilt in 756 ms", 756 * time.Millisecond, false, true},
		{"Change detected, rebuilding site.", 0, false, false},
		{"rebuilt nothing", 0, false, false},
		{"Source changed WRITE \"/tmp/x/content/built in.md\"", 0, false, false},
	}
	for _, tt := range tests {
		got, initial, ok := reportedTime(tt.line)
		if got != tt.want || initial != tt.initial || ok != tt.ok {
			t.Errorf("reportedTime(%q) = %v, %v, %v; want %v, %v, %v", tt.line, got, initial, ok, tt.want, tt.initial, tt.ok)
		}
	}
}

func TestLineLog(t *testing.T) {
	var echo bytes.Buffer
	l := &lineLog{echo: &echo, prefix: "> "}
	io.WriteString(l, "one\ntw")
	io.WriteString(l, "o\r\nthree")
	if l.len() != 2 {
		t.Fatalf("%d lines, want 2", l.len())
	}
	if got := l.since(1); len(got) != 1 || got[0].text != "two" {
		t.Errorf("since(1) = %v", got)
	}
	if got := l.since(5); len(got) != 0 {
		t.Errorf("since(5) = %v", got)
	}
	if got := l.tail(1); got != "two\nthree" {
		t.Errorf("tail(1) = %q", got)
	}
	if echo.String() != "> one\n> two\n" {
		t.Errorf("echo = %q", echo.String())
	}
}

func TestAppendMarker(t *testing.T) {
	for _, page := range []string{"---\ntitle: X\n---\nBody.\n", "---\ntitle: X\n---\nBody.", "---\ntitle: X\n---\nBody.\n\n\n"} {
		in := []byte(page)
		got := string(appendMarker(in, "Bench edit 3 00ff00ff"))
		if want := "---\ntitle: X\n---\nBody.\n\nBench edit 3 00ff00ff.\n"; got != want {
			t.Errorf("appendMarker(%q) = %q, want %q", page, got, want)
		}
		if string(in) != page {
			t.Errorf("appendMarker changed its input to %q", in)
		}
	}
}

func TestNewMarker(t *testing.T) {
	a, b := newMarker(17), newMarker(17)
	if a == b || !regexp.MustCompile(`^Bench edit 17 [0-9a-f]{8}$`).MatchString(a) {
		t.Errorf("newMarker(17) = %q, then %q: want distinct markers", a, b)
	}
}

func TestSetTitle(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{in: "# site\ntitle   = \"Backlight benchmark corpus\"\nbaseURL = \"x\"\n", want: "# site\ntitle   = \"NEW\"\nbaseURL = \"x\"\n"},
		{in: "baseURL = 'x'\ntitle='old'\n[params]\n  title = \"p\"\n", want: "baseURL = 'x'\ntitle=\"NEW\"\n[params]\n  title = \"p\"\n"},
		{in: "title = \"say \\\"hi\\\"\" # note\n", want: "title = \"NEW\" # note\n"},
		{in: "[params]\ntitle = \"p\"\n", wantErr: true},
		{in: "subtitle = \"x\"\n", wantErr: true},
	}
	for _, tt := range tests {
		got, err := setTitle([]byte(tt.in), "NEW")
		if tt.wantErr {
			if err == nil {
				t.Errorf("setTitle(%q) = %q, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || string(got) != tt.want {
			t.Errorf("setTitle(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if _, err := setTitle([]byte("title = \"x\"\n"), `a "quoted" title`); err == nil {
		t.Error("setTitle took a title that needs escaping")
	}
}

func TestTitleOf(t *testing.T) {
	if got := string(titleOf([]byte("<html><head><title>Product Owner · Bench edit 1 ab</title><meta"))); got != "Product Owner · Bench edit 1 ab" {
		t.Errorf("titleOf = %q", got)
	}
	if got := titleOf([]byte("<p>Bench edit 1 ab</p>")); got != nil {
		t.Errorf("titleOf a page without title = %q", got)
	}
}

func TestPageURL(t *testing.T) {
	for in, want := range map[string]string{
		"roles/product-owner.md":        "/roles/product-owner/",
		"backlogs/team-alpha/tbi-1.md":  "/backlogs/team-alpha/tbi-1/",
		"backlogs/team-alpha/_index.md": "/backlogs/team-alpha/",
		"_index.md":                     "/",
	} {
		if got := pageURL(in); got != want {
			t.Errorf("pageURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNaturalCompare(t *testing.T) {
	names := []string{"tbi-10.md", "tbi-2.md", "tbi-1.md", "tbi-100.md", "tbi-02b.md", "a.md", "tbi.md"}
	slices.SortFunc(names, naturalCompare)
	want := []string{"a.md", "tbi-1.md", "tbi-2.md", "tbi-02b.md", "tbi-10.md", "tbi-100.md", "tbi.md"}
	if !slices.Equal(names, want) {
		t.Errorf("sorted %v, want %v", names, want)
	}
}

func TestPickTargets(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.Write(dir, corpus.Options{Pages: corpus.MinPages, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	tr, err := pickTargets(dir, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if tr.role != "roles/product-owner.md" || !regexp.MustCompile(`^backlogs/team-[a-z]+/tbi-\d+\.md$`).MatchString(tr.item) {
		t.Errorf("picked %q and %q", tr.item, tr.role)
	}
	if _, err := pickTargets(dir, "backlogs/none.md", ""); err == nil {
		t.Error("pickTargets took an item that does not exist")
	}
}

func TestParseFlags(t *testing.T) {
	cfg, err := parseFlags(nil, io.Discard)
	if err != nil || cfg.pages != 10000 || cfg.rounds != 20 || cfg.gap != 200*time.Millisecond || cfg.timeout != 30*time.Second || cfg.write != writeInPlace {
		t.Errorf("defaults: %+v, %v", cfg, err)
	}
	for _, args := range [][]string{
		{"-pages", "10"}, {"-rounds", "0"}, {"-timeout", "0s"}, {"-write", "append"}, {"-gap", "-1s"}, {"extra"},
	} {
		if _, err := parseFlags(args, io.Discard); err == nil {
			t.Errorf("parseFlags(%q) took it", args)
		}
	}
}

func TestMissingBinaryIsAClearError(t *testing.T) {
	cfg, _ := parseFlags([]string{"-backlight", filepath.Join(t.TempDir(), "nothing"), "-hugo", "none", "-out", t.TempDir()}, io.Discard)
	err := measure(context.Background(), cfg, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "backlight binary") || !strings.Contains(err.Error(), "make build") {
		t.Errorf("err = %v", err)
	}
}
