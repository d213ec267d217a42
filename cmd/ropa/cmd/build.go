package cmd

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/render/export"
	"github.com/ropa-dev/ropa/render/notice"
	"github.com/ropa-dev/ropa/render/pdf"
	"github.com/ropa-dev/ropa/render/register"
	"github.com/ropa-dev/ropa/ropa/lint"
	"github.com/ropa-dev/ropa/ropa/lint/report"
)

// producers are the output families `ropa build` renders, in order.
var producers = []render.Producer{notice.Producer, register.Producer, export.Producer}

// BuildOptions are the inputs of `ropa build`.
type BuildOptions struct {
	// Dir is the model directory.
	Dir string
	// Out is the directory of the public outputs: the notices.
	Out string
	// Internal is the directory of the internal records (the register, the
	// JSON export, traces); empty leaves them unwritten.
	Internal string
	// FailOn refuses to write anything when the model has lint findings
	// at this severity or above ("none": never).
	FailOn string
	// Only limits the build to the named output families.
	Only []string
	// Quiet suppresses the list of files written.
	Quiet bool
	// FrontMatter starts Markdown notices with YAML front matter.
	FrontMatter bool
	// Trace writes each document's provenance beside it.
	Trace bool
	// PDFFont and PDFFontBold are TrueType font files to set PDFs in
	// instead of the embedded Go fonts; PDFFontBold needs PDFFont.
	PDFFont, PDFFontBold string
	// Limits bound the evaluation of the model: --max-memory and --timeout.
	Limits LimitOptions
}

