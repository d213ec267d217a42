package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ropa-dev/ropa/render/doc"
)

// special is the ASCII punctuation escaped with a backslash in user text.
// CommonMark allows a backslash before any ASCII punctuation, so escaping
// more than strictly needed is harmless; ':' and '@' stop GFM's autolinks
// from turning plain text into links, '=' stops setext headings.
const special = "\\`*_{}[]<>()#+-.!|~&:@="

// clean makes s valid UTF-8 with every control character and line break a
// plain space, so a text can never start a new Markdown block.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r == 0 {
			return '\uFFFD'
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// escape returns s with every Markdown-significant character escaped. It
// does not trim.
func escape(s string) string {
	s = clean(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, r := range s {
		if r < 0x80 && strings.ContainsRune(special, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// inlineText escapes s and trims the spaces around it, which CommonMark
// would otherwise read as indentation.
func inlineText(s string) string {
	return strings.TrimSpace(escape(s))
}

// runs renders inline runs: escaped text, **strong** text and links to
// safe addresses. The result is trimmed.
func runs(rs []doc.Inline) string {
	var b strings.Builder
	for _, r := range merge(rs) {
		b.WriteString(run(r))
	}
	return strings.TrimSpace(b.String())
}

// run renders one run. Spaces at either end of strong or link text move
// outside the markers, where they do not stop the markers from working.
func run(r doc.Inline) string {
	text := escape(r.Text)
	core := strings.TrimSpace(text)
	if core == "" {
		return text
	}
	lead := text[:strings.Index(text, core)]
	trail := text[len(lead)+len(core):]
	if r.Strong {
		core = "**" + core + "**"
	}
	if u := cleanURL(r.URL); doc.SafeURL(u) {
		core = "[" + core + "](" + destination(u) + ")"
	}
	return lead + core + trail
}

// destination escapes a link address: spaces and control characters are
// percent-encoded, and the characters that would end the destination or
// start an entity get a backslash.
func destination(u string) string {
	var b strings.Builder
	for _, r := range u {
		switch {
		case r <= ' ' || r == 0x7f || unicode.IsControl(r) || unicode.IsSpace(r):
			var buf [4]byte
			n := utf8.EncodeRune(buf[:], r)
			for _, c := range buf[:n] {
				b.WriteString("%")
				b.WriteByte("0123456789ABCDEF"[c>>4])
				b.WriteByte("0123456789ABCDEF"[c&15])
			}
		case strings.ContainsRune("\\()<>&`*_[]", r):
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

// linkOf is the address r links to, or "" when it is not a link.
func linkOf(r doc.Inline) string {
	if u := cleanURL(r.URL); doc.SafeURL(u) {
		return u
	}
	return ""
}
