package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// bind is the address both servers listen on.
const bind = "127.0.0.1"

// tool is a server to measure.
type tool struct {
	name      string // as the report names it
	binary    string
	config    string // the configuration file whose title is edited, relative to the site
	urlMark   string // what precedes the server's address in its output
	args      func(dir string, port int) []string
	needsPort bool // whether benchserve chooses the port (else -p 0)
}

// tools are the servers cfg asks for, Backlight first.
func tools(cfg config) []tool {
	var ts []tool
	if cfg.backlight != "" {
		ts = append(ts, tool{
			name:    "Backlight",
			binary:  cfg.backlight,
			config:  "site.toml",
			urlMark: "serving ",
			args: func(dir string, _ int) []string {
				return []string{"serve", "-s", dir, "--bind", bind, "-p", "0"}
			},
		})
	}
	if cfg.hugo != "" {
		ts = append(ts, tool{
			name:    "Hugo",
			binary:  cfg.hugo,
			config:  "hugo.toml",
			urlMark: "Web Server is available at ",
			// Its defaults otherwise, as users get them: pages rendered
			// to memory, fast render of the changed and visited pages.
			// Live reload only adds a script and a web socket, which the
			// polling client does not use.
			args: func(dir string, port int) []string {
				return []string{"server", "-s", dir, "--bind", bind, "--port", strconv.Itoa(port), "--disableLiveReload"}
			},
			needsPort: true,
		})
	}
	return ts
}

// logLine is a line a server printed, and when it came.
type logLine struct {
	at   time.Time
	text string
}

// lineLog collects a child's output line by line.
type lineLog struct {
	mu      sync.Mutex
	partial []byte
	lines   []logLine
	echo    io.Writer // when not nil, every line is copied here
	prefix  string
}

func (l *lineLog) Write(p []byte) (int, error) {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.partial = append(l.partial, p...)
	for {
		i := bytes.IndexByte(l.partial, '\n')
		if i < 0 {
			break
		}
		text := strings.TrimRight(string(l.partial[:i]), "\r")
		l.partial = l.partial[i+1:]
		l.lines = append(l.lines, logLine{at: now, text: text})
		if l.echo != nil {
			fmt.Fprintf(l.echo, "%s%s\n", l.prefix, text)
		}
	}
	return len(p), nil
}

// len is the number of complete lines so far.
func (l *lineLog) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.lines)
}

// since is the lines from the i-th on.
func (l *lineLog) since(i int) []logLine {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]logLine(nil), l.lines[min(i, len(l.lines)):]...)
}

// tail is the last n lines, with what is left of an unfinished one.
func (l *lineLog) tail(n int) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var b strings.Builder
	for _, ln := range l.lines[max(0, len(l.lines)-n):] {
		b.WriteString(ln.text + "\n")
	}
	b.Write(l.partial)
	return strings.TrimRight(b.String(), "\n")
}

// server is a running server process.
type server struct {
	tool    tool
	cmd     *exec.Cmd
	out     *lineLog // stdout
	errs    *lineLog // stderr
	done    chan struct{}
	waitErr error         // once done is closed
	base    string        // its address, "http://127.0.0.1:PORT/"
	ready   time.Duration // from the start to its first answer

	printsRebuilds bool // false once the server printed no rebuild line for an edit
}

