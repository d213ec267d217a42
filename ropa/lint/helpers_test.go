package lint_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ropa-dev/ropa/render/notice"
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/lint"
)

// now is the fixed clock of the tests.
var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// base is a small model that no rule finds fault with at now. Rule tests
// edit it to trigger one rule.
const base = `package m

schemaVersion: "1"
controller: {
	name: "Acme Homes"
	address: lines: ["1 High Street"]
	dpo: {name: "Dee Pio", email: "dpo@acme.example"}
}
notices: tenants: {title: "Tenants", version: "1", lastUpdated: "2026-06-01"}
subjects: tenants: name: "Tenants"
categories: identity: {name: "Identity", retention: ["tenancy"]}
sources: you: {name: "You", kind: "subject"}
recipients: repairs: {name: "Repairs Ltd", role: "processor", contract: "DPA-1", country: "United Kingdom"}
retention: tenancy: {name: "Tenancy", period: "6 years"}
systems: housing: name: "Housing system"
activities: rent: {
	name:    "Rent"
	purpose: "Collect rent"
	audiences: ["tenants"]
	subjects: ["tenants"]
	categories: ["identity"]
	lawfulBases: [{basis: "contract"}]
	sources: ["you"]
	recipients: ["repairs"]
	requirement: {kind: "contractual", consequence: "No tenancy."}
	automation: {decisions: false, profiling: false}
	systems: ["housing"]
	none: ["transfers"]
}
security: measures: ["Encryption."]
complaints: {procedure: "Tell us first.", url: "https://acme.example/complaints"}
`

// edit applies replacements (old, new, old, new, ...) to src, each of
// which must match exactly once; a replacement whose old is "+" appends.
func edit(t *testing.T, src string, repl ...string) string {
	t.Helper()
	if len(repl)%2 != 0 {
		t.Fatalf("odd number of replacement strings")
	}
	for i := 0; i < len(repl); i += 2 {
		old, nw := repl[i], repl[i+1]
		if old == "+" {
			src += nw + "\n"
			continue
		}
		if n := strings.Count(src, old); n != 1 {
			t.Fatalf("edit: %q occurs %d times, want 1", old, n)
		}
		src = strings.Replace(src, old, nw, 1)
	}
	return src
}

// load loads src as m.cue.
func load(t *testing.T, src string) *ropa.Model {
	t.Helper()
	m, err := ropa.LoadFiles([]ropa.File{{Name: "./m.cue", Data: []byte(src)}})
	if err != nil {
		t.Fatalf("load: %v\n%s", err, src)
	}
	return m
}

// lintSrc loads and lints src at now, with the renderer's facts about
// the notices, as `ropa check` does.
func lintSrc(t *testing.T, src string) lint.Result {
	t.Helper()
	return lint.Run(load(t, src), lint.Options{Now: now, Notices: notice.Facts, Phrasebooks: notice.PhrasebookFacts})
}

// posOf returns the 1-based line and column of the unique occurrence of
// at in src; a "|" in at marks the column (else it is at's start).
func posOf(t *testing.T, src, at string) (int, int) {
	t.Helper()
	off := strings.Index(at, "|")
	text := strings.Replace(at, "|", "", 1)
	if off < 0 {
		off = 0
	}
	if n := strings.Count(src, text); n != 1 {
		t.Fatalf("position marker %q occurs %d times, want 1", text, n)
	}
	i := strings.Index(src, text) + off
	line := strings.Count(src[:i], "\n") + 1
	col := i - strings.LastIndex(src[:i], "\n")
	return line, col
}

// byRule returns the findings of one rule.
func byRule(fs []lint.Finding, rule string) []lint.Finding {
	var out []lint.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}
