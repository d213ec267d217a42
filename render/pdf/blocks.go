package pdf

import (
	"strconv"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
)

// Space after blocks, in millimetres.
const (
	blockGap   = 2.5
	headingGap = 4.0
	listIndent = 6.0
)

// document lays out the whole document, as the structure element
// Document.
func (r *renderer) document(d *doc.Document) {
	r.f.AddPage()
	root := r.tags.root
	r.titleBlock(d, root)
	r.blocks(d.Intro, root)
	for _, s := range d.Sections {
		r.section(s, 1, root)
	}
	r.endMark()
}

// titleBlock writes title (the H1), subtitle, version and date, and a
// rule.
func (r *renderer) titleBlock(d *doc.Document, parent *elem) {
	r.text(r.tags.add(parent, "H1"), []doc.Inline{doc.T(d.Title)}, r.left, r.width, 20, true)
	if d.Subtitle != "" {
		r.f.SetY(r.f.GetY() + 1)
		r.text(r.tags.add(parent, "P"), []doc.Inline{doc.T(d.Subtitle)}, r.left, r.width, 13, false)
	}
	var meta []string
	if d.Version != "" {
		meta = append(meta, d.Label(doc.LabelVersion, "version", d.Version))
	}
	if d.Date != "" {
		meta = append(meta, d.DateLabel())
	}
	if len(meta) > 0 {
		r.f.SetY(r.f.GetY() + 1)
		r.text(r.tags.add(parent, "P"), []doc.Inline{doc.T(strings.Join(meta, " · "))}, r.left, r.width, 9.5, false)
	}
	y := r.f.GetY() + 2
	r.markArtifact()
	r.f.SetDrawColor(29, 79, 145)
	r.f.SetLineWidth(0.6)
	r.f.Line(r.left, y, r.left+r.width, y)
	r.f.SetY(y + 6)
}

// text draws runs as wrapped lines from the current position, breaking
// pages between lines, as the content of structure element e.
func (r *renderer) text(e *elem, runs []doc.Inline, x, width, size float64, bold bool) {
	lh := lineHeight(size)
	for _, l := range r.wrap(runs, width, size, bold) {
		r.need(lh)
		y := r.f.GetY()
		r.drawLine(e, l, x, y, size, lh)
		r.f.SetY(y + lh)
	}
}

// headingSize is the type size of a section heading at depth.
func headingSize(depth int) float64 {
	switch depth {
	case 1:
		return 15
	case 2:
		return 12.5
	default:
		return 11
	}
}

// section writes a heading, with an outline entry, then the blocks and
// subsections, as a structure element Sect of parent holding a heading
// at its level.
func (r *renderer) section(s *doc.Section, depth int, parent *elem) {
	if s == nil {
		return
	}
	sect := r.tags.add(parent, "Sect")
	sect.lang = doc.CleanLang(s.Lang)
	head := r.tags.add(sect, headingRole(depth))
	size := headingSize(depth)
	lines, h := r.headingHeight(s, depth)
	lh := lineHeight(size)
	if r.f.GetY() > r.top {
		r.f.SetY(r.f.GetY() + headingGap)
	}
	// Keep the heading with the first line or row that follows it.
	r.need(h + r.leadHeight(s.Blocks, s.Sections, depth, keepDepth))
	title := strings.Join(strings.Fields(metaText(r.drawable(s.Title))), " ")
	if title == "" {
		title = r.d.Label(doc.LabelSection, "n", strconv.Itoa(depth))
	}
	r.setStyle(true, "", size) // a UTF-8 font, so the title is stored as UTF-16
	r.f.Bookmark(title, depth-1, r.f.GetY())
	for _, l := range lines {
		r.need(lh)
		y := r.f.GetY()
		r.drawLine(head, l, r.left, y, size, lh)
		r.f.SetY(y + lh)
	}
	r.f.SetY(r.f.GetY() + 1.5)
	r.blocks(s.Blocks, sect)
	for _, c := range s.Sections {
		r.section(c, depth+1, sect)
	}
}

// blocks writes paragraphs (P), lists and tables as children of parent.
func (r *renderer) blocks(bs []doc.Block, parent *elem) {
	for _, b := range bs {
		switch b := b.(type) {
		case *doc.Paragraph:
			if b != nil && len(b.Text) > 0 {
				r.text(r.tags.add(parent, "P"), b.Text, r.left, r.width, bodySize, false)
				r.f.SetY(r.f.GetY() + blockGap)
			}
		case *doc.List:
			if b != nil && len(b.Items) > 0 {
				r.list(b, parent)
				r.f.SetY(r.f.GetY() + blockGap)
			}
		case *doc.Table:
			if b != nil {
				r.table(b, parent)
			}
		}
	}
}

// list writes a bulleted or numbered list with hanging indents, as an L
// of parent whose items are LI, each a label (Lbl) and a body (LBody).
func (r *renderer) list(l *doc.List, parent *elem) {
	le := r.tags.add(parent, "L")
	le.attr = listNumbering(l.Ordered)
	lh := lineHeight(bodySize)
	indent := listIndent
	if l.Ordered {
		widest := r.measure(strconv.Itoa(len(l.Items))+".", false, bodySize)
		indent = max(indent, widest+2.5)
	}
	for i, it := range l.Items {
		marker := "•"
		if l.Ordered {
			marker = strconv.Itoa(i+1) + "."
		}
		lines := r.wrap(it, r.width-indent, bodySize, false)
		if len(lines) == 0 {
			lines = []line{nil}
		}
		li := r.tags.add(le, "LI")
		lbl, body := r.tags.add(li, "Lbl"), r.tags.add(li, "LBody")
		for j, ln := range lines {
			r.need(lh)
			y := r.f.GetY()
			if j == 0 {
				r.setStyle(false, "", bodySize)
				r.mark(lbl)
				r.f.SetXY(r.left, y)
				r.f.CellFormat(indent-1.5, lh, marker, "", 0, "R", false, 0, "")
			}
			r.drawLine(body, ln, r.left+indent, y, bodySize, lh)
			r.f.SetY(y + lh)
		}
		r.f.SetY(r.f.GetY() + 0.8)
	}
}
