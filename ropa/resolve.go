package ropa

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// resolve fills every entity's Key and reference fields, and returns a
// diagnostic for each key that names nothing. It runs in time linear in the
// number of references: the CUE schema types each value, and Go does the
// cross-checks, which CUE comprehensions over user keys do far more slowly.
func (m *Model) resolve() []Diagnostic {
	r := &resolver{m: m}
	if m.Order == nil {
		m.Order = map[string][]string{}
	}
	for _, k := range Kinds {
		k.ops.prepare(r, k.Path)
	}

	for _, c := range m.CategoryList() {
		c.RetentionRules = resolveAll(r, "retention", m.Retention, c.RetentionIDs, keyPath("categories", c.Key)+".retention")
	}
	for _, s := range m.SourceList() {
		if s.Kind == "public" {
			s.PubliclyAccessible = true // a public source is publicly accessible by definition
		}
		if s.RecipientID != "" {
			s.Recipient = resolveOne(r, "recipients", m.Recipients, s.RecipientID, keyPath("sources", s.Key)+".recipient")
		}
		resolveExemption(r, s.Exemption, keyPath("sources", s.Key)+".exemption")
	}
	for _, rc := range m.RecipientList() {
		rc.Subprocessors = resolveAll(r, "recipients", m.Recipients, rc.SubprocessorIDs, keyPath("recipients", rc.Key)+".subprocessors")
	}
	checkSubprocessorCycles(r)
	for _, t := range m.TransferList() {
		t.Recipient = resolveOne(r, "recipients", m.Recipients, t.RecipientID, keyPath("transfers", t.Key)+".recipient")
	}
	for _, s := range m.SchemeList() {
		if s.OperatorID != "" {
			s.Operator = resolveOne(r, "recipients", m.Recipients, s.OperatorID, keyPath("schemes", s.Key)+".operator")
		}
	}
	for _, s := range m.SystemList() {
		if s.VendorID != "" {
			s.Vendor = resolveOne(r, "recipients", m.Recipients, s.VendorID, keyPath("systems", s.Key)+".vendor")
		}
	}
	r.resolveNotices()
	for _, c := range m.CookieList() {
		c.Notices = resolveAll(r, "notices", m.Notices, c.Audiences, keyPath("cookies", c.Key)+".audiences")
	}
	for _, p := range m.ProcessorRecordList() {
		p.Transfers = resolveAll(r, "transfers", m.Transfers, p.TransferIDs, keyPath("processorRecords", p.Key)+".transfers")
	}
	for _, a := range m.ActivityList() {
		base := keyPath("activities", a.Key) + "."
		a.Notices = resolveAll(r, "notices", m.Notices, a.Audiences, base+"audiences")
		a.Subjects = resolveAll(r, "subjects", m.Subjects, a.SubjectIDs, base+"subjects")
		a.Categories = resolveAll(r, "categories", m.Categories, a.CategoryIDs, base+"categories")
		a.Sources = resolveAll(r, "sources", m.Sources, a.SourceIDs, base+"sources")
		a.Recipients = resolveAll(r, "recipients", m.Recipients, a.RecipientIDs, base+"recipients")
		a.Transfers = resolveAll(r, "transfers", m.Transfers, a.TransferIDs, base+"transfers")
		a.Retention = resolveAll(r, "retention", m.Retention, a.RetentionIDs, base+"retention")
		a.Schemes = resolveAll(r, "schemes", m.Schemes, a.SchemeIDs, base+"schemes")
		a.Systems = resolveAll(r, "systems", m.Systems, a.SystemIDs, base+"systems")
		for i := range a.LawfulBases {
			b := &a.LawfulBases[i]
			b.Laws = resolveAll(r, "laws", m.Laws, b.LawIDs, fmt.Sprintf("%slawfulBases[%d].laws", base, i))
		}
		resolveExemption(r, a.Exemption, base+"exemption")
		a.JointControllers = resolveAll(r, "controller.jointControllers", m.Controller.JointControllers,
			a.JointControllerIDs, base+"jointControllers")
		for i := range a.SpecialConditions {
			sc := &a.SpecialConditions[i]
			sc.Categories = resolveAll(r, "categories", m.Categories, sc.CategoryIDs,
				fmt.Sprintf("%sspecialConditions[%d].categories", base, i))
		}
	}
	sortDiagnostics(r.diags)
	return r.diags
}

