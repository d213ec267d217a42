package render

import (
	"fmt"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// Collisions returns a diagnostic for each entity of m whose outputs
// would be written to a file another output writes too: a notice keyed
// "register" against the register's register.html, say. Names are
// compared without regard to case, since a case-insensitive file system
// (macOS, Windows) would make Register.html and register.html one file.
// A collision is reported once per pair of entities (or entity and ropa's
// own output), at the position of the entity's key, and names every file
// the two share.
//
// `ropa build` refuses a model with a collision, and `ropa check` reports
// it, so that check passes no model build would refuse.
func Collisions(m *ropa.Model, ps []Producer, opts Options) []ropa.Diagnostic {
	if m == nil {
		return nil
	}
	type owner struct {
		producer string
		out      Output
	}
	seen := map[string]owner{}
	// clash is one pair of owners and the files they share, in order.
	type clash struct {
		first, second owner
		paths         []string
	}
	var clashes []*clash
	byPair := map[[2]string]*clash{}
	for _, p := range ps {
		if p.Outputs == nil {
			continue
		}
		for _, o := range p.Outputs(m, opts) {
			key := strings.ToLower(o.Path)
			prev, ok := seen[key]
			if !ok {
				seen[key] = owner{p.Name, o}
				continue
			}
			cur := owner{p.Name, o}
			// Report at an entity the model names, the later one first.
			if cur.out.Source == "" && prev.out.Source != "" {
				prev, cur = cur, prev
			}
			pair := [2]string{prev.producer + "\x00" + prev.out.Source, cur.producer + "\x00" + cur.out.Source}
			c := byPair[pair]
			if c == nil {
				c = &clash{first: prev, second: cur}
				byPair[pair] = c
				clashes = append(clashes, c)
			}
			path := o.Path
			if prev.out.Path != cur.out.Path {
				path = fmt.Sprintf("%s (as %s: names that differ only in case are one file on macOS and Windows)", cur.out.Path, prev.out.Path)
			}
			c.paths = append(c.paths, path)
		}
	}
	var out []ropa.Diagnostic
	for _, c := range clashes {
		out = append(out, collision(m, c.first.producer, c.first.out, c.second.out, c.paths))
	}
	return out
}

// collision describes the outputs of entity o that other (from producer
// otherProducer) would overwrite.
func collision(m *ropa.Model, otherProducer string, other, o Output, paths []string) ropa.Diagnostic {
	files := joinAnd(paths)
	what, hint := "an output", ""
	if o.Source != "" {
		what = fmt.Sprintf("%s %q", o.Kind, o.Key)
		hint = fmt.Sprintf("give the %s another key, such as %q; renamedFrom: %q keeps ropa diff reporting a rename",
			o.Kind, o.Key+"-"+o.Kind, o.Key)
	}
	by := "ropa's " + otherProducer + " output"
	if other.Source != "" {
		by = fmt.Sprintf("%s %q", other.Kind, other.Key)
	}
	d := ropa.Diagnostic{
		Path:    o.Source,
		Message: fmt.Sprintf("%s would be written to %s, which %s writes too", what, files, by),
		Hint:    hint,
	}
	if o.Source != "" {
		d.Pos = m.Positions.Of(o.Source)
	}
	return d
}

// joinAnd lists names as "a", "a and b" or "a, b and c".
func joinAnd(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
