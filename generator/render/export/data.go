package export

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"github.com/backlight-wiki/backlight/generator/changes"
	"io"
	"slices"
	"strings"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/render/views"
)

// dataOutputs are the machine-readable files: model.json and its page
// chunks, sitemap.xml and its sitemaps, and robots.txt.
func (x *exporter) dataOutputs(m *views.Model) []File {
	outs := x.modelOutputs(m, x.site.Limits.ModelChunk)
	outs = append(outs, x.sitemapOutputs(m, x.site.Limits.SitemapURLs)...)
	if !x.site.Top {
		return outs // robots.txt is the top's
	}
	return append(outs, File{Top: true, Path: "robots.txt", Source: "robots.txt", Write: func(w io.Writer) error {
		_, err := io.WriteString(w, "User-agent: *\nAllow: /\nSitemap: "+generator.AbsURL(x.topURL(), "/sitemap.xml")+"\n")
		return err
	}})
}

// modelJSON is model.json: the site, its types and relation vocabulary,
// and the chunk files that hold its pages, items and releases. Each chunk
// is a modelChunk; a reader concatenates the arrays of the same name.
type modelJSON struct {
	Site      siteJSON            `json:"site"`
	Types     []typeJSON          `json:"types"`
	Relations []relationJSON      `json:"relations"`
	Backlogs  []views.BacklogJSON `json:"backlogs,omitempty"` // their throughput and velocities (docs/forecasting.md)
	Chunks    []string            `json:"chunks"`
}

// modelChunk is one chunk file of the model export.
type modelChunk struct {
	Pages    []pageJSON    `json:"pages,omitempty"`
	Items    []itemJSON    `json:"items,omitempty"`
	Releases []releaseJSON `json:"releases,omitempty"`
}

type typeJSON struct {
	Name   string `json:"name"`
	Label  string `json:"label"`
	Plural string `json:"plural"`
}

type relationJSON struct {
	Name    string `json:"name"`
	Label   string `json:"label"`
	Inverse string `json:"inverse"`
}

type siteJSON struct {
	Title   string   `json:"title"`
	BaseURL string   `json:"baseURL"`
	Levels  []string `json:"levels"`
}

// languagesOf are, on a multilingual site, the language of p's text in
// m (the default language's where p is not translated) and the site URL
// of p in each language it is written in; nothing on a site in one
// language.
func (x *exporter) languagesOf(m *views.Model, p *generator.Page) (string, map[string]string) {
	ls := x.site.Languages
	if len(ls) == 0 {
		return "", nil
	}
	lang := x.site.Language
	if m.Fallback[p] {
		lang = ls[0].Code
	}
	out := map[string]string{ls[0].Code: "/" + ls[0].Prefix + strings.TrimPrefix(p.URL, "/")}
	for _, l := range ls[1:] {
		if p.Translations[l.Code] != nil {
			out[l.Code] = "/" + l.Prefix + strings.TrimPrefix(p.URL, "/")
		}
	}
	return lang, out
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
	// Lang and Translations are a multilingual site's: the language of
	// the page's text here, and its URL in each language it is written in.
	Lang         string            `json:"lang,omitempty"`
	Translations map[string]string `json:"translations,omitempty"`
	*pageHistoryJSON
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
	*itemHistoryJSON
	*itemForecastJSON
}

// itemForecastJSON is an open item's forecast from its backlog's own
// history: a day for each percentile, null when its backlog has no basis
// (docs/forecasting.md).
type itemForecastJSON struct {
	ForecastDates map[string]*string `json:"forecast_dates"`
}

func backlogsJSON(m *views.Model) []views.BacklogJSON {
	if m.Forecasts == nil || m.Backlogs == nil {
		return nil
	}
	var out []views.BacklogJSON
	for _, b := range m.Backlogs.Backlogs {
		if f := m.Forecasts.Backlogs[b.Page.ID]; f != nil {
			out = append(out, f.JSON(b.Page.ID))
		}
	}
	return out
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
	// Forecast is when its open scope is done, from its backlogs' own
	// history; null for a release with no open scope, or scope in a
	// backlog with no basis for a forecast.
	Forecast *views.ReleaseForecastJSON `json:"forecast"`
}