// dayDate matches the shape of a YYYY-MM-DD date.
var dayDate = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// checkDates reports dates the schema's pattern lets through that no
// calendar has, such as 2025-02-31. It runs on a model the schema accepts.
func (m *Model) checkDates() []Diagnostic {
	var diags []Diagnostic
	check := func(date, path string) {
		if !dayDate.MatchString(date) {
			return // a month (YYYY-MM), or not a date: the schema reports those
		}
		if _, ok := ParseDate(date); !ok {
			diags = append(diags, Diagnostic{Pos: m.Positions.Of(path), Path: path,
				Message: fmt.Sprintf("%q is not a calendar date", date),
				Hint:    "check the day exists in that month, e.g. 2025-02-28"})
		}
	}
	for _, n := range m.NoticeList() {
		check(n.LastUpdated, keyPath("notices", n.Key)+".lastUpdated")
		check(n.Issued, keyPath("notices", n.Key)+".issued")
		for i, d := range n.Reviewed {
			check(d, fmt.Sprintf("%s.reviewed[%d]", keyPath("notices", n.Key), i))
		}
		check(n.NextReview, keyPath("notices", n.Key)+".nextReview")
	}
	for _, a := range m.ActivityList() {
		check(a.LastReviewed, keyPath("activities", a.Key)+".lastReviewed")
	}
	for i, w := range m.Waivers {
		check(w.Expires, fmt.Sprintf("waivers[%d].expires", i))
	}
	for i, v := range m.History {
		check(v.Date, fmt.Sprintf("history[%d].date", i))
	}
	return diags
}

// resolveExemption resolves the law an Article 14(5) exemption at path
// names, when it names one.
func resolveExemption(r *resolver, e *Exemption, path string) {
	if e != nil && e.LawID != "" {
		e.Law = resolveOne(r, "laws", r.m.Laws, e.LawID, path+".law")
	}
}

// checkSubprocessorCycles reports a recipient that lists itself as a
// sub-processor, and each cycle of sub-processors once, at the reference
// that closes it: a processor cannot engage, however indirectly, itself.
func checkSubprocessorCycles(r *resolver) {
	const (
		unvisited = iota
		active
		done
	)
	state := map[*Recipient]int{}
	var stack []*Recipient
	var visit func(x *Recipient)
	visit = func(x *Recipient) {
		state[x] = active
		stack = append(stack, x)
		for i, id := range x.SubprocessorIDs {
			y := r.m.Recipients[id]
			if y == nil {
				continue
			}
			at := fmt.Sprintf("%s.subprocessors[%d]", keyPath("recipients", x.Key), i)
			switch {
			case y == x:
				r.diags = append(r.diags, Diagnostic{Pos: r.m.Positions.Of(at), Path: at,
					Message: fmt.Sprintf("recipient %q lists itself as a sub-processor", x.Key),
					Hint:    "remove it: a sub-processor is another organisation the processor engages"})
			case state[y] == active:
				var keys []string
				for j := len(stack) - 1; j >= 0; j-- {
					keys = append([]string{stack[j].Key}, keys...)
					if stack[j] == y {
						break
					}
				}
				keys = append(keys, y.Key)
				r.diags = append(r.diags, Diagnostic{Pos: r.m.Positions.Of(at), Path: at,
					Message: "sub-processors form a cycle: " + strings.Join(keys, " → "),
					Hint:    "a recipient cannot be, however indirectly, its own sub-processor; remove one of the references"})
			case state[y] == unvisited:
				visit(y)
			}
		}
		stack = stack[:len(stack)-1]
		state[x] = done
	}
	for _, x := range r.m.RecipientList() {
		if state[x] == unvisited {
			visit(x)
		}
	}
}

// checkPeriods reports retention rules whose periods the schema lets
// through but that say nothing coherent: a range with one end, a range
// whose start is not shorter than its end, more than one of period, upTo
// and a range, and usually with no period to qualify.
func (m *Model) checkPeriods() []Diagnostic {
	var diags []Diagnostic
	report := func(path, msg, hint string) {
		diags = append(diags, Diagnostic{Pos: m.Positions.Of(path), Path: path, Message: msg, Hint: hint})
	}
	for _, r := range m.RetentionList() {
		base := keyPath("retention", r.Key)
		switch {
		case r.From != "" && r.To == "":
			report(base+".from", fmt.Sprintf("retention rule %q gives from without to", r.Key),
				`a range needs both ends, e.g. from: "2 years", to: "6 years"; for a maximum alone use upTo`)
		case r.To != "" && r.From == "":
			report(base+".to", fmt.Sprintf("retention rule %q gives to without from", r.Key),
				`a range needs both ends, e.g. from: "2 years", to: "6 years"; for a maximum alone use upTo`)
		case r.From != "":
			f, okF := ParseDuration(r.From)
			t, okT := ParseDuration(r.To)
			if okF && okT && f.Days() >= t.Days() {
				report(base+".from", fmt.Sprintf("retention rule %q: from (%s) is not shorter than to (%s)", r.Key, r.From, r.To),
					"give the shorter period as from and the longer as to")
			}
		}
		n := 0
		for _, s := range []string{r.Period, r.UpTo, r.From + r.To} {
			if s != "" {
				n++
			}
		}
		if n > 1 {
			report(base, fmt.Sprintf("retention rule %q gives more than one of period, upTo and from/to", r.Key),
				"keep one: a fixed period, a maximum (upTo) or a range (from and to)")
		}
		if r.Usually && n == 0 {
			report(base+".usually", fmt.Sprintf("retention rule %q says usually, but gives no period, upTo or from/to", r.Key),
				`usually qualifies a period: add period: "6 years" (or upTo, or from and to), or remove usually`)
		}
	}
	return diags
}

