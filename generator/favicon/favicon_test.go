package favicon

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

var blue = color.RGBA{R: 0x0b, G: 0x5c, B: 0xad, A: 0xff}

func TestInitial(t *testing.T) {
	for _, c := range []struct {
		title string
		want  rune
	}{
		{"Pumps Inc. process wiki", 'P'},
		{"  «über» wiki", 'Ü'},
		{"3D printing", '3'},
		{"", 0},
		{"— · —", 0},
	} {
		if got := Initial(c.title); got != c.want {
			t.Errorf("Initial(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

func TestAccent(t *testing.T) {
	for _, c := range []struct {
		css  string
		want color.RGBA
		ok   bool
	}{
		{":root {\n  --accent: #0b5cad;\n  --accent-soft: #e6effa;\n}\n@media (prefers-color-scheme: dark) { :root { --accent: #7cb4f5; } }", blue, true},
		{":root{--accent:#F0a}", color.RGBA{R: 0xff, G: 0x00, B: 0xaa, A: 0xff}, true},
		{":root { --accent-soft: #e6effa; --accent: rebeccapurple; }", color.RGBA{}, false},
		{"", color.RGBA{}, false},
	} {
		got, ok := Accent([]byte(c.css))
		if got != c.want || ok != c.ok {
			t.Errorf("Accent(%q) = %v, %v; want %v, %v", c.css, got, ok, c.want, c.ok)
		}
	}
}

func TestInkStandsOut(t *testing.T) {
	if got := NewMark("x", blue).Ink; got != white {
		t.Errorf("ink on dark blue = %v, want white", got)
	}
	if got := NewMark("x", color.RGBA{R: 0xf5, G: 0xd0, B: 0x40, A: 0xff}).Ink; got != nearBlack {
		t.Errorf("ink on yellow = %v, want near-black", got)
	}
}

func TestSVG(t *testing.T) {
	doc := SVG(NewMark("Pumps", blue))
	if err := xml.Unmarshal(doc, new(struct{})); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, doc)
	}
	for _, want := range []string{`fill="#0b5cad"`, `fill="#ffffff"`, `>P</text>`, `viewBox="0 0 64 64"`} {
		if !bytes.Contains(doc, []byte(want)) {
			t.Errorf("SVG lacks %s:\n%s", want, doc)
		}
	}
	if bare := SVG(Mark{Letter: '<', Paper: blue, Ink: white}); bytes.Contains(bare, []byte("<text")) {
		t.Errorf("a mark whose letter is markup drew it: %s", bare)
	}
}

func TestPNGDrawsTheLetter(t *testing.T) {
	d, err := NewDrawer()
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{32, 180} {
		data, err := d.PNG(NewMark("Pumps", blue), size)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%dpx: %v", size, err)
		}
		if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
			t.Fatalf("%dpx: image is %v", size, b)
		}
		paper, ink := 0, 0
		for y := range size {
			for x := range size {
				switch color.NRGBAModel.Convert(img.At(x, y)) {
				case color.NRGBA{R: 0x0b, G: 0x5c, B: 0xad, A: 0xff}:
					paper++
				case color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}:
					ink++
				}
			}
		}
		if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
			t.Errorf("%dpx: the corner is not transparent: the square is not rounded", size)
		}
		if paper < size*size/3 || ink < size*size/40 {
			t.Errorf("%dpx: %d accent and %d white pixels of %d: no letter on the square", size, paper, ink, size*size)
		}
		// The letter's ink is centred: its box's middle is the image's.
		minX, minY, maxX, maxY := size, size, -1, -1
		for y := range size {
			for x := range size {
				if r, _, _, _ := img.At(x, y).RGBA(); r>>8 > 0x80 {
					minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
				}
			}
		}
		cx, cy := float64(minX+maxX+1)/2, float64(minY+maxY+1)/2
		if d := float64(size) / 12; cx < float64(size)/2-d || cx > float64(size)/2+d || cy < float64(size)/2-d || cy > float64(size)/2+d {
			t.Errorf("%dpx: the letter's box (%d,%d)–(%d,%d) is off centre", size, minX, minY, maxX, maxY)
		}
	}
}

func TestPNGWithoutGlyphIsTheSquare(t *testing.T) {
	d, err := NewDrawer()
	if err != nil {
		t.Fatal(err)
	}
	with, err := d.Image(NewMark("漢字", blue), 32)
	if err != nil {
		t.Fatal(err)
	}
	bare, err := d.Image(Mark{Paper: blue, Ink: white}, 32)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(with.Pix, bare.Pix) {
		t.Error("a letter the font lacks drew something")
	}
}

func TestICOWrapsThePNG(t *testing.T) {
	d, err := NewDrawer()
	if err != nil {
		t.Fatal(err)
	}
	p, err := d.PNG(NewMark("P", blue), 32)
	if err != nil {
		t.Fatal(err)
	}
	ico, err := ICO(p, 32)
	if err != nil {
		t.Fatal(err)
	}
	var head struct {
		Reserved, Type, Count uint16
		W, H, Colors, Res     uint8
		Planes, Bits          uint16
		Len, Offset           uint32
	}
	if err := binary.Read(bytes.NewReader(ico), binary.LittleEndian, &head); err != nil {
		t.Fatal(err)
	}
	if head.Type != 1 || head.Count != 1 || head.W != 32 || head.H != 32 || int(head.Len) != len(p) || int(head.Offset) != 22 {
		t.Errorf("ICO header %+v", head)
	}
	if !bytes.Equal(ico[head.Offset:], p) {
		t.Error("the ICO does not hold the PNG as it is")
	}
	if _, err := ICO(p, 300); err == nil || !strings.Contains(err.Error(), "300") {
		t.Errorf("ICO(300px) error = %v", err)
	}
}
