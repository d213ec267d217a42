package html

import (
	"html"
	"strings"
	"unicode"

	"github.com/ropa-dev/ropa/render/doc"
)

// clean makes s valid UTF-8 and replaces the control characters HTML does
// not allow (all but tab, line feed and carriage return) with U+FFFD.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return r
		}
		if unicode.IsControl(r) || (r >= 0xfdd0 && r <= 0xfdef) || r&0xfffe == 0xfffe {
			return '\uFFFD'
		}
		return r
	}, s)
}

// braces writes '{' and '}' as character references. A site generator
// that runs a template language over the HTML it is given (Jekyll's
// Liquid, Hugo, Eleventy's Nunjucks, Jinja) reads "{{", "{%" and "{#" as
// its own tags; written as &#123; no brace is left for it to find, and a
// browser still shows '{'.
var braces = strings.NewReplacer("{", "&#123;", "}", "&#125;")

// text escapes s for element content: markup characters and braces.
func text(s string) string { return braces.Replace(html.EscapeString(clean(s))) }

// attr escapes s for a double-quoted attribute value, braces included.
func attr(s string) string { return braces.Replace(html.EscapeString(clean(s))) }

// runs renders inline runs: escaped text, <strong>, citations in a
// secondary style, links to safe addresses and links within the build's
// outputs; any other address leaves its text unlinked.
func runs(rs []doc.Inline) string {
	var b strings.Builder
	for _, r := range rs {
		t := text(r.Text)
		if r.Strong {
			t = "<strong>" + t + "</strong>"
		}
		if r.Cite {
			t = `<small class="cite">` + t + "</small>"
		}
		switch {
		case doc.SafeURL(r.URL):
			rel := ""
			if !strings.HasPrefix(strings.ToLower(r.URL), "mailto:") {
				rel = ` rel="noopener"`
			}
			t = `<a href="` + attr(r.URL) + `"` + rel + ">" + t + "</a>"
		case r.URL == "" && doc.ValidRef(r.Ref):
			t = `<a href="` + attr(refHref(r.Ref)) + `">` + t + "</a>"
		}
		b.WriteString(t)
	}
	return b.String()
}

// refHref is the address of a valid Ref: the anchor as it is, or another
// document's HTML page.
func refHref(ref string) string {
	if strings.HasPrefix(ref, "#") {
		return ref
	}
	return ref + ".html"
}
