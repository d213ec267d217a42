package render

import (
	"bytes"
	"fmt"
	"path"
	"runtime"
	"sort"
	"sync"
)

// Written is what one artifact's Write produced: its bytes, or the error
// it returned.
type Written struct {
	// Data holds the file's bytes when Err is nil.
	Data []byte
	// Err is the error Write returned, or a panic in Write turned into an
	// error.
	Err error
}

// WriteAll runs the Write of every artifact in arts, at most workers at a
// time (GOMAXPROCS when workers < 1), and returns what each wrote, in the
// order of arts. Output families render on one core each, so writing
// them side by side is what makes a build use the machine; the bytes are
// those each Write makes alone, since a Write reads only its model and
// its plan, never another artifact's state (TestWriteAllMatchesSequential
// and the race detector hold them to that).
//
// done, when not nil, is called once for each artifact, in the order of
// arts, as soon as it and every artifact before it are written, so that
// progress reads the same on every run. The artifacts with the costliest
// formats (PDF, then XLSX) start first, so that the last to finish is not
// a long one started late.
func WriteAll(arts []Artifact, workers int, done func(i int, w Written)) []Written {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(min(workers, len(arts)), 1)
	out := make([]Written, len(arts))
	order := make([]int, len(arts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return cost(arts[order[a]].Path) > cost(arts[order[b]].Path) })

	var (
		mu       sync.Mutex
		finished = make([]bool, len(arts))
		next     int // the first artifact not yet reported to done
		jobs     = make(chan int)
		wg       sync.WaitGroup
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				w := writeOne(arts[i])
				mu.Lock()
				out[i], finished[i] = w, true
				for next < len(arts) && finished[next] {
					if done != nil {
						done(next, out[next])
					}
					next++
				}
				mu.Unlock()
			}
		}()
	}
	for _, i := range order {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

// writeOne runs one artifact's Write into memory, turning a panic into an
// error so that one failing renderer cannot take the build down with it
// half-way through writing nothing.
func writeOne(a Artifact) (w Written) {
	defer func() {
		if r := recover(); r != nil {
			w = Written{Err: fmt.Errorf("rendering failed: %v", r)}
		}
	}()
	if a.Write == nil {
		return Written{Err: fmt.Errorf("no renderer")}
	}
	var buf bytes.Buffer
	if err := a.Write(&buf); err != nil {
		return Written{Err: err}
	}
	return Written{Data: buf.Bytes()}
}

// cost ranks a file's format by how long it takes to render, for
// WriteAll's start order: PDF layout is the slowest, then the XLSX
// workbook, then the text formats.
func cost(p string) int {
	switch path.Ext(p) {
	case ".pdf":
		return 2
	case ".xlsx":
		return 1
	}
	return 0
}
