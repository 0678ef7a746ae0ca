package main

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
)

// query is one benchmark query and the page that should come first.
type query struct {
	class string // abbr, key, title, word, two words: how it was chosen
	text  string // what the user types
	want  string // URL of the expected first result, under the site root
	title string // that page's title, for the report
}

// Query classes.
const (
	classAbbr  = "abbr"
	classKey   = "key"
	classTitle = "title"
	classWord  = "word"
	classTwo   = "two words"
)

// size is the class of a query by its number of words, which the
// download targets distinguish.
func (q query) size() string {
	switch len(strings.Fields(q.text)) {
	case 1:
		return "one word"
	case 2:
		return "two words"
	}
	return "three or more"
}

// The table below is what chooseQueries picks from the default corpus
// (-pages 10000 -seed 1), kept in the source so that anyone can read the
// queries and their expected pages. The corpus is the same byte for byte
// for the same size and seed, so benchsearch checks at run time that the
// choice still gives this table, and says so if the generator changed.
const (
	defaultPages = 10000
	defaultSeed  = 1
)

var defaultQueries = []query{
	{class: classAbbr, text: "CPM", want: "roles/cluster-pump-mentor/", title: "Cluster Pump Mentor"},
	{class: classAbbr, text: "PO", want: "roles/product-owner/", title: "Product Owner"},
	{class: classAbbr, text: "TCUP", want: "groups/team-cloud-usability-panel/", title: "Team Cloud Usability Panel"},
	{class: classAbbr, text: "CFDC", want: "groups/cluster-forecast-data-council/", title: "Cluster Forecast Data Council"},
	{class: classKey, text: "PBI-259", want: "backlogs/portfolio/pbi-259/", title: "Fix calibration energy reports shown in the wrong unit"},
	{class: classKey, text: "CBI-1944", want: "backlogs/cluster-analytics/cbi-1944/", title: "Rename pricing tariff tables before shipping"},
	{class: classKey, text: "TBI-2213", want: "backlogs/team-pi/tbi-2213/", title: "Upload inventory pump curves on demand"},
	{class: classKey, text: "TBI-2034", want: "backlogs/team-omicron/tbi-2034/", title: "Show safety service contracts per device"},
	{class: classTitle, text: "Team Water Hardware Guild", want: "groups/team-water-hardware-guild/", title: "Team Water Hardware Guild"},
	{class: classTitle, text: "Team Firmware Architect", want: "roles/team-firmware-architect/", title: "Team Firmware Architect"},
	{class: classTitle, text: "Measure tank valve positions every night", want: "backlogs/team-lambda/tbi-1580/", title: "Measure tank valve positions every night"},
	{class: classTitle, text: "Pump controller 6.0 (US)", want: "releases/pump-ctrl-6-0-us/", title: "Pump controller 6.0 (US)"},
	{class: classWord, text: "omega", want: "backlogs/team-omega/", title: "Team Omega backlog"},
	{class: classWord, text: "market", want: "areas/product-market/", title: "Product & Market"},
	{class: classWord, text: "ready", want: "artifacts/definition-of-ready/", title: "Definition of Ready"},
	{class: classWord, text: "value", want: "groups/value-cluster/", title: "Value Cluster"},
	{class: classTwo, text: "booster catalogue", want: "artifacts/team-booster-usability-interface-catalogue/", title: "Team Booster Usability Interface Catalogue"},
	{class: classTwo, text: "service steward", want: "roles/team-service-delivery-steward/", title: "Team Service Delivery Steward"},
	{class: classTwo, text: "heating curator", want: "roles/team-heating-delivery-curator/", title: "Team Heating Delivery Curator"},
	{class: classTwo, text: "pressure register", want: "artifacts/team-pressure-register/", title: "Team Pressure Register"},
}

// querySeed seeds the random choice of queries among the candidates.
const querySeed = 2026

// Per class, four queries.
const perClass = 4

