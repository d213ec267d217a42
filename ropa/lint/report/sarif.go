package report

import (
	"encoding/json"
	"io"
	"net/url"
	"strings"

	"github.com/ropa-dev/ropa/ropa/lint"
)

// SARIF 2.1.0 shapes, only the parts ropa writes.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool    sarifTool     `json:"tool"`
		Results []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string            `json:"id"`
		ShortDescription     sarifText         `json:"shortDescription"`
		FullDescription      sarifText         `json:"fullDescription"`
		DefaultConfiguration sarifConfig       `json:"defaultConfiguration"`
		Properties           map[string]string `json:"properties,omitempty"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifResult struct {
		RuleID       string             `json:"ruleId"`
		RuleIndex    int                `json:"ruleIndex"`
		Level        string             `json:"level"`
		Message      sarifText          `json:"message"`
		Locations    []sarifLocation    `json:"locations,omitempty"`
		Suppressions []sarifSuppression `json:"suppressions,omitempty"`
		Properties   map[string]string  `json:"properties,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification"`
	}
)

// sarifURI is file as an artifactLocation.uri, which SARIF requires to be
// a valid URI reference (RFC 3986): relURI's path with each segment
// percent-encoded, so that a space, '#', '?', '%' or non-ASCII letter in a
// file name stays part of the path. A colon in the first segment of a
// relative path is encoded too, lest it read as a scheme.
func sarifURI(file string) string {
	segs := strings.Split(relURI(file), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	if segs[0] != "" {
		segs[0] = strings.ReplaceAll(segs[0], ":", "%3A")
	}
	return strings.Join(segs, "/")
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// SARIF writes res as a SARIF 2.1.0 log with one run. tool.driver.rules
// lists every rule, sorted by ID; waived findings are results with an
// inSource suppression carrying the waiver's reason.
func SARIF(w io.Writer, res lint.Result) error {
	rules := lint.Rules()
	idx := make(map[string]int, len(rules))
	driver := sarifDriver{Name: "ropa", InformationURI: "https://github.com/ropa-dev/ropa", Rules: make([]sarifRule, 0, len(rules))}
	for i, r := range rules {
		idx[r.ID] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   r.ID,
			ShortDescription:     sarifText{r.Message},
			FullDescription:      sarifText{r.Explain},
			DefaultConfiguration: sarifConfig{sarifLevel(r.Severity)},
			Properties:           map[string]string{"reference": r.Ref, "duty": string(r.Duty), "since": r.Since},
		})
	}
	results := make([]sarifResult, 0, len(res.Findings)+len(res.Waived))
	add := func(f lint.Finding) {
		r := sarifResult{RuleID: f.Rule, RuleIndex: idx[f.Rule], Level: sarifLevel(f.Severity), Message: sarifText{f.Message},
			Properties: map[string]string{"duty": string(f.Duty)}}
		if f.Pos.File != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: sarifURI(f.Pos.File)}}}
			if f.Pos.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Pos.Line, StartColumn: f.Pos.Col}
			}
			r.Locations = []sarifLocation{loc}
		}
		if f.Waiver != nil {
			r.Suppressions = []sarifSuppression{{Kind: "inSource",
				Justification: f.Waiver.Reason + " (accepted by " + f.Waiver.AcceptedBy + ", expires " + f.Waiver.Expires + ")"}}
		}
		results = append(results, r)
	}
	for _, f := range res.Findings {
		add(f)
	}
	for _, f := range res.Waived {
		add(f)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, Results: results}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}
