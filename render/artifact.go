// Package render holds what every output family shares: the Artifact a
// renderer produces and the registry of producers `ropa build` runs. Each
// output family lives in a sub-package and takes the resolved model.
package render

import (
	"fmt"
	"io"

	"github.com/ropa-dev/ropa/render/pdf"
	"github.com/ropa-dev/ropa/ropa"
)

// Artifact is one output file: its path relative to the output directory
// and the function that writes its bytes.
type Artifact struct {
	// Path is slash-separated and relative to the output directory.
	Path string
	// Write renders the file. It must write the same bytes for the same
	// model on every run.
	Write func(w io.Writer) error
	// Internal marks a file for the organisation only (a notice's trace,
	// which names the model's files and fields) in a family whose other
	// files are public.
	Internal bool
}

// Producer lists the artifacts one output family makes of a model.
type Producer struct {
	// Name identifies the family in `ropa build --only`.
	Name string
	// Doc is a one-line description for --help.
	Doc string
	// Internal says the family's files are internal records (the Article 30
	// register, the JSON export): `ropa build` writes them to --internal,
	// apart from the public notices, so a publish step cannot pick them up.
	Internal bool
	// Artifacts returns the files to write with the given options; a
	// family with nothing to configure ignores them.
	Artifacts func(m *ropa.Model, opts Options) ([]Artifact, error)
	// Outputs names the files Render would return, in the same order,
	// without planning or rendering anything, so that `ropa check` can
	// find two outputs that would write one file as cheaply as it lints.
	Outputs func(m *ropa.Model, opts Options) []Output
}

// Output names one file a producer writes.
type Output struct {
	// Path is the Artifact's path: slash-separated, relative to the
	// output directory.
	Path string
	// Source is the model path of the entity the file is named after,
	// such as notices.tenants; empty for a name ropa chooses itself.
	Source string
	// Kind and Key name that entity in messages: notice "tenants".
	Kind, Key string
}

// Options are the choices `ropa build` passes to every output family.
type Options struct {
	// MarkdownFrontMatter starts Markdown files with YAML front matter
	// (title, date, version, lang) for static site generators.
	MarkdownFrontMatter bool
	// Trace writes, beside each planned document, <name>.trace.json: every
	// statement with the model fields (and their file:line:col) or the law
	// it comes from.
	Trace bool
	// Warn, when set, receives each warning an artifact's Write meets: a
	// place where the file shows the model differently (a cell cut to fit
	// Excel, a character the PDF font cannot draw). Nil discards them.
	Warn func(Warning)
	// PDFFonts are the fonts PDFs are set in; nil means the embedded Go
	// fonts.
	PDFFonts *pdf.Fonts
}

// Warning is something an output family did not render as the model
// says, without failing: the build goes on and reports it.
type Warning struct {
	// Path is the artifact the warning is about, as in Artifact.Path.
	Path string
	// Message says what happened and where in the model, naming the
	// notice or activity and the field.
	Message string
}

// String returns "path: message".
func (w Warning) String() string { return w.Path + ": " + w.Message }

// Warnf sends a warning about path to o.Warn, when set.
func (o Options) Warnf(path, format string, args ...any) {
	if o.Warn != nil {
		o.Warn(Warning{Path: path, Message: fmt.Sprintf(format, args...)})
	}
}

// Render returns the producer's artifacts with opts.
func (p Producer) Render(m *ropa.Model, opts Options) ([]Artifact, error) {
	return p.Artifacts(m, opts)
}
