package cmd

import (
	"errors"
	"fmt"
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/ropa-dev/ropa/ropa"
)

// Default evaluation limits. A synthetic 5,000-activity model, far larger
// than any real record of processing, loads in about 1 s (3.5 s when it
// has a problem to report) with a heap under 500 MiB; the defaults leave
// ample room for that on a CI runner, and stop a model that would run for
// ever or take the machine's memory. The memory ceiling also stays well
// under half of a 4 GiB address-space limit (ulimit -v), so that even a
// value doubling in one step past the ceiling is caught by the watchdog
// before the Go runtime itself runs out of memory.
const (
	defaultMaxMemory = 1 << 30
	defaultTimeout   = 60 * time.Second
)

// LimitOptions bound the evaluation of a model: --max-memory and
// --timeout, on every command that loads one.
type LimitOptions struct {
	// MaxMemory is the heap ceiling, such as "1GiB" or "512MiB"; "0" or
	// "none" means no ceiling. Empty means the default: GOMEMLIMIT when
	// that is set, else 1 GiB.
	MaxMemory string
	// Timeout is how long loading a model may take; 0 means no limit.
	Timeout time.Duration
}

// addLimitFlags adds --max-memory and --timeout to a command.
func addLimitFlags(cmd *cobra.Command, o *LimitOptions) {
	o.Timeout = defaultTimeout
	cmd.Flags().StringVar(&o.MaxMemory, "max-memory", "",
		"stop with exit status 3 when evaluating the model needs more heap than this, e.g. 512MiB, 2GiB, or none (default GOMEMLIMIT if set, else 1GiB)")
	cmd.Flags().DurationVar(&o.Timeout, "timeout", defaultTimeout,
		"stop with exit status 3 when loading the model takes longer than this, e.g. 30s, 2m; 0 for no limit")
}

// maxMemory returns the heap ceiling in bytes; 0 means none.
func (o LimitOptions) maxMemory() (int64, error) {
	s := strings.TrimSpace(o.MaxMemory)
	switch strings.ToLower(s) {
	case "":
		if os.Getenv("GOMEMLIMIT") != "" {
			if lim := debug.SetMemoryLimit(-1); lim > 0 && lim < math.MaxInt64 {
				return lim, nil // the runtime parsed GOMEMLIMIT already
			}
		}
		return defaultMaxMemory, nil
	case "0", "none", "off":
		return 0, nil
	}
	return parseSize(s)
}

// parseSize parses a byte count such as 1073741824, 512MiB, 2GiB, 1.5GB,
// 800M.
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mul    float64
	}{
		{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"tib", 1 << 40},
		{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9}, {"tb", 1e12},
		{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"t", 1 << 40}, {"b", 1},
	}
	num, mul := strings.ToLower(s), 1.0
	for _, u := range units {
		if strings.HasSuffix(num, u.suffix) {
			num, mul = strings.TrimSpace(strings.TrimSuffix(num, u.suffix)), u.mul
			break
		}
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) || v*mul >= math.MaxInt64 {
		return 0, fmt.Errorf("--max-memory: %q is not a size (write e.g. 512MiB, 2GiB or none)", s)
	}
	if v*mul < 16<<20 {
		return 0, fmt.Errorf("--max-memory: %q is below 16MiB, too little to load any model", s)
	}
	return int64(v * mul), nil
}

// loadGCPercent paces the collector while a model loads, unless GOGC is
// set. Evaluation's heap is almost all live until it ends (CUE's graph of
// the model), so at the default of 100 most collections find little to
// free: on a 5,000-activity model, GOGC=200 cut the CPU of `ropa check`
// by an eighth and its wall time by a tenth for 1% more peak memory, and
// 300 saved no more. The memory ceiling, when set, still bounds the heap.
const loadGCPercent = 200

// heapMetric is the bytes of heap memory in objects, live or not yet swept.
const heapMetric = "/memory/classes/heap/objects:bytes"

