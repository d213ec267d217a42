// Package serve is the live preview behind `ropa serve`: it loads a model
// directory, renders its notices and register in memory (it never writes
// into the directory), lints it, and serves the result on a loopback
// address. When a .cue file of the directory changes it renders again and
// tells every open page, over server-sent events, to reload. A model that
// stops loading shows its diagnostics above the last good render.
//
// With an Against revision each page also shows the notice at that
// revision beside the working one, and the changes between them in the
// classes of `ropa diff` (notify, register, editorial).
package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/html"
	"github.com/ropa-dev/ropa/render/notice"
	"github.com/ropa-dev/ropa/render/register"
	"github.com/ropa-dev/ropa/render/trace"
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/diff"
	"github.com/ropa-dev/ropa/ropa/lint"
	"github.com/ropa-dev/ropa/ropa/lint/report"
)

// DefaultDebounce is how long the server waits after the last change to a
// file before it renders again: an editor's save is often several writes.
const DefaultDebounce = 50 * time.Millisecond

// Options configure a Server.
type Options struct {
	// Dir is the model directory. The server only reads it.
	Dir string
	// Against, when set, is a git revision (with or without the rev:
	// prefix) to compare the working model with, as `ropa diff` does.
	Against string
	// Now is the time the linter judges waiver expiry and notice age by;
	// nil means time.Now.
	Now func() time.Time
	// Debounce is the quiet time after a change before rendering again;
	// zero means DefaultDebounce.
	Debounce time.Duration
	// Logf, when set, receives one line per render and per watcher error.
	Logf func(format string, args ...any)
}

// Server renders a model directory and serves the result. It is safe for
// concurrent use.
type Server struct {
	opts Options

	// against is the compared revision, loaded once; nil without one.
	against *revision

	mu      sync.RWMutex
	gen     uint64    // bumped by every render, good or bad
	good    *snapshot // the last render that succeeded; nil before one
	failure *failure  // why the last render failed; nil when it succeeded

	events broker
}

// revision is the model at the Against revision, planned once.
type revision struct {
	side    diff.Side
	model   *ropa.Model
	notices map[string]*rendered
}

// snapshot is one successful render of the model.
type snapshot struct {
	at       time.Time
	title    string
	notices  []*rendered
	register *rendered
	lint     lint.Result
	changes  *diff.Result
}

// rendered is one document of a snapshot: its title block and its
// <article>, carrying each statement's provenance.
type rendered struct {
	key, title, subtitle, meta string
	article                    template.HTML
}

// failure is why the model does not render: its load diagnostics, or a
// message.
type failure struct {
	at          time.Time
	diagnostics []ropa.Diagnostic
	message     string
}

// New checks that opts.Dir is a directory, loads the Against revision
// when there is one, and renders the model once. A model that does not
// load is no error here: the preview shows its diagnostics. A directory
// that cannot be read, or a revision that cannot be resolved or loaded, is.
func New(opts Options) (*Server, error) {
	if opts.Dir == "" {
		opts.Dir = "."
	}
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	fi, err := os.Stat(opts.Dir)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the model directory: %v", opts.Dir, unwrapPath(err))
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a directory; pass the directory that holds the model's .cue files", opts.Dir)
	}
	s := &Server{opts: opts}
	s.events.init()
	if opts.Against != "" {
		rev, err := loadRevision(opts.Against, opts.Dir)
		if err != nil {
			return nil, err
		}
		s.against = rev
	}
	s.Rebuild()
	return s, nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// loadRevision resolves arg as a git revision of the repository holding
// dir and plans its notices.
func loadRevision(arg, dir string) (*revision, error) {
	if !strings.HasPrefix(arg, diff.RevPrefix) {
		arg = diff.RevPrefix + arg
	}
	side, err := diff.ResolveSide(arg, dir)
	if err != nil {
		return nil, fmt.Errorf("--against: %v", err)
	}
	m, err := side.Load()
	if err != nil {
		return nil, fmt.Errorf("--against: %s does not load:\n%v", side.Label(), err)
	}
	rev := &revision{side: side, model: m, notices: map[string]*rendered{}}
	for _, n := range m.NoticeList() {
		d, err := notice.Plan(m, n)
		if err != nil {
			return nil, fmt.Errorf("--against: %s: %v", side.Label(), err)
		}
		r, err := renderDoc(n.Key, d, m.Positions)
		if err != nil {
			return nil, fmt.Errorf("--against: %s: %v", side.Label(), err)
		}
		rev.notices[n.Key] = r
	}
	return rev, nil
}

