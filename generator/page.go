package generator

import "time"

// Built-in page types (content model §1).
const (
	TypeRole     = "role"
	TypeGroup    = "group"
	TypeEvent    = "event"
	TypeArtifact = "artifact"
	TypeCadence  = "cadence"
	TypeArea     = "area"
	TypeBacklog  = "backlog"
	TypeItem     = "item"
	TypeRelease  = "release"
	TypePage     = "page"
)

// Ref is a reference as an author wrote it: an id, item key, alias or title,
// with the position of the text, so that resolution errors can point to it.
type Ref struct {
	Name string
	Pos  Pos
}

// Relation is one relation a page declares: its name and its targets, in
// the order the author wrote them.
type Relation struct {
	Name    string
	Pos     Pos // position of the relation's key
	Targets []Ref
}

// Page is one Markdown file under content/: a wiki page, a backlog, an item
// or a release. Loading fills the fields the author wrote; later stages
// derive everything else and keep it outside Page.
type Page struct {
	ID      string // file name without .md, lower-case; a backlog's is its folder's
	Type    string
	Section string // top folder under content/, "" for files at its root
	Path    string // slash path relative to content/, e.g. roles/cpo.md
	File    string // slash path relative to the site root, for positions
	URL     string // site-relative URL with a trailing slash, e.g. /roles/cpo/

	Title   string
	Abbr    string
	Level   string
	Summary string
	Tags    []string
	Aliases []Ref
	Draft   bool
	Weight  int
	Date    time.Time

	Relations []Relation
	Keys      []KeyPos       // every top-level front-matter key with its position, in source order
	Params    map[string]any // every front-matter value, decoded

	Body     []byte // Markdown without front matter, BOM, or CR
	BodyLine int    // line of the file on which Body starts

	Item    *Item    // set for type item
	Backlog *Backlog // set for type backlog
	Release *Release // set for type release

	// Translations are the page's texts in the site's other languages,
	// by language code; a language without one shows the page's own.
	Translations map[string]*Translation
}

// Translation is a page's text in a language other than the site's
// default: a file beside the page's with the language code before .md
// (roles/cpo.de.md beside roles/cpo.md). It carries only what is read,
// not structure: the page's own file holds its level, relations and
// backlog fields for every language.
type Translation struct {
	Lang       string
	Path       string // slash path relative to content/, e.g. roles/cpo.de.md
	File       string // slash path relative to the site root, for positions
	Title      string // "" when the translation leaves the page's own
	Abbr       string
	Summary    string
	Tags       []string
	Aliases    []Ref
	Acceptance []string // an item's acceptance criteria; nil: the page's own
	Body       []byte   // Markdown without front matter, BOM, or CR
	BodyLine   int      // line of the file on which Body starts
}

// Pos returns the position of front-matter key k, or of the file's first
// line when the key is absent.
func (p *Page) Pos(k string) Pos {
	for _, kp := range p.Keys {
		if kp.Key == k {
			return kp.Pos
		}
	}
	return Pos{File: p.File, Line: 1}
}

// Label returns the title with the abbreviation, "Cluster Product Owner (CPO)".
func (p *Page) Label() string {
	if p.Abbr == "" {
		return p.Title
	}
	return p.Title + " (" + p.Abbr + ")"
}

// KeyPos is a front-matter key and where it is written.
type KeyPos struct {
	Key string
	Pos Pos
}

// Number is an optional number from front matter.
type Number struct {
	Value float64
	Set   bool
}

// Item is a backlog item's own fields (content model §4).
type Item struct {
	Key        string // as written, e.g. CBI-214
	Backlog    string // id of the backlog folder
	Kind       string
	Status     string
	Value      Number
	Estimate   Number
	Parent     *Ref
	Release    *Ref
	Team       *Ref
	Source     string
	Acceptance []string
}

// Backlog is a backlog's own fields, from its _index.md.
type Backlog struct {
	Owner          *Ref
	Velocity       Number
	IterationWeeks Number
	Order          []Ref
	KeyPrefix      string // key_prefix: what `backlight new item` puts before the number of a new key
}

// Release is a release's own fields (content model §5).
type Release struct {
	System     string
	Variant    string
	Version    string
	Start      time.Time
	End        time.Time
	Status     string
	ReleasedOn time.Time
	Blank      []string // keys written with an empty or whitespace-only text, which count as missing
}

// RelationType is one entry of the relation vocabulary: how a relation is
// shown on its source (Label) and on its targets (Inverse), which page
// types it may link (empty means any; "same" in To means the source's own
// type) and whether its edges must form no cycle.
type RelationType struct {
	Name    string
	Label   string
	Inverse string
	From    []string
	To      []string
	Acyclic bool
}

// Edge is one resolved relation: From declares Relation with To as target.
type Edge struct {
	Relation string
	From     *Page
	To       *Page
	Pos      Pos // where the target is written
}

// Unread is a content file that could not be loaded (its front matter does
// not parse, say): what its path and a lenient scan of its first lines
// tell, so that references to it are recognised instead of being reported
// as naming no page. The file's own error says what is wrong with it.
type Unread struct {
	File  string // slash path relative to the site root, for messages
	Path  string // slash path relative to content/
	ID    string // from the file name, as a loaded page's would be
	Type  string // from the folder, as a loaded page's would be
	URL   string // the URL the page would have
	Key   string // an item's key, when the scan finds an id: line
	Title string // when the scan finds a title: line
}