// guardLoad runs load (which loads the model in dir) within the limits.
// CUE's evaluator cannot be interrupted, so load runs on its own goroutine
// while this one waits for it, for the timeout, or for a watchdog that
// samples the heap every few milliseconds. Past a limit, guardLoad returns
// an *ExitError with ExitResource at once; the caller exits the process,
// which is what stops the evaluation. The memory ceiling is also given to
// the Go runtime as its soft limit, so the collector works harder to stay
// under it before the watchdog calls time.
func (o LimitOptions) guardLoad(dir string, load func() (*ropa.Model, error)) (*ropa.Model, error) {
	limit, err := o.maxMemory()
	if err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	}
	source := "--max-memory"
	if c := environmentCap(); c > 0 && (limit == 0 || c < limit) {
		limit, source = c, "lowered to fit ulimit -v or the cgroup's memory.max"
	}
	if o.Timeout < 0 {
		return nil, &ExitError{Code: ExitUsage, Err: fmt.Errorf("--timeout: %v is negative (0 means no limit)", o.Timeout)}
	}
	type result struct {
		m   *ropa.Model
		err error
	}
	done := make(chan result, 1)
	go func() {
		m, err := load()
		done <- result{m, err}
	}()

	var timeout <-chan time.Time
	if o.Timeout > 0 {
		t := time.NewTimer(o.Timeout)
		defer t.Stop()
		timeout = t.C
	}
	over := make(chan uint64, 1)
	stop := make(chan struct{})
	defer close(stop)
	if limit > 0 {
		old := debug.SetMemoryLimit(limit)
		defer debug.SetMemoryLimit(old)
		go watchHeap(uint64(limit), over, stop)
	}
	if os.Getenv("GOGC") == "" {
		old := debug.SetGCPercent(loadGCPercent)
		defer debug.SetGCPercent(old)
	}

	select {
	case r := <-done:
		return r.m, r.err
	case <-timeout:
		return nil, &ExitError{Code: ExitResource, Diagnostics: fmt.Errorf(
			"%s: evaluation stopped after %v, the time limit (--timeout)\n    hint: the model takes too long to evaluate: look for comprehensions over large lists or values built from each other; if the model is really this large, raise --timeout",
			dir, o.Timeout)}
	case used := <-over:
		return nil, &ExitError{Code: ExitResource, Diagnostics: fmt.Errorf(
			"%s: evaluation stopped when it used %s of memory, over the limit of %s (%s)\n    hint: the model builds values far larger than a record of processing needs: look for strings or lists built by repeating or joining each other; if the model is really this large, raise --max-memory",
			dir, sizeString(int64(used)), sizeString(limit), source)}
	}
}

// watchHeap samples the heap until stop is closed, and sends the heap size
// on over once it passes limit.
func watchHeap(limit uint64, over chan<- uint64, stop <-chan struct{}) {
	sample := []metrics.Sample{{Name: heapMetric}}
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		if used := sample[0].Value.Uint64(); used > limit {
			over <- used
			return
		}
	}
}

// sizeString prints a byte count in MiB, or GiB from 1 GiB.
func sizeString(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%d MiB", n>>20)
}

// loadErrorCode maps a load failure to its exit status: 1 for a model with
// problems, 2 for one that cannot be read or parsed, 3 for one past a
// resource limit.
func loadErrorCode(err error) int {
	var le *ropa.LoadError
	if !errors.As(err, &le) {
		return ExitUsage
	}
	switch le.Kind {
	case ropa.ErrUnreadable:
		return ExitUsage
	case ropa.ErrResource:
		return ExitResource
	}
	return ExitFindings
}

// Metrics holdFootprint reads: all memory the Go runtime has mapped, and
// the part of the heap it has given back to the system.
const (
	totalMetric    = "/memory/classes/total:bytes"
	releasedMetric = "/memory/classes/heap/released:bytes"
)

// minRenderLimit is the least memory holdFootprint lets rendering have, so
// that a small model is never squeezed.
const minRenderLimit = 64 << 20

// holdFootprint keeps rendering close to the memory loading already took,
// and returns the function that undoes it. Evaluating a model is what
// should need memory; the renderers allocate much but hold little (the
// register PDF of a 5,000-activity model allocates gigabytes to hold under
// two hundred megabytes), yet with the collector's default pacing the
// build's peak was set by rendering, a quarter above loading's. Rendering
// gets a soft memory limit of the process's footprint when loading ends
// plus 30% (never below minRenderLimit, nor above a limit already set,
// e.g. by GOMEMLIMIT), and within it the collector paces itself at
// GOGC=400 unless GOGC is set, so that the limit, not the live heap,
// decides when it runs: on that model, a peak a fifth lower for the same
// CPU (a limit at the footprint itself made the collector run three times
// as often); on a 500-activity model, where rendering holds a few
// megabytes, the limit keeps GOGC=400 from growing the heap. A soft limit never fails the
// build: past it the collector works harder, its CPU capped by the
// runtime.
func holdFootprint() (restore func()) {
	holding.Lock()
	defer holding.Unlock()
	// Builds run side by side in one process (tests do) share one hold:
	// the first sets it, the last undoes it.
	if holding.n == 0 {
		holding.undo = setRenderLimit()
	}
	holding.n++
	var once sync.Once
	return func() {
		once.Do(func() {
			holding.Lock()
			defer holding.Unlock()
			if holding.n--; holding.n == 0 {
				holding.undo()
			}
		})
	}
}

// holding counts the builds rendering under holdFootprint's limit.
var holding struct {
	sync.Mutex
	n    int
	undo func()
}

// setRenderLimit sets holdFootprint's limit and pacing and returns the
// function that restores what was set before.
func setRenderLimit() (undo func()) {
	s := []metrics.Sample{{Name: totalMetric}, {Name: releasedMetric}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || s[1].Value.Kind() != metrics.KindUint64 {
		return func() {}
	}
	footprint := int64(s[0].Value.Uint64() - min(s[1].Value.Uint64(), s[0].Value.Uint64()))
	limit := max(footprint+footprint*3/10, minRenderLimit)
	old := debug.SetMemoryLimit(-1)
	if old < limit {
		return func() {} // a tighter limit is already set: keep it
	}
	debug.SetMemoryLimit(limit)
	oldGC := -1
	if os.Getenv("GOGC") == "" {
		oldGC = debug.SetGCPercent(400)
	}
	return func() {
		debug.SetMemoryLimit(old)
		if oldGC >= 0 {
			debug.SetGCPercent(oldGC)
		}
	}
}
