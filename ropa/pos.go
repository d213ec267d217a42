package ropa

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Pos is a position in a model's source: file, line and column (1-based).
// The zero Pos means the position is unknown.
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"column,omitempty"`
}

// IsValid reports whether the position names a place in a file.
func (p Pos) IsValid() bool { return p.File != "" && p.Line > 0 }

// String prints the position as file:line:col, the form editors jump to.
func (p Pos) String() string {
	if !p.IsValid() {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Positions finds where the user's files declare a field path such as
// `activities.rent.categories[1]`. The zero Positions knows no position.
type Positions struct {
	x    *astIndex
	root Pos
}

// Of returns the position of path or, when the path has none (a field the
// user left out), of its nearest declared ancestor, or else the model's
// header (its schemaVersion field, or the start of its first file).
func (ps Positions) Of(path string) Pos {
	if ps.x == nil {
		return Pos{}
	}
	for p := path; p != ""; p = parentPath(p) {
		if pos, ok := ps.x.lookup(p); ok {
			return pos
		}
	}
	return ps.root
}

// Diagnostic is one problem found in a model: where, which field, what is
// wrong, and how to fix it.
type Diagnostic struct {
	Pos     Pos    `json:"pos"`
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`

	// cue is the CUE error's message format and arguments, for a
	// diagnostic made from one: explain classifies by the format, which is
	// fixed text, never by the message, which holds the user's values.
	cue *cueMsg
}

// cueMsg is a CUE error message before formatting.
type cueMsg struct {
	format string
	args   []string
}

// arg returns the i-th argument of the message as CUE prints it, or "".
func (c *cueMsg) arg(i int) string {
	if c == nil || i >= len(c.args) {
		return ""
	}
	return c.args[i]
}

// is reports whether the diagnostic was made from a CUE error with the
// given message format.
func (d Diagnostic) is(format string) bool { return d.cue != nil && d.cue.format == format }

// String prints the diagnostic as `file:line:col: path: message (hint)`.
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.Pos.File != "" {
		b.WriteString(d.Pos.String())
		b.WriteString(": ")
	}
	if d.Path != "" {
		b.WriteString(d.Path)
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString("\n    hint: ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// relFile shortens an absolute file name relative to the working directory,
// so diagnostics read as ./examples/x/model.cue, as cue prints them.
func relFile(name string) string {
	if name == "" || !filepath.IsAbs(name) {
		return name
	}
	wd, err := os.Getwd()
	if err != nil {
		return name
	}
	rel, err := filepath.Rel(wd, name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return name
	}
	return "." + string(filepath.Separator) + rel
}

// Declared reports whether the source declares the field at path itself,
// rather than leaving it to the schema's default.
func (ps Positions) Declared(path string) bool {
	if ps.x == nil {
		return false
	}
	_, ok := ps.x.lookup(path)
	return ok
}
