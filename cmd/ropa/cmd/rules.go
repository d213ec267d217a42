package cmd

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/ropa/lint"
)

// RulesOptions are the inputs of `ropa rules`.
type RulesOptions struct {
	// Format is text or json.
	Format string
}

func newRulesCmd(streams IO, runF func(*RulesOptions) error) *cobra.Command {
	opts := &RulesOptions{}
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the lint rules",
		Long: `Rules lists every lint rule 'ropa check' applies: its ID, severity, legal
reference and one-line message, sorted by ID. 'ropa explain RULE' gives the
full explanation.

With --format json it prints an array of objects with the fields id,
severity, reference, message and explain.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runRules(opts, streams)
		},
	}
	formatFlag(cmd, &opts.Format, "", "text", []string{"text", "json"}, "output format")
	return cmd
}

// ruleJSON is the JSON shape of one rule in `ropa rules --format json`.
type ruleJSON struct {
	ID        string `json:"id"`
	Severity  string `json:"severity"`
	Reference string `json:"reference"`
	Duty      string `json:"duty"`
	Since     string `json:"since"`
	Message   string `json:"message"`
	Explain   string `json:"explain"`
	// Replaces are the rule's former IDs, deprecated but still accepted
	// in waivers and by ropa explain.
	Replaces []string `json:"replaces,omitempty"`
}

func runRules(opts *RulesOptions, streams IO) error {
	rules := lint.Rules()
	switch opts.Format {
	case "text":
		tw := tabwriter.NewWriter(streams.Out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSEVERITY\tDUTY\tREFERENCE\tMESSAGE")
		for _, r := range rules {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Duty, r.Ref, r.Message)
			for _, old := range r.Replaces {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", old, r.Severity, r.Duty, r.Ref, "deprecated: now "+r.ID)
			}
		}
		return tw.Flush()
	case "json":
		out := make([]ruleJSON, 0, len(rules))
		for _, r := range rules {
			out = append(out, ruleJSON{r.ID, r.Severity.String(), r.Ref, string(r.Duty), r.Since, r.Message, r.Explain, r.Replaces})
		}
		enc := json.NewEncoder(streams.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	// --format was checked as the flags were parsed.
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--format: unknown format %q", opts.Format)}
}
