package register

import (
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/internal/golden"
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/internal/pagetest"
)

func TestMarkdownGolden(t *testing.T) {
	golden.Check(t, "testdata/register.md", renderArtifact(t, minimal(t), "register.md"))
}

func TestHTMLGolden(t *testing.T) {
	// The page's golden holds a marker for the stylesheet, whose one
	// golden is render/html's.
	golden.Check(t, "testdata/register.html", pagetest.WithoutStyleSheet(t, renderArtifact(t, minimal(t), "register.html")))
}

// tables returns every table of d with the title of its section.
func tables(d *doc.Document) map[string]*doc.Table {
	out := map[string]*doc.Table{}
	d.Walk(func(s *doc.Section, _ int) {
		for _, b := range s.Blocks {
			if t, ok := b.(*doc.Table); ok {
				out[s.ID] = t
			}
		}
	})
	return out
}

func TestPlan(t *testing.T) {
	for _, name := range []string{"minimal", "edge"} {
		model := minimal(t)
		if name == "edge" {
			model = load(t, edgeModel)
		}
		d := Plan(model)
		if !d.Landscape {
			t.Errorf("%s: the register is not laid out landscape", name)
		}
		ids := map[string]bool{}
		d.Walk(func(s *doc.Section, _ int) {
			if ids[s.ID] {
				t.Errorf("%s: section ID %q used twice", name, s.ID)
			}
			ids[s.ID] = true
		})
		ts := tables(d)
		for _, id := range []string{"contacts", "article-30", "lawful-basis", "consent-dpia-breaches", "schedule-1"} {
			tb := ts[id]
			if tb == nil {
				t.Errorf("%s: no table in section %q", name, id)
				continue
			}
			if len(tb.Widths) != len(tb.Header) {
				t.Errorf("%s %s: %d widths for %d columns", name, id, len(tb.Widths), len(tb.Header))
			}
			for i, r := range tb.Rows {
				if len(r) != len(tb.Header) {
					t.Errorf("%s %s row %d: %d cells for %d columns", name, id, i, len(r), len(tb.Header))
				}
			}
			if id == "contacts" {
				continue
			}
			if tb.Header[0] != keyHeading || len(tb.Rows) != len(model.ActivityList()) {
				t.Errorf("%s %s: not keyed by activity, one row each", name, id)
			}
			for i, a := range model.ActivityList() {
				if got := doc.PlainText(tb.Rows[i][0][0]); got != a.Name {
					t.Errorf("%s %s row %d names %q, want %q", name, id, i, got, a.Name)
				}
			}
		}
		// Every filled template column is shown in some table (the
		// security measures as their own section).
		shown := map[string]bool{}
		for _, tb := range ts {
			for _, h := range tb.Header {
				shown[h] = true
			}
		}
		ctrl := Controller(model)
		for c, h := range ControllerHeadings {
			if h != securityHeading && !columnEmpty(ctrl, c+1) && !shown[h] {
				t.Errorf("%s: column %d %q is filled but not shown", name, c+1, h)
			}
		}
		_, hasProcessor := ts["processor-record"]
		if want := len(model.ProcessorRecordList()) > 0; hasProcessor != want {
			t.Errorf("%s: processor record section present = %v, want %v", name, hasProcessor, want)
		}
	}
}

func TestPlanLinks(t *testing.T) {
	for _, tc := range []struct{ in, text, url string }{
		{"https://x.example/p", "", "https://x.example/p"},
		{"Appropriate policy document: https://x.example/apd", "Appropriate policy document: ", "https://x.example/apd"},
		{"javascript:alert(1)", "javascript:alert(1)", ""},
		{"Policy: see https://x.example and more", "Policy: see https://x.example and more", ""},
	} {
		runs := docLine(tc.in)
		var text, url string
		for _, r := range runs {
			if r.URL != "" {
				url = r.URL
			} else {
				text += r.Text
			}
		}
		if text != tc.text || url != tc.url {
			t.Errorf("docLine(%q) = text %q url %q, want %q %q", tc.in, text, url, tc.text, tc.url)
		}
		if doc.PlainText(runs) != tc.in {
			t.Errorf("docLine(%q) changes the text to %q", tc.in, doc.PlainText(runs))
		}
	}
	if !strings.Contains(string(renderArtifact(t, minimal(t), "register.html")), `href="https://www.example-homes.org.uk/appropriate-policy"`) {
		t.Errorf("register.html does not link the appropriate policy document")
	}
}
