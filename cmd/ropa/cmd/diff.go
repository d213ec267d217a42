package cmd

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/render/notice"
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/diff"
	"github.com/ropa-dev/ropa/ropa/lint"
)

// DiffOptions are the inputs of `ropa diff`.
type DiffOptions struct {
	// Old and New are the two sides: each a directory or a git revision.
	Old, New string
	// Dir is the model directory: inside the repository for a revision,
	// inside the side for a directory. Default ".".
	Dir string
	// Format is text, markdown, json or comment.
	Format string
	// Now is the date the comment format's findings judge waiver expiry
	// and notice age by, YYYY-MM-DD; empty means today.
	Now string
	// FailOn is the lowest class that makes the exit status 1: notify,
	// register, editorial or none.
	FailOn string
	// Limits bound the evaluation of the model: --max-memory and --timeout.
	Limits LimitOptions
}

// diffFormats are the output formats of `ropa diff`, in the order its
// help lists them, and diffWriters what writes each.
var (
	diffFormats = []string{"text", "markdown", "json", "comment"}
	diffWriters = map[string]func(io.Writer, *diff.Result) error{
		"text":     diff.WriteText,
		"markdown": diff.WriteMarkdown,
		"json":     diff.WriteJSON,
	}
)

// diffFailOnValues are the values of `ropa diff --fail-on`: the classes,
// highest first, and none.
var diffFailOnValues = func() []string {
	var vs []string
	for _, c := range append(slices.Clone(diff.Classes), diff.None) {
		vs = append(vs, c.String())
	}
	return vs
}()

func newDiffCmd(streams IO, runF func(*DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW [DIR]",
		Short: "List the changes between two versions of a model, classified",
		Long: `Diff loads two versions of a model and lists what changed, entity by
entity and field by field, each with the file:line:col of the change in the
new version (in the old version for a removal), and each classified by what
it obliges you to do.

OLD and NEW are each a git revision or a directory. Say which with a
prefix, as a CI gate must:

  rev:NAME   the git revision NAME (a branch, tag, commit, HEAD~1, ...),
             whose model is DIR, read from the git repository that
             contains DIR without touching the working tree
  dir:PATH   the directory PATH, holding the model in DIR inside it

Without a prefix, an existing directory is a directory and anything else a
git revision; a name that is both (a branch main and a directory main/)
is an error, exit 2, so that a directory committed under a branch's name
cannot stand in for the branch. (Write a directory whose name starts
with rev: or dir: as ./rev:...) DIR defaults to ".". So:

  ropa diff old/ new/                   two model directories
  ropa diff main HEAD examples/whg      two revisions of examples/whg
  ropa diff v1.2 .                      v1.2 against the working tree ('.')
  ropa diff HEAD . examples/whg         uncommitted changes to examples/whg
  ropa diff HEAD~1 HEAD                 the last commit, model in '.'
  ropa diff rev:origin/main rev:HEAD privacy
                                        in CI: revisions, never directories

Every output first says what each side was: the revision and the full
hash of its commit, or the directory read.

Entities are compared by key, so a renamed key shows as a removal and an
addition, unless the renamed entity says renamedFrom: "old-key" in NEW.
Then it shows as one change, renamed (register), then its field changes
under the new key; references that only follow the rename (an activity's
categories, a transfer's recipient, a waiver's target) are no change.
renamedFrom naming a key OLD lacks is ignored. Remove it once the renamed
version is published.

Classes, highest first:

  notify     people must be told before it takes effect (Art 13(3), 14(4)):
             an activity added; an activity's purpose changed; a recipient
             added, or added to an activity; a transfer added, added to an
             activity, or its country or recipient changed; a category that
             becomes (or is added as) special or criminal-offence data, or
             such a category added to an activity; a longer retention
             period ("6 years" -> "7 years", or a longer rule cited); an
             automated decision (automation.decisions or .significant
             false -> true); a lawful basis added to an activity
  register   the Article 30 record changes, people need not be told first:
             a renamed entity; everything else, e.g. removals, shorter
             retention, systems, subjects, sources, DPIA, security,
             contracts, Article 9 and 10 conditions, controller details
  editorial  wording only: names (not the controller's, the authority's,
             a joint controller's or a cookie's), titles, descriptions,
             examples, summaries, notes, details; a notice's version,
             lastUpdated, links and sections; phrases; lists reordered; a
             period restated at the same length ("12 months" -> "1 year")

Formats: text (default) prints the two sides,
  old: revision main (commit 0123...), model in privacy
  new: directory privacy
then one line per change,
  class  kind key: field: old → new  (file:line:col)
grouped by entity, then a count per class; markdown prints a heading, the
sides and a table per class, to paste into a pull request; json prints
  {"sides": {"old": {"kind", "revision", "commit", "dir"}, "new": {...}},
   "summary": {"total", "notify", "register", "editorial"},
   "changes": [{"class", "kind", "key", "op", "field", "old", "new",
                "path", "side", "pos": {"file", "line", "column"}}]}
where op is added, removed, changed, reordered or renamed (old and new
then hold the old and the new key), and key, field, old and new are left
out when empty.

comment writes the body of a pull-request comment: a hidden marker,
` + "`" + CommentMarker + "`" + `, that a workflow finds the comment by to update
it, the markdown output, then the lint findings of NEW (as 'ropa check
--format markdown' writes them; --now sets the date they are judged by).
The GitHub Action in this repository posts it (docs/github-action.md).

Exit status: 0, or 1 when a change at or above --fail-on exists (notify >
register > editorial; the default, none, never fails); 2 when the command
is used wrongly or a side cannot be read or loaded; 3 when loading a side
goes past a resource limit (see 'ropa help').

Examples:
  ropa diff main HEAD examples/whg
  ropa diff rev:origin/main rev:HEAD model --format markdown > changes.md
  ropa diff rev:origin/main rev:HEAD model --fail-on notify || echo "update the notices first"
  ropa diff dir:main dir:new                 directories, even if branches share their names
  ropa diff rev:"$BASE" rev:"$HEAD" model --format comment > comment.md`,
		Args: cobra.RangeArgs(2, 3),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Old, opts.New, opts.Dir = args[0], args[1], "."
			if len(args) == 3 {
				opts.Dir = args[2]
			}
			if runF != nil {
				return runF(opts)
			}
			return runDiff(opts, streams)
		},
	}
	formatFlag(cmd, &opts.Format, "f", "text", diffFormats, "output `format`")
	// Any case, as diff.ParseClass has always taken it: --fail-on NOTIFY.
	enumFlag(cmd, &opts.FailOn, "fail-on", "", "none", diffFailOnValues, "exit 1 when a change of this `class` or higher exists").foldCase = true
	addLimitFlags(cmd, &opts.Limits)
	cmd.Flags().StringVar(&opts.Now, "now", "", "with --format comment, judge waiver expiry and notice age as of this `date`, YYYY-MM-DD (default today)")
	return cmd
}

