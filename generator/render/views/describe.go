package views

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/backlight-wiki/backlight/generator"
)

// maxDescription is the length, in characters, a description is cut to:
// about what search engines show under a result's title.
const maxDescription = 160

// shortSentence is the length under which a description's first
// sentence is followed by the next ones, as far as maxDescription allows.
const shortSentence = 60

// describe is the meta description of a view, and the text of its Open
// Graph and Twitter cards, whatever its kind: a page's summary, else the
// first sentence of its body (or of a list's introduction), else a
// sentence made from what the view shows. Plain text, at most
// maxDescription characters.
func (s *Site) describe(v *View) string {
	if p := v.Page; p != nil {
		if d := generator.OneLine(p.Summary); d != "" {
			return clip(d)
		}
		if d := firstSentences(p.lead); d != "" {
			return clip(d)
		}
		return clip(s.pageSentence(v))
	}
	if d := firstSentences(v.lead); d != "" {
		return clip(d)
	}
	return clip(s.listSentence(v))
}

// pageSentence describes a content page without summary or body.
func (s *Site) pageSentence(v *View) string {
	pv := v.Page
	switch {
	case pv.Item != nil:
		return itemSentence(pv)
	case pv.Release != nil:
		return pv.Title + ", " + lowerFirst(pv.Release.sentence)
	case pv.Backlog != nil:
		return backlogSentence(pv.Title, pv.Backlog)
	}
	where := ""
	if pv.Level != nil {
		where = " of the " + strings.ToLower(pv.Level.Title) + " level"
	}
	return fmt.Sprintf("%s: %s%s of %s.", pv.Title, generator.Article(strings.ToLower(pv.TypeLabel)), where, s.site.Title)
}

// itemSentence: "Feature CBI-214 of the Cluster backlog, rank 4: ready,
// value 8, estimate 5 points, for the release Pump controller 3.1 (EU)."
func itemSentence(pv *PageView) string {
	f, it := pv.src.Item, pv.Item
	var b strings.Builder
	b.WriteString(generator.Capitalise(cmp.Or(f.Kind, "item")))
	if f.Key != "" {
		b.WriteString(" " + f.Key)
	}
	if it.backlog != "" {
		b.WriteString(" of " + the(it.backlog))
	}
	if it.Rank > 0 {
		b.WriteString(", rank " + strconv.Itoa(it.Rank))
	}
	var facts []string
	if f.Status != "" {
		facts = append(facts, f.Status)
	}
	if v := Number(f.Value); v != "" {
		facts = append(facts, "value "+v)
	}
	if est := Number(f.Estimate); est != "" {
		facts = append(facts, "estimate "+est+" "+generator.ForCount(int(f.Estimate.Value), "point", "points"))
	}
	if it.Release != nil {
		facts = append(facts, "for the release "+it.Release.Title)
	}
	if len(facts) > 0 {
		b.WriteString(": " + strings.Join(facts, ", "))
	}
	b.WriteString(".")
	return b.String()
}

// backlogSentence: "Team Alpha backlog: 18 items in rank order, 75 % of
// the refinement horizon ready."
func backlogSentence(title string, b *BacklogView) string {
	n := len(b.Rows)
	s := fmt.Sprintf("%s: %d %s in rank order", title, n, generator.ForCount(n, "item", "items"))
	if n > 0 {
		s += fmt.Sprintf(", %d %% of the refinement horizon ready", b.HealthPct)
	}
	return s + "."
}

