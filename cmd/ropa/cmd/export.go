package cmd

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/render/dpv"
	"github.com/ropa-dev/ropa/render/export"
)

// ExportOptions are the inputs of `ropa export`.
type ExportOptions struct {
	// Dir is the model directory.
	Dir string
	// Format is the export format: "json" (docs/export.md) or "dpv"
	// (JSON-LD in the Data Privacy Vocabulary, docs/dpv.md).
	Format string
	// Base is the namespace of the organisation's own concepts in the dpv
	// format; empty derives it from the controller's website.
	Base string
	// Out is the file to write; empty or "-" writes to standard output.
	Out string
	// Limits bound the evaluation of the model: --max-memory and --timeout.
	Limits LimitOptions
}

// exportFormats are the formats `ropa export --format` accepts.
var exportFormats = []string{"json", "dpv"}

func newExportCmd(streams IO, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{}
	cmd := &cobra.Command{
		Use:   "export DIR",
		Short: "Write the resolved model as JSON, or as DPV JSON-LD, for other tools",
		Long: `Export validates the model in DIR and writes it, fully resolved, in a
documented and versioned shape (format "ropa-export", version 1; see
docs/export.md): schema defaults filled in, entities in source order each
with its key, and references between entities given as keys that are
guaranteed to resolve. The same model always exports the same bytes.

With --format dpv it writes JSON-LD in the W3C Data Privacy Vocabulary 2.3
(docs/dpv.md): each activity a dpv:Process with its purpose, personal data,
legal bases, subjects, recipients, retention, transfers, DPIA and rights.
UK-only concepts are the organisation's own, linked to UK law, never an EU
term that would be wrong.

Output goes to standard output, or to --out, which is written atomically:
nothing is written unless the model validates.

Exit status: 0 when the export was written, 1 when the model has problems,
2 when the command is used wrongly or DIR cannot be read, 3 when loading
the model goes past a resource limit (see 'ropa help').

Examples:
  ropa export examples/minimal
  ropa export . --format json --out public/model.json
  ropa export . | jq '.activities[].name'
  ropa export . --format dpv --out public/ropa.jsonld`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runExport(opts, streams)
		},
	}
	formatFlag(cmd, &opts.Format, "", "json", exportFormats, "export format")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "write to this `file` instead of standard output")
	addLimitFlags(cmd, &opts.Limits)
	cmd.Flags().StringVar(&opts.Base, "base", "", "dpv format: namespace `IRI` of the organisation's own concepts (default: from the controller's website)")
	return cmd
}

func runExport(opts *ExportOptions, streams IO) error {
	// --format was checked as the flags were parsed.
	m, err := loadModel(opts.Dir, opts.Limits)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	write := func() error { return export.JSON(&buf, m) }
	if opts.Format == "dpv" {
		write = func() error { return dpv.JSONLD(&buf, m, dpv.Options{Base: opts.Base}) }
	}
	if err := write(); err != nil {
		return &ExitError{Code: ExitFindings, Err: err}
	}
	if opts.Out == "" || opts.Out == "-" {
		if _, err := streams.Out.Write(buf.Bytes()); err != nil {
			return &ExitError{Code: ExitUsage, Err: err}
		}
		return nil
	}
	if err := writeAtomic(opts.Out, buf.Bytes()); err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	fmt.Fprintf(streams.Err, "wrote %s (%d bytes)\n", opts.Out, buf.Len())
	return nil
}
