package cmd

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

// parse runs the command newCmd makes under a root command as New builds
// it, with args, and returns the options its runF received instead of
// running, or the error parsing the flags and arguments gave.
func parse[O any](t *testing.T, newCmd func(IO, func(*O) error) *cobra.Command, args ...string) (*O, error) {
	t.Helper()
	var got *O
	streams := IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
	cmd := newCmd(streams, func(o *O) error {
		got = o
		return nil
	})
	root := newRoot(streams)
	root.AddCommand(cmd)
	root.SetArgs(append([]string{cmd.Name()}, args...))
	if _, err := root.ExecuteC(); err != nil {
		return nil, err
	}
	if got == nil {
		t.Fatalf("%s %q: runF not called", cmd.Name(), args)
	}
	return got, nil
}

// flagCase is one command line and the options it parses into, or the
// error it gives: wantErr is the start of the message, wantCode the exit
// status of an ExitError (0 for cobra's own errors).
type flagCase[O any] struct {
	args     []string
	want     O
	wantErr  string
	wantCode int
}

func checkParse[O any](t *testing.T, newCmd func(IO, func(*O) error) *cobra.Command, cases []flagCase[O]) {
	t.Helper()
	for _, c := range cases {
		got, err := parse(t, newCmd, c.args...)
		if c.wantErr != "" {
			if err == nil || !strings.HasPrefix(err.Error(), c.wantErr) {
				t.Errorf("%q: error %v, want %q", c.args, err, c.wantErr)
				continue
			}
			code := 0
			if ee := (*ExitError)(nil); errors.As(err, &ee) {
				code = ee.Code
			}
			if code != c.wantCode {
				t.Errorf("%q: exit status %d, want %d", c.args, code, c.wantCode)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.args, err)
			continue
		}
		if !reflect.DeepEqual(*got, c.want) {
			t.Errorf("%q:\n got %+v\nwant %+v", c.args, *got, c.want)
		}
	}
}

func TestCheckFlags(t *testing.T) {
	checkParse(t, newCheckCmd, []flagCase[CheckOptions]{
		{args: []string{"m"}, want: CheckOptions{Limits: defLimits, Dir: "m", Format: "text", FailOn: "error"}},
		{args: []string{"--format", "sarif", "--fail-on", "none", "--now", "2026-01-02", "m"},
			want: CheckOptions{Limits: defLimits, Dir: "m", Format: "sarif", FailOn: "none", Now: "2026-01-02"}},
		{args: []string{"m", "--format=github", "--fail-on=warning"}, want: CheckOptions{Limits: defLimits, Dir: "m", Format: "github", FailOn: "warning"}},
		{args: []string{"--format", "xml", "m"}, wantErr: `--format: unknown format "xml" (want text, json, github, sarif, codequality, markdown)`, wantCode: ExitUsage},
		{args: []string{"--format", "JSON", "m"}, wantErr: `--format: unknown format "JSON"`, wantCode: ExitUsage},
		{args: []string{"--fail-on", "severe", "m"}, wantErr: `--fail-on: unknown value "severe" (want error, warning, info or none)`, wantCode: ExitUsage},
		{args: []string{}, wantErr: "accepts 1 arg(s), received 0"},
		{args: []string{"a", "b"}, wantErr: "accepts 1 arg(s), received 2"},
	})
}

func TestBuildFlags(t *testing.T) {
	checkParse(t, newBuildCmd, []flagCase[BuildOptions]{
		{args: []string{"m"}, want: BuildOptions{Limits: defLimits, Dir: "m", Out: "out", FailOn: "none"}},
		{args: []string{"m", "-o", "public", "-q", "--only", "notice,register", "--only", "export", "--trace", "--front-matter",
			"--pdf-font", "r.ttf", "--pdf-font-bold", "b.ttf", "--internal", "records", "--fail-on", "error"},
			want: BuildOptions{Limits: defLimits, Dir: "m", Out: "public", Internal: "records", FailOn: "error", Quiet: true,
				Only: []string{"notice", "register", "export"}, Trace: true, FrontMatter: true, PDFFont: "r.ttf", PDFFontBold: "b.ttf"}},
		{args: []string{"m", "--fail-on", "bad"}, wantErr: `--fail-on: unknown`, wantCode: ExitUsage},
		{args: []string{"m", "--quiet=maybe"}, wantErr: `invalid argument "maybe" for "-q, --quiet" flag`},
		{args: []string{}, wantErr: "accepts 1 arg(s), received 0"},
	})
}

