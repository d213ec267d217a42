package cmd

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/render/notice"
)

// producers are the output families `ropa build` renders, in order.
var producers = []render.Producer{notice.Producer, registerProducer, exportProducer}

// BuildOptions are the inputs of `ropa build`.
type BuildOptions struct {
	// Dir is the model directory.
	Dir string
	// Out is the output directory.
	Out string
	// Only limits the build to the named output families.
	Only []string
	// Quiet suppresses the list of files written.
	Quiet bool
	// FrontMatter starts Markdown notices with YAML front matter.
	FrontMatter bool
	// Limits bound the evaluation of the model: --max-memory and --timeout.
	Limits LimitOptions
}

func newBuildCmd(streams IO, runF func(*BuildOptions) error) *cobra.Command {
	opts := &BuildOptions{}
	cmd := &cobra.Command{
		Use:   "build DIR",
		Short: "Render the notices and the register of a model",
		Long: `Build validates the model in DIR and renders every output into --out:
the privacy notices and the Article 30 register in each format.

Nothing is written unless the model validates and every output renders:
all files are rendered in memory first, then each is written to a
temporary file and renamed into place, so a failed build leaves no partial
file. Rebuilding the same model writes byte-identical files.

Build renders a model that validates even when the linter has findings:
it publishes what the model says. Gate publication on 'ropa check', as a
CI pipeline does, to keep a notice with legal gaps from going out.

Examples:
  ropa build examples/minimal --out out/minimal
  ropa build . --out public --only notice`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runBuild(opts, streams)
		},
	}
	var names []string
	for _, p := range producers {
		names = append(names, p.Name)
	}
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "out", "output `directory`")
	cmd.Flags().StringSliceVar(&opts.Only, "only", nil, "render only these output families: "+strings.Join(names, ", "))
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "do not list the files written")
	cmd.Flags().BoolVar(&opts.FrontMatter, "front-matter", false, "start Markdown notices with YAML front matter (title, date, version, lang) for Hugo, Jekyll and the like")
	addLimitFlags(cmd, &opts.Limits)
	return cmd
}

func runBuild(opts *BuildOptions, streams IO) error {
	selected, err := selectProducers(opts.Only)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	m, err := loadModel(opts.Dir, opts.Limits)
	if err != nil {
		return &ExitError{Code: err.(*ExitError).Code, Err: fmt.Errorf("%v\nropa build: nothing written", err)}
	}

	// Render everything in memory first: a failure writes nothing.
	type file struct {
		path string
		data []byte
	}
	var files []file
	seen := map[string]bool{}
	for _, p := range selected {
		arts, err := p.Render(m, render.Options{MarkdownFrontMatter: opts.FrontMatter})
		if err != nil {
			return &ExitError{Code: ExitFindings, Err: fmt.Errorf("ropa build: %s: %v\nnothing written", p.Name, err)}
		}
		for _, a := range arts {
			if seen[a.Path] {
				return &ExitError{Code: ExitUsage, Err: fmt.Errorf("ropa build: two outputs would write %s; nothing written", a.Path)}
			}
			seen[a.Path] = true
			var buf bytes.Buffer
			if err := a.Write(&buf); err != nil {
				return &ExitError{Code: ExitFindings, Err: fmt.Errorf("ropa build: %s: %v\nnothing written", a.Path, err)}
			}
			files = append(files, file{a.Path, buf.Bytes()})
			if !opts.Quiet {
				// Progress while rendering, which is the slow part.
				fmt.Fprintf(streams.Err, "rendered %s (%d bytes)\n", a.Path, buf.Len())
			}
		}
	}
	// Write every file to a temporary file beside its target first, and
	// rename them into place only when all are written: a failure on the
	// way (an unwritable directory, a directory where a file should go)
	// leaves every output as it was.
	var tmps, targets []string
	discard := func() {
		for _, t := range tmps {
			os.Remove(t)
		}
	}
	for _, f := range files {
		name := filepath.Join(opts.Out, filepath.FromSlash(f.path))
		tmp, err := writeTemp(name, f.data)
		if err != nil {
			discard()
			return &ExitError{Code: ExitUsage, Err: fmt.Errorf("ropa build: %v\nnothing written", err)}
		}
		tmps, targets = append(tmps, tmp), append(targets, name)
	}
	for i := range tmps {
		if err := os.Rename(tmps[i], targets[i]); err != nil {
			discard()
			return &ExitError{Code: ExitUsage, Err: fmt.Errorf("ropa build: %v", err)}
		}
	}
	fmt.Fprintf(streams.Err, "%s: %d files written to %s\n", opts.Dir, len(files), opts.Out)
	return nil
}

// selectProducers returns the producers named in only, or all of them.
func selectProducers(only []string) ([]render.Producer, error) {
	if len(only) == 0 {
		return producers, nil
	}
	byName := map[string]render.Producer{}
	var names []string
	for _, p := range producers {
		byName[p.Name] = p
		names = append(names, p.Name)
	}
	sort.Strings(names)
	var out []render.Producer
	for _, n := range only {
		p, ok := byName[n]
		if !ok {
			return nil, fmt.Errorf("ropa build: unknown output family %q for --only; choose from: %s", n, strings.Join(names, ", "))
		}
		out = append(out, p)
	}
	return out, nil
}

// writeAtomic writes data to name through a temporary file in the same
// directory and a rename, so a reader never sees a partial file.
func writeAtomic(name string, data []byte) error {
	tmp, err := writeTemp(name, data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	return os.Rename(tmp, name)
}

// writeTemp writes data to a new temporary file in the directory of name,
// creating the directory if need be, and returns the temporary file's
// name for the caller to rename to name. It fails, writing nothing, when
// name is a directory.
func writeTemp(name string, data []byte) (string, error) {
	if fi, err := os.Stat(name); err == nil && fi.IsDir() {
		return "", fmt.Errorf("%s is a directory; cannot write a file there", name)
	}
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return "", err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}
