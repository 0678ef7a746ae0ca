package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/backlight-wiki/backlight/tools/bench/harness"
)

// sample is one edit.
type sample struct {
	n        int
	latency  time.Duration   // from just before the write to the end of the response that showed it
	err      error           // not seen within the timeout
	rebuilds []time.Duration // the rebuild times the server printed between this edit and the next
	printed  time.Duration   // when the last of them was printed, from just before the write
}

// kindResult is the rounds of one kind of edit on one server.
type kindResult struct {
	target
	fetch   time.Duration // median time to fetch the page once, unchanged
	samples []sample
}

// toolResult is one server's rounds.
type toolResult struct {
	tool    string
	version string
	built   time.Duration // the first build, as the server printed it; 0 if it did not
	ready   time.Duration // from the start to the first answer
	kinds   []kindResult
	stopped string // why the kinds after the last measured were not: the server never showed a file restored
}

// errNotRestored is a server that never showed a file written back as it
// was: the kinds after it cannot be measured on that server, and the
// report says so instead of failing.
var errNotRestored = errors.New("the server still shows the last edit")

// measureTool starts a server on the tree and runs the rounds of each kind
// of edit.
func measureTool(ctx context.Context, cfg config, tl tool, t tree, progress io.Writer) (res toolResult, err error) {
	res = toolResult{tool: tl.name, version: toolVersion(tl)}
	client := newClient()
	defer client.CloseIdleConnections()
	var echo io.Writer
	if cfg.verbose {
		echo = progress
	}
	fmt.Fprintf(progress, "%s: starting %s\n", tl.name, res.version)
	srv, err := startServer(ctx, tl, t.dir, cfg.start, client, echo)
	if err != nil {
		return res, err
	}
	defer func() { err = errors.Join(err, srv.stop()) }()
	res.ready = srv.ready
	for _, ln := range srv.out.since(0) {
		if d, initial, ok := reportedTime(ln.text); ok && initial {
			res.built = d
			break
		}
	}
	fmt.Fprintf(progress, "%s: serving %s after %v\n", tl.name, srv.base, srv.ready.Round(time.Millisecond))
	kinds, err := targets(t, tl)
	if err != nil {
		return res, err
	}
	// Fetch every page first: each must be there and show the original
	// files, and Hugo's fast render re-renders the pages a browser has
	// visited.
	for _, k := range kinds {
		status, page, err := fetch(ctx, client, srv.base+k.url[1:])
		if err != nil || status != http.StatusOK {
			return res, fmt.Errorf("%s of %s: status %d, %v (the page is not at the URL benchserve expects)", k.url, k.rel, status, err)
		}
		if !k.shows(page, 0, "") {
			return res, fmt.Errorf("%s: %s does not show %s as benchserve expects before any edit", k.kind, k.url, k.rel)
		}
	}
	for _, k := range kinds {
		kr, err := rounds(ctx, cfg, srv, client, k, progress)
		res.kinds = append(res.kinds, kr)
		if errors.Is(err, errNotRestored) {
			res.stopped = err.Error()
			fmt.Fprintf(progress, "%s: %v; its remaining kinds are not measured\n", tl.name, err)
			break
		}
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// rounds edits one file cfg.rounds times, then restores it.
func rounds(ctx context.Context, cfg config, srv *server, client *http.Client, k target, progress io.Writer) (kr kindResult, err error) {
	kr = kindResult{target: k}
	u := srv.base + k.url[1:]
	orig, err := os.ReadFile(k.file)
	if err != nil {
		return kr, err
	}
	kr.fetch, err = fetchTime(ctx, client, u, 25)
	if err != nil {
		return kr, err
	}
	var last []byte // what the last round wrote
	defer func() { err = errors.Join(err, restore(ctx, cfg, srv, client, u, k, orig, last)) }()
	fmt.Fprintf(progress, "%s: %s, %d edits of %s, polling %s\n", srv.tool.name, k.kind, cfg.rounds, k.rel, k.url)
	for n := 1; n <= cfg.rounds; n++ {
		marker := newMarker(n)
		data, err := k.edit(orig, n, marker)
		if err != nil {
			return kr, fmt.Errorf("edit %s: %w", k.rel, err)
		}
		mark := srv.out.len()
		start := time.Now()
		if err := writeFile(k.file, data, cfg.write); err != nil {
			return kr, fmt.Errorf("write %s: %w", k.rel, err)
		}
		last = data
		s := sample{n: n}
		at, err := waitFor(ctx, client, u, cfg.poll, start.Add(cfg.timeout), func(page []byte) bool { return k.shows(page, n, marker) })
		if ctx.Err() != nil {
			return kr, ctx.Err()
		}
		if err != nil {
			s.err = err
		} else {
			s.latency = at.Sub(start)
		}
		// Let the server finish: Hugo prints its rebuild time up to
		// seconds after it serves the new page. A server that printed
		// none in time once is not waited for again.
		if srv.printsRebuilds && !srv.waitRebuildLine(ctx, mark, rebuildLineWait) {
			srv.printsRebuilds = false
		}
		select {
		case <-srv.done:
			return kr, fmt.Errorf("exited during edit %d of %s (%v)\n%s", n, k.rel, srv.waitErr, srv.output(20))
		case <-ctx.Done():
			return kr, ctx.Err()
		case <-time.After(cfg.gap):
		}
		for _, ln := range srv.out.since(mark) {
			if d, initial, ok := reportedTime(ln.text); ok && !initial {
				s.rebuilds = append(s.rebuilds, d)
				s.printed = ln.at.Sub(start)
			}
		}
		kr.samples = append(kr.samples, s)
		if cfg.verbose || s.err != nil {
			fmt.Fprintf(progress, "  %s %s %2d: %s; rebuilds printed %v, the last %s after the write\n",
				srv.tool.name, k.kind, n, showSample(s), s.rebuilds, harness.Ms(s.printed))
		}
	}
	return kr, nil
}

// rebuildLineWait bounds the wait for a server's rebuild line after the
// edit showed.
const rebuildLineWait = 10 * time.Second

// restore writes a file back as it was, unless the last round did, and
// waits until the page shows the original and the server has printed its
// rebuild time (lest the next round count that line), unless benchserve
// was interrupted.
func restore(ctx context.Context, cfg config, srv *server, client *http.Client, u string, k target, orig, last []byte) error {
	if last == nil || bytes.Equal(last, orig) {
		return nil
	}
	mark := srv.out.len()
	if err := writeFile(k.file, orig, cfg.write); err != nil {
		return fmt.Errorf("restore %s: %w", k.file, err)
	}
	if ctx.Err() != nil {
		return nil
	}
	_, err := waitFor(ctx, client, u, cfg.poll, time.Now().Add(cfg.timeout), func(page []byte) bool { return k.shows(page, 0, "") })
	if err != nil {
		return fmt.Errorf("restore %s: %w: %w", k.rel, errNotRestored, err)
	}
	if srv.printsRebuilds && !srv.waitRebuildLine(ctx, mark, rebuildLineWait) {
		srv.printsRebuilds = false
	}
	time.Sleep(cfg.gap)
	return nil
}

// waitFor fetches u every poll until ok holds for a page served with status
// 200 or the deadline passes, and returns when the page that did was read.
func waitFor(ctx context.Context, client *http.Client, u string, poll time.Duration, deadline time.Time, ok func([]byte) bool) (time.Time, error) {
	for {
		status, page, err := fetch(ctx, client, u)
		now := time.Now()
		if err == nil && status == http.StatusOK && ok(page) {
			return now, nil
		}
		if ctx.Err() != nil {
			return now, ctx.Err()
		}
		if now.After(deadline) {
			if err == nil {
				err = fmt.Errorf("status %d", status)
			}
			return now, fmt.Errorf("not seen at %s within the timeout (last fetch: %v)", u, err)
		}
		if poll > 0 {
			time.Sleep(poll)
		}
	}
}

// fetchTime is the median of n fetches of an unchanged page.
func fetchTime(ctx context.Context, client *http.Client, u string, n int) (time.Duration, error) {
	times := make([]time.Duration, 0, n)
	for range n {
		start := time.Now()
		status, _, err := fetch(ctx, client, u)
		if err != nil || status != http.StatusOK {
			return 0, fmt.Errorf("fetch %s: status %d, %v", u, status, err)
		}
		times = append(times, time.Since(start))
	}
	return time.Duration(harness.Median(times)), nil
}