// listSentence describes a view that is not a content page: what it
// lists, counted.
func (s *Site) listSentence(v *View) string {
	site := s.site.Title
	switch {
	case v.Kind == "home":
		return s.tr("describe_home", "The roles, groups, events, artifacts, backlogs and releases of {site}.", "site", site)
	case v.Kind == "search":
		return s.tr("describe_search", "Search every page, item and release of {site}.", "site", site)
	case v.Kind == "404":
		return s.tr("describe_404", "There is no page at this address on {site}; the start page and its sections lead on.", "site", site)
	case v.Roadmap != nil:
		return s.tr("describe_roadmap", "Every release on a dated timeline, with its progress and what is at risk.")
	case v.Tree != nil:
		return s.tr("describe_tree", "Every top-level item and what it was refined into, with rolled-up estimates and done share.")
	case v.Graph != nil:
		return s.tr("describe_level_graph", "The roles, groups, events and artifacts of the {level} level and how they relate.", "level", s.levelName(v.level))
	case v.BacklogList != nil:
		return s.tr("describe_backlogs", "Every backlog of {site} with its owner, its items and how much of its refinement horizon is ready.", "site", site)
	case v.URL == "/levels/":
		return s.tr("describe_levels", "The levels of {site}, each with how many pages of each type it holds.", "site", site)
	case v.part != nil:
		if v.part.group == nil {
			return "What the roles in no group organize, attend and are responsible for at the " + v.level + " level of " + site + "."
		}
		return "What " + v.part.title + " and its members organize, attend and are responsible for at the " + v.level + " level of " + site + "."
	case v.level != "":
		text := "The " + v.level + " level of " + site
		if c := s.counts(v.Groups); c != "" {
			text += ": " + c
		}
		if len(v.Matrices) > 0 || v.MatrixParts != nil {
			text += ", and who is responsible for what"
		}
		return text + "."
	case v.URL == "/tags/":
		return s.tr("describe_tags", "Every tag of {site} and how many pages carry it.", "site", site)
	case v.Pager != nil:
		return fmt.Sprintf("%s of %s, page %d of %d.", v.Pager.List, site, v.Pager.Number, v.Pager.Total)
	case strings.HasPrefix(v.URL, "/tags/"):
		return "Pages tagged " + v.Title + " on " + site + ": " + s.counts(v.Groups) + "."
	}
	n := 0
	for _, g := range v.Groups {
		n += len(g.Entries)
	}
	t := s.typeInfo(v.typ)
	if n == 1 {
		return s.tr("describe_type_one", "The one {type} of {site}.", "type", s.typeWord(t.Label), "site", site)
	}
	return s.tr("describe_type_all", "All {n} {types} of {site}, by level.", "n", n, "types", s.typeWord(t.Plural), "site", site)
}

// typeWord is a type's label inside a sentence: lower-cased, as English
// writes it, unless the theme's types_in_sentences says "as written" (a
// German noun keeps its capital).
func (s *Site) typeWord(label string) string {
	if s.tr("types_in_sentences", "lower case") == "as written" {
		return label
	}
	return strings.ToLower(label)
}

// levelName is a level's name inside a sentence: "cluster", or the
// theme's level_<name> in a language that has one.
func (s *Site) levelName(level string) string {
	return s.tr("level_"+level, level)
}

// counts writes groups of pages by type as "5 roles, 3 events and 1
// artifact".
func (s *Site) counts(gs []Group) string {
	var parts []string
	for _, g := range gs {
		t := s.typeInfo(g.ID)
		parts = append(parts, strconv.Itoa(g.Count())+" "+s.typeWord(generator.ForCount(g.Count(), t.Label, t.Plural)))
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " " + s.tr("and", "and") + " " + parts[len(parts)-1]
}

// firstSentences is the first sentence of text, followed by the next
// ones while it is short and they fit in maxDescription.
func firstSentences(text string) string {
	text = generator.OneLine(text)
	out := ""
	for text != "" {
		end := sentenceEnd(text)
		s := text[:end]
		if out != "" && utf8.RuneCountInString(out)+1+utf8.RuneCountInString(s) > maxDescription {
			break
		}
		out = strings.TrimSpace(out + " " + s)
		text = strings.TrimSpace(text[end:])
		if utf8.RuneCountInString(out) >= shortSentence {
			break
		}
	}
	return out
}

// sentenceEnd is the index just after text's first sentence: after a
// full stop, question or exclamation mark followed by a space and a
// capital letter or digit, or the end of text. "Pumps Inc. process" is
// one sentence.
func sentenceEnd(text string) int {
	for i, r := range text {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		rest := text[i+utf8.RuneLen(r):]
		for strings.HasPrefix(rest, "\"") || strings.HasPrefix(rest, "”") || strings.HasPrefix(rest, ")") {
			_, n := utf8.DecodeRuneInString(rest)
			rest = rest[n:]
		}
		if !strings.HasPrefix(rest, " ") {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
		if unicode.IsUpper(next) || unicode.IsDigit(next) {
			return len(text) - len(rest)
		}
	}
	return len(text)
}

// clip cuts s to maxDescription characters at a word's end, with an
// ellipsis.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxDescription {
		return s
	}
	cut := s[:runeOffset(s, maxDescription-1)]
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:–—-") + "…"
}

// runeOffset is the byte offset of s's n-th character.
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// the puts "the" before a name unless it has one: "the Team Alpha
// backlog".
func the(name string) string {
	if strings.HasPrefix(strings.ToLower(name), "the ") {
		return name
	}
	return "the " + name
}
