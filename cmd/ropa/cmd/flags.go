package cmd

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// enumValue is a string flag that takes one of a fixed set of values. It
// rejects any other value while the flags are parsed, so that a run
// function sees only values it knows.
type enumValue struct {
	p      *string
	name   string
	values []string
	// noun is what a value is called in the message for a bad one:
	// unknown format "xml".
	noun string
	// list is the values as the usage string and that message give them.
	list string
	// foldCase accepts a value in any case, storing it as listed.
	foldCase bool
	// multi accepts a comma-separated list of values (and the flag given
	// more than once), storing them comma-separated, each once, in the
	// order given.
	multi bool
	// set is whether Set has been called, so that a multi flag's first
	// value replaces its default.
	set bool
}

func (e *enumValue) String() string { return *e.p }

// Type is "string", so that the help shows a value as it does for any
// string flag (or as the usage's `quoted` word names it).
func (e *enumValue) Type() string { return "string" }

func (e *enumValue) Set(v string) error {
	if !e.multi {
		ok, err := e.one(v)
		if err == nil {
			*e.p = ok
		}
		return err
	}
	var have []string
	if e.set && *e.p != "" {
		have = strings.Split(*e.p, ",")
	}
	for _, part := range strings.Split(v, ",") {
		ok, err := e.one(strings.TrimSpace(part))
		if err != nil {
			return err
		}
		if !slices.Contains(have, ok) {
			have = append(have, ok)
		}
	}
	e.set = true
	*e.p = strings.Join(have, ",")
	return nil
}

// one checks a single value, returning it as listed.
func (e *enumValue) one(v string) (string, error) {
	for _, ok := range e.values {
		if v == ok || e.foldCase && strings.EqualFold(v, ok) {
			return ok, nil
		}
	}
	return "", &enumError{flag: e.name, msg: fmt.Sprintf("unknown %s %q (want %s)", e.noun, v, e.list)}
}

// enumError is a value an enum flag does not take.
type enumError struct{ flag, msg string }

func (e *enumError) Error() string { return e.msg }

// enumFlag defines a flag --name (and -shorthand, unless empty) that takes
// one of values, default def, in the manner of cli/cli's StringEnumFlag:
// the usage string ends by listing the values ("usage: a, b or c"), shell
// completion offers them, and any other value is a usage error, exit
// status 2, before the command runs:
//
//	ropa check: --fail-on: unknown value "severe" (want error, warning, info or none)
func enumFlag(cmd *cobra.Command, p *string, name, shorthand, def string, values []string, usage string) *enumValue {
	return addEnum(cmd, &enumValue{p: p, name: name, values: values, noun: "value", list: orList(values)}, shorthand, def, usage)
}

// enumListFlag is enumFlag for a comma-separated list of values, default
// def (possibly empty); each value must be one of values:
//
//	ropa check: --duty: unknown value "privacy" (want notice, record, lawfulness or accountability)
func enumListFlag(cmd *cobra.Command, p *string, name, shorthand, def string, values []string, usage string) *enumValue {
	return addEnum(cmd, &enumValue{p: p, name: name, values: values, noun: "value", list: orList(values), multi: true}, shorthand, def, usage)
}

// formatFlag defines --format (and -shorthand, unless empty), an enum
// flag of output formats, default def, whose message for a bad value is
//
//	ropa check: --format: unknown format "xml" (want text, json, github, sarif)
func formatFlag(cmd *cobra.Command, p *string, shorthand, def string, formats []string, usage string) *enumValue {
	return addEnum(cmd, &enumValue{p: p, name: "format", values: formats, noun: "format", list: strings.Join(formats, ", ")}, shorthand, def, usage)
}

func addEnum(cmd *cobra.Command, v *enumValue, shorthand, def, usage string) *enumValue {
	*v.p = def
	cmd.Flags().VarP(v, v.name, shorthand, usage+": "+v.list)
	// Cannot fail: the flag was just defined.
	_ = cmd.RegisterFlagCompletionFunc(v.name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return v.values, cobra.ShellCompDirectiveNoFileComp
	})
	return v
}

// orList lists values as a sentence does: "a, b or c".
func orList(values []string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}

// flagError is the root command's flag error function: a value an enum
// flag does not take is a usage error printed as "ropa CMD: --flag: msg";
// other flag errors stay cobra's, printed by Run with a pointer to help.
func flagError(_ *cobra.Command, err error) error {
	var bad *enumError
	if errors.As(err, &bad) {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--%s: %s", bad.flag, bad.msg)}
	}
	return err
}
