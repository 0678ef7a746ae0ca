package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator/starter"
)

func runInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", "[DIR] [--template "+strings.Join(starter.Templates(), "|")+"] [--ci "+strings.Join(starter.CIs(), "|")+"] [--force]", stderr)
	template := fs.String("template", starter.Templates()[0], "starter content `name`: scaled (a small team, cluster and organisation wiki), minimal (one page of each type) or empty (none)")
	ci := fs.String("ci", "", "also write a workflow that publishes the site: `github` (GitHub Pages) or gitlab (GitLab Pages)")
	force := fs.Bool("force", false, "write into a folder that is not empty; files that exist are kept, never overwritten")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return exitUsage
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	res, err := starter.Write(starter.Options{Dir: dir, Template: *template, CI: *ci, Force: *force, Now: time.Now()})
	if res != nil {
		for _, f := range res.Written {
			fmt.Fprintf(stdout, "wrote   %s\n", filepath.Join(dir, filepath.FromSlash(f)))
		}
		for _, f := range res.Skipped {
			fmt.Fprintf(stdout, "skipped %s (it exists; kept as it is)\n", filepath.Join(dir, filepath.FromSlash(f)))
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "backlight init: %v\n", err)
		if starter.IsUsage(err) {
			return exitUsage
		}
		return exitContent
	}
	fmt.Fprintf(stdout, "\nA new %s wiki: %d files written, %d kept. Next:\n\n", *template, len(res.Written), len(res.Skipped))
	cd := ""
	if dir != "." {
		cd = "cd " + dir + " && "
	}
	fmt.Fprintf(stdout, "  %sbacklight serve     # preview at http://127.0.0.1:1313/\n", cd)
	fmt.Fprintln(stdout, "  backlight new role \"Quality Coach\"")
	fmt.Fprintln(stdout, "  backlight check     # every mistake, with file:line:col")
	fmt.Fprintln(stdout, "  backlight build     # the site into public/")
	fmt.Fprintln(stdout, "\nSet baseURL in site.toml to the site's address before you publish (see docs/deploy.md).")
	return exitOK
}
