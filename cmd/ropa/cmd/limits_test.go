package cmd

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestHoldFootprint wants rendering's memory limit at least
// minRenderLimit, never above a limit already set, and everything as it
// was once restored.
func TestHoldFootprint(t *testing.T) {
	t.Setenv("GOGC", "") // holdFootprint paces the collector only when GOGC is unset
	oldLimit := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(oldLimit)
	oldGC := debug.SetGCPercent(100)
	defer debug.SetGCPercent(oldGC)

	restore := holdFootprint()
	if got := debug.SetMemoryLimit(-1); got < minRenderLimit || got == math.MaxInt64 {
		t.Errorf("limit while rendering = %d, want at least %d and set", got, minRenderLimit)
	}
	if got := debug.SetGCPercent(-1); got != 400 {
		t.Errorf("GOGC while rendering = %d, want 400", got)
	} else {
		debug.SetGCPercent(got)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("limit after = %d, want none", got)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC after = %d, want 100", got)
	}

	// A tighter limit already set (GOMEMLIMIT, say) is kept.
	debug.SetMemoryLimit(32 << 20)
	restore = holdFootprint()
	if got := debug.SetMemoryLimit(-1); got != 32<<20 {
		t.Errorf("limit under a tighter one = %d, want it kept", got)
	}
	restore()
}
