package ropa

import (
	"encoding/json"

	"os"
	"path/filepath"
	"testing"
)

// TestFastPathMatchesSlowPath loads every example, and a model that spreads
// across files and imports a package, both ways: the fast path must be
// taken for a valid model and must decode exactly what the slow path does.
func TestFastPathMatchesSlowPath(t *testing.T) {
	dirs, _ := filepath.Glob("../examples/*")
	var cases [][]File
	for _, d := range dirs {
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() || filepath.Base(d) == "testdata" {
			continue
		}
		files, err := ReadDir(d)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, files)
	}
	cases = append(cases, []File{
		{Name: "a.cue", Data: []byte("package p\nimport \"strings\"\nschemaVersion: \"1\"\ncontroller: name: strings.ToUpper(_org)\n_org: \"x ltd\"\n")},
		{Name: "b.cue", Data: []byte("package p\nimport \"strings\"\nsubjects: people: name: strings.TrimSpace(\" People \")\n_common: {audiences: [\"all\"], subjects: [\"people\"]}\n")},
		{Name: "c.cue", Data: []byte("package p\nnotices: all: {title: \"N\", version: \"1\", lastUpdated: \"2025-01-01\"}\ncategories: c: name: \"C\"\nactivities: a: _common & {name: \"A\", purpose: \"P\", categories: [\"c\"], lawfulBases: [{basis: \"contract\"}]}\n")},
	})
	// Plain data spread over two files, sharing a basis through a hidden
	// field and `&`.
	cases = append(cases, []File{
		{Name: "x.cue", Data: []byte("package p\nschemaVersion: \"1\"\ncontroller: name: \"X\"\n_contract: {basis: \"contract\"}\nsubjects: people: name: \"People\"\nsources: pub: {name: \"Register\", kind: \"public\"}\n")},
		{Name: "y.cue", Data: []byte("package p\nnotices: all: {title: \"N\", version: \"1\", lastUpdated: \"2025-01-01\"}\ncategories: c: name: \"C\"\nactivities: a: {audiences: [\"all\"], subjects: [\"people\"]} & {name: \"A\", purpose: \"P\", categories: [\"c\"], sources: [\"pub\"], lawfulBases: [_contract], automation: decisions: false}\ncontroller: dpo: email: \"d@x.org\"\n")},
	})
	if len(cases) < 8 {
		t.Fatalf("found %d cases, want the six examples and the multi-file model", len(cases))
	}
	plain := map[string]bool{}
	for _, files := range cases {
		name := files[0].Name
		index := newASTIndex()
		syntax, diags := parseSources(files)
		if len(diags) > 0 {
			t.Fatal(diags)
		}
		if _, ok := plainJSON(syntax); ok {
			plain[name] = true
		}
		fast := loadValid(syntax, index)
		if fast == nil {
			t.Errorf("%s: the fast path did not load a valid model", name)
			continue
		}
		slowPathOnly = true
		slow, err := LoadFiles(files)
		slowPathOnly = false
		if err != nil {
			t.Fatalf("%s: slow path: %v", name, err)
		}
		fj, _ := json.Marshal(fast)
		sj, _ := json.Marshal(slow)
		if string(fj) != string(sj) {
			t.Errorf("%s: fast and slow paths decode different models:\nfast %s\nslow %s", name, fj, sj)
		}
	}
	// Plain data takes the syntax route; templates with defaults and
	// imported functions take the export route.
	for name, want := range map[string]bool{
		"../examples/minimal/model.cue": true, "x.cue": true,
		"a.cue": false, "../examples/whg/activities.cue": false,
	} {
		if plain[name] != want {
			t.Errorf("%s: read as plain data = %v, want %v", name, plain[name], want)
		}
	}
}
