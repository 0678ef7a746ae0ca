package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/outdir"
	"github.com/backlight-wiki/backlight/generator/site"
)

// jsonDiagnostic is one line of check's JSON output.
type jsonDiagnostic struct {
	File     string             `json:"file"`
	Line     int                `json:"line"`
	Col      int                `json:"col"`
	Severity generator.Severity `json:"severity"`
	Message  string             `json:"message"`
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[-s SRC] [-d DEST] [--force] [--drafts] [-q|--quiet] [--now DATE] [--format text|json] [--translations]", stderr)
	src := fs.String("s", ".", "site root `SRC` with site.toml and content/")
	drafts := fs.Bool("drafts", false, "check pages marked draft: true as published")
	format := fs.String("format", "text", "output `format`: text or json")
	listTranslations := fs.Bool("translations", false, "list the pages not yet translated into each of the site's languages")
	dest := fs.String("d", "", "check that build could write the site to `DEST` (default SRC/public); check writes nothing")
	force := fs.Bool("force", false, "as build --force: accept a DEST holding files no Backlight build wrote")
	quiet := quietFlag(fs)
	now := addNow(fs)
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		return unexpectedArgument(stderr, "check", fs.Arg(0))
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "backlight check: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	when, err := now.value()
	if err != nil {
		fmt.Fprintf(stderr, "backlight check: %v\n", err)
		return exitUsage
	}
	res, err := site.Build(context.Background(), site.Options{Source: *src, Dest: *dest, Force: *force, Drafts: *drafts, Check: true, Now: when, History: true})
	if *format == "json" {
		return checkJSON(stdout, stderr, res, err)
	}
	printDiagnostics(stderr, res, *quiet)
	if err != nil {
		return reportError(stderr, "check", err)
	}
	printTranslations(stdout, res, *listTranslations)
	errs, warns := res.Diags.Count(generator.Error), res.Diags.Count(generator.Warning)
	fmt.Fprintf(stdout, "checked %d %s: %d %s, %d %s\n", res.Pages, generator.ForCount(res.Pages, "page", "pages"),
		errs, generator.ForCount(errs, "error", "errors"), warns, generator.ForCount(warns, "warning", "warnings"))
	return exitOK
}

func checkJSON(stdout, stderr io.Writer, res *site.Result, err error) int {
	out := []jsonDiagnostic{}
	if res != nil {
		for _, d := range res.Diags {
			out = append(out, jsonDiagnostic{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Severity: d.Severity, Message: d.Message})
		}
	}
	refused, isRefusal := errors.AsType[*outdir.Refusal](err)
	if isRefusal {
		out = append(out, jsonDiagnostic{File: refused.Dest, Severity: generator.Error, Message: err.Error()})
	} else if err != nil && (res == nil || !res.Diags.HasErrors()) {
		out = append(out, jsonDiagnostic{Severity: generator.Error, Message: err.Error()})
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if werr := enc.Encode(out); werr != nil {
		fmt.Fprintf(stderr, "backlight check: %v\n", werr)
	}
	switch {
	case isRefusal:
		return exitUsage
	case err != nil:
		return exitContent
	}
	return exitOK
}

// printTranslations writes, for each language of a site with several, one
// line that counts the pages not yet translated into it, and with list
// their files too, one a line.
func printTranslations(w io.Writer, res *site.Result, list bool) {
	for _, tr := range res.Translations {
		n := len(tr.Missing)
		switch {
		case n == 0:
			fmt.Fprintf(w, "%s: every page translated\n", tr.Lang)
		case list:
			fmt.Fprintf(w, "%s: %d of %d %s not yet translated:\n", tr.Lang, n, res.Pages, generator.ForCount(res.Pages, "page", "pages"))
			for _, f := range tr.Missing {
				fmt.Fprintf(w, "  %s\n", f)
			}
		default:
			fmt.Fprintf(w, "%s: %d of %d %s not yet translated (backlight check --translations lists them)\n",
				tr.Lang, n, res.Pages, generator.ForCount(res.Pages, "page", "pages"))
		}
	}
}
