package generator

import (
	"cmp"
	"slices"
	"strings"
)

// BuiltinType is a page type of content model §1 that every site has:
// the folder its pages live in and what lists call it unless site.toml's
// [types.NAME] relabels it.
type BuiltinType struct {
	Name string
	// Folder is the top folder under content/ whose pages have the type,
	// and where `backlight new` puts one. It is "" for a page (any other
	// folder, or content/ itself) and for backlogs and items, whose
	// folders are content/backlogs/<backlog>/ (BacklogsFolder).
	Folder string
	Label  string
	Plural string
}

// BacklogsFolder is the top folder under content/ that holds one folder
// per backlog: its _index.md is the backlog, its other pages its items.
const BacklogsFolder = "backlogs"

// builtinTypes is the table of built-in types, in the order lists,
// legends and chart columns show them.
var builtinTypes = [...]BuiltinType{
	{TypeRole, "roles", "Role", "Roles"},
	{TypeGroup, "groups", "Group", "Groups"},
	{TypeEvent, "events", "Event", "Events"},
	{TypeArtifact, "artifacts", "Artifact", "Artifacts"},
	{TypeCadence, "cadences", "Cadence", "Cadences"},
	{TypeArea, "areas", "Area", "Areas"},
	{TypeBacklog, "", "Backlog", "Backlogs"},
	{TypeItem, "", "Backlog item", "Backlog items"},
	{TypeRelease, "releases", "Release", "Releases"},
	{TypePage, "", "Page", "Pages"},
}

// BuiltinTypes returns the built-in types in the order lists show them.
func BuiltinTypes() []BuiltinType { return slices.Clone(builtinTypes[:]) }

// FolderType returns the type of the pages in a top folder of content/,
// or false when the folder does not decide it.
func FolderType(folder string) (string, bool) {
	for _, t := range builtinTypes {
		if t.Folder != "" && t.Folder == folder {
			return t.Name, true
		}
	}
	return "", false
}

// TypeFolder returns the top folder under content/ where a new page of
// type t goes: a built-in type's Folder ("" for content/ itself), and for
// a site's own type its name in the plural. Backlogs and items go in
// BacklogsFolder/<backlog>/ instead.
func TypeFolder(t string) string {
	for _, b := range builtinTypes {
		if b.Name == t {
			return b.Folder
		}
	}
	return Plural(t)
}

// TypeURL returns the URL of the list page of type t: the type's name in
// the plural. Items have no list of their own: their backlogs list them
// in rank order, so the backlogs' list is theirs.
func TypeURL(t string) string {
	if t == TypeItem {
		t = TypeBacklog
	}
	return "/" + Plural(t) + "/"
}

// CompareTypes orders page types: the built-in ones in the order of
// BuiltinTypes, then the others by name.
func CompareTypes(a, b string) int {
	return cmp.Or(cmp.Compare(typeRank(a), typeRank(b)), strings.Compare(a, b))
}

// typeRank is t's place among the built-in types, or after them.
func typeRank(t string) int {
	for i, b := range builtinTypes {
		if b.Name == t {
			return i
		}
	}
	return len(builtinTypes)
}
