package examples_test

import (
	"testing"

	"github.com/ropa-dev/ropa/internal/synth"
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/notice"
	"github.com/ropa-dev/ropa/render/register"
	"github.com/ropa-dev/ropa/ropa"
)

// TestProvenance walks every planned document (notices with their
// summaries, snippets and the register) of every example, of the silent
// record, of the facts record and of synthetic models, and fails on any statement that
// names neither a model field nor the law, or names a field the model does
// not declare anywhere up its path.
func TestProvenance(t *testing.T) {
	models := map[string]*ropa.Model{}
	for _, dir := range exampleDirs {
		m, err := ropa.Load(dir)
		if err != nil {
			t.Fatalf("Load(%s): %v", dir, err)
		}
		models[dir] = m
	}
	m, err := ropa.Load(silentDir)
	if err != nil {
		t.Fatal(err)
	}
	models["silent"] = m
	models["declared"] = loadWithDeclarations(t)
	if models["facts"], err = ropa.Load(factsDir); err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{1, 40} {
		m, err := ropa.LoadFiles(synth.Files(size, 8, 6))
		if err != nil {
			t.Fatalf("synth %d: %v", size, err)
		}
		models["synth"+string(rune('0'+size%10))] = m
	}
	for name, m := range models {
		docs := map[string]*doc.Document{"register": register.Plan(m)}
		for _, n := range m.NoticeList() {
			d, err := notice.Plan(m, n)
			if err != nil {
				t.Fatalf("%s: plan %s: %v", name, n.Key, err)
			}
			docs[n.Key] = d
			snips, err := notice.Snippets(m, n)
			if err != nil {
				t.Fatalf("%s: snippets of %s: %v", name, n.Key, err)
			}
			for _, sn := range snips {
				docs[notice.SnippetName(n.Key, sn.Activity)] = sn.Doc
			}
		}
		root := m.Positions.Of("schemaVersion")
		for key, d := range docs {
			sts := d.Statements()
			if len(sts) == 0 {
				t.Errorf("%s/%s: no statements", name, key)
			}
			for _, s := range sts {
				if s.Src.IsZero() {
					t.Errorf("%s/%s [%s] %s %q has no source", name, key, s.Section, s.Kind, s.Text)
				}
				for _, p := range s.Src.Paths {
					if pos := m.Positions.Of(p); !pos.IsValid() || (pos == root && p != "schemaVersion" && s.Src.Law == "") {
						t.Errorf("%s/%s [%s] %q: source %s has no position in the model", name, key, s.Section, s.Text, p)
					}
				}
			}
		}
	}
}
