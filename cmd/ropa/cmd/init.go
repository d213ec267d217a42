package cmd

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
)

//go:embed starter/model.cue
var starterModel []byte

// InitOptions are the inputs of `ropa init`.
type InitOptions struct {
	// Dir is the directory to create the model in.
	Dir string
}

func newInitCmd(streams IO, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{}
	return &cobra.Command{
		Use:   "init DIR",
		Short: "Create a commented starter model",
		Long: `Init writes DIR/model.cue: a small, commented model that passes
'ropa check', to replace with your organisation's own processing. It
refuses to touch a directory that already holds .cue files.

Example:
  ropa init privacy && ropa check privacy`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runInit(opts, streams)
		},
	}
}

func runInit(opts *InitOptions, streams IO) error {
	existing, _ := filepath.Glob(filepath.Join(opts.Dir, "*.cue"))
	if len(existing) > 0 {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("ropa init: %s already holds %s; choose an empty directory", opts.Dir, existing[0])}
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("ropa init: %v", err)}
	}
	name := filepath.Join(opts.Dir, "model.cue")
	if err := writeAtomic(name, starterModel); err != nil {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("ropa init: %v", err)}
	}
	fmt.Fprintf(streams.Out, "wrote %s\nnext: edit it, then run 'ropa check %s'\n", name, opts.Dir)
	return nil
}
