package notice

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/ropa-dev/ropa/render/internal/doctest"
	"github.com/ropa-dev/ropa/render/markdown"
	"github.com/ropa-dev/ropa/ropa"
)

// hostile are texts that would be markup, links or layout tricks if any
// renderer interpreted them.
var hostile = []string{
	"<script>alert(1)</script>",
	"**bold**",
	"[x](javascript:alert(1))",
	"<img src=x onerror=alert(1)>",
	"| pipe | table |",
	"# not a heading",
	"שלום עולם مرحبا",
	"\u202eevil\u202c reversed",
	"🏠 home 👍🏽",
}

const hostileModel = `package m

schemaVersion: "1"
controller: {
	name: "H0 Homes"
	description: "H1"
	contacts: [{role: "H2", email: "a@example.org"}]
	dpo: {name: "H3", email: "dpo@example.org"}
}
notices: n: {
	title: "H4"
	version: "1"
	lastUpdated: "2025-01-01"
	summary: ["H5"]
	sections: [{title: "H6", paragraphs: ["H7"], items: ["H8"], blocks: [{paragraph: "H0"}, {items: ["H1", "H2"]}]}]
	phrases: "section.your-rights.title": "H5"
}
subjects: s: name: "H0"
categories: c: {name: "H1", description: "H2", examples: ["H3", "H4"]}
recipients: r: {name: "H5", role: "processor", description: "H6"}
retention: k: {name: "H7", period: "1 year", trigger: "H8", source: "H0"}
activities: a: {
	name: "H1"
	purpose: "H2"
	details: ["H3"]
	audiences: ["n"]
	subjects: ["s"]
	categories: ["c"]
	lawfulBases: [{basis: "legitimate-interests", interest: "H4"}]
	recipients: ["r"]
	retention: ["k"]
	requirement: {kind: "voluntary", consequence: "H5"}
}
cookies: k: {name: "H6", provider: "H7", party: "first", purpose: "H8", duration: "H0"}
complaints: procedure: "H1"
history: [{version: "1", date: "2025-01-01", summary: ["H2"]}]
phrases: "section.cookies.title": "H3 {placeholder}"
`

// hostileFiles returns the model with each Hn replaced by hostile[n] (as
// a CUE string body).
func hostileFiles() []ropa.File {
	src := hostileModel
	for i := len(hostile) - 1; i >= 0; i-- {
		src = strings.ReplaceAll(src, "H"+strconv.Itoa(i), cueEscape(hostile[i]))
	}
	return []ropa.File{{Name: "m.cue", Data: []byte(src)}}
}

func cueEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
}

// TestInjection checks that hostile text reaches every output as inert
// text: no script, no javascript: link, no markup made of it, and the
// text itself present.
func TestInjection(t *testing.T) {
	m, err := ropa.LoadFiles(hostileFiles())
	if err != nil {
		// The override uses a placeholder the phrase lacks: expect that
		// error first, then load without it.
		t.Fatalf("load: %v", err)
	}
	if _, err := Plan(m, m.Notices["n"]); err == nil || !strings.Contains(err.Error(), "{placeholder}") {
		t.Fatalf("override with an unknown placeholder: err = %v", err)
	}
	m.Phrases = map[string]string{"section.cookies.title": hostile[3]}
	out := renderAll(t, m)
	docs := map[string][]byte{"html": out["n.html"], "fragment.html": out["n.fragment.html"]}
	var md bytes.Buffer
	if err := markdown.Goldmark().Convert(out["n.md"], &md); err != nil {
		t.Fatal(err)
	}
	docs["md"] = md.Bytes()
	for format, b := range docs {
		checkInert(t, format, b)
		text := doctest.Normalise(htmlText(t, b))
		for _, h := range hostile {
			if !strings.Contains(text, doctest.Normalise(h)) {
				t.Errorf("%s: text lacks %q", format, h)
			}
		}
	}
	// PDF: the text is there, character for character (white space and
	// hyphens aside, and characters the PDF fonts lack shown as [U+XXXX];
	// see squeeze and pdfContains).
	pdf := pdfComparable(pdfText(t, out["n.pdf"]))
	for _, h := range hostile {
		if !pdfContains(pdf, h) {
			t.Errorf("pdf: text lacks %q", h)
		}
	}
}

// checkInert fails if HTML holds a script, an event handler, a
// javascript: address or emphasis made of the hostile text.
func checkInert(t *testing.T, format string, b []byte) {
	t.Helper()
	root, err := xhtml.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			switch n.Data {
			case "script", "img", "iframe", "object", "embed":
				t.Errorf("%s: has a <%s> element", format, n.Data)
			case "strong", "em", "b":
				if c := n.FirstChild; c != nil && c.Type == xhtml.TextNode && c.Data == "bold" {
					t.Errorf("%s: **bold** became <%s>", format, n.Data)
				}
			case "h1", "h2", "h3", "h4", "h5", "h6":
				if c := n.FirstChild; c != nil && c.Type == xhtml.TextNode && strings.HasPrefix(c.Data, "not a heading") {
					t.Errorf("%s: # text became a heading", format)
				}
			}
			for _, a := range n.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(v, "javascript:") {
					t.Errorf("%s: <%s %s=%q>", format, n.Data, a.Key, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
}
