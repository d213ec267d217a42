package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/ropa-dev/ropa/internal/golden"
	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/internal/doctest"
)

func render(t testing.TB, d *doc.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{}); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

// poppler runs a poppler-utils tool on pdf and returns its output.
func poppler(t *testing.T, pdf []byte, tool string, args ...string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not installed (poppler-utils)", tool)
		}
		t.Skipf("%s not installed (poppler-utils)", tool)
	}
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args = append(args, file)
	if tool == "pdftotext" {
		args = append(args, "-") // to standard output
	}
	out, err := exec.Command(path, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return string(out)
}

func TestDeterministic(t *testing.T) {
	a, b := render(t, doctest.Sample()), render(t, doctest.Sample())
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same document differ")
	}
	// PDF bytes are not kept as golden files, but ROPA_UPDATE=1 writes
	// testdata/sample.pdf for looking at.
	if golden.Update() {
		if err := os.WriteFile(filepath.Join("testdata", "sample.pdf"), a, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.HasPrefix(a, []byte("%PDF-")) {
		t.Error("not a PDF")
	}
	for _, want := range []string{"/CreationDate (D:20260301000000)", "/ModDate (D:20260301000000)", "/Lang (en-GB)", "/FlateDecode"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("PDF lacks %s", want)
		}
	}
}

