// Package html lays out a doc.Document as one self-contained, accessible
// HTML page, or as an <article> fragment for a site template. The page
// makes no external requests and runs no script; every text of the
// document is escaped, braces included (so that a site generator that runs
// Liquid, Hugo or Jinja over a fragment finds no "{{" or "{%" to run), and
// only http(s): and mailto: addresses become links.
package html

import (
	"bufio"
	"bytes"
	_ "embed"
	"io"

	"github.com/ropa-dev/ropa/render/doc"
)

//go:embed style.css
var styleSheet []byte

// Options tunes the HTML output.
type Options struct {
	// Fragment writes only the <article> element (table of contents and
	// sections, without the title block) for embedding in a site
	// template, instead of a complete page with its stylesheet.
	Fragment bool
	// Provenance, when set, is called with the source of every paragraph,
	// list item, table row and model-derived section title; a non-empty
	// result is written, escaped, as the element's data-src attribute. A
	// live preview uses it to show where each statement comes from; the
	// published outputs leave it nil and carry no such attribute.
	Provenance func(doc.Source) string
	// Class is added to the class of the <article> element, e.g.
	// "ropa-snippet" for a just-in-time snippet.
	Class string
}

// Render writes d to w as HTML. The output depends only on d and opts.
func Render(w io.Writer, d *doc.Document, opts Options) error {
	if d == nil {
		d = &doc.Document{}
	}
	bw := bufio.NewWriter(w)
	p := &printer{w: bw, d: d, fragment: opts.Fragment, ids: newIDs(d), prov: opts.Provenance, titles: sectionNames(d), landmarks: map[string]bool{}, class: opts.Class}
	if opts.Fragment {
		p.article(d)
	} else {
		p.page(d, styleSheet)
	}
	return bw.Flush()
}

// StyleSheet returns the stylesheet every complete page embeds in its
// <style> element (a fragment embeds none, and a site that shows
// fragments can serve this one). Each call returns a new copy.
func StyleSheet() []byte { return bytes.Clone(styleSheet) }
