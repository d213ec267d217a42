// Package doc is the document plan every output format lays out: a small
// tree of sections holding paragraphs, lists and tables of plain text runs.
// Planners (the notice, the register) build a Document once from the model;
// the HTML, Markdown and PDF renderers only lay it out, which is how the
// three formats stay saying the same thing.
//
// All text in a Document is plain, untrusted text. Renderers escape it for
// their format; nothing in a Document is ever interpreted as markup.
package doc

import "strings"

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
	// Date is the document's date, YYYY-MM-DD or YYYY-MM, for metadata.
	Date string
	// DateText is Date as the document prints it (e.g. "1 April 2025"), so
	// that one date format runs through the document; renderers print Date
	// when it is empty.
	DateText string
	// Landscape asks page-based formats for landscape pages (wide tables).
	Landscape bool
	// Intro holds blocks shown before the first section.
	Intro []Block
	// Sections are the top-level sections, in reading order.
	Sections []*Section
	// Labels are the words the layout itself shows (a skip link, the
	// table of contents' name, "Version", the PDF's page footer, ...),
	// keyed by LabelSkip and the other Label constants, in the document's
	// language: a planner fills them from its phrasebook. A label the
	// map lacks is the English of DefaultLabels.
	Labels map[string]string
	// Alternates are the other language versions of this document, which
	// the HTML page links to (hreflang) in its head and its header. Empty
	// for a document in one language only.
	Alternates []Alternate
}

// Alternate is this document in another language, published beside it.
type Alternate struct {
	// Lang is the version's BCP 47 language tag, e.g. "cy".
	Lang string
	// Name is the version's document name, as a Ref names a document:
	// "tenants.cy". The HTML page links to Name + ".html".
	Name string
	// Label is the language's name in that language, e.g. "Cymraeg",
	// shown as the link's text.
	Label string
	// Current marks the entry that is this document itself, so that every
	// version lists the same set (hreflang links are reciprocal).
	Current bool
}

// The keys of Document.Labels.
const (
	// LabelSkip is the text of the skip link before the page header.
	LabelSkip = "skip"
	// LabelContents names the table of contents.
	LabelContents = "contents"
	// LabelVersion introduces the version label: {version}.
	LabelVersion = "version"
	// LabelPageOf is the PDF's page footer: {page} and {pages}.
	LabelPageOf = "page-of"
	// LabelTable names a table region whose caption a section already
	// uses as its name: {caption}.
	LabelTable = "table"
	// LabelSection stands for an empty section title in the PDF's
	// outline: {n}, the section's depth.
	LabelSection = "section"
	// LabelLanguages names the list of links to the other languages.
	LabelLanguages = "languages"
)

// DefaultLabels are the English labels, which the phrasebook's layout.*
// phrases repeat (a test holds them equal): a document whose planner sets
// no labels, such as the register, is laid out with these.
var DefaultLabels = map[string]string{
	LabelSkip:      "Skip to content",
	LabelContents:  "Contents",
	LabelVersion:   "Version {version}",
	LabelPageOf:    "Page {page} of {pages}",
	LabelTable:     "Table: {caption}",
	LabelSection:   "Section {n}",
	LabelLanguages: "Other languages",
}

// Label returns the layout label key in the document's language with its
// {placeholders} filled from kv, which alternates names and values.
func (d *Document) Label(key string, kv ...string) string {
	s, ok := d.Labels[key]
	if !ok {
		s = DefaultLabels[key]
	}
	for i := 0; i+1 < len(kv); i += 2 {
		s = strings.ReplaceAll(s, "{"+kv[i]+"}", kv[i+1])
	}
	return s
}

// DateLabel is the date as the document prints it: DateText, else Date.
func (d *Document) DateLabel() string {
	if d.DateText != "" {
		return d.DateText
	}
	return d.Date
}

// Section is a titled part of a document. Its ID is a stable anchor,
// unique in the document, made of a-z, 0-9 and '-'.
type Section struct {
	ID       string
	Title    string
	Blocks   []Block
	Sections []*Section
	// Src is where a title taken from the model comes from; standard
	// titles, which state nothing, leave it empty.
	Src Source
	// Summary marks the section that summarises the document, each line
	// pointing to the section that says it in full: the first layer of a
	// layered notice. HTML shows it before the table of contents, which
	// leaves it out.
	Summary bool
	// Lang is the language of the section when it differs from the
	// document's, as in a bilingual document: HTML writes it as the
	// section's lang attribute, the tagged PDF as the Sect's /Lang.
	Lang string
}

