package main

import (
	"fmt"
	"io"
	"time"

	"github.com/backlight-wiki/backlight/generator/site"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", "[-s SRC] [--backlog ID] [--key KEY] TYPE \"Title\"", stderr)
	src := fs.String("s", ".", "site root `SRC` with site.toml and content/")
	backlog := fs.String("backlog", "", "for an item: the `ID` of its backlog folder")
	key := fs.String("key", "", "for an item: its `KEY` (default: the backlog's next number)")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return exitUsage
	}
	path, err := site.NewPage(site.NewPageOptions{Source: *src, Type: fs.Arg(0), Title: fs.Arg(1),
		Backlog: *backlog, Key: *key, Now: time.Now()})
	if err != nil {
		fmt.Fprintf(stderr, "backlight new: %v\n", err)
		if site.ErrUsage(err) {
			return exitUsage
		}
		return exitContent
	}
	fmt.Fprintf(stdout, "created %s\n", path)
	return exitOK
}
