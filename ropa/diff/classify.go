package diff

import (
	"reflect"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// The classification table is documented in doc.go; keep the two in step.

// classifyAdded classifies a whole entity that is new.
func (d *differ) classifyAdded(e *entity) Class {
	switch e.kind {
	case "activity", "recipient", "transfer":
		return Notify
	case "category":
		if c, ok := asPtr[ropa.Category](e.newV); ok && (c.Special != "" || c.Criminal) {
			return Notify
		}
	case "phrase":
		return Editorial
	}
	return Register
}

// classifyRenamed classifies an entity whose key changed, as its
// renamedFrom says. The key is how the record names the entity: the
// register's rows, the export, a notice's file name and anchors, waiver
// targets and other tools all use it, so the record changes (register).
// The processing does not, so people need not be told (not notify); what
// else changed is classified field by field.
func (d *differ) classifyRenamed(*entity) Class { return Register }

// classifyRemoved classifies a whole entity that is gone.
func (d *differ) classifyRemoved(e *entity) Class {
	if e.kind == "phrase" {
		return Editorial
	}
	return Register
}

// classifyField classifies a change to a field or list item of e. rule is
// the field's path without list keys, e.g. lawfulBases.interest.
func (d *differ) classifyField(e *entity, op Op, rule string, ov, nv any) Class {
	if op == Reordered {
		return Editorial
	}
	switch e.kind + " " + rule {
	case "activity purpose":
		return Notify
	case "activity recipients", "activity transfers", "activity lawfulBases", "recipient subprocessors":
		if op == Added {
			return Notify
		}
	case "category heading":
		return Editorial
	case "activity categories":
		if op == Added {
			if c := d.new.Categories[str(nv)]; c != nil && (c.Special != "" || c.Criminal) {
				return Notify
			}
		}
	case "activity retention", "category retention":
		if op == Added && d.longerRetention(e, str(nv)) {
			return Notify
		}
	case "category special":
		if op == Changed && str(nv) != "" {
			return Notify
		}
	case "category criminal":
		if nv == true {
			return Notify
		}
	case "activity jointControllers":
		if op == Added {
			return Notify
		}
	case "activity directMarketing", "activity automation.decisions", "activity automation.significant":
		if nv == true {
			return Notify
		}
	case "transfer country", "transfer recipient":
		return Notify
	case "retention period", "retention upTo", "retention to":
		// A rule that now keeps data longer than before, however it says so
		// (a period becoming a longer maximum, say), is notify.
		o, okO := asPtr[ropa.Retention](e.oldV)
		n, okN := asPtr[ropa.Retention](e.newV)
		if okO && okN {
			lo, okO := longestPeriod(o)
			ln, okN := longestPeriod(n)
			if okO && okN && cmpDays(lo, ln) < 0 {
				return Notify
			}
		}
		return classifyPeriod(str(ov), str(nv))
	}
	if isEditorial(e.kind, rule) {
		return Editorial
	}
	return Register
}

// editorialFields are fields that hold wording only, wherever they are.
var editorialFields = map[string]bool{
	"title": true, "description": true, "examples": true, "summary": true,
	"note": true, "details": true, "paragraphs": true, "items": true,
}

// identityKinds are the kinds whose name identifies an organisation, so a
// change of name is not wording only.
var identityKinds = map[string]bool{
	"controller": true, "supervisory-authority": true, "joint-controller": true, "cookie": true,
}

func isEditorial(kind, rule string) bool {
	if kind == "phrase" {
		return true
	}
	if rule == "name" && !identityKinds[kind] {
		return true
	}
	if kind == "notice" {
		switch first := strings.SplitN(rule, ".", 2)[0]; first {
		case "version", "lastUpdated", "issued", "reviewed", "nextReview", "nextReviewNote", "related", "sections", "phrases", "wordBudget", "extends", "delegate", "own":
			return true
		}
	}
	return editorialFields[lastSegment(rule)]
}

// classifyPeriod classifies a changed retention period: longer is notify,
// the same length restated is editorial, anything else register.
func classifyPeriod(old, new string) Class {
	o, okO := parseDuration(old)
	n, okN := parseDuration(new)
	if !okO || !okN {
		return Register
	}
	switch cmpDays(o, n) {
	case -1:
		return Notify
	case 0:
		return Editorial
	}
	return Register
}

// longerRetention reports whether the retention rule key, newly cited by
// e, keeps data longer than every rule e cited before.
func (d *differ) longerRetention(e *entity, key string) bool {
	r := d.new.Retention[key]
	if r == nil {
		return false
	}
	p, ok := longestPeriod(r)
	if !ok {
		return false
	}
	if !e.oldV.IsValid() || !e.oldV.CanInterface() {
		return false
	}
	var ids []string
	switch v := e.oldV.Interface().(type) {
	case *ropa.Activity:
		ids = v.RetentionIDs
	case *ropa.Category:
		ids = v.RetentionIDs
	}
	longest, any := 0.0, false
	for _, id := range ids {
		if old := d.old.Retention[id]; old != nil {
			if q, ok := longestPeriod(old); ok {
				longest, any = max(longest, q), true
			}
		}
	}
	return any && cmpDays(longest, p) < 0
}

// longestPeriod is the longest a retention rule keeps data, in days: its
// period, its maximum (upTo) or the end of its range (to), whichever it
// gives.
func longestPeriod(r *ropa.Retention) (float64, bool) {
	longest, any := 0.0, false
	for _, s := range []string{r.Period, r.UpTo, r.To} {
		if d, ok := parseDuration(s); ok {
			longest, any = max(longest, d), true
		}
	}
	return longest, any
}

// asPtr returns v as a *T when it holds one.
func asPtr[T any](v reflect.Value) (*T, bool) {
	if !v.IsValid() || !v.CanInterface() {
		return nil, false
	}
	p, ok := v.Interface().(*T)
	return p, ok && p != nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}
