// Package doctest holds the documents and text helpers the renderer tests
// share: a sample document using every block type, a hostile document
// whose texts try to inject markup, and the plain texts of a document to
// look for in rendered output. It is imported only by tests.
package doctest

import (
	"fmt"
	"strings"

	"github.com/ropa-dev/ropa/render/doc"
)

// Sample returns a document using every block type: nested sections,
// paragraphs with links and strong text, both kinds of list, a table with
// multi-line cells and a long table. Each call returns a new document.
func Sample() *doc.Document {
	long := &doc.Table{
		Caption: "Processing activities",
		Header:  []string{"Activity", "Purpose", "Retention"},
		Widths:  []float64{1, 2, 1},
	}
	for i := 1; i <= 60; i++ {
		long.Rows = append(long.Rows, []doc.Cell{
			doc.TextCell(fmt.Sprintf("Activity %d", i)),
			doc.TextCell(fmt.Sprintf("Purpose of activity %d, described at some length so that the cell wraps onto more than one line in narrow columns", i), "Second line"),
			doc.TextCell(fmt.Sprintf("%d years", i%7+1)),
		})
	}
	return &doc.Document{
		Title:    "Privacy notice",
		Subtitle: "Example Café Ltd",
		Author:   "Example Café Ltd",
		Subject:  "How we use your personal data",
		Lang:     "en-GB",
		Version:  "1.2",
		Date:     "2026-03-01",
		Intro: []doc.Block{
			doc.P(doc.T("This notice explains how we use your personal data. It’s our promise • and Gwynedd’s ŵ.")),
		},
		Sections: []*doc.Section{
			{
				ID:    "who-we-are",
				Title: "Who we are",
				Blocks: []doc.Block{
					doc.P(doc.T("We are the "), doc.B("controller"), doc.T(" of your data. Contact us at "), doc.L("privacy@example.com", "mailto:privacy@example.com"), doc.T(" or read "), doc.L("our website", "https://example.com/privacy?a=1&b=(2)"), doc.T(".")),
				},
				Sections: []*doc.Section{
					{
						ID:    "data-protection-officer",
						Title: "Data protection officer",
						Blocks: []doc.Block{
							doc.P(doc.T("Our DPO is Jane Doe.")),
						},
						Sections: []*doc.Section{
							{
								ID:     "dpo-hours",
								Title:  "Office hours",
								Blocks: []doc.Block{doc.P(doc.T("Monday to Friday, 9am to 5pm."))},
							},
						},
					},
				},
			},
			{
				ID:    "what-we-collect",
				Title: "What we collect",
				Blocks: []doc.Block{
					&doc.List{Items: [][]doc.Inline{
						{doc.T("Your name")},
						{doc.B("Contact details"), doc.T(" such as your email address")},
						{doc.T("Records of your "), doc.L("orders", "https://example.com/orders")},
					}},
					&doc.List{Ordered: true, Items: [][]doc.Inline{
						{doc.T("We collect the data")},
						{doc.T("We use it")},
						{doc.T("We delete it")},
					}},
					&doc.Table{
						Caption: "Categories of data",
						Header:  []string{"Category", "Examples", "Source"},
						Rows: [][]doc.Cell{
							{doc.TextCell("Identity"), doc.TextCell("Name", "Date of birth"), {doc.Line(doc.T("You"))}},
							{doc.TextCell("Contact"), doc.TextCell("Email address", "Phone number", "Postal address"), {doc.Line(doc.T("You, or "), doc.L("our partners", "https://partners.example.com"))}},
						},
					},
				},
			},
			{
				ID:     "register",
				Title:  "Register of processing",
				Blocks: []doc.Block{doc.P(doc.T("The full register follows.")), long},
			},
		},
	}
}

// Hostile returns a document whose texts try to inject markup.
func Hostile(text, url string) *doc.Document {
	return &doc.Document{
		Title:   text,
		Lang:    "en-GB",
		Subject: text,
		Intro:   []doc.Block{doc.P(doc.T(text), doc.L(text, url))},
		Sections: []*doc.Section{{
			ID:    "s",
			Title: text,
			Blocks: []doc.Block{
				doc.P(doc.T(text), doc.B(text), doc.L(text, url)),
				&doc.List{Items: [][]doc.Inline{{doc.T(text)}, {doc.L(text, url)}}},
				&doc.Table{Caption: text, Header: []string{text}, Rows: [][]doc.Cell{{doc.TextCell(text, text)}, {{doc.Line(doc.L(text, url))}}}},
			},
		}},
	}
}

// Injections returns texts that must print literally; each call returns a
// new slice.
func Injections() []string {
	return []string{
		"<script>alert(1)</script>",
		"**bold**",
		"[x](javascript:alert(1))",
		"שלום",
		"😀",
	}
}

// TemplateInjections returns texts that a site generator would read as
// its own syntax if they reached it unescaped: Liquid (Jekyll), Hugo
// shortcodes, Jinja and Nunjucks comments, kramdown attribute lists and
// extensions, heading attributes, math and definition lists. Each call
// returns a new slice.
func TemplateInjections() []string {
	return []string{
		"{{ site.title }}",
		"{% include secret.txt %}",
		"{{< shortcode >}}",
		"{{% shortcode %}}",
		"{{- x -}}",
		"{{{triple}}}",
		"{# comment #}",
		"{: .class #id}",
		"{::comment} hidden {:/comment}",
		"Heading {#id .class}",
		"{.class}",
		"$$x^2$$",
		": definition",
		"}}{{",
		"a{%raw%}b{%endraw%}",
	}
}

// TemplatePieces are fragments to build random texts from that mix
// template syntax with the characters around it.
var TemplatePieces = []string{
	"{", "}", "{{", "}}", "{%", "%}", "{#", "#}", "{:", "{::", "{{<", ">}}", "{{%", "%}}", "{.", "$", "$$",
	": ", "%", "<", ">", "#", ".", "-", " ", "a", "\\", "&#123;", "&", "\n",
}

// TemplateSyntax returns the first template opener in s ("{{", "{%",
// "{#", "{:", "{.", "$$"), or "" when s holds none.
func TemplateSyntax(s string) string {
	for _, open := range []string{"{{", "{%", "{#", "{:", "{.", "$$"} {
		if strings.Contains(s, open) {
			return open
		}
	}
	return ""
}
