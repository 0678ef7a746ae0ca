package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/backlight-wiki/backlight/generator/site"
)

func runChanges(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("changes", "[-s SRC] [--since DATE|REV] [--until DATE|REV] [--backlog ID] [--format text|markdown|json] [--now DATE]", stderr)
	src := fs.String("s", ".", "site root `SRC` with site.toml and content/")
	since := fs.String("since", "", "list the changes from this day (`DATE`, 2026-03-02) or after this git revision (a tag, branch or commit); default: the last two iterations")
	until := fs.String("until", "", "list the changes up to this day or revision (`DATE|REV`); default: the work tree, uncommitted changes too")
	backlogID := fs.String("backlog", "", "only the changes of the backlog with this `ID` and its items")
	format := fs.String("format", "text", "output `format`: text, markdown (to paste into notes or a mail) or json (the change list of docs/history.md)")
	now := addNow(fs)
	when, code, ok := listArgs(fs, args, *format, []string{"text", "markdown", "json"}, now, stderr)
	if !ok {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	list, res, err := site.ChangeList(ctx, site.Options{Source: *src, Now: when, Version: version()},
		site.ChangeQuery{Since: *since, Until: *until, Backlog: *backlogID})
	printDiagnostics(stderr, res, true)
	if err != nil {
		return reportError(stderr, "changes", err)
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if list.Changes == nil {
			fmt.Fprintln(stdout, "[]")
			return exitOK
		}
		if err := enc.Encode(list.Changes); err != nil {
			fmt.Fprintf(stderr, "backlight changes: %v\n", err)
			return exitContent
		}
	case "markdown":
		writeChangesMarkdown(stdout, list)
	default:
		writeChangesText(stdout, list)
	}
	return exitOK
}

// writeChangesText writes the change list for a terminal: a day, its
// groups indented under it, a change a line.
func writeChangesText(w io.Writer, list *site.Changes) {
	if len(list.Days) == 0 {
		fmt.Fprintln(w, "no changes")
		return
	}
	for i, d := range list.Days {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, d.Date)
		for _, g := range d.Groups {
			fmt.Fprintf(w, "  %s\n", g.Title)
			for _, l := range g.Lines {
				fmt.Fprintf(w, "    %s\n", changeLine(l.Key, l.Page.Title, l.Text, l.Subject, l.Author, l.Uncommitted))
			}
		}
	}
}

// writeChangesMarkdown writes the change list as Markdown: a heading a
// day, one a group, a list item a change, linked to its page.
func writeChangesMarkdown(w io.Writer, list *site.Changes) {
	if len(list.Days) == 0 {
		fmt.Fprintln(w, "No changes.")
		return
	}
	for i, d := range list.Days {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "## %s\n", d.Date)
		for _, g := range d.Groups {
			fmt.Fprintf(w, "\n### %s\n\n", g.Title)
			for _, l := range g.Lines {
				name := markdownText(strings.TrimSpace(l.Key + " " + l.Page.Title))
				if l.Page.Href != "" {
					name = "[" + name + "](<" + l.Page.Href + ">)"
				}
				fmt.Fprintf(w, "- %s\n", changeLine("", name, markdownText(l.Text), markdownText(l.Subject), markdownText(l.Author), l.Uncommitted))
			}
		}
	}
}

// changeLine is one change in words: the page, what happened, and the
// commit's subject and author where given.
func changeLine(key, name, text, subject, author string, uncommitted bool) string {
	s := strings.TrimSpace(key + " " + name + " " + text)
	if subject != "" {
		s += " (“" + subject + "”)"
	}
	if author != "" {
		s += ", by " + author
	}
	if uncommitted {
		s += " [not committed]"
	}
	return s
}

// markdownText escapes what Markdown would read as markup in s.
func markdownText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|!~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
