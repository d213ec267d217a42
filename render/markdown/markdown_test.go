package markdown

import (
	"bytes"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"

	"github.com/ropa-dev/ropa/internal/golden"
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

func TestGolden(t *testing.T) {
	golden.Check(t, "testdata/sample.md", render(t, doctest.Sample(), Options{}))
	golden.Check(t, "testdata/sample_frontmatter.md", render(t, doctest.Sample(), Options{FrontMatter: true}))
}

func TestDeterministic(t *testing.T) {
	a := render(t, doctest.Sample(), Options{FrontMatter: true})
	b := render(t, doctest.Sample(), Options{FrontMatter: true})
	if !bytes.Equal(a, b) {
		t.Error("two renders of the same document differ")
	}
}

// toHTML converts Markdown with Goldmark and parses the result.
func toHTML(t testing.TB, md []byte) (*html.Node, string) {
	t.Helper()
	var out bytes.Buffer
	if err := Goldmark().Convert(md, &out); err != nil {
		t.Fatalf("goldmark: %v", err)
	}
	n, err := html.Parse(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatalf("parse goldmark output: %v", err)
	}
	return n, out.String()
}

func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

// inline elements do not separate the words around them.
var inline = map[string]bool{"a": true, "strong": true, "em": true, "code": true, "span": true, "time": true, "del": true}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && !inline[n.Data]:
			b.WriteString(" ")
		}
	})
	return doctest.Normalise(b.String())
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// checkSafe fails on raw HTML, script elements and unsafe links in the
// HTML Goldmark makes of md.
func checkSafe(t testing.TB, md []byte) *html.Node {
	t.Helper()
	root, out := toHTML(t, md)
	if strings.Contains(out, "raw HTML omitted") {
		t.Errorf("Markdown holds raw HTML:\n%s", md)
	}
	walk(root, func(n *html.Node) {
		switch {
		case n.Type == html.CommentNode:
			t.Errorf("comment %q in output", n.Data)
		case n.Type == html.ElementNode && n.Data == "script":
			t.Errorf("script element in output:\n%s", out)
		case n.Type == html.ElementNode && n.Data == "a":
			if href := attr(n, "href"); !doc.SafeURL(href) {
				t.Errorf("unsafe link %q in output:\n%s", href, out)
			}
		case n.Type == html.ElementNode && n.Data == "img":
			t.Errorf("image in output:\n%s", out)
		}
	})
	return root
}

func TestAllTextSurvives(t *testing.T) {
	d := doctest.Sample()
	root := checkSafe(t, render(t, d, Options{}))
	got := textOf(root)
	for _, want := range doctest.Texts(d) {
		if w := doctest.Normalise(want); !strings.Contains(got, w) {
			t.Errorf("text %q missing from the rendered Markdown", w)
		}
	}
	// The table is a real table with its header cells.
	var ths, tables int
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "th":
				ths++
			case "table":
				tables++
			}
		}
	})
	if tables != 2 || ths != 6 {
		t.Errorf("got %d tables, %d header cells; want 2, 6", tables, ths)
	}
}

func TestLinksAndStrong(t *testing.T) {
	root := checkSafe(t, render(t, doctest.Sample(), Options{}))
	links := map[string]string{}
	var strong []string
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "a":
			links[textOf(n)] = attr(n, "href")
		case "strong":
			strong = append(strong, textOf(n))
		}
	})
	want := map[string]string{
		"privacy@example.com": "mailto:privacy@example.com",
		"our website":         "https://example.com/privacy?a=1&b=(2)",
		"orders":              "https://example.com/orders",
		"our partners":        "https://partners.example.com",
	}
	for text, href := range want {
		// Goldmark percent-encodes some characters; compare decoded.
		if got, ok := links[text]; !ok || unescapeURL(got) != href {
			t.Errorf("link %q: got href %q, want %q", text, got, href)
		}
	}
	if !contains(strong, "controller") || !contains(strong, "Contact details") {
		t.Errorf("strong texts %q miss controller or Contact details", strong)
	}
}

func unescapeURL(s string) string {
	r := strings.NewReplacer("%28", "(", "%29", ")", "%20", " ")
	return r.Replace(s)
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestInjection(t *testing.T) {
	for _, text := range doctest.Injections() {
		d := doctest.Hostile(text, "javascript:alert(1)")
		md := render(t, d, Options{FrontMatter: true})
		body := md[bytes.Index(md[3:], []byte("---\n"))+7:]
		root := checkSafe(t, body)
		got := textOf(root)
		if !strings.Contains(got, doctest.Normalise(text)) {
			t.Errorf("text %q not printed literally; got %q", text, got)
		}
		walk(root, func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "strong" && textOf(n) != doctest.Normalise(text) {
				t.Errorf("text %q made a strong element %q", text, textOf(n))
			}
			if n.Type == html.ElementNode && n.Data == "a" {
				t.Errorf("text %q with a javascript: URL made a link", text)
			}
		})
	}
}

