package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/ropa-dev/ropa/ropa/lint"
)

// MarkdownLimit is the most findings Markdown lists; a pull-request
// comment has a size limit, and a longer list is read in the check's
// annotations or its text output.
const MarkdownLimit = 50

// Markdown writes res for a pull-request comment: a heading, the summary
// line, and a table of the counted findings (severity, rule, message,
// file:line:col), at most MarkdownLimit of them. Text from the model is
// escaped, so it reads as the text it is.
func Markdown(w io.Writer, res lint.Result) error {
	var b strings.Builder
	b.WriteString("### Lint findings\n\n")
	fmt.Fprintf(&b, "**%s**\n", Summary(res))
	if len(res.Findings) > 0 {
		b.WriteString("\n| Severity | Rule | Finding | Where |\n|---|---|---|---|\n")
		for i, f := range res.Findings {
			if i == MarkdownLimit {
				fmt.Fprintf(&b, "\n… and %d more; run `ropa check` to see them all.\n", len(res.Findings)-MarkdownLimit)
				break
			}
			where := ""
			if p := f.Pos.String(); p != "" {
				where = mdCode(relURI(p))
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", f.Severity, mdCode(f.Rule), mdCell(mdEscape(f.Message)), mdCell(where))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdSpecial are the characters that start inline Markdown, and braces,
// which open Liquid and Hugo tags.
const mdSpecial = "\\`*_[]<>&~{}"

// mdEscape puts a backslash before every character of s that Markdown
// would read as markup.
func mdEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(mdSpecial, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// mdCode puts s in a code span fenced by more backticks than any run in s.
func mdCode(s string) string {
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

// mdCell keeps text inside one table cell.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\r", " ", "\n", " ").Replace(s)
}
