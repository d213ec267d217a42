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
// build asks for it) and <key>.pdf; then, for each activity the notice
// describes, a just-in-time snippet to put beside the form that collects
// its data, <key>.<activity>.snippet.html (an <article> fragment) and
// <key>.<activity>.snippet.md, linking to <key>.html and <key>.md.
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
		for _, f := range formatsFor(opts) {
			out = append(out, render.Output{Path: n.Key + f.suffix, Source: "notices." + n.Key, Kind: "notice", Key: n.Key})
		}
		if opts.Trace {
			out = append(out, render.Output{Path: n.Key + ".trace.json", Source: "notices." + n.Key, Kind: "notice", Key: n.Key})
		}
		for _, a := range m.ActivitiesFor(n) {
			for _, f := range snippetFormats {
				out = append(out, render.Output{Path: SnippetName(n.Key, a.Key) + f.ext, Source: "notices." + n.Key, Kind: "notice", Key: n.Key})
			}
		}
	}
	return out
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
	formats := formatsFor(opts)
	if m == nil {
		return nil, fmt.Errorf("notice: no model")
	}
	var out []render.Artifact
	for _, n := range m.NoticeList() {
		d, err := Plan(m, n)
		if err != nil {
			return nil, err
		}
		for _, f := range formats {
			write, key := f.write, n.Key
			out = append(out, render.Artifact{
				Path:  n.Key + f.suffix,
				Write: func(w io.Writer) error { return write(w, d, m, key) },
			})
		}
		if opts.Trace {
			out = append(out, render.Artifact{
				Path:     n.Key + ".trace.json",
				Write:    func(w io.Writer) error { return trace.Write(w, d, m.Positions) },
				Internal: true,
			})
		}
		snips, err := Snippets(m, n)
		if err != nil {
			return nil, err
		}
		for _, sn := range snips {
			for _, f := range snippetFormats {
				sd, write := sn.Doc, f.write
				out = append(out, render.Artifact{
					Path:  SnippetName(n.Key, sn.Activity) + f.ext,
					Write: func(w io.Writer) error { return write(w, sd) },
				})
			}
		}
	}
	return out, nil
}
