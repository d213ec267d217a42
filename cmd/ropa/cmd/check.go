package cmd

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/render/notice"
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/law"
	"github.com/ropa-dev/ropa/ropa/lint"
	"github.com/ropa-dev/ropa/ropa/lint/report"
)

// CheckOptions are the inputs of `ropa check`.
type CheckOptions struct {
	// Dir is the model directory.
	Dir string
	// Format is the output format: one of report.Formats.
	Format string
	// FailOn is the lowest severity that fails the check: error, warning,
	// info or none.
	FailOn string
	// Duty limits the findings to those concerning these duties, comma
	// separated (notice, record, lawfulness, accountability); empty keeps
	// them all.
	Duty string
	// Now is the date the linter judges waiver expiry and notice age by,
	// YYYY-MM-DD; empty means today.
	Now string
	// Limits bound the evaluation of the model: --max-memory and --timeout.
	Limits LimitOptions
}

func newCheckCmd(streams IO, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{}
	cmd := &cobra.Command{
		Use:   "check DIR",
		Short: "Validate a model and lint it for legal completeness",
		Long: `Check loads the CUE files in DIR, validates them against the embedded
schema, resolves every reference between entities, and then lints the
model against the law (UK GDPR, DPA 2018): lawful bases, special-category
conditions, transfers, retention, automated decisions and more. Every
problem is reported at once, each as file:line:col, severity, rule ID and
message. 'ropa rules' lists the rules; 'ropa explain RULE' says how to fix
a finding. A finding can be accepted in the model with a waiver.

Formats: text (default), json, github (workflow commands that annotate a
pull request), sarif (SARIF 2.1.0, for code scanning), codequality (a
GitLab Code Quality report: severity blocker for a model that does not
load, critical for an error, major for a warning, info for info; waived
findings left out) and markdown (a table for a pull-request comment, at
most 50 findings). Every format names the duty each finding concerns:
notice (transparency, Arts 12-14), record (Art 30), lawfulness (Arts 6, 9,
10, transfers) or accountability and security (Arts 5(2), 32, 35, 37); the
text format groups findings by it, and --duty keeps only those of the
duties named.

Check rejects every model 'ropa build' would refuse, whatever --fail-on
says: one that breaks the schema, a notice whose files another output
writes (a notice keyed "register" against the register's register.html),
a phrase or section the notices cannot render.

Exit status: 0 when there is no finding at or above --fail-on, 1 when there
is (or build would refuse the model), 2 when the command is used wrongly,
DIR cannot be read or a file does not parse, 3 when loading the model goes
past a resource limit (file size or count, --timeout, --max-memory; see
'ropa help').

Examples:
  ropa check examples/minimal
  ropa check --fail-on warning .
  ropa check --format github model/
  ropa check --format sarif model/ > ropa.sarif
  ropa check --format codequality model/ > gl-code-quality-report.json
  ropa check --duty notice,record model/`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runCheck(opts, streams)
		},
	}
	formatFlag(cmd, &opts.Format, "", "text", report.Formats, "output format")
	enumFlag(cmd, &opts.FailOn, "fail-on", "", "error", failOnValues, "lowest severity that fails the check")
	enumListFlag(cmd, &opts.Duty, "duty", "", "", dutyValues, "only findings about these duties, comma-separated")
	cmd.Flags().StringVar(&opts.Now, "now", "", "judge waiver expiry and notice age as of this date, YYYY-MM-DD (default today)")
	addLimitFlags(cmd, &opts.Limits)
	return cmd
}

// failOnValues are the values of `ropa check --fail-on`: the severities,
// highest first, and none.
var failOnValues = []string{lint.Error.String(), lint.Warning.String(), lint.Info.String(), "none"}

// dutyValues are the values of `ropa check --duty`.
var dutyValues = func() []string {
	var out []string
	for _, d := range law.Duties {
		out = append(out, string(d))
	}
	return out
}()

// parseDuties turns --duty into duties; empty means every duty.
func parseDuties(s string) []lint.Duty {
	var out []lint.Duty
	for _, v := range strings.Split(s, ",") {
		if d, err := lint.ParseDuty(v); err == nil {
			out = append(out, d)
		}
	}
	return out
}

