package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const (
	oldPurpose = "To let and manage your home, collect rent and carry out repairs."
	newPurpose = "To let your home and to fix what breaks in it."
)

// fixedNow keeps lint results stable.
func fixedNow() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }

// modelDir copies examples/minimal into a new temporary directory and
// returns the directory and the model file's path.
func modelDir(t testing.TB) (dir, file string) {
	t.Helper()
	data, err := os.ReadFile("../../examples/minimal/model.cue")
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	file = filepath.Join(dir, "model.cue")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

// rewrite replaces old with new in file, failing when old is absent.
func rewrite(t testing.TB, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("GET", target, nil)
	req.Host = "127.0.0.1:8080"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestPages(t *testing.T) {
	dir, _ := modelDir(t)
	s, err := New(Options{Dir: dir, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	h := s.Handler()

	rec := get(t, h, "/")
	if rec.Code != http.StatusFound || rec.Header().Get("Location") != "/notice/tenants" {
		t.Fatalf("/: %d to %q, want a redirect to the first notice", rec.Code, rec.Header().Get("Location"))
	}

	rec = get(t, h, "/notice/tenants")
	body := rec.Body.String()
	if rec.Code != http.StatusOK {
		t.Fatalf("/notice/tenants: %d\n%s", rec.Code, body)
	}
	for _, want := range []string{
		"Privacy notice for tenants",
		oldPurpose,
		// Provenance: model paths with file:line:col, and the law.
		`data-src="&#123;&#34;from&#34;:[&#123;&#34;path&#34;:&#34;activities.tenancy&#34;,&#34;pos&#34;:&#34;`,
		fmt.Sprintf(`model.cue:%d:2&#34;`, lineOf(t, "../../examples/minimal/model.cue", "activities: {", "\ttenancy: {")),
		`&#34;law&#34;:&#34;UK GDPR`,
		// The lint findings beside the notice.
		`<h2 id="findings-h">Lint findings</h2>`,
		"0 errors, ",
		"transfer-dp-test-missing",
		// The reload script and the generation it compares with.
		`data-gen="1"`,
		`new EventSource("/events")`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/notice/tenants lacks %q", want)
		}
	}
	if strings.Contains(body, `id="failure"`) {
		t.Error("a model that loads shows a failure")
	}

	rec = get(t, h, "/register")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<table>") || !strings.Contains(rec.Body.String(), "data-src") {
		t.Errorf("/register: %d, want the register with provenance", rec.Code)
	}
	if rec := get(t, h, "/notice/nobody"); rec.Code != http.StatusNotFound {
		t.Errorf("/notice/nobody: %d, want 404", rec.Code)
	}

	// A name other than a loopback one is refused (DNS rebinding).
	req := httptest.NewRequest("GET", "/notice/tenants", nil)
	req.Host = "evil.example:8080"
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("Host evil.example: %d, want 403", rec.Code)
	}
}

func TestNewErrors(t *testing.T) {
	dir, file := modelDir(t)
	for _, tc := range []struct {
		opts Options
		want string
	}{
		{Options{Dir: filepath.Join(dir, "missing")}, "cannot read the model directory"},
		{Options{Dir: file}, "is not a directory"},
		{Options{Dir: dir, Against: "v1"}, "--against: rev:v1:"},
	} {
		_, err := New(tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%+v) = %v, want an error with %q", tc.opts, err, tc.want)
		}
	}
}

// events reads the data lines of an event stream into a channel.
func events(ctx context.Context, t *testing.T, url string) <-chan string {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, "GET", url+"/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("/events: Content-Type %q", ct)
	}
	ch := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		defer close(ch)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				ch <- d
			}
		}
	}()
	return ch
}

func next(t *testing.T, ch <-chan string, what string) string {
	t.Helper()
	select {
	case d, ok := <-ch:
		if !ok {
			t.Fatalf("%s: the event stream ended", what)
		}
		return d
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: no event within 10s", what)
	}
	return ""
}

