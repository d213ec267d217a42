package html

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/ropa-dev/ropa/render/internal/doctest"
)

// templateTexts are the fixed template injections and random texts mixing
// template syntax with the characters around it.
func templateTexts(n int) []string {
	texts := doctest.TemplateInjections()
	rng := rand.New(rand.NewPCG(3, 4))
	for range n {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(doctest.TemplatePieces[rng.IntN(len(doctest.TemplatePieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// withoutStyle returns src with the contents of <style> elements cut out:
// the stylesheet is ropa's own, and its braces are CSS.
func withoutStyle(src []byte) []byte {
	var out []byte
	for {
		i := bytes.Index(src, []byte("<style>"))
		if i < 0 {
			return append(out, src...)
		}
		j := bytes.Index(src[i:], []byte("</style>"))
		if j < 0 {
			return append(out, src...)
		}
		out = append(out, src[:i]...)
		src = src[i+j+len("</style>"):]
	}
}

// TestTemplateSyntaxInert renders texts and a link address holding
// template syntax as a page and as a fragment. No '{' or '}' may reach
// the output outside the stylesheet, so a site generator that runs
// Liquid, Hugo or Jinja over the HTML finds no "{{" or "{%" to execute;
// and a browser still shows every text, and follows every link, exactly.
func TestTemplateSyntaxInert(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 50
	}
	const url = "https://example.com/{{x}}?q={%y%}"
	for _, text := range templateTexts(n) {
		d := doctest.Hostile(text, url)
		d.Author, d.Subtitle, d.Version, d.Date = text, text, text, text
		for _, o := range []Options{{}, {Fragment: true}} {
			src := render(t, d, o)
			if rest := withoutStyle(src); bytes.ContainsAny(rest, "{}") {
				t.Fatalf("text %q: a brace reaches the output (fragment %v):\n%s", text, o.Fragment, rest)
			}
			root := parse(t, src)
			checkSafe(t, root, src)
			if want := doctest.Normalise(clean(text)); want != "" && !strings.Contains(textOf(root), want) {
				t.Fatalf("text %q not shown literally:\n%s", text, src)
			}
			walk(root, func(n *xhtml.Node) {
				if n.DataAtom == atom.A {
					if href := attrOf(n, "href"); !strings.HasPrefix(href, "#") && href != url {
						t.Errorf("href %q, want %q", href, url)
					}
				}
				if n.DataAtom == atom.Meta && attrOf(n, "name") == "author" && attrOf(n, "content") != clean(text) {
					t.Errorf("author %q, want %q", attrOf(n, "content"), text)
				}
			})
		}
	}
}

// TestBracesEscaped pins the escape: '{' and '}' as character references
// in text and attributes alike, and nothing else changed.
func TestBracesEscaped(t *testing.T) {
	for in, want := range map[string]string{
		"{{ site.title }}":  "&#123;&#123; site.title &#125;&#125;",
		"{% include x %}":   "&#123;% include x %&#125;",
		"a <b> & \"c\" {d}": "a &lt;b&gt; &amp; &#34;c&#34; &#123;d&#125;",
		"no braces":         "no braces",
	} {
		if got := text(in); got != want {
			t.Errorf("text(%q) = %q, want %q", in, got, want)
		}
		if got := attr(in); got != want {
			t.Errorf("attr(%q) = %q, want %q", in, got, want)
		}
	}
}