type riskJSON struct {
	Item   string `json:"item"`
	Reason string `json:"reason"`
}

type notesJSON struct {
	Kind  string   `json:"kind"`
	Items []string `json:"items"`
}

// pageHistoryJSON is what the history says of a page; a site without
// history has none of its fields.
type pageHistoryJSON struct {
	Created     string `json:"created"`
	Updated     string `json:"updated"`
	Revisions   int    `json:"revisions"`
	Uncommitted bool   `json:"uncommitted,omitempty"`
}

// itemHistoryJSON is an item's status timeline and what follows from it,
// null where it does not apply.
type itemHistoryJSON struct {
	History   []changes.Status `json:"history"`
	Created   string           `json:"created"`
	Started   *string          `json:"started"`
	DoneOn    *string          `json:"done_on"`
	LeadDays  *int             `json:"lead_days"`
	CycleDays *int             `json:"cycle_days"`
}

func pageHistoryOf(m *views.Model, p *generator.Page) *pageHistoryJSON {
	h := m.PageHistory(p)
	if h == nil {
		return nil
	}
	return &pageHistoryJSON{Created: h.Created, Updated: h.Updated, Revisions: h.Revisions, Uncommitted: h.Uncommitted}
}

func itemHistoryOf(m *views.Model, p *generator.Page) *itemHistoryJSON {
	h := m.ItemHistory(p)
	if h == nil {
		return nil
	}
	j := &itemHistoryJSON{History: h.History, Created: h.Created, Started: orNull(h.Started), DoneOn: orNull(h.DoneOn)}
	if h.LeadDays >= 0 {
		j.LeadDays = &h.LeadDays
	}
	if h.CycleDays >= 0 {
		j.CycleDays = &h.CycleDays
	}
	return j
}

