package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/serve"
	"github.com/backlight-wiki/backlight/generator/site"
	"github.com/backlight-wiki/backlight/generator/watch"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "[-s SRC] [--bind ADDR] [-p PORT] [--allow-host NAME] [--drafts] [--open] [--now DATE]", stderr)
	src := fs.String("s", ".", "site root `SRC` with site.toml and content/")
	bind := fs.String("bind", "127.0.0.1", "listen on `ADDR`; anything but a loopback address lets other machines read the site")
	port := fs.Int("p", 1313, "listen on `PORT` (0: any free port)")
	var hosts []string
	fs.Func("allow-host", "also answer requests for host `NAME` (repeat or separate with commas); only localhost, loopback addresses and the --bind address are answered otherwise",
		func(v string) error {
			for h := range strings.SplitSeq(v, ",") {
				if h = strings.TrimSpace(h); h != "" {
					hosts = append(hosts, h)
				}
			}
			return nil
		})
	drafts := fs.Bool("drafts", false, "show pages marked draft: true")
	open := fs.Bool("open", false, "open the site in the default browser")
	now := addNow(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return unexpectedArgument(stderr, "serve", fs.Arg(0))
	}
	when, err := now.value()
	if err != nil {
		fmt.Fprintf(stderr, "backlight serve: %v\n", err)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveSite(ctx, serveConfig{src: *src, addr: net.JoinHostPort(*bind, strconv.Itoa(*port)), drafts: *drafts,
		open: *open, now: when, hosts: hosts}, stdout, stderr)
}

type serveConfig struct {
	src, addr    string
	drafts, open bool
	now          time.Time
	hosts        []string // --allow-host
}

// serveHosts is what the server answers besides loopback: the allowed
// names, the bind address when it is not loopback, and any IP address
// when it listens on every interface.
func serveHosts(cfg serveConfig) (hosts []string, anyIP bool) {
	hosts = cfg.hosts
	host, _, _ := net.SplitHostPort(cfg.addr)
	switch ip := net.ParseIP(host); {
	case host == "" || isLoopback(host):
	case ip != nil && ip.IsUnspecified():
		anyIP = true
	default:
		hosts = append(slices.Clip(hosts), host)
	}
	return hosts, anyIP
}

// serveSite builds the site in memory, serves it and rebuilds what each
// change to the sources affects, until ctx is done.
func serveSite(ctx context.Context, cfg serveConfig, stdout, stderr io.Writer) int {
	start := time.Now()
	ln, err := serve.Listen(cfg.addr) // first: a taken port is said at once, not after the build
	if errors.Is(err, syscall.EADDRINUSE) {
		fmt.Fprintf(stderr, "backlight serve: %s\n", portInUse(cfg.addr))
		return exitUsage
	} else if err != nil {
		fmt.Fprintf(stderr, "backlight serve: %v\n", err)
		return exitContent
	}
	lv, res, err := site.OpenLive(site.Options{Source: cfg.src, Drafts: cfg.drafts, Version: version(), Now: cfg.now, History: true})
	printDiagnostics(stderr, res, false)
	if err != nil {
		ln.Close()
		return reportError(stderr, "serve", err)
	}
	if host, _, _ := net.SplitHostPort(cfg.addr); !isLoopback(host) {
		fmt.Fprintf(stderr, "warning: serving on %s: other machines on the network can read this site\n", host)
	}
	hosts, anyIP := serveHosts(cfg)
	base := lv.BasePath()
	srv := serve.New(serve.Options{Source: lv, Hosts: hosts, AnyIP: anyIP, Base: base,
		Logf: func(format string, args ...any) { fmt.Fprintf(stderr, format+"\n", args...) }})
	httpSrv := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- httpSrv.Serve(ln) }()

	w, err := watch.New(watchRoots(cfg.src), watch.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "backlight serve: watch the sources: %v\n", err)
		httpSrv.Close()
		return exitContent
	}
	url := "http://" + ln.Addr().String() + base
	fmt.Fprintf(stdout, "built %d pages in %s; serving %s (Ctrl-C stops)\n", res.Pages, time.Since(start).Round(time.Millisecond), url)
	if cfg.open {
		openBrowser(url)
	}
	code := exitOK
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case err := <-served:
			if !errors.Is(err, http.ErrServerClosed) {
				fmt.Fprintf(stderr, "backlight serve: %v\n", err)
				code = exitContent
			}
			break loop
		case err := <-w.Errors():
			fmt.Fprintf(stderr, "warning: %v\n", err)
		case b, ok := <-w.Batches():
			if !ok {
				break loop
			}
			paths := b.Paths
			if b.Overflow {
				paths = nil // unknown: a full reload
			}
			ch := lv.Update(paths)
			srv.Notify(rebuilt(ch, stdout, stderr))
		}
	}
	w.Close()
	srv.Close()
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	httpSrv.Shutdown(shutdown)
	return code
}

// rebuilt reports a change on the terminal and turns it into the event
// the open pages get.
func rebuilt(ch site.Change, stdout, stderr io.Writer) serve.Event {
	ev := serve.Event{All: ch.All, Paths: ch.Paths, CSS: ch.CSS}
	if ch.Err != nil {
		for _, d := range ch.Diags {
			if d.Severity == generator.Error {
				ev.Errors = append(ev.Errors, d.Error())
				fmt.Fprintln(stderr, d.Error())
			}
		}
		if len(ev.Errors) == 0 {
			ev.Errors = []string{ch.Err.Error()}
		}
		fmt.Fprintf(stderr, "not rebuilt: %v; still serving the last good site\n", ch.Err)
		return serve.Event{Errors: ev.Errors}
	}
	what := "everything"
	switch {
	case len(ch.CSS) > 0 && !ch.All:
		what = "the stylesheet"
	case !ch.All:
		what = strconv.Itoa(len(ch.Paths)) + " page(s)"
	}
	fmt.Fprintf(stdout, "rebuilt %s in %s\n", what, ch.Duration.Round(100*time.Microsecond))
	return ev
}

// watchRoots are the sources a site is made of.
func watchRoots(src string) []string { return site.Sources(src) }

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// openBrowser asks the desktop to open url; failing is not an error.
func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if cmd.Start() == nil {
		go cmd.Wait()
	}
}

// portInUse says that addr's port is taken and suggests the next free
// one: "port 1313 is in use: stop the other server or start with -p 1314
// (or -p 0 for any free port)".
func portInUse(addr string) string {
	host, p, _ := net.SplitHostPort(addr)
	port, _ := strconv.Atoi(p)
	msg := fmt.Sprintf("port %d is in use: stop the other server or start with ", port)
	for next := port + 1; next <= min(port+20, 65535); next++ {
		if ln, err := serve.Listen(net.JoinHostPort(host, strconv.Itoa(next))); err == nil {
			ln.Close()
			return msg + fmt.Sprintf("-p %d (or -p 0 for any free port)", next)
		}
	}
	return msg + "-p 0 (any free port)"
}
