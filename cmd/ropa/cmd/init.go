package cmd

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

// starters holds the starter models: starter/model.cue, the generic one,
// and starter/<sector>/model.cue, one for each sector.
//
//go:embed starter
var starters embed.FS

// sectors are the values of --sector, each with its line in the help.
// "generic" is the default: the generic starter.
var sectors = []struct{ name, help string }{
	{"generic", "a small example to replace with your own (the default)"},
	{"housing", "social landlord: lettings, tenancy, support, ASB, CORE"},
	{"gp", "GP practice: care, NHS data collections, screening, opt-out"},
	{"school", "school: education, DfE census, safeguarding, SEND"},
	{"charity", "charity: donations, Gift Aid, fundraising (PECR), volunteers"},
	{"council", "council: council tax, benefits, NFI, electoral register"},
}

// sectorNames are the names of the sectors, in help order.
func sectorNames() []string {
	out := make([]string, len(sectors))
	for i, s := range sectors {
		out[i] = s.name
	}
	return out
}

// starterModel returns the starter model of a sector.
func starterModel(sector string) ([]byte, error) {
	if sector == "" || sector == "generic" {
		return starters.ReadFile("starter/model.cue")
	}
	return starters.ReadFile("starter/" + sector + "/model.cue")
}

// InitOptions are the inputs of `ropa init`.
type InitOptions struct {
	// Dir is the directory to create the model in.
	Dir string
	// Sector names the starter: "generic" or a sector (sectors).
	Sector string
}

func newInitCmd(streams IO, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{}
	var sectorHelp strings.Builder
	for _, s := range sectors {
		fmt.Fprintf(&sectorHelp, "  %-8s %s\n", s.name, s.help)
	}
	cmd := &cobra.Command{
		Use:   "init DIR",
		Short: "Create a commented starter model",
		Long: `Init writes DIR/model.cue: a small, commented model that passes
'ropa check', to replace with your organisation's own processing. It
refuses to touch a directory that already holds .cue files.

With --sector, the model is instead what organisations of that sector
typically do: 5 to 8 activities with their usual lawful bases, special
category conditions, categories, recipients and retention in the UK. None
of it is known about your organisation, so every assumed fact is marked
unconfirmed, and 'ropa check' warns of each (rule unconfirmed) until you
have checked it and cleared the mark. The sectors:
` + sectorHelp.String() + `
Examples:
  ropa init privacy && ropa check privacy
  ropa init privacy --sector gp && ropa check privacy`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runInit(opts, streams)
		},
	}
	enumFlag(cmd, &opts.Sector, "sector", "", "generic", sectorNames(), "the starter to write")
	return cmd
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
	model, err := starterModel(opts.Sector)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	name := filepath.Join(opts.Dir, "model.cue")
	if err := writeAtomic(name, model); err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	if opts.Sector != "" && opts.Sector != "generic" {
		fmt.Fprintf(streams.Out, "wrote %s (%s starter: every assumed fact is marked unconfirmed)\nnext: check each with 'ropa check %s', correct it and clear its mark\n", name, opts.Sector, opts.Dir)
		return nil
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
