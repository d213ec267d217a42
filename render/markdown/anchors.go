package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/ropa-dev/ropa/render/doc"
)

// anchors maps each section ID of d to the anchor GitHub, and Hugo by
// default, give its heading: the title lower-cased, without punctuation,
// spaces made hyphens, and a repeated anchor numbered from 1 in reading
// order, the document's title counted first.
func anchors(d *doc.Document) map[string]string {
	out := map[string]string{}
	seen := map[string]int{}
	next := func(title string) string {
		base := slug(title)
		n := seen[base]
		seen[base] = n + 1
		if n == 0 {
			return base
		}
		return base + "-" + strconv.Itoa(n)
	}
	if d.Title != "" {
		next(d.Title)
	}
	d.Walk(func(s *doc.Section, _ int) {
		a := next(s.Title)
		if _, dup := out[s.ID]; !dup && s.ID != "" {
			out[s.ID] = a
		}
	})
	return out
}

// slug is GitHub's heading anchor of a title.
func slug(title string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(title)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// local returns rs with each link to a section of this document pointing
// at its heading's anchor; a link to a section the document lacks, or
// whose anchor is not plain, is left as text. rs itself is not changed.
func (r *renderer) local(rs []doc.Inline) []doc.Inline {
	var out []doc.Inline
	for i, in := range rs {
		if in.URL != "" || !strings.HasPrefix(in.Ref, "#") {
			continue
		}
		if out == nil {
			out = append([]doc.Inline(nil), rs...)
		}
		a, ok := r.anchors[in.Ref[1:]]
		if !ok || !doc.ValidRef("#"+a) {
			a = ""
		}
		out[i].Ref = "#" + a
		if a == "" {
			out[i].Ref = ""
		}
	}
	if out == nil {
		return rs
	}
	return out
}

// localCell is local for each line of a cell.
func (r *renderer) localCell(c doc.Cell) doc.Cell {
	out := make(doc.Cell, len(c))
	for i, l := range c {
		out[i] = r.local(l)
	}
	return out
}
