package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ropa-dev/ropa/render/notice"
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/lint"
)

// guideBase is the small model every snippet of the README's modelling
// guide is added to: the linter finds nothing in it.
const guideBase = `package m

schemaVersion: "1"
controller: {
	name: "Acme Homes"
	address: lines: ["1 High Street"]
	dpo: {name: "Dee Pio", email: "dpo@acme.example"}
}
notices: tenants: {title: "Tenants", version: "1", lastUpdated: "2026-06-01"}
subjects: tenants: name: "Tenants"
categories: identity: {name: "Identity", retention: ["tenancy"]}
recipients: repairs: {name: "Repairs Ltd", role: "processor", contract: "DPA-1", country: "United Kingdom"}
retention: tenancy: {name: "Tenancy", period: "6 years"}
activities: rent: {
	name:    "Rent"
	purpose: "Collect rent"
	audiences: ["tenants"]
	subjects: ["tenants"]
	categories: ["identity"]
	lawfulBases: [{basis: "contract"}]
	recipients: ["repairs"]
	requirement: {kind: "contractual", consequence: "No tenancy."}
	automation: {decisions: false, profiling: false}
	none: ["transfers"]
}
security: measures: ["Encryption."]
complaints: {procedure: "Tell us first.", url: "https://acme.example/complaints"}
`

var cueBlock = regexp.MustCompile("(?s)```cue\n(.*?)```")

// guideSnippets returns the ```cue blocks of the README's modelling guide.
func guideSnippets(t *testing.T) []string {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, guide, ok := strings.Cut(string(readme), "\n## Modelling guide\n")
	if !ok {
		t.Fatal("README.md has no Modelling guide section")
	}
	guide, _, _ = strings.Cut(guide, "\n## ")
	var out []string
	for _, m := range cueBlock.FindAllStringSubmatch(guide, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestGuideSnippets: every CUE snippet of the README's modelling guide,
// added to a small clean model in a file of its own, loads (schema and
// references), changes the model, draws no lint error, and every notice
// of the result plans.
func TestGuideSnippets(t *testing.T) {
	snippets := guideSnippets(t)
	if len(snippets) < 8 {
		t.Fatalf("found %d cue snippets in the modelling guide, want at least 8", len(snippets))
	}
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	base, err := ropa.LoadFiles([]ropa.File{{Name: "./base.cue", Data: []byte(guideBase)}})
	if err != nil {
		t.Fatalf("base: %v", err)
	}
	if res := lint.Run(base, lint.Options{Now: now, Notices: notice.Facts}); len(res.Findings) != 0 {
		t.Fatalf("base model has findings: %+v", res.Findings)
	}
	for i, snip := range snippets {
		first, _, _ := strings.Cut(strings.TrimSpace(snip), "\n")
		t.Run(first, func(t *testing.T) {
			m, err := ropa.LoadFiles([]ropa.File{
				{Name: "./base.cue", Data: []byte(guideBase)},
				{Name: "./guide.cue", Data: []byte("package m\n\n" + snip)},
			})
			if err != nil {
				t.Fatalf("snippet %d does not load: %v\n%s", i+1, err, snip)
			}
			if a, b := export(t, m), export(t, base); a == b {
				t.Errorf("snippet %d adds nothing to the model", i+1)
			}
			for _, f := range lint.Run(m, lint.Options{Now: now, Notices: notice.Facts}).Findings {
				if f.Severity == lint.Error {
					t.Errorf("snippet %d: %s %s: %s", i+1, f.Rule, f.Path, f.Message)
				}
			}
			for _, n := range m.Notices {
				if _, err := notice.Plan(m, n); err != nil {
					t.Errorf("snippet %d: notice %q does not plan: %v", i+1, n.Key, err)
				}
			}
		})
	}
}

// export is the model as JSON.
func export(t *testing.T, m *ropa.Model) string {
	t.Helper()
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