func TestSourceDateEpoch(t *testing.T) {
	d := doctest.Sample()
	d.Date = "undated"
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	a := render(t, d)
	if !bytes.Contains(a, []byte("/CreationDate (D:20231114221320)")) {
		t.Error("SOURCE_DATE_EPOCH not used for the creation date")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	b := render(t, d)
	if !bytes.Contains(b, []byte("/CreationDate (D:19800101000000)")) {
		t.Error("creation date without a date is not 1980-01-01")
	}
	// An epoch past year 9999 is ignored, not stamped as year 3170843.
	t.Setenv("SOURCE_DATE_EPOCH", "100000000000000")
	if c := render(t, d); !bytes.Contains(c, []byte("/CreationDate (D:19800101000000)")) {
		t.Error("a huge SOURCE_DATE_EPOCH is not ignored")
	}
	if !bytes.Equal(b, render(t, d)) {
		t.Error("undated renders differ")
	}
}

// pdfString is how fpdf writes a UTF-8 string: UTF-16BE with a byte order
// mark, in a literal string with \, ( and ) escaped.
func pdfString(s string) string {
	var b []byte
	b = append(b, 0xfe, 0xff)
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`, "\r", `\r`)
	return "(" + r.Replace(string(b)) + ")"
}

func TestReadBack(t *testing.T) {
	d := doctest.Sample()
	pdf := render(t, d)

	info := poppler(t, pdf, "pdfinfo")
	fields := map[string]string{}
	for _, l := range strings.Split(info, "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			fields[k] = strings.TrimSpace(v)
		}
	}
	if fields["Title"] != d.Title || fields["Author"] != d.Author || fields["Subject"] != d.Subject || fields["Creator"] != "ropa" {
		t.Errorf("pdfinfo metadata wrong:\n%s", info)
	}
	pages, _ := strconv.Atoi(fields["Pages"])
	if pages < 3 {
		t.Errorf("long table gave %d pages, want at least 3", pages)
	}
	if !strings.Contains(fields["Page size"], "595") {
		t.Errorf("not A4: %q", fields["Page size"])
	}

	layout := doctest.Normalise(poppler(t, pdf, "pdftotext", "-layout"))
	// Table cells share lines with their neighbours in layout mode; in
	// content stream order each cell's lines are together.
	raw := doctest.Normalise(poppler(t, pdf, "pdftotext", "-raw"))
	for _, want := range []string{d.Title, d.Subtitle, "Version 1.2 · 2026-03-01"} {
		if !strings.Contains(layout, want) {
			t.Errorf("title block text %q missing", want)
		}
	}
	d.Walk(func(s *doc.Section, _ int) {
		if !strings.Contains(layout, doctest.Normalise(s.Title)) {
			t.Errorf("section title %q missing", s.Title)
		}
	})
	for _, want := range doctest.BodyTexts(d) {
		if !strings.Contains(raw, doctest.Normalise(want)) {
			t.Errorf("text %q missing from pdftotext -raw output", want)
		}
	}
	for i := 1; i <= pages; i++ {
		if want := fmt.Sprintf("Page %d of %d", i, pages); !strings.Contains(layout, want) {
			t.Errorf("footer %q missing", want)
		}
	}
	// The header row repeats on every page the long table spans.
	if n := strings.Count(raw, "Activity Purpose Retention"); n < pages-1 {
		t.Errorf("long table header printed %d times over %d pages", n, pages)
	}
}

func TestOutline(t *testing.T) {
	d := doctest.Sample()
	pdf := render(t, d)
	if !bytes.Contains(pdf, []byte("/Type /Outlines")) || !bytes.Contains(pdf, []byte("/Outlines ")) {
		t.Fatal("no document outline")
	}
	titles := regexp.MustCompile(`<</Title (\((?:[^\\)]|\\.)*\))`).FindAllSubmatch(pdf, -1)
	var got []string
	for _, m := range titles {
		got = append(got, string(m[1]))
	}
	var want []string
	d.Walk(func(s *doc.Section, _ int) { want = append(want, pdfString(s.Title)) })
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline titles\n%q\nwant\n%q", got, want)
	}
	// Nesting: "Office hours" is below "Data protection officer", which
	// is below "Who we are".
	if c := bytes.Count(pdf, []byte("/Parent ")); c < len(want) {
		t.Errorf("outline entries without parents: %d < %d", c, len(want))
	}
}

func TestLinks(t *testing.T) {
	pdf := render(t, doctest.Sample())
	uris := regexp.MustCompile(`/URI \(((?:[^\\)]|\\.)*)\)`).FindAllSubmatch(pdf, -1)
	got := map[string]bool{}
	for _, u := range uris {
		got[strings.NewReplacer(`\(`, "(", `\)`, ")").Replace(string(u[1]))] = true
	}
	for _, want := range []string{"mailto:privacy@example.com", "https://example.com/privacy?a=1&b=(2)", "https://example.com/orders", "https://partners.example.com"} {
		if !got[want] {
			t.Errorf("no link annotation to %s; have %v", want, got)
		}
	}
}

func TestInjection(t *testing.T) {
	for _, text := range doctest.Injections() {
		d := doctest.Hostile(text, "javascript:alert(1)")
		d.Lang = "en) /OpenAction (x"
		pdf := render(t, d)
		if bytes.Contains(pdf, []byte("javascript:")) {
			t.Errorf("javascript: address written into the PDF for %q", text)
		}
		if bytes.Contains(pdf, []byte("/OpenAction")) || bytes.Contains(pdf, []byte("/Lang")) {
			t.Error("language tag injected into the catalog")
		}
		out := doctest.Normalise(poppler(t, pdf, "pdftotext", "-raw"))
		want := doctest.Normalise(strings.NewReplacer("😀", "[U+1F600]", "ש", "[U+05E9]", "ל", "[U+05DC]", "ו", "[U+05D5]", "ם", "[U+05DD]").Replace(text))
		if !strings.Contains(out, want) {
			t.Errorf("%q: want %q in\n%s", text, want, out)
		}
	}
}

func TestUnicode(t *testing.T) {
	d := &doc.Document{Title: "Café ’ • é ŵ page \uE000", Sections: []*doc.Section{{ID: "a", Title: "Emoji 😀 and Arabic سلام and 中文", Blocks: []doc.Block{
		doc.P(doc.T("tab\there, zero\u200bwidth, nbsp\u00a0here")),
	}}}}
	pdf := render(t, d)
	out := doctest.Normalise(poppler(t, pdf, "pdftotext", "-raw"))
	for _, want := range []string{"Café ’ • é ŵ page [U+E000]", "Page 1 of 1", "Emoji [U+1F600] and Arabic [U+0633][U+0644][U+0627][U+0645] and [U+4E2D][U+6587]", "tab here, zero[U+200B]width"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing from\n%s", want, out)
		}
	}
	if !bytes.Contains(pdf, []byte(pdfString("Emoji [U+1F600] and Arabic [U+0633][U+0644][U+0627][U+0645] and [U+4E2D][U+6587]"))) {
		t.Error("outline title not substituted")
	}
}

func TestLandscape(t *testing.T) {
	d := doctest.Sample()
	d.Landscape = true
	info := poppler(t, render(t, d), "pdfinfo")
	if !regexp.MustCompile(`Page size:\s+841\.\d+ x 595`).MatchString(info) {
		t.Errorf("not A4 landscape:\n%s", info)
	}
}

func TestOddDocuments(t *testing.T) {
	huge := strings.Repeat("x", 3000)
	tall := make(doc.Cell, 200)
	for i := range tall {
		tall[i] = doc.Line(doc.T(fmt.Sprintf("line %d", i)))
	}
	docs := []*doc.Document{
		nil,
		{},
		{Title: "\xff\x00\r\n", Lang: "\x00", Date: "2026-13-45", Sections: []*doc.Section{nil, {Title: ""}, {Title: huge}}},
		{Intro: []doc.Block{nil, (*doc.Paragraph)(nil), (*doc.List)(nil), (*doc.Table)(nil), &doc.Table{}, &doc.List{Ordered: true, Items: make([][]doc.Inline, 120)}}},
		{Sections: []*doc.Section{{Title: "t", Blocks: []doc.Block{
			&doc.Table{Caption: "tall", Header: []string{"a", "b"}, Widths: []float64{-1, 0}, Rows: [][]doc.Cell{{tall, doc.TextCell(huge)}, {}}},
			&doc.Table{Widths: []float64{1e308, 1e308}, Rows: [][]doc.Cell{{doc.TextCell("no header"), nil}}},
			&doc.Table{Header: make([]string, 300)},
			doc.P(doc.L(huge, "https://example.com/"+huge)),
		}}}},
	}
	for i, d := range docs {
		var buf bytes.Buffer
		if err := Render(&buf, d, Options{}); err != nil {
			t.Errorf("doc %d: %v", i, err)
		}
	}
}

func FuzzPDF(f *testing.F) {
	f.Add("plain text", "https://example.com")
	f.Add("<script>alert(1)</script> 😀 שלום", "javascript:alert(1)")
	f.Add("\xf0\x9f\x98", "https://x)/JS (alert")
	f.Add("(\\) \r\n\t\x00 \uE000 \ufeff", "mailto:\xc0")
	f.Fuzz(func(t *testing.T, text, url string) {
		pdf := render(t, doctest.Hostile(text, url))
		uris := regexp.MustCompile(`/URI \(((?:[^\\)]|\\.)*)\)`).FindAllSubmatch(pdf, -1)
		for _, u := range uris {
			if !doc.SafeURL(string(u[1])) {
				t.Errorf("unsafe link %q", u[1])
			}
		}
	})
}