func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func releaseOf(m *views.Model, r *backlog.Release) releaseJSON {
	p, f := r.Page, r.Page.Release
	rj := releaseJSON{ID: p.ID, Title: p.Title, System: f.System, Variant: f.Variant, Version: f.Version,
		Start: views.ISODate(f.Start), End: views.ISODate(f.End), Status: f.Status, ReleasedOn: views.ISODate(f.ReleasedOn),
		URL: p.URL, Lane: r.Lane, Phase: r.Phase, Scope: []string{}, Estimate: round(r.Estimate),
		DoneEstimate: round(r.DoneEstimate), Progress: round(r.Progress), Overdue: r.Overdue, AtRisk: []riskJSON{}}
	for _, it := range r.Scope {
		rj.Scope = append(rj.Scope, it.Page.ID)
	}
	if m.Forecasts != nil {
		if d := m.Forecasts.Releases[p.ID]; d != nil {
			rj.Forecast = d.ReleaseJSON(m.Forecasts.Confidence)
		}
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

// modelOutputs are model.json and its chunk files: model/pages-0001.json
// … of at most limit pages each (with their items), and
// model/releases-0001.json … of at most limit releases, a release that
// names many items counting as several (releaseWeight).
func (x *exporter) modelOutputs(m *views.Model, limit int) []File {
	head := modelJSON{Site: siteJSON{Title: x.site.Title, BaseURL: x.site.BaseURL, Levels: x.site.Levels},
		Types: []typeJSON{}, Relations: []relationJSON{}, Backlogs: backlogsJSON(m), Chunks: []string{}}
	for _, t := range x.site.Types {
		head.Types = append(head.Types, typeJSON{Name: t.Name, Label: t.Label, Plural: t.Plural})
	}
	for _, rt := range m.Vocabulary {
		head.Relations = append(head.Relations, relationJSON{Name: rt.Name, Label: rt.Label, Inverse: rt.Inverse})
	}
	var outs []File
	add := func(path string, chunk func() modelChunk) {
		head.Chunks = append(head.Chunks, path)
		outs = append(outs, File{Path: path, Source: "the model export", Write: func(w io.Writer) error {
			return writeJSON(w, chunk())
		}})
	}
	for i, ps := range slices.Collect(slices.Chunk(m.Pages, limit)) {
		add(fmt.Sprintf("model/pages-%04d.json", i+1), func() modelChunk { return x.pageChunk(m, ps) })
	}
	if m.Backlogs != nil {
		for i, rs := range weighedChunks(m.Backlogs.Releases, limit, releaseWeight) {
			add(fmt.Sprintf("model/releases-%04d.json", i+1), func() modelChunk {
				var c modelChunk
				for _, r := range rs {
					c.Releases = append(c.Releases, releaseOf(m, r))
				}
				return c
			})
		}
	}
	return append(outs, File{Path: "model.json", Source: "the model export", Write: func(w io.Writer) error {
		return writeJSON(w, head)
	}})
}

// pageChunk is the model export of some pages and of the items among them.
func (x *exporter) pageChunk(m *views.Model, ps []*generator.Page) modelChunk {
	var c modelChunk
	for _, p := range ps {
		pj := pageJSON{ID: p.ID, Type: p.Type, Title: p.Title, Abbr: p.Abbr, URL: p.URL, Level: p.Level,
			Summary: p.Summary, Tags: p.Tags, Relations: map[string][]string{}, Inverse: map[string][]string{}}
		pj.Lang, pj.Translations = x.languagesOf(m, p)
		pj.pageHistoryJSON = pageHistoryOf(m, p)
		for _, ed := range m.Links.Out(p) {
			pj.Relations[ed.Relation] = append(pj.Relations[ed.Relation], ed.To.ID)
		}
		for _, ed := range m.Links.In(p) {
			pj.Inverse[ed.Relation] = append(pj.Inverse[ed.Relation], ed.From.ID)
		}
		c.Pages = append(c.Pages, pj)
		if p.Item != nil {
			c.Items = append(c.Items, itemOf(m, p))
		}
	}
	return c
}

func writeJSON(w io.Writer, v any) error {
	if err := json.NewEncoder(w).Encode(v); err != nil {
		return fmt.Errorf("encoding JSON: %w", err)
	}
	return nil
}

func itemOf(m *views.Model, p *generator.Page) itemJSON {
	it := p.Item
	ij := itemJSON{ID: p.ID, Key: it.Key, Backlog: it.Backlog, Kind: it.Kind, Status: it.Status,
		Value: optional(it.Value), Estimate: optional(it.Estimate), itemHistoryJSON: itemHistoryOf(m, p)}
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
		if d.Open() && m.Forecasts != nil {
			ij.itemForecastJSON = &itemForecastJSON{}
			if fd := m.Forecasts.Items[p.ID]; fd != nil {
				ij.ForecastDates = views.DaysJSON(fd.Days)
			}
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

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr,omitempty"` // a multilingual site's, for the alternates
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc        string      `xml:"loc"`
	LastMod    string      `xml:"lastmod,omitempty"`
	Alternates []xhtmlLink `xml:"xhtml:link"`
}

// xhtmlLink is a sitemap entry's page in one language (Google's
// hreflang sitemaps).
type xhtmlLink struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

const xhtmlNS = "http://www.w3.org/1999/xhtml"

// topURL is the base URL of the top of the whole site: the site's own,
// but for a language under a folder of its own, that folder's parent.
func (x *exporter) topURL() string {
	return strings.TrimSuffix(x.site.BaseURL, x.site.Prefix)
}

// alternates are the entries of site URL u in every language, and the
// default language's as x-default; none for a site in one language.
func (x *exporter) alternates(u string) []xhtmlLink {
	if len(x.site.Languages) == 0 {
		return nil
	}
	out := make([]xhtmlLink, 0, len(x.site.Languages)+1)
	for _, l := range x.site.Languages {
		out = append(out, xhtmlLink{Rel: "alternate", HrefLang: l.Code, Href: generator.AbsURL(l.BaseURL, u)})
	}
	return append(out, xhtmlLink{Rel: "alternate", HrefLang: "x-default", Href: out[0].Href})
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

const sitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// sitemapOutputs are sitemap.xml, a sitemap index (sitemaps.org), and
// the sitemaps it lists, sitemaps/sitemap-0001.xml …, each of at most
// limit URLs, so that no file grows with the site.
func (x *exporter) sitemapOutputs(m *views.Model, limit int) []File {
	n := 1 + len(x.site.Nav) + len(m.Pages) // as sitemapURLs lists them
	index := sitemapIndex{NS: sitemapNS}
	var outs []File
	for i, lo := 0, 0; lo < n; i, lo = i+1, lo+limit {
		hi := min(lo+limit, n)
		path := fmt.Sprintf("sitemaps/sitemap-%04d.xml", i+1)
		index.Sitemaps = append(index.Sitemaps, sitemapURL{Loc: generator.AbsURL(x.site.BaseURL, "/"+path)})
		outs = append(outs, File{Path: path, Source: "the sitemap", Write: func(w io.Writer) error {
			set := urlset{NS: sitemapNS, URLs: x.sitemapURLs(m, lo, hi)}
			if len(x.site.Languages) > 0 {
				set.XHTML = xhtmlNS
			}
			return writeXML(w, set)
		}})
	}
	if !x.site.Top {
		return outs // the top's index lists these
	}
	if len(x.site.Languages) > 0 {
		// Every language has as many pages, in as many parts: the index
		// lists each language's.
		parts := index.Sitemaps
		index.Sitemaps = nil
		for _, l := range x.site.Languages {
			for _, part := range parts {
				rel := strings.TrimPrefix(part.Loc, generator.AbsURL(x.site.BaseURL, "/"))
				index.Sitemaps = append(index.Sitemaps, sitemapURL{Loc: generator.AbsURL(l.BaseURL, "/"+rel)})
			}
		}
	}
	return append(outs, File{Top: true, Path: "sitemap.xml", Source: "the sitemap index", Write: func(w io.Writer) error {
		return writeXML(w, index)
	}})
}

// sitemapURLs are the entries lo to hi (excluded) of the sitemap: the
// home page, the list pages of the navigation, then every page. They are
// made when their part is written, not kept through the build.
func (x *exporter) sitemapURLs(m *views.Model, lo, hi int) []sitemapURL {
	urls := make([]sitemapURL, 0, hi-lo)
	for i := lo; i < hi; i++ {
		switch nav := i - 1; {
		case i == 0:
			urls = append(urls, sitemapURL{Loc: generator.AbsURL(x.site.BaseURL, "/"), Alternates: x.alternates("/")})
		case nav < len(x.site.Nav):
			u := x.site.Nav[nav].URL
			urls = append(urls, sitemapURL{Loc: generator.AbsURL(x.site.BaseURL, u), Alternates: x.alternates(u)})
		default:
			p := m.Pages[nav-len(x.site.Nav)]
			lastMod := views.ISODate(p.Date)
			if h := m.PageHistory(p); h != nil {
				lastMod = h.Updated // when its file last changed, from the site's history
			}
			urls = append(urls, sitemapURL{Loc: generator.AbsURL(x.site.BaseURL, p.URL), LastMod: lastMod, Alternates: x.alternates(p.URL)})
		}
	}
	return urls
}

// weighedChunks cuts s into runs whose weights add up to at most max; an
// element heavier than max gets a run of its own.
func weighedChunks[T any](s []T, max int, weight func(T) int) [][]T {
	var out [][]T
	start, sum := 0, 0
	for i, v := range s {
		w := weight(v)
		if i > start && sum+w > max {
			out = append(out, s[start:i:i])
			start, sum = i, 0
		}
		sum += w
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// idsPerPage is how many item ids in a release's export weigh as much as
// a page's export, about half a kilobyte.
const idsPerPage = 40

// releaseWeight is a release's share of a model chunk, in pages: its
// export grows with the items it names.
func releaseWeight(r *backlog.Release) int {
	return 1 + (len(r.Scope)+len(r.Risks)+len(r.Unforecast))/idsPerPage
}

// writeXML writes v as an indented XML document.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encoding XML: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// round keeps four decimals, so that exports do not show 0.30000000000000004.
func round(f float64) float64 { return views.Round(f) }
