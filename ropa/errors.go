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
	// ErrResource: reading or evaluating the model would go past a
	// resource limit (file size, file count, evaluation time or memory, or
	// a construct whose cost ropa bounds before evaluating). Exit status 3.
	ErrResource
)

// MaxPrinted is how many diagnostics LoadError.Error prints; the rest are
// counted. A model with more problems than this has one mistake repeated,
// and the first screenful says what it is.
const MaxPrinted = 50

// LoadError is every problem found while loading a model.
type LoadError struct {
	Kind        ErrorKind
	Diagnostics []Diagnostic
}

// Error prints one diagnostic a line, the first MaxPrinted of them, then
// how many more there are.
func (e *LoadError) Error() string {
	var b strings.Builder
	for i, d := range e.Diagnostics {
		if i == MaxPrinted {
			fmt.Fprintf(&b, "\n... and %d more", len(e.Diagnostics)-MaxPrinted)
			break
		}
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
