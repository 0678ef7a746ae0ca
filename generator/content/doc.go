// Package content loads the Markdown files under content/ into pages.
//
// Every file's front matter (YAML between ---, TOML between +++, or a JSON
// object) is split off with adrg/frontmatter and decoded here with the
// position of every key and value kept, so that each diagnostic names the
// file, line and column. A UTF-8 byte-order mark and CRLF line ends are
// accepted. Front-matter keys authors may write:
//
//	all pages  title (required), abbr, level, summary, relations, tags,
//	           aliases, draft, weight, date, type, params
//	items      id (the item key), kind, status, value, estimate, parent,
//	           release, team, source, acceptance
//	backlogs   owner, velocity, iteration_weeks, order, key_prefix
//	releases   system, variant, version, start, end, status, released_on
//
// Any other key is reported as a warning with the closest known key;
// params is a free map for a theme's own use and is never checked.
//
// A page's id is its file name without .md, lower-cased; a backlog's id is
// its folder's name. Its type comes from its top folder (roles/ → role,
// backlogs/<b>/_index.md → backlog, backlogs/<b>/*.md → item, …) unless
// front matter sets type. content/_index.md and content/<folder>/_index.md
// outside backlogs/ give the home and list pages an introduction.
package content