// Rebuild reads the directory and renders it again, then tells every
// subscriber the new generation. A failure keeps the last good render and
// records why.
func (s *Server) Rebuild() {
	start := time.Now()
	snap, fail := s.render()
	s.mu.Lock()
	s.gen++
	gen := s.gen
	if fail != nil {
		s.failure = fail
	} else {
		s.failure, s.good = nil, snap
	}
	s.mu.Unlock()
	if s.opts.Logf != nil {
		if fail != nil {
			s.opts.Logf("render %d: the model does not load (%s)", gen, fail.summary())
		} else {
			s.opts.Logf("render %d: %d notices, %s (%v)", gen, len(snap.notices), report.Summary(snap.lint), time.Since(start).Round(time.Millisecond))
		}
	}
	s.events.publish(gen)
}

// Generation returns the number of renders so far.
func (s *Server) Generation() uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.gen
}

// render loads and renders the model once.
func (s *Server) render() (*snapshot, *failure) {
	now := s.opts.Now()
	files, err := ropa.ReadDir(s.opts.Dir)
	var m *ropa.Model
	if err == nil {
		m, err = ropa.LoadFiles(files)
	}
	if err != nil {
		return nil, newFailure(now, err)
	}
	snap := &snapshot{at: now, title: m.Controller.Name}

	// Lint and the register while the notices render: two cores.
	var wg sync.WaitGroup
	var regErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		snap.lint = lint.Run(m, lint.Options{Now: now, Notices: notice.Facts, Phrasebooks: notice.PhrasebookFacts})
		snap.register, regErr = renderDoc("register", register.Plan(m), m.Positions)
	}()
	var noticeErr error
	for _, n := range m.NoticeList() {
		d, err := notice.Plan(m, n)
		if err == nil {
			var r *rendered
			r, err = renderDoc(n.Key, d, m.Positions)
			snap.notices = append(snap.notices, r)
		}
		if err != nil {
			noticeErr = err
			break
		}
	}
	if s.against != nil {
		snap.changes = diff.Diff(s.against.model, m)
		snap.changes.Old = s.against.side.Source()
		snap.changes.New = &diff.Source{Kind: "directory", Dir: s.opts.Dir}
	}
	wg.Wait()
	if err := errors.Join(noticeErr, regErr); err != nil {
		return nil, newFailure(now, err)
	}
	return snap, nil
}

func newFailure(at time.Time, err error) *failure {
	f := &failure{at: at}
	var le *ropa.LoadError
	if errors.As(err, &le) && len(le.Diagnostics) > 0 {
		f.diagnostics = le.Diagnostics
	} else {
		f.message = err.Error()
	}
	return f
}

// summary is the first problem, for the log.
func (f *failure) summary() string {
	if len(f.diagnostics) > 0 {
		s := f.diagnostics[0].String()
		if n := len(f.diagnostics); n > 1 {
			s += fmt.Sprintf(" and %d more", n-1)
		}
		return strings.SplitN(s, "\n", 2)[0]
	}
	return strings.SplitN(f.message, "\n", 2)[0]
}

// renderDoc lays d out as an HTML article whose statements carry their
// sources, with positions from ps.
func renderDoc(key string, d *doc.Document, ps ropa.Positions) (*rendered, error) {
	var b strings.Builder
	err := html.Render(&b, d, html.Options{Fragment: true, Provenance: provenance(ps)})
	if err != nil {
		return nil, fmt.Errorf("%s: %v", key, err)
	}
	var meta []string
	if d.Version != "" {
		meta = append(meta, "Version "+d.Version)
	}
	if l := d.DateLabel(); l != "" {
		meta = append(meta, l)
	}
	return &rendered{
		key: key, title: d.Title, subtitle: d.Subtitle, meta: strings.Join(meta, " · "),
		article: template.HTML(b.String()), // html.Render escapes every text of d
	}, nil
}

// source is the data-src value of a statement: the model fields with
// where each is declared, and the law.
type source struct {
	From []trace.Field `json:"from,omitempty"`
	Law  string        `json:"law,omitempty"`
}

// provenance returns the html.Options.Provenance of a document of a model
// with positions ps. Positions are looked up once per path.
func provenance(ps ropa.Positions) func(doc.Source) string {
	pos := map[string]string{}
	return func(src doc.Source) string {
		v := source{Law: src.Law}
		for _, p := range src.Paths {
			at, ok := pos[p]
			if !ok {
				if q := ps.Of(p); q.IsValid() {
					at = q.String()
				}
				pos[p] = at
			}
			v.From = append(v.From, trace.Field{Path: p, Pos: at})
		}
		b, err := json.Marshal(v)
		if err != nil {
			return ""
		}
		return string(b)
	}
}
