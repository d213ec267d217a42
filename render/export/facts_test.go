package export

import (
	"encoding/json"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// TestExportFacts checks that the export carries the laws as a list of
// keyed entities, and the references to laws and sub-processors as keys.
func TestExportFacts(t *testing.T) {
	m, err := ropa.Load("../../testdata/facts")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Laws []struct {
			Key, Name, Section, URL string
		} `json:"laws"`
		Recipients []struct {
			Key           string   `json:"key"`
			Subprocessors []string `json:"subprocessors"`
		} `json:"recipients"`
		Sources []struct {
			Key       string `json:"key"`
			Channels  []string
			Exemption *struct{ Ground, Law string } `json:"exemption"`
		} `json:"sources"`
		Activities []struct {
			Key         string `json:"key"`
			LawfulBases []struct {
				Laws []string `json:"laws"`
			} `json:"lawfulBases"`
			Owner        string `json:"owner"`
			LastReviewed string `json:"lastReviewed"`
		} `json:"activities"`
		Retention []struct {
			Key, UpTo, From, To string
			Usually             bool
		} `json:"retention"`
		ReviewInterval string `json:"reviewInterval"`
	}
	if err := json.Unmarshal(export(t, m), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Laws) != 3 || doc.Laws[0].Key != "housing-act" || doc.Laws[0].Section != "Part 7" || doc.Laws[0].URL == "" {
		t.Errorf("laws = %+v", doc.Laws)
	}
	if r := doc.Recipients[0]; r.Key != "casework" || len(r.Subprocessors) != 1 || r.Subprocessors[0] != "cloud" {
		t.Errorf("recipients[0] = %+v", r)
	}
	if s := doc.Sources[1]; s.Exemption == nil || s.Exemption.Law != "housing-act" || s.Channels[0] != "letter" {
		t.Errorf("sources[1] = %+v", s)
	}
	if a := doc.Activities[0]; a.LawfulBases[0].Laws[1] != "homelessness-reduction" || a.Owner == "" || a.LastReviewed != "2026-02-01" {
		t.Errorf("activities[0] = %+v", a)
	}
	if r := doc.Retention; r[0].UpTo != "90 days" || !r[1].Usually || r[2].From != "2 years" || r[2].To != "6 years" {
		t.Errorf("retention = %+v", r)
	}
	if doc.ReviewInterval != "12 months" {
		t.Errorf("reviewInterval = %q", doc.ReviewInterval)
	}
}
