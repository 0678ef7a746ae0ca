package svg

// Drawer draws the neighbourhoods of a site's pages, as [Neighbourhood]
// and [NeighbourhoodNarrow] do, both from one graph, into a buffer it
// keeps from one drawing to the next: each drawing then costs one
// allocation of its own size, the string returned, where a buffer of its
// own would first be made (and then copied) for every page's two
// drawings. It also keeps the boxes its layouts try places with. The
// zero Drawer is ready to use; a Drawer is for one goroutine at a time.
type Drawer struct {
	cv canvas
	sc layoutScratch // the layout tries' boxes
}

// Neighbourhoods returns what [Neighbourhood] and [NeighbourhoodNarrow]
// return, as strings ("" for nil): the graph is made once for both.
func (d *Drawer) Neighbourhoods(center string, nodes []Node, edges []Edge) (wide, narrow string) {
	g := newGraph(nodes, edges, neighbourhoodWidths)
	c := g.byID[center]
	if c == nil {
		return "", ""
	}
	labels := layoutWide(g, c, &d.sc)
	d.cv.Reset()
	wide = string(drawNeighbourhood(&d.cv, g, c, labels))
	g.refit(narrowWidths)
	d.cv.Reset()
	narrow = string(drawNarrowGraph(&d.cv, g, c))
	return wide, narrow
}
