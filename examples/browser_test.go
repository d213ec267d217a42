package examples_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/render/html"
	"github.com/ropa-dev/ropa/render/notice"
	"github.com/ropa-dev/ropa/render/register"
	"github.com/ropa-dev/ropa/ropa"
)

// axePath is axe-core as `make tools` installs it (npm, package.json).
const axePath = "../node_modules/axe-core/axe.min.js"

// axeTags are the rule sets every page must pass: WCAG 2.0, 2.1 and 2.2
// at levels A and AA, and Deque's best practices.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"}

// phoneWidth is the width of a phone screen in CSS pixels (an iPhone 12
// to 15), and phoneHeight its height.
const phoneWidth, phoneHeight = 390, 844

// mode is one way the pages are looked at.
type mode struct {
	name          string
	width, height int64
	dark          bool
}

// modes are a desktop window, a phone, and a phone in dark mode.
var modes = []mode{
	{"1280px", 1280, 900, false},
	{"390px", phoneWidth, phoneHeight, false},
	{"390px-dark", phoneWidth, phoneHeight, true},
}

// needTool returns what the browser tests need (chromium and axe-core),
// or skips the test when either is missing; under CI=true a missing tool
// fails it, since `make test` installs both.
func needTool(t *testing.T) (chromium string, axe []byte) {
	t.Helper()
	missing := func(what string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s; `make tools` installs it", what)
		}
		t.Skipf("skipping the browser tests: %s (`make tools` installs it)", what)
	}
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		missing("chromium is not on PATH")
	}
	axe, err = os.ReadFile(axePath)
	if err != nil {
		missing("axe-core is not installed: no " + axePath + " (npm ci)")
	}
	return chromium, axe
}

// page is one HTML page of an example: a notice or the register.
type page struct {
	name string // "minimal/tenants"
	url  string
}

// examplePages renders every example's notices and register as HTML pages
// into a temporary directory, with a page per notice holding its
// snippets.
func examplePages(t *testing.T) []page {
	t.Helper()
	dir := t.TempDir()
	var pages []page
	for _, ex := range exampleDirs {
		m, err := ropa.Load(ex)
		if err != nil {
			t.Fatalf("Load(%s): %v", ex, err)
		}
		var arts []render.Artifact
		for _, p := range []render.Producer{notice.Producer, register.Producer} {
			a, err := p.Render(m, render.Options{})
			if err != nil {
				t.Fatalf("%s: %s: %v", ex, p.Name, err)
			}
			arts = append(arts, a...)
		}
		// The snippets of each notice, as a site would show them: in a
		// page of its own, with the stylesheet.
		snippets := map[string]*bytes.Buffer{}
		var order []string
		for _, a := range arts {
			if !strings.HasSuffix(a.Path, notice.SnippetSuffix+".html") {
				continue
			}
			key, _, _ := strings.Cut(a.Path, ".")
			if snippets[key] == nil {
				snippets[key] = bytes.NewBufferString(`<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">` +
					`<meta name="viewport" content="width=device-width, initial-scale=1"><title>Forms</title><style>` +
					string(html.StyleSheet()) + `</style></head><body><main><h1>Forms</h1>` + "\n")
				order = append(order, key)
			}
			if err := a.Write(snippets[key]); err != nil {
				t.Fatalf("%s/%s: %v", ex, a.Path, err)
			}
		}
		for _, key := range order {
			snippets[key].WriteString("</main></body></html>\n")
			arts = append(arts, render.Artifact{Path: key + ".snippets.html", Write: func(w io.Writer) error {
				_, err := w.Write(snippets[key].Bytes())
				return err
			}})
		}
		for _, a := range arts {
			if !strings.HasSuffix(a.Path, ".html") || strings.HasSuffix(a.Path, ".fragment.html") || strings.HasSuffix(a.Path, notice.SnippetSuffix+".html") {
				continue
			}
			var b bytes.Buffer
			if err := a.Write(&b); err != nil {
				t.Fatalf("%s/%s: %v", ex, a.Path, err)
			}
			file := filepath.Join(dir, ex+"-"+a.Path)
			if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			pages = append(pages, page{name: ex + "/" + strings.TrimSuffix(a.Path, ".html"), url: (&url.URL{Scheme: "file", Path: file}).String()})
		}
	}
	return pages
}

// browser starts headless chromium and returns its context.
func browser(t *testing.T, exe string) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	t.Cleanup(cancel)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // root in CI
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	actx, stopAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(stopAlloc)
	bctx, stopBrowser := chromedp.NewContext(actx)
	t.Cleanup(stopBrowser)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting chromium (%s): %v", exe, err)
	}
	return bctx
}

// look sets the viewport and colour scheme of m, then loads u.
func look(ctx context.Context, m mode, u string) error {
	scheme := "light"
	if m.dark {
		scheme = "dark"
	}
	return chromedp.Do(ctx,
		chromedp.EmulateViewport(m.width, m.height, func(p1 *emulation.SetDeviceMetricsOverrideParams, p2 *emulation.SetTouchEmulationEnabledParams) {
			if m.width <= phoneWidth {
				chromedp.EmulateMobile(p1, p2)
				chromedp.EmulatePortrait(p1, p2)
			}
		}),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
			})
			return err
		}),
		chromedp.Navigate(u),
	)
}

