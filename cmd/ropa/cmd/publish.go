package cmd

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// The files ropa keeps in an output directory besides the outputs.
const (
	// ManifestName is the build manifest: the files the last build wrote,
	// each with its output family and SHA-256, so that the next build can
	// remove the outputs it no longer produces and nothing else.
	ManifestName = ".ropa-manifest.json"
	// ManifestFormat and ManifestVersion identify the manifest's shape.
	ManifestFormat  = "ropa-build-manifest"
	ManifestVersion = 1
	// stagePrefix starts the name of the directory a build stages its
	// files in, inside the output directory so that every rename stays on
	// one file system.
	stagePrefix = ".ropa-stage-"
)

// Manifest is the content of ManifestName.
type Manifest struct {
	// Format is ManifestFormat.
	Format string `json:"format"`
	// Version is ManifestVersion.
	Version int `json:"version"`
	// Files are the outputs in the directory that ropa wrote, sorted by
	// path.
	Files []ManifestFile `json:"files"`
}

// ManifestFile is one output ropa wrote.
type ManifestFile struct {
	// Path is slash-separated and relative to the output directory.
	Path string `json:"path"`
	// Family is the output family (`ropa build --only`) that made it.
	Family string `json:"family"`
	// SHA256 is the hex SHA-256 of the bytes written; a file whose bytes
	// no longer match is the user's, and never removed.
	SHA256 string `json:"sha256"`
}

// outFile is a file a build writes.
type outFile struct {
	path   string // slash-separated, relative to the output directory
	family string
	data   []byte
}

// rename is os.Rename; tests replace it to make a rename fail.
var rename = os.Rename

// publishResult says what publish did.
type publishResult struct {
	// removed are the outputs of an earlier build this build no longer
	// produces, removed from the directory.
	removed []string
	// warnings are things the user should know: a stale output kept
	// because it was edited, an unreadable manifest.
	warnings []string
}

// publish puts files into the directory out as one change. It takes the
// directory's lock, reads the manifest of the previous build, writes every
// file (and the new manifest) to a staging directory inside out, checking
// that each target can take a file, and then swaps them in one by one,
// moving each file it replaces or removes aside. If a swap fails it puts
// every file back as it was; if even that fails, the error lists exactly
// which files are new and which old. families are the output families
// this build renders: outputs of other families in the manifest are left
// alone.
func publish(out string, files []outFile, families []string) (res publishResult, err error) {
	fi, statErr := os.Stat(out)
	created := false
	switch {
	case statErr == nil && !fi.IsDir():
		return res, fmt.Errorf("%s is not a directory", out)
	case errors.Is(statErr, fs.ErrNotExist):
		if err := os.MkdirAll(out, 0o777); err != nil {
			return res, err
		}
		created = true
	case statErr != nil:
		return res, statErr
	}
	// An output directory this build created goes again when it fails.
	defer func() {
		if err != nil && created {
			os.Remove(out)
		}
	}()
	unlock, err := lockDir(out)
	if err != nil {
		return res, err
	}
	defer unlock()

	// A staging directory left behind is from a build that crashed, or one
	// whose rollback failed and which keeps previous versions of files:
	// not ours to delete, but worth saying.
	if left, _ := filepath.Glob(filepath.Join(out, stagePrefix+"*")); len(left) > 0 {
		for _, l := range left {
			res.warnings = append(res.warnings, fmt.Sprintf("%s is left from an earlier build that failed; it may hold previous versions of outputs (under old/); delete it when you no longer need them", l))
		}
	}
	prev, err := readManifest(out)
	if err != nil {
		res.warnings = append(res.warnings, fmt.Sprintf("%v; no earlier output is removed", err))
	}
	next, stale := planManifest(prev, files, families)
	var removals []string
	for _, f := range stale {
		switch ok, why := ownFile(out, f); {
		case ok:
			removals = append(removals, f.Path)
		case why != "":
			res.warnings = append(res.warnings, why)
		}
	}
	mdata, err := json.MarshalIndent(next, "", "  ")
	if err != nil {
		return res, err
	}
	files = append(files, outFile{path: ManifestName, data: append(mdata, '\n')})

	for _, f := range files {
		target := filepath.Join(out, filepath.FromSlash(f.path))
		if fi, err := os.Lstat(target); err == nil && fi.IsDir() {
			return res, fmt.Errorf("%s is a directory; cannot write a file there", target)
		}
	}
	stage, err := os.MkdirTemp(out, stagePrefix)
	if err != nil {
		return res, err
	}
	keepStage := false
	defer func() {
		if !keepStage {
			os.RemoveAll(stage)
		}
	}()
	for _, f := range files {
		if err := writeNew(filepath.Join(stage, "new", filepath.FromSlash(f.path)), f.data); err != nil {
			return res, err
		}
	}

	s := swapper{out: out, stage: stage}
	for _, f := range files {
		if err := s.put(f.path); err != nil {
			return res, s.rollback(err, &keepStage)
		}
	}
	for _, p := range removals {
		if err := s.remove(p); err != nil {
			return res, s.rollback(err, &keepStage)
		}
	}
	res.removed = removals
	return res, nil
}

// planManifest returns the manifest after writing files, and the entries
// of prev this build's families no longer produce. Entries of families
// not built stay as they were, unless a file of this build replaces them.
func planManifest(prev *Manifest, files []outFile, families []string) (next Manifest, stale []ManifestFile) {
	next = Manifest{Format: ManifestFormat, Version: ManifestVersion, Files: []ManifestFile{}}
	written := map[string]bool{}
	for _, f := range files {
		sum := sha256.Sum256(f.data)
		next.Files = append(next.Files, ManifestFile{Path: f.path, Family: f.family, SHA256: hex.EncodeToString(sum[:])})
		written[f.path] = true
	}
	if prev != nil {
		for _, f := range prev.Files {
			switch {
			case written[f.Path]:
			case slices.Contains(families, f.Family):
				stale = append(stale, f)
			default:
				next.Files = append(next.Files, f)
			}
		}
	}
	sort.Slice(next.Files, func(i, j int) bool { return next.Files[i].Path < next.Files[j].Path })
	return next, stale
}

