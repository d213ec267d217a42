package notice

import (
	"bytes"
	"github.com/ropa-dev/ropa/render"
	"testing"

	"github.com/ropa-dev/ropa/internal/synth"
	"github.com/ropa-dev/ropa/ropa"
)

// BenchmarkRenderNotice5000 plans and renders the notice of a synthetic
// 5,000-activity model (one audience) into HTML, the HTML fragment,
// Markdown and PDF. Loading the model is outside the timed part.
func BenchmarkRenderNotice5000(b *testing.B) {
	m, err := ropa.LoadFiles(synth.Files(5000, 200, 100))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		arts, err := Producer.Artifacts(m, render.Options{})
		if err != nil {
			b.Fatal(err)
		}
		total := 0
		for _, a := range arts {
			var buf bytes.Buffer
			if err := a.Write(&buf); err != nil {
				b.Fatalf("%s: %v", a.Path, err)
			}
			total += buf.Len()
			b.ReportMetric(float64(buf.Len()), a.Path[len("all"):]+"-bytes")
		}
		b.ReportMetric(float64(total), "total-bytes")
	}
}

// BenchmarkPlan5000 measures the planner alone on the same model.
func BenchmarkPlan5000(b *testing.B) {
	m, err := ropa.LoadFiles(synth.Files(5000, 200, 100))
	if err != nil {
		b.Fatal(err)
	}
	n := m.Notices["all"]
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Plan(m, n); err != nil {
			b.Fatal(err)
		}
	}
}
