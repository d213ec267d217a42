package diff

import (
	"os"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// edit replaces Old, which must occur exactly once, with New.
type edit struct{ Old, New string }

// baseSource is the text of testdata/base.cue.
func baseSource(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("testdata/base.cue")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// apply makes the edits to src, failing when one does not match once.
func apply(t testing.TB, src string, edits []edit) string {
	t.Helper()
	for _, e := range edits {
		if n := strings.Count(src, e.Old); n != 1 {
			t.Fatalf("edit %q matches %d times, want 1", e.Old, n)
		}
		src = strings.Replace(src, e.Old, e.New, 1)
	}
	return src
}

// load loads one file of CUE text named name.
func load(t testing.TB, name, src string) *ropa.Model {
	t.Helper()
	m, err := ropa.LoadFiles([]ropa.File{{Name: name, Data: []byte(src)}})
	if err != nil {
		t.Fatalf("%s does not load:\n%v", name, err)
	}
	return m
}

// diffEdits diffs the base model against the base with edits made.
func diffEdits(t testing.TB, edits ...edit) *Result {
	t.Helper()
	src := baseSource(t)
	return Diff(load(t, "./old.cue", src), load(t, "./new.cue", apply(t, src, edits)))
}

// summarise prints each change as "class kind key op field".
func summarise(r *Result) []string {
	out := make([]string, 0, len(r.Changes))
	for _, c := range r.Changes {
		out = append(out, strings.Join(strings.Fields(strings.Join(
			[]string{c.Class.String(), c.Kind, c.Key, string(c.Op), c.Field}, " ")), " "))
	}
	return out
}

func checkChanges(t *testing.T, r *Result, want []string) {
	t.Helper()
	got := summarise(r)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
