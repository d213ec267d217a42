package notice

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/internal/golden"
	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/render/internal/doctest"
	"github.com/ropa-dev/ropa/render/internal/pagetest"
	"github.com/ropa-dev/ropa/render/internal/pdftest"
	"github.com/ropa-dev/ropa/ropa"
)

// renderAll runs the producer and returns every artifact's bytes by path.
func renderAll(t testing.TB, m *ropa.Model) map[string][]byte {
	t.Helper()
	arts, err := Producer.Artifacts(m, render.Options{})
	if err != nil {
		t.Fatalf("Producer.Artifacts: %v", err)
	}
	out := map[string][]byte{}
	for _, a := range arts {
		var b bytes.Buffer
		if err := a.Write(&b); err != nil {
			t.Fatalf("%s: %v", a.Path, err)
		}
		out[a.Path] = b.Bytes()
	}
	return out
}

func TestProducerArtifacts(t *testing.T) {
	m := loadMinimal(t)
	arts, err := Producer.Artifacts(m, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, a := range arts {
		paths = append(paths, a.Path)
	}
	want := "tenants.html tenants.fragment.html tenants.md tenants.pdf" +
		" tenants.tenancy.snippet.html tenants.tenancy.snippet.md tenants.support.snippet.html tenants.support.snippet.md" +
		" tenants.rental-exchange.snippet.html tenants.rental-exchange.snippet.md tenants.surveys.snippet.html tenants.surveys.snippet.md" +
		" website.html website.fragment.html website.md website.pdf website.analytics.snippet.html website.analytics.snippet.md"
	if got := strings.Join(paths, " "); got != want {
		t.Errorf("paths:\n got %s\nwant %s", got, want)
	}
	if Producer.Name != "notice" || Producer.Doc == "" {
		t.Errorf("Producer = %q, %q", Producer.Name, Producer.Doc)
	}
	m.Phrases = map[string]string{"bogus": "x"}
	if _, err := Producer.Artifacts(m, render.Options{}); err == nil || !strings.Contains(err.Error(), `"bogus"`) {
		t.Errorf("unknown phrase key: err = %v", err)
	}
	var _ render.Producer = Producer
}

func TestGoldenOutputs(t *testing.T) {
	out := renderAll(t, loadMinimal(t))
	// The page's golden holds a marker for the stylesheet, whose one
	// golden is render/html's.
	golden.Check(t, "testdata/minimal-tenants.html", pagetest.WithoutStyleSheet(t, out["tenants.html"]))
	for _, name := range []string{"tenants.fragment.html", "tenants.md",
		"tenants.tenancy.snippet.html", "tenants.tenancy.snippet.md", "tenants.support.snippet.html", "tenants.support.snippet.md",
		"website.analytics.snippet.html", "website.analytics.snippet.md"} {
		golden.Check(t, "testdata/minimal-"+name, out[name])
	}
	// The PDF's golden is its text as pdftotext reads it, a file a reviewer
	// can diff; TestOutputsDeterministic holds its bytes stable.
	golden.Check(t, "testdata/minimal-tenants.pdf.txt", []byte(pdfText(t, out["tenants.pdf"])))
	// The PDF's structure tree, as pdfinfo reads it: headings, paragraphs,
	// lists, tables and links with their text, the footers left out as
	// artifacts.
	golden.Check(t, "testdata/minimal-tenants.pdf.struct.txt", []byte(pdftest.Structure(t, out["tenants.pdf"])))
}

// TestOutputsDeterministic renders twice and compares bytes, PDF included.
func TestOutputsDeterministic(t *testing.T) {
	a := renderAll(t, loadMinimal(t))
	b := renderAll(t, loadMinimal(t))
	for path, data := range a {
		if !bytes.Equal(data, b[path]) {
			t.Errorf("%s differs between two renders", path)
		}
	}
	if !bytes.HasPrefix(a["tenants.pdf"], []byte("%PDF-")) {
		t.Error("tenants.pdf is not a PDF")
	}
}

// TestConsistency checks that every statement of each plan appears in all
// three formats. HTML and Markdown (via goldmark) must contain each
// statement exactly, white space normalised. PDF text is compared with
// white space and hyphens removed on both sides (see squeeze), because
// the page layout wraps lines and may hyphenate, and pdftotext's page
// footers ("Page n of m") are dropped; every other character must match
// in order (or be the PDF engine's [U+XXXX] notation for a character its
// fonts lack).
func TestConsistency(t *testing.T) { checkConsistency(t, loadMinimal(t)) }

// checkConsistency holds every statement of each notice of m to appear in
// all three formats, as TestConsistency describes.
func checkConsistency(t *testing.T, m *ropa.Model) {
	t.Helper()
	out := renderAll(t, m)
	for _, n := range m.NoticeList() {
		d := planNotice(t, m, n.Key)
		texts := map[string]string{
			"html":          doctest.Normalise(htmlText(t, out[n.Key+".html"])),
			"fragment.html": doctest.Normalise(htmlText(t, out[n.Key+".fragment.html"])),
			"md":            doctest.Normalise(markdownText(t, out[n.Key+".md"])),
		}
		pdf := pdfComparable(pdfText(t, out[n.Key+".pdf"]))
		stmts := statements(d)
		if len(stmts) < 50 {
			t.Fatalf("notice %s: only %d statements", n.Key, len(stmts))
		}
		for _, absent := range []string{"A statement that is in no notice.", n.Key + " " + d.Title + " reversed"} {
			if strings.Contains(texts["html"], absent) || strings.Contains(texts["md"], absent) || pdfContains(pdf, absent) {
				t.Fatalf("the comparison finds %q, which no output holds", absent)
			}
		}
		for _, s := range stmts {
			for format, text := range texts {
				if format == "fragment.html" && s == d.Title {
					continue // the fragment leaves the title to the site template
				}
				if !strings.Contains(text, doctest.Normalise(s)) {
					t.Errorf("%s.%s lacks %q", n.Key, format, s)
				}
			}
			if !pdfContains(pdf, s) {
				t.Errorf("%s.pdf lacks %q", n.Key, s)
			}
		}
	}
}
