package main

import (
	"fmt"
	"io"
	"os/exec"
	"strings"
	"text/tabwriter"
	"time"
)

// printTable prints one line per tool and corpus, with Backlight's ratios
// to Hugo on Backlight's lines: below 1 means Backlight needs less.
func printTable(w io.Writer, cfg config, rows []row) {
	fmt.Fprintf(w, "best of %d runs; backlight: %s; hugo: %s\n\n", cfg.runs, cfg.backlight, hugoVersion(cfg.hugo))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "pages\ttool\twall\tpages/s\tpeak MiB\twall ÷ hugo\tRSS ÷ hugo\t")
	for _, r := range rows {
		wallRatio, rssRatio := "-", "-"
		if r.hugo != nil {
			wallRatio = ratio(float64(r.backlight.wall), float64(r.hugo.wall))
			rssRatio = ratio(float64(r.backlight.rss), float64(r.hugo.rss))
		}
		printLine(tw, r.pages, "backlight", r.backlight, wallRatio, rssRatio)
		if r.hugo != nil {
			printLine(tw, r.pages, "hugo", *r.hugo, "", "")
		}
	}
	tw.Flush()
}

func printLine(w io.Writer, pages int, tool string, r result, wallRatio, rssRatio string) {
	perSecond := float64(pages) / r.wall.Seconds()
	fmt.Fprintf(w, "%d\t%s\t%v\t%.0f\t%.1f\t%s\t%s\t\n",
		pages, tool, r.wall.Round(time.Millisecond), perSecond, mib(r.rss), wallRatio, rssRatio)
}

func ratio(a, b float64) string {
	if a <= 0 || b <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", a/b)
}

func mib(bytes int64) float64 { return float64(bytes) / (1 << 20) }

// hugoVersion names the hugo that runs, or says that none does.
func hugoVersion(path string) string {
	if path == "" {
		return "not on PATH, not measured"
	}
	out, err := exec.Command(path, "version").Output()
	if err != nil {
		return path
	}
	first, _, _ := strings.Cut(string(out), "\n")
	if fields := strings.Fields(first); len(fields) >= 2 {
		return fields[0] + " " + fields[1] + " (" + path + ")"
	}
	return path
}