// Source is where a statement of a document comes from: the model field
// paths whose facts or declarations it states, or the law it states. Every
// paragraph, list item and table row of a plan has one; a statement with
// neither is a defect that the provenance tests find.
type Source struct {
	// Paths are model field paths, e.g. "activities.rent.lawfulBases[0]".
	Paths []string `json:"paths,omitempty"`
	// Law is the legal provision the statement states, e.g. "UK GDPR Art 15".
	Law string `json:"law,omitempty"`
}

// IsZero reports whether the source names nothing.
func (s Source) IsZero() bool { return len(s.Paths) == 0 && s.Law == "" }

// From returns a source of the model field paths.
func From(paths ...string) Source { return Source{Paths: paths} }

// Law returns a source that is the law itself, with the model paths the
// statement also draws on.
func Law(ref string, paths ...string) Source { return Source{Law: ref, Paths: paths} }

// Join returns a source of every path and law of the sources, in order,
// each path once.
func Join(srcs ...Source) Source {
	var out Source
	seen := map[string]bool{}
	var laws []string
	for _, s := range srcs {
		for _, p := range s.Paths {
			if !seen[p] {
				seen[p] = true
				out.Paths = append(out.Paths, p)
			}
		}
		if s.Law != "" && !seen["\x00"+s.Law] {
			seen["\x00"+s.Law] = true
			laws = append(laws, s.Law)
		}
	}
	for i, l := range laws {
		if i > 0 {
			out.Law += "; "
		}
		out.Law += l
	}
	return out
}

// Block is a paragraph, a list or a table.
type Block interface{ isBlock() }

// Paragraph is a run of inline text.
type Paragraph struct {
	Text []Inline
	// Src is where the paragraph's statement comes from.
	Src Source
}

// List is a bulleted (or numbered) list; each item is a run of inline text.
type List struct {
	Ordered bool
	Items   [][]Inline
	// Srcs holds, parallel to Items, where each item comes from.
	Srcs []Source
}

// Add appends an item with its source and returns the list.
func (l *List) Add(src Source, runs ...Inline) *List {
	l.Items = append(l.Items, runs)
	l.Srcs = append(l.Srcs, src)
	return l
}

// Src returns where item i comes from, or a zero Source.
func (l *List) Src(i int) Source {
	if i < len(l.Srcs) {
		return l.Srcs[i]
	}
	return Source{}
}

// Table is a table with one header row. Each cell is a list of lines; a
// renderer breaks lines within the cell.
type Table struct {
	// Caption describes the table; HTML shows it as <caption>.
	Caption string
	Header  []string
	Rows    [][]Cell
	// RowHeaders makes the first cell of each row the row's header, naming
	// what the other cells describe, as the activity name does in the
	// register: HTML makes it a <th scope="row">, the tagged PDF a TH with
	// /Scope /Row.
	RowHeaders bool
	// Lists marks, parallel to Header, the columns whose cells hold items
	// of a list (one item a line) rather than lines of one text; HTML
	// shows a cell of such a column that holds several items as a list.
	Lists []bool
	// Widths are relative column widths for page-based formats; nil means
	// equal widths.
	Widths []float64
	// RowSrcs holds, parallel to Rows, where each row comes from.
	RowSrcs []Source
}

// AddRow appends a row with its source.
func (t *Table) AddRow(src Source, cells ...Cell) {
	t.Rows = append(t.Rows, cells)
	t.RowSrcs = append(t.RowSrcs, src)
}

// RowSrc returns where row i comes from, or a zero Source.
func (t *Table) RowSrc(i int) Source {
	if i < len(t.RowSrcs) {
		return t.RowSrcs[i]
	}
	return Source{}
}

// IsList reports whether column i holds items of a list.
func (t *Table) IsList(i int) bool { return i >= 0 && i < len(t.Lists) && t.Lists[i] }

