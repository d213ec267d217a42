package report

import (
	"encoding/json"
	"io"

	"github.com/ropa-dev/ropa/ropa/lint"
)

// JSONVersion is the version of the JSON shape. It changes only when a
// field is removed or changes meaning; fields may be added.
const JSONVersion = 1

// JSONReport is the stable JSON shape of a result:
//
//	{
//	  "version": 1,
//	  "findings": [{"rule", "severity", "duty", "message", "path", "file", "line", "column"}],
//	  "waived":   [{... as findings ..., "waiver": {"reason", "acceptedBy", "expires"}}],
//	  "summary":  {"errors", "warnings", "info", "waived"}
//	}
//
// Lists are never null; findings are in file, line, column, rule order.
type JSONReport struct {
	Version  int           `json:"version"`
	Findings []JSONFinding `json:"findings"`
	Waived   []JSONFinding `json:"waived"`
	Summary  JSONSummary   `json:"summary"`
}

// JSONFinding is one finding.
type JSONFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	// Duty is the duty the finding concerns: notice, record, lawfulness
	// or accountability.
	Duty    string      `json:"duty"`
	Message string      `json:"message"`
	Path    string      `json:"path,omitempty"`
	File    string      `json:"file,omitempty"`
	Line    int         `json:"line,omitempty"`
	Column  int         `json:"column,omitempty"`
	Waiver  *JSONWaiver `json:"waiver,omitempty"`
}

// JSONWaiver is the waiver that accepts a waived finding.
type JSONWaiver struct {
	Reason     string `json:"reason"`
	AcceptedBy string `json:"acceptedBy"`
	Expires    string `json:"expires"`
}

// JSONSummary counts the findings.
type JSONSummary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Info     int `json:"info"`
	Waived   int `json:"waived"`
}

// JSON writes res as an indented JSONReport.
func JSON(w io.Writer, res lint.Result) error {
	e, wn, i, wv := res.Counts()
	rep := JSONReport{
		Version:  JSONVersion,
		Findings: jsonFindings(res.Findings),
		Waived:   jsonFindings(res.Waived),
		Summary:  JSONSummary{Errors: e, Warnings: wn, Info: i, Waived: wv},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

func jsonFindings(fs []lint.Finding) []JSONFinding {
	out := make([]JSONFinding, 0, len(fs))
	for _, f := range fs {
		jf := JSONFinding{
			Rule: f.Rule, Severity: f.Severity.String(), Duty: string(f.Duty), Message: f.Message, Path: f.Path,
			File: f.Pos.File, Line: f.Pos.Line, Column: f.Pos.Col,
		}
		if f.Waiver != nil {
			jf.Waiver = &JSONWaiver{Reason: f.Waiver.Reason, AcceptedBy: f.Waiver.AcceptedBy, Expires: f.Waiver.Expires}
		}
		out = append(out, jf)
	}
	return out
}
