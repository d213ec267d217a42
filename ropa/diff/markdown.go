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

// codeSpan puts s in a code span whose fence is longer than any run of
// backticks in s, so that s prints literally whatever it holds.
func codeSpan(s string) string {
	s = oneLine(s)
	if s == "" {
		return "` `"
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

// markdownSpecial are the characters that start inline markup in a
// value: code spans, emphasis, links, raw HTML, entities, strikethrough;
// and braces, which open Liquid and Hugo tags when the text is published
// through a site generator.
const markdownSpecial = "\\`*_[]<>&~{}"

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
