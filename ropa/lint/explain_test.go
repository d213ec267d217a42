package lint_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"cuelang.org/go/cue/cuecontext"

	"github.com/ropa-dev/ropa/ropa/lint"
)

// fixSnippet extracts the CUE a rule's explanation offers as the fix: the
// first block of lines indented by four spaces after the line that starts
// "Fix", up to a blank line or a "// or" line. Every explanation is written
// so that this snippet, merged into a model that triggers the rule, fixes
// it: the snippet's fields replace the model's (structs merge, other
// values are replaced), so a fix may change a value as well as add one.
func fixSnippet(explain string) string {
	lines := strings.Split(explain, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "Fix") {
			continue
		}
		var out []string
		for _, l := range lines[i+1:] {
			switch {
			case len(out) == 0 && strings.TrimSpace(l) == "":
				continue
			case !strings.HasPrefix(l, "    "), strings.TrimSpace(l) == "// or", strings.HasPrefix(strings.TrimSpace(l), "// or "):
				if len(out) > 0 {
					return strings.Join(out, "\n")
				}
				if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "    ") {
					continue
				}
			}
			if strings.HasPrefix(l, "    ") {
				out = append(out, l[4:])
			}
		}
		return strings.Join(out, "\n")
	}
	return ""
}

// toData evaluates CUE source (with no package clause needed) to JSON data.
func toData(t *testing.T, src string) map[string]any {
	t.Helper()
	v := cuecontext.New().CompileString(src)
	if err := v.Err(); err != nil {
		t.Fatalf("compile: %v\n%s", err, src)
	}
	b, err := v.MarshalJSON()
	if err != nil {
		t.Fatalf("export: %v\n%s", err, src)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// merge puts src's fields into dst: structs merge, other values replace.
func merge(dst, src map[string]any) {
	for k, v := range src {
		if sv, ok := v.(map[string]any); ok {
			if dv, ok := dst[k].(map[string]any); ok {
				merge(dv, sv)
				continue
			}
		}
		dst[k] = v
	}
}

var packageClause = regexp.MustCompile(`(?m)^package \w+\n`)

// TestExplainFixes: every rule's explanation names its reference and the
// date its provision took effect, and its fix snippet, compiled as CUE and
// applied to the first model of the rule's cases that triggers it, makes
// the rule stop firing on that model.
func TestExplainFixes(t *testing.T) {
	firstBad := map[string][]string{}
	for _, tc := range ruleCases {
		if _, ok := firstBad[tc.rule]; !ok {
			firstBad[tc.rule] = tc.bad
		}
	}
	date := regexp.MustCompile(`in force since \d{1,2} [A-Z][a-z]+ \d{4}\.`)
	for _, r := range lint.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			if !strings.Contains(r.Explain, r.Ref) || !date.MatchString(r.Explain) {
				t.Errorf("explanation does not name its reference %q and the date it took effect:\n%s", r.Ref, r.Explain)
			}
			if r.Check == nil {
				return
			}
			snippet := fixSnippet(r.Explain)
			if snippet == "" {
				t.Fatalf("explanation has no Fix snippet:\n%s", r.Explain)
			}
			bad := edit(t, base, firstBad[r.ID]...)
			if len(byRule(lintSrc(t, bad).Findings, r.ID)) == 0 {
				t.Fatalf("the rule's first case does not trigger it")
			}
			data := toData(t, packageClause.ReplaceAllString(bad, ""))
			merge(data, toData(t, snippet))
			b, err := json.MarshalIndent(data, "", "\t")
			if err != nil {
				t.Fatal(err)
			}
			// JSON is CUE: the fields of the top-level object become the
			// package's fields.
			body := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(string(b)), "{"), "}")
			fixed := "package m\n" + body + "\n"
			if got := byRule(lintSrc(t, fixed).Findings, r.ID); len(got) != 0 {
				t.Errorf("the fix snippet does not fix the rule: %+v\nsnippet:\n%s", got, snippet)
			}
		})
	}
}
