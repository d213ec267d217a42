package serve

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ropa-dev/ropa/render/html"
	"github.com/ropa-dev/ropa/ropa/diff"
	"github.com/ropa-dev/ropa/ropa/lint/report"
)

var (
	//go:embed preview.css
	previewCSS string
	//go:embed preview.js
	previewJS string
	//go:embed page.html.tmpl
	pageSource string

	pageTemplate = template.Must(template.New("page").Parse(pageSource))
)

// Handler returns the preview's HTTP handler:
//
//	/               the first notice (or the register when there is none)
//	/notice/KEY     a notice, with the lint findings beside it
//	/register       the Article 30 register
//	/events         server-sent events: the generation after each render
//
// It answers only requests addressed to a loopback name (127.0.0.1,
// localhost, [::1]), so that a web page on another site cannot read the
// preview through a DNS name that resolves to this machine.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handleIndex)
	mux.HandleFunc("GET /notice/{key}", s.handleNotice)
	mux.HandleFunc("GET /register", s.handleRegister)
	mux.HandleFunc("GET /events", s.handleEvents)
	return loopbackOnly(mux)
}

// loopbackOnly refuses a request whose Host is not a loopback name.
func loopbackOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.Trim(host, "[]")
		if ip := net.ParseIP(host); !(host == "localhost" || ip != nil && ip.IsLoopback()) {
			http.Error(w, "ropa serve answers only on 127.0.0.1 and localhost", http.StatusForbidden)
			return
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}

// state returns what a page shows: the last good render, the current
// failure and the generation, read together.
func (s *Server) state() (*snapshot, *failure, uint64) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.good, s.failure, s.gen
}

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	snap, _, _ := s.state()
	if snap != nil && len(snap.notices) > 0 {
		http.Redirect(w, r, "/notice/"+snap.notices[0].key, http.StatusFound)
		return
	}
	s.handleRegister(w, r)
}

func (s *Server) handleNotice(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	snap, fail, gen := s.state()
	var doc *rendered
	if snap != nil {
		for _, n := range snap.notices {
			if n.key == key {
				doc = n
			}
		}
	}
	var old *rendered
	if s.against != nil {
		old = s.against.notices[key]
	}
	if doc == nil && old == nil && snap != nil {
		http.Error(w, fmt.Sprintf("no notice %q in the model", key), http.StatusNotFound)
		return
	}
	s.page(w, snap, fail, gen, "/notice/"+key, doc, old, true)
}

func (s *Server) handleRegister(w http.ResponseWriter, r *http.Request) {
	snap, fail, gen := s.state()
	var doc *rendered
	if snap != nil {
		doc = snap.register
	}
	s.page(w, snap, fail, gen, "/register", doc, nil, false)
}

// pageData is what page.html.tmpl shows.
type pageData struct {
	Title        string
	Dir          string
	Gen          uint64
	Nav          []navItem
	Failure      *failureView
	Stale        bool
	Doc          *docView
	Old          *docView
	Against      string
	Findings     []findingView
	Summary      string
	Changes      []changeView
	ChangeCount  string
	Marks        []mark
	CSS          template.CSS
	DocumentCSS  template.CSS
	Script       template.JS
	RenderedAt   string
	ShowFindings bool
}

type navItem struct {
	Href, Label string
	Current     bool
}

type failureView struct {
	At          string
	Diagnostics []diagnosticView
	Message     string
}

type diagnosticView struct {
	Pos, Path, Message, Hint string
}

type docView struct {
	Title, Subtitle, Meta string
	Article               template.HTML
	Missing               string
}

type findingView struct {
	Severity, Rule, Message, Pos, Path string
}

type changeView struct {
	Class, Entity, What, Pos string
}

// mark tells the script to mark the statements drawing on Path, on Side
// ("old" or "new"), with the change's Class.
type mark struct {
	Path  string `json:"path"`
	Side  string `json:"side"`
	Class string `json:"class"`
}

