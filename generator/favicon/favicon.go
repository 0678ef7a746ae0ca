// Package favicon draws a site's icon: its title's initial letter on a
// rounded square of the theme's accent colour, as SVG, as PNG at any size
// and as an ICO file that wraps a PNG. Output depends only on the mark,
// so a build writes the same bytes every time.
package favicon

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Mark is what an icon shows: a letter (or none) in Ink on Paper.
type Mark struct {
	Letter rune // 0: the square alone
	Paper  color.RGBA
	Ink    color.RGBA
}

// NewMark makes the mark of a site called title whose accent colour is
// accent: the title's first letter or digit, upper case, in white or
// near-black, whichever stands out more on the accent.
func NewMark(title string, accent color.RGBA) Mark {
	return Mark{Letter: Initial(title), Paper: accent, Ink: inkOn(accent)}
}

// Initial is the first letter or digit of title, upper case, or 0 when
// it has none.
func Initial(title string) rune {
	for _, r := range title {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToUpper(r)
		}
	}
	return 0
}

// accentRule finds the first --accent custom property of a style sheet
// written as a hex colour: the light palette's, by the default theme's
// layout.
var accentRule = regexp.MustCompile(`--accent\s*:\s*#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b`)

// Accent reads the accent colour of a theme's style sheet: its first
// "--accent: #rrggbb" (or #rgb). ok is false when there is none.
func Accent(css []byte) (c color.RGBA, ok bool) {
	m := accentRule.FindSubmatch(css)
	if m == nil {
		return color.RGBA{}, false
	}
	hex := string(m[1])
	if len(hex) == 3 {
		hex = string([]byte{hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]})
	}
	var rgb [3]uint8
	if _, err := fmt.Sscanf(hex, "%02x%02x%02x", &rgb[0], &rgb[1], &rgb[2]); err != nil {
		return color.RGBA{}, false
	}
	return color.RGBA{R: rgb[0], G: rgb[1], B: rgb[2], A: 0xff}, true
}

var (
	white     = color.RGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	nearBlack = color.RGBA{R: 0x11, G: 0x11, B: 0x11, A: 0xff}
)

// inkOn picks the letter's colour for paper: the one of white and
// near-black with the higher contrast ratio.
func inkOn(paper color.RGBA) color.RGBA {
	l := luminance(paper)
	if (1.05)/(l+0.05) >= (l+0.05)/(luminance(nearBlack)+0.05) {
		return white
	}
	return nearBlack
}

// luminance is WCAG's relative luminance of c.
func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// cornerShare is the corner radius as a share of the icon's side.
const cornerShare = 0.22

// letterShare is the letter's font size as a share of the icon's side.
const letterShare = 0.68

