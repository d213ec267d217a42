package html

import (
	"bytes"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/internal/doctest"
)

func render(t testing.TB, d *doc.Document, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d, opts); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

func TestDeterministic(t *testing.T) {
	for _, o := range []Options{{}, {Fragment: true}} {
		if !bytes.Equal(render(t, doctest.Sample(), o), render(t, doctest.Sample(), o)) {
			t.Errorf("%+v: two renders of the same document differ", o)
		}
	}
}

func parse(t testing.TB, b []byte) *xhtml.Node {
	t.Helper()
	n, err := xhtml.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return n
}

func walk(n *xhtml.Node, fn func(*xhtml.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func elements(root *xhtml.Node, a atom.Atom) []*xhtml.Node {
	var out []*xhtml.Node
	walk(root, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.DataAtom == a {
			out = append(out, n)
		}
	})
	return out
}

func getAttr(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// inline elements do not separate the words around them.
var inline = map[atom.Atom]bool{atom.A: true, atom.Strong: true, atom.Span: true, atom.Time: true}

func textOf(n *xhtml.Node) string {
	var b strings.Builder
	walk(n, func(n *xhtml.Node) {
		switch {
		case n.Type == xhtml.TextNode && n.Parent != nil && n.Parent.DataAtom != atom.Style:
			b.WriteString(n.Data)
		case n.Type == xhtml.ElementNode && !inline[n.DataAtom]:
			b.WriteString(" ")
		}
	})
	return doctest.Normalise(b.String())
}

// checkSafe fails on script, external resources, event handlers and
// unsafe links anywhere in root.
func checkSafe(t testing.TB, root *xhtml.Node, src []byte) {
	t.Helper()
	walk(root, func(n *xhtml.Node) {
		if n.Type != xhtml.ElementNode {
			return
		}
		switch n.DataAtom {
		case atom.Script, atom.Iframe, atom.Img, atom.Object, atom.Embed, atom.Link, atom.Form, atom.Base:
			t.Errorf("<%s> element in output:\n%s", n.Data, src)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "src" || a.Key == "srcdoc" || a.Key == "style" {
				t.Errorf("attribute %s=%q in output:\n%s", a.Key, a.Val, src)
			}
		}
		if href, ok := getAttr(n, "href"); ok && !strings.HasPrefix(href, "#") {
			if n.DataAtom != atom.A || !doc.SafeURL(href) {
				t.Errorf("unsafe href %q on <%s>:\n%s", href, n.Data, src)
			}
			if rel, _ := getAttr(n, "rel"); !strings.HasPrefix(strings.ToLower(href), "mailto:") && rel != "noopener" {
				t.Errorf("external link %q without rel=noopener", href)
			}
		}
	})
}

func TestPageStructure(t *testing.T) {
	d := doctest.Sample()
	src := render(t, d, Options{})
	if !bytes.HasPrefix(src, []byte("<!DOCTYPE html>\n")) {
		t.Error("page does not start with <!DOCTYPE html>")
	}
	root := parse(t, src)
	checkSafe(t, root, src)

	htmls := elements(root, atom.Html)
	if lang, _ := getAttr(htmls[0], "lang"); lang != "en-GB" {
		t.Errorf("html lang = %q", lang)
	}
	var charset, viewport bool
	for _, m := range elements(root, atom.Meta) {
		if v, _ := getAttr(m, "charset"); v == "utf-8" {
			charset = true
		}
		if v, _ := getAttr(m, "name"); v == "viewport" {
			viewport = true
		}
	}
	if !charset || !viewport {
		t.Errorf("meta charset %v, viewport %v", charset, viewport)
	}
	if ts := elements(root, atom.Title); len(ts) != 1 || textOf(ts[0]) != d.Title {
		t.Errorf("title element wrong")
	}
	styles := elements(root, atom.Style)
	if len(styles) != 1 || !strings.Contains(textOfRaw(styles[0]), "@media print") {
		t.Error("no embedded stylesheet with a print section")
	}
	if css := textOfRaw(styles[0]); strings.Contains(css, "url(") || strings.Contains(css, "@import") {
		t.Error("stylesheet makes external requests")
	}
	for _, a := range []atom.Atom{atom.Header, atom.Main, atom.Article, atom.H1} {
		if len(elements(root, a)) != 1 {
			t.Errorf("want one <%s>", a)
		}
	}
	checkContent(t, d, root)
}

func textOfRaw(n *xhtml.Node) string {
	var b strings.Builder
	walk(n, func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
	})
	return b.String()
}

// checkContent checks the table of contents, sections, headings, tables
// and that every text of d is shown.
func checkContent(t *testing.T, d *doc.Document, root *xhtml.Node) {
	t.Helper()
	// Sections with ids, labelled by their heading at the right level.
	byID := map[string]*xhtml.Node{}
	walk(root, func(n *xhtml.Node) {
		if id, ok := getAttr(n, "id"); ok && n.Type == xhtml.ElementNode {
			if byID[id] != nil {
				t.Errorf("duplicate id %q", id)
			}
			byID[id] = n
		}
	})
	d.Walk(func(s *doc.Section, depth int) {
		sec := byID[s.ID]
		if sec == nil || sec.DataAtom != atom.Section {
			t.Errorf("no <section id=%q>", s.ID)
			return
		}
		lab, _ := getAttr(sec, "aria-labelledby")
		h := byID[lab]
		want := []atom.Atom{0, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6}[min(depth, 5)]
		if h == nil || h.DataAtom != want || textOf(h) != s.Title {
			t.Errorf("section %q: aria-labelledby=%q does not name an <%s> %q", s.ID, lab, want, s.Title)
		}
	})
	// Table of contents: nested lists of links to every section, in order.
	navs := elements(root, atom.Nav)
	if len(navs) != 1 {
		t.Fatalf("want one nav, got %d", len(navs))
	}
	if l, _ := getAttr(navs[0], "aria-label"); l != "Contents" {
		t.Errorf("nav aria-label = %q", l)
	}
	var hrefs []string
	for _, a := range elements(navs[0], atom.A) {
		h, _ := getAttr(a, "href")
		hrefs = append(hrefs, h)
		depth := 0
		for p := a.Parent; p != navs[0]; p = p.Parent {
			if p.DataAtom == atom.Ol {
				depth++
			}
		}
		id := strings.TrimPrefix(h, "#")
		var sdepth int
		d.Walk(func(s *doc.Section, dd int) {
			if s.ID == id {
				sdepth = dd
			}
		})
		if depth != sdepth {
			t.Errorf("toc link %s nested %d deep, section depth %d", h, depth, sdepth)
		}
	}
	var want []string
	d.Walk(func(s *doc.Section, _ int) { want = append(want, "#"+s.ID) })
	if strings.Join(hrefs, " ") != strings.Join(want, " ") {
		t.Errorf("toc links %q, want %q", hrefs, want)
	}
	// Tables: captions and column headers.
	for _, tb := range elements(root, atom.Table) {
		if len(elements(tb, atom.Caption)) != 1 {
			t.Error("table without caption")
		}
		ths := elements(tb, atom.Th)
		if len(ths) == 0 {
			t.Error("table without header cells")
		}
		for _, th := range ths {
			if s, _ := getAttr(th, "scope"); s != "col" {
				t.Errorf("th %q scope=%q", textOf(th), s)
			}
		}
		if p := tb.Parent; p.DataAtom != atom.Div || !strings.Contains(attrOf(p, "class"), "table-wrap") {
			t.Error("table not wrapped in a scrollable div")
		}
	}
	// Strong text and links.
	var strong []string
	for _, s := range elements(root, atom.Strong) {
		strong = append(strong, textOf(s))
	}
	if !strings.Contains(strings.Join(strong, "|"), "controller") {
		t.Errorf("strong texts %q", strong)
	}
	links := map[string]string{}
	for _, a := range elements(root, atom.A) {
		links[textOf(a)] = attrOf(a, "href")
	}
	if links["our website"] != "https://example.com/privacy?a=1&b=(2)" || links["privacy@example.com"] != "mailto:privacy@example.com" {
		t.Errorf("links %q", links)
	}
	got := textOf(elements(root, atom.Body)[0])
	for _, w := range doctest.Texts(d) {
		if w != "" && !strings.Contains(got, doctest.Normalise(w)) {
			t.Errorf("text %q missing", w)
		}
	}
}

func attrOf(n *xhtml.Node, key string) string {
	v, _ := getAttr(n, key)
	return v
}

func TestFragment(t *testing.T) {
	d := doctest.Sample()
	src := render(t, d, Options{Fragment: true})
	if !bytes.HasPrefix(src, []byte("<article")) || !bytes.HasSuffix(src, []byte("</article>\n")) {
		t.Errorf("fragment is not one article:\n%.200s", src)
	}
	root := parse(t, src)
	checkSafe(t, root, src)
	for _, a := range []atom.Atom{atom.Style, atom.Header, atom.Main, atom.H1, atom.Meta, atom.Title} {
		if len(elements(root, a)) != 0 {
			t.Errorf("fragment holds <%s>", a)
		}
	}
	d.Title, d.Subtitle, d.Version, d.Date = "", "", "", ""
	checkContent(t, d, root)
}

func TestInjection(t *testing.T) {
	for _, text := range doctest.Injections() {
		d := doctest.Hostile(text, "javascript:alert(1)")
		d.Lang = `en"><script>alert(1)</script>`
		d.Date = text
		d.Sections[0].ID = `x"><script>alert(1)</script>`
		for _, o := range []Options{{}, {Fragment: true}} {
			src := render(t, d, o)
			root := parse(t, src)
			checkSafe(t, root, src)
			if got := textOf(root); !strings.Contains(got, doctest.Normalise(text)) {
				t.Errorf("text %q not shown literally", text)
			}
			for _, a := range elements(root, atom.A) {
				if !strings.HasPrefix(attrOf(a, "href"), "#") {
					t.Errorf("javascript: URL made a link:\n%s", src)
				}
			}
		}
	}
}

func TestOddDocuments(t *testing.T) {
	docs := []*doc.Document{
		nil,
		{},
		{Sections: []*doc.Section{nil, {ID: "", Title: "No id"}, {ID: "dup"}, {ID: "dup"}, {ID: "table-1-caption"}}},
		{Intro: []doc.Block{nil, (*doc.Paragraph)(nil), (*doc.List)(nil), (*doc.Table)(nil), &doc.Table{}, &doc.Table{Rows: [][]doc.Cell{{nil, doc.TextCell("a")}, {}}}}},
		{Title: "\x00\x01\xff\ufffe", Sections: []*doc.Section{{ID: "a", Title: "\x7f"}}},
	}
	for i, d := range docs {
		for _, o := range []Options{{}, {Fragment: true}} {
			src := render(t, d, o)
			root := parse(t, src)
			checkSafe(t, root, src)
			seen := map[string]bool{}
			walk(root, func(n *xhtml.Node) {
				if id, ok := getAttr(n, "id"); ok {
					if seen[id] || !validID(id) {
						t.Errorf("doc %d: bad or duplicate id %q", i, id)
					}
					seen[id] = true
				}
			})
		}
	}
}

func FuzzHTML(f *testing.F) {
	f.Add("plain text", "https://example.com")
	f.Add("<script>alert(1)</script>", "javascript:alert(1)")
	f.Add("\"><img src=x onerror=alert(1)>", "https://x\" onmouseover=\"alert(1)")
	f.Add("&lt;script&gt; </article>", " javascript:alert(1)")
	f.Add("שלום 😀 \x00", "JaVaScRiPt:alert(1)")
	f.Add("]]><!-- -->", "mailto:a@example.com?subject=<x>")
	f.Fuzz(func(t *testing.T, text, url string) {
		d := doctest.Hostile(text, url)
		for _, o := range []Options{{}, {Fragment: true}} {
			src := render(t, d, o)
			checkSafe(t, parse(t, src), src)
		}
	})
}
