package render

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"math"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
)

// dataOutputs are the machine-readable files: model.json, sitemap.xml and
// robots.txt.
func (e *plan) dataOutputs(m *index) []Output {
	return []Output{
		{Path: "model.json", Source: "the model export", Write: func(w io.Writer) error { return e.writeModel(w, m) }},
		{Path: "sitemap.xml", Source: "the sitemap", Write: func(w io.Writer) error { return e.writeSitemap(w, m) }},
		{Path: "robots.txt", Source: "robots.txt", Write: func(w io.Writer) error {
			_, err := io.WriteString(w, "User-agent: *\nAllow: /\nSitemap: "+absURL(e.site.BaseURL, "/sitemap.xml")+"\n")
			return err
		}},
	}
}

type modelJSON struct {
	Site     siteJSON      `json:"site"`
	Pages    []pageJSON    `json:"pages"`
	Items    []itemJSON    `json:"items"`
	Releases []releaseJSON `json:"releases"`
}

type siteJSON struct {
	Title   string   `json:"title"`
	BaseURL string   `json:"baseURL"`
	Levels  []string `json:"levels"`
}

type pageJSON struct {
	ID        string              `json:"id"`
	Type      string              `json:"type"`
	Title     string              `json:"title"`
	Abbr      string              `json:"abbr,omitempty"`
	URL       string              `json:"url"`
	Level     string              `json:"level,omitempty"`
	Summary   string              `json:"summary,omitempty"`
	Tags      []string            `json:"tags,omitempty"`
	Relations map[string][]string `json:"relations"`
	Inverse   map[string][]string `json:"inverse"`
}

type itemJSON struct {
	ID       string   `json:"id"`
	Key      string   `json:"key"`
	Backlog  string   `json:"backlog"`
	Kind     string   `json:"kind"`
	Status   string   `json:"status"`
	Value    *float64 `json:"value"`
	Estimate *float64 `json:"estimate"`
	Parent   string   `json:"parent,omitempty"`
	Release  string   `json:"release,omitempty"`
	Rank     int      `json:"rank"`
	Ranked   bool     `json:"ranked"`
	Ready    bool     `json:"ready"`
	Missing  []string `json:"missing,omitempty"`
	Priority float64  `json:"priority"`
	Forecast *int     `json:"forecast"`
	Horizon  bool     `json:"in_horizon"`
	Children []string `json:"children,omitempty"`
	Rolled   float64  `json:"rolled_estimate"`
	Done     float64  `json:"done_share"`
}

type releaseJSON struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	System     string `json:"system"`
	Variant    string `json:"variant"`
	Version    string `json:"version"`
	Start      string `json:"start"`
	End        string `json:"end"`
	Status     string `json:"status"`
	ReleasedOn string `json:"released_on,omitempty"`
	URL        string `json:"url"`
	Lane       string `json:"lane"`
	Phase      string `json:"phase,omitempty"`

	Scope        []string    `json:"scope"`
	Estimate     float64     `json:"estimate"`
	DoneEstimate float64     `json:"done_estimate"`
	Progress     float64     `json:"progress"`
	Overdue      bool        `json:"overdue"`
	AtRisk       []riskJSON  `json:"at_risk"`
	Unforecast   []string    `json:"unforecast,omitempty"`
	Notes        []notesJSON `json:"notes,omitempty"`
}

type riskJSON struct {
	Item   string `json:"item"`
	Reason string `json:"reason"`
}

type notesJSON struct {
	Kind  string   `json:"kind"`
	Items []string `json:"items"`
}

