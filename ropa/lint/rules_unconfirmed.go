package lint

// The unconfirmed rule: a starter model (`ropa init --sector`) holds what
// organisations of a sector typically do, each assumed fact marked
// unconfirmed, so that a DPO edits a realistic record instead of a blank
// one. Every mark is a warning until someone who knows the processing
// checks the fact, so that nothing assumed is published or filed unseen.
// It is a warning, not an error: the assumption may well be right, and the
// notice stays lawful, but the controller cannot yet show it is accurate.

import (
	"reflect"
	"slices"

	"github.com/ropa-dev/ropa/ropa"
)

func init() {
	register(&Rule{
		ID: "unconfirmed", Severity: Warning, Ref: "UK GDPR Art 5(1)(d), 5(2), 30(1)", Duty: DutyAccountability,
		Message: "the record holds a fact marked as assumed, not confirmed",
		Explain: `The record and the notices must be accurate (Art 5(1)(d)), and the
controller must be able to show it (Art 5(2)). A starter written by
'ropa init --sector' holds what organisations of that sector typically do,
and marks each assumed fact unconfirmed: the whole entity (unconfirmed:
true) or some of its fields (unconfirmed: ["lawfulBases", "retention"]).
Each mark is reported, once per entity or field, until someone who knows
the processing has checked it against what really happens.

Fix: check the fact, correct it if need be, then clear the mark (set it to
false or [], or delete it; for a list, delete the fields you have checked):

    activities: rent: unconfirmed: false`,
		Check: checkUnconfirmed,
	})
}

func checkUnconfirmed(c *Context) {
	m := c.Model
	report := func(path, what string, u *ropa.Unconfirmed, has func(string) bool) {
		if u == nil {
			return
		}
		if u.All {
			c.Report(path+".unconfirmed", "%s is marked unconfirmed: check it, then clear the mark", what)
			return
		}
		for i, f := range u.Fields {
			if !has(f) {
				c.Report(index(path+".unconfirmed", i), "%s has %q marked unconfirmed, but it has no such field: check the spelling", what, f)
				continue
			}
			c.Report(index(path+".unconfirmed", i), "%s has %s marked unconfirmed: check it, then remove it from the list", what, f)
		}
	}
	controllerFields := ropa.FieldNames(reflect.TypeFor[ropa.Controller]())
	report("controller", "the controller", m.Controller.Unconfirmed, func(f string) bool { return slices.Contains(controllerFields, f) })
	for _, k := range ropa.Kinds {
		for _, key := range m.Order[k.Path] {
			if e, ok := k.Keyed(m, key); ok {
				report(k.Path+"."+sel(key), sprintf("%s %q", k.Noun, key), e.Unconfirmed, k.HasField)
			}
		}
	}
}
