package export

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/render/views"
)

// backlogExports are each backlog's backlog.json and backlog.csv.
func (x *exporter) backlogExports(m *views.Model) []File {
	var outs []File
	for _, b := range m.Backlogs.Backlogs {
		dir := strings.TrimPrefix(b.Page.URL, "/")
		pos := generator.Pos{File: b.Page.File}
		outs = append(outs,
			File{Path: dir + "backlog.json", Source: "the JSON export of " + b.Page.File, Pos: pos,
				Write: func(w io.Writer) error { return writeBacklogJSON(w, m, b) }},
			File{Path: dir + "backlog.csv", Source: "the CSV export of " + b.Page.File, Pos: pos,
				Write: func(w io.Writer) error { return writeBacklogCSV(w, m, b, x.site.BaseURL) }})
	}
	return outs
}

type backlogJSON struct {
	ID             string     `json:"id"`
	Title          string     `json:"title"`
	URL            string     `json:"url"`
	Velocity       float64    `json:"velocity"`
	IterationWeeks int        `json:"iteration_weeks"`
	Estimate       float64    `json:"estimate"`
	Health         float64    `json:"refinement_health"`
	Items          []itemJSON `json:"items"`
}

func writeBacklogJSON(w io.Writer, m *views.Model, b *backlog.Backlog) error {
	out := backlogJSON{ID: b.Page.ID, Title: b.Page.Title, URL: b.Page.URL, Velocity: b.Velocity,
		IterationWeeks: b.IterationWeeks, Estimate: round(b.Estimate), Health: round(b.Health), Items: []itemJSON{}}
	for _, it := range b.Items {
		out.Items = append(out.Items, itemOf(m, it.Page))
	}
	return json.NewEncoder(w).Encode(out)
}

// csvHeader names the columns of backlog.csv.
var csvHeader = []string{"rank", "key", "title", "kind", "status", "value", "estimate", "priority",
	"forecast_iteration", "ready", "missing", "in_horizon", "parent", "release", "source", "tags", "url"}

// writeBacklogCSV writes RFC 4180 CSV (CRLF line ends, quotes where
// needed), UTF-8 with a byte-order mark so that spreadsheets read the
// accents right.
func writeBacklogCSV(w io.Writer, m *views.Model, b *backlog.Backlog, base string) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, it := range b.Items {
		if err := cw.Write(csvRow(m, it, base)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvRow(m *views.Model, it *backlog.Item, base string) []string {
	f := it.Page.Item
	forecast := ""
	if it.Forecast > 0 {
		forecast = strconv.Itoa(it.Forecast)
	}
	parent, release := "", ""
	if t := m.Links.Target(f.Parent); t != nil {
		parent = keyOrID(t)
	}
	if t := m.Links.Target(f.Release); t != nil {
		release = t.ID
	}
	return []string{strconv.Itoa(it.Rank), it.Key(), safeCell(it.Page.Title), f.Kind, f.Status, views.Number(f.Value), views.Number(f.Estimate),
		views.Decimal(it.Priority), forecast, strconv.FormatBool(it.Ready), strings.Join(it.Missing, "; "),
		strconv.FormatBool(it.InHorizon), parent, release, safeCell(f.Source), safeCell(strings.Join(it.Page.Tags, "; ")),
		generator.AbsURL(base, it.Page.URL)}
}

func keyOrID(p *generator.Page) string {
	if p.Item != nil && p.Item.Key != "" {
		return p.Item.Key
	}
	return p.ID
}

// safeCell keeps a spreadsheet from reading text as a formula: a cell
// that starts with =, +, - or @ gets a leading apostrophe.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
