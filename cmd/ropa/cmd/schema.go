package cmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/schema"
)

// SchemaOptions are the inputs of `ropa schema`.
type SchemaOptions struct {
	// Format is "cue" (the embedded schema) or "jsonschema" (JSON Schema
	// generated from it).
	Format string
}

func newSchemaCmd(streams IO) *cobra.Command {
	opts := &SchemaOptions{}
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the embedded CUE schema, or JSON Schema generated from it",
		Long: `Print the CUE schema ropa validates models against, so that editors and
the cue tool can use it. Every field carries a comment saying what it holds.

With --format jsonschema it prints a JSON Schema (draft 2020-12) generated
from the CUE schema, for editors of models written as YAML or JSON (see
docs/editors.md).

Examples:
  ropa schema > ropa-schema.cue
  cue export ./privacy --out json > model.json
  cue vet -c -d '#Model' ropa-schema.cue model.json
  ropa schema --format jsonschema > ropa.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch opts.Format {
			case "cue":
				_, err := streams.Out.Write(schema.Source)
				return err
			case "jsonschema":
				js, err := schema.JSONSchema()
				if err != nil {
					return &ExitError{Code: ExitUsage, Err: err}
				}
				_, err = streams.Out.Write(js)
				return err
			}
			return &ExitError{Code: ExitUsage, Err: fmt.Errorf("unknown format %q; choose from: cue, jsonschema", opts.Format)}
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "cue", "schema format: cue, jsonschema")
	return cmd
}
