package pdf

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/render/doc"
)

// keepDoc returns sections whose headings land at every height of a page,
// each followed by a different kind of block. The first thing after
// heading k is marked "leadk", so a heading left alone at the foot of a
// page shows as "headk" on a page without "leadk".
func keepDoc() *doc.Document {
	d := &doc.Document{Title: "Keep with next", Lang: "en-GB", Date: "2026-03-01"}
	for k := range 90 {
		var filler []doc.Block
		for range k % 7 {
			filler = append(filler, doc.P(doc.T("Filler paragraph of one line.")))
		}
		s := &doc.Section{ID: fmt.Sprint("s", k), Title: fmt.Sprintf("head%d heading", k)}
		row := []doc.Cell{doc.TextCell(fmt.Sprintf("lead%d row", k)), doc.TextCell("value", "second line", "third line")}
		table := &doc.Table{Header: []string{"Name", "Value"}, Rows: [][]doc.Cell{row, row, row}}
		switch k % 5 {
		case 0:
			s.Blocks = []doc.Block{doc.P(doc.T(fmt.Sprintf("lead%d paragraph", k)))}
		case 1:
			s.Blocks = []doc.Block{&doc.List{Items: [][]doc.Inline{{doc.T(fmt.Sprintf("lead%d item", k))}}}}
		case 2:
			table.Caption = fmt.Sprintf("Caption%d of the table", k)
			s.Blocks = []doc.Block{table}
		case 3:
			s.Blocks = []doc.Block{table}
		case 4:
			// An empty section: its child heading and table follow.
			s.Sections = []*doc.Section{{ID: fmt.Sprint("c", k), Title: fmt.Sprintf("child%d heading", k), Blocks: []doc.Block{table}}}
		}
		// A captioned table after text must keep its caption too.
		more := []doc.Block{doc.P(doc.T("Some text before a table.")),
			&doc.Table{Caption: fmt.Sprintf("cap%d caption", k), Header: []string{"Name", "Value"},
				Rows: [][]doc.Cell{{doc.TextCell(fmt.Sprintf("first%d row", k)), doc.TextCell("value")}}}}
		if len(s.Sections) > 0 {
			s.Sections[0].Blocks = append(s.Sections[0].Blocks, more...)
		} else {
			s.Blocks = append(s.Blocks, more...)
		}
		d.Sections = append(d.Sections, &doc.Section{ID: fmt.Sprint("f", k), Title: "Filler", Blocks: filler}, s)
	}
	return d
}

// TestKeepWithNext checks, page by page, that no heading or caption is
// the last thing on its page: what follows it is on the same page.
func TestKeepWithNext(t *testing.T) {
	pdf := render(t, keepDoc())
	info := poppler(t, pdf, "pdfinfo")
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("no page count in:\n%s", info)
	}
	pages, _ := strconv.Atoi(m[1])
	if pages < 10 {
		t.Fatalf("only %d pages; the test needs headings on many pages", pages)
	}
	pairs := []struct{ first, then *regexp.Regexp }{
		{regexp.MustCompile(`head(\d+) heading`), nil},
		{regexp.MustCompile(`Caption(\d+) of`), nil},
		{regexp.MustCompile(`cap(\d+) caption`), nil},
	}
	seen := map[string]int{}
	for n := 1; n <= pages; n++ {
		text := poppler(t, pdf, "pdftotext", "-layout", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n))
		for i, p := range pairs {
			for _, m := range p.first.FindAllStringSubmatch(text, -1) {
				seen[m[0]]++
				k, _ := strconv.Atoi(m[1])
				want := fmt.Sprintf("lead%d ", k)
				if i == 2 {
					want = fmt.Sprintf("first%d row", k)
				}
				if !strings.Contains(text, want) {
					t.Errorf("page %d: %q without %q on the same page:\n%s", n, m[0], want, text)
				}
				if k%5 == 4 && i == 0 && !strings.Contains(text, fmt.Sprintf("child%d heading", k)) {
					t.Errorf("page %d: %q without its child heading", n, m[0])
				}
			}
		}
	}
	if len(seen) != 90+18+90 {
		t.Errorf("found %d distinct headings and captions, want %d", len(seen), 90+18+90)
	}
}
