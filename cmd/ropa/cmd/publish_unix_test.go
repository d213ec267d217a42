//go:build unix

package cmd

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestPublishUmask checks that outputs are created 0666 less the umask,
// not 0644 whatever the umask says.
func TestPublishUmask(t *testing.T) {
	for _, tt := range []struct {
		umask int
		want  os.FileMode
	}{{0o027, 0o640}, {0o002, 0o664}} {
		old := syscall.Umask(tt.umask)
		out := t.TempDir()
		_, err := publish(out, files("v1", "a.html"), []string{"notice"})
		initErr := writeAtomic(filepath.Join(out, "init.cue"), []byte("x"))
		syscall.Umask(old)
		if err != nil || initErr != nil {
			t.Fatal(err, initErr)
		}
		for _, name := range []string{"a.html", ManifestName, "init.cue"} {
			fi, err := os.Stat(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			if got := fi.Mode().Perm(); got != tt.want {
				t.Errorf("umask %03o: %s has mode %03o, want %03o", tt.umask, name, got, tt.want)
			}
		}
	}
}
