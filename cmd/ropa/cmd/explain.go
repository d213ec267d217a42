package cmd

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/ropa/lint"
)

// ExplainOptions are the inputs of `ropa explain`.
type ExplainOptions struct {
	// Rule is the rule ID to explain.
	Rule string
}

func newExplainCmd(streams IO, runF func(*ExplainOptions) error) *cobra.Command {
	opts := &ExplainOptions{}
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Explain a lint rule and how to fix its findings",
		Long: `Explain prints a lint rule's severity, legal reference, why it matters and
how to fix a finding, with a CUE snippet. 'ropa rules' lists the rule IDs.

Exit status: 0, or 2 when RULE is not a rule ID.

Example:
  ropa explain li-assessment-missing`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Rule = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runExplain(opts, streams)
		},
	}
}

func runExplain(opts *ExplainOptions, streams IO) error {
	r, ok := lint.Lookup(opts.Rule)
	if !ok {
		msg := fmt.Sprintf("unknown rule %q", opts.Rule)
		if s := lint.Suggest(opts.Rule); len(s) > 0 {
			msg += fmt.Sprintf("; did you mean %s?", strings.Join(quoteAll(s), " or "))
		}
		msg += "\nRun 'ropa rules' to list the rules."
		return &ExitError{Code: ExitUsage, Err: errors.New(msg)}
	}
	if r.ID != opts.Rule {
		fmt.Fprintf(streams.Out, "%s is deprecated: it is now %s.\n\n", opts.Rule, r.ID)
	}
	fmt.Fprintf(streams.Out, "%s (%s, %s)\n%s\nReference: %s\n\n%s\n", r.ID, r.Severity, r.Duty, r.Message, r.Ref, r.Explain)
	return nil
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
