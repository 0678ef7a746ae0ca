package export

import (
	"cmp"
	"fmt"
	"html"
	"html/template"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/feed"
	"github.com/backlight-wiki/backlight/generator/render/views"
)

// ShowsBody reports whether an export shows p's rendered Markdown, as
// p's own page does: the release feed carries each release's notes.
func ShowsBody(p *generator.Page) bool { return p.Release != nil }

// releaseFeeds are releases.ics, a calendar of every release, and
// releases.xml, an Atom feed of them, newest first. A site without
// releases gets neither.
func (x *exporter) releaseFeeds(m *views.Model) []File {
	if m.Backlogs == nil || len(m.Backlogs.Releases) == 0 {
		return nil
	}
	return []File{
		{Path: generator.OutPath(views.CalendarURL), Source: "the release calendar", Write: func(w io.Writer) error {
			_, err := w.Write(x.calendar(m).Bytes())
			return err
		}},
		{Path: generator.OutPath(views.FeedURL), Source: "the release feed", Write: func(w io.Writer) error {
			b, err := x.releaseFeed(m).Bytes()
			if err != nil {
				return err
			}
			_, err = w.Write(b)
			return err
		}},
	}
}

// calendarStatus maps a release status to an iCalendar event status.
var calendarStatus = map[string]string{backlog.Planned: "TENTATIVE", backlog.InProgress: "CONFIRMED",
	backlog.Released: "CONFIRMED", backlog.Cancelled: "CANCELLED"}

func (x *exporter) calendar(m *views.Model) feed.Calendar {
	c := feed.Calendar{ProdID: "-//Backlight//Backlight " + cmp.Or(x.site.Version, "dev") + "//EN",
		Name: "Releases · " + x.site.Title, URL: x.absolute(views.CalendarURL), Stamp: x.site.Now}
	for _, r := range m.Backlogs.Releases {
		f := r.Page.Release
		if f.Start.IsZero() {
			continue // a release without dates is an error already; it has no place in a calendar
		}
		ev := feed.Event{UID: x.uid(r.Page.ID), Summary: r.Page.Title, Description: x.releaseText(r),
			URL: x.absolute(r.Page.URL), Status: calendarStatus[f.Status],
			Categories: []string{"Release", r.Lane}, Start: f.Start, End: cmp.Or(f.End, f.Start)}
		c.Events = append(c.Events, ev)
	}
	return c
}

// uid is a release's stable calendar identifier: its id at the site's
// host, or a name-based UUID when the site has no absolute base URL.
func (x *exporter) uid(id string) string {
	if u, err := url.Parse(x.site.BaseURL); err == nil && u.Host != "" {
		return "release-" + id + "@" + u.Host
	}
	return strings.TrimPrefix(feed.UUID("backlight release", x.site.Title, id), "urn:uuid:")
}

// absolute is the absolute URL of a site path, or "" when the site's base
// URL is only a path.
func (x *exporter) absolute(u string) string {
	if b, err := url.Parse(x.site.BaseURL); err != nil || b.Host == "" {
		return ""
	}
	return generator.AbsURL(x.site.BaseURL, u)
}

// releaseText describes a release in plain text for a calendar entry:
// "In progress until 11 December 2026: 45% done, 14 items in scope, 3 at
// risk." and its summary.
func (x *exporter) releaseText(r *backlog.Release) string {
	s := views.ReleaseSentence(x.site.Strings, r)
	if sum := r.Page.Summary; sum != "" {
		s += "\n\n" + sum
	}
	return s
}

// releaseFeed is the Atom feed: an entry for each of the newest
// Limits.FeedReleases releases, dated by the day it shipped, or else by its
// start, newest first. Entry dates depend only
// on the content, so that feed readers do not see every build as an
// update; the feed's own date is the build's.
func (x *exporter) releaseFeed(m *views.Model) feed.Feed {
	f := feed.Feed{Title: "Releases · " + x.site.Title, Self: x.link(views.FeedURL), Alternate: x.link(generator.TypeURL("release")),
		Author: x.site.Title, Generator: "Backlight", Updated: x.site.Now}
	f.ID = cmp.Or(x.absolute(views.FeedURL), feed.UUID("backlight releases", x.site.Title))
	rs := slices.Clone(m.Backlogs.Releases)
	slices.SortStableFunc(rs, func(a, b *backlog.Release) int {
		return cmp.Or(feedDate(b).Compare(feedDate(a)), strings.Compare(a.Page.ID, b.Page.ID))
	})
	for _, r := range rs[:min(len(rs), x.site.Limits.FeedReleases)] {
		when := feedDate(r)
		// The hand-written notes go in only where a feed reader can
		// resolve their relative links: against the page's absolute URL,
		// given as the content's xml:base, which needs a baseURL with a host.
		var notes template.HTML
		base := x.absolute(r.Page.URL)
		if b := m.Bodies[r.Page]; b != nil && base != "" {
			notes = b.HTML
		}
		f.Entries = append(f.Entries, feed.Entry{
			ID:    cmp.Or(base, feed.UUID("backlight release", x.site.Title, r.Page.ID)),
			Title: r.Page.Title + " (" + r.Page.Release.Status + ")", Link: x.link(r.Page.URL),
			Published: when, Updated: when, Summary: x.releaseText(r), Content: x.releaseHTML(r, notes),
			ContentBase: base, Categories: []string{r.Lane, r.Page.Release.Status}})
	}
	return f
}