func releaseOf(r *backlog.Release) releaseJSON {
	p, f := r.Page, r.Page.Release
	rj := releaseJSON{ID: p.ID, Title: p.Title, System: f.System, Variant: f.Variant, Version: f.Version,
		Start: isoDate(f.Start), End: isoDate(f.End), Status: f.Status, ReleasedOn: isoDate(f.ReleasedOn),
		URL: p.URL, Lane: r.Lane, Phase: r.Phase, Scope: []string{}, Estimate: round(r.Estimate),
		DoneEstimate: round(r.DoneEstimate), Progress: round(r.Progress), Overdue: r.Overdue, AtRisk: []riskJSON{}}
	for _, it := range r.Scope {
		rj.Scope = append(rj.Scope, it.Page.ID)
	}
	for _, rk := range r.Risks {
		rj.AtRisk = append(rj.AtRisk, riskJSON{Item: rk.Item.Page.ID, Reason: rk.Reason})
	}
	for _, it := range r.Unforecast {
		rj.Unforecast = append(rj.Unforecast, it.Page.ID)
	}
	for _, n := range r.Notes {
		nj := notesJSON{Kind: n.Kind}
		for _, it := range n.Items {
			nj.Items = append(nj.Items, it.Page.ID)
		}
		rj.Notes = append(rj.Notes, nj)
	}
	return rj
}

func (e *plan) writeModel(w io.Writer, m *index) error {
	out := modelJSON{Site: siteJSON{Title: e.site.Title, BaseURL: e.site.BaseURL, Levels: e.site.Levels},
		Pages: []pageJSON{}, Items: []itemJSON{}, Releases: []releaseJSON{}}
	for _, p := range m.Pages {
		pj := pageJSON{ID: p.ID, Type: p.Type, Title: p.Title, Abbr: p.Abbr, URL: p.URL, Level: p.Level,
			Summary: p.Summary, Tags: p.Tags, Relations: map[string][]string{}, Inverse: map[string][]string{}}
		for _, ed := range m.Links.Out(p) {
			pj.Relations[ed.Relation] = append(pj.Relations[ed.Relation], ed.To.ID)
		}
		for _, ed := range m.Links.In(p) {
			pj.Inverse[ed.Relation] = append(pj.Inverse[ed.Relation], ed.From.ID)
		}
		out.Pages = append(out.Pages, pj)
		if p.Item != nil {
			out.Items = append(out.Items, itemOf(m, p))
		}
	}
	if m.Backlogs != nil {
		for _, r := range m.Backlogs.Releases {
			out.Releases = append(out.Releases, releaseOf(r))
		}
	}
	enc := json.NewEncoder(w)
	return enc.Encode(out)
}

func itemOf(m *index, p *generator.Page) itemJSON {
	it := p.Item
	ij := itemJSON{ID: p.ID, Key: it.Key, Backlog: it.Backlog, Kind: it.Kind, Status: it.Status,
		Value: optional(it.Value), Estimate: optional(it.Estimate)}
	if t := m.Links.Target(it.Parent); t != nil {
		ij.Parent = t.ID
	}
	if t := m.Links.Target(it.Release); t != nil {
		ij.Release = t.ID
	}
	if d := m.Backlogs.Items[p]; d != nil {
		ij.Rank, ij.Ranked, ij.Ready, ij.Missing = d.Rank, d.Ranked, d.Ready, d.Missing
		ij.Priority, ij.Horizon, ij.Rolled, ij.Done = round(d.Priority), d.InHorizon, d.RolledEstimate, round(d.DoneShare)
		if d.Forecast > 0 {
			ij.Forecast = &d.Forecast
		}
		for _, c := range d.Children {
			ij.Children = append(ij.Children, c.Page.ID)
		}
	}
	return ij
}

func optional(n generator.Number) *float64 {
	if !n.Set {
		return nil
	}
	v := n.Value
	return &v
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

func (e *plan) writeSitemap(w io.Writer, m *index) error {
	s := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	s.URLs = append(s.URLs, sitemapURL{Loc: absURL(e.site.BaseURL, "/")})
	for _, n := range e.site.Nav {
		s.URLs = append(s.URLs, sitemapURL{Loc: absURL(e.site.BaseURL, n.URL)})
	}
	for _, p := range m.Pages {
		s.URLs = append(s.URLs, sitemapURL{Loc: absURL(e.site.BaseURL, p.URL), LastMod: isoDate(p.Date)})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(s); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// round keeps four decimals, so that exports do not show 0.30000000000000004.
func round(f float64) float64 { return math.Round(f*1e4) / 1e4 }
