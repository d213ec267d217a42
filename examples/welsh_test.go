package examples_test

import (
	"bytes"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/notice"
	"github.com/ropa-dev/ropa/ropa"
)

// buildCymru renders every notice output of examples/cymru, by file name.
func buildCymru(t *testing.T) map[string][]byte {
	t.Helper()
	m, err := ropa.Load("cymru")
	if err != nil {
		t.Fatal(err)
	}
	arts, err := notice.Producer.Artifacts(m, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	outs := notice.Producer.Outputs(m, render.Options{})
	if len(outs) != len(arts) {
		t.Fatalf("%d outputs listed, %d rendered", len(outs), len(arts))
	}
	files := map[string][]byte{}
	for i, a := range arts {
		if outs[i].Path != a.Path {
			t.Errorf("output %d: listed %s, rendered %s", i, outs[i].Path, a.Path)
		}
		var buf bytes.Buffer
		if err := a.Write(&buf); err != nil {
			t.Fatalf("%s: %v", a.Path, err)
		}
		files[a.Path] = buf.Bytes()
	}
	return files
}

var tags = regexp.MustCompile(`(?s)<style>.*?</style>|<[^>]*>`)

// englishFragments are the pieces of every English phrase between its
// placeholders, at least 12 characters long: text the Welsh must not show.
func englishFragments() []string {
	var out []string
	for _, k := range notice.PhraseKeys() {
		s, _ := notice.DefaultPhrase(k)
		for _, f := range regexp.MustCompile(`\{[A-Za-z0-9_.-]+\}`).Split(s, -1) {
			if f = strings.TrimSpace(f); len(f) >= 12 {
				out = append(out, f)
			}
		}
	}
	return out
}

// TestWelshNoticeHasNoEnglish: the Welsh notice of examples/cymru, in
// every format and in its snippets, shows no English wording from the
// phrasebook (every phrase's text of 12 characters or more) nor any word
// of the layout (skip link, contents, version, page footer, summary).
func TestWelshNoticeHasNoEnglish(t *testing.T) {
	files := buildCymru(t)
	layout := []string{"Skip to content", "Contents", "Version", "Page ", "Summary", "Table:", "Other languages", "Section "}
	frags := englishFragments()
	n := 0
	for name, data := range files {
		if !strings.HasPrefix(name, "tenants.cy.") {
			continue
		}
		n++
		text := string(data)
		switch {
		case strings.HasSuffix(name, ".html"):
			text = html.UnescapeString(tags.ReplaceAllString(text, " "))
			// The link to the English version names it in English.
			text = strings.Replace(text, "English", "", 1)
			if !strings.Contains(string(data), `lang="cy"`) {
				t.Errorf("%s: no lang=\"cy\"", name)
			}
		case strings.HasSuffix(name, ".pdf"):
			text = pdfRaw(t, data)
		}
		for _, w := range append(layout, frags...) {
			if strings.Contains(text, w) {
				t.Errorf("%s shows English %q", name, w)
			}
		}
		if strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".pdf") {
			for _, want := range []string{"Swyddfa'r Comisiynydd Gwybodaeth", "Ebrill 2025"} {
				if !strings.Contains(text, want) && !strings.Contains(name, "snippet") {
					t.Errorf("%s lacks %q", name, want)
				}
			}
		}
	}
	if n < 4 {
		t.Fatalf("only %d Welsh outputs", n)
	}
	if pdf := pdfRaw(t, files["tenants.cy.pdf"]); !strings.Contains(pdf, "Tudalen 1 o ") || !strings.Contains(pdf, "ynglŷn") {
		t.Errorf("tenants.cy.pdf: no Welsh page footer or ŷ:\n%s", pdf)
	}
}

// TestLanguageVersionsLinked: each language version's page links to every
// version (hreflang), both ways, and the bilingual document holds the
// Welsh and then the English.
func TestLanguageVersionsLinked(t *testing.T) {
	files := buildCymru(t)
	for _, name := range []string{"tenants.html", "tenants.cy.html"} {
		page := string(files[name])
		for _, want := range []string{
			`<link rel="alternate" hreflang="en-GB" href="tenants.html">`,
			`<link rel="alternate" hreflang="cy" href="tenants.cy.html">`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
	}
	if !strings.Contains(string(files["tenants.html"]), `<a href="tenants.cy.html" hreflang="cy" lang="cy">Cymraeg</a>`) {
		t.Error("tenants.html does not link to the Welsh by its Welsh name")
	}
	bi := string(files["tenants.bilingual.md"])
	cy, en := strings.Index(bi, "## Hysbysiad preifatrwydd i denantiaid"), strings.Index(bi, "## Privacy notice for tenants")
	if cy < 0 || en < 0 || cy > en {
		t.Errorf("tenants.bilingual.md: want the Welsh (at %d) before the English (at %d)", cy, en)
	}
	bh := string(files["tenants.bilingual.html"])
	if !strings.Contains(bh, `<html lang="cy">`) || !strings.Contains(bh, `id="en" aria-labelledby="en-heading" lang="en-GB"`) {
		t.Error("tenants.bilingual.html: want the page in cy and the English half marked en-GB")
	}
	if !strings.Contains(bh, `href="#cy-eich-hawliau"`) && !strings.Contains(bh, `href="#cy-your-rights"`) {
		t.Error("tenants.bilingual.html: the Welsh summary's links do not point into the Welsh half")
	}
	// The bilingual PDF, read back: both halves, Welsh first, with ŷ drawn.
	bp := pdfRaw(t, files["tenants.bilingual.pdf"])
	cyAt, enAt := strings.Index(bp, "Hysbysiad preifatrwydd i denantiaid"), strings.Index(bp, "Privacy notice for tenants")
	if cyAt < 0 || enAt < 0 || cyAt > enAt || !strings.Contains(bp, "ynglŷn") {
		t.Errorf("tenants.bilingual.pdf: want the Welsh (at %d, with ŷ) before the English (at %d):\n%s", cyAt, enAt, bp)
	}
	_ = doc.LabelSkip
}

// pdfRaw is the text pdftotext reads from pdf, page footers included.
func pdfRaw(t *testing.T, pdf []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotextPath(t), "-enc", "UTF-8", "-raw", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