func runDiff(opts *DiffOptions, streams IO) error {
	// --format and --fail-on were checked as the flags were parsed.
	write, ok := diffWriters[opts.Format]
	if !ok && opts.Format != "comment" {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--format: unknown format %q", opts.Format)}
	}
	now := time.Now()
	if opts.Now != "" {
		d, ok := ropa.ParseDate(opts.Now)
		if !ok || d.IsMonth() {
			return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--now: %q is not a date YYYY-MM-DD", opts.Now)}
		}
		now = d.Start().Add(12 * time.Hour) // noon, as check does
	}
	failOn, err := diff.ParseClass(opts.FailOn)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--fail-on: %v", err)}
	}
	oldSide, err := resolveSide("OLD", opts.Old, opts.Dir)
	if err != nil {
		return err
	}
	newSide, err := resolveSide("NEW", opts.New, opts.Dir)
	if err != nil {
		return err
	}
	old, err := loadSide("OLD", oldSide, opts.Limits)
	if err != nil {
		return err
	}
	new, err := loadSide("NEW", newSide, opts.Limits)
	if err != nil {
		return err
	}
	r := diff.Diff(old, new)
	r.Old, r.New = oldSide.Source(), newSide.Source()
	if opts.Format == "comment" {
		write = func(w io.Writer, r *diff.Result) error {
			return writeComment(w, r, lint.Run(new, lint.Options{Now: now, Notices: notice.Facts, Phrasebooks: notice.PhrasebookFacts}))
		}
	}
	if err := write(streams.Out, r); err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	if r.Fails(failOn) {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// resolveSide decides what one side names; a side that names nothing, or
// both a directory and a revision, is exit status 2.
func resolveSide(which, arg, dir string) (diff.Side, error) {
	s, err := diff.ResolveSide(arg, dir)
	if err != nil {
		return s, &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: %v", which, err)}
	}
	return s, nil
}

// loadSide loads one side within the limits; any failure, an invalid
// model included, is exit status 2, since there is nothing to compare,
// except a resource limit, which is 3.
func loadSide(which string, s diff.Side, limits LimitOptions) (*ropa.Model, error) {
	m, err := limits.guardLoad(s.Label(), s.Load)
	if err == nil {
		return m, nil
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return nil, &ExitError{Code: ee.Code, Err: fmt.Errorf("%s %s: %v", which, s.Label(), ee.Err)}
	}
	code := ExitUsage
	if loadErrorCode(err) == ExitResource {
		code = ExitResource
	}
	var le *ropa.LoadError
	if errors.As(err, &le) {
		return nil, &ExitError{Code: code, Err: fmt.Errorf("%s %s does not load:\n%v", which, s.Label(), err)}
	}
	return nil, &ExitError{Code: code, Err: fmt.Errorf("%s: %v", which, err)}
}
