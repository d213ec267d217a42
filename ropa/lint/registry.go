package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
	"github.com/ropa-dev/ropa/ropa/law"
)

// registry holds every rule, sorted by ID once the package is initialised.
var registry []*Rule

// byID indexes registry by ID and by every former ID (Rule.Replaces).
var byID = map[string]*Rule{}

// register adds rules to the registry. It is called from the init function
// of each rules_*.go file. It opens each explanation with the rule's
// reference and the date that provision took effect, so that every
// explanation names both.
func register(rules ...*Rule) {
	for _, r := range rules {
		for _, id := range append([]string{r.ID}, r.Replaces...) {
			if _, dup := byID[id]; dup {
				panic("lint: duplicate rule " + id)
			}
		}
		if r.Since == "" {
			r.Since = law.GDPRApplied
		}
		if r.Duty == "" {
			r.Duty = DutyRecord
		}
		r.Explain = fmt.Sprintf("%s, in force since %s.\n\n%s", r.Ref, law.Date(r.Since), r.Explain)
		byID[r.ID] = r
		for _, id := range r.Replaces {
			byID[id] = r
		}
		registry = append(registry, r)
	}
	sort.Slice(registry, func(i, j int) bool { return registry[i].ID < registry[j].ID })
}

// Rules returns every rule, sorted by ID. The caller must not modify them.
func Rules() []*Rule {
	out := make([]*Rule, len(registry))
	copy(out, registry)
	return out
}

// Lookup returns the rule with the given ID, or that replaces it.
func Lookup(id string) (*Rule, bool) {
	r, ok := byID[id]
	return r, ok
}

// Suggest returns the rule IDs closest to id, best first, for "did you
// mean" messages: those sharing a word with it, or within a small edit
// distance. It ranks by ropa.EditDistance as ropa.Nearest does, but gives
// up to three and takes a shared word as a match, since a rule ID is a
// hyphenated phrase whose words a user may recall but not their order.
func Suggest(id string) []string {
	type cand struct {
		id   string
		dist int
	}
	var cs []cand
	words := strings.Split(id, "-")
	for _, r := range registry {
		d := ropa.EditDistance(id, r.ID)
		shared := false
		for _, w := range words {
			if len(w) >= 4 && strings.Contains(r.ID, w) {
				shared = true
				break
			}
		}
		if d <= 3 || shared || (id != "" && strings.Contains(r.ID, id)) {
			cs = append(cs, cand{r.ID, d})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].dist != cs[j].dist {
			return cs[i].dist < cs[j].dist
		}
		return cs[i].id < cs[j].id
	})
	out := make([]string, 0, 3)
	for i := 0; i < len(cs) && i < 3; i++ {
		out = append(out, cs[i].id)
	}
	return out
}
