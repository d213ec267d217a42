// Package cmd holds the ropa commands, one file a command. Each command
// parses its flags into an options struct and hands it to a run function,
// so the run is testable without cobra.
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
)

// ExitError carries an exit status out of a command. Its message, when
// not empty, has already been printed or is printed by Main.
type ExitError struct {
	Code int
	Err  error
}

// Error returns the message of the underlying error, or the exit status.
func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit status %d", e.Code)
	}
	return e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *ExitError) Unwrap() error { return e.Err }

// IO are the streams a command writes to.
type IO struct {
	Out io.Writer
	Err io.Writer
}

// Main runs ropa with the process's arguments and returns the exit status.
func Main() int {
	return Run(os.Args[1:], IO{Out: os.Stdout, Err: os.Stderr})
}

// Run runs ropa with args and returns the exit status.
func Run(args []string, streams IO) int {
	root := New(streams)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		if ee.Err != nil {
			fmt.Fprintln(streams.Err, ee.Err)
		}
		return ee.Code
	}
	// Cobra's own errors: unknown command or flag, wrong arguments.
	fmt.Fprintf(streams.Err, "ropa: %v\nRun 'ropa help' for usage.\n", err)
	return ExitUsage
}

// New builds the ropa command tree.
func New(streams IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "ropa",
		Short: "Record of Processing Activities as code",
		Long: `ropa reads an organisation's Record of Processing Activities, written as
CUE files, checks it against the schema and the law, and renders the privacy
notices (UK GDPR Articles 13 and 14) and the Article 30 register from it.

A model is a directory holding one CUE package. Start one with 'ropa init',
check it with 'ropa check', render it with 'ropa build'.

Exit status: 0 when all is well, 1 when the model has problems, 2 when the
command was used wrongly or the model cannot be read.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(streams.Out)
	root.SetErr(streams.Err)
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
		newServeCmd(streams, nil),
	)
	return root
}

// loadModel loads dir and turns a load failure into the matching exit
// status, printing every diagnostic.
func loadModel(dir string, streams IO) (*ropa.Model, error) {
	m, err := ropa.Load(dir)
	if err == nil {
		return m, nil
	}
	var le *ropa.LoadError
	if errors.As(err, &le) {
		code := ExitFindings
		if le.Kind == ropa.ErrUnreadable {
			code = ExitUsage
		}
		return nil, &ExitError{Code: code, Err: err}
	}
	return nil, &ExitError{Code: ExitUsage, Err: err}
}
