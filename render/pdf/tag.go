package pdf

import (
	"strconv"
)

// A tagged PDF carries, beside what it draws, a structure tree saying what
// each piece is: the document's headings, paragraphs, lists, tables and
// links, in reading order, for screen readers, reflow and text export. The
// renderer builds the tree as it lays the document out: every piece of
// text it draws is wrapped in a marked-content sequence (BDC ... EMC) with
// a number (MCID) that the tree refers to, and everything that is only
// decoration or pagination (rules, cell borders, the footer, a table
// header repeated on a later page) is marked as an artifact. fpdf writes
// the content streams; writeStructure (structure.go) adds the tree to the
// file fpdf wrote.

// elem is a structure element: a node of the structure tree.
type elem struct {
	role   string // standard structure type: Document, Sect, H1, P, L, TD, ...
	parent *elem
	kids   []kid
	// attr is an attribute dictionary in PDF syntax, or "".
	attr string
	// lang is the element's language when it differs from the
	// document's, a tag doc.CleanLang has passed, or "".
	lang string
	// page is the 1-based page of the element's first marked content, or
	// 0 while it has none.
	page int
	obj  int // object number, assigned when the tree is written
}

// kid is one child of a structure element, in reading order: an element,
// a marked-content sequence on a page, or a link annotation.
type kid struct {
	elem  *elem
	page  int // for marked content and annotations: the 1-based page
	mcid  int // for marked content: its MCID on the page
	annot int // for annotations: 1 + index into tagger.annots
}

// annot is a link annotation, written with the structure tree so that it
// can be an object its Link element refers to.
type annot struct {
	page int
	rect [4]float64 // in points: left, bottom, right, top
	uri  string     // a safe address
	text string     // the link text, as the annotation's description
	link *elem
}

// tagger is the structure tree being built and the state of the marked
// content of the page being drawn.
type tagger struct {
	root *elem
	// open is the element whose marked content is open on page openPage;
	// artifact is set instead while an artifact is open.
	open     *elem
	artifact bool
	openPage int
	// mcids holds, for each page, the element of each MCID in order.
	mcids  [][]*elem
	annots []annot
	// links are the Link elements made so far, by fragment link number.
	links map[int]*elem
}

func newTagger() *tagger {
	return &tagger{root: &elem{role: "Document"}, links: map[int]*elem{}}
}

// add appends a new element of role to parent and returns it.
func (t *tagger) add(parent *elem, role string) *elem {
	e := &elem{role: role, parent: parent}
	parent.kids = append(parent.kids, kid{elem: e})
	return e
}

// headingRole is the structure type of a heading at depth (1 for a
// top-level section): the document title is H1, so sections start at H2.
func headingRole(depth int) string {
	return "H" + strconv.Itoa(min(max(depth+1, 1), 6))
}

// mark makes what is drawn next the content of e, opening a marked-content
// sequence for it unless one is already open on this page.
func (r *renderer) mark(e *elem) {
	t := r.tags
	p := r.f.PageNo()
	if p < 1 || e == nil {
		return
	}
	if !t.artifact && t.open == e && t.openPage == p {
		return
	}
	r.endMark()
	for len(t.mcids) < p {
		t.mcids = append(t.mcids, nil)
	}
	mcid := len(t.mcids[p-1])
	t.mcids[p-1] = append(t.mcids[p-1], e)
	e.kids = append(e.kids, kid{page: p, mcid: mcid})
	if e.page == 0 {
		e.page = p
	}
	t.open, t.openPage = e, p
	r.f.RawWriteStr("/" + e.role + " <</MCID " + strconv.Itoa(mcid) + ">> BDC")
}

// markArtifact makes what is drawn next an artifact: decoration or
// pagination, not part of the document's content.
func (r *renderer) markArtifact() {
	t := r.tags
	p := r.f.PageNo()
	if p < 1 || t.artifact && t.openPage == p {
		return
	}
	r.endMark()
	t.artifact, t.openPage = true, p
	r.f.RawWriteStr("/Artifact BMC")
}

// markFooter opens the artifact of the page footer.
func (r *renderer) markFooter() {
	r.endMark()
	t := r.tags
	t.artifact, t.openPage = true, r.f.PageNo()
	r.f.RawWriteStr("/Artifact <</Type /Pagination /Subtype /Footer>> BDC")
}

// endMark closes the open marked-content sequence, if any.
func (r *renderer) endMark() {
	t := r.tags
	if t.open == nil && !t.artifact {
		return
	}
	t.open, t.artifact, t.openPage = nil, false, 0
	r.f.RawWriteStr("EMC")
}

// link returns the Link element of fragment link number n, a child of
// parent made the first time the link is drawn.
func (r *renderer) link(parent *elem, n int) *elem {
	if e, ok := r.tags.links[n]; ok {
		return e
	}
	e := r.tags.add(parent, "Link")
	r.tags.links[n] = e
	return e
}

// addAnnot records a link annotation over the box (x, y, w, h), in
// millimetres from the top left of the current page, as a child of the
// Link element e.
func (r *renderer) addAnnot(e *elem, x, y, w, h float64, uri, text string) {
	p := r.f.PageNo()
	if p < 1 {
		return
	}
	k := r.f.GetConversionRatio()
	_, ph := r.f.GetPageSize()
	a := annot{page: p, uri: uri, text: text, link: e,
		rect: [4]float64{x * k, (ph - y - h) * k, (x + w) * k, (ph - y) * k}}
	r.tags.annots = append(r.tags.annots, a)
	e.kids = append(e.kids, kid{page: p, annot: len(r.tags.annots)})
}

// prune drops the elements that hold no content, but keeps every row and
// cell of a table, which must stay regular even where a cell is empty.
func prune(e *elem) bool {
	kept := e.kids[:0]
	for _, k := range e.kids {
		if k.elem != nil && !prune(k.elem) {
			continue
		}
		kept = append(kept, k)
	}
	e.kids = kept
	switch e.role {
	case "TR", "TH", "TD":
		return true
	}
	return len(e.kids) > 0
}

// tableScope is the attribute dictionary of a header cell.
func tableScope(scope string) string {
	return "<</O /Table /Scope /" + scope + ">>"
}

// listNumbering is the attribute dictionary of a list.
func listNumbering(ordered bool) string {
	if ordered {
		return "<</O /List /ListNumbering /Decimal>>"
	}
	return "<</O /List /ListNumbering /Disc>>"
}

// firstPage is the page of e's first content, looking into its children
// when it has none of its own, or 0.
func firstPage(e *elem) int {
	if e.page > 0 {
		return e.page
	}
	for _, k := range e.kids {
		if k.elem != nil {
			if p := firstPage(k.elem); p > 0 {
				return p
			}
		} else if k.page > 0 {
			return k.page
		}
	}
	return 0
}
