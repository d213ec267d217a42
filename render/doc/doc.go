// Package doc is the document plan every output format lays out: a small
// tree of sections holding paragraphs, lists and tables of plain text runs.
// Planners (the notice, the register) build a Document once from the model;
// the HTML, Markdown and PDF renderers only lay it out, which is how the
// three formats stay saying the same thing.
//
// All text in a Document is plain, untrusted text. Renderers escape it for
// their format; nothing in a Document is ever interpreted as markup.
package doc

// Document is one output document: a privacy notice or a register.
type Document struct {
	// Title is the document title, shown first and stored in metadata.
	Title string
	// Subtitle is shown under the title, e.g. the organisation's name.
	Subtitle string
	// Author is the organisation responsible, stored in metadata.
	Author string
	// Subject is a one-line description, stored in metadata.
	Subject string
	// Lang is the BCP 47 language tag, e.g. "en-GB".
	Lang string
	// Version is the document's version label.
	Version string
	// Date is the document's date, YYYY-MM-DD or YYYY-MM.
	Date string
	// Landscape asks page-based formats for landscape pages (wide tables).
	Landscape bool
	// Intro holds blocks shown before the first section.
	Intro []Block
	// Sections are the top-level sections, in reading order.
	Sections []*Section
}

// Section is a titled part of a document. Its ID is a stable anchor,
// unique in the document, made of a-z, 0-9 and '-'.
type Section struct {
	ID       string
	Title    string
	Blocks   []Block
	Sections []*Section
}

// Block is a paragraph, a list or a table.
type Block interface{ isBlock() }

// Paragraph is a run of inline text.
type Paragraph struct {
	Text []Inline
}

// List is a bulleted (or numbered) list; each item is a run of inline text.
type List struct {
	Ordered bool
	Items   [][]Inline
}

// Table is a table with one header row. Each cell is a list of lines; a
// renderer breaks lines within the cell.
type Table struct {
	// Caption describes the table; HTML shows it as <caption>.
	Caption string
	Header  []string
	Rows    [][]Cell
	// Widths are relative column widths for page-based formats; nil means
	// equal widths.
	Widths []float64
}

// Cell is one table cell: lines of inline text.
type Cell [][]Inline

// Inline is a piece of text, optionally a link or emphasised.
type Inline struct {
	Text string
	// URL makes the text a link. Renderers only link http(s): and mailto:
	// addresses and show any other address as plain text.
	URL string
	// Strong marks the text as important.
	Strong bool
}

func (*Paragraph) isBlock() {}
func (*List) isBlock()      {}
func (*Table) isBlock()     {}

// T returns a plain text run.
func T(s string) Inline { return Inline{Text: s} }

// B returns a strong text run.
func B(s string) Inline { return Inline{Text: s, Strong: true} }

// L returns a link.
func L(text, url string) Inline { return Inline{Text: text, URL: url} }

// P returns a paragraph of the given runs.
func P(runs ...Inline) *Paragraph { return &Paragraph{Text: runs} }

// Line returns a cell line of the given runs.
func Line(runs ...Inline) []Inline { return runs }

// TextCell returns a cell of one plain line per string.
func TextCell(lines ...string) Cell {
	c := make(Cell, 0, len(lines))
	for _, l := range lines {
		c = append(c, []Inline{T(l)})
	}
	return c
}

// PlainText flattens runs to their text.
func PlainText(runs []Inline) string {
	n := 0
	for _, r := range runs {
		n += len(r.Text)
	}
	b := make([]byte, 0, n)
	for _, r := range runs {
		b = append(b, r.Text...)
	}
	return string(b)
}

// Walk calls fn for every section of d, depth first, in reading order.
func (d *Document) Walk(fn func(s *Section, depth int)) {
	var walk func(ss []*Section, depth int)
	walk = func(ss []*Section, depth int) {
		for _, s := range ss {
			fn(s, depth)
			walk(s.Sections, depth+1)
		}
	}
	walk(d.Sections, 1)
}

// SafeURL reports whether a URL may be rendered as a link: only http(s)
// and mailto: addresses are.
func SafeURL(u string) bool {
	for _, p := range []string{"https://", "http://", "mailto:"} {
		if len(u) > len(p) && equalFold(u[:len(p)], p) {
			return true
		}
	}
	return false
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		ca, cb := a[i], b[i]
		if 'A' <= ca && ca <= 'Z' {
			ca += 'a' - 'A'
		}
		if 'A' <= cb && cb <= 'Z' {
			cb += 'a' - 'A'
		}
		if ca != cb {
			return false
		}
	}
	return true
}
