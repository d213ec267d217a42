package register

import (
	"io"

	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/render/html"
	"github.com/ropa-dev/ropa/render/markdown"
	"github.com/ropa-dev/ropa/render/pdf"
	"github.com/ropa-dev/ropa/render/trace"
	"github.com/ropa-dev/ropa/ropa"
)

// Producer renders the Article 30 register: register.html, register.md,
// register.pdf, register.csv and register.xlsx, plus
// processor-register.csv when the model keeps processor records (the
// workbook holds them on a second sheet; the document in a last section).
var Producer = render.Producer{
	Name:      "register",
	Internal:  true,
	Doc:       "the Article 30 record of processing activities (HTML, Markdown, PDF, CSV, XLSX)",
	Artifacts: artifacts,
	Outputs: func(m *ropa.Model, opts render.Options) []render.Output {
		var out []render.Output
		for _, p := range paths(m, opts) {
			out = append(out, render.Output{Path: p})
		}
		return out
	},
}

// paths are the files artifacts returns, in the same order.
func paths(m *ropa.Model, opts render.Options) []string {
	ps := []string{"register.html", "register.md", "register.pdf", "register.csv", "register.xlsx"}
	if opts.Trace {
		ps = append(ps, "register.trace.json")
	}
	if m != nil && len(m.ProcessorRecordList()) > 0 {
		ps = append(ps, "processor-register.csv")
	}
	return ps
}

func artifacts(m *ropa.Model, opts render.Options) ([]render.Artifact, error) {
	d := Plan(m)
	// The CSV and XLSX files share one build of each table.
	ts := newTables(m)
	arts := []render.Artifact{
		{Path: "register.html", Write: func(w io.Writer) error { return html.Render(w, d, html.Options{}) }},
		{Path: "register.md", Write: func(w io.Writer) error { return markdown.Render(w, d, markdown.Options{}) }},
	}
	arts = append(arts,
		render.Artifact{Path: "register.pdf", Write: func(w io.Writer) error {
			return pdf.Render(w, d, pdf.Options{
				Fonts:         opts.PDFFonts,
				MissingGlyphs: render.GlyphWarner(opts, m, "register.pdf", "register"),
			})
		}},
		render.Artifact{Path: "register.csv", Write: func(w io.Writer) error { return WriteCSV(w, ts.controller()) }},
		render.Artifact{Path: "register.xlsx", Write: func(w io.Writer) error {
			return writeXLSX(w, m, ts, XLSXOptions{Warn: func(msg string) { opts.Warnf("register.xlsx", "%s", msg) }})
		}},
	)
	if opts.Trace {
		arts = append(arts, render.Artifact{Path: "register.trace.json", Write: func(w io.Writer) error { return trace.Write(w, d, m.Positions) }})
	}
	if len(m.ProcessorRecordList()) > 0 {
		arts = append(arts, render.Artifact{Path: "processor-register.csv", Write: func(w io.Writer) error { return processorCSV(w, ts.processor()) }})
	}
	return arts, nil
}
