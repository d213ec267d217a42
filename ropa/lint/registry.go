package lint

import (
	"sort"
	"strings"
)

// registry holds every rule, sorted by ID once the package is initialised.
var registry []*Rule

// byID indexes registry.
var byID = map[string]*Rule{}

// register adds rules to the registry. It is called from the init function
// of each rules_*.go file.
func register(rules ...*Rule) {
	for _, r := range rules {
		if _, dup := byID[r.ID]; dup {
			panic("lint: duplicate rule " + r.ID)
		}
		byID[r.ID] = r
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

// Lookup returns the rule with the given ID.
func Lookup(id string) (*Rule, bool) {
	r, ok := byID[id]
	return r, ok
}

// Suggest returns the rule IDs closest to id, best first, for "did you
// mean" messages: those sharing a word with it, or within a small edit
// distance.
func Suggest(id string) []string {
	type cand struct {
		id   string
		dist int
	}
	var cs []cand
	words := strings.Split(id, "-")
	for _, r := range registry {
		d := editDistance(id, r.ID)
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

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
