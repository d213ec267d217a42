package report_test

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ropa-dev/ropa/internal/golden"
	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/lint"
	"github.com/ropa-dev/ropa/ropa/lint/report"
)

// goldenResult lints testdata/model.cue at a fixed time.
func goldenResult(t *testing.T) lint.Result {
	t.Helper()
	data, err := os.ReadFile("testdata/model.cue")
	if err != nil {
		t.Fatal(err)
	}
	m, err := ropa.LoadFiles([]ropa.File{{Name: "./testdata/model.cue", Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	return lint.Run(m, lint.Options{Now: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)})
}

func TestGolden(t *testing.T) {
	res := goldenResult(t)
	if len(res.Findings) == 0 || len(res.Waived) == 0 {
		t.Fatalf("golden model should have findings and waived findings: %+v", res)
	}
	for _, tc := range []struct {
		name, format string
		color        bool
	}{
		{"text.golden", "text", false},
		{"text-color.golden", "text", true},
		{"json.golden", "json", false},
		{"github.golden", "github", false},
		{"sarif.golden", "sarif", false},
		{"codequality.golden", "codequality", false},
		{"markdown.golden", "markdown", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.Write(&buf, tc.format, res, tc.color); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tc.name), buf.Bytes())
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := report.Write(&bytes.Buffer{}, "xml", lint.Result{}, false); err == nil {
		t.Error("want an error for an unknown format")
	}
}

// TestSARIFShape checks the parts of SARIF 2.1.0 code scanning relies on.
func TestSARIFShape(t *testing.T) {
	var buf bytes.Buffer
	if err := report.SARIF(&buf, goldenResult(t)); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID                   string `json:"id"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != len(lint.Rules()) {
		t.Errorf("%d rules, want %d", len(run.Tool.Driver.Rules), len(lint.Rules()))
	}
	for _, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s: ruleIndex %d names %s", r.RuleID, r.RuleIndex, run.Tool.Driver.Rules[r.RuleIndex].ID)
		}
		if len(r.Locations) != 1 || r.Locations[0].PhysicalLocation.ArtifactLocation.URI != "testdata/model.cue" ||
			r.Locations[0].PhysicalLocation.Region.StartLine == 0 {
			t.Errorf("result %s: bad location %+v", r.RuleID, r.Locations)
		}
		if r.Level != "error" && r.Level != "warning" && r.Level != "note" {
			t.Errorf("result %s: level %q", r.RuleID, r.Level)
		}
	}
}

func TestSummary(t *testing.T) {
	res := lint.Result{Findings: []lint.Finding{{Severity: lint.Error}, {Severity: lint.Warning}, {Severity: lint.Warning}}}
	if got, want := report.Summary(res), "1 error, 2 warnings, 0 info (0 waived)"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
}

func TestGitHubEscaping(t *testing.T) {
	res := lint.Result{Findings: []lint.Finding{{
		Rule: "r", Severity: lint.Error, Message: "100% sure\nsecond line",
		Pos: ropa.Pos{File: "./a,b:c.cue", Line: 2, Col: 3},
	}}}
	var buf bytes.Buffer
	if err := report.GitHub(&buf, res); err != nil {
		t.Fatal(err)
	}
	want := "::error file=a%2Cb%3Ac.cue,line=2,col=3,title=r::100%25 sure%0Asecond line\n1 error, 0 warnings, 0 info (0 waived)\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

// TestSARIFURI checks that artifactLocation.uri is a valid URI reference
// whose path is the file's, whatever characters the file name holds.
func TestSARIFURI(t *testing.T) {
	for _, c := range []struct{ file, uri string }{
		{"./privacy/model.cue", "privacy/model.cue"},
		{"./my privacy/model #2.cue", "my%20privacy/model%20%232.cue"},
		{"./a?b/100%.cue", "a%3Fb/100%25.cue"},
		{"./café/modèle.cue", "caf%C3%A9/mod%C3%A8le.cue"},
		{"./a:b/model.cue", "a%3Ab/model.cue"},
		{"/abs/x y.cue", "/abs/x%20y.cue"},
		{`.\win dows\model.cue`, "win%20dows/model.cue"},
	} {
		res := lint.Result{Findings: []lint.Finding{{Rule: "dpia-missing", Severity: lint.Error, Message: "m",
			Pos: ropa.Pos{File: c.file, Line: 1, Col: 1}}}}
		var buf bytes.Buffer
		if err := report.SARIF(&buf, res); err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
						}
					}
				}
			}
		}
		if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		got := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI
		if got != c.uri {
			t.Errorf("%q: uri %q, want %q", c.file, got, c.uri)
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Errorf("%q: uri %q does not parse: %v", c.file, got, err)
			continue
		}
		want := strings.TrimPrefix(strings.ReplaceAll(c.file, `\`, "/"), "./")
		if u.Scheme != "" || u.Fragment != "" || u.RawQuery != "" || u.Path != want {
			t.Errorf("%q: uri %q reads as scheme %q, path %q, query %q, fragment %q; want path %q",
				c.file, got, u.Scheme, u.Path, u.RawQuery, u.Fragment, want)
		}
	}
}

// TestCodeQualityShape checks what GitLab reads: every issue has a
// description, a check name, a severity on GitLab's scale, a path and a
// first line, and fingerprints are unique and do not move with lines.
func TestCodeQualityShape(t *testing.T) {
	res := goldenResult(t)
	var buf bytes.Buffer
	if err := report.CodeQuality(&buf, res); err != nil {
		t.Fatal(err)
	}
	var issues []report.CodeQualityIssue
	if err := json.Unmarshal(buf.Bytes(), &issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != len(res.Findings) {
		t.Fatalf("%d issues for %d counted findings", len(issues), len(res.Findings))
	}
	seen := map[string]bool{}
	for _, is := range issues {
		if is.Description == "" || is.CheckName == "" || is.Location.Path != "testdata/model.cue" || is.Location.Lines.Begin < 1 {
			t.Errorf("incomplete issue %+v", is)
		}
		switch is.Severity {
		case "info", "minor", "major", "critical", "blocker":
		default:
			t.Errorf("severity %q is not on GitLab's scale", is.Severity)
		}
		if seen[is.Fingerprint] {
			t.Errorf("fingerprint %s twice", is.Fingerprint)
		}
		seen[is.Fingerprint] = true
	}
	// The same finding a line lower keeps its fingerprint; two identical
	// findings get two.
	moved := lint.Result{Findings: []lint.Finding{res.Findings[0], res.Findings[0]}}
	moved.Findings[1].Pos.Line += 10
	buf.Reset()
	if err := report.CodeQuality(&buf, moved); err != nil {
		t.Fatal(err)
	}
	var two []report.CodeQualityIssue
	if err := json.Unmarshal(buf.Bytes(), &two); err != nil {
		t.Fatal(err)
	}
	if two[0].Fingerprint != issues[0].Fingerprint {
		t.Error("the fingerprint depends on more than the finding")
	}
	if two[0].Fingerprint == two[1].Fingerprint {
		t.Error("two findings share a fingerprint")
	}
	// A model that does not load is a blocker.
	buf.Reset()
	load := lint.FromLoadError(&ropa.LoadError{Kind: ropa.ErrInvalid, Diagnostics: []ropa.Diagnostic{{Pos: ropa.Pos{File: "./m.cue", Line: 3, Col: 1}, Message: "bad"}}})
	if err := report.CodeQuality(&buf, load); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"severity": "blocker"`) || !strings.Contains(buf.String(), `"path": "m.cue"`) {
		t.Errorf("a load error:\n%s", buf.String())
	}
}

// TestMarkdownLimit keeps a long list of findings short enough for a
// pull-request comment.
func TestMarkdownLimit(t *testing.T) {
	var res lint.Result
	for range report.MarkdownLimit + 3 {
		res.Findings = append(res.Findings, lint.Finding{Rule: "r", Severity: lint.Warning, Message: "a | b <c>"})
	}
	var buf bytes.Buffer
	if err := report.Markdown(&buf, res); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if n := strings.Count(out, "\n| warning |"); n != report.MarkdownLimit {
		t.Errorf("%d rows, want %d", n, report.MarkdownLimit)
	}
	if !strings.Contains(out, "… and 3 more") || !strings.Contains(out, `a \| b \<c\>`) {
		t.Errorf("markdown:\n%s", out)
	}
}