// violation is one axe-core violation, with the elements it was found on.
type violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// runAxe injects axe-core into the page and returns its violations.
func runAxe(ctx context.Context, axe []byte) ([]violation, error) {
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(axe)+";true")); err != nil {
		return nil, fmt.Errorf("injecting axe-core: %v", err)
	}
	tags, _ := json.Marshal(axeTags)
	script := `axe.run(document, {runOnly: {type: "tag", values: ` + string(tags) + `}, resultTypes: ["violations"]})
		.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.html.slice(0, 160))}))))`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](script, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("running axe-core: %v", err)
	}
	var vs []violation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		return nil, fmt.Errorf("axe-core's result: %v", err)
	}
	return vs, nil
}

// overflowScript returns the page's scroll width, the elements whose
// right edge passes the viewport's, and the elements that scroll sideways
// within the page (a table in a scrolling region, say).
const overflowScript = `(function(){
	const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + e.className : "") + ": " + e.textContent.slice(0, 60);
	const all = Array.from(document.querySelectorAll("body *"));
	return JSON.stringify({width: document.documentElement.scrollWidth,
		wide: all.filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).slice(0, 5).map(name),
		scrolling: all.filter(e => e.scrollWidth > e.clientWidth + 1 && ["auto", "scroll"].includes(getComputedStyle(e).overflowX)).slice(0, 5).map(name)});
})()`

// summaryScript returns the height of the notice's summary, 0 when the
// page has none.
const summaryScript = `(function(){ const s = document.querySelector("section.summary"); return s ? s.getBoundingClientRect().height : 0; })()`

// TestBrowserPages opens every example's notices, register and snippets
// in headless chromium, at 1280 px, at 390 px and at 390 px in dark mode,
// and fails on any axe-core violation of WCAG 2.2 A/AA or best practice;
// at 390 px it fails when the page, or anything in it, scrolls sideways,
// or a notice's summary is taller than one screen. With
// ROPA_SCREENSHOTS=dir it also saves there, per page and colour scheme,
// the first phone screen, the whole page and its first table at 390 px.
func TestBrowserPages(t *testing.T) {
	exe, axe := needTool(t)
	pages := examplePages(t)
	ctx := browser(t, exe)
	selfTest(t, ctx, axe)
	shots := os.Getenv("ROPA_SCREENSHOTS")
	for _, m := range modes {
		for _, p := range pages {
			if err := look(ctx, m, p.url); err != nil {
				t.Fatalf("%s at %s: %v", p.name, m.name, err)
			}
			vs, err := runAxe(ctx, axe)
			if err != nil {
				t.Fatalf("%s at %s: %v", p.name, m.name, err)
			}
			for _, v := range vs {
				t.Errorf("%s at %s: axe %s (%s): %s\n\t%s", p.name, m.name, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
			}
			if m.width > phoneWidth {
				continue
			}
			out, err := chromedp.Run(ctx, chromedp.Evaluate[string](overflowScript))
			if err != nil {
				t.Fatal(err)
			}
			var o struct {
				Width     int      `json:"width"`
				Wide      []string `json:"wide"`
				Scrolling []string `json:"scrolling"`
			}
			if err := json.Unmarshal([]byte(out), &o); err != nil {
				t.Fatal(err)
			}
			if o.Width > phoneWidth {
				t.Errorf("%s at %s: the page is %d px wide, so it scrolls sideways; too wide:\n\t%s", p.name, m.name, o.Width, strings.Join(o.Wide, "\n\t"))
			}
			if len(o.Scrolling) > 0 {
				t.Errorf("%s at %s: part of the page scrolls sideways:\n\t%s", p.name, m.name, strings.Join(o.Scrolling, "\n\t"))
			}
			summary, err := chromedp.Run(ctx, chromedp.Evaluate[float64](summaryScript))
			if err != nil {
				t.Fatal(err)
			}
			if summary > 0 {
				t.Logf("%s at %s: the summary is %.0f px tall", p.name, m.name, summary)
			}
			if summary > phoneHeight {
				t.Errorf("%s at %s: the summary is %.0f px tall, more than one %d px phone screen", p.name, m.name, summary, phoneHeight)
			}
			if shots != "" {
				screenshots(t, ctx, shots, p, m)
			}
		}
	}
}

// selfTest checks that axe-core runs and finds what it should: a page
// with an image that has no text alternative, and a table region named
// like its section, as the notices' retention table once was.
func selfTest(t *testing.T, ctx context.Context, axe []byte) {
	t.Helper()
	const bad = `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>` +
		`<section aria-labelledby="h"><h1 id="h">Keep</h1><div role="region" aria-label="Keep" tabindex="0"><p>x</p></div>` +
		`<img src="x.png"></section></main></body></html>`
	if err := look(ctx, modes[0], "data:text/html,"+url.PathEscape(bad)); err != nil {
		t.Fatal(err)
	}
	vs, err := runAxe(ctx, axe)
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, v := range vs {
		found[v.ID] = true
	}
	for _, id := range []string{"image-alt", "landmark-unique"} {
		if !found[id] {
			t.Fatalf("axe-core did not report %s on a page that has it: %+v", id, vs)
		}
	}
}

// screenshots saves the first screen and the whole page as PNGs in dir.
func screenshots(t *testing.T, ctx context.Context, dir string, p page, m mode) {
	t.Helper()
	name := strings.ReplaceAll(p.name, "/", "-")
	if m.dark {
		name += "-dark"
	}
	first, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	full, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{name + "-390-first.png": first, name + "-390-full.png": full}
	// The first table, stacked as cards, when the page has one.
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".table-wrap").length`)); n > 0 {
		table, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(".table-wrap")))
		if err != nil {
			t.Fatal(err)
		}
		files[name+"-390-table.png"] = table
	}
	for file, data := range files {
		if err := os.WriteFile(filepath.Join(dir, file), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
