// Package headless holds the one way this project starts Chromium: the
// flags for a headless run on a machine with no network but loopback,
// shared by the browser tests, the Lighthouse gate and the search
// benchmark.
package headless

import (
	"strings"

	"github.com/chromedp/chromedp"
)

// Flags are the command-line flags for a headless Chromium with its
// profile in the (fresh) folder profile: no sandbox (CI runs as root), no
// GPU, and none of the background traffic (QUIC, updates, sync) that a
// closed network refuses. The proxy is off, since the sites under test are
// on 127.0.0.1. Tools that start Chromium themselves (Lighthouse) get
// these; chromedp gets them through Options.
func Flags(profile string) []string {
	return []string{
		"--headless",
		"--no-sandbox",
		"--disable-gpu",
		"--no-first-run",
		"--disable-quic",
		"--disable-background-networking",
		"--disable-component-update",
		"--disable-sync",
		"--no-proxy-server",
		"--user-data-dir=" + profile,
	}
}

// Options are the chromedp allocator options for the Chromium at path:
// chromedp's defaults and Flags.
func Options(path, profile string) []chromedp.ExecAllocatorOption {
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path))
	for _, f := range Flags(profile) {
		name, value, ok := strings.Cut(strings.TrimPrefix(f, "--"), "=")
		if ok {
			opts = append(opts, chromedp.Flag(name, value))
		} else {
			opts = append(opts, chromedp.Flag(name, true))
		}
	}
	return opts
}
