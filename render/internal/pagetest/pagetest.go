// Package pagetest keeps the stylesheet out of the golden files of HTML
// pages. Every complete page embeds html.StyleSheet, so a golden file per
// page would repeat it and one change to the stylesheet would rewrite them
// all; instead a page golden holds Marker where the stylesheet goes, and
// the stylesheet has one golden file of its own, StyleSheetGolden. It is
// imported only by tests.
package pagetest

import (
	"bytes"
	"testing"

	"github.com/ropa-dev/ropa/render/html"
)

// StyleSheetGolden is the golden file of the stylesheet, relative to the
// module root.
const StyleSheetGolden = "render/html/testdata/style.css"

// Marker stands in a page's golden file for the stylesheet; what a page
// adds to it in the same <style> element (the landscape @page rule) stays.
const Marker = "/* style.css: see the golden file " + StyleSheetGolden + " */\n"

// WithoutStyleSheet returns page with the stylesheet replaced by Marker.
// It fails the test when page does not embed the stylesheet exactly once,
// at the start of a <style> element. The page itself is not changed.
func WithoutStyleSheet(t testing.TB, page []byte) []byte {
	t.Helper()
	css := append([]byte("<style>\n"), html.StyleSheet()...)
	if n := bytes.Count(page, css); n != 1 {
		t.Fatalf("the page embeds the stylesheet %d times, want once at the start of a <style> element", n)
	}
	return bytes.Replace(page, css, []byte("<style>\n"+Marker), 1)
}