// chooseQueries picks 20 queries from a corpus, each with the page that
// should come first, deterministically:
//
//   - abbr: 2 roles' and 2 groups' abbreviations that no other page has
//     and that are no title word (other pages mention them in link text);
//   - key: item keys, one of the portfolio (PBI), one of a cluster (CBI)
//     and two of teams (TBI);
//   - title: the full titles of two wiki pages of different types, an
//     item and a release;
//   - word: a word of at least 5 letters that only one page has in its
//     title, as a word of its own, and that other pages mention in their
//     text (the bodies of the corpus are made from shared sentence
//     templates, so no body or heading word singles out one page), from
//     pages of four different types where there are as many;
//   - two words: two common words (each in the text of at least 1% of the
//     pages), no level word or stop word, that only one page has both of
//     in its title, a role, group, event or artifact (whose titles are a
//     level, a product domain, sometimes a facet, and a noun: the words
//     a reader combines).
//
// Words are compared lower-case, with plurals folded to singulars.
func chooseQueries(pages []corpusPage) ([]query, error) {
	rng := rand.New(rand.NewPCG(querySeed, 0))
	var out []query
	add := func(class string, n int, cands []query) error {
		if len(cands) < n {
			return fmt.Errorf("choose queries: only %d candidates for %d %s queries", len(cands), n, class)
		}
		for _, k := range rng.Perm(len(cands))[:n] {
			out = append(out, cands[k])
		}
		return nil
	}
	s := newCorpusStats(pages)

	for _, typ := range []string{"role", "group"} {
		if err := add(classAbbr, perClass/2, s.abbrCandidates(typ)); err != nil {
			return nil, err
		}
	}
	for _, k := range []struct {
		prefix string
		n      int
	}{{"PBI-", 1}, {"CBI-", 1}, {"TBI-", 2}} {
		if err := add(classKey, k.n, s.keyCandidates(k.prefix)); err != nil {
			return nil, err
		}
	}
	wiki := s.titleCandidates("role", "group", "event", "artifact")
	if err := add(classTitle, 1, wiki); err != nil {
		return nil, err
	}
	first := s.byURL[out[len(out)-1].want].typ
	wiki = slices.DeleteFunc(wiki, func(q query) bool { return s.byURL[q.want].typ == first })
	if err := add(classTitle, 1, wiki); err != nil {
		return nil, err
	}
	if err := add(classTitle, 1, s.titleCandidates("item")); err != nil {
		return nil, err
	}
	if err := add(classTitle, 1, s.titleCandidates("release")); err != nil {
		return nil, err
	}
	// Words: from pages of as many types as there are, one per type.
	byType := map[string][]query{}
	for _, q := range s.wordCandidates() {
		t := s.byURL[q.want].typ
		byType[t] = append(byType[t], q)
	}
	types := slices.Sorted(maps.Keys(byType))
	end := len(out) + perClass
	var rest []query
	for _, k := range rng.Perm(len(types)) {
		cands := byType[types[k]]
		if len(out) < end && len(cands) > 0 {
			j := rng.IntN(len(cands))
			out = append(out, cands[j])
			cands = slices.Delete(slices.Clone(cands), j, j+1)
		}
		rest = append(rest, cands...)
	}
	if n := end - len(out); n > 0 {
		if err := add(classWord, n, rest); err != nil {
			return nil, err
		}
	}
	if err := add(classTwo, perClass, s.pairCandidates("role", "group", "event", "artifact")); err != nil {
		return nil, err
	}
	return out, nil
}

// corpusStats counts words over a corpus.
type corpusStats struct {
	pages   []corpusPage
	byURL   map[string]*corpusPage
	titleDF map[string]int  // base word → pages with it in the title
	textDF  map[string]int  // base word → pages with it in their text
	abbrs   map[string]int  // lower-case abbreviation → pages that have it
	keys    map[string]bool // lower-case item keys
}

func newCorpusStats(pages []corpusPage) *corpusStats {
	s := &corpusStats{pages: pages, byURL: map[string]*corpusPage{}, titleDF: map[string]int{},
		textDF: map[string]int{}, abbrs: map[string]int{}, keys: map[string]bool{}}
	for i := range pages {
		p := &pages[i]
		s.byURL[p.url] = p
		for _, w := range distinct(bases(p.words)) {
			s.titleDF[w]++
		}
		for _, w := range distinct(bases(p.text)) {
			s.textDF[w]++
		}
		if p.abbr != "" {
			s.abbrs[strings.ToLower(p.abbr)]++
		}
		if p.key != "" {
			s.keys[strings.ToLower(p.key)] = true
		}
	}
	return s
}