func (s *Server) page(w http.ResponseWriter, snap *snapshot, fail *failure, gen uint64, here string, cur, old *rendered, findings bool) {
	data := pageData{
		Dir:          s.opts.Dir,
		Gen:          gen,
		CSS:          template.CSS(previewCSS),                // our own stylesheet
		DocumentCSS:  template.CSS(string(html.StyleSheet())), // the published pages' stylesheet
		Script:       template.JS(previewJS),                  // our own script
		Stale:        fail != nil && snap != nil,
		ShowFindings: findings,
	}
	if fail != nil {
		data.Failure = viewFailure(fail)
	}
	if snap != nil {
		data.Title = snap.title
		data.RenderedAt = snap.at.Format("15:04:05")
		for _, n := range snap.notices {
			data.Nav = append(data.Nav, navItem{Href: "/notice/" + n.key, Label: n.title, Current: here == "/notice/"+n.key})
		}
		data.Nav = append(data.Nav, navItem{Href: "/register", Label: "Register", Current: here == "/register"})
		data.Summary = report.Summary(snap.lint)
		for _, f := range snap.lint.Findings {
			data.Findings = append(data.Findings, findingView{
				Severity: f.Severity.String(), Rule: f.Rule, Message: f.Message, Pos: f.Pos.String(), Path: f.Path,
			})
		}
		if snap.changes != nil {
			data.Changes, data.Marks, data.ChangeCount = viewChanges(snap.changes)
		}
	}
	if cur != nil {
		data.Doc = viewDoc(cur)
	} else if snap != nil {
		data.Doc = &docView{Missing: "This notice is not in the working model."}
	}
	if s.against != nil && strings.HasPrefix(here, "/notice/") {
		data.Against = s.against.side.Label()
		if old != nil {
			data.Old = viewDoc(old)
		} else {
			data.Old = &docView{Missing: "This notice is not in the model at " + s.against.side.Rev + "."}
		}
	}
	if data.Title == "" {
		data.Title = "ropa serve"
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := pageTemplate.Execute(w, data); err != nil {
		// The header is gone; say so in the log, the page is cut short.
		if s.opts.Logf != nil {
			s.opts.Logf("writing %s: %v", here, err)
		}
	}
}

func viewDoc(r *rendered) *docView {
	return &docView{Title: r.title, Subtitle: r.subtitle, Meta: r.meta, Article: r.article}
}

func viewFailure(f *failure) *failureView {
	v := &failureView{At: f.at.Format("15:04:05"), Message: f.message}
	for _, d := range f.diagnostics {
		v.Diagnostics = append(v.Diagnostics, diagnosticView{Pos: d.Pos.String(), Path: d.Path, Message: d.Message, Hint: d.Hint})
	}
	return v
}

// viewChanges lists the changes, highest class first, with the marks
// that colour the statements they touch and a count per class.
func viewChanges(r *diff.Result) ([]changeView, []mark, string) {
	var out []changeView
	var marks []mark
	for _, class := range diff.Classes {
		for _, c := range r.Changes {
			if c.Class != class {
				continue
			}
			entity := c.Kind
			if c.Key != "" {
				entity += " " + c.Key
			}
			out = append(out, changeView{Class: class.String(), Entity: entity, What: c.Describe(), Pos: c.Pos.String()})
			if c.Path != "" {
				marks = append(marks, mark{Path: c.Path, Side: c.Side, Class: class.String()})
			}
		}
	}
	parts := make([]string, 0, len(diff.Classes))
	for _, c := range diff.Classes {
		parts = append(parts, fmt.Sprintf("%d %s", r.Count(c), c))
	}
	noun := "changes"
	if len(r.Changes) == 1 {
		noun = "change"
	}
	count := fmt.Sprintf("%d %s: %s", len(r.Changes), noun, strings.Join(parts, ", "))
	return out, marks, count
}

// handleEvents streams the generation: once at once, then after every
// render, so that a page rendered before the latest generation reloads.
// A comment line every 15 seconds finds closed connections.
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch, cancel := s.events.subscribe()
	defer cancel()
	send := func(gen uint64) bool {
		if _, err := fmt.Fprintf(w, "data: %d\n\n", gen); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if _, err := fmt.Fprint(w, "retry: 500\n\n"); err != nil {
		return
	}
	if !send(s.Generation()) {
		return
	}
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.events.closed():
			return
		case gen := <-ch:
			if !send(gen) {
				return
			}
		case <-ping.C:
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}

// Serve serves the preview on ln and watches the directory until ctx is
// done, then stops accepting requests, ends the event streams and waits
// (up to five seconds) for requests in flight. ready, when set, is called
// with the preview's address once it accepts requests.
func (s *Server) Serve(ctx context.Context, ln net.Listener, ready func(url string)) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
	}
	srv.RegisterOnShutdown(s.events.close)
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	watchErr := make(chan error, 1)
	go func() { watchErr <- s.Watch(watchCtx) }()
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	if ready != nil {
		ready(URL(ln.Addr()))
	}
	var err error
	select {
	case <-ctx.Done():
	case err = <-serveErr:
	case err = <-watchErr:
		if err == nil {
			err = errors.New("the watcher stopped")
		}
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if serr := srv.Shutdown(shutCtx); serr != nil && err == nil {
		err = serr
	}
	stopWatch()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// URL is the address a browser opens for a listener's address.
func URL(a net.Addr) string {
	if ta, ok := a.(*net.TCPAddr); ok {
		host := ta.IP.String()
		if ta.IP.To4() == nil {
			host = "[" + host + "]"
		}
		return "http://" + host + ":" + strconv.Itoa(ta.Port) + "/"
	}
	return "http://" + a.String() + "/"
}
