package render_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/render/export"
	"github.com/ropa-dev/ropa/render/notice"
	"github.com/ropa-dev/ropa/render/register"
	"github.com/ropa-dev/ropa/ropa"
)

// TestWriteAllOrder wants every artifact's bytes in the order given, and
// done called once per artifact in that order, whatever order they finish
// in; an error and a panic come back as that artifact's error.
func TestWriteAllOrder(t *testing.T) {
	slow := func(s string, d time.Duration) func(io.Writer) error {
		return func(w io.Writer) error {
			time.Sleep(d)
			_, err := io.WriteString(w, s)
			return err
		}
	}
	arts := []render.Artifact{
		{Path: "a.html", Write: slow("a", 30*time.Millisecond)},
		{Path: "b.pdf", Write: slow("b", 10*time.Millisecond)},
		{Path: "c.md", Write: func(io.Writer) error { return errors.New("no") }},
		{Path: "d.xlsx", Write: func(io.Writer) error { panic("boom") }},
		{Path: "e.csv", Write: slow("e", 0)},
		{Path: "f.csv"},
	}
	for _, workers := range []int{0, 1, 2, 8} {
		var got []int
		var mu sync.Mutex
		out := render.WriteAll(arts, workers, func(i int, _ render.Written) {
			mu.Lock()
			defer mu.Unlock()
			got = append(got, i)
		})
		if len(got) != len(arts) {
			t.Fatalf("workers %d: done called for %v, want every artifact", workers, got)
		}
		for i, g := range got {
			if g != i {
				t.Fatalf("workers %d: done called in order %v", workers, got)
			}
		}
		for i, want := range []string{"a", "b", "", "", "e", ""} {
			if string(out[i].Data) != want {
				t.Errorf("workers %d: %s = %q, want %q", workers, arts[i].Path, out[i].Data, want)
			}
		}
		for _, i := range []int{2, 3, 5} {
			if out[i].Err == nil {
				t.Errorf("workers %d: %s: no error", workers, arts[i].Path)
			}
		}
	}
}

// TestWriteAllMatchesSequential renders every file of the examples, with
// traces, once side by side and once one by one, and wants the same bytes
// and the same warnings: the artifacts of a build share their model and
// plans, and must only read them. Run with -race, it also finds a
// renderer that writes to shared state.
func TestWriteAllMatchesSequential(t *testing.T) {
	entries, err := os.ReadDir("../examples")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "testdata" {
			continue
		}
		seen++
		dir := filepath.Join("..", "examples", e.Name())
		m, err := ropa.Load(dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		var warnMu sync.Mutex
		var warned []render.Warning
		opts := render.Options{Trace: true, Warn: func(w render.Warning) {
			warnMu.Lock()
			defer warnMu.Unlock()
			warned = append(warned, w)
		}}
		var arts []render.Artifact
		for _, p := range []render.Producer{notice.Producer, register.Producer, export.Producer} {
			as, err := p.Render(m, opts)
			if err != nil {
				t.Fatalf("%s: %s: %v", dir, p.Name, err)
			}
			arts = append(arts, as...)
		}
		seq := make([][]byte, len(arts))
		for i, a := range arts {
			var buf bytes.Buffer
			if err := a.Write(&buf); err != nil {
				t.Fatalf("%s: %s: %v", dir, a.Path, err)
			}
			seq[i] = buf.Bytes()
		}
		seqWarned := len(warned)
		par := render.WriteAll(arts, 4, nil)
		for i, a := range arts {
			if par[i].Err != nil {
				t.Errorf("%s: %s: %v", dir, a.Path, par[i].Err)
			} else if !bytes.Equal(par[i].Data, seq[i]) {
				t.Errorf("%s: %s differs when written side by side", dir, a.Path)
			}
		}
		if len(warned) != 2*seqWarned {
			t.Errorf("%s: %d warnings one by one, %d side by side", dir, seqWarned, len(warned)-seqWarned)
		}
	}
	if seen == 0 {
		t.Fatal("no examples found")
	}
}
