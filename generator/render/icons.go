package render

import (
	"fmt"
	"image/color"
	"io"
	"sync"

	"github.com/backlight-wiki/backlight/generator/favicon"
	"github.com/backlight-wiki/backlight/generator/render/views"
)

// siteIcon is one file of the site's icon: the site's static/ folder or
// the theme may provide it; otherwise the build draws it.
type siteIcon struct {
	path  string // in the site: "favicon-32.png"
	link  views.IconLink
	draw  func(d *favicon.Drawer, m favicon.Mark) ([]byte, error)
	label string // what it is, for "two sources for one path" errors
}

// Icon sizes: the tab icon of browsers without SVG icons, and the home
// screen icon of iOS.
const (
	tabIconSize   = 32
	touchIconSize = 180
)

// fallbackAccent colours the icon of a theme whose style sheet names no
// --accent: a dark grey on which white letters stand out.
var fallbackAccent = color.RGBA{R: 0x33, G: 0x33, B: 0x33, A: 0xff}

func siteIcons() []siteIcon {
	pngOf := func(size int) func(d *favicon.Drawer, m favicon.Mark) ([]byte, error) {
		return func(d *favicon.Drawer, m favicon.Mark) ([]byte, error) { return d.PNG(m, size) }
	}
	return []siteIcon{
		{path: "favicon.svg", label: "the site's icon (SVG)",
			link: views.IconLink{Rel: "icon", URL: "/favicon.svg", Type: "image/svg+xml"},
			draw: func(_ *favicon.Drawer, m favicon.Mark) ([]byte, error) { return favicon.SVG(m), nil }},
		{path: "favicon-32.png", label: "the site's icon (32 px PNG)",
			link: views.IconLink{Rel: "icon", URL: "/favicon-32.png", Type: "image/png", Sizes: "32x32"},
			draw: pngOf(tabIconSize)},
		{path: "apple-touch-icon.png", label: "the site's home screen icon (180 px PNG)",
			link: views.IconLink{Rel: "apple-touch-icon", URL: "/apple-touch-icon.png", Sizes: "180x180"},
			draw: pngOf(touchIconSize)},
		{path: "favicon.ico", label: "the site's icon (ICO)", // browsers ask for it unlinked
			draw: func(d *favicon.Drawer, m favicon.Mark) ([]byte, error) {
				p, err := d.PNG(m, tabIconSize)
				if err != nil {
					return nil, err
				}
				return favicon.ICO(p, tabIconSize)
			}},
	}
}

// iconLinks are the links every page's head carries to the site's icons,
// provided or drawn.
func iconLinks() []views.IconLink {
	var links []views.IconLink
	for _, ic := range siteIcons() {
		if ic.link.Rel != "" {
			links = append(links, ic.link)
		}
	}
	return links
}

// icons plans the icon files the site does not provide. The font is
// parsed once, when the first icon is written.
func (e *Engine) icons(m *views.Model) []Output {
	mark := favicon.NewMark(e.info.Title, e.accent())
	drawer := sync.OnceValues(favicon.NewDrawer)
	var outs []Output
	for _, ic := range siteIcons() {
		if e.provides(m, ic.path) {
			continue
		}
		outs = append(outs, Output{Path: ic.path, Source: ic.label, Packed: true, Write: func(w io.Writer) error {
			d, err := drawer()
			if err != nil {
				return err
			}
			data, err := ic.draw(d, mark)
			if err != nil {
				return fmt.Errorf("draw %s: %w", ic.path, err)
			}
			_, err = w.Write(data)
			return err
		}})
	}
	return outs
}

// provides reports whether the site or its theme publishes a file at
// path as it is.
func (e *Engine) provides(m *views.Model, path string) bool {
	if m.Provided != nil && m.Provided(path) {
		return true
	}
	a, ok := e.assets[path]
	return ok && a.out == path
}

// accent is the theme's accent colour, read from its style sheet.
func (e *Engine) accent() color.RGBA {
	if c, ok := favicon.Accent(e.assets["css/style.css"].data); ok {
		return c
	}
	return fallbackAccent
}