// waitRebuildLine waits until the server has printed a rebuild time after
// its mark-th line of output, for at most limit, and says whether it did.
func (s *server) waitRebuildLine(ctx context.Context, mark int, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for {
		for _, ln := range s.out.since(mark) {
			if _, initial, ok := reportedTime(ln.text); ok && !initial {
				return true
			}
		}
		if time.Now().After(deadline) {
			return false
		}
		select {
		case <-s.done:
			return false
		case <-ctx.Done():
			return false
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// startServer starts a server on the site in dir and waits until it has
// printed its address and answers there.
func startServer(ctx context.Context, tl tool, dir string, timeout time.Duration, client *http.Client, echo io.Writer) (*server, error) {
	port := 0
	if tl.needsPort {
		var err error
		if port, err = freePort(); err != nil {
			return nil, err
		}
	}
	s := &server{tool: tl, printsRebuilds: true, out: &lineLog{echo: echo, prefix: "  | "}, errs: &lineLog{echo: echo, prefix: "  ! "}, done: make(chan struct{})}
	s.cmd = exec.Command(tl.binary, tl.args(dir, port)...)
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.errs
	start := time.Now()
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", tl.binary, err)
	}
	go func() {
		s.waitErr = s.cmd.Wait()
		close(s.done)
	}()
	deadline := start.Add(timeout)
	fail := func(what string) (*server, error) {
		stopErr := s.stop()
		return nil, errors.Join(fmt.Errorf("%s %s: %s\n%s", tl.binary, strings.Join(s.cmd.Args[1:], " "), what, s.output(20)), stopErr)
	}
	seen := 0
	for s.base == "" {
		for _, ln := range s.out.since(seen) {
			seen++
			if u, ok := parseServeURL(ln.text, tl.urlMark); ok {
				s.base = u
				break
			}
		}
		if s.base != "" {
			break
		}
		select {
		case <-s.done:
			return fail(fmt.Sprintf("exited before serving (%v)", s.waitErr))
		case <-ctx.Done():
			return fail("interrupted")
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fail(fmt.Sprintf("printed no address within %v", timeout))
		}
	}
	for {
		status, _, err := fetch(ctx, client, s.base)
		if err == nil && status == http.StatusOK {
			break
		}
		select {
		case <-s.done:
			return fail(fmt.Sprintf("exited before answering (%v)", s.waitErr))
		case <-ctx.Done():
			return fail("interrupted")
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fail(fmt.Sprintf("did not answer %s within %v (last: status %d, %v)", s.base, timeout, status, err))
		}
	}
	s.ready = time.Since(start)
	return s, nil
}

// output is the last n lines of the server's standard output and error.
func (s *server) output(n int) string {
	out, errs := s.out.tail(n), s.errs.tail(n)
	switch {
	case errs == "":
		return out
	case out == "":
		return errs
	}
	return out + "\n" + errs
}

// stop interrupts the server as Ctrl-C would, and kills it if it has not
// exited 10 seconds later.
func (s *server) stop() error {
	select {
	case <-s.done:
		return nil
	default:
	}
	if err := s.cmd.Process.Signal(os.Interrupt); err != nil && !errors.Is(err, os.ErrProcessDone) {
		_ = s.cmd.Process.Kill()
	}
	select {
	case <-s.done:
		return nil
	case <-time.After(10 * time.Second):
	}
	_ = s.cmd.Process.Kill()
	<-s.done
	return fmt.Errorf("%s did not stop within 10 s of an interrupt: killed", s.tool.name)
}

// freePort is a TCP port free on the bind address right now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", bind+":0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// parseServeURL reads a server's address from the line of its output that
// announces it: the first field after mark. A host of localhost becomes the
// bind address, which the server listens on whatever localhost resolves to.
func parseServeURL(line, mark string) (string, bool) {
	_, rest, ok := strings.Cut(line, mark)
	if !ok {
		return "", false
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return "", false
	}
	u, err := url.Parse(strings.TrimRight(fields[0], ",;"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Port() == "" {
		return "", false
	}
	if h := u.Hostname(); h == "localhost" || h == "" || h == "0.0.0.0" {
		u.Host = net.JoinHostPort(bind, u.Port())
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), true
}

// reportedTime reads the duration a server prints for a build: Backlight's
// "built 10000 pages in 3.1s; serving …" and "rebuilt … in 12ms", Hugo's
// "Built in 726 ms", "Total in 72 ms" and "Rebuilt in 756 ms". ok is false
// for every other line.
func reportedTime(line string) (d time.Duration, initial, ok bool) {
	line = strings.TrimSpace(line)
	switch {
	case strings.HasPrefix(line, "built "), strings.HasPrefix(line, "Built in "):
		initial = true
	case strings.HasPrefix(line, "rebuilt "), strings.HasPrefix(line, "Rebuilt in "), strings.HasPrefix(line, "Total in "):
	default:
		return 0, false, false
	}
	rest := line
	for {
		_, after, found := strings.Cut(rest, " in ")
		if !found {
			return 0, false, false
		}
		rest = after
		fields := strings.Fields(after)
		if len(fields) == 0 {
			continue
		}
		if d, err := time.ParseDuration(strings.TrimRight(fields[0], ";,.)")); err == nil {
			return d, initial, true
		}
		if len(fields) > 1 {
			if _, err := strconv.ParseFloat(fields[0], 64); err == nil {
				if d, err := time.ParseDuration(fields[0] + strings.TrimRight(fields[1], ";,.)")); err == nil {
					return d, initial, true
				}
			}
		}
	}
}

// fetch gets a page and reads it whole, over the client's kept-alive
// connection.
func fetch(ctx context.Context, client *http.Client, u string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

// newClient is an HTTP client that keeps one connection to the server
// alive, asks for no compression and caches nothing.
func newClient() *http.Client {
	return &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			Proxy:               nil,
			DisableCompression:  true,
			MaxIdleConnsPerHost: 2,
			IdleConnTimeout:     time.Minute,
		},
	}
}
