package ropa

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestAutomationStated checks that an answer the model leaves out stays
// unknown through decoding and encoding, instead of becoming false.
func TestAutomationStated(t *testing.T) {
	for _, tc := range []struct {
		in, out  string
		noD, noP bool
	}{
		{`{"profiling": true}`, `"profiling":true`, false, false},
		{`{"decisions": false}`, `"decisions":false`, true, false},
		{`{"decisions": false, "profiling": false}`, `"decisions":false,"profiling":false`, true, true},
	} {
		var a Automation
		if err := json.Unmarshal([]byte(tc.in), &a); err != nil {
			t.Fatal(err)
		}
		if a.NoDecisions() != tc.noD || a.NoProfiling() != tc.noP {
			t.Errorf("%s: NoDecisions %v, NoProfiling %v", tc.in, a.NoDecisions(), a.NoProfiling())
		}
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(b); !strings.Contains(got, tc.out) || (!tc.noD && !a.Decisions && strings.Contains(got, `"decisions"`)) {
			t.Errorf("%s encodes as %s, want %s and no unstated answer", tc.in, got, tc.out)
		}
	}
}
