package ropa

import (
	"fmt"
	"strings"
)

// ErrorKind says why a model could not be loaded; the CLI maps it to an
// exit status.
type ErrorKind int

const (
	// ErrUnreadable: the directory or a file cannot be read, or a file does
	// not parse. Exit status 2.
	ErrUnreadable ErrorKind = iota + 1
	// ErrInvalid: the files parse, but the model breaks the schema or
	// names an entity that does not exist. Exit status 1.
	ErrInvalid
)

// LoadError is every problem found while loading a model.
type LoadError struct {
	Kind        ErrorKind
	Diagnostics []Diagnostic
}

// Error prints one diagnostic a line.
func (e *LoadError) Error() string {
	var b strings.Builder
	for i, d := range e.Diagnostics {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	if len(e.Diagnostics) > 1 {
		fmt.Fprintf(&b, "\n%d problems", len(e.Diagnostics))
	}
	return b.String()
}
