package cmd

import (
	"fmt"
	"github.com/ropa-dev/ropa/internal/cueyaml"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/importer"
)

// ImportOptions are the inputs of `ropa import`.
type ImportOptions struct {
	// File is the register to read: an .xlsx workbook or a .csv file.
	File string
	// Out is the directory to write the model into.
	Out string
	// Format is the model's file format: "cue" or "yaml".
	Format string
	// Package is the CUE package name; derived from Out when empty.
	Package string
}

// importFormats are the formats `ropa import --format` accepts.
var importFormats = []string{"cue", "yaml"}

func newImportCmd(streams IO, runF func(*ImportOptions) error) *cobra.Command {
	opts := &ImportOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE --out DIR",
		Short: "Turn an existing Article 30 register (XLSX or CSV) into a model",
		Long: `Import reads a record of processing activities laid out like the ICO's
controller documentation template, as an .xlsx workbook or a .csv file, and
writes it as a model in DIR: entities.cue, activities.cue and model.cue.

The header row is found by its headings wherever it sits; columns may be
reordered, renamed a little or missing, and columns ropa does not know are
kept as comments. The contact block above the table, when there is one,
gives the controller and the data protection officer. Each row that names a
purpose becomes an activity; subjects, categories, recipients, sources,
transfers and retention rules named on several rows are defined once.

Import never invents a fact. Every cell, or line of a cell, it cannot read
is kept verbatim in a "// TODO(import): Sheet!B7: text" comment where it
belongs. Run 'ropa check DIR' next: the model loads, and the linter lists
what the register lacks.

Exit status: 0 when the model was written, 2 when the file cannot be read
or holds no register, or DIR already holds a model.

Examples:
  ropa import register.xlsx --out privacy
  ropa import ropa.csv --out privacy --package privacy
  ropa check privacy`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runImport(opts, streams)
		},
	}
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "write the model into this `directory` (required)")
	cmd.Flags().StringVar(&opts.Format, "format", "cue", "model file format: "+strings.Join(importFormats, ", "))
	cmd.Flags().StringVar(&opts.Package, "package", "", "CUE package `name` (default: from the directory name)")
	return cmd
}

func runImport(opts *ImportOptions, streams IO) error {
	usage := func(format string, args ...any) error {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, args...)}
	}
	switch opts.Format {
	case "cue", "yaml":
	default:
		return usage("unknown format %q; choose from: %s", opts.Format, strings.Join(importFormats, ", "))
	}
	if opts.Out == "" {
		return usage("--out DIR is required: the directory to write the model into")
	}
	if existing, err := existingCUE(opts.Out); err != nil {
		return usage("%v", err)
	} else if existing != "" {
		return usage("%s already holds a model (%s); import into a new or empty directory", opts.Out, existing)
	}
	pkg := opts.Package
	if pkg == "" {
		pkg = packageName(opts.Out)
	}
	res, err := importer.ImportFile(opts.File, importer.Options{Package: pkg})
	if err != nil {
		return &ExitError{Code: ExitUsage, Diagnostics: err}
	}
	for _, f := range res.Files {
		name, data := f.Name, f.Data
		if opts.Format == "yaml" {
			// The same model, comments and all, as YAML: ropa reads
			// .yaml files as it reads .cue files.
			if data, err = cueyaml.FromCUE(name, data); err != nil {
				return &ExitError{Code: ExitFindings, Err: fmt.Errorf("writing %s as YAML (please report this): %v", name, err)}
			}
			name = strings.TrimSuffix(name, ".cue") + ".yaml"
		}
		if err := writeAtomic(filepath.Join(opts.Out, name), data); err != nil {
			return usage("%v", err)
		}
	}
	fmt.Fprintf(streams.Out, "imported %d activities from %s (sheet %q, header row %d, %d of %d template columns) into %s\n",
		res.Activities, opts.File, res.Sheet, res.HeaderRow, len(res.Columns), nColumnsTemplate, opts.Out)
	if n := len(res.TODOs); n > 0 {
		fmt.Fprintf(streams.Out, "%d TODO(import) comments mark what the import could not read\n", n)
	}
	// The model must load; say so plainly if it does not.
	if _, err := ropa.Load(opts.Out); err != nil {
		return &ExitError{Code: ExitFindings, Err: fmt.Errorf("the imported model does not load (please report this):\n%v", err)}
	}
	fmt.Fprintf(streams.Out, "next: ropa check %s\n", opts.Out)
	return nil
}

// nColumnsTemplate is the number of columns of the ICO template.
const nColumnsTemplate = 30

// packageName derives a CUE package name from a directory name.
func packageName(dir string) string {
	base := filepath.Base(filepath.Clean(dir))
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9' && b.Len() > 0:
			b.WriteRune(r)
		case r == '-' || r == '_' || r == ' ' || r == '.':
			if b.Len() > 0 {
				b.WriteByte('_')
			}
		}
	}
	name := strings.Trim(b.String(), "_")
	if name == "" {
		return "imported"
	}
	return name
}
