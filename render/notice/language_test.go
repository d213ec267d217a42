package notice

import (
	"github.com/ropa-dev/ropa/render/doc"
	"strings"
	"testing"
)

// TestPhrasebooksComplete holds every language's phrasebook to the
// English: the same keys, no placeholder the English phrase lacks, no
// empty phrase, and a _meta entry naming its language.
func TestPhrasebooksComplete(t *testing.T) {
	if booksErr != nil {
		t.Fatal(booksErr)
	}
	en := books["en"]
	if !en.meta.Source || !en.meta.IsReviewed() {
		t.Errorf("phrases.json: _meta should mark the English as the source: %+v", en.meta)
	}
	if len(books) < 2 {
		t.Fatalf("want a phrasebook besides English, have %v", Languages())
	}
	for lang, b := range books {
		if lang == "en" {
			continue
		}
		if b.meta.Language != lang || b.meta.Name == "" || b.meta.Source {
			t.Errorf("phrases.%s.json: _meta %+v: want language %q, a name, and not the source", lang, b.meta, lang)
		}
		for k, enText := range en.text {
			s, ok := b.text[k]
			if !ok {
				t.Errorf("phrases.%s.json lacks %q", lang, k)
				continue
			}
			if strings.TrimSpace(s) == "" {
				t.Errorf("phrases.%s.json: %q is empty", lang, k)
			}
			allowed := map[string]bool{}
			for _, p := range placeholders(enText) {
				allowed[p] = true
			}
			for _, p := range placeholders(s) {
				if !allowed[p] {
					t.Errorf("phrases.%s.json: %q uses {%s}, which the English lacks", lang, k, p)
				}
			}
		}
		for k := range b.text {
			if _, ok := en.text[k]; !ok {
				t.Errorf("phrases.%s.json has %q, which the English lacks", lang, k)
			}
		}
	}
}

// TestLayoutPhrasesMatchDefaults holds the English layout.* phrases equal
// to the labels a document without its own uses, so that the register
// and the notices lay out the same words.
func TestLayoutPhrasesMatchDefaults(t *testing.T) {
	for k, v := range docDefaultLabels() {
		if got, _ := DefaultPhrase("layout." + k); got != v {
			t.Errorf("layout.%s = %q, doc.DefaultLabels says %q", k, got, v)
		}
	}
}

func TestWelshConjunction(t *testing.T) {
	tests := []struct{ next, and, after string }{
		{"eraill", " ac ", "eraill"},
		{"ôl-ddyledion", " ac ", "ôl-ddyledion"},
		{"Amazon", " ac ", "Amazon"},
		{"wyth mis", " ac ", "wyth mis"},
		{"ymchwil", " ac ", "ymchwil"},
		{"8 arall", " ac ", "8 arall"},
		{"12 arall", " ac ", "12 arall"},
		{"85 arall", " ac ", "85 arall"},
		{"3 arall", " a ", "3 arall"},
		{"150 arall", " a ", "150 arall"},
		{"ei dileu", " a'i ", "dileu"},
		{"eich teulu", " a'ch ", "teulu"},
		{"y tenantiaid", " a'r ", "tenantiaid"},
		{"yr aelwyd", " a'r ", "aelwyd"},
		{"cwynion", " a ", "chwynion"},
		{"plant", " a ", "phlant"},
		{"tenantiaid", " a ", "thenantiaid"},
		{"chwaraeon", " a ", "chwaraeon"},
		{"Cyngor Caerdydd", " a ", "Cyngor Caerdydd"},
		{"data ariannol", " a ", "data ariannol"},
		{"", " a ", ""},
	}
	for _, tt := range tests {
		and, after := welshConj(tt.next)
		if and != tt.and || after != tt.after {
			t.Errorf("welshConj(%q) = %q, %q; want %q, %q", tt.next, and, after, tt.and, tt.after)
		}
	}
}

func TestJoinListWelsh(t *testing.T) {
	ph, err := newPhrasebookIn("cy")
	if err != nil {
		t.Fatal(err)
	}
	p := &planner{lang: "cy", ph: ph}
	for _, tt := range []struct {
		items []string
		want  string
	}{
		{[]string{"rhent", "eraill"}, "rhent ac eraill"},
		{[]string{"gweld eich gwybodaeth", "ei chywiro", "ei dileu"}, "gweld eich gwybodaeth, ei chywiro a'i dileu"},
		{[]string{"enw", "cyfeiriad", "cwynion"}, "enw, cyfeiriad a chwynion"},
	} {
		if got := p.joinList(tt.items); got != tt.want {
			t.Errorf("joinList(%q) = %q, want %q", tt.items, got, tt.want)
		}
	}
	if got := p.date("2025-04-01"); got != "1 Ebrill 2025" {
		t.Errorf("date = %q, want 1 Ebrill 2025", got)
	}
	if got := p.date("2025-12"); got != "Rhagfyr 2025" {
		t.Errorf("month = %q, want Rhagfyr 2025", got)
	}
	en, _ := newPhrasebookIn("en")
	pe := &planner{ph: en}
	if got := pe.joinList([]string{"rent", "arrears", "others"}); got != "rent, arrears and others" {
		t.Errorf("English joinList = %q", got)
	}
}

func docDefaultLabels() map[string]string { return doc.DefaultLabels }
