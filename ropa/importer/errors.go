package importer

import (
	"fmt"
	"strings"
)

// Error is an import failure: the file, the sheet and cell when one is to
// blame, what is wrong and how to fix it.
type Error struct {
	// File is the workbook or CSV file.
	File string
	// Ref is the sheet!cell reference, or just the sheet name, when the
	// problem has a place; empty otherwise.
	Ref string
	// Message says what is wrong.
	Message string
	// Hint says how to fix it.
	Hint string
}

// Error formats the error as "file: Sheet!A1: message" with the hint on an
// indented line below, as ropa's other diagnostics are printed.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Ref != "" {
		b.WriteString(": " + e.Ref)
	}
	b.WriteString(": " + e.Message)
	if e.Hint != "" {
		b.WriteString("\n    hint: " + e.Hint)
	}
	return b.String()
}

func errorf(file, ref, hint, format string, args ...any) *Error {
	return &Error{File: file, Ref: ref, Message: fmt.Sprintf(format, args...), Hint: hint}
}
