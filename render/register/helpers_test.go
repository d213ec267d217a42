package register

import (
	"bytes"
	"github.com/ropa-dev/ropa/render"
	"path/filepath"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// minimal loads examples/minimal.
func minimal(t *testing.T) *ropa.Model {
	t.Helper()
	m, err := ropa.Load(filepath.Join("..", "..", "examples", "minimal"))
	if err != nil {
		t.Fatalf("load examples/minimal: %v", err)
	}
	return m
}

// load loads a model from one CUE source.
func load(t *testing.T, src string) *ropa.Model {
	t.Helper()
	m, err := ropa.LoadFiles([]ropa.File{{Name: "m.cue", Data: []byte(src)}})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return m
}

// renderArtifact writes one artifact of m to a buffer.
func renderArtifact(t *testing.T, m *ropa.Model, path string) []byte {
	t.Helper()
	arts, err := Producer.Artifacts(m, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if a.Path == path {
			var buf bytes.Buffer
			if err := a.Write(&buf); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			return buf.Bytes()
		}
	}
	t.Fatalf("no artifact %s", path)
	return nil
}

// edgeModel exercises formula-looking values, a joint controller, a
// derogation, criminal-offence data and a processor record.
const edgeModel = `
package m

schemaVersion: "1"
controller: {
	name: "=cmd|' /C calc'!A0"
	contacts: [{email: "a@b.org"}]
	jointControllers: partner: {name: "Partner Ltd", arrangement: "We share the register.", contact: email: "p@partner.org"}
	representatives: eu: {name: "EU Rep BV", contact: email: "rep@eu.example"}
}
notices: {}
subjects: s: {name: "+1", children: true}
categories: {
	c: {name: "-2"}
	crim: {name: "Convictions", criminal: true}
}
recipients: {
	partner: {name: "Partner Ltd", role: "joint-controller"}
	far: {name: "Far Away Co", role: "processor", country: "Narnia"}
}
transfers: t: {recipient: "far", country: "Narnia", mechanism: "derogation", derogation: "Article 49(1)(b) contract with the person"}
activities: {
	a1: {
		name: "=HYPERLINK(\"http://x\",\"y\")"
		purpose: "@SUM(A1)"
		businessFunction: "\tTabbed"
		audiences: []
		subjects: ["s"]
		categories: ["c", "crim"]
		lawfulBases: [{basis: "public-task", law: "Housing Act 1996"}, {basis: "legal-obligation", law: "=1+1"}]
		criminalConditions: [{basis: "schedule1", schedule1: 6}]
		recipients: ["partner", "far"]
		transfers: ["t"]
		automation: {decisions: true, significant: true, exception: "explicit-consent"}
		breach: "BR-1"
		policyAdherence: {adheres: false, reason: "Migration pending"}
	}
	a2: {
		name: "Plain"
		purpose: "Second row"
		audiences: []
		subjects: ["s"]
		categories: ["c"]
		lawfulBases: []
	}
}
processorRecords: pr: {
	controller: {name: "+Client plc", contact: email: "c@client.example"}
	processing: ["-Payroll"]
	transfers: ["t"]
}
`
