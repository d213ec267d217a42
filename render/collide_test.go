package render

import (
	"strings"
	"testing"

	"github.com/ropa-dev/ropa/ropa"
)

// fixed is a producer whose outputs are the given ones.
func fixed(name string, outs ...Output) Producer {
	return Producer{Name: name, Outputs: func(*ropa.Model, Options) []Output { return outs }}
}

func notice(key, suffix string) Output {
	return Output{Path: key + suffix, Source: "notices." + key, Kind: "notice", Key: key}
}

func TestCollisions(t *testing.T) {
	m := &ropa.Model{}
	own := fixed("register", Output{Path: "register.html"}, Output{Path: "register.md"}, Output{Path: "model.json"})
	for _, tc := range []struct {
		name string
		ps   []Producer
		want []string
	}{
		{"none", []Producer{fixed("notice", notice("all", ".html"), notice("all", ".md")), own}, nil},
		{"reserved key", []Producer{fixed("notice", notice("register", ".html"), notice("register", ".md"), notice("register", ".pdf")), own},
			[]string{`notices.register: notice "register" would be written to register.html and register.md, which ropa's register output writes too`}},
		{"case", []Producer{fixed("notice", notice("All", ".html"), notice("all", ".html"))},
			[]string{`notices.all: notice "all" would be written to all.html (as All.html: names that differ only in case are one file on macOS and Windows), which notice "All" writes too`}},
		{"suffix", []Producer{fixed("notice", notice("x", ".html"), notice("x", ".fragment.html"), notice("x.fragment", ".html"))},
			[]string{`notices.x.fragment: notice "x.fragment" would be written to x.fragment.html, which notice "x" writes too`}},
		{"own outputs", []Producer{own, own}, []string{
			": an output would be written to register.html, register.md and model.json, which ropa's register output writes too"}},
	} {
		var got []string
		for _, d := range Collisions(m, tc.ps, Options{}) {
			got = append(got, d.Path+": "+d.Message)
			if d.Path != "" && !strings.Contains(d.Hint, "another key") {
				t.Errorf("%s: hint %q", tc.name, d.Hint)
			}
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
	if Collisions(nil, []Producer{own, own}, Options{}) != nil {
		t.Error("Collisions(nil model) reports something")
	}
}
