package cmd

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"cuelang.org/go/cue/literal"
	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/ropa"
)

// TranslateOptions are the inputs of `ropa translate`.
type TranslateOptions struct {
	// Dir is the model directory.
	Dir string
	// Lang is the language tag of the translations, e.g. "cy".
	Lang string
	// Limits bound the evaluation of the model.
	Limits LimitOptions
}

func newTranslateCmd(streams IO, runF func(*TranslateOptions) error) *cobra.Command {
	opts := &TranslateOptions{}
	cmd := &cobra.Command{
		Use:   "translate DIR --lang LANG",
		Short: "Write the skeleton of a model's translations into another language",
		Long: `Translate prints, as CUE, every text of the model that the notices published
in LANG show (a notice lists LANG in its languages; with none, every
notice's texts), for a translator to fill in a file of its own such as
model.cy.cue, so that nobody touches the English model.

Each entry carries the text's model path, the English as a comment, and
"of", the fingerprint of the English it translates. Translations already in
the model are kept: one whose English has changed since is marked STALE
with the new fingerprint to set once it is translated again (until then
'ropa check' reports translation-stale); a text with no translation yet is
written commented out, so the file loads as it is.

Examples:
  ropa translate privacy --lang cy > privacy/model.cy.cue.new
  mv privacy/model.cy.cue.new privacy/model.cy.cue`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			return runTranslate(opts, streams)
		},
	}
	cmd.Flags().StringVar(&opts.Lang, "lang", "", "the `language` tag of the translations, e.g. cy")
	addLimitFlags(cmd, &opts.Limits)
	return cmd
}

func runTranslate(opts *TranslateOptions, streams IO) error {
	if opts.Lang == "" {
		return &ExitError{Code: ExitUsage, Err: fmt.Errorf("--lang is required: the language tag of the translations, e.g. --lang cy")}
	}
	m, err := loadModel(opts.Dir, opts.Limits)
	if err != nil {
		return err
	}
	return writeTranslations(streams.Out, m, opts.Lang)
}

// writeTranslations writes the translations skeleton of m into lang.
func writeTranslations(w io.Writer, m *ropa.Model, lang string) error {
	var notices []*ropa.Notice
	for _, n := range m.NoticeList() {
		for _, l := range n.Languages {
			if l == lang {
				notices = append(notices, n)
			}
		}
	}
	if len(notices) == 0 {
		notices = m.NoticeList()
	}
	texts := map[string]string{}
	for _, n := range notices {
		for _, t := range m.TextsOf(n) {
			texts[t.Path] = t.Text
		}
	}
	paths := make([]string, 0, len(texts))
	for p := range texts {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	have := m.Translations[lang]
	var b strings.Builder
	fmt.Fprintf(&b, "// Translations into %s of the texts the notices show, by model path.\n", lang)
	b.WriteString("// Translate each text and keep its \"of\": the fingerprint of the English it\n")
	b.WriteString("// translates. Written by `ropa translate`; run it again when the English changes.\n")
	fmt.Fprintf(&b, "package %s\n\ntranslations: %s: {\n", packageOf(m), ropa.CUELabel(lang))
	for _, p := range paths {
		en, fp := texts[p], ropa.Fingerprint(texts[p])
		fmt.Fprintf(&b, "\t// English: %s\n", oneLineComment(en))
		label := literal.String.Quote(p)
		switch t, ok := have[p]; {
		case !ok:
			fmt.Fprintf(&b, "\t// TODO(translate): %s: {text: \"\", of: %q}\n", label, fp)
		case t.Of != fp:
			fmt.Fprintf(&b, "\t// STALE: the English has changed; translate it again, then set of to %q\n", fp)
			fmt.Fprintf(&b, "\t%s: {text: %s, of: %q}\n", label, literal.String.Quote(t.Text), t.Of)
		default:
			fmt.Fprintf(&b, "\t%s: {text: %s, of: %q}\n", label, literal.String.Quote(t.Text), t.Of)
		}
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// packageOf is the package the model's files declare, so that the
// translations file joins it.
func packageOf(m *ropa.Model) string {
	if p := m.Package; p != "" {
		return p
	}
	return "model"
}

// oneLineComment makes text fit a line comment.
func oneLineComment(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
