package markdown

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// context says where an escaped text lands in the Markdown, which decides
// the characters that need a backslash there. The zero value is a text in
// the middle of a line.
type context struct {
	// blockStart is set when the text may be the first thing on a line
	// (a paragraph or list item), where "# ", "- ", "1. " start blocks.
	blockStart bool
	// table is set inside a pipe table, where '|' ends a cell.
	table bool
	// heading is set for ATX heading text, whose trailing '#'s would be
	// read as the closing sequence.
	heading bool
	// inLink is set for link text, where goldmark finds no autolinks.
	inLink bool
	// beforeLink is set when a link's '[' follows the text directly, so a
	// final '!' would make the link an image.
	beforeLink bool
}

// always are the characters escaped wherever they appear: they open code
// spans, emphasis, links, autolinks, raw HTML and block quotes; and braces,
// which open what site generators read before or beside Markdown:
// Liquid's {{ }} and {% %} (Jekyll), Hugo's shortcodes {{< >}} and
// {{% %}}, kramdown's attribute lists {: .class} and extensions {::x},
// and heading attributes {#id .class} (kramdown, and goldmark's attribute
// option, which Hugo turns on). A backslash before each brace leaves
// none of them a "{{", "{%" or "{:" to find, and every CommonMark
// reader, kramdown included, prints the brace itself.
const always = "\\`*_[]<>{}"

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

// escape returns s with a backslash before each character that Markdown
// would read as markup at c, and before no other. It does not trim.
func escape(s string, c context) string {
	s = clean(s)
	mark := make([]bool, len(s))
	markInline(s, c, mark)
	if !c.inLink {
		markAutolinks(s, mark)
	}
	if c.blockStart {
		markBlockStart(s, mark)
	}
	if t := strings.TrimRightFunc(s, unicode.IsSpace); c.heading && strings.HasSuffix(t, "#") {
		mark[len(t)-1] = true
	}
	if !slices.Contains(mark, true) {
		return s // most text needs no escape: no copy
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/16 + 1)
	for i := 0; i < len(s); i++ {
		if mark[i] {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// markInline marks the characters that start inline markup anywhere on a
// line. Every character marked is ASCII, so marks never split a rune.
func markInline(s string, c context, mark []bool) {
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case strings.IndexByte(always, ch) >= 0, ch == '|' && c.table:
			mark[i] = true
		case ch == '&':
			mark[i] = entityLike(s[i:])
		case ch == '~':
			// A '~' can open or close strikethrough unless it stands
			// alone between spaces; the ends of s count as unknown.
			double := i > 0 && s[i-1] == '~' || i+1 < len(s) && s[i+1] == '~'
			spaced := i > 0 && s[i-1] == ' ' && i+1 < len(s) && s[i+1] == ' '
			mark[i] = double || !spaced
		case ch == '!':
			mark[i] = i+1 < len(s) && s[i+1] == '[' || i+1 == len(s) && c.beforeLink
		case ch == '$':
			// "$$" opens math in kramdown (Jekyll) and in Hugo's
			// passthrough; a single '$', as in "$5", does not.
			mark[i] = i > 0 && s[i-1] == '$' || i+1 < len(s) && s[i+1] == '$'
		}
	}
}

// entityLike reports whether s starts with an entity or numeric character
// reference, such as "&amp;", "&#38;" or "&#x26;".
func entityLike(s string) bool {
	i := 1
	switch {
	case strings.HasPrefix(s, "&#x"), strings.HasPrefix(s, "&#X"):
		i = 3
		for i < len(s) && isHex(s[i]) {
			i++
		}
		return i > 3 && i < len(s) && s[i] == ';'
	case strings.HasPrefix(s, "&#"):
		i = 2
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > 2 && i < len(s) && s[i] == ';'
	}
	for i < len(s) && isAlnum(s[i]) {
		i++
	}
	return i > 1 && i < len(s) && s[i] == ';'
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// linkifyTriggers are the characters after which GFM's extended autolinks
// (goldmark's linkify) look for a URL or an email address, besides white
// space and the start of a text.
const linkifyTriggers = "(~*_"

// markAutolinks breaks every extended autolink (www., http://, https://,
// ftp:// and email addresses) with one backslash: before the ':' after
// the scheme, the '.' after www or the '@' of an address. Autolinks only
// start where goldmark's linkify looks for them: at the start of a text,
// which may follow other markup, and after a trigger character. Any
// Unicode space counts as a trigger, because trimming can make the next
// character the start of the text. The work is linear in len(s).
func markAutolinks(s string, mark []bool) {
	trigger := true
	localEnd := 0 // end of the run of local-part characters around p
	for p, r := range s {
		if p >= localEnd {
			localEnd = p
			for localEnd < len(s) && isLocal(s[localEnd]) {
				localEnd++
			}
		}
		if trigger {
			rest := s[p:]
			switch {
			case strings.HasPrefix(rest, "http://"), strings.HasPrefix(rest, "https://"),
				strings.HasPrefix(rest, "ftp://"):
				mark[p+strings.IndexByte(rest, ':')] = true
			case strings.HasPrefix(rest, "www."):
				mark[p+3] = true
			case localEnd > p && localEnd+1 < len(s) && s[localEnd] == '@' && isAlnum(s[localEnd+1]):
				// What goldmark's util.FindEmailIndex accepts: a local
				// part, '@' and a domain starting with a letter or digit.
				mark[localEnd] = true
			}
		}
		trigger = unicode.IsSpace(r) || r < utf8.RuneSelf && strings.IndexByte(linkifyTriggers, byte(r)) >= 0
	}
}

// isLocal reports whether c may appear in the local part of an email
// address as goldmark's linkify reads it.
func isLocal(c byte) bool {
	return isAlnum(c) || strings.IndexByte("!#$%&'*+-./=?^_`{|}~", c) >= 0
}

// markBlockStart marks what would start a block when s begins a line:
// ATX headings, bullet and ordered list markers, thematic breaks, setext
// underlines, and the ": " of a definition (kramdown, and goldmark's
// definition list extension, which Hugo turns on). '>', '*', '_', '`',
// '~', '<' and '{' are escaped anyway.
func markBlockStart(s string, mark []bool) {
	q := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
	if q < 0 {
		return
	}
	t := strings.TrimRightFunc(s, unicode.IsSpace)
	// endOrSpace reports whether the line ends or a space follows at j.
	endOrSpace := func(j int) bool { return j >= len(t) || t[j] == ' ' }
	only := func(c byte) bool {
		return strings.Trim(t[q:], string(c)+" ") == ""
	}
	switch c := t[q]; {
	case c == '#':
		n := q
		for n < len(t) && t[n] == '#' {
			n++
		}
		mark[q] = n-q <= 6 && endOrSpace(n)
	case c == '+':
		mark[q] = endOrSpace(q + 1)
	case c == '-':
		mark[q] = endOrSpace(q+1) || only('-')
	case c == '=':
		mark[q] = only('=')
	case c == ':':
		mark[q] = endOrSpace(q + 1)
	case c >= '0' && c <= '9':
		n := q
		for n < len(t) && t[n] >= '0' && t[n] <= '9' {
			n++
		}
		if n-q <= 9 && n < len(t) && (t[n] == '.' || t[n] == ')') && endOrSpace(n+1) {
			mark[n] = true
		}
	}
}
