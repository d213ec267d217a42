package markdown

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"golang.org/x/net/html"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/internal/doctest"
)

// shape is one place a text can land, with the Markdown ropa writes
// there and the path of elements Goldmark must make of it.
type shape struct {
	name string
	md   func(s string) string
	// path is the element chain from <body> down to the one holding the
	// text; mid is set when links surround the text.
	path []string
	mid  bool
}

var shapes = []shape{
	{"paragraph", func(s string) string { return runs([]doc.Inline{doc.T(s)}, context{blockStart: true}) }, []string{"p"}, false},
	{"list item", func(s string) string { return "- " + runs([]doc.Inline{doc.T(s)}, context{blockStart: true}) }, []string{"ul", "li"}, false},
	{"ordered item", func(s string) string { return "1. " + runs([]doc.Inline{doc.T(s)}, context{blockStart: true}) }, []string{"ol", "li"}, false},
	{"heading", func(s string) string { return "## " + inlineText(s, context{heading: true}) }, []string{"h2"}, false},
	{"strong", func(s string) string { return runs([]doc.Inline{doc.B(s)}, context{blockStart: true}) }, []string{"p", "strong"}, false},
	{"link", func(s string) string {
		return runs([]doc.Inline{doc.L(s, "https://example.com/")}, context{blockStart: true})
	}, []string{"p", "a"}, false},
	{"cell", func(s string) string {
		return "| h |\n| --- |\n| " + runs([]doc.Inline{doc.T(s)}, context{table: true}) + " |"
	}, []string{"tr", "td"}, false},
	{"between links", func(s string) string {
		return runs([]doc.Inline{doc.L("x", "https://example.com/"), doc.T(s), doc.L("y", "https://example.com/")}, context{blockStart: true})
	}, []string{"p"}, true},
}

// checkLiteral fails unless Goldmark renders the Markdown of s in every
// shape as exactly the text of s, in exactly the expected elements.
func checkLiteral(t *testing.T, s string) {
	t.Helper()
	for _, sh := range shapes {
		want := clean(s)
		if !sh.mid {
			want = strings.TrimSpace(want)
		}
		if strings.TrimSpace(want) == "" {
			continue
		}
		md := sh.md(s)
		for _, g := range []struct {
			name string
			gm   goldmark.Markdown
		}{{"goldmark", Goldmark()}, {"site goldmark", siteGoldmark()}} {
			var out bytes.Buffer
			if err := g.gm.Convert([]byte(md), &out); err != nil {
				t.Fatalf("%s: %v", g.name, err)
			}
			if got, ok := literal(out.Bytes(), sh); !ok || got != want {
				t.Errorf("%s, %s: %q\nescaped %q\nrenders %q\nwant text %q", g.name, sh.name, s, md, out.String(), want)
			}
		}
		if why := publishUnsafe(md); why != "" {
			t.Errorf("%s: %q\nescaped %q: %s", sh.name, s, md, why)
		}
	}
}

// siteGoldmark is goldmark as Hugo configures it by default: GFM,
// definition lists, footnotes and attributes ({#id .class} after a
// heading, {.class} on a line after a block).
func siteGoldmark() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAttribute(), parser.WithAutoHeadingID()),
	)
}

// publishUnsafe says what in md a site generator would read before or
// beside Markdown, or "" when nothing: a brace without a backslash (the
// start of Liquid's {{ and {%, Hugo's {{< and {{%, kramdown's {: and
// {::, an attribute list {#id}) or "$$" (kramdown's math).
func publishUnsafe(md string) string {
	for i := 0; i < len(md); i++ {
		if md[i] != '{' && md[i] != '}' {
			continue
		}
		n := 0
		for j := i - 1; j >= 0 && md[j] == '\\'; j-- {
			n++
		}
		if n%2 == 0 {
			return fmt.Sprintf("unescaped %q at byte %d", md[i], i)
		}
	}
	if strings.Contains(md, "$$") {
		return `unescaped "$$"`
	}
	return ""
}

// literal follows sh.path from <body> (<tbody> for a cell), requiring a single child element
// at each step, and returns the text of the last element, which must be
// one text node (between two links for a mid shape).
func literal(out []byte, sh shape) (string, bool) {
	root, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		return "", false
	}
	n := find(root, "body")
	if sh.name == "cell" {
		n = find(root, "tbody")
	}
	if n == nil {
		return "", false
	}
	for _, tag := range sh.path {
		c := onlyElement(n)
		if c == nil || c.Data != tag {
			return "", false
		}
		n = c
	}
	var kids []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		kids = append(kids, c)
	}
	if sh.mid {
		if len(kids) != 3 || kids[0].Data != "a" || kids[2].Data != "a" {
			return "", false
		}
		kids = kids[1:2]
	}
	if len(kids) != 1 || kids[0].Type != html.TextNode {
		return "", false
	}
	return kids[0].Data, true
}

func find(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, tag); f != nil {
			return f
		}
	}
	return nil
}

// onlyElement returns the single element child of n, ignoring white
// space between elements; nil if there is none, several or other text.
func onlyElement(n *html.Node) *html.Node {
	var el *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == html.ElementNode && el == nil:
			el = c
		default:
			return nil
		}
	}
	return el
}

// pieces are the fragments random texts are built from: every character
// Markdown treats specially, and the patterns of blocks, entities and
// autolinks.
var pieces = []string{
	" ", " ", "a", "Z", "9", "é", "😀", "\u00a0", "\t", "\n",
	"\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "!", "#", "+", "-", "=",
	".", ")", "(", ":", "@", "{", "}", "\"", "'", "^", "$", "%", ";", ",", "/", "?",
	"http://", "https://", "ftp://", "www.", "example.com", "x.org", "a@b.co", "privacy@example.com",
	"&amp;", "&#38;", "&#x26;", "&copy", "1.", "2)", "123456789.", "# ", "## ", "- ", "+ ", "* ",
	"---", "===", "```", "~~", "~~~", "![", "](", "<a>", "<!--", "[x]: ", "\\|", "    ",
}

// TestEscapeIsLiteral renders many random and hostile texts in every
// shape and checks Goldmark prints each one exactly.
func TestEscapeIsLiteral(t *testing.T) {
	for _, s := range append(append(doctest.Injections(), doctest.TemplateInjections()...),
		"Ask our Data Protection Officer for a copy of the agreement.",
		"# heading", "- item", "1. item", "C #", "a ~ b", "~ www.example.com ~", "(https://x.com)",
		"x_www.example.com", "*a@b.co", "a&amp;b", "Hello!", "https://a.b/(www.c.com)",
	) {
		checkLiteral(t, s)
	}
	n := 4000
	if testing.Short() {
		n = 400
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range n {
		var b strings.Builder
		for range 1 + rng.IntN(10) {
			if rng.IntN(4) == 0 {
				b.WriteString(doctest.TemplatePieces[rng.IntN(len(doctest.TemplatePieces))])
			} else {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
		}
		checkLiteral(t, b.String())
		if t.Failed() {
			return
		}
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"# x", "a@b.co", "www.x.com", "https://x.com", "~a~", "1. x", "&amp;", "C #", "a|b", "{{ x }}", "{% x %}", ": x", "$$x$$"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkLiteral(t, s) })
}
