package ropa

import (
	"testing"
	"time"
)

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

func TestNearestIsBounded(t *testing.T) {
	long := func(c byte, n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = c
		}
		return string(b)
	}
	keys := []string{long('a', 20000) + "1", long('a', 20000) + "2", long('a', 20000) + "3", long('a', 20000) + "4"}
	start := time.Now()
	for i := 0; i < 4; i++ {
		if got := Nearest(long('a', 20000)+"x", keys); got != "" {
			t.Errorf("Nearest of a 20,001-character string = %.20q..., want no hint", got)
		}
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("four hint searches took %v", d)
	}
	// Candidates are skipped by length alone, and the bound does not
	// change any result.
	if got := Nearest("contact", []string{"c", "contacts-and-more-things", "contacts"}); got != "contacts" {
		t.Errorf("Nearest(contact) = %q, want contacts", got)
	}
	words := []string{"", "a", "kitten", "sitting", "saturday", "sunday", "flaw", "lawn", "intention", "execution"}
	for _, a := range words {
		for _, b := range words {
			full := EditDistance(a, b)
			for limit := 0; limit <= full+1; limit++ {
				if got, want := boundedDistance(a, b, limit), min(full, limit); got != want {
					t.Errorf("boundedDistance(%q, %q, %d) = %d, want %d", a, b, limit, got, want)
				}
			}
		}
	}
}

func TestPathsQuoteLabelsThatAreNotKeys(t *testing.T) {
	for _, tt := range []struct {
		path, parent, last string
		segs               int
	}{
		{"activities.rent.categories[1]", "activities.rent.categories", "categories", 4},
		{`notices."tenants.fragment".title`, `notices."tenants.fragment"`, "title", 3},
		{`notices."tenants.fragment"`, "notices", "tenants.fragment", 2},
		{`"../../pwned"`, "", "../../pwned", 1},
		{`a."x\"[.]y"[0]`, `a."x\"[.]y"`, `x"[.]y`, 3},
	} {
		if got := parentPath(tt.path); got != tt.parent {
			t.Errorf("parentPath(%s) = %s, want %s", tt.path, got, tt.parent)
		}
		if got := lastField(tt.path); got != tt.last {
			t.Errorf("lastField(%s) = %s, want %s", tt.path, got, tt.last)
		}
		if got := len(splitPath(tt.path)); got != tt.segs {
			t.Errorf("splitPath(%s) has %d parts, want %d", tt.path, got, tt.segs)
		}
	}
	if got := keyPath("sources", "cctv-cameras"); got != "sources.cctv-cameras" {
		t.Errorf("keyPath = %s", got)
	}
	if got := CUELabel("cctv-cameras"); got != `"cctv-cameras"` {
		t.Errorf("CUELabel(cctv-cameras) = %s", got)
	}
	if got := CUELabel("cctv"); got != "cctv" {
		t.Errorf("CUELabel(cctv) = %s", got)
	}
}