// feedDate is the day a release shipped, or its start.
func feedDate(r *backlog.Release) time.Time {
	if f := r.Page.Release; f.Status == backlog.Released && !f.ReleasedOn.IsZero() {
		return f.ReleasedOn
	}
	return r.Page.Release.Start
}

// link is the absolute URL of a site path, or the path under the base
// URL's path when the base URL has no host.
func (x *exporter) link(u string) string {
	if a := x.absolute(u); a != "" {
		return a
	}
	return generator.AbsURL(generator.BasePath(x.site.BaseURL), u)
}

// releaseHTML is an entry's content: the facts, the hand-written notes
// (when the feed can carry them) and the generated release notes, with
// absolute links.
func (x *exporter) releaseHTML(r *backlog.Release, notes template.HTML) string {
	f := r.Page.Release
	var b strings.Builder
	fmt.Fprintf(&b, "<p>%s, %s. %s</p>", html.EscapeString(r.Lane), html.EscapeString(views.DateRange(x.site.Strings, f.Start, f.End)),
		html.EscapeString(views.ReleaseSentence(x.site.Strings, r)))
	if s := r.Page.Summary; s != "" {
		fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(s))
	}
	b.WriteString(string(notes))
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "<h3>%s</h3><ul>", html.EscapeString(views.KindHeading(n.Kind)))
		for _, it := range n.Items {
			fmt.Fprintf(&b, `<li><a href="%s">%s</a> %s</li>`, html.EscapeString(x.link(it.Page.URL)),
				html.EscapeString(it.Key()), html.EscapeString(it.Page.Title))
		}
		b.WriteString("</ul>")
	}
	return b.String()
}

// changesFeed is changes.xml, an Atom feed of the change list (/changes/):
// an entry for each day, newest first, dated by the day, so that a feed
// reader sees a day's entry change only when that day's changes do. A
// site without history has none.
func (x *exporter) changesFeed(m *views.Model) []File {
	if m.History == nil {
		return nil
	}
	return []File{{Path: generator.OutPath(views.ChangesFeedURL), Source: "the change feed", Write: func(w io.Writer) error {
		b, err := x.changeFeed(m).Bytes()
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	}}}
}

func (x *exporter) changeFeed(m *views.Model) feed.Feed {
	title := x.site.Strings.Or("changes_title", "What changed")
	f := feed.Feed{Title: title + " · " + x.site.Title, Self: x.link(views.ChangesFeedURL), Alternate: x.link(views.ChangesURL),
		Author: x.site.Title, Generator: "Backlight", Updated: x.site.Now}
	f.ID = cmp.Or(x.absolute(views.ChangesFeedURL), feed.UUID("backlight changes", x.site.Title))
	for _, d := range views.ChangeFeedDays(x.site, m, x.link("/")) {
		when, _ := time.Parse(time.DateOnly, d.Day)
		n := 0
		var b strings.Builder
		for _, g := range d.Groups {
			fmt.Fprintf(&b, "<h3>%s</h3><ul>", html.EscapeString(g.Title))
			for _, l := range g.Lines {
				n++
				name := html.EscapeString(strings.TrimSpace(l.Key + " " + l.Page.Title))
				if l.Page.Href != "" {
					name = fmt.Sprintf(`<a href="%s">%s</a>`, html.EscapeString(l.Page.Href), name)
				}
				fmt.Fprintf(&b, "<li>%s %s", name, html.EscapeString(l.Text))
				if l.Subject != "" {
					fmt.Fprintf(&b, " <q>%s</q>", html.EscapeString(l.Subject))
				}
				if l.Author != "" {
					fmt.Fprintf(&b, " (%s)", html.EscapeString(l.Author))
				}
				b.WriteString("</li>")
			}
			b.WriteString("</ul>")
		}
		f.Entries = append(f.Entries, feed.Entry{
			ID:    feed.UUID("backlight changes", x.site.Title, d.Day),
			Title: d.Date + " (" + strconv.Itoa(n) + ")", Link: x.link(views.ChangesURL) + "#changes-" + d.Day,
			Published: when, Updated: when, Content: b.String()})
	}
	return f
}
