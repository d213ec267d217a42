package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"

	"github.com/ropa-dev/ropa/ropa/lint"
)

// CodeQualityIssue is one issue of a GitLab Code Quality report.
type CodeQualityIssue struct {
	Description string `json:"description"`
	CheckName   string `json:"check_name"`
	Fingerprint string `json:"fingerprint"`
	Severity    string `json:"severity"`
	// Duty is the duty the finding concerns (a field GitLab ignores).
	Duty     string              `json:"duty"`
	Location CodeQualityLocation `json:"location"`
}

// CodeQualityLocation is where an issue is: a path relative to the
// repository and its first line.
type CodeQualityLocation struct {
	Path  string           `json:"path"`
	Lines CodeQualityLines `json:"lines"`
}

// CodeQualityLines holds the line an issue begins on.
type CodeQualityLines struct {
	Begin int `json:"begin"`
}

// codeQualitySeverity maps a finding to GitLab's scale (info, minor,
// major, critical, blocker): a model that does not load or validate (the
// rule "schema") blocks every output, blocker; a lint error, which fails
// `ropa check` by default, is critical; a warning major; info, info.
func codeQualitySeverity(f lint.Finding) string {
	switch {
	case f.Rule == lint.SchemaRule:
		return "blocker"
	case f.Severity == lint.Error:
		return "critical"
	case f.Severity == lint.Warning:
		return "major"
	}
	return "info"
}

// CodeQuality writes res as a GitLab Code Quality report: a JSON array of
// issues, one a counted finding, in lint order; waived findings are left
// out, since a waiver accepts them. Each fingerprint hashes the rule, the
// file, the field path and the message, not the line, so an issue keeps
// its fingerprint when lines above it move and GitLab shows it as neither
// fixed nor new; findings that would share one are numbered apart.
func CodeQuality(w io.Writer, res lint.Result) error {
	issues := make([]CodeQualityIssue, 0, len(res.Findings))
	seen := map[string]int{}
	for _, f := range res.Findings {
		file := relURI(f.Pos.File)
		key := f.Rule + "\x00" + file + "\x00" + f.Path + "\x00" + f.Message
		seen[key]++
		if n := seen[key]; n > 1 {
			key += "\x00" + strconv.Itoa(n)
		}
		sum := sha256.Sum256([]byte(key))
		line := f.Pos.Line
		if line < 1 {
			line = 1
		}
		issues = append(issues, CodeQualityIssue{
			Description: f.Message,
			CheckName:   f.Rule,
			Fingerprint: hex.EncodeToString(sum[:16]),
			Severity:    codeQualitySeverity(f),
			Duty:        string(f.Duty),
			Location:    CodeQualityLocation{Path: file, Lines: CodeQualityLines{Begin: line}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}
