package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"github.com/backlight-wiki/backlight/generator/render/views"
	"github.com/backlight-wiki/backlight/generator/site"
)

func runForecast(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("forecast", "[-s SRC] [--backlog ID] [--release ID] [--format text|json] [--now DATE]", stderr)
	src := fs.String("s", ".", "site root `SRC` with site.toml and content/")
	backlogID := fs.String("backlog", "", "only the backlog with this `ID`: its throughput and its open items' days")
	releaseID := fs.String("release", "", "only the release with this `ID`: its days and how likely it is to finish by its end")
	format := fs.String("format", "text", "output `format`: text, or json (the fields of model.json, docs/content-model.md §7)")
	now := addNow(fs)
	when, code, ok := listArgs(fs, args, *format, []string{"text", "json"}, now, stderr)
	if !ok {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	report, res, err := site.ForecastList(ctx, site.Options{Source: *src, Now: when, Version: version()},
		site.ForecastQuery{Backlog: *backlogID, Release: *releaseID})
	printDiagnostics(stderr, res, true)
	if err != nil {
		return reportError(stderr, "forecast", err)
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(forecastJSON(report)); err != nil {
			fmt.Fprintf(stderr, "backlight forecast: %v\n", err)
			return exitContent
		}
		return exitOK
	}
	writeForecastText(stdout, report)
	return exitOK
}

// writeForecastText writes the forecasts for a terminal: a backlog, its
// basis and throughput, its open items' days, a line each; then each
// release's days and probability.
func writeForecastText(w io.Writer, r *site.ForecastReport) {
	for i, b := range r.Backlogs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s (%s): %s\n", b.Title, b.ID, basisText(b.Basis, b.Velocity, b.Declared))
		var tp []string
		for _, t := range b.Throughput {
			tp = append(tp, fmt.Sprintf("%s %d/%s", t.Start.Format("01-02"), t.Items, strconv.FormatFloat(t.Points, 'f', -1, 64)))
		}
		if len(tp) > 0 {
			fmt.Fprintf(w, "  done per iteration (items/points): %s\n", strings.Join(tp, ", "))
		}
		for _, it := range b.Items {
			days := "no forecast"
			if it.Dates != nil {
				days = daysText(r.Percentiles, it.Dates.Days)
			}
			fmt.Fprintf(w, "  %-10s %s: %s\n", it.Key, it.Title, days)
		}
	}
	for i, rel := range r.Releases {
		if i == 0 && len(r.Backlogs) > 0 {
			fmt.Fprintln(w)
		}
		line := fmt.Sprintf("%s (%s)", rel.Title, rel.ID)
		switch {
		case rel.Dates == nil:
			line += ": no forecast (no open scope, or scope in a backlog with none)"
		default:
			line += ": " + daysText(r.Percentiles, rel.Dates.Days) + " (" + rel.Dates.Basis + ")"
			if p := rel.Dates.Probability; p != nil {
				line += fmt.Sprintf("; %.0f %% likely by its end, %s", *p*100, rel.End)
				if rel.Dates.AtRisk(r.Confidence) {
					line += fmt.Sprintf(": at risk (%s %% by %s)", views.Percent(r.Confidence), cmp.Or(rel.Dates.Confident, "no day within reach"))
				}
			}
		}
		fmt.Fprintln(w, line)
	}
}

func basisText(basis string, measured, declared float64) string {
	switch basis {
	case "measured":
		return fmt.Sprintf("from its history, %s points an iteration", strconv.FormatFloat(measured, 'f', 1, 64))
	case "declared":
		return fmt.Sprintf("from its declared velocity, %s points an iteration (too little history)", strconv.FormatFloat(declared, 'f', -1, 64))
	}
	return "no forecast: too little history and no declared velocity"
}

// daysText is "50 % 2026-03-08, 85 % 2026-03-15, …", "out of reach" for
// a day there is none.
func daysText(percentiles []int, days map[int]string) string {
	var parts []string
	for _, p := range percentiles {
		d := days[p]
		if d == "" {
			d = "out of reach"
		}
		parts = append(parts, fmt.Sprintf("%d %% %s", p, d))
	}
	return strings.Join(parts, ", ")
}

// forecastJSON is what --format json prints: the fields of model.json.
func forecastJSON(r *site.ForecastReport) any {
	type item struct {
		ID            string             `json:"id"`
		Key           string             `json:"key"`
		ForecastDates map[string]*string `json:"forecast_dates"`
	}
	type backlog struct {
		views.BacklogJSON
		Items []item `json:"items"`
	}
	type release struct {
		ID       string                     `json:"id"`
		End      string                     `json:"end"`
		Forecast *views.ReleaseForecastJSON `json:"forecast"`
	}
	out := struct {
		Backlogs []backlog `json:"backlogs"`
		Releases []release `json:"releases"`
	}{Backlogs: []backlog{}, Releases: []release{}}
	for _, b := range r.Backlogs {
		bj := backlog{BacklogJSON: b.JSON(b.ID), Items: []item{}}
		for _, it := range b.Items {
			ij := item{ID: it.ID, Key: it.Key}
			if it.Dates != nil {
				ij.ForecastDates = views.DaysJSON(it.Dates.Days)
			}
			bj.Items = append(bj.Items, ij)
		}
		out.Backlogs = append(out.Backlogs, bj)
	}
	for _, rel := range r.Releases {
		out.Releases = append(out.Releases, release{ID: rel.ID, End: rel.End, Forecast: rel.Dates.ReleaseJSON(r.Confidence)})
	}
	return out
}
