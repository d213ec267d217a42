package ropa

import (
	"fmt"
	"sort"
	"strings"

	"cuelang.org/go/cue"

	"github.com/ropa-dev/ropa/schema"
)

// explain rewrites CUE's terse messages into ones that say how to fix the
// problem: a misspelt field gets the nearest allowed name, a missing field
// gets named as required.
func explain(ds []Diagnostic, def cue.Value) []Diagnostic {
	ds = mergeDisjunctions(ds)
	for i := range ds {
		d := &ds[i]
		field := lastField(d.Path)
		switch {
		case d.is(msgFieldNotAllowed) && isKeyPath(d.Path):
			// The label is an entity's key, and the map takes only #Key.
			d.Message = fmt.Sprintf("key %q is not a valid key", field)
			d.Hint = "keys start with a lower-case letter and hold only a-z, 0-9, - and _, at most 64 characters"
			if s := suggestKey(field); s != "" {
				d.Hint += fmt.Sprintf("; e.g. %s", s)
			}
		case d.is(msgFieldNotAllowed):
			d.Message = fmt.Sprintf("field %q is not allowed here", field)
			allowed := allowedFields(def, parentPath(d.Path))
			if s := Nearest(field, allowed); s != "" {
				d.Hint = fmt.Sprintf("did you mean %q? allowed fields: %s", s, strings.Join(allowed, ", "))
			} else if len(allowed) > 0 {
				d.Hint = "allowed fields: " + strings.Join(allowed, ", ")
			}
		case d.is(msgIncomplete) || (d.cue != nil && strings.HasPrefix(d.cue.format, msgNonConcretePrefix)):
			d.Message = fmt.Sprintf("required field %q is missing or not concrete (%s)", field, d.Message)
			d.Hint = fmt.Sprintf("add `%s: ...` here; `ropa schema` shows its type", field)
		case (d.is(msgOutOfBound) || d.is(msgNotSatisfied)) && strings.HasPrefix(d.cue.arg(1), "=~"):
			d.Hint = hintForPattern(d.cue.arg(1))
		case d.is(msgListLengths) && (d.cue.arg(0) == "0" || d.cue.arg(1) == "0"):
			// The schema's [X, ...X]: a list that may not be empty.
			d.Message = fmt.Sprintf("%q needs at least one %s; the list is empty", field, itemNoun(field))
			d.Hint = fmt.Sprintf("list at least one %s here", itemNoun(field))
			if _, ok := KindAt(field); ok {
				d.Hint = fmt.Sprintf("list at least one %s key, e.g. %s: [\"...\"] with a key defined under %s", itemNoun(field), field, field)
			}
		case d.is(msgMismatched):
			d.Hint = "the value has the wrong type; `ropa schema` shows the type this field takes"
		case d.is(msgConflict):
			d.Hint = "the value is not one the schema allows; `ropa schema` lists the allowed values"
		}
	}
	return ds
}

// The formats of the CUE error messages explain rewrites (errors.Error's
// Msg): fixed text, unlike the formatted message, which holds the user's
// values and so cannot be matched safely.
const (
	msgFieldNotAllowed   = "field not allowed"
	msgIncomplete        = "incomplete value %v"
	msgNonConcretePrefix = "non-concrete value"
	msgOutOfBound        = "invalid value %v (out of bound %s)"
	msgNotSatisfied      = "invalid value %s (does not satisfy %s)"
	msgMismatched        = "conflicting values %s and %s (mismatched types %s and %s)"
	msgConflict          = "conflicting values %s and %s"
	msgEmptyDisjunction  = "%d errors in empty disjunction:"
	msgListLengths       = "incompatible list lengths (%d and %d)"
	msgListAddition      = "Addition of lists is superseded by list.Concat; see https://cuelang.org/e/v0.11-list-arithmetic"
)

// explainUser rewrites the messages of errors in the user's package on its
// own, before the schema applies: CUE's raw wording of a CUE feature it
// dropped.
func explainUser(ds []Diagnostic) []Diagnostic {
	for i := range ds {
		if d := &ds[i]; d.is(msgListAddition) {
			d.Message = "lists cannot be joined with +: CUE no longer adds lists"
			d.Hint = `write one list, or join lists with list.Concat: import "list", then list.Concat([a, b])`
		}
	}
	return ds
}

// itemNoun names one item of the list field: the entity a list of keys
// refers to ("category" for categories), else "item".
func itemNoun(field string) string {
	if k, ok := KindAt(field); ok {
		return k.Noun
	}
	switch field {
	case "lines":
		return "address line"
	case "processing":
		return "description of the processing"
	case "summary":
		return "summary line"
	}
	return "item"
}

// hintForPattern explains the string formats the schema uses, given the
// pattern (=~"...") a value failed.
func hintForPattern(msg string) string {
	switch {
	case strings.Contains(msg, "[0-9]{4}-"):
		return `dates are written YYYY-MM-DD (or YYYY-MM for a month), e.g. "2025-04-01"`
	case strings.Contains(msg, "https?://"):
		return `web addresses start with https:// or http:// (or mailto:), e.g. "https://ico.org.uk"`
	case strings.Contains(msg, "(day|week|month|year)"):
		return `periods are written as a number and a unit, e.g. "6 years", "3 months", "30 days"`
	case strings.Contains(msg, "@"):
		return `write an email address such as "dpo@example.org.uk"`
	case strings.Contains(msg, "^[a-z][a-z0-9_-]{0,63}$"):
		return "keys start with a lower-case letter and hold only a-z, 0-9, - and _, at most 64 characters"
	}
	return ""
}