func newBuildCmd(streams IO, runF func(*BuildOptions) error) *cobra.Command {
	opts := &BuildOptions{}
	cmd := &cobra.Command{
		Use:   "build DIR",
		Short: "Render the notices and the register of a model",
		Long: `Build validates the model in DIR and renders its outputs, keeping what is
for the public apart from what is for the organisation:

  --out DIR       public: the privacy notices, for a website
                  <notice>.html          a complete page
                  <notice>.fragment.html an <article> for a site template
                  <notice>.md            Markdown (--front-matter for Hugo, Jekyll)
                  <notice>.pdf           PDF
                  <notice>.<activity>.snippet.html, .snippet.md
                                         just-in-time notices to put beside the
                                         form that collects the data, for a
                                         notice with snippets: true
  --internal DIR  internal records, never to be published (left unwritten
                  when --internal is not given)
                  register.html .md .pdf .csv .xlsx   the Article 30 register
                  processor-register.csv              Article 30(2), if kept
                  model.json                          the JSON export
                  <name>.trace.json                   with --trace

--internal may not be --out or a directory inside it, so a publish step
that copies --out can never pick up the register. Build ends with one line
saying what was written and what the linter found; --fail-on error (or
warning, info) refuses to write anything when the model has findings at
that level, as a seat belt; 'ropa check' stays the gate.

Each notice opens with a summary that links to its sections. Unless
--quiet, build prints each notice's word count and reading time, one line
a notice, noting a notice over its word budget (notices.<key>.wordBudget,
default 2,500 words).

Nothing is written unless the model validates and every output renders:
all files are rendered in memory first. They are then written to a
staging directory inside --out (.ropa-stage-*) and swapped in one by one,
each file they replace moved aside first. If a swap fails (a file locked
by another program, say), every file is put back as it was and the error
says so; if even that fails, the error lists each file that is from this
build or missing, and where its previous version was kept (a staging
directory kept so is reported by later builds, never deleted). Files are
created with mode 0666 less your umask. Rebuilding the same model writes
byte-identical files.

Build records the files it wrote, with their output family and SHA-256,
in --out/.ropa-manifest.json. The next build removes the outputs it no
longer produces (those of a removed or renamed notice) and nothing else:
a file it did not write, or one edited since, stays. --only builds leave
the outputs of the other families alone.

Only one build at a time may write into a directory: a build takes a lock
on --out (flock on the directory; where there is no flock, the file
--out/.ropa.lock, which a crashed build can leave behind) and fails at
once, writing nothing, when another build holds it.

Dates: PDF creation and modification dates and the XLSX document
properties carry one date, by one rule: the document's own date (a
notice's lastUpdated; for the register, the newest history date, else the
latest lastUpdated), else SOURCE_DATE_EPOCH when it lies within 1980-9999,
else 1980-01-01. The clock is never read.

Warnings, on stderr, do not fail the build: a register cell longer than
the 32,767 characters Excel holds is cut in register.xlsx with a visible
note at its end (register.csv keeps the whole text); a character the PDF
font cannot draw (with the embedded Go fonts: Hebrew, Arabic, CJK, emoji,
many symbols such as ✓) is printed as [U+XXXX], and the warning names
the notice and the model field it comes from.

PDF fonts: --pdf-font FILE.ttf sets every PDF in a TrueType font of your
choice, with --pdf-font-bold for its bold (else the regular font serves
for bold too). The file must be a TrueType (.ttf) font, not CFF OpenType
(.otf), a collection (.ttc) or WOFF; a missing, unreadable or unusable
file is an error, and nothing is written. The font is embedded (subset)
in each PDF, so check that its licence allows that. The PDF writer draws
each character's glyph but neither reorders right-to-left text (Hebrew,
Arabic) nor joins Arabic letters: for those scripts publish the HTML.

Build renders a model that validates even when the linter has findings:
it publishes what the model says. Gate publication on 'ropa check', as a
CI pipeline does, to keep a notice with legal gaps from going out.

Every sentence of a notice comes from a fact in the model, a declared
"none", or the law; where the model is silent the notice says nothing, and
'ropa check' reports the gap. --trace writes, beside each notice and the
register, <name>.trace.json: each statement with the model fields (and
their file:line:col) or the law it comes from.

Examples:
  ropa build privacy --out public
  ropa build privacy --out public --internal records --fail-on error
  ropa build . --out public --only notice
  ropa build . --out review --trace
  ropa build . --out public --pdf-font /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
      --pdf-font-bold /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf`,
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
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "out", "`directory` of the public outputs: the notices")
	cmd.Flags().StringVar(&opts.Internal, "internal", "", "`directory` of the internal records: the register, the JSON export, traces (not written without it)")
	enumFlag(cmd, &opts.FailOn, "fail-on", "", "none", []string{"error", "warning", "info", "none"}, "write nothing when the model has lint findings of this `severity` or higher")
	cmd.Flags().StringSliceVar(&opts.Only, "only", nil, "render only these output families: "+strings.Join(names, ", "))
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "do not list the files written")
	cmd.Flags().BoolVar(&opts.Trace, "trace", false, "also write <document>.trace.json: each statement with the model fields (file:line:col) or the law it comes from")
	cmd.Flags().StringVar(&opts.PDFFont, "pdf-font", "", "set PDFs in this TrueType `font` (.ttf) instead of the embedded Go fonts, for scripts they lack")
	cmd.Flags().StringVar(&opts.PDFFontBold, "pdf-font-bold", "", "the bold TrueType `font` to go with --pdf-font (default: --pdf-font for bold too)")
	cmd.Flags().BoolVar(&opts.FrontMatter, "front-matter", false, "start Markdown notices with YAML front matter (title, date, version, lang) for Hugo, Jekyll and the like")
	addLimitFlags(cmd, &opts.Limits)
	return cmd
}

func runBuild(opts *BuildOptions, streams IO) error {
	selected, err := selectProducers(opts.Only)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: err}
	}
	var fonts *pdf.Fonts
	switch {
	case opts.PDFFont != "":
		if fonts, err = pdf.LoadFonts(opts.PDFFont, opts.PDFFontBold); err != nil {
			return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--pdf-font: %v\nnothing written", err)}
		}
	case opts.PDFFontBold != "":
		return &ExitError{Code: ExitUsage, Err: errors.New("--pdf-font-bold needs --pdf-font, the regular font to go with it\nnothing written")}
	}
	m, err := loadModel(opts.Dir, opts.Limits)
	if err == nil {
		err = outputCollisions(m, selected)
	}
	if err != nil {
		// The model's problems, then that nothing was written.
		code, diags := ExitUsage, err
		if ee := (*ExitError)(nil); errors.As(err, &ee) {
			code, diags = ee.Code, ee.Diagnostics
		}
		return &ExitError{Code: code, Diagnostics: diags, Err: errors.New("nothing written")}
	}
	if err := checkOutDirs(opts, selected); err != nil {
		return err
	}
	failOn, err := parseFailOn(opts.FailOn)
	if err != nil {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--fail-on: %v", err)}
	}
	findings := lint.Run(m, lint.Options{})
	if findings.Fails(failOn) {
		return &ExitError{Code: ExitFindings, Err: fmt.Errorf(
			"the model has lint findings at --fail-on %s or above (%s); nothing written\n    hint: 'ropa check %s' lists them",
			opts.FailOn, report.Summary(findings), opts.Dir)}
	}

	defer holdFootprint()()
	// Render everything in memory first: a failure writes nothing. The
	// families are planned one after the other, then every file is
	// written side by side (render.WriteAll); what is reported (progress,
	// warnings, the first failure) comes in the order of the files, as if
	// they had been written one by one.
	var (
		warnMu   sync.Mutex
		warnings []render.Warning
	)
	ropts := render.Options{
		MarkdownFrontMatter: opts.FrontMatter,
		Warn: func(w render.Warning) {
			warnMu.Lock()
			defer warnMu.Unlock()
			warnings = append(warnings, w)
		},
		PDFFonts: fonts,
		Trace:    opts.Trace,
	}
	type job struct {
		art      render.Artifact
		family   string
		internal bool
	}
	var jobs []job
	var families []string
	// stop is the first failure met while listing the files: the files
	// listed before it are written and reported, then it is returned.
	var stop error
	seen := map[string]bool{}
