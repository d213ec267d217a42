// Package schema holds the CUE schema of a ropa model, embedded so that the
// ropa binary validates models without CUE installed or the schema vendored.
package schema

import _ "embed"

// Source is the text of the schema, ropa.cue.
//
//go:embed ropa.cue
var Source []byte

// Filename is the name errors give for positions inside the schema.
const Filename = "ropa-schema.cue"

// Version is the schema version a model declares in schemaVersion.
const Version = "1"