// isKeyPath reports whether a path names an entity of a keyed map
// (categories.x, controller.jointControllers.x, phrases are free text).
func isKeyPath(path string) bool {
	_, ok := KindAt(parentPath(path))
	return ok
}

// suggestKey turns an invalid key into a valid one: its Slug, starting
// with a letter, at most 64 characters. It returns "" when nothing of the key is left.
func suggestKey(key string) string {
	s := strings.TrimLeft(Slug(key, 0), "0123456789-")
	if len(s) > 64 {
		s = strings.TrimRight(s[:64], "-")
	}
	if s == "" || s == key {
		return ""
	}
	return s
}

// allowedFields lists the fields the schema allows at the struct path.
func allowedFields(def cue.Value, path string) []string {
	v := schemaAt(def, path)
	if !v.Exists() {
		return nil
	}
	iter, err := v.Fields(cue.Optional(true))
	if err != nil {
		return nil
	}
	var out []string
	for iter.Next() {
		out = append(out, iter.Selector().Unquoted())
	}
	sort.Strings(out)
	return out
}

// schemaAt returns the schema that governs a model path: a field inside an
// entity of a keyed map resolves through the entity's definition, a list
// index through the list's element type. The result does not exist when
// the schema has nothing at the path.
func schemaAt(def cue.Value, path string) cue.Value {
	parts := splitPath(path)
	v := def
	if len(parts) >= 2 && !parts[0].isIndex {
		if k, ok := KindAt(parts[0].name); ok {
			v = schemaRoot(def).LookupPath(cue.MakePath(cue.Def(k.Def)))
			parts = parts[2:]
		}
	}
	for _, part := range parts {
		switch {
		case part.isIndex:
			v = v.LookupPath(cue.MakePath(cue.AnyIndex))
		default:
			next := v.LookupPath(cue.MakePath(cue.Str(part.name)))
			if !next.Exists() {
				next = v.LookupPath(cue.MakePath(cue.Str(part.name).Optional()))
			}
			v = next
		}
		if !v.Exists() {
			return v
		}
	}
	return v
}

// schemaRoot returns the schema package value #Model was looked up in.
func schemaRoot(def cue.Value) cue.Value {
	root, _ := def.Default()
	return root.Context().CompileBytes(schema.Source, cue.Filename(schema.Filename))
}

// isMapField reports whether the path so far ends at a map keyed by #Key.
func isMapField(sels []cue.Selector) bool {
	path := make([]string, len(sels))
	for i, s := range sels {
		path[i] = s.String()
	}
	if p := strings.Join(path, "."); p == "phrases" {
		return true
	} else if _, ok := KindAt(p); ok {
		return true
	}
	return false
}

// mergeDisjunctions folds the one-per-branch errors CUE reports for a value
// outside an enumeration into one diagnostic listing the allowed values, and
// drops the "N errors in empty disjunction" summary that accompanies them.
func mergeDisjunctions(ds []Diagnostic) []Diagnostic {
	type group struct {
		idx   int
		pairs [][2]string
	}
	groups := map[string]*group{}
	var out []Diagnostic
	for _, d := range ds {
		if d.is(msgEmptyDisjunction) {
			continue
		}
		if !d.is(msgConflict) {
			out = append(out, d)
			continue
		}
		key := d.Pos.String() + "|" + d.Path
		g, ok := groups[key]
		if !ok {
			g = &group{idx: len(out)}
			groups[key] = g
			out = append(out, d)
		}
		g.pairs = append(g.pairs, [2]string{d.cue.arg(0), d.cue.arg(1)})
	}
	for _, g := range groups {
		if len(g.pairs) < 2 {
			continue
		}
		// The user's value is the operand every branch conflicts with.
		given := g.pairs[0][1]
		if g.pairs[1][0] == g.pairs[0][0] || g.pairs[1][1] == g.pairs[0][0] {
			given = g.pairs[0][0]
		}
		var allowed []string
		for _, p := range g.pairs {
			if p[0] == given {
				allowed = append(allowed, p[1])
			} else {
				allowed = append(allowed, p[0])
			}
		}
		sort.Strings(allowed)
		d := &out[g.idx]
		d.cue = nil // ropa's own message now, classified
		d.Message = fmt.Sprintf("%s is not an allowed value", given)
		if s := Nearest(strings.Trim(given, `"`), trimQuotes(allowed)); s != "" {
			d.Hint = fmt.Sprintf("did you mean %q? allowed values: %s", s, strings.Join(allowed, ", "))
		} else {
			d.Hint = "allowed values: " + strings.Join(allowed, ", ")
		}
	}
	// Keep summaries of disjunctions whose branches were not reported.
	if len(out) == 0 {
		return ds
	}
	return out
}

func trimQuotes(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.Trim(s, `"`)
	}
	return out
}