list:
	for _, p := range selected {
		if p.Internal && opts.Internal == "" {
			continue // internal records go nowhere without --internal
		}
		families = append(families, p.Name)
		arts, err := p.Render(m, ropts)
		if err != nil {
			stop = &ExitError{Code: ExitFindings, Err: fmt.Errorf("%s: %v\nnothing written", p.Name, err)}
			break
		}
		for _, a := range arts {
			if seen[a.Path] {
				stop = &ExitError{Code: ExitUsage, Err: fmt.Errorf("two outputs would write %s; nothing written", a.Path)}
				break list
			}
			if !validOutPath(a.Path) {
				stop = &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: output path %q is not a file name inside --out; nothing written", p.Name, a.Path)}
				break list
			}
			seen[a.Path] = true
			if a.Internal && opts.Internal == "" {
				continue
			}
			jobs = append(jobs, job{art: a, family: p.Name, internal: p.Internal || a.Internal})
		}
	}
	arts := make([]render.Artifact, len(jobs))
	for i, j := range jobs {
		arts[i] = j.art
	}
	failed := false
	written := render.WriteAll(arts, 0, func(i int, w render.Written) {
		failed = failed || w.Err != nil
		if !opts.Quiet && !failed {
			// Progress while rendering, which is the slow part.
			fmt.Fprintf(streams.Err, "rendered %s (%d bytes)\n", arts[i].Path, len(w.Data))
		}
	})
	var files, internal []outFile
	for i, w := range written {
		if w.Err != nil {
			return &ExitError{Code: ExitFindings, Err: fmt.Errorf("%s: %v\nnothing written", arts[i].Path, w.Err)}
		}
		f := outFile{path: arts[i].Path, family: jobs[i].family, data: w.Data}
		if jobs[i].internal {
			internal = append(internal, f)
		} else {
			files = append(files, f)
		}
	}
	if stop != nil {
		return stop
	}
	// Each file's warnings together, in the order of the files; within a
	// file, in the order its Write sent them.
	rank := make(map[string]int, len(arts))
	for i, a := range arts {
		rank[a.Path] = i
	}
	at := func(w render.Warning) int {
		if r, ok := rank[w.Path]; ok {
			return r
		}
		return len(arts)
	}
	sort.SliceStable(warnings, func(i, j int) bool { return at(warnings[i]) < at(warnings[j]) })
	glyphs := false
	for _, w := range warnings {
		fmt.Fprintf(streams.Err, "ropa build: warning: %s\n", w)
		glyphs = glyphs || strings.Contains(w.Message, "no glyph in the PDF font")
	}
	if glyphs {
		hint := "give --pdf-font a TrueType font that has these characters (DejaVu Sans or Noto Sans, say)"
		if opts.PDFFont != "" {
			hint = "the --pdf-font font lacks these characters; choose one that has them"
		}
		fmt.Fprintf(streams.Err, "ropa build: hint: %s\n", hint)
	}
	// The internal records first: if the public swap then fails, nothing
	// new has been published.
	var wrote []string
	var removed int
	for _, dest := range []struct {
		dir   string
		files []outFile
		what  string
	}{{opts.Internal, internal, "internal"}, {opts.Out, files, "public"}} {
		if dest.dir == "" || (len(dest.files) == 0 && dest.what == "internal") {
			continue
		}
		res, err := publish(dest.dir, dest.files, families)
		for _, w := range res.warnings {
			fmt.Fprintf(streams.Err, "ropa build: warning: %s\n", w)
		}
		if err != nil {
			msg := err.Error()
			if !strings.Contains(msg, "nothing written") && !strings.Contains(msg, "mixes two builds") {
				msg += "\nnothing written to " + dest.dir
			}
			return &ExitError{Code: ExitUsage, Err: errors.New(msg)}
		}
		for _, r := range res.removed {
			if !opts.Quiet {
				fmt.Fprintf(streams.Err, "removed %s (no longer produced)\n", filepath.Join(dest.dir, filepath.FromSlash(r)))
			}
		}
		removed += len(res.removed)
		wrote = append(wrote, fmt.Sprintf("%d %s files to %s", len(dest.files), dest.what, dest.dir))
	}
	if !opts.Quiet && slices.Contains(families, notice.Producer.Name) {
		for _, s := range notice.Lengths(m) {
			fmt.Fprintln(streams.Err, noticeLength(s))
		}
	}
	summary := fmt.Sprintf("%s: wrote %s", opts.Dir, strings.Join(wrote, " and "))
	if removed > 0 {
		summary += fmt.Sprintf(", removed %d no longer produced", removed)
	}
	if opts.Internal == "" && hasInternal(selected) {
		summary += "; the internal records (register, export) were not written: give --internal DIR"
	}
	fmt.Fprintln(streams.Err, summary)
	fmt.Fprintf(streams.Err, "%s: lint: %s\n", opts.Dir, report.Summary(findings))
	return nil
}

