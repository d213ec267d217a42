package lint_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/ropa-dev/ropa/internal/synth"
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/lint"
)

// benchLint lints a synthetic model of n activities; loading is outside
// the timer. Compare BenchmarkLint500 with BenchmarkLint5000 to see that
// linting grows linearly with the model.
func benchLint(b *testing.B, n int) {
	m, err := ropa.LoadFiles(synth.Files(n, n/10+1, n/20+1))
	if err != nil {
		b.Fatal(err)
	}
	opts := lint.Options{Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
	// Collect the loader's garbage now, so the timer measures linting.
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		lint.Run(m, opts)
	}
}

// BenchmarkLint500 lints 500 activities.
func BenchmarkLint500(b *testing.B) { benchLint(b, 500) }

// BenchmarkLint5000 lints 5,000 activities.
func BenchmarkLint5000(b *testing.B) { benchLint(b, 5000) }
