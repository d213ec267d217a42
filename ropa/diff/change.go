package diff

import (
	"fmt"
	"strings"

	"github.com/ropa-dev/ropa/ropa"
)

// Class says what a change obliges the organisation to do. Higher classes
// compare greater: Notify > Register > Editorial.
type Class int

const (
	// None is below every class; --fail-on none never fails.
	None Class = iota
	// Editorial is a change of wording only.
	Editorial
	// Register changes the Article 30 record; people need not be told first.
	Register
	// Notify must be told to people before it takes effect (Art 13(3), 14(4)).
	Notify
)

// Classes lists the classes of a change, highest first.
var Classes = []Class{Notify, Register, Editorial}

// String names the class as the CLI prints it.
func (c Class) String() string {
	switch c {
	case Notify:
		return "notify"
	case Register:
		return "register"
	case Editorial:
		return "editorial"
	case None:
		return "none"
	}
	return fmt.Sprintf("class(%d)", int(c))
}

// MarshalText writes the class name, so JSON carries "notify", not 3.
func (c Class) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// ParseClass reads a class name: notify, register, editorial or none.
func ParseClass(s string) (Class, error) {
	for _, c := range []Class{Notify, Register, Editorial, None} {
		if strings.EqualFold(s, c.String()) {
			return c, nil
		}
	}
	return None, fmt.Errorf("unknown class %q: want notify, register, editorial or none", s)
}

// Op is what happened to an entity, a field or a list item.
type Op string

const (
	// Added: the entity, or the list item, is new.
	Added Op = "added"
	// Removed: the entity, or the list item, is gone.
	Removed Op = "removed"
	// Changed: the field's value changed.
	Changed Op = "changed"
	// Reordered: the list holds the same items in another order.
	Reordered Op = "reordered"
	// Renamed: the entity's key changed, as its renamedFrom says; Old is
	// the old key and New the new one. Changes to its fields follow under
	// the new key.
	Renamed Op = "renamed"
)

// Change is one difference between two models.
type Change struct {
	// Class is what the change obliges the organisation to do.
	Class Class `json:"class"`
	// Kind is the entity kind: activity, category, controller, ...
	Kind string `json:"kind"`
	// Key is the entity's key; empty for single entities (controller,
	// security, supervisory-authority, ...).
	Key string `json:"key,omitempty"`
	// Op says whether the entity, item or field was added, removed,
	// changed or reordered, or the entity renamed.
	Op Op `json:"op"`
	// Field is the field within the entity, with list items named by
	// their key: `lawfulBases[consent].consent.how`. Empty when the whole
	// entity was added, removed or renamed.
	Field string `json:"field,omitempty"`
	// Old and New are the values before and after: a string, number or
	// boolean; for an added or removed list item, the item (or its key);
	// for a renamed entity, the old and the new key. Absent when that side
	// has none.
	Old any `json:"old,omitempty"`
	New any `json:"new,omitempty"`
	// Path is the model path Pos is the position of, on Side.
	Path string `json:"path"`
	// Side is "new", or "old" for a removal.
	Side string `json:"side"`
	// Pos is where the field is declared on Side.
	Pos ropa.Pos `json:"pos"`
	// StaleTranslations are the languages whose translation of a changed
	// text was made from the old English (its fingerprint is not the new
	// text's): the notice in each says something the record no longer
	// does until the text is translated again. Sorted; empty for most
	// changes.
	StaleTranslations []string `json:"staleTranslations,omitempty"`
}

// Result is the list of changes between two models.
type Result struct {
	// Changes are grouped by entity: kinds in a fixed order, entities in
	// source order (removed ones after), fields in model order.
	Changes []Change
	// Old and New say what each side was, a revision or a directory; the
	// outputs print them first when set. Diff leaves them nil for its
	// caller to fill in.
	Old, New *Source
}

// Count returns the number of changes of class c.
func (r *Result) Count(c Class) int {
	n := 0
	for _, ch := range r.Changes {
		if ch.Class == c {
			n++
		}
	}
	return n
}

// Unpublishable counts, per language, the changed texts whose
// translation into it is now stale: the notices in that language are not
// yet publishable. Nil when there are none.
func (r *Result) Unpublishable() map[string]int {
	var out map[string]int
	for _, ch := range r.Changes {
		for _, l := range ch.StaleTranslations {
			if out == nil {
				out = map[string]int{}
			}
			out[l]++
		}
	}
	return out
}

// Max returns the highest class of any change, or None.
func (r *Result) Max() Class {
	m := None
	for _, ch := range r.Changes {
		m = max(m, ch.Class)
	}
	return m
}

// Fails reports whether a change at or above threshold exists; the
// threshold None never fails.
func (r *Result) Fails(threshold Class) bool {
	return threshold != None && r.Max() >= threshold
}
