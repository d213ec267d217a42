package ropa

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Limits bound what loading a model may read. A model is a few hundred
// kilobytes of text (a synthetic 5,000-activity model is 2.4 MB), so the
// defaults leave room for any real record of processing while refusing,
// before any parsing, a directory that would make ropa read or evaluate
// without end: a link to /dev/zero, a FIFO, a multi-gigabyte file.
type Limits struct {
	// MaxFileBytes is the largest .cue file ropa reads.
	MaxFileBytes int64
	// MaxFiles is the largest number of .cue files in a model.
	MaxFiles int
	// MaxTotalBytes is the largest size of all the model's files together.
	MaxTotalBytes int64
}

// DefaultLimits are the limits Load, ReadDir and LoadFiles apply: 8 MiB a
// file, 1,000 files, 32 MiB in all.
var DefaultLimits = Limits{MaxFileBytes: 8 << 20, MaxFiles: 1000, MaxTotalBytes: 32 << 20}

// ReadDir reads the model files (.cue, and data in .yaml, .yml and .json)
// directly inside dir, sorted by name, within
// DefaultLimits. It reads regular files only: a symbolic link is followed
// when it leads to a regular file inside dir; any other link, a FIFO, a
// device or a socket named *.cue is an error naming the file.
func ReadDir(dir string) ([]File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, unreadable(Pos{File: dir}, fmt.Sprintf("cannot read model directory: %v", unwrapPathError(err)),
			"pass the directory that holds the model's .cue files")
	}
	lim := DefaultLimits
	var files []File
	var total int64
	for _, e := range entries {
		if e.IsDir() || !IsModelFile(e.Name()) || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		name := filepath.Join(dir, e.Name())
		shown := displayName(name)
		if len(files) == lim.MaxFiles {
			return nil, tooMuch(Pos{File: dir}, fmt.Sprintf("the model directory holds more than %d .cue files", lim.MaxFiles),
				"a model is one CUE package of a few files; move other files out of the directory")
		}
		if err := checkRegular(dir, name, shown); err != nil {
			return nil, err
		}
		data, err := readBounded(name, lim.MaxFileBytes)
		if err != nil {
			if le, ok := err.(*LoadError); ok {
				le.Diagnostics[0].Pos = Pos{File: shown}
				return nil, le
			}
			return nil, unreadable(Pos{File: shown}, fmt.Sprintf("cannot read file: %v", unwrapPathError(err)), "")
		}
		total += int64(len(data))
		if total > lim.MaxTotalBytes {
			return nil, tooMuch(Pos{File: shown}, fmt.Sprintf("the model's .cue files come to more than %s, the limit", sizeString(lim.MaxTotalBytes)),
				"a record of processing is text of a few hundred kilobytes; move generated or other files out of the directory")
		}
		files = append(files, File{Name: shown, Data: data})
	}
	if len(files) == 0 {
		return nil, unreadable(Pos{File: dir}, "no .cue files in the model directory",
			"run `ropa init "+dir+"` to create a starter model (a model may also be written in .yaml or .json files)")
	}
	return files, nil
}

// checkRegular accepts a regular file, or a symbolic link that resolves to
// a regular file inside dir. It uses Lstat, so that neither a link out of
// the model (to /etc/passwd, or a file another checkout controls) nor a
// special file (/dev/zero, a FIFO that blocks forever) is ever opened.
func checkRegular(dir, name, shown string) error {
	fi, err := os.Lstat(name)
	if err != nil {
		return unreadable(Pos{File: shown}, fmt.Sprintf("cannot read file: %v", unwrapPathError(err)), "")
	}
	if fi.Mode().IsRegular() {
		return nil
	}
	if fi.Mode()&fs.ModeSymlink == 0 {
		return unreadable(Pos{File: shown}, fmt.Sprintf("not a regular file (%s)", fileKind(fi.Mode())),
			"a model is read from regular .cue files only; remove or rename this one")
	}
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return unreadable(Pos{File: shown}, fmt.Sprintf("symbolic link cannot be followed: %v", unwrapPathError(err)),
			"replace the link with the file it should point to")
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		root = dir
	}
	if rel, err := filepath.Rel(root, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return unreadable(Pos{File: shown}, fmt.Sprintf("symbolic link leads out of the model directory (to %s)", target),
			"ropa follows links only to files inside the model directory; copy the file in instead")
	}
	ti, err := os.Stat(target)
	if err != nil {
		return unreadable(Pos{File: shown}, fmt.Sprintf("cannot read file: %v", unwrapPathError(err)), "")
	}
	if !ti.Mode().IsRegular() {
		return unreadable(Pos{File: shown}, fmt.Sprintf("symbolic link leads to something that is not a regular file (%s)", fileKind(ti.Mode())),
			"a model is read from regular .cue files only; remove the link")
	}
	return nil
}

