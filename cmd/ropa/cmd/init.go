package cmd

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

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
	existing, err := existingCUE(opts.Dir)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	if existing != "" {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s already holds %s; choose an empty directory", opts.Dir, existing)}
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	name := filepath.Join(opts.Dir, "model.cue")
	if err := writeAtomic(name, starterModel); err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	fmt.Fprintf(streams.Out, "wrote %s\nnext: edit it, then run 'ropa check %s'\n", name, opts.Dir)
	return nil
}

// existingCUE returns the first .cue file (or anything so named) in dir,
// or "" when there is none or dir does not exist yet. It lists dir itself
// rather than matching a pattern, so that a name such as "m[1]" or "a*"
// is a directory name, not a pattern that matches nothing.
func existingCUE(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		if fi, serr := os.Stat(dir); serr == nil && !fi.IsDir() {
			return "", fmt.Errorf("%s is a file, not a directory; choose a directory for the model", dir)
		}
		return "", fmt.Errorf("cannot read %s: %v", dir, unwrapPath(err))
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".cue") {
			return filepath.Join(dir, e.Name()), nil
		}
	}
	return "", nil
}

// unwrapPath drops the operation and path a *fs.PathError repeats.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
