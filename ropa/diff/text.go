package diff

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxValue is the longest value, in runes, the text and markdown outputs
// print before cutting it short; JSON always carries the whole value.
const maxValue = 72

// WriteText writes what each side was (when r says), then one line per
// change, grouped by entity, then a summary:
//
//	old: revision main (commit 0123…), model in privacy
//	new: directory privacy
//
//	notify     activity surveys: added  (model.cue:12:2)
//	register   activity tenancy: recipients: - council  (old/model.cue:9:16)
//	editorial  category health: description: "a" → "b"  (model.cue:30:3)
//	register   category medical: renamed from "health"  (model.cue:28:2)
//
//	3 changes: 1 notify, 1 register, 1 editorial
func WriteText(w io.Writer, r *Result) error {
	var b strings.Builder
	if r.Old != nil || r.New != nil {
		fmt.Fprintf(&b, "old: %s\nnew: %s\n\n", oneLine(r.Old.String()), oneLine(r.New.String()))
	}
	if len(r.Changes) == 0 {
		b.WriteString("no changes\n")
	}
	for i, c := range r.Changes {
		if i > 0 && c.Kind != r.Changes[i-1].Kind {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%-9s  %s: %s", c.Class, entityName(c), describe(c))
		if p := c.Pos.String(); p != "" {
			fmt.Fprintf(&b, "  (%s)", p)
		}
		b.WriteByte('\n')
	}
	if len(r.Changes) > 0 {
		fmt.Fprintf(&b, "\n%s\n", summaryLine(r))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// oneLine makes a text one line: a directory or revision name with a line
// break in it must not forge another line of the report.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// summaryLine counts the changes per class.
func summaryLine(r *Result) string {
	noun := "changes"
	if len(r.Changes) == 1 {
		noun = "change"
	}
	parts := make([]string, 0, len(Classes))
	for _, c := range Classes {
		parts = append(parts, fmt.Sprintf("%d %s", r.Count(c), c))
	}
	line := fmt.Sprintf("%d %s: %s", len(r.Changes), noun, strings.Join(parts, ", "))
	if up := r.Unpublishable(); len(up) > 0 {
		langs := make([]string, 0, len(up))
		for l := range up {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		for _, l := range langs {
			noun := "translations"
			if up[l] == 1 {
				noun = "translation"
			}
			line += fmt.Sprintf("; not yet publishable in %s: %d stale %s", l, up[l], noun)
		}
	}
	return line
}

// entityName is "activity tenancy", or "controller" for a single entity.
func entityName(c Change) string {
	if c.Key == "" {
		return c.Kind
	}
	return c.Kind + " " + c.Key
}

// describe says what happened: "added", "purpose: "a" → "b"",
// "recipients: + council", "renamed from "health"".
func describe(c Change) string {
	var what string
	switch c.Op {
	case Added:
		if c.New == nil {
			what = "added"
		} else {
			what = "+ " + formatValue(c.New)
		}
	case Removed:
		if c.Old == nil {
			what = "removed"
		} else {
			what = "- " + formatValue(c.Old)
		}
	case Reordered:
		what = "reordered"
	case Renamed:
		what = "renamed from " + formatValue(c.Old)
	default:
		what = formatValue(c.Old) + " → " + formatValue(c.New)
	}
	for _, l := range c.StaleTranslations {
		what += " (translation into " + l + " now stale)"
	}
	if c.Field == "" {
		return what
	}
	return c.Field + ": " + what
}

// formatValue prints a value: a quoted string cut to maxValue runes,
// a number or boolean as is, nothing as (none).
func formatValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "(none)"
	case string:
		if utf8.RuneCountInString(v) > maxValue {
			rs := []rune(v)
			v = string(rs[:maxValue-1]) + "…"
		}
		return strconv.Quote(v)
	}
	return fmt.Sprint(v)
}

// Describe says what the change did, as the text output prints it after
// the entity: `field: old → new`, `+ item`, `removed`, `renamed from "x"`.
func (c Change) Describe() string { return describe(c) }
