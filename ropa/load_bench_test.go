package ropa_test

import (
	"fmt"
	"testing"

	"github.com/ropa-dev/ropa/internal/synth"
	"github.com/ropa-dev/ropa/ropa"
)

// BenchmarkLoad measures loading (parse, schema unification, validation,
// decoding, position index and reference resolution) of synthetic models
// of growing size; ns/op should grow linearly with the activity count.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{500, 1000, 5000} {
		files := synth.Files(n, max(n/16, 1), max(n/10, 1))
		b.Run(fmt.Sprintf("activities=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ropa.LoadFiles(files); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
