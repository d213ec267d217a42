package doctest

import (
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
)

// Texts lists every plain text of d: its title, subtitle, version and
// date, then the texts BodyTexts lists. Empty texts are kept.
func Texts(d *doc.Document) []string {
	return append([]string{d.Title, d.Subtitle, d.Version, d.Date}, BodyTexts(d)...)
}

// BodyTexts lists the plain texts of d's intro and sections, in document
// order: each paragraph, list item, table caption, header and cell line,
// and each section's title before its blocks. Empty texts are kept.
func BodyTexts(d *doc.Document) []string {
	var out []string
	var blocks func(bs []doc.Block)
	blocks = func(bs []doc.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *doc.Paragraph:
				out = append(out, doc.PlainText(b.Text))
			case *doc.List:
				for _, it := range b.Items {
					out = append(out, doc.PlainText(it))
				}
			case *doc.Table:
				out = append(out, b.Caption)
				out = append(out, b.Header...)
				for _, r := range b.Rows {
					for _, c := range r {
						for _, l := range c {
							out = append(out, doc.PlainText(l))
						}
					}
				}
			}
		}
	}
	blocks(d.Intro)
	d.Walk(func(s *doc.Section, _ int) {
		out = append(out, s.Title)
		blocks(s.Blocks)
	})
	return out
}

// Normalise collapses each run of white space in s to one space and trims
// it from both ends.
func Normalise(s string) string { return strings.Join(strings.Fields(s), " ") }