func fetch(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestReload writes the model file in a watched directory and sees the
// event stream announce a new generation and the page show the new text;
// then breaks the model and sees its diagnostic above the last good
// render.
func TestReload(t *testing.T) {
	dir, file := modelDir(t)
	s, err := New(Options{Dir: dir, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	watching := make(chan error, 1)
	go func() { watching <- s.Watch(ctx) }()

	ev := events(ctx, t, ts.URL)
	if got := next(t, ev, "first event"); got != "1" {
		t.Fatalf("first event %q, want the current generation 1", got)
	}
	// Let the watcher start before the write (Watch adds the directory
	// first thing; a missed event would fail the test, not hang it).
	time.Sleep(50 * time.Millisecond)

	rewrite(t, file, oldPurpose, newPurpose)
	if got := next(t, ev, "after a save"); got != "2" {
		t.Fatalf("event after a save %q, want 2", got)
	}
	page := fetch(t, ts.URL+"/notice/tenants")
	if !strings.Contains(page, newPurpose) || strings.Contains(page, oldPurpose) {
		t.Fatalf("the page does not show the new purpose")
	}

	// An invalid model: the diagnostic with file:line:col, and the last
	// good render under it.
	rewrite(t, file, `purpose: "To ask your views`, `purpose: 42 // "To ask your views`)
	if got := next(t, ev, "after breaking the model"); got != "3" {
		t.Fatalf("event after breaking the model %q, want 3", got)
	}
	page = fetch(t, ts.URL+"/notice/tenants")
	broken := fmt.Sprintf("model.cue:%d:", lineOf(t, file, "", "purpose: 42"))
	for _, want := range []string{`id="failure"`, "below is the last version that did", broken, newPurpose} {
		if !strings.Contains(page, want) {
			t.Errorf("the page of a broken model lacks %q", want)
		}
	}

	// A file the model does not load (an editor's swap file) is ignored.
	if err := os.WriteFile(filepath.Join(dir, ".model.cue.swp"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case d := <-ev:
		t.Fatalf("event %q after writing a swap file", d)
	case <-time.After(300 * time.Millisecond):
	}

	cancel()
	if err := <-watching; err != nil {
		t.Fatal(err)
	}
	if got := listDir(t, dir); !slices.Equal(got, []string{".model.cue.swp", "model.cue"}) {
		t.Errorf("the directory holds %v: serve wrote into it", got)
	}
}

// TestServeShutdown starts the whole server and stops it with an event
// stream open, as Ctrl-C does.
func TestServeShutdown(t *testing.T) {
	dir, _ := modelDir(t)
	s, err := New(Options{Dir: dir, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln, func(u string) { urls <- u }) }()
	url := strings.TrimSuffix(<-urls, "/")
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("URL %q", url)
	}
	ev := events(t.Context(), t, url)
	next(t, ev, "first event")
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Serve did not return within 3s of the cancel")
	}
	if _, err := http.Get(url + "/"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

// TestAgainst compares the working model with a git revision.
func TestAgainst(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir, file := modelDir(t)
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.email=t@t", "-c", "user.name=t"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "v1")
	rewrite(t, file, oldPurpose, newPurpose)

	s, err := New(Options{Dir: dir, Now: fixedNow, Against: "HEAD"})
	if err != nil {
		t.Fatal(err)
	}
	page := get(t, s.Handler(), "/notice/tenants").Body.String()
	for _, want := range []string{
		`class="layout compare"`,
		`data-side="old"`, oldPurpose,
		`data-side="new"`, newPurpose,
		"1 change: 1 notify, 0 register, 0 editorial",
		`<li class="chg chg-notify"><span class="cls">notify</span> activity tenancy: purpose:`,
		`{"path":"activities.tenancy.purpose","side":"new","class":"notify"}`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the compared page lacks %q", want)
		}
	}
}

// lineOf returns the number of the first line of the file that holds s,
// after the first line that holds after.
func lineOf(t *testing.T, file, after, s string) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	seen := after == ""
	for i, line := range strings.Split(string(data), "\n") {
		if seen && strings.Contains(line, s) {
			return i + 1
		}
		seen = seen || strings.Contains(line, after)
	}
	t.Fatalf("%s holds no %q", file, s)
	return 0
}
