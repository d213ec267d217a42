package html

import (
	"strconv"

	"github.com/ropa-dev/ropa/render/doc"
)

// table writes a table in a horizontally scrollable, keyboard-focusable
// region named by the caption. Rows are padded to the widest row.
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
	if t.Caption != "" {
		p.raw(`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="` + capID + `">` + "\n")
	} else {
		p.raw(`<div class="table-wrap">` + "\n")
	}
	p.raw("<table>\n")
	if t.Caption != "" {
		p.raw(`<caption id="` + capID + `">` + text(t.Caption) + "</caption>\n")
	}
	if len(t.Header) > 0 {
		p.raw("<thead>\n<tr>")
		for i := range cols {
			h := ""
			if i < len(t.Header) {
				h = t.Header[i]
			}
			p.raw(`<th scope="col">` + text(h) + "</th>")
		}
		p.raw("</tr>\n</thead>\n")
	}
	p.raw("<tbody>\n")
	for ri, r := range t.Rows {
		p.raw("<tr" + p.src(t.RowSrc(ri)) + ">")
		for i := range cols {
			p.raw("<td>")
			if i < len(r) {
				for j, l := range r[i] {
					if j > 0 {
						p.raw("<br>")
					}
					p.raw(runs(l))
				}
			}
			p.raw("</td>")
		}
		p.raw("</tr>\n")
	}
	p.raw("</tbody>\n</table>\n</div>\n")
}
