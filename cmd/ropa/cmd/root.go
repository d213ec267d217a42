// Package cmd holds the ropa commands, one file a command. Each command
// parses its flags into an options struct and hands it to a run function,
// so the run is testable without cobra; given a runF, the command hands
// the options to runF instead, so that flags_test.go tests the parsing
// without running anything.
package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/ropa"
)

// Exit statuses, the contract a CI pipeline relies on.
const (
	// ExitOK: the command did what it was asked and found nothing.
	ExitOK = 0
	// ExitFindings: the model has problems (schema errors, dangling
	// references, lint findings at or above --fail-on).
	ExitFindings = 1
	// ExitUsage: the command was called wrongly, or the model could not be
	// read or parsed.
	ExitUsage = 2
	// ExitResource: loading the model went past a resource limit: a file
	// too large or not a regular file's worth of text, too many files, a
	// construct whose cost ropa bounds, or evaluation past --timeout or
	// --max-memory.
	ExitResource = 3
)

// ExitError carries an exit status out of a command, and what to print.
// Run prints Diagnostics as they are, then Err after the failing command's
// path ("ropa check: ..."): no command names itself in its errors.
type ExitError struct {
	Code int
	// Diagnostics, when not nil, are problems in the model, each line
	// naming its own file:line:col; they are printed first, unprefixed.
	Diagnostics error
	// Err, when not nil, is the command's own message.
	Err error
}

// Error returns the diagnostics and the message, one after the other, or
// the exit status when there is neither.
func (e *ExitError) Error() string {
	switch {
	case e.Diagnostics != nil && e.Err != nil:
		return e.Diagnostics.Error() + "\n" + e.Err.Error()
	case e.Diagnostics != nil:
		return e.Diagnostics.Error()
	case e.Err != nil:
		return e.Err.Error()
	}
	return fmt.Sprintf("exit status %d", e.Code)
}

// Unwrap returns the diagnostics and the message, for errors.As.
func (e *ExitError) Unwrap() []error {
	var errs []error
	for _, err := range []error{e.Diagnostics, e.Err} {
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// IO are the streams a command writes to.
type IO struct {
	Out io.Writer
	Err io.Writer
}

// Main runs ropa with the process's arguments and returns the exit status.
// It does the work in a child process it supervises (see supervise), so
// that even the Go runtime running out of memory ends with a message and
// exit status 3 rather than a dump of goroutines.
func Main() int {
	if os.Getenv(childEnv) == "" {
		if code, ok := supervise(); ok {
			return code
		}
	}
	return Run(os.Args[1:], IO{Out: os.Stdout, Err: os.Stderr})
}

// Run runs ropa with args and returns the exit status.
func Run(args []string, streams IO) int {
	root := New(streams)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		if ee.Diagnostics != nil {
			fmt.Fprintln(streams.Err, ee.Diagnostics)
		}
		if ee.Err != nil {
			fmt.Fprintf(streams.Err, "%s: %v\n", cmd.CommandPath(), ee.Err)
		}
		return ee.Code
	}
	// Cobra's own errors: unknown command or flag, wrong arguments.
	fmt.Fprintf(streams.Err, "%s: %v\nRun '%[1]s help' for usage.\n", root.Name(), err)
	return ExitUsage
}

// New builds the ropa command tree.
func New(streams IO) *cobra.Command {
	root := newRoot(streams)
	root.AddCommand(
		newCheckCmd(streams, nil),
		newBuildCmd(streams, nil),
		newSchemaCmd(streams),
		newInitCmd(streams, nil),
		newVersionCmd(streams),
		newDiffCmd(streams, nil),
		newExplainCmd(streams, nil),
		newRulesCmd(streams, nil),
		newExportCmd(streams, nil),
		newPhrasesCmd(streams, nil),
		newImportCmd(streams, nil),
		newTranslateCmd(streams, nil),
		newServeCmd(streams, nil),
	)
	return root
}

// newRoot returns the root command without its subcommands.
func newRoot(streams IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "ropa",
		Short: "Record of Processing Activities as code",
		Long: `ropa reads an organisation's Record of Processing Activities, written as
CUE files, checks it against the schema and the law, and renders the privacy
notices (UK GDPR Articles 13 and 14) and the Article 30 register from it.

A model is a directory holding one CUE package. Start one with 'ropa init',
check it with 'ropa check', render it with 'ropa build'.

Exit status: 0 when all is well, 1 when the model has problems, 2 when the
command was used wrongly or the model cannot be read, 3 when loading the
model goes past a resource limit (file size or count, --timeout,
--max-memory, or a construct whose cost ropa bounds).

Limits: a model is at most 1,000 .cue files, 8 MiB a file and 32 MiB in
all, read from regular files (or links to regular files inside the model
directory). Evaluating it may take at most --timeout (default 60s) and
--max-memory of heap (default GOMEMLIMIT if set, else 1GiB); both flags are
on every command that loads a model.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(streams.Out)
	root.SetErr(streams.Err)
	root.SetFlagErrorFunc(flagError)
	return root
}

// loadModel loads dir within the limits and turns a load failure into
// the matching exit status, printing every diagnostic.
func loadModel(dir string, limits LimitOptions) (*ropa.Model, error) {
	m, err := limits.guardLoad(dir, func() (*ropa.Model, error) { return ropa.Load(dir) })
	if err == nil {
		return m, nil
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return nil, err
	}
	return nil, &ExitError{Code: loadErrorCode(err), Diagnostics: err}
}
