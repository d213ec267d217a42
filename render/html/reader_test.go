package html_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/render/doc"
	"github.com/ropa-dev/ropa/render/html"
)

// readerDoc is a document with what a reader's notice uses: a summary
// whose lines link to sections, a citation, list and row-header tables,
// and a table captioned like its section.
func readerDoc() *doc.Document {
	sum := &doc.List{}
	sum.Add(doc.From("a"), doc.Inline{Text: "Keep", Ref: "#keep", Strong: true}, doc.T(": 6 years."))
	sum.Add(doc.From("b"), doc.R("Other notice", "tenants"), doc.R("bad", "#no such"), doc.R("bad2", "../x"))
	t := &doc.Table{Caption: "How long we keep it", Header: []string{"Records", "Kept", "Kinds"},
		RowHeaders: true, Lists: []bool{false, false, true}}
	t.AddRow(doc.From("c"), doc.TextCell("Tenancy"), doc.TextCell("6 years", "then deleted"), doc.TextCell("Name", "Email"))
	t.AddRow(doc.From("d"), doc.TextCell("Logs"), doc.TextCell("1 year"), doc.TextCell("IP address"))
	return &doc.Document{Title: "T", Sections: []*doc.Section{
		{ID: "summary", Title: "Summary", Summary: true, Blocks: []doc.Block{sum}},
		{ID: "basis", Title: "Basis", Blocks: []doc.Block{doc.SP(doc.From("e"), doc.B("Contract"), doc.T(" "), doc.C("(Article 6(1)(b))"))}},
		{ID: "keep", Title: "How long we keep it", Blocks: []doc.Block{t}},
	}}
}

func TestReaderFeatures(t *testing.T) {
	var buf bytes.Buffer
	if err := html.Render(&buf, readerDoc(), html.Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`<section id="summary" class="summary" aria-labelledby="summary-heading">`,
		`<li><a href="#keep"><strong>Keep</strong></a>: 6 years.</li>`,
		`<a href="tenants.html">Other notice</a>bad<a`[:len(`<a href="tenants.html">Other notice</a>bad`)],
		`bad2</li>`,
		`<strong>Contract</strong> <small class="cite">(Article 6(1)(b))</small>`,
		`<th scope="row">Tenancy</th><td data-label="Kept">6 years<br>then deleted</td><td data-label="Kinds"><ul class="cell-list"><li>Name</li><li>Email</li></ul></td>`,
		`<td data-label="Kinds">IP address</td>`,
		`aria-label="Table: How long we keep it"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if i, j := strings.Index(out, `class="summary"`), strings.Index(out, `class="toc"`); i < 0 || j < 0 || i > j {
		t.Error("the summary does not come before the table of contents")
	}
	if strings.Contains(out, `<li><a href="#summary">`) {
		t.Error("the table of contents lists the summary")
	}
	if strings.Contains(out, `aria-labelledby="table-1-caption"`) {
		t.Error("the table's region shares its section's name")
	}
	for _, bad := range []string{`href="#no such"`, `href="../x`} {
		if strings.Contains(out, bad) {
			t.Errorf("an invalid Ref became a link: %s", bad)
		}
	}
}
