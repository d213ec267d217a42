package html_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/ropa-dev/ropa/internal/golden"
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/html"
	"github.com/ropa-dev/ropa/render/internal/doctest"
	"github.com/ropa-dev/ropa/render/internal/pagetest"
)

// TestGolden compares the sample document, as a page (portrait and
// landscape) and as a fragment, with its golden files; the pages' golden
// files hold pagetest.Marker for the stylesheet, which TestStyleSheetGolden
// compares once. (It is an external test because pagetest imports html.)
func TestGolden(t *testing.T) {
	page := func(d *doc.Document) []byte {
		var buf bytes.Buffer
		if err := html.Render(&buf, d, html.Options{}); err != nil {
			t.Fatal(err)
		}
		return pagetest.WithoutStyleSheet(t, buf.Bytes())
	}
	golden.Check(t, "testdata/sample.html", page(doctest.Sample()))
	d := doctest.Sample()
	d.Landscape = true
	golden.Check(t, "testdata/sample_landscape.html", page(d))

	var frag bytes.Buffer
	if err := html.Render(&frag, doctest.Sample(), html.Options{Fragment: true}); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/sample_fragment.html", frag.Bytes())
}

// TestStyleSheetGolden keeps the stylesheet every page embeds in one golden
// file, so that a change to it is reviewed once, not in every page.
func TestStyleSheetGolden(t *testing.T) {
	if want := filepath.Join("render", "html", "testdata", "style.css"); filepath.FromSlash(pagetest.StyleSheetGolden) != want {
		t.Fatalf("pagetest.StyleSheetGolden = %s, want %s", pagetest.StyleSheetGolden, want)
	}
	golden.Check(t, "testdata/style.css", html.StyleSheet())
}
