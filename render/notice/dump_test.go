package notice

import (
	"fmt"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
)

// dump writes a document as readable, indented text: one line per block,
// list item and table cell line, with links and strong runs marked.
func dump(d *doc.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\nsubtitle: %s\nauthor: %s\nsubject: %s\nlang: %s\nversion: %s\ndate: %s\nlandscape: %v\n",
		d.Title, d.Subtitle, d.Author, d.Subject, d.Lang, d.Version, d.Date, d.Landscape)
	if len(d.Intro) > 0 {
		b.WriteString("intro:\n")
		dumpBlocks(&b, d.Intro, "  ")
	}
	var walk func(ss []*doc.Section, indent string)
	walk = func(ss []*doc.Section, indent string) {
		for _, s := range ss {
			summary := ""
			if s.Summary {
				summary = " (summary)"
			}
			fmt.Fprintf(&b, "%s§ [%s] %s%s\n", indent, s.ID, s.Title, summary)
			dumpBlocks(&b, s.Blocks, indent+"  ")
			walk(s.Sections, indent+"  ")
		}
	}
	walk(d.Sections, "")
	return b.String()
}

func dumpBlocks(b *strings.Builder, blocks []doc.Block, indent string) {
	for _, bl := range blocks {
		switch bl := bl.(type) {
		case *doc.Paragraph:
			fmt.Fprintf(b, "%s¶ %s\n", indent, runs(bl.Text))
		case *doc.List:
			for i, it := range bl.Items {
				mark := "-"
				if bl.Ordered {
					mark = fmt.Sprintf("%d.", i+1)
				}
				fmt.Fprintf(b, "%s%s %s\n", indent, mark, runs(it))
			}
		case *doc.Table:
			fmt.Fprintf(b, "%stable %q widths=%v lists=%v rowHeaders=%v\n", indent, bl.Caption, bl.Widths, bl.Lists, bl.RowHeaders)
			fmt.Fprintf(b, "%s  | %s |\n", indent, strings.Join(bl.Header, " | "))
			for i, row := range bl.Rows {
				fmt.Fprintf(b, "%s  row %d\n", indent, i+1)
				for j, cell := range row {
					for _, line := range cell {
						fmt.Fprintf(b, "%s    [%d] %s\n", indent, j+1, runs(line))
					}
				}
			}
		default:
			fmt.Fprintf(b, "%s? %T\n", indent, bl)
		}
	}
}

func runs(rs []doc.Inline) string {
	var b strings.Builder
	for _, r := range rs {
		t := r.Text
		if r.Strong {
			t = "**" + t + "**"
		}
		if r.Cite {
			t = "{cite:" + t + "}"
		}
		switch {
		case r.URL != "":
			t = "[" + t + "](" + r.URL + ")"
		case r.Ref != "":
			t = "[" + t + "](ref:" + r.Ref + ")"
		}
		b.WriteString(t)
	}
	return b.String()
}