func distinct(ws []string) []string {
	out := slices.Clone(ws)
	slices.Sort(out)
	return slices.Compact(out)
}

func (s *corpusStats) abbrCandidates(typ string) []query {
	var out []query
	for _, p := range s.pages {
		a := strings.ToLower(p.abbr)
		if p.typ == typ && a != "" && s.abbrs[a] == 1 && s.titleDF[base(a)] == 0 && !s.keys[a] {
			out = append(out, query{class: classAbbr, text: p.abbr, want: p.url, title: p.title})
		}
	}
	return out
}

func (s *corpusStats) keyCandidates(prefix string) []query {
	var out []query
	for _, p := range s.pages {
		if p.typ == "item" && strings.HasPrefix(p.key, prefix) {
			out = append(out, query{class: classKey, text: p.key, want: p.url, title: p.title})
		}
	}
	return out
}

// titleCandidates are the titles of the pages of the types, of at least
// three words.
func (s *corpusStats) titleCandidates(types ...string) []query {
	var out []query
	for _, p := range s.pages {
		if slices.Contains(types, p.typ) && len(p.words) >= 3 {
			out = append(out, query{class: classTitle, text: p.title, want: p.url, title: p.title})
		}
	}
	return out
}

// levelWords start most wiki titles; a query of one of them says little.
var levelWords = map[string]bool{"team": true, "cluster": true, "portfolio": true, "organisation": true}

// stopWords are short function words of titles, never a query word here.
var stopWords = map[string]bool{"with": true, "from": true, "into": true, "over": true, "after": true,
	"before": true, "during": true, "without": true, "every": true, "about": true, "that": true, "this": true,
	"their": true, "the": true, "for": true, "and": true, "per": true}

func letters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// wordCandidates are the title words that single out one page.
func (s *corpusStats) wordCandidates() []query {
	var out []query
	for _, p := range s.pages {
		for _, w := range distinct(strings.Fields(strings.ToLower(p.title))) {
			b := base(w)
			if len(w) >= 5 && letters(w) && !levelWords[w] && s.abbrs[w] == 0 &&
				s.titleDF[b] == 1 && s.textDF[b] >= 2 {
				out = append(out, query{class: classWord, text: w, want: p.url, title: p.title})
			}
		}
	}
	return out
}

// pairCandidates are the pairs of common title words that only one page
// has both of in its title, in title order, of pages of the types.
func (s *corpusStats) pairCandidates(types ...string) []query {
	common := func(w string) bool {
		return len(w) >= 4 && letters(w) && !levelWords[w] && !stopWords[w] &&
			s.textDF[base(w)]*100 >= len(s.pages)
	}
	// pairs counts the titles that hold both words of a pair of bases.
	pairs := map[[2]string]int{}
	for _, p := range s.pages {
		bs := distinct(bases(p.words))
		for i, a := range bs {
			for _, b := range bs[i+1:] {
				pairs[[2]string{a, b}]++
			}
		}
	}
	var out []query
	for _, p := range s.pages {
		if !slices.Contains(types, p.typ) {
			continue
		}
		seen := map[[2]string]bool{}
		for i, a := range p.words {
			for _, b := range p.words[i+1:] {
				ba, bb := base(a), base(b)
				k := [2]string{min(ba, bb), max(ba, bb)}
				if ba == bb || seen[k] || !common(a) || !common(b) || pairs[k] != 1 {
					continue
				}
				seen[k] = true
				out = append(out, query{class: classTwo, text: a + " " + b, want: p.url, title: p.title})
			}
		}
	}
	return out
}

// checkQueries makes sure every expected page is in the corpus.
func checkQueries(qs []query, pages []corpusPage) error {
	urls := map[string]bool{}
	for _, p := range pages {
		urls[p.url] = true
	}
	for _, q := range qs {
		if !urls[q.want] {
			return fmt.Errorf("query %q expects %s, which is no page of the corpus", q.text, q.want)
		}
	}
	return nil
}