// fileKind names the type of a file that is not a regular one.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a directory"
	}
	return "mode " + m.String()
}

// readBounded reads at most max bytes of a regular file, and fails when
// the file holds more: the size is checked on the open file, and the read
// itself stops one byte past max, so a file that grows while it is read is
// refused too.
func readBounded(name string, max int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, unreadable(Pos{}, fmt.Sprintf("not a regular file (%s)", fileKind(fi.Mode())),
			"a model is read from regular .cue files only; remove or rename this one")
	}
	if fi.Size() > max {
		return nil, tooBig(fi.Size(), max)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, tooBig(int64(len(data)), max)
	}
	return data, nil
}

func tooBig(size, max int64) *LoadError {
	return tooMuch(Pos{}, fmt.Sprintf("file is larger than %s (%s or more), the limit for one file", sizeString(max), sizeString(size)),
		"a record of processing is text of a few hundred kilobytes; split the model into several files, or remove what is not part of it")
}

// tooMuch is a diagnostic about a resource limit.
func tooMuch(pos Pos, msg, hint string) *LoadError {
	return &LoadError{Kind: ErrResource, Diagnostics: []Diagnostic{{Pos: pos, Message: msg, Hint: hint}}}
}

// sizeString prints a byte count in the largest whole binary unit.
func sizeString(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// checkSources applies DefaultLimits to files however they were read (a
// directory, a git revision, memory), and refuses text CUE cannot hold:
// a NUL byte or bytes that are not UTF-8. The parser would report each
// such byte as its own error (40 KB of NULs made 200,000 of them, and took
// 12 seconds), so the first bad byte is reported once, at its line and
// column, before anything is parsed.
func checkSources(files []File) *LoadError {
	lim := DefaultLimits
	if len(files) > lim.MaxFiles {
		return tooMuch(Pos{}, fmt.Sprintf("the model has %d .cue files, more than the limit of %d", len(files), lim.MaxFiles),
			"a model is one CUE package of a few files; move other files out of the directory")
	}
	var total int64
	for _, f := range files {
		if int64(len(f.Data)) > lim.MaxFileBytes {
			le := tooBig(int64(len(f.Data)), lim.MaxFileBytes)
			le.Diagnostics[0].Pos = Pos{File: f.Name}
			return le
		}
		total += int64(len(f.Data))
		if total > lim.MaxTotalBytes {
			return tooMuch(Pos{File: f.Name}, fmt.Sprintf("the model's .cue files come to more than %s, the limit", sizeString(lim.MaxTotalBytes)),
				"a record of processing is text of a few hundred kilobytes; move generated or other files out of the directory")
		}
	}
	var diags []Diagnostic
	for _, f := range files {
		if d, bad := badByte(f); bad {
			diags = append(diags, d)
		}
	}
	if len(diags) > 0 {
		return &LoadError{Kind: ErrUnreadable, Diagnostics: diags}
	}
	return nil
}

// badByte finds the first NUL byte or invalid UTF-8 sequence in a file.
func badByte(f File) (Diagnostic, bool) {
	data := f.Data
	nul := bytes.IndexByte(data, 0)
	invalid := -1
	if !utf8.Valid(data) {
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				invalid = i
				break
			}
			i += size
		}
	}
	at, msg, hint := -1, "", ""
	switch {
	case nul >= 0 && (invalid < 0 || nul < invalid):
		at, msg = nul, "the file holds a NUL byte (0x00): it is not a text file"
		hint = "CUE files are UTF-8 text; remove the NUL bytes, or check the file was not saved as UTF-16 or truncated by a failed write"
	case invalid >= 0:
		at, msg = invalid, fmt.Sprintf("the file is not valid UTF-8 (byte 0x%02x)", data[invalid])
		hint = "CUE files are UTF-8 text; re-save the file as UTF-8 (from Latin-1 or Windows-1252, e.g. `iconv -f cp1252 -t utf-8`)"
	default:
		return Diagnostic{}, false
	}
	line := 1 + bytes.Count(data[:at], []byte{'\n'})
	col := at - bytes.LastIndexByte(data[:at], '\n')
	return Diagnostic{Pos: Pos{File: f.Name, Line: line, Col: col}, Message: msg, Hint: hint}, true
}
