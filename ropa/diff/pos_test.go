package diff

import (
	"strings"
	"testing"
)

// lineOf returns the 1-based line of the first occurrence of s in src.
func lineOf(t *testing.T, src, s string) int {
	t.Helper()
	i := strings.Index(src, s)
	if i < 0 {
		t.Fatalf("no %q in source", s)
	}
	return strings.Count(src[:i], "\n") + 1
}

func TestPositions(t *testing.T) {
	src := baseSource(t)
	edited := apply(t, src, []edit{
		{"recipients: {\n", "recipients: {\n\t\"repairs-co\": {name: \"Repairs Co\", role: \"processor\"}\n"},
		{`"Repairs contractors"`, `"Repair contractors"`},
		{"\tconvictions: {name: \"Unspent convictions\", criminal: true}\n", ""},
		{`lawfulBases: [{basis: "contract"}]`, `lawfulBases: [{basis: "consent", consent: {how: "Tick", withdraw: "Untick"}}, {basis: "contract", note: "Tenancy agreement."}]`},
	})
	r := Diff(load(t, "./old.cue", src), load(t, "./new.cue", edited))
	want := map[string]struct {
		file string
		line int
	}{
		"recipient repairs-co added ":                         {"./new.cue", lineOf(t, edited, `"repairs-co"`)},
		"recipient contractors changed name":                  {"./new.cue", lineOf(t, edited, `"Repair contractors"`)},
		"category convictions removed ":                       {"./old.cue", lineOf(t, src, "convictions:")},
		"activity tenancy added lawfulBases":                  {"./new.cue", lineOf(t, edited, `{basis: "consent"`)},
		"activity tenancy changed lawfulBases[contract].note": {"./new.cue", lineOf(t, edited, `note: "Tenancy agreement."`)},
	}
	seen := 0
	for _, c := range r.Changes {
		key := c.Kind + " " + c.Key + " " + string(c.Op) + " " + c.Field
		w, ok := want[key]
		if !ok {
			t.Errorf("unexpected change %s", key)
			continue
		}
		seen++
		if c.Pos.File != w.file || c.Pos.Line != w.line || c.Pos.Col < 1 {
			t.Errorf("%s at %s, want %s:%d", key, c.Pos, w.file, w.line)
		}
	}
	if seen != len(want) {
		t.Errorf("%d of %d changes found: %v", seen, len(want), summarise(r))
	}
}
