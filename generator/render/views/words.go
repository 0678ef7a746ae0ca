package views

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/backlight-wiki/backlight/generator"
	"github.com/backlight-wiki/backlight/generator/backlog"
	"github.com/backlight-wiki/backlight/generator/i18n"
)

// How the site writes numbers, dates and a release's state: the pages
// and the exports (backlog.csv, the release feed and calendar) write them
// alike.

// Number writes a number as authors wrote it, "" when it is not set.
func Number(n generator.Number) string {
	if !n.Set {
		return ""
	}
	return strconv.FormatFloat(n.Value, 'f', -1, 64)
}

// weeks writes a number of weeks, "" when it is not set.
func weeks(n generator.Number) string {
	if !n.Set {
		return ""
	}
	return Number(n) + " weeks"
}

// Decimal writes f rounded to two decimals, without trailing zeros.
func Decimal(f float64) string {
	return strconv.FormatFloat(float64(int64(f*100+0.5))/100, 'f', -1, 64)
}

// pct is a share as a whole percentage.
func pct(f float64) int { return int(f*100 + 0.5) }

// ISODate writes a day as exports give it, "2026-07-06"; "" for none.
func ISODate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// DateRange writes "6 July – 18 December 2026", or with both years when
// they differ, in the language of w (English when w is nil).
func DateRange(w *i18n.Strings, a, b time.Time) string {
	if w == nil {
		w = &i18n.Strings{}
	}
	return w.DateRange(a, b)
}

// ReleaseSentence is a release's state in words, in the language of w
// (English when w is nil), as its page's description and its calendar
// and feed entries give it: "In progress until 11 December 2026: 45% done,
// 14 items in scope, 3 at risk."
func ReleaseSentence(w *i18n.Strings, r *backlog.Release) string {
	f := r.Page.Release
	var b strings.Builder
	switch f.Status {
	case backlog.Cancelled:
		return w.Or("release_cancelled", "Cancelled.")
	case backlog.Released:
		if f.ReleasedOn.IsZero() {
			b.WriteString(w.Or("release_released", "Released"))
		} else {
			b.WriteString(w.Or("release_released_on", "Released on {date}", "date", w.DateOr(f.ReleasedOn)))
		}
	case backlog.InProgress:
		b.WriteString(w.Or("release_in_progress_until", "In progress until {date}", "date", w.DateOr(f.End)))
	default:
		b.WriteString(generator.Capitalise(f.Status) + ", " + DateRange(w, f.Start, f.End))
	}
	if none := noItems(w, r); none != "" {
		return b.String() + ": " + lowerFirst(none) + "."
	}
	b.WriteString(": " + w.OrN("release_scope", len(r.Scope), "{pct}% done, {n} item in scope", "{pct}% done, {n} items in scope", "pct", pct(r.Progress)))
	if n := len(r.Risks); n > 0 {
		b.WriteString(w.Or("release_at_risk", ", {n} at risk", "n", n))
	}
	return b.String() + "."
}

// KindHeading is a release-notes heading for an item kind: "Features",
// "Knowledge gaps"; a kind that ends in s is taken to be plural already.
func KindHeading(kind string) string {
	if kind == "" {
		return "Other"
	}
	s := generator.Capitalise(strings.ReplaceAll(kind, "-", " "))
	if !strings.HasSuffix(s, "s") {
		s = generator.Plural(s)
	}
	return s
}

// lowerFirst puts the first letter of s in lower case.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
