package cmd

import (
	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/schema"
)

func newSchemaCmd(streams IO) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the embedded CUE schema",
		Long: `Print the CUE schema ropa validates models against, so that editors and
the cue tool can use it. Every field carries a comment saying what it holds.

Examples:
  ropa schema > ropa-schema.cue
  cue vet -c -d '#Model' ropa-schema.cue examples/minimal/model.cue`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := streams.Out.Write(schema.Source)
			return err
		},
	}
}
