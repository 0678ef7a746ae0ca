package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/backlight-wiki/backlight/generator/site"
)

func runTheme(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("theme", "export [-s SRC] [DIR]", stderr)
	src := fs.String("s", ".", "site root `SRC`; DIR defaults to SRC/themes/custom")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() < 1 || fs.Arg(0) != "export" || fs.NArg() > 2 {
		if fs.NArg() >= 1 && fs.Arg(0) != "export" {
			fmt.Fprintf(stderr, "backlight theme: unknown subcommand %q\n", fs.Arg(0))
		}
		fs.Usage()
		return exitUsage
	}
	dir := filepath.Join(*src, "themes", "custom")
	if fs.NArg() == 2 {
		dir = fs.Arg(1)
	}
	res, err := site.ExportTheme(dir)
	if err != nil {
		fmt.Fprintf(stderr, "backlight theme export: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "wrote %d files of the default theme into %s\n", len(res.Written), dir)
	if len(res.Skipped) > 0 {
		fmt.Fprintf(stdout, "kept %d files that were there already (not overwritten):\n", len(res.Skipped))
		for _, s := range res.Skipped {
			fmt.Fprintf(stdout, "  %s\n", filepath.FromSlash(s))
		}
	}
	name := filepath.Base(dir)
	parent := filepath.Base(filepath.Dir(dir))
	fmt.Fprintln(stdout, "\nTo use it:")
	if parent != "themes" {
		fmt.Fprintf(stdout, "  - move the folder to themes/%s under the site's folder;\n", name)
	}
	fmt.Fprintf(stdout, "  - set theme = %q in site.toml;\n", name)
	fmt.Fprintln(stdout, "  - change what you want (colours: the custom properties at the top of static/css/style.css);")
	fmt.Fprintln(stdout, "  - delete every file you did not change: the site's theme overrides the embedded one file by file,")
	fmt.Fprintln(stdout, "    so the files you delete keep following the built-in theme as Backlight is updated.")
	fmt.Fprintln(stdout, "See docs/themes.md.")
	return exitOK
}