// hasInternal reports whether any of the producers makes internal records.
func hasInternal(ps []render.Producer) bool {
	for _, p := range ps {
		if p.Internal {
			return true
		}
	}
	return false
}

// checkOutDirs refuses an --internal that the public --out would publish
// (the same directory, or one inside it), and an --only that asks only for
// internal records without saying where they go.
func checkOutDirs(opts *BuildOptions, selected []render.Producer) error {
	if opts.Internal != "" {
		out, err1 := filepath.Abs(opts.Out)
		in, err2 := filepath.Abs(opts.Internal)
		if err1 == nil && err2 == nil {
			if rel, err := filepath.Rel(out, in); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
				return &ExitError{Code: ExitUsage, Err: fmt.Errorf(
					"--internal %s is inside --out %s, which is for publishing; keep the internal records apart, e.g. --out public --internal records",
					opts.Internal, opts.Out)}
			}
		}
		return nil
	}
	if len(opts.Only) > 0 {
		for _, p := range selected {
			if !p.Internal {
				return nil
			}
		}
		return &ExitError{Code: ExitUsage, Err: errors.New("--only names internal records only; say where they go with --internal DIR (never a directory you publish)")}
	}
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
	chosen := map[string]bool{}
	for _, n := range only {
		n = strings.TrimSpace(n)
		p, ok := byName[n]
		if !ok {
			return nil, fmt.Errorf("unknown output family %q for --only; choose from: %s", n, strings.Join(names, ", "))
		}
		// A family named twice renders once: --only notice,notice is
		// --only notice, not two families writing the same files.
		if !chosen[n] {
			chosen[n] = true
			out = append(out, p)
		}
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
	// Not os.CreateTemp, which makes the file 0600: the file is created
	// 0666 and the umask decides, as for any file a tool writes.
	for {
		tmp := filepath.Join(dir, "."+filepath.Base(name)+".tmp"+randomSuffix())
		err := writeNew(tmp, data)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			os.Remove(tmp)
			return "", err
		}
		return tmp, nil
	}
}

// noticeLength is the line `ropa build` reports a notice's length in:
// "notice tenants: 1,776 words, about 9 minutes' reading", with a note
// when the notice runs past its word budget.
func noticeLength(s notice.Stats) string {
	unit := "minutes"
	if s.Minutes == 1 {
		unit = "minute"
	}
	line := fmt.Sprintf("notice %s: %s words, about %d %s' reading", s.Key, commas(s.Words), s.Minutes, unit)
	if s.Words > s.Budget {
		line += fmt.Sprintf(" (over its budget of %s words: see notice-long in ropa check)", commas(s.Budget))
	}
	return line
}

// commas writes n with commas between thousands: 12,345.
func commas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
