// Package pdf lays out a doc.Document as an A4 PDF with fpdf: a title
// block, sections with a clickable outline, paragraphs, lists and tables
// whose rows wrap and repeat their header after a page break, and a "Page
// N of M" footer. The PDF is tagged (see tag.go): a structure tree says
// which text is a heading, paragraph, list, table cell or link. Fonts are
// the embedded Go fonts; a character they cannot draw is shown as a
// "[U+XXXX]" notation rather than vanishing, and
// reported to the caller (Options.MissingGlyphs); Options.Fonts sets the
// document in other TrueType fonts. The same document always gives the
// same bytes.
package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"github.com/ropa-dev/ropa/render/doc"
)

// Options tunes the PDF output.
type Options struct {
	// Fonts are the fonts to set the document in; nil means the embedded
	// Go fonts (DefaultFonts).
	Fonts *Fonts
	// MissingGlyphs, when set, is called once after a successful render
	// with every character the fonts could not draw, each with the text it
	// appears in, sorted; it is not called when there are none.
	MissingGlyphs func([]MissingGlyph)
}

// Page geometry and type sizes, in millimetres and points.
const (
	margin      = 18.0 // left, right and top margin
	bottomLimit = 20.0 // space kept free at the foot of each page
	bodySize    = 10.0
	tableSize   = 8.5
	footerSize  = 8.0
	// Landscape pages hold wide tables, the register's, meant to be
	// printed: narrower margins, and smaller, more tightly set table text,
	// get about twice the rows on a page.
	landscapeMargin      = 12.0
	landscapeBottomLimit = 14.0
	landscapeTableSize   = 7.5
	landscapeTableLead   = 1.25 // line height as a multiple of the type size
	// nbAlias stands for the page count until the PDF is written: fpdf
	// replaces it in the content streams, as UTF-8 and as UTF-16, wherever
	// its bytes occur, even across the boundary of two characters. It is
	// two noncharacters the fonts lack, so no document text (which shows
	// such characters as "[U+FDD0]") contains it, and its bytes could
	// straddle two drawn characters only after a Hangul syllable
	// (U+D0FD, U+B790) the fonts lack too. (A single U+E000 straddled
	// "à" and the Latin letter after it, whose bytes fpdf replaced: both
	// drew as missing glyphs, and Welsh writes "à".)
	nbAlias = "\uFDD0\uFDD1"
)

// Render writes d to w as a PDF. The output depends only on d, opts and,
// when d.Date does not give a date, the SOURCE_DATE_EPOCH environment
// variable: the creation and modification dates follow the rule of
// package render/internal/stamp, which the XLSX register follows too.
func Render(w io.Writer, d *doc.Document, opts Options) (err error) {
	if d == nil {
		d = &doc.Document{}
	}
	defer func() {
		// fpdf reports most failures through Error, but a bug in it must
		// not take the caller down.
		if p := recover(); p != nil {
			err = fmt.Errorf("pdf: %v", p)
		}
	}()
	r, err := newRenderer(d, opts.Fonts)
	if err != nil {
		return err
	}
	r.document(d)
	if err := r.f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := r.f.Output(&buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	out, err := r.tags.writeStructure(buf.Bytes())
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	if _, err := w.Write(out); err != nil {
		return err
	}
	if opts.MissingGlyphs != nil && len(r.missing) > 0 {
		opts.MissingGlyphs(r.missing.list())
	}
	return nil
}

// renderer holds the PDF being built and its content box.
type renderer struct {
	f       *fpdf.Fpdf
	d       *doc.Document // the document, whose labels the layout shows
	fonts   *Fonts
	missing missingSet // characters the fonts lack, with their texts
	left    float64    // x of the content box
	width   float64    // width of the content box
	top     float64    // y where content starts on a page
	bottom  float64    // y content must not pass
	footerY float64    // y of the footer line
	// tableSize is the type size of table text, in points, and tableLH
	// its line height in millimetres.
	tableSize, tableLH float64
	// splitRows lets a tall table row start on a page with a third of
	// it left (see rowLead).
	splitRows bool
	// style is the font and colour last set by setStyle, when styleOK.
	style   style
	styleOK bool
	// tags is the structure tree and the state of marked content.
	tags *tagger
	// links numbers the links of the text laid out so far.
	links int
}

func newRenderer(d *doc.Document, fonts *Fonts) (*renderer, error) {
	if fonts == nil {
		var err error
		if fonts, err = DefaultFonts(); err != nil {
			return nil, err
		}
	}
	orientation := "P"
	if d.Landscape {
		orientation = "L"
	}
	f := fpdf.New(orientation, "mm", "A4", "")
	r := &renderer{f: f, d: d, fonts: fonts, missing: missingSet{}, tags: newTagger()}
	fonts.register(f)
	setMetadata(f, d)
	m, bottom := margin, bottomLimit
	r.tableSize, r.tableLH = tableSize, lineHeight(tableSize)
	if d.Landscape {
		m, bottom = landscapeMargin, landscapeBottomLimit
		r.tableSize, r.tableLH = landscapeTableSize, landscapeTableSize*ptToMM*landscapeTableLead
		r.splitRows = true
	}
	f.SetMargins(m, m, m)
	f.SetAutoPageBreak(false, 0)
	f.SetCellMargin(0)
	f.AliasNbPages(nbAlias)
	pw, ph := f.GetPageSize()
	r.left, r.width = m, pw-2*m
	r.top, r.bottom = m, ph-bottom
	r.footerY = ph - bottom + bottom*0.4
	f.SetFooterFunc(r.footer)
	return r, f.Error()
}

// drawable makes s drawable in the fonts (see Fonts.text), noting each
// character they lack.
func (r *renderer) drawable(s string) string {
	return r.fonts.text(s, func(c rune) { r.missing[MissingGlyph{Char: c, Text: s}] = true })
}

// footer writes "Page N of M" centred at the foot of the page, marked as
// a pagination artifact.
func (r *renderer) footer() {
	r.markFooter()
	defer r.endMark()
	r.styleOK = false
	r.f.SetFont(fontFamily, "", footerSize)
	r.f.SetTextColor(90, 90, 90)
	r.f.SetXY(r.left, r.footerY)
	r.f.CellFormat(r.width, 4, r.d.Label(doc.LabelPageOf, "page", strconv.Itoa(r.f.PageNo()), "pages", nbAlias), "", 0, "C", false, 0, "")
}

// need starts a new page unless h millimetres fit above the bottom limit.
func (r *renderer) need(h float64) {
	if r.f.GetY()+h > r.bottom && r.f.GetY() > r.top {
		r.f.AddPage()
	}
}
