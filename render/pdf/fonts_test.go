package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/ropa-dev/ropa/render/doc"
)

// glyphDoc is a document with characters the Go fonts lack.
func glyphDoc() *doc.Document {
	return &doc.Document{
		Title: "Glyphs ✓",
		Date:  "2025-01-01",
		Sections: []*doc.Section{{ID: "s", Title: "שלום", Blocks: []doc.Block{
			doc.P(doc.T("Hebrew שלום and a tick ✓ and Latin.")),
			&doc.Table{Header: []string{"A"}, Rows: [][]doc.Cell{{doc.TextCell("中文")}}},
		}}},
	}
}

func TestMissingGlyphs(t *testing.T) {
	var got []MissingGlyph
	calls := 0
	var buf bytes.Buffer
	err := Render(&buf, glyphDoc(), Options{MissingGlyphs: func(m []MissingGlyph) { calls++; got = m }})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Fatalf("MissingGlyphs called %d times, want once", calls)
	}
	want := map[MissingGlyph]bool{
		{'✓', "Hebrew שלום and a tick ✓ and Latin."}: true,
		{'ש', "Hebrew שלום and a tick ✓ and Latin."}: true,
		{'ש', "שלום"}: true,
		{'中', "中文"}:   true,
	}
	seen := map[MissingGlyph]bool{}
	for _, g := range got {
		if seen[g] {
			t.Errorf("%+v reported twice", g)
		}
		seen[g] = true
	}
	for g := range want {
		if !seen[g] {
			t.Errorf("%q in %q not reported; got %q", g.Char, g.Text, got)
		}
	}
	if seen[MissingGlyph{'L', "Hebrew שלום and a tick ✓ and Latin."}] {
		t.Error("a Latin letter reported missing")
	}
	// A document the fonts can draw reports nothing.
	calls = 0
	if err := Render(&buf, &doc.Document{Title: "Plain"}, Options{MissingGlyphs: func([]MissingGlyph) { calls++ }}); err != nil || calls != 0 {
		t.Errorf("plain document: err %v, %d calls", err, calls)
	}
}

func TestLoadFontsErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("go.ttf", goregular.TTF)
	notdir := filepath.Join(good, "x.ttf")
	for _, tt := range []struct{ regular, bold, want string }{
		{filepath.Join(dir, "nosuch.ttf"), "", "nosuch.ttf: no such file"},
		{dir, "", "is not a regular file"},
		{notdir, "", "cannot read"},
		{write("short.ttf", []byte("ttf")), "", "short.ttf: not a TrueType font: the file is too short"},
		{write("text.ttf", []byte("just some text, long enough")), "", "text.ttf: not a TrueType font (.ttf)"},
		{write("cff.otf", []byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00")), "", "PostScript (CFF) outlines"},
		{write("c.ttc", []byte("ttcf\x00\x00\x00\x00\x00\x00\x00\x00")), "", "a TrueType collection (.ttc)"},
		{write("w.woff", []byte("wOFF\x00\x00\x00\x00\x00\x00\x00\x00")), "", "a web font (WOFF)"},
		{write("broken.ttf", append([]byte("\x00\x01\x00\x00"), bytes.Repeat([]byte{0xff}, 40)...)), "", "broken.ttf: not a usable TrueType font"},
		// The bold font is checked as well, and named.
		{good, write("bad-bold.ttf", []byte("not a font at all...")), "bad-bold.ttf: not a TrueType font"},
	} {
		_, err := LoadFonts(tt.regular, tt.bold)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("LoadFonts(%s, %q) = %v, want %q", filepath.Base(tt.regular), tt.bold, err, tt.want)
		}
	}
}

// TestCustomFont sets a document in a font given as a file (Go Mono,
// which ships with the module, so the test runs everywhere): the PDF
// embeds it, and renders stay byte-identical (fpdf writes into the font
// bytes it is given, which once made the second render differ).
func TestCustomFont(t *testing.T) {
	p := filepath.Join(t.TempDir(), "mono.ttf")
	if err := os.WriteFile(p, gomono.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	fs, err := LoadFonts(p, "")
	if err != nil {
		t.Fatal(err)
	}
	render := func() []byte {
		var buf bytes.Buffer
		if err := Render(&buf, glyphDoc(), Options{Fonts: fs}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := render(), render()
	if !bytes.Equal(a, b) {
		t.Error("two renders with a custom font differ")
	}
	var def bytes.Buffer
	if err := Render(&def, glyphDoc(), Options{}); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, def.Bytes()) {
		t.Error("the PDF with a custom font is the PDF with the default fonts")
	}
}

// TestSystemFont draws Hebrew and ✓ with DejaVu Sans, where installed.
func TestSystemFont(t *testing.T) {
	const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	if _, err := os.Stat(dejavu); err != nil {
		t.Skip("DejaVu Sans not installed")
	}
	fs, err := LoadFonts(dejavu, "")
	if err != nil {
		t.Fatal(err)
	}
	var missing []MissingGlyph
	var buf bytes.Buffer
	if err := Render(&buf, glyphDoc(), Options{Fonts: fs, MissingGlyphs: func(m []MissingGlyph) { missing = m }}); err != nil {
		t.Fatal(err)
	}
	for _, g := range missing {
		if g.Char != '中' && g.Char != '文' {
			t.Errorf("DejaVu Sans reported missing %q", g.Char)
		}
	}
	if len(missing) == 0 {
		t.Error("CJK not reported missing with DejaVu Sans")
	}
}
