package notice

import (
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/render/internal/doctest"
	"github.com/ropa-dev/ropa/ropa"
)

// freeBlocksCUE gives the fields model a free section whose lists sit
// between its paragraphs, and one that mixes paragraphs, items and blocks.
const freeBlocksCUE = `notices: n: sections: [{
	title: "Your data"
	blocks: [
		{paragraph: "Block one opens the section."},
		{paragraph: "You have the following rights –"},
		{items: ["First item;", "second item; and", "third item."]},
		{paragraph: "Source: the regulator."},
		{items: ["A second list."]},
		{paragraph: "The closing paragraph."},
	]
}, {
	title: "Mixed"
	paragraphs: ["Old-style paragraph."]
	items: ["Old-style item."]
	blocks: [{paragraph: "Block paragraph after the items."}, {items: ["Block item last."]}]
}]
`

// TestFreeSectionBlocks checks that a free section's blocks are planned in
// the order the model gives them, after its paragraphs and items, and that
// every format (HTML page and fragment, Markdown, PDF) keeps that order.
func TestFreeSectionBlocks(t *testing.T) {
	m, d := planFields(t, `["uk"]`, freeBlocksCUE)
	wantDump := map[string]string{
		"your-data": `§ [your-data] Your data
  ¶ Block one opens the section.
  ¶ You have the following rights –
  - First item;
  - second item; and
  - third item.
  ¶ Source: the regulator.
  - A second list.
  ¶ The closing paragraph.
`,
		"mixed": `§ [mixed] Mixed
  ¶ Old-style paragraph.
  - Old-style item.
  ¶ Block paragraph after the items.
  - Block item last.
`,
	}
	for id, want := range wantDump {
		got := sectionDump(d, id)
		if i := strings.Index(got, "§"); i >= 0 {
			got = got[i:]
		}
		if got != want {
			t.Errorf("section %s planned as\n%s\nwant\n%s", id, got, want)
		}
	}
	// The two lists of "Your data" stay two lists, each between its
	// paragraphs.
	for _, s := range d.Sections {
		if s.ID == "your-data" && len(s.Blocks) != 6 {
			t.Errorf("your-data: %d blocks, want 6", len(s.Blocks))
		}
	}

	order := []string{
		"Block one opens the section.",
		"You have the following rights –",
		"First item;", "second item; and", "third item.",
		"Source: the regulator.",
		"A second list.",
		"The closing paragraph.",
		"Old-style paragraph.",
		"Old-style item.",
		"Block paragraph after the items.",
		"Block item last.",
	}
	out := renderAll(t, m)
	texts := map[string]string{
		"html":          doctest.Normalise(htmlText(t, out["n.html"])),
		"fragment.html": doctest.Normalise(htmlText(t, out["n.fragment.html"])),
		"md":            doctest.Normalise(markdownText(t, out["n.md"])),
	}
	for format, text := range texts {
		checkOrder(t, format, text, order, doctest.Normalise)
	}
	// The Markdown source has the lists as lists, not run into the text.
	md := string(out["n.md"])
	for _, item := range []string{"- First item;", "- A second list.", "- Block item last."} {
		if !strings.Contains(md, item) {
			t.Errorf("n.md: no list item %q", item)
		}
	}
	pdf := pdfComparable(pdfText(t, out["n.pdf"]))
	checkOrder(t, "pdf", pdf, order, squeeze)
}

// checkOrder reports each statement of order that text, normalised by
// norm, lacks or holds only before the statement listed ahead of it.
func checkOrder(t *testing.T, format, text string, order []string, norm func(string) string) {
	t.Helper()
	pos, prev := 0, ""
	for _, s := range order {
		want := norm(s)
		i := strings.Index(text[pos:], want)
		switch {
		case i >= 0:
			pos += i + len(want)
			prev = s
		case strings.Contains(text, want):
			t.Errorf("%s: %q comes before %q", format, s, prev)
		default:
			t.Errorf("%s: lacks %q", format, s)
		}
	}
}

// TestFreeBlockBothKinds checks that a block built in Go with both a
// paragraph and items, which the schema rejects, is an error naming it
// rather than a silent choice.
func TestFreeBlockBothKinds(t *testing.T) {
	m := loadMinimal(t)
	n := m.Notices["tenants"]
	n.Sections = []ropa.FreeSection{{Title: "Odd", Blocks: []ropa.FreeBlock{{Paragraph: "p"}, {Paragraph: "p", Items: []string{"i"}}}}}
	_, err := Plan(m, n)
	if err == nil || !strings.Contains(err.Error(), "blocks[1]") || !strings.Contains(err.Error(), `"Odd"`) {
		t.Errorf("block with paragraph and items: error %v", err)
	}
}
