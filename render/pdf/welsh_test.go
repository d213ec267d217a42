package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/render/doc"
)

// welshLetters are the letters with diacritics Welsh writes: the to bach
// (circumflex) on every vowel, w and y included, and the acute, grave and
// diaeresis it also uses.
const welshLetters = "â ê î ô û ŵ ŷ Â Ê Î Ô Û Ŵ Ŷ á é í ó ú ẃ ý à è ì ò ù ẁ ỳ ä ë ï ö ü ẅ ÿ"

// TestWelshGlyphs: the embedded Go fonts draw every Welsh letter (none is
// reported missing), and the text reads back from the PDF, as do labels
// in Welsh.
func TestWelshGlyphs(t *testing.T) {
	d := &doc.Document{
		Title: "Hysbysiad preifatrwydd", Lang: "cy", Version: "1.0",
		Labels: map[string]string{doc.LabelVersion: "Fersiwn {version}", doc.LabelPageOf: "Tudalen {page} o {pages}"},
		Sections: []*doc.Section{{ID: "llythrennau", Title: "Llythrennau ŵ ŷ",
			Blocks: []doc.Block{doc.P(doc.T("Ynglŷn â'r grŵp: " + welshLetters))}}},
	}
	var missing []MissingGlyph
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{MissingGlyphs: func(m []MissingGlyph) { missing = m }}); err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 {
		t.Errorf("the Go fonts lack Welsh letters: %v", missing)
	}
	text := poppler(t, buf.Bytes(), "pdftotext", "-raw")
	for _, want := range append(strings.Fields(welshLetters), "Ynglŷn", "grŵp", "Fersiwn 1.0", "Tudalen 1 o 1") {
		if !strings.Contains(text, want) {
			t.Errorf("%q does not read back from the PDF:\n%s", want, text)
		}
	}
}
