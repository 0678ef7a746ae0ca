package corpus

// style is how the body of one kind of page reads: the templates of its
// sentences, list items, headings, table and code block.
type style struct {
	sentences []string
	items     []string
	headings  []string
	columns   []string // table header; empty: no table
	cells     []string // a row's cell templates, one per column
	lang      string   // code block language; empty: no code block
	code      []string // code line templates
}

// linkSentences carry a {link}; every style uses them.
var linkSentences = []string{
	"See {link} for the details.", "It is closely tied to {link}.", "Decisions end up in {link}.",
	"{link} describes the wider picture.", "Questions about scope go to {link}.", "Compare {link}.",
	"Input usually comes from {link}.", "The background is in {link}.", "This builds on {link}.",
}

var wikiStyle = &style{
	sentences: []string{
		"{It} keeps the {domain} {thing} {state} {when}.",
		"The aim is {outcome}, measured by {metric}.",
		"When the {thing} is not {state}, {actors} raise it {when}.",
		"{actors} use it to agree on scope before work starts.",
		"In practice this takes about {n} {unit} {when}.",
		"It is deliberately light: one page, one list and a conversation.",
		"Anyone may propose a change; {actors} decide.",
		"Experience with the {domain} products shows that {outcome} matters more than speed.",
		"Nothing here replaces talking to {actors}.",
		"{It} was introduced after {incident}.",
	},
	items: []string{"Keep the {domain} {thing} {state}", "Agree on the next {n} items with {actors}",
		"Invite {actors} to the review", "Write decisions down in the {thing}",
		"Check the {metric} {when}", "Raise blockers with {actors}", "Prepare the {thing} {when}",
		"Say no to work that has no owner", "Keep the {thing} open to {actors}"},
	headings: []string{"Purpose", "How it works", "Responsibilities", "In practice", "Working agreements", "Inputs and outputs", "Typical questions", "History"},
	columns:  []string{"Step", "Who", "Timebox"},
	cells:    []string{"{step}", "{actors}", "{n} minutes"},
	lang:     "yaml",
	code:     []string{"{codekey}: {n}", "owner: {actors}", "rhythm: {when}", "{codekey}: {state}"},
}

var itemStyle = &style{
	sentences: []string{
		"{Source} asked for this after {incident}.",
		"Today {actors} have to {workaround}, which costs about {n} {unit} {when}.",
		"The change touches the {component} and the {domain} {thing}.",
		"Without it, {risk}.",
		"The first slice covers the {variant} variant only.",
		"{actors} agreed that {outcome} is worth more than a perfect first version.",
		"The estimate assumes the {component} stays as it is.",
		"We expect {outcome} once this is live.",
	},
	items:    []string{"{check}", "covers the {variant} variant", "needs a change to the {component}", "log every change to the {domain} {thing}", "test with {n} devices in the lab"},
	headings: []string{"Context", "Proposal", "Details", "Open questions", "Notes", "Test ideas"},
	columns:  []string{"Case", "Expected result"},
	cells:    []string{"{variant} device {condition}", "{check}"},
	lang:     "text",
	code:     []string{"2026-03-{day}T{hour}:{minute}:00Z {component} {severity} {domain} {event}"},
}

var releaseStyle = &style{
	sentences: []string{
		"This release bundles the work of {n} teams on the {system}.",
		"The {variant} variant ships with the regional defaults of its market.",
		"Rollout starts with {n} pilot sites, then follows the usual schedule.",
		"{actors} get the release notes a week before the rollout.",
		"Known issues are tracked in the {thing}.",
	},
	items:    []string{"improved {domain} {thing} handling", "faster start-up of the {component}", "fixes for {n} reported problems", "new defaults for the {variant} market"},
	headings: []string{"Highlights", "Known issues", "Rollout", "Scope notes"},
	columns:  []string{"Area", "Change"},
	cells:    []string{"{component}", "{outcome}"},
}

var backlogStyle = &style{
	sentences: []string{
		"This backlog is ranked by its owner together with {actors}.",
		"The top of the list is refined just enough for the next {n} iterations.",
		"New items stay unranked until the next refinement.",
		"Everyone may read it; only the owner changes the order.",
		"Velocity is measured {when} and used for the forecast.",
	},
	items:    []string{"rank by value and size, not by who asked loudest", "split anything bigger than {n} points", "link every item to its parent", "keep acceptance criteria testable"},
	headings: []string{"How this backlog is run", "Ranking rules", "Notes for readers"},
}

// styles gives each page type its style.
var styles = map[string]*style{
	"item": itemStyle, "release": releaseStyle, "backlog": backlogStyle,
}

// styleOf returns the style of a page type.
func styleOf(typ string) *style {
	if s, ok := styles[typ]; ok {
		return s
	}
	return wikiStyle
}