func TestFrontMatterIsYAML(t *testing.T) {
	long := strings.Repeat("a long title that a YAML encoder might fold ", 10)
	for _, s := range append(doctest.Injections(), "a \"quoted\" \\ back\nslash\t\x00\u2028\x85", "key: value", "\xff bad utf-8", "", long) {
		d := &doc.Document{Title: s, Date: "2026-01-01", Version: s, Lang: "cy"}
		md := render(t, d, Options{FrontMatter: true})
		end := bytes.Index(md[4:], []byte("\n---\n"))
		if !bytes.HasPrefix(md, []byte("---\n")) || end < 0 {
			t.Fatalf("no front matter in:\n%s", md)
		}
		fields := 4
		if s == "" {
			fields = 3 // no version: none claimed
		}
		if n := bytes.Count(md[4:4+end+1], []byte("\n")); n != fields {
			t.Errorf("front matter for %q is %d lines, want one a field:\n%s", s, n, md)
		}
		var fm map[string]string
		if err := yaml.Unmarshal(md[4:4+end], &fm); err != nil {
			t.Fatalf("front matter for %q is not YAML: %v\n%s", s, err, md)
		}
		want := strings.ToValidUTF8(s, "\uFFFD")
		if fm["title"] != want || fm["version"] != want || fm["date"] != "2026-01-01" || fm["lang"] != "cy" {
			t.Errorf("front matter for %q read back as %q", s, fm)
		}
		if bytes.Contains(md, []byte("\n# ")) {
			t.Errorf("with front matter the title heading is left to the theme, but it is there:\n%s", md)
			t.Errorf("front matter for %q read back as %q", s, fm)
		}
	}
}

func TestHostileStructure(t *testing.T) {
	// Texts that would start blocks if they were not escaped.
	for _, s := range []string{"# heading", "    code", "> quote", "1. item", "- item", "===", "---", "```", "| a | b |", "&lt;b&gt;", "line\n# two", "https://example.com", "www.example.com", "a@example.com", "\\", "*", "_x_", "~~s~~", "[a]: https://x"} {
		d := &doc.Document{Sections: []*doc.Section{{ID: "x", Title: s, Blocks: []doc.Block{
			doc.P(doc.T(s)), &doc.List{Items: [][]doc.Inline{{doc.T(s)}}},
			&doc.Table{Header: []string{s}, Rows: [][]doc.Cell{{doc.TextCell(s, s)}}},
		}}}}
		md := render(t, d, Options{})
		root := checkSafe(t, md)
		walk(root, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			switch n.Data {
			case "h1", "h3", "pre", "code", "blockquote", "ol", "hr", "em", "strong", "del", "a":
				t.Errorf("text %q made a <%s>:\n%s", s, n.Data, md)
			}
		})
		if got := textOf(root); !strings.Contains(got, doctest.Normalise(s)) {
			t.Errorf("text %q lost; got %q", s, got)
		}
	}
}

func FuzzMarkdown(f *testing.F) {
	f.Add("plain text", "https://example.com")
	f.Add("<script>alert(1)</script>", "javascript:alert(1)")
	f.Add("**bold** [x](javascript:alert(1))", "https://example.com/a b(c)<d>")
	f.Add("<img src=x onerror=alert(1)>", "mailto:a@example.com")
	f.Add("`code` &amp; \\*", "HTTPS://EXAMPLE.COM/\\)&lt;")
	f.Add("שלום 😀", "http://x\n<script>")
	f.Fuzz(func(t *testing.T, text, url string) {
		d := doctest.Hostile(text, url)
		md := render(t, d, Options{})
		root := checkSafe(t, md)
		count := map[string]int{}
		walk(root, func(n *html.Node) {
			if n.Type == html.ElementNode {
				count[n.Data]++
			}
		})
		for _, tag := range []string{"em", "del", "code", "pre", "blockquote", "hr", "h3", "input"} {
			if count[tag] > 0 {
				t.Errorf("text made a <%s>:\n%s", tag, md)
			}
		}
		// The strong run and the table caption are the only strong texts.
		if count["strong"] > 2 || count["h1"] > 1 || count["h2"] != 1 || count["table"] != 1 {
			t.Errorf("text changed the structure: %v\n%s", count, md)
		}
	})
}

// TestTemplateSyntaxInDocument renders a whole hostile document whose
// texts and link addresses hold template syntax: outside the front
// matter, every brace in the Markdown has a backslash or is
// percent-encoded, and Goldmark still shows the texts and follows the
// addresses exactly.
func TestTemplateSyntaxInDocument(t *testing.T) {
	const url = "https://example.com/{{x}}?q={%y%}"
	for _, text := range doctest.TemplateInjections() {
		d := doctest.Hostile(text, url)
		md := render(t, d, Options{})
		if why := publishUnsafe(string(md)); why != "" {
			t.Errorf("%q: %s:\n%s", text, why, md)
		}
		root, _ := toHTML(t, md)
		walk(root, func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "a" && attr(n, "href") != "https://example.com/%7B%7Bx%7D%7D?q=%7B%25y%25%7D" {
				t.Errorf("%q: href %q", text, attr(n, "href"))
			}
		})
	}
}
