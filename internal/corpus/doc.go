// Package corpus writes a synthetic Backlight site for benchmarks: the
// process wiki and backlogs of an invented pump-and-plant maker, of any
// size from MinPages Markdown files up, the same byte for byte for the
// same Options on any machine.
//
// A corpus of N pages (N counts the .md files under content/) holds:
//
//   - Wiki pages, 30% of N: 3 areas, 4 cadences, and roles, groups,
//     events and artifacts in equal shares. Each has a title unique
//     without case (ids too), a level, a one-sentence summary and one to
//     three tags; some have an abbr. All but the areas declare two to
//     eight relation targets from the built-in vocabulary, of the types it
//     allows; is_a, part_of and member_of point only to pages created
//     earlier, so they form no cycle. A core set comes first in every
//     corpus (Product Owner, Team Product Owner, Cluster Planning, Team
//     Backlog, …), level-specific pages naming their generic page with
//     is_a.
//   - Releases, 1% of N and at least 3: two systems (three from 5,000
//     pages) in an EU and a US variant, one release of each per 13-week
//     cycle from 2026-01-05. Cycles before the middle one are released,
//     the middle one is in progress, later ones planned, the odd one
//     cancelled.
//   - Backlogs with the rest: a portfolio backlog with 5% of the items
//     (at least 50), cluster backlogs with 35% and team backlogs with 60%,
//     50 to 500 items each. A backlog names an owner role of its level,
//     is_a the level's backlog artifact, a velocity, an iteration length
//     and an order that ranks nine in ten of its items; the rest are left
//     unranked on purpose.
//   - Items PBI-n, CBI-n and TBI-n in <key>.md, with a kind, a status that
//     is more advanced nearer the top of the ranking, value, estimate,
//     source and tags; 70% of cluster and team items refine a parent one
//     level up, 70% of all items target a release, most have acceptance
//     criteria (every ready one does), team items name their team, and
//     some are constrained_by an artifact.
//
// References name pages by id or item key; one relation target in ten
// uses the exact title instead. Bodies have paragraphs, a list, one or
// two ## headings, sometimes a table or a fenced code block, and three to
// ten links as [[id]], [[id|text]], [[Exact Title]] or a relative path to
// the target's file; every link resolves, and none points to a heading.
// Front matter is YAML in a subset every reader reads alike (see
// frontMatter).
//
// Write also writes site.toml and Hugo's hugo.toml and layouts/ (the
// embedded hugo folder), so that Hugo can build the same content as a
// yardstick.
//
// Everything is planned first with one seeded PCG stream; then the pages
// are written in parallel, each body from a stream of its own, so the
// result does not depend on GOMAXPROCS.
package corpus
