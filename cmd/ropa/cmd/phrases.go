package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/render/notice"
)

// PhrasesOptions are the inputs of `ropa phrases`.
type PhrasesOptions struct {
	// Prefix limits the listing to keys that start with it.
	Prefix string
	// Sections lists the section IDs a free section's `after` may name.
	Sections bool
}

func newPhrasesCmd(streams IO, runF func(*PhrasesOptions) error) *cobra.Command {
	opts := &PhrasesOptions{}
	cmd := &cobra.Command{
		Use:   "phrases [PREFIX]",
		Short: "List the standard wording of the notices, to override in a model",
		Long: `Phrases lists every phrase key of the notices' standard wording with its
default text. Override any of them for every notice in the model's
top-level phrases field, or for one notice in notices.<key>.phrases (which
wins); {placeholders} in a phrase are filled from the model. An unknown key
is an error, so a misspelt override never goes unnoticed.

With --sections, list instead the section IDs that a notice's free
sections may name in "after".

Examples:
  ropa phrases rights.
  ropa phrases --sections

  // in the model, for every notice:
  phrases: "complaints.intro": "Tell us first; we reply within 20 working days."
  // for one notice only:
  notices: tenants: phrases: "rights.intro": "As our tenant, you have these rights:"`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Prefix = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return runPhrases(opts, streams)
		},
	}
	cmd.Flags().BoolVar(&opts.Sections, "sections", false, "list the section IDs free sections may follow")
	return cmd
}

func runPhrases(opts *PhrasesOptions, streams IO) error {
	if opts.Sections {
		for _, id := range notice.SectionIDs() {
			fmt.Fprintln(streams.Out, id)
		}
		return nil
	}
	n := 0
	for _, k := range notice.PhraseKeys() {
		if !strings.HasPrefix(k, opts.Prefix) {
			continue
		}
		text, _ := notice.DefaultPhrase(k)
		if notice.OverrideOnly(k) {
			text += "\n    (used only when your model overrides it: the standard wording would state what the record does not)"
		}
		fmt.Fprintf(streams.Out, "%s\n    %s\n", k, text)
		n++
	}
	if n == 0 {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("no phrase key starts with %q", opts.Prefix)}
	}
	return nil
}
