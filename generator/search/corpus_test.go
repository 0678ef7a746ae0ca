package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// commonWords are English words in about their order of frequency, the
// head of the synthetic corpus's vocabulary.
var commonWords = strings.Fields(`the of and to a in is it that for on with as are be this by
was at or from have an not they which you one all their has but were can more will would
been when there if each about what other its so team backlog item release owner product
cluster refinement sprint review planning goal ready done value estimate priority risk
role group event artifact cadence area level status customer stakeholder feedback
increment quality test build deploy pipeline system variant feature defect story epic
meeting decision process practice board roadmap forecast velocity capacity dependency
interface requirement acceptance criteria definition scope budget schedule milestone
integration hardware software firmware controller sensor pump valve motor drive safety
compliance audit documentation training support operations service incident change
problem improvement retrospective daily weekly monthly quarterly annual plan strategy`)

// syllables make up the rest of the vocabulary.
var syllables = strings.Fields(`ka to ri mel an dor vek sil pra nu go ter lis bo wan quen
dra fi sto har mu lek zen ol pi ray cor dim tu ven as bel ki mor ged un sa vo len tri`)

// corpus makes n synthetic documents of realistic shape: a vocabulary of
// a few hundred common words and 20,000 made-up ones drawn by a Zipf
// law, bodies of about 1 KB in sentences and paragraphs, item keys,
// abbreviations, aliases, tags, headings, summaries and facets.
type corpus struct {
	rng   *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

func newCorpus(seed uint64) *corpus {
	rng := rand.New(rand.NewPCG(seed, 7))
	c := &corpus{rng: rng, vocab: append([]string(nil), commonWords...)}
	seen := map[string]bool{}
	for _, w := range commonWords {
		seen[w] = true
	}
	for len(c.vocab) < len(commonWords)+20_000 {
		var b strings.Builder
		for range 1 + rng.IntN(4) {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		switch rng.IntN(6) {
		case 0:
			b.WriteString("ing")
		case 1:
			b.WriteString("s")
		case 2:
			b.WriteString("ed")
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			c.vocab = append(c.vocab, w)
		}
	}
	c.zipf = rand.NewZipf(rng, 1.07, 2, uint64(len(c.vocab)-1))
	return c
}

func (c *corpus) word() string { return c.vocab[c.zipf.Uint64()] }

func (c *corpus) sentence(min, max int) string {
	var b strings.Builder
	n := min + c.rng.IntN(max-min+1)
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := c.word()
		switch r := c.rng.IntN(100); {
		case r < 2:
			w = fmt.Sprintf("CBI-%d", c.rng.IntN(5000))
		case r < 4:
			w = fmt.Sprintf("%d.%d", c.rng.IntN(10), c.rng.IntN(10))
		case r < 6:
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
		if i < n-1 && c.rng.IntN(12) == 0 {
			b.WriteByte(',')
		}
	}
	b.WriteString([]string{".", ".", ".", ".", "?", "!"}[c.rng.IntN(6)])
	return b.String()
}

func (c *corpus) title() string {
	var ws []string
	for range 2 + c.rng.IntN(3) {
		w := c.vocab[len(commonWords)/2+c.rng.IntN(3000)]
		ws = append(ws, strings.ToUpper(w[:1])+w[1:])
	}
	return strings.Join(ws, " ")
}

var corpusTypes = []Facet{
	{"role", "Role", "Roles"}, {"group", "Group", "Groups"}, {"event", "Event", "Events"},
	{"artifact", "Artifact", "Artifacts"}, {"cadence", "Cadence", "Cadences"},
	{"area", "Area", "Areas"}, {"backlog", "Backlog", "Backlogs"},
	{"item", "Item", "Items"}, {"release", "Release", "Releases"},
}

// corpusOptions are the facets of the synthetic corpus.
func corpusOptions() Options {
	return Options{
		Types:    corpusTypes,
		Levels:   []Facet{{"team", "Team", ""}, {"cluster", "Cluster", ""}, {"portfolio", "Portfolio", ""}},
		Statuses: []Facet{{"idea", "idea", ""}, {"ready", "ready", ""}, {"done", "done", ""}},
		Releases: []Facet{{"r1", "Release 1", ""}, {"r2", "Release 2", ""}},
	}
}

// docs makes n documents.
func (c *corpus) docs(n int) []Doc {
	docs := make([]Doc, n)
	for i := range docs {
		d := &docs[i]
		t := corpusTypes[c.rng.IntN(len(corpusTypes))].Value
		if c.rng.IntN(10) < 5 {
			t = "item"
		}
		d.Type = t
		d.Title = c.title()
		d.URL = fmt.Sprintf("%ss/%s-%d/", t, strings.ToLower(strings.ReplaceAll(d.Title, " ", "-")), i)
		switch t {
		case "item":
			d.Key = fmt.Sprintf("CBI-%d", i)
			d.Status = []string{"idea", "ready", "done", "in-progress"}[c.rng.IntN(4)]
			if c.rng.IntN(2) == 0 {
				d.Release = []string{"r1", "r2", "r3"}[c.rng.IntN(3)]
			}
		case "role", "group":
			for _, w := range strings.Fields(d.Title) {
				d.Abbr += w[:1]
			}
		}
		d.Level = []string{"", "team", "cluster", "portfolio"}[c.rng.IntN(4)]
		if c.rng.IntN(5) == 0 {
			d.Aliases = []string{c.title()}
		}
		for range c.rng.IntN(4) {
			d.Tags = append(d.Tags, c.vocab[len(commonWords)/2+c.rng.IntN(30)])
		}
		for range 2 + c.rng.IntN(4) {
			d.Headings = append(d.Headings, strings.TrimSuffix(c.sentence(1, 3), "."))
		}
		if c.rng.IntN(10) < 7 {
			d.Summary = c.sentence(8, 20)
		}
		var body strings.Builder
		for body.Len() < 900+c.rng.IntN(250) {
			if body.Len() > 0 {
				if c.rng.IntN(4) == 0 {
					body.WriteByte('\n')
				} else {
					body.WriteByte(' ')
				}
			}
			body.WriteString(c.sentence(5, 22))
		}
		d.Body = body.String()
	}
	return docs
}
