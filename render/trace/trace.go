// Package trace writes the provenance of a planned document as JSON: each
// statement of a notice or register with the model fields it was made from,
// their file:line:col, and the law it states. `ropa build --trace` writes
// it beside each document, so that a reviewer (and later a live preview)
// can go from a sentence to the line of CUE behind it.
package trace

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
)

// Format names the shape Write produces; Version changes when a member is
// removed or changes meaning.
const (
	Format  = "ropa-trace"
	Version = 1
)

// File is the top level of a trace.
type File struct {
	Format     string      `json:"format"`
	Version    int         `json:"version"`
	Document   string      `json:"document"`
	Statements []Statement `json:"statements"`
}

// Statement is one statement of the document and its sources.
type Statement struct {
	Section string `json:"section,omitempty"`
	Kind    string `json:"kind"`
	Text    string `json:"text"`
	// From are the model fields the statement states, with where the
	// source declares each (or its nearest declared ancestor).
	From []Field `json:"from,omitempty"`
	// Law is the legal provision the statement states.
	Law string `json:"law,omitempty"`
}

// Field is a model field path and its position.
type Field struct {
	Path string `json:"path"`
	Pos  string `json:"pos,omitempty"`
}

// Build returns the trace of d, with positions from ps.
func Build(d *doc.Document, ps ropa.Positions) File {
	f := File{Format: Format, Version: Version, Document: d.Title, Statements: []Statement{}}
	for _, s := range d.Statements() {
		st := Statement{Section: s.Section, Kind: s.Kind, Text: s.Text, Law: s.Src.Law}
		for _, p := range s.Src.Paths {
			fl := Field{Path: p}
			if pos := ps.Of(p); pos.IsValid() {
				fl.Pos = pos.String()
			}
			st.From = append(st.From, fl)
		}
		f.Statements = append(f.Statements, st)
	}
	return f
}

// Write writes the trace of d as indented JSON.
func Write(w io.Writer, d *doc.Document, ps ropa.Positions) error {
	b, err := json.MarshalIndent(Build(d, ps), "", "  ")
	if err != nil {
		return fmt.Errorf("trace: %v", err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
