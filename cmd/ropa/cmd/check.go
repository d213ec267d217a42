package cmd

import (
	"fmt"

	"github.com/spf13/cobra"
)

// CheckOptions are the inputs of `ropa check`.
type CheckOptions struct {
	// Dir is the model directory.
	Dir string
}

func newCheckCmd(streams IO, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{}
	cmd := &cobra.Command{
		Use:   "check DIR",
		Short: "Validate a model against the schema and resolve its references",
		Long: `Check loads the CUE files in DIR, validates them against the embedded
schema and resolves every reference between entities. Every problem is
reported at once, each as file:line:col, the field path, what is wrong and
how to fix it.

Exit status: 0 when the model is valid, 1 when it has problems, 2 when DIR
cannot be read or a file does not parse.

Examples:
  ropa check examples/minimal
  ropa check . && echo "record is valid"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runCheck(opts, streams)
		},
	}
	return cmd
}

func runCheck(opts *CheckOptions, streams IO) error {
	m, err := loadModel(opts.Dir, streams)
	if err != nil {
		return err
	}
	fmt.Fprintf(streams.Out, "%s: valid: %d activities, %d categories, %d recipients\n",
		opts.Dir, len(m.Activities), len(m.Categories), len(m.Recipients))
	return nil
}
