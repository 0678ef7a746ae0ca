// Package backlog derives what authors do not write about backlogs: the
// rank, priority, readiness, forecast and refinement horizon of every item,
// the parent hierarchy with its roll-ups, and each backlog's figures
// (content model §4). It is a pure stage: Derive reads pages that the
// content and graph stages produced and returns a Model and diagnostics; it
// changes no page.
//
// The rules, for people who write backlogs:
//
// Ranking. A backlog's order list (order: in its _index.md) is the ranking
// its product owner maintains: its first entry is rank 1. Items not in the
// list follow it, by priority (highest first; equal priorities by item key,
// with numbers in keys compared as numbers, so CBI-9 comes before CBI-10,
// then by page id). Each such item that is not done or dropped gets a
// warning at its id, e.g.
// "CBI-245 is not in the order of Cluster Pumps backlog; ranked 14th by
// priority (value ÷ estimate)". An order entry that names an item of
// another backlog, or a page that is no item, is an error at the entry; an
// entry that names an item a second time is an error at the second entry,
// saying where the first is. An entry that names no page at all has already
// been reported by the graph stage and is skipped.
//
// Priority is value ÷ estimate. A missing value or estimate counts as 0 (as
// in forecasts), and the divisor is at least half a point: an item with
// value 13 and estimate 0 or no estimate has priority 26, an item without a
// value has priority 0. Priority is therefore always a finite number.
//
// Done and dropped items. An item whose status is one of [backlog].done is
// done, one of [backlog].dropped is dropped. Both keep their rank, but add
// nothing to forecasts, are never in the refinement horizon, and get no
// warnings. Dropped items also count toward no estimate total.
//
// Readiness. An item is ready when its status is one of [backlog].ready and
// every field that [backlog].dor names is present: estimate and value when
// written (0 counts), acceptance and tags when they list something,
// release, parent and team when they name a page, source when not empty.
// Item.Missing lists, in that order, "status" when the status is not a
// ready one, then each missing field ("acceptance criteria" for
// acceptance).
//
// Forecast. With a velocity (velocity: in the backlog's _index.md, more
// than 0) an item's forecast is the iteration in which it should finish:
// the estimates of the not-done, not-dropped items at and above its rank,
// added up and divided by the velocity, rounded up; the first iteration is
// 1, and a sum that is an exact multiple of the velocity finishes in that
// iteration (80 points at 40 per iteration: iteration 2). Done and dropped
// items have no forecast (0), and neither has any item of a backlog without
// velocity. A backlog's iteration length is its iteration_weeks (whole
// weeks, at least 1), or [backlog].iteration_weeks when it sets none.
//
// Refinement horizon. With a velocity, the horizon is the not-done,
// not-dropped items whose forecast is within the next [backlog].horizon
// iterations; without one, the first horizon × 5 such items in rank order.
// Each horizon item that is not ready gets a warning at its id, e.g.
// `CBI-214 is due in iteration 2 but has no acceptance criteria` or, without
// velocity, `CBI-214 is ranked 3rd, inside the refinement horizon, but is
// still "idea" (ready statuses: ready, in-progress)`. A backlog's health is
// the share of its horizon items that are ready (1 when the horizon is
// empty).
//
// Hierarchy. An item's parent: names the item it is refined from, possibly
// in another backlog. Its children are the items naming it, in rank order
// (equal ranks, from different backlogs, by key). Its rolled-up estimate is
// its own estimate when it has no children that are not dropped, and
// otherwise the sum of those children's rolled-up estimates; its done share
// is the part of that estimate that is done (a leaf is wholly done or not;
// with a rolled-up estimate of 0, the mean of its children's done shares). A
// parent chain that leads back to where it started is an error naming
// every key on it in order, reported once, at the parent: key of the item
// with the lowest key on it; that item is then taken as top-level.
//
// Validation. An item needs a kind and a status; each must be one of
// [backlog].kinds and [backlog].statuses, and an error lists the allowed
// ones. An item whose folder has no backlog _index.md is an error. Problems
// other stages report (unresolved references, a parent or release of the
// wrong type, duplicate keys, negative or non-numeric numbers) are not
// reported again.
//
// Releases. Every release page gets a Release in Model.Releases (by start
// date, then lane, version and id): its scope (the items naming it, by
// rank, then backlog title, then key), its estimate and progress over the
// scope's top items (items with no ancestor in the scope, counted with
// their roll-ups, so that nothing is counted twice), its risks (open items
// whose forecast iteration ends after the release's end, or every open item
// when the end has passed unreleased; each with its reason), the open items
// that cannot be forecast, its generated notes (done items by kind, in
// [backlog].kinds order) and its phase (now, next, later, released,
// cancelled). Settings.Now is the first day of iteration 1: iteration n
// ends n × the iteration length later, less a day. Validation: a missing
// system, version, start, end or status, an unknown status, an end before
// the start, a released release without released_on and two releases of
// one system, variant and version are errors; released_on on a release
// that is not released, and an open item that names a cancelled or
// released release, are warnings.
//
// Everything is deterministic: backlogs are in title order, ties are broken
// by item key, then page id.
package backlog
