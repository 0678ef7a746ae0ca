// Package svg draws relation graphs as SVG at build time: deterministic,
// with no JavaScript, for inline use in HTML pages.
//
// Three functions make the drawings:
//
//   - [Neighbourhood] draws one page and its direct relations in both
//     directions: the page in the middle, its neighbours on one or more
//     rings around it, sorted by type then title, each line labelled with
//     its relations.
//   - [Overview] draws a whole level: a column per page type (linked
//     types side by side), nodes ordered to reduce crossings, lines as
//     curves that pass between the nodes of the columns they cross. Up to
//     40 lines are labelled when every label finds room; beyond that, or
//     when one does not, lines have tooltips only.
//   - [Legend] draws the key of shapes and colours for a set of types.
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
// graph-overview, graph-legend) with a viewBox, role="img", an aria-label
// and a <title>, and no width or height: CSS sizes it. It sets font-size
// 12 because layouts measure text at that size. Colours come only from
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
package svg
