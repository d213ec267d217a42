package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ropa-dev/ropa/internal/synth"
)

// benchServer writes a synthetic model of n activities into a temporary
// directory and returns a server of it and the model file.
func benchServer(b *testing.B, n int) (*Server, string) {
	b.Helper()
	dir := b.TempDir()
	file := filepath.Join(dir, "model.cue")
	if err := os.WriteFile(file, []byte(synth.Source(n, max(n/16, 1), max(n/10, 1))), 0o644); err != nil {
		b.Fatal(err)
	}
	s, err := New(Options{Dir: dir, Now: fixedNow})
	if err != nil {
		b.Fatal(err)
	}
	if _, fail, _ := s.state(); fail != nil {
		b.Fatalf("the synthetic model does not render: %s", fail.summary())
	}
	return s, file
}

// BenchmarkSave200 is what a person waits for after saving a file of a
// 200-activity model: the watcher's debounce (50 ms), loading, linting,
// planning and rendering every notice and the register, and the event
// that tells the page to reload. The target is under 150 ms an op.
func BenchmarkSave200(b *testing.B) {
	s, file := benchServer(b, 200)
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx)
	ch, unsubscribe := s.events.subscribe()
	defer unsubscribe()
	time.Sleep(100 * time.Millisecond) // the watcher adds the directory
	variants := [2][]byte{src, []byte(strings.Replace(string(src), "Synthetic Housing Limited", "Synthetic Homes Limited", 1))}
	i := 0
	for b.Loop() {
		i++
		if err := os.WriteFile(file, variants[i%2], 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case <-ch:
		case <-time.After(10 * time.Second):
			b.Fatal("no event within 10s of a save")
		}
	}
	b.StopTimer()
	if gen, saves := s.Generation(), uint64(i)+1; gen > saves+1 {
		b.Logf("%d renders for %d saves", gen, saves)
	}
}

// BenchmarkRebuild200 is the render alone, without the debounce.
func BenchmarkRebuild200(b *testing.B) {
	s, _ := benchServer(b, 200)
	for b.Loop() {
		s.Rebuild()
	}
}
