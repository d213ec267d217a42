package notice

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/internal/golden"
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/lint"
)

// summaryWordLimit is the most words a notice's summary may have: about
// what one phone screen shows at a readable size.
const summaryWordLimit = 200

// exampleModels loads every example model.
func exampleModels(t testing.TB) map[string]*ropa.Model {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "model.cue"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	out := map[string]*ropa.Model{}
	for _, f := range dirs {
		dir := filepath.Dir(f)
		m, err := ropa.Load(dir)
		if err != nil {
			t.Fatalf("load %s: %v", dir, err)
		}
		out[filepath.Base(dir)] = m
	}
	return out
}

// TestSummary checks the first layer of every example notice: it opens
// the notice, fits the word limit, and each line links to a section the
// notice has, which it names by the section's standard place.
func TestSummary(t *testing.T) {
	for name, m := range exampleModels(t) {
		for _, n := range m.NoticeList() {
			d, err := Plan(m, n)
			if err != nil {
				t.Fatalf("%s/%s: %v", name, n.Key, err)
			}
			if len(d.Sections) == 0 || d.Sections[0].ID != IDSummary || !d.Sections[0].Summary {
				t.Fatalf("%s/%s: the notice does not open with its summary", name, n.Key)
			}
			s := d.Sections[0]
			words := doc.SectionWords(s)
			t.Logf("%s/%s: summary %d words; notice %d words", name, n.Key, words, d.WordCount())
			if words >= summaryWordLimit {
				t.Errorf("%s/%s: the summary has %d words, want fewer than %d", name, n.Key, words, summaryWordLimit)
			}
			have := map[string]bool{}
			d.Walk(func(s *doc.Section, _ int) { have[s.ID] = true })
			l, ok := s.Blocks[0].(*doc.List)
			if !ok || len(s.Blocks) != 1 {
				t.Fatalf("%s/%s: the summary is not one list", name, n.Key)
			}
			for i, it := range l.Items {
				ref := it[0].Ref
				if !strings.HasPrefix(ref, "#") || !have[ref[1:]] || ref == "#"+IDSummary {
					t.Errorf("%s/%s: summary line %d %q links to %q, not to a section of the notice", name, n.Key, i, doc.PlainText(it), ref)
				}
			}
		}
	}
}

// TestSummaryOnlyPresentSections checks, on the silent record, whose
// notices leave sections out, that a summary line is there exactly when
// its section is.
func TestSummaryOnlyPresentSections(t *testing.T) {
	m, err := ropa.Load(filepath.Join("..", "..", "testdata", "silent"))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range m.NoticeList() {
		d, err := Plan(m, n)
		if err != nil {
			t.Fatal(err)
		}
		have := map[string]bool{}
		d.Walk(func(s *doc.Section, _ int) { have[s.ID] = true })
		for _, it := range d.Sections[0].Blocks[0].(*doc.List).Items {
			if id := strings.TrimPrefix(it[0].Ref, "#"); !have[id] {
				t.Errorf("%s: summary line %q for missing section %s", n.Key, doc.PlainText(it), id)
			}
		}
		if have[IDSharing] == strings.Contains(dump(d), "(ref:#"+IDSharing+")") {
			continue
		}
		t.Errorf("%s: a sharing section without a summary line, or a line without the section", n.Key)
	}
}

// TestSnippetsGolden pins the plans of the minimal example's snippets,
// and checks every example's snippets: one per activity of the notice,
// every statement with a source, linking to the notice.
func TestSnippetsGolden(t *testing.T) {
	var b strings.Builder
	m := loadMinimal(t)
	for _, n := range m.NoticeList() {
		snips, err := Snippets(m, n)
		if err != nil {
			t.Fatal(err)
		}
		for _, sn := range snips {
			fmt.Fprintf(&b, "=== %s\n%s", SnippetName(n.Key, sn.Activity), dump(sn.Doc))
		}
	}
	golden.Check(t, "testdata/minimal-snippets.plan.txt", []byte(b.String()))

	for name, m := range exampleModels(t) {
		for _, n := range m.NoticeList() {
			snips, err := Snippets(m, n)
			if err != nil {
				t.Fatalf("%s/%s: %v", name, n.Key, err)
			}
			if len(snips) != len(m.ActivitiesFor(n)) {
				t.Errorf("%s/%s: %d snippets for %d activities", name, n.Key, len(snips), len(m.ActivitiesFor(n)))
			}
			for _, sn := range snips {
				linked := false
				for _, st := range sn.Doc.Statements() {
					if st.Src.IsZero() {
						t.Errorf("%s/%s: %q has no source", name, SnippetName(n.Key, sn.Activity), st.Text)
					}
				}
				for _, bl := range sn.Doc.Intro {
					if p, ok := bl.(*doc.Paragraph); ok {
						for _, r := range p.Text {
							linked = linked || r.Ref == n.Key
						}
					}
				}
				if !linked {
					t.Errorf("%s/%s: no link to the notice", name, SnippetName(n.Key, sn.Activity))
				}
			}
		}
	}
}

// TestLengthsAgree checks that notice-long states the reading time
// `ropa build` reports: the linter keeps its own copy of the reading
// speed, since it cannot import render/doc.
func TestLengthsAgree(t *testing.T) {
	for name, m := range exampleModels(t) {
		res := lint.Run(m, lint.Options{Notices: Facts, Phrasebooks: PhrasebookFacts})
		for _, s := range Lengths(m) {
			if s.Minutes != doc.ReadingMinutes(s.Words) {
				t.Errorf("%s/%s: %d minutes for %d words", name, s.Key, s.Minutes, s.Words)
			}
			for _, f := range res.Findings {
				if f.Rule == "notice-long" && strings.Contains(f.Message, fmt.Sprintf("%q", s.Key)) &&
					!strings.Contains(f.Message, fmt.Sprintf("about %d minutes", s.Minutes)) {
					t.Errorf("%s: %s, but build says %d minutes", name, f.Message, s.Minutes)
				}
			}
		}
	}
}
