package html

import (
	"strconv"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
)

// table writes a table in a horizontally scrollable, keyboard-focusable
// region named by the caption. Rows are padded to the widest row. Each
// data cell carries its column's heading in data-label, which the
// stylesheet shows above the cell when a narrow screen stacks the rows as
// cards; a cell of a list column holding several items is a list.
func (p *printer) table(t *doc.Table) {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 && t.Caption == "" {
		return
	}
	p.tables++
	capID := p.ids.unique("table-" + strconv.Itoa(p.tables) + "-caption")
	switch name := landmarkName(t.Caption); {
	case t.Caption == "":
		p.raw(`<div class="table-wrap">` + "\n")
	case p.titles[name] || p.landmarks[name]:
		// A section (or another table) already has this name: two
		// regions may not share one, so this one says it is the table.
		p.raw(`<div class="table-wrap" role="region" tabindex="0" aria-label="` + attr(p.label(doc.LabelTable, "caption", t.Caption)) + `">` + "\n")
	default:
		p.landmarks[name] = true
		p.raw(`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="` + capID + `">` + "\n")
	}
	p.raw("<table>\n")
	if t.Caption != "" {
		p.raw(`<caption id="` + capID + `">` + text(t.Caption) + "</caption>\n")
	}
	header := func(i int) string {
		if i < len(t.Header) {
			return t.Header[i]
		}
		return ""
	}
	if len(t.Header) > 0 {
		p.raw("<thead>\n<tr>")
		for i := range cols {
			p.raw(`<th scope="col">` + text(header(i)) + "</th>")
		}
		p.raw("</tr>\n</thead>\n")
	}
	p.raw("<tbody>\n")
	for ri, r := range t.Rows {
		p.raw("<tr" + p.src(t.RowSrc(ri)) + ">")
		for i := range cols {
			var c doc.Cell
			if i < len(r) {
				c = r[i]
			}
			tag, open := "td", "<td"
			if i == 0 && t.RowHeaders {
				tag, open = "th", `<th scope="row"`
			}
			if h := strings.TrimSpace(header(i)); h != "" && tag == "td" {
				open += ` data-label="` + attr(h) + `"`
			}
			p.raw(open + ">")
			p.cell(c, t.IsList(i))
			p.raw("</" + tag + ">")
		}
		p.raw("</tr>\n")
	}
	p.raw("</tbody>\n</table>\n</div>\n")
}

// cell writes a cell's lines: as a list when the column holds list items
// and the cell more than one, else broken by <br>.
func (p *printer) cell(c doc.Cell, list bool) {
	if list && len(c) > 1 {
		p.raw(`<ul class="cell-list">`)
		for _, l := range c {
			p.raw("<li>" + runs(l) + "</li>")
		}
		p.raw("</ul>")
		return
	}
	for j, l := range c {
		if j > 0 {
			p.raw("<br>")
		}
		p.raw(runs(l))
	}
}

// landmarkName is the accessible name a region gets from a heading or
// caption, for comparison: cleaned, spaces collapsed and case folded.
func landmarkName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(clean(s)), " "))
}

// sectionNames returns the names of the regions the sections of d make.
func sectionNames(d *doc.Document) map[string]bool {
	names := map[string]bool{}
	d.Walk(func(s *doc.Section, _ int) {
		if s != nil {
			names[landmarkName(s.Title)] = true
		}
	})
	return names
}