// Cell is one table cell: lines of inline text.
type Cell [][]Inline

// Inline is a piece of text, optionally a link or emphasised.
type Inline struct {
	Text string
	// URL makes the text a link. Renderers only link http(s): and mailto:
	// addresses and show any other address as plain text.
	URL string
	// Ref makes the text a link within the build's own outputs, which the
	// planner chooses (never the model): "#id" is the section with that ID
	// in this document, and a bare name ("tenants") is another document of
	// the same build, which each renderer links in its own format
	// (tenants.html, tenants.md). A Ref that is not of that form (see
	// ValidRef) is shown as plain text. URL, when set, wins.
	Ref string
	// Strong marks the text as important.
	Strong bool
	// Cite marks a legal citation that follows the plain statement it
	// supports, such as "(Article 6(1)(b))" after "Contract": HTML sets it
	// in a secondary style; other formats print its text as it is, so the
	// text carries its own brackets and spacing.
	Cite bool
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

// R returns a link to a section of this document ("#id") or to another
// document of the build (its name); see Inline.Ref.
func R(text, ref string) Inline { return Inline{Text: text, Ref: ref} }

// C returns a legal citation run; see Inline.Cite.
func C(s string) Inline { return Inline{Text: s, Cite: true} }

// ValidRef reports whether ref is a link within the build's outputs that
// renderers may write as it is: "#" followed by a section ID, or a
// document name, each a non-empty run of a-z, 0-9, '-' and '_'; a
// document name may also end in a language, as in "tenants.cy".
func ValidRef(ref string) bool {
	if len(ref) > 0 && ref[0] == '#' {
		return refName(ref[1:])
	}
	name, lang, ok := strings.Cut(ref, ".")
	return refName(name) && (!ok || langSuffix(lang))
}

func refName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// langSuffix reports whether s is a language tag as a file name carries
// it: "cy", "cy-gb"; 2 to 12 of a-z, 0-9 and '-', starting with a letter.
func langSuffix(s string) bool {
	if len(s) < 2 || len(s) > 12 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// P returns a paragraph of the given runs.
func P(runs ...Inline) *Paragraph { return &Paragraph{Text: runs} }

// SP returns a paragraph of the given runs from src.
func SP(src Source, runs ...Inline) *Paragraph { return &Paragraph{Text: runs, Src: src} }

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

// Walk calls fn for every section of d, depth first, in reading order,
// skipping nil sections.
func (d *Document) Walk(fn func(s *Section, depth int)) {
	var walk func(ss []*Section, depth int)
	walk = func(ss []*Section, depth int) {
		for _, s := range ss {
			if s == nil {
				continue
			}
			fn(s, depth)
			walk(s.Sections, depth+1)
		}
	}
	walk(d.Sections, 1)
}

// SafeURL reports whether a URL may be rendered as a link: only http(s)
// and mailto: addresses are, and the page of another document published
// beside this one (SiblingURL).
func SafeURL(u string) bool {
	for _, p := range []string{"https://", "http://", "mailto:"} {
		if len(u) > len(p) && equalFold(u[:len(p)], p) {
			return true
		}
	}
	return SiblingURL(u)
}

// SiblingURL reports whether u is the page of a document published in the
// same directory, as a notice links to the notice it is read with: a
// model key, optionally a language (".cy"), ".html", and optionally a
// section anchor, as in "corporate.html#your-rights" or
// "corporate.cy.html". Nothing else relative is linked.
func SiblingURL(u string) bool {
	name, anchor, hasAnchor := strings.Cut(u, "#")
	key, ok := strings.CutSuffix(name, ".html")
	if k, lang, hasLang := strings.Cut(key, "."); ok && hasLang {
		if !langSuffix(lang) {
			return false
		}
		key = k
	}
	if !ok || !siblingKey(key, true) {
		return false
	}
	return !hasAnchor || siblingKey(anchor, false)
}

// siblingKey reports whether s is a model key (a lower-case letter, then
// up to 63 of a-z, 0-9, - and _) or, when key is false, a section anchor
// (a-z, 0-9 and -).
func siblingKey(s string, key bool) bool {
	if s == "" || len(s) > 64 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || key && c == '_') {
			return false
		}
	}
	return true
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
