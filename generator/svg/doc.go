// Package svg draws relation graphs as SVG at build time: deterministic,
// with no JavaScript, for inline use in HTML pages.
//
// These functions make the drawings:
//
//   - [Neighbourhood] draws one page and its direct relations in both
//     directions: the page in the middle, its neighbours on one or more
//     rings around it, sorted by type then title, each line labelled with
//     its relations.
//   - [NeighbourhoodNarrow] draws the same for a phone, 340 px wide: the
//     page on top, its neighbours one under another below it, grouped by
//     relation and direction under headings such as "CPO organizes" or
//     "attends CPO", each joined by an arrow to a line running down from
//     the page. Its text is 12 px or larger.
//   - [Overview] draws a whole level: a column per page type (linked
//     types side by side), nodes ordered to reduce crossings, lines as
//     curves that pass between the nodes of the columns they cross. Up to
//     40 lines are labelled when every label finds room; beyond that, or
//     when one does not, lines have tooltips only.
//   - [Legend] draws the key of shapes and colours for a set of types.
//
// It also draws, 340 px wide and with no text under 11 px, the roadmap's
// [Timeline], a backlog's value-against-effort [Scatter], an item's
// [StatusStrip], and the charts of the forecasts (docs/forecasting.md):
// a backlog's [Throughput] per iteration, its [CumulativeFlow] by status
// and its items' [CycleTimeScatter] with percentile lines, and a
// release's [ReleaseBurnUp] with the forecast's cone.
//
// # Input
//
// Nodes are pages; edges are relations between node IDs. The output does
// not depend on the order of either slice. Of two nodes with one ID, the
// one with the smallest fields is drawn; edges whose ends are not both
// among the nodes, and edges from a node to itself, are left out. All
// edges between two nodes, in either direction, are merged into one line
// with every label on it and arrowheads at the ends they point to.
//
// Text is escaped, white space collapsed, and characters XML cannot hold
// are replaced with U+FFFD. Labels wrap onto two lines and are cut with an
// ellipsis beyond that; the full title, abbreviation and type are in the
// node's tooltip (<title>), and every line's tooltip reads "A organizes
// B". An href with a scheme other than http, https or mailto (after
// decoding entities and dropping control characters, as a browser would)
// is not linked: the node is drawn as a <g> instead of an <a>.
//
// # Markup and CSS
//
// The root element is <svg class="graph-svg graph-neighbourhood"> (or
// graph-neighbourhood-narrow, graph-overview, graph-legend) with a
// viewBox, role="group" (not "img", which would hide the nodes' links
// from screen readers), an aria-label and a <title>, and a width and
// height equal to the viewBox's: drawn at that natural size, no text is
// smaller than 11 px, and a page scrolls a drawing too wide for it (in a
// .graph-scroll box) rather than shrinking it. It sets font-size 12
// because layouts measure text at that size. Colours come only from
// CSS, through these classes, so that the page's stylesheet controls
// light, dark and print modes:
//
//	node t-TYPE   a page: <a> or <g>, holding .shape (and .fold for an
//	              artifact's corner, .shape.back for a backlog's second
//	              sheet) and text.label with an optional tspan.abbr;
//	              TYPE is the page type in lower case, any character
//	              other than a-z, 0-9 and "-" replaced by "-"
//	center        the page a neighbourhood is about (its label is bold)
//	edge          a line: <g> holding a <title> and a <path>
//	trunk         the narrow drawing's line from the page down to its
//	              neighbours: a <path>
//	relation      a narrow drawing's group: <g> holding its heading (an
//	              edge-label without a background), lines and nodes
//	arrow         the arrowhead, in a <marker>
//	edge-label    a line's labels: rect.bg and <text>
//	band t-TYPE   an overview column's background
//	band-label    an overview column's heading
//
// Types have shapes as well as colours, so that graphs read without
// colour: role ellipse, group rounded rectangle, event hexagon, artifact
// document with a folded corner, cadence circle, area octagon (dashed in
// the default theme), backlog stack of sheets, release tag, every other
// type a rectangle.
//
// Marker ids are "g" and a hash of the drawing, so that several graphs
// can share a page. Coordinates are rounded to 0.1 px.
//
// # Timeline
//
// [Timeline.SVG] draws a roadmap: releases as bars on a scale of 2 px a
// day, one lane per system and variant, under a header of months, cycles
// (alternately shaded bands) and iterations (lines, labelled where the
// label fits). Dates are calendar days: the year, month and day of each
// time as given, without its clock. The drawing runs from the first of
// the month of the earliest bar, cycle or today to the first of the
// month after the latest; with none of these it only says "No releases".
// A lane's bars go in rows: each in the first row where it starts after
// the bar before it ends, with its label and at-risk badge when those
// are drawn after it, so that bars overlapping in time never share a
// row. Bars without a start are left out; an end before the start counts
// as the start. The output does not depend on the order of bars or
// spans. Like the other drawings, the <svg class="graph-svg
// timeline-svg"> has a width and height, its natural size, so that a page
// scrolls it (in a .graph-scroll box) rather than shrinking its text.
// Its classes:
//
//	cycle, cycle alt    a cycle's band, every second one alt; cycle-label
//	month               a month's tick; month-label
//	iteration           an iteration's line; iteration-label
//	axis, lane-sep      the line under the header, lines between lanes
//	lane-label          a lane's heading
//	today               the today line and its label: <g>
//	release s-STATUS    a release: <a> or <g> holding rect.bar (with the
//	                    same classes), rect.hatch (cancelled only),
//	                    rect.progress, text.bar-label (bar-label after
//	                    when it does not fit in the bar) and g.risk
//	at-risk             added to a release at risk, which has g.risk
//
// STATUS is the status in lower case, any character other than a-z and
// 0-9 replaced by "-"; no status is "planned". Cancelled bars are filled
// with a hatch pattern whose id is "g" and a hash of the drawing, as
// marker ids are, and their labels are struck through.
package svg