// nounOf names one entity of the map at table in messages.
func nounOf(table string) string {
	if k, ok := KindAt(table); ok {
		return k.Noun
	}
	return table
}

type resolver struct {
	m     *Model
	diags []Diagnostic
}

// checkRenames reports a renamedFrom that names a key the same map still
// defines (the old key still exists, so nothing was renamed) and a
// renamedFrom that two entities claim. It visits the entities in source
// order, so the second claimant is the one reported.
func checkRenames[T any](r *resolver, table string, entities map[string]*T, from func(*T) string) {
	claimed := map[string]string{} // old key -> the key that claims it
	for _, k := range r.m.Order[table] {
		e, ok := entities[k]
		if !ok {
			continue
		}
		old := from(e)
		if old == "" {
			continue
		}
		path := keyPath(table, k) + ".renamedFrom"
		switch first, dup := claimed[old]; {
		case old == k:
			r.diags = append(r.diags, Diagnostic{Pos: r.m.Positions.Of(path), Path: path,
				Message: fmt.Sprintf("renamedFrom %q is this entity's own key", old),
				Hint:    "remove renamedFrom, or set it to the key the entity had in the previous version"})
		case entities[old] != nil:
			r.diags = append(r.diags, Diagnostic{Pos: r.m.Positions.Of(path), Path: path,
				Message: fmt.Sprintf("renamedFrom %q names a key that %s still defines", old, table),
				Hint: fmt.Sprintf("a renamed entity's old key must be gone: remove %s.%s, or remove renamedFrom from %s.%s",
					table, old, table, k)})
		case dup:
			r.diags = append(r.diags, Diagnostic{Pos: r.m.Positions.Of(path), Path: path,
				Message: fmt.Sprintf("renamedFrom %q is claimed by %s.%s too", old, table, first),
				Hint:    "one entity only can take over an old key; remove renamedFrom from one of them"})
		default:
			claimed[old] = k
		}
	}
}

// resolveAll resolves a list of keys found at path, one diagnostic per
// dangling key.
func resolveAll[T any](r *resolver, table string, entities map[string]*T, keys []string, path string) []*T {
	if len(keys) == 0 {
		return nil
	}
	out := make([]*T, 0, len(keys))
	seen := make(map[string]bool, len(keys))
	for i, k := range keys {
		at := fmt.Sprintf("%s[%d]", path, i)
		if seen[k] {
			r.diags = append(r.diags, Diagnostic{Pos: r.m.Positions.Of(at), Path: at,
				Message: fmt.Sprintf("%s %q is listed twice", nounOf(table), k),
				Hint:    "remove the repeated key"})
			continue
		}
		seen[k] = true
		if e := resolveOne(r, table, entities, k, at); e != nil {
			out = append(out, e)
		}
	}
	return out
}

// resolveOne resolves one key found at path.
func resolveOne[T any](r *resolver, table string, entities map[string]*T, key, path string) *T {
	if e, ok := entities[key]; ok {
		r.m.markReferenced(table, key)
		return e
	}
	kind := nounOf(table)
	// Suggest only keys that are valid: an entity whose key breaks the
	// key pattern is reported on its own, and is not one to refer to.
	known := make([]string, 0, len(entities))
	for k := range entities {
		if ValidKey(k) {
			known = append(known, k)
		}
	}
	sort.Strings(known)
	// Tell people how to write the definition in CUE: a key with a '-'
	// must be quoted there (sources: "cctv-cameras": {...}). A reference
	// that is no valid key is reported by the schema too; it is not one
	// to define.
	define := fmt.Sprintf("define %s.%s", table, CUELabel(key))
	if CUELabel(key) != key {
		define += " (with the quotes: CUE reads an unquoted - as subtraction)"
	}
	valid := ValidKey(key)
	var hint string
	switch s := Nearest(key, known); {
	case s != "" && valid:
		hint = fmt.Sprintf("did you mean %q? Otherwise %s", s, define)
	case s != "":
		hint = fmt.Sprintf("did you mean %q?", s)
	case !valid:
		return nil // the schema reports a reference that is no key; there is nothing to add
	case len(known) == 0:
		hint = fmt.Sprintf("the model defines no %s; add %s", table, strings.TrimPrefix(define, "define "))
	case len(known) <= 8:
		hint = fmt.Sprintf("%s, or use one of: %s", define, strings.Join(known, ", "))
	default:
		hint = fmt.Sprintf("%s, or use one of the keys defined there", define)
	}
	r.diags = append(r.diags, Diagnostic{
		Pos:     r.m.Positions.Of(path),
		Path:    path,
		Message: fmt.Sprintf("unknown %s %q", kind, key),
		Hint:    hint,
	})
	return nil
}

// keyPattern is the schema's #Key.
var keyPattern = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,63}$`)

// ValidKey reports whether s is a valid entity key: a lower-case letter,
// then up to 63 of a-z, 0-9, - and _, as the schema's #Key requires.
func ValidKey(s string) bool { return keyPattern.MatchString(s) }
