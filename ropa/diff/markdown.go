package diff

import (
	"fmt"
	"github.com/ropa-dev/ropa/internal/mdtext"
	"io"
	"strings"
)

// classHeadings introduce each class in the markdown output.
var classHeadings = map[Class]string{
	Notify:    "Notify: people must be told before this takes effect (Art 13(3), 14(4))",
	Register:  "Register: the Article 30 record changes",
	Editorial: "Editorial: wording only",
}

// WriteMarkdown writes the changes for a pull-request description: a
// summary line, then a heading and a table per class, highest first.
// Classes with no change are left out.
func WriteMarkdown(w io.Writer, r *Result) error {
	var b strings.Builder
	b.WriteString("## Record of processing: changes\n\n")
	if r.Old != nil || r.New != nil {
		fmt.Fprintf(&b, "- **Old:** %s\n- **New:** %s\n\n", sourceMarkdown(r.Old), sourceMarkdown(r.New))
	}
	if len(r.Changes) == 0 {
		b.WriteString("No changes.\n")
	} else {
		parts := make([]string, 0, len(Classes))
		for _, c := range Classes {
			parts = append(parts, fmt.Sprintf("**%d %s**", r.Count(c), c))
		}
		fmt.Fprintf(&b, "%d %s: %s\n", len(r.Changes), plural(len(r.Changes), "change", "changes"), strings.Join(parts, ", "))
	}
	for _, class := range Classes {
		if r.Count(class) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### %s\n\n", classHeadings[class])
		b.WriteString("| Entity | Field | Change | Where |\n|---|---|---|---|\n")
		for _, c := range r.Changes {
			if c.Class != class {
				continue
			}
			entity := c.Kind
			if c.Key != "" {
				entity += " `" + c.Key + "`"
			}
			field := ""
			if c.Field != "" {
				field = "`" + c.Field + "`"
			}
			what := mdtext.Escape(describe(Change{Op: c.Op, Old: c.Old, New: c.New}))
			where := ""
			if p := c.Pos.String(); p != "" {
				where = "`" + p + "`"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mdtext.Cell(entity), mdtext.Cell(field), mdtext.Cell(what), mdtext.Cell(where))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sourceMarkdown describes a side: revision `main` at commit `0123…`,
// model in `privacy`; or directory `main/privacy`.
func sourceMarkdown(s *Source) string {
	switch {
	case s == nil:
		return "(unknown)"
	case s.Kind == "revision":
		return fmt.Sprintf("revision %s at commit %s, model in %s", codeSpan(s.Revision), codeSpan(s.Commit), codeSpan(s.Dir))
	}
	return "directory " + codeSpan(s.Dir)
}

// codeSpan puts s, on one line, in a code span that prints it literally;
// an empty s is a space in a span.
func codeSpan(s string) string {
	if s = oneLine(s); s == "" {
		return "` `"
	}
	return mdtext.Code(s)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
