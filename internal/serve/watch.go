package serve

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch renders the model again whenever a .cue file directly inside the
// directory is written, created, removed or renamed, once the directory
// has been quiet for the debounce time. It returns when ctx is done, or
// at once when the directory cannot be watched.
func (s *Server) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("cannot watch %s: %v", s.opts.Dir, err)
	}
	defer w.Close()
	if err := w.Add(s.opts.Dir); err != nil {
		return fmt.Errorf("cannot watch %s: %v", s.opts.Dir, err)
	}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if modelFile(ev.Name) && ev.Op != fsnotify.Chmod {
				timer.Reset(s.opts.Debounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if s.opts.Logf != nil {
				s.opts.Logf("watching %s: %v", s.opts.Dir, err)
			}
		case <-timer.C:
			s.Rebuild()
		}
	}
}

// modelFile reports whether name is a file the model loads: a .cue file
// whose name does not start with a dot (editors' swap and backup files do
// not count).
func modelFile(name string) bool {
	base := filepath.Base(name)
	return strings.HasSuffix(base, ".cue") && !strings.HasPrefix(base, ".")
}
