package html

import (
	"bufio"
	"strconv"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
)

// printer writes HTML. All document text goes through text or attr.
type printer struct {
	w *bufio.Writer
	// fragment is set when the article is written alone, without a page.
	fragment bool
	// d is the document being written, whose labels the layout shows.
	d      *doc.Document
	ids    *ids
	tables int
	// titles holds every section title of the document, and landmarks
	// the names of the regions written so far, as landmarkName makes
	// them, so that no two regions share a name.
	titles, landmarks map[string]bool
	// class is added to the article's class.
	class string
	// prov turns a statement's source into a data-src value; nil writes none.
	prov func(doc.Source) string
}

// src returns the data-src attribute for a statement's source, with a
// leading space, or "" when the printer writes no provenance.
func (p *printer) src(s doc.Source) string {
	if p.prov == nil || s.IsZero() {
		return ""
	}
	v := p.prov(s)
	if v == "" {
		return ""
	}
	return ` data-src="` + attr(v) + `"`
}

func (p *printer) raw(s string) { p.w.WriteString(s) }

// label is the document's layout label key, filled from kv.
func (p *printer) label(key string, kv ...string) string { return p.d.Label(key, kv...) }

// article writes the intro, the table of contents and the sections.
func (p *printer) article(d *doc.Document) {
	class := "ropa-document"
	if d.Landscape {
		class += " landscape"
	}
	if c := strings.Join(strings.Fields(p.class), " "); c != "" {
		class += " " + c
	}
	// A fragment goes into a site's page, whose language is most likely
	// English: an article in another language says which.
	lang := ""
	if l := doc.CleanLang(d.Lang); l != "" && p.fragment && !strings.EqualFold(strings.SplitN(l, "-", 2)[0], "en") {
		lang = ` lang="` + attr(l) + `"`
	}
	p.raw(`<article class="` + attr(class) + `"` + lang + `>` + "\n")
	p.blocks(d.Intro)
	// The summary comes first, before the table of contents: on a phone
	// it is what fits the first screen.
	for _, s := range d.Sections {
		if s != nil && s.Summary {
			p.section(s, 1)
		}
	}
	p.toc(d)
	for _, s := range d.Sections {
		if s != nil && !s.Summary {
			p.section(s, 1)
		}
	}
	p.raw("</article>\n")
}

// toc writes the nested table of contents.
func (p *printer) toc(d *doc.Document) {
	var ss []*doc.Section
	for _, s := range d.Sections {
		if s != nil && !s.Summary {
			ss = append(ss, s)
		}
	}
	if len(ss) == 0 {
		return
	}
	p.raw(`<nav aria-label="` + attr(d.Label(doc.LabelContents)) + `" class="toc">` + "\n")
	p.tocList(ss)
	p.raw("</nav>\n")
}

func (p *printer) tocList(ss []*doc.Section) {
	p.raw("<ol>\n")
	for _, s := range ss {
		if s == nil {
			continue
		}
		p.raw(`<li><a href="#` + attr(p.ids.of(s)) + `">` + text(s.Title) + "</a>")
		if len(s.Sections) > 0 {
			p.raw("\n")
			p.tocList(s.Sections)
		}
		p.raw("</li>\n")
	}
	p.raw("</ol>\n")
}

func (p *printer) section(s *doc.Section, depth int) {
	if s == nil {
		return
	}
	id := attr(p.ids.of(s))
	h := "h" + strconv.Itoa(min(depth+1, 6))
	class := ""
	if s.Summary {
		class = ` class="summary"`
	}
	// A section is a region named by its heading; one whose title an
	// earlier region has is left unnamed, a plain section, since two
	// regions may not share a name (ropa check warns of the title).
	label := ""
	if name := landmarkName(s.Title); !p.landmarks[name] {
		p.landmarks[name] = true
		label = ` aria-labelledby="` + id + `-heading"`
	}
	lang := ""
	if l := doc.CleanLang(s.Lang); l != "" {
		lang = ` lang="` + attr(l) + `"`
	}
	p.raw(`<section id="` + id + `"` + class + label + lang + `>` + "\n")
	p.raw("<" + h + ` id="` + id + `-heading"` + p.src(s.Src) + `>` + text(s.Title) + "</" + h + ">\n")
	p.blocks(s.Blocks)
	for _, c := range s.Sections {
		p.section(c, depth+1)
	}
	p.raw("</section>\n")
}

func (p *printer) blocks(bs []doc.Block) {
	for _, b := range bs {
		switch b := b.(type) {
		case *doc.Paragraph:
			if b != nil {
				p.raw("<p" + p.src(b.Src) + ">" + runs(b.Text) + "</p>\n")
			}
		case *doc.List:
			if b != nil && len(b.Items) > 0 {
				p.list(b)
			}
		case *doc.Table:
			if b != nil {
				p.table(b)
			}
		}
	}
}

func (p *printer) list(l *doc.List) {
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	p.raw("<" + tag + ">\n")
	for i, it := range l.Items {
		p.raw("<li" + p.src(l.Src(i)) + ">" + runs(it) + "</li>\n")
	}
	p.raw("</" + tag + ">\n")
}
