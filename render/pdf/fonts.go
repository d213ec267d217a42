package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// fontFamily is the name the fonts are registered under in every PDF
// (named for the Go fonts, the default).
const fontFamily = "go"

// MaxFontSize is the largest font file LoadFonts reads.
const MaxFontSize = 64 << 20

// Fonts are the TrueType fonts a PDF is set in, regular and bold, and
// know which characters both can draw. The zero value is not usable: use
// DefaultFonts, LoadFonts or ParseFonts. A Fonts is safe for concurrent
// use.
type Fonts struct {
	regular, bold []byte
	parsed        []*sfnt.Font
	mu            sync.Mutex
	buf           sfnt.Buffer
	cache         map[rune]bool
}

var defaultFonts = sync.OnceValues(func() (*Fonts, error) {
	return ParseFonts(goregular.TTF, gobold.TTF)
})

// DefaultFonts returns the embedded Go fonts, which draw Latin, Greek and
// Cyrillic but not Hebrew, Arabic, CJK or most symbols.
func DefaultFonts() (*Fonts, error) { return defaultFonts() }

// LoadFonts reads TrueType fonts from the files regular and bold; bold
// may be empty, and the regular font then serves for bold text too. The
// error names the file and says what is wrong with it: missing,
// unreadable, not TrueType, or lacking the characters the PDF needs.
func LoadFonts(regular, bold string) (*Fonts, error) {
	r, err := readFont(regular)
	if err != nil {
		return nil, err
	}
	b := r
	if bold != "" {
		if b, err = readFont(bold); err != nil {
			return nil, err
		}
	}
	fs, err := ParseFonts(r, b)
	if err != nil {
		name := regular
		var fe *fontError
		if errors.As(err, &fe) && fe.bold && bold != "" {
			name = bold
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return fs, nil
}

// readFont reads a font file of at most MaxFontSize bytes.
func readFont(name string) ([]byte, error) {
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such file", name)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", name, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file; give a .ttf font file", name)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFontSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", name, err)
	}
	if len(data) > MaxFontSize {
		return nil, fmt.Errorf("%s is larger than %d MiB; no font needs that", name, MaxFontSize>>20)
	}
	return data, nil
}

// fontError is a font that cannot be used, regular or bold.
type fontError struct {
	bold bool
	msg  string
}

func (e *fontError) Error() string { return e.msg }

// ParseFonts checks the TrueType fonts regular and bold (nil bold: the
// regular font serves for bold too) and returns them as Fonts. A font must
// have TrueType outlines (not CFF, not a collection, not WOFF), parse, be
// embeddable by the PDF writer and draw the characters of the "[U+XXXX]"
// notation, which shows every character it cannot.
func ParseFonts(regular, bold []byte) (*Fonts, error) {
	if bold == nil {
		bold = regular
	}
	fs := &Fonts{regular: regular, bold: bold, cache: map[rune]bool{}}
	for i, data := range [][]byte{regular, bold} {
		p, err := checkFont(data)
		if err != nil {
			return nil, &fontError{bold: i == 1, msg: err.Error()}
		}
		fs.parsed = append(fs.parsed, p)
	}
	for _, c := range "[U+0123456789ABCDEF] Pagof" {
		if !fs.has(c) {
			return nil, &fontError{msg: fmt.Sprintf("the font has no glyph for %q; a PDF font must draw at least basic Latin letters and digits", c)}
		}
	}
	if err := tryFonts(regular, bold); err != nil {
		return nil, err
	}
	return fs, nil
}

// checkFont tells a TrueType font from the other kinds of font file and
// parses it.
func checkFont(data []byte) (*sfnt.Font, error) {
	if len(data) < 12 {
		return nil, errors.New("not a TrueType font: the file is too short")
	}
	switch tag := string(data[:4]); tag {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return nil, errors.New("an OpenType font with PostScript (CFF) outlines; the PDF writer needs TrueType outlines (a .ttf file)")
	case "ttcf":
		return nil, errors.New("a TrueType collection (.ttc); give one font of it as a .ttf file")
	case "wOFF", "wOF2":
		return nil, errors.New("a web font (WOFF); convert it to a .ttf file")
	default:
		return nil, errors.New("not a TrueType font (.ttf)")
	}
	p, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("not a usable TrueType font: %v", err)
	}
	return p, nil
}

// tryFonts writes a one-page PDF with the fonts, so that a font the PDF
// writer cannot embed fails here, with its name, rather than mid-build.
func tryFonts(regular, bold []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the PDF writer cannot use the font: %v", p)
		}
	}()
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(fontFamily, "", bytes.Clone(regular))
	f.AddUTF8FontFromBytes(fontFamily, "B", bytes.Clone(bold))
	f.AddPage()
	for _, style := range []string{"", "B"} {
		f.SetFont(fontFamily, style, bodySize)
		f.CellFormat(40, 5, "Page 1 of 2 [U+0041]", "", 1, "L", false, 0, "")
	}
	if err := f.Output(io.Discard); err != nil {
		return fmt.Errorf("the PDF writer cannot use the font: %v", err)
	}
	return nil
}

// register adds the fonts to f as UTF-8 fonts. fpdf writes into the font
// bytes it is given, and with some fonts (Go Mono, for one) that changes
// the next PDF made from them, so each PDF gets its own copy.
func (fs *Fonts) register(f *fpdf.Fpdf) {
	f.AddUTF8FontFromBytes(fontFamily, "", bytes.Clone(fs.regular))
	f.AddUTF8FontFromBytes(fontFamily, "B", bytes.Clone(fs.bold))
	f.SetFont(fontFamily, "", bodySize)
}

// Has reports whether both fonts have a glyph for c.
func (fs *Fonts) Has(c rune) bool { return fs.has(c) }

func (fs *Fonts) has(c rune) bool {
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
// draw (with the Go fonts: emoji, most scripts beyond Latin, Greek and
// Cyrillic, control and format characters) becomes a visible "[U+XXXX]"
// notation, each reported to missing.
func (fs *Fonts) text(s string, missing func(c rune)) string {
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
			missing(c)
			fmt.Fprintf(&b, "[U+%04X]", c)
		}
	}
	return b.String()
}

// MissingGlyph is a character of a document the PDF's fonts cannot draw,
// shown as "[U+XXXX]" instead.
type MissingGlyph struct {
	// Char is the character.
	Char rune
	// Text is the document text (a run, title or cell line, as the plan
	// gave it) the character appears in.
	Text string
}

// missingSet collects missing glyphs once each.
type missingSet map[MissingGlyph]bool

// list returns the glyphs sorted by text, then character.
func (m missingSet) list() []MissingGlyph {
	out := make([]MissingGlyph, 0, len(m))
	for g := range m {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		if c := strings.Compare(out[i].Text, out[j].Text); c != 0 {
			return c < 0
		}
		return out[i].Char < out[j].Char
	})
	return out
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
