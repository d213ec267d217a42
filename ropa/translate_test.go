package ropa

import (
	"strings"
	"testing"
)

const bilingual = `package m

schemaVersion: "1"
controller: name: "Cartrefi Homes"
notices: tenants: {title: "Tenants", languages: ["cy"]}
subjects: s: name: "Tenants"
categories: c: name: "Identity"
activities: rent: {
	name: "Rent"
	purpose: "Collect rent"
	audiences: ["tenants"]
	subjects: ["s"]
	categories: ["c"]
	lawfulBases: [{basis: "contract"}]
}
phrases: "complaints.us": "Tell us first."
translations: cy: {
	"activities.rent.purpose": {text: "Casglu rhent", of: "3f27ceda"}
	"phrases.\"complaints.us\"": {text: "Dywedwch wrthym yn gyntaf.", of: "` + "XXXX" + `"}
}
`

func TestInLanguage(t *testing.T) {
	src := []byte(bilingualSrc())
	m, err := LoadFiles([]File{{Name: "m.cue", Data: src}})
	if err != nil {
		t.Fatal(err)
	}
	cy, missing := m.InLanguage("cy", m.Notices["tenants"])
	if got := cy.Activities["rent"].Purpose; got != "Casglu rhent" {
		t.Errorf("translated purpose = %q", got)
	}
	if got := cy.Phrases["complaints.us"]; got != "Dywedwch wrthym yn gyntaf." {
		t.Errorf("translated phrase = %q", got)
	}
	if got := m.Activities["rent"].Purpose; got != "Collect rent" {
		t.Errorf("the English model changed: %q", got)
	}
	// References point into the copy.
	if cy.Activities["rent"].Categories[0] != cy.Categories["c"] || cy.Categories["c"] == m.Categories["c"] {
		t.Error("the copy's references do not point into the copy")
	}
	want := map[string]bool{"activities.rent.name": true, "categories.c.name": true, "controller.name": true,
		"notices.tenants.title": true, "subjects.s.name": true}
	for _, p := range missing {
		if !want[p] {
			t.Errorf("missing lists %s", p)
		}
		delete(want, p)
	}
	for p := range want {
		t.Errorf("missing does not list %s", p)
	}
}

// bilingualSrc is bilingual with the phrase translation's fingerprint.
func bilingualSrc() string {
	return strings.Replace(bilingual, "XXXX", Fingerprint("Tell us first."), 1)
}
