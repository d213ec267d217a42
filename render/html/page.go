package html

import (
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
)

// page writes the complete document: head with the stylesheet, header with
// the title block, and the article in <main>.
func (p *printer) page(d *doc.Document, css []byte) {
	lang := d.Lang
	if strings.TrimSpace(lang) == "" {
		lang = "en-GB"
	}
	p.raw("<!DOCTYPE html>\n")
	p.raw(`<html lang="` + attr(lang) + `">` + "\n")
	p.raw("<head>\n")
	p.raw(`<meta charset="utf-8">` + "\n")
	p.raw(`<meta name="viewport" content="width=device-width, initial-scale=1">` + "\n")
	p.raw(`<meta name="generator" content="ropa">` + "\n")
	if d.Author != "" {
		p.raw(`<meta name="author" content="` + attr(d.Author) + `">` + "\n")
	}
	if d.Subject != "" {
		p.raw(`<meta name="description" content="` + attr(d.Subject) + `">` + "\n")
	}
	p.raw("<title>" + text(d.Title) + "</title>\n")
	for _, a := range d.Alternates {
		if doc.ValidRef(a.Name) && a.Name[0] != '#' && doc.CleanLang(a.Lang) != "" {
			p.raw(`<link rel="alternate" hreflang="` + attr(a.Lang) + `" href="` + attr(a.Name+".html") + `">` + "\n")
		}
	}
	p.raw("<style>\n")
	p.w.Write(css)
	if d.Landscape {
		p.raw("@page { size: A4 landscape; }\n")
	}
	p.raw("</style>\n")
	p.raw("</head>\n")
	class := ""
	if d.Landscape {
		class = ` class="landscape"`
	}
	p.raw("<body" + class + ">\n")
	p.raw(`<a class="skip-link" href="#main">` + text(d.Label(doc.LabelSkip)) + `</a>` + "\n")
	p.header(d)
	p.raw(`<main id="main">` + "\n")
	p.article(d)
	p.raw("</main>\n")
	p.raw("</body>\n")
	p.raw("</html>\n")
}

// header writes the title block.
func (p *printer) header(d *doc.Document) {
	p.raw("<header>\n")
	if d.Title != "" {
		p.raw("<h1>" + text(d.Title) + "</h1>\n")
	}
	if d.Subtitle != "" {
		p.raw(`<p class="subtitle">` + text(d.Subtitle) + "</p>\n")
	}
	var meta []string
	if d.Version != "" {
		before, after, _ := strings.Cut(d.Label(doc.LabelVersion), "{version}")
		meta = append(meta, text(before)+`<span class="version">`+text(d.Version)+"</span>"+text(after))
	}
	if d.Date != "" {
		if validDate(d.Date) {
			meta = append(meta, `<time datetime="`+attr(d.Date)+`">`+text(d.DateLabel())+"</time>")
		} else {
			meta = append(meta, text(d.DateLabel()))
		}
	}
	if len(meta) > 0 {
		p.raw(`<p class="meta">` + strings.Join(meta, " · ") + "</p>\n")
	}
	p.languages(d)
	p.raw("</header>\n")
}

// languages writes links to the document's other language versions, each
// named in its own language and marked with it.
func (p *printer) languages(d *doc.Document) {
	var links []string
	for _, a := range d.Alternates {
		if a.Current || !doc.ValidRef(a.Name) || a.Name[0] == '#' || doc.CleanLang(a.Lang) == "" {
			continue
		}
		links = append(links, `<a href="`+attr(a.Name+".html")+`" hreflang="`+attr(a.Lang)+`" lang="`+attr(a.Lang)+`">`+text(a.Label)+"</a>")
	}
	if len(links) > 0 {
		p.raw(`<nav class="languages" aria-label="` + attr(d.Label(doc.LabelLanguages)) + `"><p>` + strings.Join(links, " · ") + "</p></nav>\n")
	}
}

// validDate reports whether s is YYYY-MM-DD or YYYY-MM, fit for the
// datetime attribute of <time>.
func validDate(s string) bool {
	if len(s) != 7 && len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
