package diff

import (
	"fmt"
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
			what := escapeMarkdown(describe(Change{Op: c.Op, Old: c.Old, New: c.New}))
			where := ""
			if p := c.Pos.String(); p != "" {
				where = "`" + p + "`"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", cell(entity), cell(field), cell(what), cell(where))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// markdownSpecial are the characters that start inline markup in a
// value: code spans, emphasis, links, raw HTML, entities, strikethrough.
const markdownSpecial = "\\`*_[]<>&~"

// escapeMarkdown puts a backslash before every character of s that
// Markdown would read as inline markup, so that a value from the model
// reads as the text it is; cell then escapes the table's pipes.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(markdownSpecial, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// cell makes text safe inside a markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "\r", " ")
	return strings.ReplaceAll(s, "\n", " ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
