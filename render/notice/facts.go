package notice

import (
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/lint"
)

// Facts plans notice n of model m and returns what the lint rules about a
// notice's text need (its word count and its sections' titles), and false
// when the notice cannot be planned (Problems says why). `ropa check`
// passes it to the linter as lint.Options.Notices, which is how rules the
// linter owns (notice-long, notice-section-duplicate) see the rendered
// notice without the linter importing the renderer.
func Facts(m *ropa.Model, n *ropa.Notice) (lint.NoticeFacts, bool) {
	d, err := Plan(m, n)
	if err != nil {
		return lint.NoticeFacts{}, false
	}
	f := lint.NoticeFacts{Words: d.WordCount()}
	prefix := "notices." + n.Key + ".sections["
	d.Walk(func(s *doc.Section, _ int) {
		sf := lint.SectionFact{Title: s.Title}
		for _, p := range s.Src.Paths {
			if strings.HasPrefix(p, prefix) && strings.HasSuffix(p, "].title") {
				sf.Path = strings.TrimSuffix(p, ".title")
			}
		}
		f.Sections = append(f.Sections, sf)
	})
	return f, true
}

// Stats is a notice's length as `ropa build` reports it.
type Stats struct {
	// Key is the notice's key.
	Key string
	// Words is the number of words of the notice as rendered.
	Words int
	// Minutes is the reading time at doc.WordsPerMinute, rounded up.
	Minutes int
	// Budget is the notice's word budget.
	Budget int
}

// Lengths plans every notice of m and returns its length, in the model's
// order; a notice that cannot be planned is left out.
func Lengths(m *ropa.Model) []Stats {
	if m == nil {
		return nil
	}
	var out []Stats
	for _, n := range m.NoticeList() {
		d, err := Plan(m, n)
		if err != nil {
			continue
		}
		w := d.WordCount()
		out = append(out, Stats{Key: n.Key, Words: w, Minutes: doc.ReadingMinutes(w), Budget: n.Budget()})
	}
	return out
}

// PhrasebookFacts tells the linter what the phrasebook of language lang
// says of its review, as lint.Options.Phrasebooks asks: `ropa check`
// passes it, so that a notice published in a language whose standard
// wording no fluent speaker has reviewed draws phrasebook-unreviewed.
func PhrasebookFacts(lang string) (lint.Phrasebook, bool) {
	m, ok := Phrasebook(lang)
	if !ok {
		return lint.Phrasebook{}, false
	}
	return lint.Phrasebook{Source: m.Source, ReviewedBy: m.ReviewedBy, Reviewed: m.Reviewed}, true
}
