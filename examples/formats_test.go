package examples_test

import (
	"bytes"
	"github.com/ropa-dev/ropa/render"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/render/notice"
	"github.com/ropa-dev/ropa/ropa"
)

// exampleDirs are the example models, in the order of the README table.
var exampleDirs = []string{"minimal", "nhg", "whg", "homegroup", "connect", "nph", "gp", "school", "council"}

// minFacts is, per example, the fewest key facts its notices must carry
// between them, so that a model that loses its facts cannot pass by
// asserting nothing.
var minFacts = map[string]int{"minimal": 18, "nhg": 2, "whg": 17, "homegroup": 13, "connect": 8, "nph": 14, "gp": 2, "school": 3, "council": 7}

// seedWording is, per example, the seed notice's own wording of rights and
// complaints that the example's phrase overrides (phrases.cue) must put
// into every notice it renders.
var seedWording = map[string][]string{
	"nhg": {
		"you have the following rights in relation to accessing the data we hold about you",
		"confirmation that your data is being processed",
		"you can read about the process on our Privacy Policy page",
	},
	"whg": {
		"claim compensation (through the courts) if we misuse your information",
	},
	"homegroup": {
		"cease processing your personal information if the processing is causing you damage or distress",
		"these rights may be limited by the legislation",
		"You also have the right to make a complaint to the Information Commissioner's Office at any time",
	},
	"connect": {
		"our legitimate interests including but not limited to direct marketing and profiling",
		"our right to process your personal data will override your right to object",
		"should you feel that we have not handled your information in line with legislative and regulatory requirements",
	},
}

// noticeWording is, per "example/notice", wording that one notice's own
// phrases (notices.<k>.phrases) or free sections must put into it, and
// wording it must not hold because it belongs to another notice.
var noticeWording = map[string]struct{ want, absent []string }{
	// The customer notice is "this Customer Privacy Notice"; the cookies
	// notice, which shows the same rights, calls it "our".
	"whg/customers": {
		want:   []string{"which is why we have published this Customer Privacy Notice and a leaflet"},
		absent: []string{"which is why we have published our Customer Privacy Notice"},
	},
	"whg/cookies": {
		want:   []string{"which is why we have published our Customer Privacy Notice and a leaflet"},
		absent: []string{"which is why we have published this Customer Privacy Notice"},
	},
	// lawsIncomplete: "under various UK laws including but not limited to".
	"council/revenues-benefits": {
		want:   []string{"The laws we rely on include, but are not limited to:", "One of these, depending on the case:"},
		absent: []string{"The laws we rely on:"},
	},
}

// TestNoticeFormats renders every notice of every example with the real
// producer and checks that the organisation's key facts appear in every
// format: the HTML page and fragment, the Markdown (as goldmark renders
// it) and the PDF (as pdftotext reads it).
func TestNoticeFormats(t *testing.T) {
	for _, dir := range exampleDirs {
		t.Run(dir, func(t *testing.T) {
			m, err := ropa.Load(dir)
			if err != nil {
				t.Fatalf("Load(%s): %v", dir, err)
			}
			arts, err := notice.Producer.Artifacts(m, render.Options{})
			if err != nil {
				t.Fatalf("notice artifacts: %v", err)
			}
			rendered := map[string][]byte{}
			for _, a := range arts {
				var buf bytes.Buffer
				if err := a.Write(&buf); err != nil {
					t.Fatalf("%s: %v", a.Path, err)
				}
				rendered[a.Path] = buf.Bytes()
			}
			total := 0
			for _, n := range m.NoticeList() {
				facts := keyFacts(m, n)
				total += len(facts)
				facts = append(facts, seedWording[dir]...)
				own := noticeWording[dir+"/"+n.Key]
				facts = append(facts, own.want...)
				for _, f := range []struct {
					suffix string
					text   func(*testing.T, []byte) string
				}{
					{".html", htmlText},
					{".fragment.html", htmlText},
					{".md", markdownText},
					{".pdf", pdfText},
				} {
					path := n.Key + f.suffix
					data, ok := rendered[path]
					if !ok {
						t.Errorf("%s not rendered", path)
						continue
					}
					text := f.text(t, data)
					checkFacts(t, path, text, facts)
					checkAbsent(t, path, text, own.absent)
				}
			}
			if total < minFacts[dir] {
				t.Errorf("only %d key facts across the notices, want at least %d", total, minFacts[dir])
			}
		})
	}
}

// checkFacts reports every fact missing from text. PDF text may wrap or
// hyphenate anywhere, so it is compared with all whitespace removed; the
// others with whitespace collapsed.
func checkFacts(t *testing.T, path, text string, facts []string) {
	t.Helper()
	norm := collapse
	if strings.HasSuffix(path, ".pdf") {
		norm = squeeze
	}
	text = norm(text)
	for _, f := range facts {
		if !strings.Contains(text, norm(f)) {
			t.Errorf("%s: missing %q", path, f)
		}
	}
}

// checkAbsent reports every phrase of absent that text holds, normalised
// as checkFacts does.
func checkAbsent(t *testing.T, path, text string, absent []string) {
	t.Helper()
	norm := collapse
	if strings.HasSuffix(path, ".pdf") {
		norm = squeeze
	}
	text = norm(text)
	for _, a := range absent {
		if strings.Contains(text, norm(a)) {
			t.Errorf("%s: holds %q, which belongs to another notice", path, a)
		}
	}
}

// keyFacts lists what a notice must say, taken from the model: the
// organisation's name, registration numbers, ICO registration and DPO
// contact, and for the activities the notice shows every named recipient,
// every scheme and every retention period.
func keyFacts(m *ropa.Model, n *ropa.Notice) []string {
	c := m.Controller
	facts := []string{c.Name}
	for _, r := range c.Registrations {
		facts = append(facts, r.Number)
	}
	facts = append(facts, c.ICORegistration)
	if c.DPO != nil {
		facts = append(facts, c.DPO.Email, c.DPO.Phone)
	}
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			facts = append(facts, s)
		}
	}
	for _, a := range m.ActivitiesFor(n) {
		for _, r := range a.Recipients {
			if !r.Category {
				add(r.Name)
			}
		}
		for _, s := range a.Schemes {
			add(s.Name)
		}
		for _, r := range a.Retention {
			add(r.Period)
		}
		for _, cat := range a.Categories {
			for _, r := range cat.RetentionRules {
				add(r.Period)
			}
		}
	}
	out := facts[:0]
	for _, f := range facts {
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}