func TestDiffFlags(t *testing.T) {
	checkParse(t, newDiffCmd, []flagCase[DiffOptions]{
		{args: []string{"old", "new"}, want: DiffOptions{Limits: defLimits, Old: "old", New: "new", Dir: ".", Format: "text", FailOn: "none"}},
		{args: []string{"rev:main", "rev:HEAD", "privacy", "-f", "markdown", "--fail-on", "notify"},
			want: DiffOptions{Limits: defLimits, Old: "rev:main", New: "rev:HEAD", Dir: "privacy", Format: "markdown", FailOn: "notify"}},
		{args: []string{"a", "b", "--format", "json", "--fail-on", "Register"},
			want: DiffOptions{Limits: defLimits, Old: "a", New: "b", Dir: ".", Format: "json", FailOn: "register"}},
		{args: []string{"a", "b", "--format", "xml"}, wantErr: `--format: unknown format "xml" (want text, markdown, json, comment)`, wantCode: ExitUsage},
		{args: []string{"a", "b", "--fail-on", "urgent"}, wantErr: `--fail-on: unknown value "urgent" (want notify, register, editorial or none)`, wantCode: ExitUsage},
		{args: []string{"a"}, wantErr: "accepts between 2 and 3 arg(s), received 1"},
	})
}

func TestExportFlags(t *testing.T) {
	checkParse(t, newExportCmd, []flagCase[ExportOptions]{
		{args: []string{"m"}, want: ExportOptions{Limits: defLimits, Dir: "m", Format: "json"}},
		{args: []string{"m", "--format", "json", "-o", "model.json"}, want: ExportOptions{Limits: defLimits, Dir: "m", Format: "json", Out: "model.json"}},
		{args: []string{"m", "--format", "yaml"}, wantErr: `--format: unknown format "yaml" (want json, dpv)`, wantCode: ExitUsage},
	})
}

func TestRulesFlags(t *testing.T) {
	checkParse(t, newRulesCmd, []flagCase[RulesOptions]{
		{args: []string{}, want: RulesOptions{Format: "text"}},
		{args: []string{"--format", "json"}, want: RulesOptions{Format: "json"}},
		{args: []string{"--format", "yaml"}, wantErr: `--format: unknown format "yaml" (want text, json)`, wantCode: ExitUsage},
		{args: []string{"extra"}, wantErr: `unknown command "extra"`},
	})
}

func TestPhrasesFlags(t *testing.T) {
	checkParse(t, newPhrasesCmd, []flagCase[PhrasesOptions]{
		{args: []string{}, want: PhrasesOptions{}},
		{args: []string{"rights."}, want: PhrasesOptions{Prefix: "rights."}},
		{args: []string{"--sections"}, want: PhrasesOptions{Sections: true}},
		{args: []string{"a", "b"}, wantErr: "accepts at most 1 arg(s), received 2"},
	})
}

func TestInitExplainFlags(t *testing.T) {
	checkParse(t, newInitCmd, []flagCase[InitOptions]{
		{args: []string{"privacy"}, want: InitOptions{Dir: "privacy", Sector: "generic"}},
		{args: []string{"privacy", "--sector", "gp"}, want: InitOptions{Dir: "privacy", Sector: "gp"}},
		{args: []string{"privacy", "--sector", "hospital"}, wantErr: `--sector: unknown value "hospital" (want generic, housing, gp, school, charity or council)`, wantCode: ExitUsage},
		{args: []string{}, wantErr: "accepts 1 arg(s), received 0"},
	})
	checkParse(t, newExplainCmd, []flagCase[ExplainOptions]{
		{args: []string{"dpia-missing"}, want: ExplainOptions{Rule: "dpia-missing"}},
		{args: []string{}, wantErr: "accepts 1 arg(s), received 0"},
	})
}

// TestEnumCompletion checks that shell completion offers an enum flag's
// values, and no file names.
func TestEnumCompletion(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--format", ""}, "text\njson\ngithub\nsarif\ncodequality\nmarkdown\n:4\n"},
		{[]string{"check", "--fail-on", ""}, "error\nwarning\ninfo\nnone\n:4\n"},
		{[]string{"diff", "-f", ""}, "text\nmarkdown\njson\ncomment\n:4\n"},
		{[]string{"diff", "--fail-on", ""}, "notify\nregister\neditorial\nnone\n:4\n"},
		{[]string{"export", "--format", ""}, "json\ndpv\n:4\n"},
		{[]string{"rules", "--format", ""}, "text\njson\n:4\n"},
	} {
		var out, errOut bytes.Buffer
		if code := Run(append([]string{cobra.ShellCompRequestCmd}, c.args...), IO{Out: &out, Err: &errOut}); code != 0 {
			t.Fatalf("%q: exit status %d: %s", c.args, code, errOut.String())
		}
		if out.String() != c.want {
			t.Errorf("%q: completion %q, want %q", c.args, out.String(), c.want)
		}
	}
}

// defLimits are the limits a command that loads a model has when no flag
// sets them.
var defLimits = LimitOptions{Timeout: defaultTimeout}

func TestLimitFlags(t *testing.T) {
	checkParse(t, newCheckCmd, []flagCase[CheckOptions]{
		{args: []string{"m", "--timeout", "5s", "--max-memory", "64MiB"},
			want: CheckOptions{Dir: "m", Format: "text", FailOn: "error", Limits: LimitOptions{Timeout: 5 * time.Second, MaxMemory: "64MiB"}}},
	})
}
