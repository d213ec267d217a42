package html_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/html"
)

// TestProvenance checks that Options.Provenance puts an escaped data-src
// on every statement with a source, and that without it no output
// carries one.
func TestProvenance(t *testing.T) {
	var l doc.List
	l.Add(doc.From("activities.a.purpose"), doc.T("item"))
	tb := &doc.Table{Header: []string{"h"}}
	tb.AddRow(doc.Law("UK GDPR Art 30"), doc.TextCell("row"))
	d := &doc.Document{Title: "T", Sections: []*doc.Section{{
		ID: "s", Title: "From the model", Src: doc.From("notices.n.title"),
		Blocks: []doc.Block{doc.SP(doc.From(`a."<b>"`), doc.T("para")), doc.P(doc.T("no source")), &l, tb},
	}}}
	prov := func(s doc.Source) string { return strings.Join(s.Paths, ",") + "|" + s.Law }
	var buf bytes.Buffer
	if err := html.Render(&buf, d, html.Options{Fragment: true, Provenance: prov}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`<h2 id="s-heading" data-src="notices.n.title|">`,
		`<p data-src="a.&#34;&lt;b&gt;&#34;|">para</p>`,
		`<p>no source</p>`,
		`<li data-src="activities.a.purpose|">item</li>`,
		`<tr data-src="|UK GDPR Art 30">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	buf.Reset()
	if err := html.Render(&buf, d, html.Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "data-src") {
		t.Error("a page without Provenance carries data-src")
	}
	if !strings.Contains(string(html.StyleSheet()), "{") {
		t.Error("Stylesheet is empty")
	}
}
