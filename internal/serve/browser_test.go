package serve

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium returns Debian's chromium from PATH, or skips the test; under
// CI=true a missing browser fails it, since `make test` installs one.
func chromium(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not on PATH; `make test` installs it (apt-get install chromium)")
	}
	t.Skip("skipping the browser test: chromium is not on PATH (`make tools` or `apt-get install chromium` installs it)")
	return ""
}

// TestBrowser drives headless chromium: the page shows the notice, a click
// on a statement shows where it comes from, a save shows the new text
// without a manual reload, and a broken model shows its diagnostic above
// the last good text.
func TestBrowser(t *testing.T) {
	exe := chromium(t)
	dir, file := modelDir(t)
	s, err := New(Options{Dir: dir, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	urls := make(chan string, 1)
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln, func(u string) { urls <- u }) }()
	url := <-urls

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // root in CI
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	actx, stopAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer stopAlloc()
	bctx, stopBrowser := chromedp.NewContext(actx)
	defer stopBrowser()

	if err := chromedp.Do(bctx, chromedp.Navigate(url+"notice/tenants")); err != nil {
		t.Fatalf("starting chromium (%s): %v", exe, err)
	}
	waitFor(t, bctx, "the notice", `document.body.innerText.includes(`+strconv.Quote(oldPurpose)+`)`)
	waitFor(t, bctx, "the findings", `document.getElementById("summary").innerText.startsWith("0 errors, ")`)

	// Provenance: a click on a statement opens the panel with the model
	// field and its file:line:col.
	if err := chromedp.Do(bctx,
		chromedp.Click(chromedp.CSS(`[data-src*="activities.tenancy"]`)),
		chromedp.WaitVisible(chromedp.ID("provenance")),
	); err != nil {
		t.Fatal(err)
	}
	panel, err := chromedp.Run(bctx, chromedp.Text(chromedp.ID("provenance")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(panel, "activities.tenancy") || !strings.Contains(panel, "model.cue:") {
		t.Errorf("the provenance panel says %q, want the field and its file:line:col", panel)
	}

	// A save: the page reloads itself and shows the new text.
	rewrite(t, file, oldPurpose, newPurpose)
	waitFor(t, bctx, "the new text", `document.body.innerText.includes(`+strconv.Quote(newPurpose)+`)`)

	// A broken model: its diagnostic, and the last good text below.
	rewrite(t, file, `purpose: "To ask your views`, `purpose: 42 // "To ask your views`)
	at := fmt.Sprintf("model.cue:%d:", lineOf(t, file, "", "purpose: 42"))
	waitFor(t, bctx, "the diagnostic", `!!document.getElementById("failure") && document.getElementById("failure").innerText.includes(`+strconv.Quote(at)+`)`)
	waitFor(t, bctx, "the last good text", `document.body.innerText.includes(`+strconv.Quote(newPurpose)+`)`)

	stopBrowser()
	cancel()
	if err := <-served; err != nil {
		t.Fatal(err)
	}
}

// waitFor evaluates the JavaScript expression cond in the page until it
// is true, across the page's own reloads, for up to ten seconds.
func waitFor(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		var ok bool
		ok, last = chromedp.Run(ctx, chromedp.Evaluate[bool](`(function(){ try { return !!(`+cond+`); } catch (e) { return false; } })()`))
		if last == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 2000) : ""`))
	t.Fatalf("the page never showed %s (%s); last error %v; page text:\n%s", what, cond, last, body)
}
