package register

import (
	"bytes"
	"testing"

	"github.com/ropa-dev/ropa/internal/synth"
	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/ropa"
)

// BenchmarkRegister5000 renders each file of the register of a synthetic
// 5,000-activity model (300 categories, 500 recipients, as make
// bench-check builds), one sub-benchmark a file, after planning it as
// `ropa build` does. Loading the model is outside the timed part.
func BenchmarkRegister5000(b *testing.B) {
	m, err := ropa.LoadFiles(synth.Files(5000, 300, 500))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("artifacts", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Producer.Artifacts(m, render.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	arts, err := Producer.Artifacts(m, render.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range arts {
		b.Run(a.Path, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var buf bytes.Buffer
				if err := a.Write(&buf); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(buf.Len()))
			}
		})
	}
}

// BenchmarkTables5000 builds the register's tables of the same model.
func BenchmarkTables5000(b *testing.B) {
	m, err := ropa.LoadFiles(synth.Files(5000, 300, 500))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Controller(m)
		Processor(m)
		Contacts(m)
	}
}
