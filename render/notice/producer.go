package notice

import (
	"fmt"
	"io"

	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/html"
	"github.com/ropa-dev/ropa/render/markdown"
	"github.com/ropa-dev/ropa/render/pdf"
	"github.com/ropa-dev/ropa/render/trace"
	"github.com/ropa-dev/ropa/ropa"
)

// Producer renders every notice of a model, in the model's order, as
// <key>.html (a complete page), <key>.fragment.html (an <article> to embed
// in a site template), <key>.md (Markdown, with YAML front matter when the
// build asks for it) and <key>.pdf; then, when the notice asks for them
// (snippets: true), for each activity the notice describes, a
// just-in-time snippet to put beside the form that collects
// its data, <key>.<activity>.snippet.html (an <article> fragment) and
// <key>.<activity>.snippet.md, linking to <key>.html and <key>.md. A
// notice published in other languages gets the same files for each,
// with the language after the key (<key>.cy.html,
// <key>.cy.<activity>.snippet.md, ...), and, when it asks for one, a
// bilingual document <key>.bilingual.html, .md and .pdf.
var Producer = render.Producer{
	Name:      "notice",
	Doc:       "privacy notices (Articles 13 and 14) as HTML, HTML fragment, Markdown and PDF",
	Artifacts: artifacts,
	Outputs:   outputs,
}

// outputs names the files artifacts would return, in the same order.
func outputs(m *ropa.Model, opts render.Options) []render.Output {
	if m == nil {
		return nil
	}
	var out []render.Output
	for _, n := range m.NoticeList() {
		o := func(path string) render.Output {
			return render.Output{Path: path, Source: "notices." + n.Key, Kind: "notice", Key: n.Key}
		}
		for _, v := range versions(n) {
			for _, f := range v.formats(opts) {
				out = append(out, o(v.name+f.suffix))
			}
			if v.lang == "" && opts.Trace {
				out = append(out, o(n.Key+".trace.json"))
			}
			if v.bilingual || !n.Snippets {
				continue
			}
			for _, a := range m.ActivitiesFor(n) {
				for _, f := range snippetFormats {
					out = append(out, o(SnippetName(v.name, a.Key)+f.ext))
				}
			}
		}
	}
	return out
}

// BilingualSuffix is what the name of a notice's bilingual document adds
// to its key: tenants.bilingual.html.
const BilingualSuffix = ".bilingual"

// version is one document made of a notice: the notice in its own
// language, in one of its other languages, or in both.
type version struct {
	// name is the document's name, which its files add a suffix to:
	// "tenants", "tenants.cy", "tenants.bilingual".
	name string
	// lang is the language planned, "" for the notice's own; for the
	// bilingual document, the language that comes first.
	lang      string
	bilingual bool
}

// versions lists the documents of notice n: its own language, each of its
// languages in order, and the bilingual document when it asks for one.
func versions(n *ropa.Notice) []version {
	out := []version{{name: n.Key}}
	for _, l := range n.Languages {
		out = append(out, version{name: n.Key + "." + l, lang: l})
	}
	if n.Bilingual && len(n.Languages) > 0 {
		out = append(out, version{name: n.Key + BilingualSuffix, lang: n.Languages[0], bilingual: true})
	}
	return out
}

// formats are the files made of the version: every format, but the
// bilingual document has no fragment (a site template holds one
// language's fragment).
func (v version) formats(opts render.Options) []format {
	all := formatsFor(opts)
	if !v.bilingual {
		return all
	}
	var out []format
	for _, f := range all {
		if f.suffix != ".fragment.html" {
			out = append(out, f)
		}
	}
	return out
}

// plan plans the version of notice n.
func (v version) plan(m *ropa.Model, n *ropa.Notice) (*doc.Document, error) {
	if v.bilingual {
		return PlanBilingual(m, n, v.lang)
	}
	return PlanIn(m, n, v.lang)
}

// snippetFormats are the files made of each snippet: the extension and
// the layout engine.
var snippetFormats = []struct {
	ext   string
	write func(w io.Writer, d *doc.Document) error
}{
	{".html", func(w io.Writer, d *doc.Document) error {
		return html.Render(w, d, html.Options{Fragment: true, Class: "ropa-snippet"})
	}},
	{".md", func(w io.Writer, d *doc.Document) error { return markdown.Render(w, d, markdown.Options{}) }},
}

// format is one file made of each notice: the suffix after the key and the
// layout engine, which also gets the model and the notice's key to name in
// warnings.
type format struct {
	suffix string
	write  func(w io.Writer, d *doc.Document, m *ropa.Model, key string) error
}

// formatsFor returns the files made of each notice with the build options.
func formatsFor(opts render.Options) []format {
	md := markdown.Options{FrontMatter: opts.MarkdownFrontMatter}
	return []format{
		{".html", func(w io.Writer, d *doc.Document, _ *ropa.Model, _ string) error {
			return html.Render(w, d, html.Options{})
		}},
		{".fragment.html", func(w io.Writer, d *doc.Document, _ *ropa.Model, _ string) error {
			return html.Render(w, d, html.Options{Fragment: true})
		}},
		{".md", func(w io.Writer, d *doc.Document, _ *ropa.Model, _ string) error { return markdown.Render(w, d, md) }},
		{".pdf", func(w io.Writer, d *doc.Document, m *ropa.Model, key string) error {
			return pdf.Render(w, d, pdf.Options{
				Fonts:         opts.PDFFonts,
				MissingGlyphs: render.GlyphWarner(opts, m, key+".pdf", fmt.Sprintf("notice %q", key)),
			})
		}},
	}
}

// artifacts plans every notice first, so that a model that cannot be
// planned fails before anything is rendered.
func artifacts(m *ropa.Model, opts render.Options) ([]render.Artifact, error) {
	if m == nil {
		return nil, fmt.Errorf("notice: no model")
	}
	var out []render.Artifact
	for _, n := range m.NoticeList() {
		for _, v := range versions(n) {
			d, err := v.plan(m, n)
			if err != nil {
				return nil, err
			}
			for _, f := range v.formats(opts) {
				write, name := f.write, v.name
				out = append(out, render.Artifact{
					Path:  v.name + f.suffix,
					Write: func(w io.Writer) error { return write(w, d, m, name) },
				})
			}
			if v.lang == "" && opts.Trace {
				out = append(out, render.Artifact{
					Path:     n.Key + ".trace.json",
					Write:    func(w io.Writer) error { return trace.Write(w, d, m.Positions) },
					Internal: true,
				})
			}
			if v.bilingual || !n.Snippets {
				continue
			}
			snips, err := SnippetsIn(m, n, v.lang)
			if err != nil {
				return nil, err
			}
			for _, sn := range snips {
				for _, f := range snippetFormats {
					sd, write := sn.Doc, f.write
					out = append(out, render.Artifact{
						Path:  SnippetName(v.name, sn.Activity) + f.ext,
						Write: func(w io.Writer) error { return write(w, sd) },
					})
				}
			}
		}
	}
	return out, nil
}
