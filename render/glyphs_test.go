package render

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/render/pdf"
	"github.com/ropa-dev/ropa/ropa"
)

func TestGlyphWarner(t *testing.T) {
	m, err := ropa.LoadFiles([]ropa.File{{Name: "m.cue", Data: []byte(`package m

schemaVersion: "1"
controller: name: "Tick ✓ Ltd"
notices: all: {title: "Notice", version: "1", lastUpdated: "2025-01-01"}
subjects: people: name: "People"
categories: contact: name: "Contact ✓"
activities: serve: {
	name: "Serving"
	purpose: "To serve you (שלום)."
	audiences: ["all"]
	subjects: ["people"]
	categories: ["contact"]
	lawfulBases: [{basis: "contract"}]
}
`)}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	opts := Options{Warn: func(w Warning) { got = append(got, w.String()) }}
	warn := GlyphWarner(opts, m, "all.pdf", `notice "all"`)
	warn([]pdf.MissingGlyph{
		{Char: 'ש', Text: "To serve you (שלום)."},
		{Char: 'ל', Text: "To serve you (שלום)."},
		// A text the planner composed: the field holding it is found.
		{Char: '✓', Text: "Tick ✓ Ltd is the controller"},
		// A text no field holds: every field with the character.
		{Char: '✓', Text: "something else ✓"},
		{Char: '☃', Text: "a snowman ☃ from nowhere"},
	})
	want := []string{
		`all.pdf: notice "all": activities.serve.purpose: no glyph in the PDF font for 'ל' (U+05DC), 'ש' (U+05E9); printed as [U+XXXX]`,
		`all.pdf: notice "all": categories.contact.name: no glyph in the PDF font for '✓' (U+2713); printed as [U+XXXX]`,
		`all.pdf: notice "all": controller.name: no glyph in the PDF font for '✓' (U+2713); printed as [U+XXXX]`,
		`all.pdf: notice "all": text "a snowman ☃ from nowhere": no glyph in the PDF font for '☃' (U+2603); printed as [U+XXXX]`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if GlyphWarner(Options{}, m, "all.pdf", "x") != nil {
		t.Error("GlyphWarner without Warn is not nil")
	}
}
