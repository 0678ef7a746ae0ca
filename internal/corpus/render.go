package corpus

import (
	"strings"
)

// render returns page i's file: front matter from the plan, then a body
// from the page's own random stream.
func (pl *plan) render(i int) []byte {
	p := pl.pages[i]
	var b strings.Builder
	b.Grow(2 << 10)
	b.WriteString("---\n")
	fm := frontMatter{&b}
	switch {
	case p.item != nil:
		pl.itemFront(fm, p)
	case p.backlog != nil:
		pl.backlogFront(fm, p)
	case p.release != nil:
		releaseFront(fm, p)
	default:
		pl.wikiFront(fm, p)
	}
	b.WriteString("---\n")
	b.WriteString(pl.body(newStream(pl.seed, uint64(i)+1), i))
	return []byte(b.String())
}

func (pl *plan) wikiFront(fm frontMatter, p *page) {
	fm.text("title", p.title)
	fm.text("abbr", p.abbr)
	fm.text("level", p.level)
	fm.text("summary", p.summary)
	fm.list("tags", p.tags)
	fm.blockMap("relations", pl.entries(p.rels))
}

func (pl *plan) backlogFront(fm frontMatter, p *page) {
	b := p.backlog
	fm.text("title", p.title)
	fm.text("level", p.level)
	fm.text("owner", pl.name(b.owner))
	fm.text("summary", p.summary)
	fm.blockMap("relations", []entry{{"is_a", []string{pl.name(b.isA)}}})
	fm.number("velocity", b.velocity)
	fm.number("iteration_weeks", b.weeks)
	order := make([]string, len(b.order))
	for k, i := range b.order {
		order[k] = pl.ref(i)
	}
	fm.list("order", order)
	fm.list("tags", p.tags)
}

func releaseFront(fm frontMatter, p *page) {
	rel := p.release
	fm.text("title", p.title)
	fm.text("system", rel.system.name)
	fm.text("variant", rel.variant)
	fm.quoted("version", rel.version)
	fm.date("start", rel.start)
	fm.date("end", rel.end)
	fm.text("status", rel.status)
	fm.date("released_on", rel.releasedOn)
	fm.text("summary", p.summary)
}

func (pl *plan) itemFront(fm frontMatter, p *page) {
	it := p.item
	fm.text("id", it.key)
	fm.text("title", p.title)
	fm.text("kind", it.kind)
	fm.text("status", it.status)
	fm.number("value", it.value)
	fm.number("estimate", it.estimate)
	if it.parent >= 0 {
		fm.text("parent", pl.ref(it.parent))
	}
	if it.release >= 0 {
		fm.text("release", pl.ref(it.release))
	}
	if team := pl.pages[it.backlog].backlog.team; team >= 0 {
		fm.text("team", pl.ref(team))
	}
	fm.text("source", it.source)
	fm.blockList("acceptance", it.acceptance)
	fm.list("tags", p.tags)
	fm.blockMap("relations", pl.entries(p.rels))
}

// entries turns relations into front-matter map entries.
func (pl *plan) entries(rels []relation) []entry {
	out := make([]entry, len(rels))
	for k, rel := range rels {
		out[k] = entry{rel.name, pl.refNames(rel.targets)}
	}
	return out
}
