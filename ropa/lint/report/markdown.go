package report

import (
	"fmt"
	"github.com/ropa-dev/ropa/internal/mdtext"
	"io"
	"strings"

	"github.com/ropa-dev/ropa/ropa/lint"
)

// MarkdownLimit is the most findings Markdown lists; a pull-request
// comment has a size limit, and a longer list is read in the check's
// annotations or its text output.
const MarkdownLimit = 50

// Markdown writes res for a pull-request comment: a heading, the summary
// line, and a table of the counted findings (severity, duty, rule,
// message, file:line:col), at most MarkdownLimit of them. Text from the model is
// escaped, so it reads as the text it is.
func Markdown(w io.Writer, res lint.Result) error {
	var b strings.Builder
	b.WriteString("### Lint findings\n\n")
	fmt.Fprintf(&b, "**%s**\n", Summary(res))
	if len(res.Findings) > 0 {
		b.WriteString("\n| Severity | Duty | Rule | Finding | Where |\n|---|---|---|---|---|\n")
		for i, f := range res.Findings {
			if i == MarkdownLimit {
				fmt.Fprintf(&b, "\n… and %d more; run `ropa check` to see them all.\n", len(res.Findings)-MarkdownLimit)
				break
			}
			where := ""
			if p := f.Pos.String(); p != "" {
				where = mdtext.Code(relURI(p))
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", f.Severity, f.Duty, mdtext.Code(f.Rule), mdtext.Cell(mdtext.Escape(f.Message)), mdtext.Cell(where))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
