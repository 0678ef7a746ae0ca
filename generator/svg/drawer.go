package svg

// Drawer draws the neighbourhoods of a site's pages, as [Neighbourhood]
// and [NeighbourhoodNarrow] do, into a buffer it keeps from one drawing
// to the next: each drawing then costs one allocation of its own size,
// the string returned, where a buffer of its own would first be made
// (and then copied) for every page's two drawings. The zero Drawer is
// ready to use; a Drawer is for one goroutine at a time.
type Drawer struct {
	cv canvas
}

// Neighbourhood returns what [Neighbourhood] returns, as a string.
func (d *Drawer) Neighbourhood(center string, nodes []Node, edges []Edge) string {
	d.cv.Reset()
	return string(neighbourhood(&d.cv, center, nodes, edges))
}

// NeighbourhoodNarrow returns what [NeighbourhoodNarrow] returns, as a
// string.
func (d *Drawer) NeighbourhoodNarrow(center string, nodes []Node, edges []Edge) string {
	d.cv.Reset()
	return string(neighbourhoodNarrow(&d.cv, center, nodes, edges))
}
