package cueyaml

import (
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"
)

func TestFromCUE(t *testing.T) {
	src := `// Imported from register.xlsx.
package imported

controller: name: "Org"
activities: a: {
	// TODO(import): Template!F7: sent to "various"
	name: "Letting"
	lawfulBases: [{basis: "contract"}]
	automation: {decisions: false, profiling: false}
	dpia: required: true
}
activities: b: name: "Other: with colon"
`
	out, err := FromCUE("m.cue", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Imported from register.xlsx.", "# TODO(import): Template!F7: sent to \"various\"", "decisions: false", "name: 'Other: with colon'"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("YAML lacks %q:\n%s", want, out)
		}
	}
	var back map[string]any
	if err := yaml.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	acts := back["activities"].(map[string]any)
	if len(acts) != 2 || acts["b"].(map[string]any)["name"] != "Other: with colon" {
		t.Errorf("activities read back as %v", acts)
	}
	if _, err := FromCUE("x.cue", []byte("package x\na: b + 1\n")); err == nil {
		t.Error("an expression was written as data")
	}
}
