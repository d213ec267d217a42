package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ropa-dev/ropa/render/doc"
)

// inlineText escapes s for c and trims the spaces around it, which
// CommonMark would otherwise read as indentation.
func inlineText(s string, c context) string {
	return strings.TrimSpace(escape(s, c))
}

// runs renders inline runs: escaped text, **strong** text and links to
// safe addresses. The result is trimmed. c.blockStart applies to the first
// run that prints something.
func runs(rs []doc.Inline, c context) string {
	var b strings.Builder
	ms := merge(rs)
	blank := true
	for i, r := range ms {
		rc := context{table: c.table, blockStart: c.blockStart && blank}
		rc.beforeLink = i+1 < len(ms) && opensBracket(ms[i+1], c)
		out := run(r, rc)
		blank = blank && strings.TrimSpace(out) == ""
		b.WriteString(out)
	}
	return strings.TrimSpace(b.String())
}

// opensBracket reports whether r renders as a link starting with '['.
func opensBracket(r doc.Inline, c context) bool {
	return linkOf(r) != "" && strings.HasPrefix(run(r, context{table: c.table}), "[")
}

// run renders one run. Spaces at either end of strong or link text move
// outside the markers, where they do not stop the markers from working.
// Only a plain run's text can start a block or end before a link.
func run(r doc.Inline, c context) string {
	u := linkOf(r)
	link := u != ""
	if r.Strong || link {
		c = context{table: c.table, inLink: link}
	}
	text := escape(r.Text, c)
	core := strings.TrimSpace(text)
	if core == "" {
		return text
	}
	lead := text[:strings.Index(text, core)]
	trail := text[len(lead)+len(core):]
	if r.Strong {
		core = "**" + core + "**"
	}
	if link {
		core = "[" + core + "](" + destination(u, c.table) + ")"
	}
	return lead + core + trail
}

// destination escapes a link address: spaces, control characters and
// braces are percent-encoded (goldmark would encode the braces in the
// href anyway; left raw, a template language could read "{{" in them),
// and the characters that would end the destination or
// start an entity get a backslash, as does '|' in a table cell.
func destination(u string, table bool) string {
	var b strings.Builder
	for _, r := range u {
		switch {
		case r <= ' ' || r == 0x7f || r == '{' || r == '}' || unicode.IsControl(r) || unicode.IsSpace(r):
			var buf [4]byte
			n := utf8.EncodeRune(buf[:], r)
			for _, c := range buf[:n] {
				b.WriteString("%")
				b.WriteByte("0123456789ABCDEF"[c>>4])
				b.WriteByte("0123456789ABCDEF"[c&15])
			}
		case strings.ContainsRune("\\()<>&`*_[]", r), r == '|' && table:
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// merge joins adjacent runs of the same style and address, so that two
// strong runs never meet as "****".
func merge(rs []doc.Inline) []doc.Inline {
	out := make([]doc.Inline, 0, len(rs))
	for _, r := range rs {
		if n := len(out); n > 0 && out[n-1].Strong == r.Strong &&
			linkOf(out[n-1]) == linkOf(r) {
			out[n-1].Text += r.Text
			continue
		}
		out = append(out, r)
	}
	return out
}

// cleanURL makes a link address valid UTF-8.
func cleanURL(u string) string { return strings.ToValidUTF8(u, "\uFFFD") }

// linkOf is the address r links to, or "" when it is not a link: its
// URL when that is safe, else its Ref when that is valid, an anchor as it
// is and another document as its Markdown file.
func linkOf(r doc.Inline) string {
	if u := cleanURL(r.URL); doc.SafeURL(u) {
		return u
	}
	if r.URL != "" || !doc.ValidRef(r.Ref) {
		return ""
	}
	if strings.HasPrefix(r.Ref, "#") {
		return r.Ref
	}
	return r.Ref + ".md"
}
