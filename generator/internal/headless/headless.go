// Package headless holds the one way this project starts Chromium: the
// flags for a headless run on a machine with no network but loopback,
// shared by the browser tests and the search benchmark.
package headless

import "github.com/chromedp/chromedp"

// Options are the allocator options for the Chromium at path, headless,
// with its profile in the (fresh) folder profile: no sandbox (CI runs as
// root), no GPU, and none of the background traffic (QUIC, updates, sync)
// that a closed network refuses. The proxy is off, since the sites under
// test are on 127.0.0.1.
func Options(path, profile string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.UserDataDir(profile),
	)
}
