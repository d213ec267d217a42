package diff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/internal/synth"
	"github.com/ropa-dev/ropa/ropa"
)

// Sizes of the benchmark models.
const (
	benchActivities = 5000
	benchCategories = 200
	benchRecipients = 100
	benchEdits      = 50
)

// benchFiles returns the synthetic model and a copy that differs in
// benchEdits places: purposes (notify) and names (editorial) of activities
// spread through the model.
func benchFiles(tb testing.TB) (old, new []ropa.File) {
	src := synth.Source(benchActivities, benchCategories, benchRecipients)
	edited := src
	step := benchActivities / benchEdits
	for n := range benchEdits {
		i := n * step
		var from, to string
		if n%2 == 0 {
			from = fmt.Sprintf("synthetic purpose number %d for", i)
			to = fmt.Sprintf("synthetic purpose number %d, and another, for", i)
		} else {
			from = fmt.Sprintf("name: \"Activity %d\"\n", i)
			to = fmt.Sprintf("name: \"Activity %d renamed\"\n", i)
		}
		if strings.Count(edited, from) != 1 {
			tb.Fatalf("edit %q does not match once", from)
		}
		edited = strings.Replace(edited, from, to, 1)
	}
	return []ropa.File{{Name: "old.cue", Data: []byte(src)}}, []ropa.File{{Name: "new.cue", Data: []byte(edited)}}
}

func loadBench(tb testing.TB, files []ropa.File) *ropa.Model {
	m, err := ropa.LoadFiles(files)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// BenchmarkDiff5000 diffs two 5,000-activity models that differ in 50
// places; the models are loaded once, outside the timer.
func BenchmarkDiff5000(b *testing.B) {
	oldFiles, newFiles := benchFiles(b)
	old, new := loadBench(b, oldFiles), loadBench(b, newFiles)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r := Diff(old, new)
		if len(r.Changes) != benchEdits || r.Count(Notify) != benchEdits/2 {
			b.Fatalf("%d changes, %d notify; want %d, %d", len(r.Changes), r.Count(Notify), benchEdits, benchEdits/2)
		}
	}
}

// BenchmarkLoad5000 loads the two models BenchmarkDiff5000 compares, for
// scale.
func BenchmarkLoad5000(b *testing.B) {
	oldFiles, newFiles := benchFiles(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		loadBench(b, oldFiles)
		loadBench(b, newFiles)
	}
}
