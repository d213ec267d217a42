package markdown

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/util"

	"golang.org/x/net/html"

	"github.com/ropa-dev/ropa/render/doc"
)

// TestEscapeTable pins the exact escaping of texts in each context.
func TestEscapeTable(t *testing.T) {
	mid, start := context{}, context{blockStart: true}
	head, cell := context{heading: true}, context{table: true}
	for _, tc := range []struct {
		in   string
		c    context
		want string
	}{
		// Ordinary prose stays as written.
		{"Ask our Data Protection Officer for a copy of the agreement.", start, "Ask our Data Protection Officer for a copy of the agreement."},
		{"Retention: 6 years (HMRC) - then deleted!", start, "Retention: 6 years (HMRC) - then deleted!"},
		{"a = b + c; 100% #1 \"q\" 'q' ^ $ ? / , ;", start, "a = b + c; 100% #1 \"q\" 'q' ^ $ ? / , ;"},
		{"£5 or $5, a: b, a : b", start, "£5 or $5, a: b, a : b"},
		{"Q&A, AT&T and R&D", mid, "Q&A, AT&T and R&D"},
		{"+44 20 7946 0000", start, "+44 20 7946 0000"},
		{"-5 °C, 1.5 million, 2024-01-01", start, "-5 °C, 1.5 million, 2024-01-01"},
		{"#hashtag and C#", start, "#hashtag and C#"},
		{"a ~ b", mid, "a ~ b"},
		{"contact:jane@example.com", mid, "contact:jane@example.com"},
		{"example.com/privacy", mid, "example.com/privacy"},
		{"a | b", mid, "a | b"},
		// Always escaped.
		{`\ ` + "` * _ [ ] < >", mid, `\\ \` + "`" + ` \* \_ \[ \] \< \>`},
		{"data_subject_id", mid, `data\_subject\_id`},
		{"> quote", start, `\> quote`},
		{"<script>alert(1)</script>", mid, `\<script\>alert(1)\</script\>`},
		{"[x](javascript:alert(1))", mid, `\[x\](javascript:alert(1))`},
		// Braces, for site generators: Liquid, Hugo shortcodes, kramdown
		// attribute lists and extensions, heading attributes.
		{"{x}", mid, `\{x\}`},
		{"{{ site.title }}", mid, `\{\{ site.title \}\}`},
		{"{% include x %}", start, `\{% include x %\}`},
		{"{{< sc >}} {{% sc %}}", mid, `\{\{\< sc \>\}\} \{\{% sc %\}\}`},
		{"{: .class}", start, `\{: .class\}`},
		{"Title {#id .c}", head, `Title \{#id .c\}`},
		{"{::comment}", mid, `\{::comment\}`},
		// Math in kramdown and Hugo: "$$" only.
		{"$$x$$ and $$$", mid, `\$\$x\$\$ and \$\$\$`},
		// A definition (kramdown, Hugo), only at the start.
		{": definition", start, `\: definition`},
		{":", start, `\:`},
		{"  : x", start, `  \: x`},
		{":x", start, ":x"},
		{": mid", mid, ": mid"},
		// Entities only when they look like one.
		{"&amp; &#38; &#x26; &copy;", mid, `\&amp; \&#38; \&#x26; \&copy;`},
		{"& ; &; &#; &#x; &a b;", mid, "& ; &; &#; &#x; &a b;"},
		// Strikethrough.
		{"~~s~~", mid, `\~\~s\~\~`},
		{"~5 years", mid, `\~5 years`},
		{"10~20", mid, `10\~20`},
		{"~", mid, `\~`},
		// Images.
		{"Hello![x]", mid, `Hello\!\[x\]`},
		{"Hello!", mid, "Hello!"},
		{"Hello!", context{beforeLink: true}, `Hello\!`},
		// Block starts, only at the start.
		{"# heading", start, `\# heading`},
		{"  ## heading", start, `  \## heading`},
		{"#", start, `\#`},
		{"####### seven", start, "####### seven"},
		{"# heading", mid, "# heading"},
		{"- item", start, `\- item`},
		{"-", start, `\-`},
		{"---", start, `\---`},
		{"- - -", start, `\- - -`},
		{"--flag", start, "--flag"},
		{"+ item", start, `\+ item`},
		{"===", start, `\===`},
		{"= x", start, "= x"},
		{"1. item", start, `1\. item`},
		{"2024) item", start, `2024\) item`},
		{"2024.", start, `2024\.`},
		{"1234567890. item", start, "1234567890. item"},
		{"1. item", mid, "1. item"},
		// Headings keep a trailing '#'.
		{"C #", head, `C \#`},
		{"Section ##", head, `Section #\#`},
		{"#", head, `\#`},
		// Tables escape '|'.
		{"a | b", cell, `a \| b`},
		{`\|`, cell, `\\\|`},
		// Autolinks get one backslash, only where goldmark looks for them.
		{"https://example.com", mid, `https\://example.com`},
		{"see http://example.com and ftp://x.org", mid, `see http\://example.com and ftp\://x.org`},
		{"(www.example.com)", mid, `(www\.example.com)`},
		{"www.example.com", mid, `www\.example.com`},
		{"mail privacy@example.com now", mid, `mail privacy\@example.com now`},
		{"~a@b.co", mid, `\~a\@b.co`},
		{"HTTPS://EXAMPLE.COM", mid, "HTTPS://EXAMPLE.COM"},
		{"xwww.example.com", mid, "xwww.example.com"},
		{"privacy@example.com", context{inLink: true}, "privacy@example.com"},
		// Controls become spaces.
		{"line\n# two\tthree", start, "line # two three"},
	} {
		if got := escape(tc.in, tc.c); got != tc.want {
			t.Errorf("escape(%q, %+v) = %q, want %q", tc.in, tc.c, got, tc.want)
		}
	}
}

// TestTableLinkPipe checks a '|' in a link inside a table cell neither
// splits the cell nor changes the address.
func TestTableLinkPipe(t *testing.T) {
	d := &doc.Document{Sections: []*doc.Section{{ID: "s", Title: "T", Blocks: []doc.Block{
		&doc.Table{Header: []string{"h"}, Rows: [][]doc.Cell{{{doc.Line(doc.L("a|b", "https://example.com/a|b"))}}}},
	}}}}
	root := checkSafe(t, render(t, d, Options{}))
	var tds int
	var href, text string
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "td" {
			tds++
		}
		if n.Type == html.ElementNode && n.Data == "a" {
			href, text = attr(n, "href"), textOf(n)
		}
	})
	if tds != 1 || text != "a|b" || (href != "https://example.com/a|b" && href != "https://example.com/a%7Cb") {
		t.Errorf("got %d cells, link %q to %q", tds, text, href)
	}
}

// TestEmailLocalMatchesGoldmark pins isLocal and the email rule of
// markAutolinks to goldmark's util.FindEmailIndex.
func TestEmailLocalMatchesGoldmark(t *testing.T) {
	for i := 0; i < 256; i++ {
		c := byte(i)
		want := util.FindEmailIndex([]byte{c, '@', 'a'}) >= 0
		if isLocal(c) != want {
			t.Errorf("isLocal(%q) = %v, goldmark says %v", c, !want, want)
		}
		domain := util.FindEmailIndex([]byte{'a', '@', c}) >= 0
		if isAlnum(c) != domain {
			t.Errorf("domain start %q: isAlnum %v, goldmark says %v", c, !domain, domain)
		}
	}
}

// TestEscapeLinear escapes long hostile texts, which would take minutes
// if autolink detection rescanned the text at each trigger.
func TestEscapeLinear(t *testing.T) {
	for _, unit := range []string{"~", "(", "a~", "~a@", " www", "((a"} {
		s := strings.Repeat(unit, 200000)
		if got := escape(s, context{blockStart: true}); len(got) < len(s) {
			t.Errorf("escape of %q×200000 lost text", unit)
		}
	}
}