// parseFailOn turns --fail-on into a threshold; 0 never fails.
func parseFailOn(s string) (lint.Severity, error) {
	if s == "none" {
		return 0, nil
	}
	return lint.ParseSeverity(s)
}

func runCheck(opts *CheckOptions, streams IO) error {
	// --format and --fail-on were checked as the flags were parsed.
	failOn, err := parseFailOn(opts.FailOn)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--fail-on: %v", err)}
	}
	now := time.Now()
	if opts.Now != "" {
		d, ok := ropa.ParseDate(opts.Now)
		if !ok || d.IsMonth() {
			return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--now: %q is not a date YYYY-MM-DD", opts.Now)}
		}
		// Noon, so that a waiver expiring that day still holds.
		now = d.Start().Add(12 * time.Hour)
	}
	m, err := loadModel(opts.Dir, opts.Limits)
	if err == nil {
		// Files two outputs would write are refused by `ropa build`,
		// whatever it is asked to render: report them as the model's
		// errors, in every format.
		err = outputCollisions(m, producers)
	}
	if err != nil {
		// Machine formats carry load problems too, as findings of the
		// rule "schema"; the exit status stays loadModel's.
		var ee *ExitError
		var le *ropa.LoadError
		if opts.Format != "text" && errors.As(err, &ee) && errors.As(err, &le) {
			if werr := report.Write(streams.Out, opts.Format, lint.FromLoadError(le).Filter(parseDuties(opts.Duty)...), false); werr != nil {
				return &ExitError{Code: ExitUsage, Err: werr}
			}
			return &ExitError{Code: ee.Code}
		}
		return err
	}
	res := lint.Run(m, lint.Options{Now: now, Notices: notice.Facts, Phrasebooks: notice.PhrasebookFacts}).Filter(parseDuties(opts.Duty)...)
	// What only rendering finds (an unknown phrase key or placeholder, a
	// free section after an unknown section) fails the check whatever
	// --fail-on says, as it fails `ropa build`: each problem once. The
	// machine formats carry them as findings of the rule "schema"; the text
	// report names them after its findings, on standard error.
	problems := renderProblems(m)
	if len(problems) > 0 && opts.Format != "text" {
		res.Findings = append(res.Findings, lint.FromLoadError(&ropa.LoadError{Diagnostics: problems}).Findings...)
		lint.Sort(res.Findings)
	}
	if err := report.Write(streams.Out, opts.Format, res, opts.Format == "text" && isTerminal(streams.Out)); err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	if len(problems) > 0 {
		if opts.Format != "text" {
			return &ExitError{Code: ExitFindings}
		}
		return &ExitError{Code: ExitFindings, Diagnostics: &ropa.LoadError{Kind: ropa.ErrInvalid, Diagnostics: problems},
			Err: errors.New("the notices cannot be rendered")}
	}
	if res.Fails(failOn) {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// renderProblems returns what keeps any notice of m from being planned,
// each problem once.
func renderProblems(m *ropa.Model) []ropa.Diagnostic {
	var out []ropa.Diagnostic
	seen := map[string]bool{}
	for _, n := range m.NoticeList() {
		for _, d := range notice.Problems(m, n) {
			if s := d.String(); !seen[s] {
				seen[s] = true
				out = append(out, d)
			}
		}
	}
	return out
}

// outputCollisions returns, as a load error of an invalid model (exit
// status 1), every entity whose outputs from ps would be written to a file
// another output writes too; nil when there is none.
func outputCollisions(m *ropa.Model, ps []render.Producer) error {
	ds := render.Collisions(m, ps, render.Options{})
	if len(ds) == 0 {
		return nil
	}
	return &ExitError{Code: ExitFindings, Diagnostics: &ropa.LoadError{Kind: ropa.ErrInvalid, Diagnostics: ds}}
}

// isTerminal reports whether w is a terminal that should get colour: an
// *os.File that is a character device, with NO_COLOR unset.
func isTerminal(w any) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
