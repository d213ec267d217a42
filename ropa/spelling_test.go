package ropa

import "testing"

func TestNearest(t *testing.T) {
	keys := []string{"contact", "identity", "financial"}
	for _, tt := range []struct{ in, want string }{
		{"contacts", "contact"},
		{"idenity", "identity"},
		{"Financial", "financial"},
		{"health", ""},
	} {
		if got := Nearest(tt.in, keys); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if d := EditDistance("kitten", "sitting"); d != 3 {
		t.Errorf("EditDistance(kitten, sitting) = %d, want 3", d)
	}
}

func TestComparePos(t *testing.T) {
	a := Pos{File: "a.cue", Line: 2, Col: 5}
	for _, tt := range []struct {
		b    Pos
		sign int
	}{
		{Pos{File: "b.cue", Line: 1, Col: 1}, -1},
		{Pos{File: "a.cue", Line: 3, Col: 1}, -1},
		{Pos{File: "a.cue", Line: 2, Col: 9}, -1},
		{a, 0},
		{Pos{File: "a.cue", Line: 1, Col: 9}, 1},
	} {
		c := ComparePos(a, tt.b)
		if (c < 0 && tt.sign >= 0) || (c > 0 && tt.sign <= 0) || (c == 0 && tt.sign != 0) {
			t.Errorf("ComparePos(%v, %v) = %d, want sign %d", a, tt.b, c, tt.sign)
		}
	}
}