// readManifest reads the manifest in out: nil and no error when there is
// none; an error when it cannot be trusted, in which case no file is
// removed.
func readManifest(out string) (*Manifest, error) {
	name := filepath.Join(out, ManifestName)
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", name, err)
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil || m.Format != ManifestFormat || m.Version != ManifestVersion {
		return nil, fmt.Errorf("%s is not a ropa build manifest (version %d)", name, ManifestVersion)
	}
	for _, f := range m.Files {
		if !validOutPath(f.Path) {
			return nil, fmt.Errorf("%s lists %q, which is not a file inside the output directory", name, f.Path)
		}
	}
	return &m, nil
}

// validOutPath reports whether p may name an output: a clean,
// slash-separated path inside the output directory that is not one of
// ropa's own files.
func validOutPath(p string) bool {
	if p == "" || p != path.Clean(p) || strings.Contains(p, `\`) || !filepath.IsLocal(filepath.FromSlash(p)) {
		return false
	}
	first, _, _ := strings.Cut(p, "/")
	return first != ManifestName && first != lockName && !strings.HasPrefix(first, stagePrefix)
}

// ownFile reports whether the stale output f is still the file ropa wrote
// (a regular file with the bytes the manifest records), so that removing
// it removes nothing of the user's. When it is not, why says so, unless
// the file is simply gone.
func ownFile(out string, f ManifestFile) (ok bool, why string) {
	name := filepath.Join(out, filepath.FromSlash(f.Path))
	fi, err := os.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return false, ""
	}
	if err != nil {
		return false, fmt.Sprintf("kept %s, no longer produced: %v", name, err)
	}
	if !fi.Mode().IsRegular() {
		return false, fmt.Sprintf("kept %s, no longer produced: it is not a regular file ropa wrote", name)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return false, fmt.Sprintf("kept %s, no longer produced: %v", name, err)
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != f.SHA256 {
		return false, fmt.Sprintf("kept %s, no longer produced: it has changed since ropa wrote it; delete it if you do not need it", name)
	}
	return true, ""
}

// writeNew creates name (and its directory) with mode 0666 less the
// umask, and writes data to it.
func writeNew(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// swapper swaps staged files into the output directory, remembering each
// step so that it can undo them.
type swapper struct {
	out, stage string
	done       []step
}

// step is one change to the output directory.
type step struct {
	path   string // slash-separated, relative to the output directory
	backup bool   // the file it replaced or removed is in stage/old
	placed bool   // a new file is at path
}

func (s *swapper) target(p string) string { return filepath.Join(s.out, filepath.FromSlash(p)) }
func (s *swapper) old(p string) string    { return filepath.Join(s.stage, "old", filepath.FromSlash(p)) }

// aside moves the file at p, if any, into stage/old.
func (s *swapper) aside(st *step) error {
	if _, err := os.Lstat(s.target(st.path)); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(s.old(st.path)), 0o700); err != nil {
		return err
	}
	if err := rename(s.target(st.path), s.old(st.path)); err != nil {
		return fmt.Errorf("cannot move %s aside to replace it: %w", s.target(st.path), err)
	}
	st.backup = true
	return nil
}

// put moves the staged file p into place, the file it replaces aside.
func (s *swapper) put(p string) error {
	st := step{path: p}
	defer func() { s.done = append(s.done, st) }()
	if err := s.aside(&st); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(s.target(p)), 0o777); err != nil {
		return err
	}
	if err := rename(filepath.Join(s.stage, "new", filepath.FromSlash(p)), s.target(p)); err != nil {
		return fmt.Errorf("cannot move %s into place: %w", s.target(p), err)
	}
	st.placed = true
	return nil
}

// remove moves the stale output p aside.
func (s *swapper) remove(p string) error {
	st := step{path: p}
	defer func() { s.done = append(s.done, st) }()
	return s.aside(&st)
}

// rollback undoes every step, newest first, and returns the error to
// report: cause, and that the directory is as it was, or, when undoing
// failed, which files are from this build, which from the previous one and
// where the previous versions of the new ones are (keeping the staging
// directory for them).
func (s *swapper) rollback(cause error, keepStage *bool) error {
	var failed []step
	for i := len(s.done) - 1; i >= 0; i-- {
		st := s.done[i]
		var err error
		switch {
		case st.backup:
			err = rename(s.old(st.path), s.target(st.path))
		case st.placed:
			err = os.Remove(s.target(st.path))
		}
		if err != nil {
			failed = append(failed, st)
		}
	}
	if len(failed) == 0 {
		return fmt.Errorf("%v\nevery file in %s is back as it was before this build; nothing written", cause, s.out)
	}
	*keepStage = true
	var b strings.Builder
	fmt.Fprintf(&b, "%v\nputting the previous files back failed too, so %s now mixes two builds:", cause, s.out)
	for _, st := range failed {
		switch {
		case st.placed:
			fmt.Fprintf(&b, "\n  %s is from this build", s.target(st.path))
		case st.backup:
			fmt.Fprintf(&b, "\n  %s is missing", s.target(st.path))
		}
		if st.backup {
			fmt.Fprintf(&b, "; its previous version is %s", s.old(st.path))
		}
	}
	b.WriteString("\n  every other file is as it was before this build")
	return errors.New(b.String())
}

// randomSuffix returns a short random hex string for temporary names.
func randomSuffix() string {
	var b [6]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
