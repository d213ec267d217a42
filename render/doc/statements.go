package doc

import "strings"

// Statement is one statement of a document, with where it comes from: a
// paragraph, a list item, a table row, or a section title taken from the
// model.
type Statement struct {
	// Section is the ID of the section holding the statement, "" for the
	// document's intro.
	Section string `json:"section,omitempty"`
	// Kind is "paragraph", "item", "row" or "title".
	Kind string `json:"kind"`
	// Text is the statement's plain text; a row's cells are joined by " | ".
	Text string `json:"text"`
	// Src is where the statement comes from.
	Src Source `json:"source"`
}

// Statements lists every statement of d in reading order: the intro, then
// each section's title (when taken from the model) and blocks, depth
// first. A list item or table row with no source of its own takes its
// block's.
func (d *Document) Statements() []Statement {
	var out []Statement
	blocks := func(section string, bs []Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *Paragraph:
				out = append(out, Statement{Section: section, Kind: "paragraph", Text: PlainText(b.Text), Src: b.Src})
			case *List:
				for i, it := range b.Items {
					out = append(out, Statement{Section: section, Kind: "item", Text: PlainText(it), Src: b.Src(i)})
				}
			case *Table:
				for i, row := range b.Rows {
					cells := make([]string, len(row))
					for j, c := range row {
						lines := make([]string, len(c))
						for k, l := range c {
							lines[k] = PlainText(l)
						}
						cells[j] = strings.Join(lines, " ")
					}
					out = append(out, Statement{Section: section, Kind: "row", Text: strings.Join(cells, " | "), Src: b.RowSrc(i)})
				}
			}
		}
	}
	blocks("", d.Intro)
	d.Walk(func(s *Section, _ int) {
		if !s.Src.IsZero() {
			out = append(out, Statement{Section: s.ID, Kind: "title", Text: s.Title, Src: s.Src})
		}
		blocks(s.ID, s.Blocks)
	})
	return out
}
