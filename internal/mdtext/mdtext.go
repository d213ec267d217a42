// Package mdtext makes model text safe in the small Markdown documents
// ropa writes outside its notices (the diff, the findings of a check, a
// pull-request comment): inline text, table cells and code spans that
// read as the text they hold. The notices themselves are laid out by
// render/markdown, which escapes by context.
package mdtext

import "strings"

// special are the characters that start inline markup: code spans,
// emphasis, links, raw HTML, entities, strikethrough; and braces, which
// open Liquid and Hugo tags when the text is published through a site
// generator.
const special = "\\`*_[]<>&~{}"

// Escape puts a backslash before every character of s that Markdown would
// read as inline markup.
func Escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(special, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Cell makes text safe inside a table cell: pipes escaped, line breaks
// made spaces.
func Cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\r", " ", "\n", " ").Replace(s)
}

// Code puts s, on one line, in a code span whose fence is longer than any
// run of backticks in s, so that s prints literally whatever it holds. An
// empty s gives empty (see CodeOrSpace).
func Code(s string) string {
	s = strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
	if s == "" {
		return ""
	}
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}
