package pdf

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// fontFamily is the name the embedded Go fonts are registered under.
const fontFamily = "go"

// fontFiles are the TrueType fonts embedded in every PDF, by fpdf style.
var fontFiles = []struct {
	style string
	ttf   []byte
}{
	{"", goregular.TTF},
	{"B", gobold.TTF},
}

// fontSet knows which characters every embedded font can draw.
type fontSet struct {
	parsed []*sfnt.Font
	mu     sync.Mutex
	buf    sfnt.Buffer
	cache  map[rune]bool
}

var (
	fontsOnce sync.Once
	fontsVal  *fontSet
	fontsErr  error
)

// loadFonts parses the embedded fonts once per process.
func loadFonts() (*fontSet, error) {
	fontsOnce.Do(func() {
		fs := &fontSet{cache: map[rune]bool{}}
		for _, ff := range fontFiles {
			p, err := sfnt.Parse(ff.ttf)
			if err != nil {
				fontsErr = fmt.Errorf("pdf: parse embedded font: %w", err)
				return
			}
			fs.parsed = append(fs.parsed, p)
		}
		fontsVal = fs
	})
	return fontsVal, fontsErr
}

// register adds the fonts to f as UTF-8 fonts.
func (fs *fontSet) register(f *fpdf.Fpdf) {
	for _, ff := range fontFiles {
		f.AddUTF8FontFromBytes(fontFamily, ff.style, ff.ttf)
	}
	f.SetFont(fontFamily, "", bodySize)
}

// has reports whether every embedded font has a glyph for c.
func (fs *fontSet) has(c rune) bool {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if ok, seen := fs.cache[c]; seen {
		return ok
	}
	ok := c <= 0xffff
	for _, p := range fs.parsed {
		if !ok {
			break
		}
		g, err := p.GlyphIndex(&fs.buf, c)
		ok = err == nil && g != 0
	}
	fs.cache[c] = ok
	return ok
}

// text makes s drawable: invalid UTF-8 becomes U+FFFD, whitespace and
// line breaks become a space, and every other character the fonts cannot
// draw (emoji, most scripts beyond Latin, Greek and Cyrillic, control and
// format characters) becomes a visible "[U+XXXX]" notation.
func (fs *fontSet) text(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for _, c := range s {
		switch {
		case unicode.IsSpace(c) && c != '\u00a0' && c != '\u202f':
			b.WriteByte(' ')
		case fs.has(c):
			b.WriteRune(c)
		default:
			fmt.Fprintf(&b, "[U+%04X]", c)
		}
	}
	return b.String()
}

// metaText makes s safe for fpdf's UTF-16 conversion of metadata and
// outline titles: valid UTF-8 within the Basic Multilingual Plane. Other
// characters become the "[U+XXXX]" notation; control characters a space.
func metaText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for _, c := range s {
		switch {
		case c > 0xffff:
			fmt.Fprintf(&b, "[U+%04X]", c)
		case unicode.IsControl(c):
			b.WriteByte(' ')
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}