// SVG writes the mark as a scalable image of 64 units a side. The letter
// is set in the reader's bold sans-serif font.
func SVG(m Mark) []byte {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">`)
	fmt.Fprintf(&b, `<rect width="64" height="64" rx="%g" fill="%s"/>`, 64*cornerShare, hexColor(m.Paper))
	if unicode.IsLetter(m.Letter) || unicode.IsDigit(m.Letter) { // never markup
		fmt.Fprintf(&b, `<text x="32" y="32" dy=".35em" text-anchor="middle" font-family="system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif" font-weight="700" font-size="%g" fill="%s">%s</text>`,
			64*letterShare, hexColor(m.Ink), string(m.Letter))
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

func hexColor(c color.RGBA) string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// Drawer rasterises marks. It holds the parsed font: make one per build.
type Drawer struct {
	font *sfnt.Font
}

// NewDrawer parses the Go Bold font the letters are drawn in.
func NewDrawer() (*Drawer, error) {
	f, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil, fmt.Errorf("favicon: parse the Go Bold font: %w", err)
	}
	return &Drawer{font: f}, nil
}

// Image draws the mark size pixels a side. A letter the font lacks is
// left out, leaving the square.
func (d *Drawer) Image(m Mark, size int) (*image.NRGBA, error) {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	roundedSquare(img, m.Paper, float64(size)*cornerShare)
	if m.Letter == 0 || !d.has(m.Letter) {
		return img, nil
	}
	face, err := opentype.NewFace(d.font, &opentype.FaceOptions{Size: float64(size) * letterShare, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("favicon: make a %dpx face: %w", size, err)
	}
	defer face.Close()
	dr := &font.Drawer{Dst: img, Src: image.NewUniform(m.Ink), Face: face}
	s := string(m.Letter)
	bounds, _ := dr.BoundString(s)
	// Centre the letter's ink, not its advance box, in the square.
	w, h := bounds.Max.X-bounds.Min.X, bounds.Max.Y-bounds.Min.Y
	half := fixed.I(size) / 2
	dr.Dot = fixed.Point26_6{X: half - w/2 - bounds.Min.X, Y: half - h/2 - bounds.Min.Y}
	dr.DrawString(s)
	return img, nil
}

func (d *Drawer) has(r rune) bool {
	var buf sfnt.Buffer
	i, err := d.font.GlyphIndex(&buf, r)
	return err == nil && i != 0
}

// PNG draws the mark size pixels a side as a PNG file, compressed at
// zlib's default level: the best level made the 180 px icon a tenth
// smaller (3.2 instead of 3.5 KB) for six times the time (12 ms instead
// of 2), which every build spends.
func (d *Drawer) PNG(m Mark, size int) ([]byte, error) {
	img, err := d.Image(m, size)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&b, img); err != nil {
		return nil, fmt.Errorf("favicon: encode a %dpx PNG: %w", size, err)
	}
	return b.Bytes(), nil
}

// samples is the number of sub-pixel samples per axis that smooth the
// square's rounded corners.
const samples = 4

// roundedSquare fills a new, transparent img with c inside a square with
// corners of radius r, anti-aliased.
func roundedSquare(img *image.NRGBA, c color.RGBA, r float64) {
	size := img.Bounds().Dx()
	for y := range size {
		for x := range size {
			in := 0
			for sy := range samples {
				for sx := range samples {
					px := float64(x) + (float64(sx)+0.5)/samples
					py := float64(y) + (float64(sy)+0.5)/samples
					if inRounded(px, py, float64(size), r) {
						in++
					}
				}
			}
			if in > 0 {
				a := uint8(int(c.A) * in / (samples * samples))
				img.SetNRGBA(x, y, color.NRGBA{R: c.R, G: c.G, B: c.B, A: a})
			}
		}
	}
}

// inRounded reports whether (x, y) lies in a square of side s with
// corners of radius r.
func inRounded(x, y, s, r float64) bool {
	cx := math.Max(r, math.Min(x, s-r))
	cy := math.Max(r, math.Min(y, s-r))
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= r*r
}

// ICO wraps one PNG of size pixels a side (at most 256) in an ICO file,
// which every browser reads since Windows Vista's format allows PNG
// entries.
func ICO(pngData []byte, size int) ([]byte, error) {
	if size < 1 || size > 256 {
		return nil, fmt.Errorf("favicon: an ICO image is 1 to 256 pixels a side, not %d", size)
	}
	var b bytes.Buffer
	const headerLen, entryLen = 6, 16
	side := uint8(size % 256) // 0 stands for 256
	fields := []any{
		uint16(0), uint16(1), uint16(1), // reserved, type icon, one image
		side, side, uint8(0), uint8(0), // width, height, no palette, reserved
		uint16(1), uint16(32), // colour planes, bits per pixel
		uint32(len(pngData)), uint32(headerLen + entryLen),
	}
	for _, f := range fields {
		if err := binary.Write(&b, binary.LittleEndian, f); err != nil {
			return nil, fmt.Errorf("favicon: write the ICO header: %w", err)
		}
	}
	b.Write(pngData)
	return b.Bytes(), nil
}
