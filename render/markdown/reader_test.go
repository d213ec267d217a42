package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/render/doc"
)

func TestRefsAndCites(t *testing.T) {
	l := &doc.List{}
	l.Add(doc.From("a"), doc.Inline{Text: "Who we are", Ref: "#who", Strong: true}, doc.T(": us"))
	l.Add(doc.From("b"), doc.R("Full notice", "tenants"), doc.T(" "), doc.R("gone", "#missing"))
	d := &doc.Document{Title: "Who we are", Sections: []*doc.Section{
		{ID: "sum", Title: "Summary", Summary: true, Blocks: []doc.Block{l}},
		{ID: "who", Title: "Who we are?", Blocks: []doc.Block{doc.SP(doc.From("c"), doc.B("Contract"), doc.T(" "), doc.C("(Article 6(1)(b))"))}},
	}}
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		// The title takes the anchor who-we-are first, so the section's
		// heading is who-we-are-1.
		"- [**Who we are**](#who-we-are-1): us\n",
		"- [Full notice](tenants.md) gone\n",
		"**Contract** (Article 6(1)(b))\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Do you have to give us your information?":          "do-you-have-to-give-us-your-information",
		"How to contact us and our Data Protection Officer": "how-to-contact-us-and-our-data-protection-officer",
		"Special category and criminal offence information": "special-category-and-criminal-offence-information",
		"Data-sharing schemes":                              "data-sharing-schemes",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}
