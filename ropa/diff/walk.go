package diff

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"

	"github.com/ropa-dev/ropa/ropa"
)

// walk compares o and n, two values of one type at p, and records a
// change for every field that differs.
func (d *differ) walk(e *entity, p *fieldPath, o, n reflect.Value) {
	switch o.Kind() {
	case reflect.Pointer, reflect.Interface:
		if o.IsNil() && n.IsNil() {
			return
		}
		d.walk(e, p, elemOrZero(o), elemOrZero(n))
	case reflect.Struct:
		if o.Type() == unconfirmedType {
			// The mark as the model writes it: the fields it names, or
			// the whole entity, not the Go struct that holds it.
			d.scalarList(e, p, reflect.ValueOf(markItems(o)), reflect.ValueOf(markItems(n)))
			return
		}
		for _, f := range fieldsOf(o.Type()) {
			if f.entityMap || f.meta {
				continue // a kind of its own, or renamedFrom
			}
			of, nf := o.FieldByIndex(f.index), n.FieldByIndex(f.index)
			if f.embedded {
				d.walk(e, p, of, nf)
				continue
			}
			p.push(frame{kind: fieldFrame, name: f.name})
			d.walk(e, p, of, nf)
			p.pop()
		}
	case reflect.Slice, reflect.Array:
		if derefType(o.Type().Elem()).Kind() == reflect.Struct {
			d.structList(e, p, o, n)
		} else {
			d.scalarList(e, p, o, n)
		}
	case reflect.Map:
		d.scalarMap(e, p, o, n)
	default:
		if !scalarEqual(o, n) && !d.followsRename(e, p, o, n) {
			d.fieldChange(e, p, Changed, "", true, scalar(o), scalar(n))
		}
	}
}

// elemOrZero dereferences v, or gives the zero value of its element type
// when v is nil, so that an added or removed structure compares field by
// field against nothing.
func elemOrZero(v reflect.Value) reflect.Value {
	if v.IsNil() {
		if v.Kind() == reflect.Interface {
			return reflect.Value{}
		}
		return reflect.Zero(v.Type().Elem())
	}
	return v.Elem()
}

// scalarList compares a list of keys or texts as a multiset: one change
// per item added or removed, or one reordering when only the order moved.
func (d *differ) scalarList(e *entity, p *fieldPath, o, n reflect.Value) {
	ol, nl := o.Len(), n.Len()
	if ol == nl {
		same := true
		for i := 0; i < ol && same; i++ {
			same = scalarEqual(o.Index(i), n.Index(i))
		}
		if same {
			return
		}
	}
	os, ns := make([]string, ol), make([]string, nl)
	for j := range nl {
		ns[j] = scalarString(n.Index(j))
	}
	// Old keys of renamed entities count as their new keys, so that a
	// reference which only follows a rename is no change.
	renamed := d.renamesFor(e, p)
	for i := range ol {
		os[i] = scalarString(o.Index(i))
		if k, ok := renamed[os[i]]; ok {
			os[i] = k
		}
	}
	if renamed != nil && slices.Equal(os, ns) {
		return
	}
	inNew := make(map[string]int, nl)
	for _, s := range ns {
		inNew[s]++
	}
	inOld := make(map[string]int, ol)
	for _, s := range os {
		inOld[s]++
	}
	changed := false
	for j, s := range ns {
		if inOld[s] > 0 {
			inOld[s]--
			continue
		}
		changed = true
		d.fieldChange(e, p, Added, index(j), true, nil, scalar(n.Index(j)))
	}
	for i, s := range os {
		if inNew[s] > 0 {
			inNew[s]--
			continue
		}
		changed = true
		d.fieldChange(e, p, Removed, index(i), false, scalar(o.Index(i)), nil)
	}
	if !changed {
		d.fieldChange(e, p, Reordered, "", true, nil, nil)
	}
}

// structList matches the items of a list of structures by key, then
// compares matched items field by field.
func (d *differ) structList(e *entity, p *fieldPath, o, n reflect.Value) {
	if o.Len() == 0 && n.Len() == 0 {
		return
	}
	name := p.lastField()
	oldKeys, newKeys := listKeys(name, o), listKeys(name, n)
	if slices.Equal(oldKeys, newKeys) {
		for i, k := range newKeys {
			p.push(frame{kind: itemFrame, name: k, oldI: i, newI: i})
			d.walk(e, p, o.Index(i), n.Index(i))
			p.pop()
		}
		return
	}
	oldAt := make(map[string]int, len(oldKeys))
	for i, k := range oldKeys {
		oldAt[k] = i
	}
	matched := make(map[string]bool, len(newKeys))
	last, reordered := -1, false
	for j, k := range newKeys {
		i, ok := oldAt[k]
		if !ok {
			d.fieldChange(e, p, Added, index(j), true, nil, k)
			continue
		}
		matched[k] = true
		if i < last {
			reordered = true
		}
		last = i
		p.push(frame{kind: itemFrame, name: k, oldI: i, newI: j})
		d.walk(e, p, o.Index(i), n.Index(j))
		p.pop()
	}
	for i, k := range oldKeys {
		if !matched[k] {
			d.fieldChange(e, p, Removed, index(i), false, k, nil)
		}
	}
	if reordered {
		d.fieldChange(e, p, Reordered, "", true, nil, nil)
	}
}

// scalarMap compares a map of texts, such as phrases, key by key. A map
// not keyed by strings compares as one value.
func (d *differ) scalarMap(e *entity, p *fieldPath, o, n reflect.Value) {
	if o.Type().Key().Kind() != reflect.String {
		if ov, nv := fmt.Sprint(o.Interface()), fmt.Sprint(n.Interface()); ov != nv {
			d.fieldChange(e, p, Changed, "", true, ov, nv)
		}
		return
	}
	for _, k := range orderedKeys(nil, n) {
		nv, ov := mapGet(n, k), mapGet(o, k)
		p.push(frame{kind: mapFrame, name: k})
		if !ov.IsValid() && isStructure(nv) {
			// A structure added under a new key (a notice's delegate)
			// compares field by field against nothing.
			d.walk(e, p, reflect.Zero(nv.Type()), nv)
		} else if !ov.IsValid() {
			d.fieldChange(e, p, Added, "", true, nil, scalar(nv))
		} else {
			d.walk(e, p, ov, nv)
		}
		p.pop()
	}
	for _, k := range orderedKeys(nil, o) {
		if ov := mapGet(o, k); !mapGet(n, k).IsValid() {
			p.push(frame{kind: mapFrame, name: k})
			if isStructure(ov) {
				d.walk(e, p, ov, reflect.Zero(ov.Type()))
			} else {
				d.fieldChange(e, p, Removed, "", false, scalar(ov), nil)
			}
			p.pop()
		}
	}
}

// isStructure reports whether v is a structure or a pointer to one.
func isStructure(v reflect.Value) bool {
	return v.IsValid() && derefType(v.Type()).Kind() == reflect.Struct
}

// fieldChange records a change to the field at p, or to one of its list
// items when suffix is an index such as [2]. The position is on the new
// side, or the old one when newSide is false.
func (d *differ) fieldChange(e *entity, p *fieldPath, op Op, suffix string, newSide bool, ov, nv any) {
	rule := p.rule()
	c := Change{Kind: e.kind, Key: e.key, Op: op, Field: p.field(), Old: ov, New: nv,
		Path: p.model(newSide) + suffix, Side: "new"}
	c.Class = d.classifyField(e, op, rule, ov, nv)
	if newSide {
		c.Pos = d.new.Positions.Of(c.Path)
	} else {
		c.Side = "old"
		c.Pos = d.old.Positions.Of(c.Path)
	}
	d.add(c)
}

// scalar returns the value of a string, bool or number as a plain Go value;
// an empty string is nil, meaning none.
func scalar(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		if v.Len() == 0 {
			return nil
		}
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint()
	case reflect.Float32, reflect.Float64:
		return v.Float()
	}
	if v.CanInterface() {
		return fmt.Sprint(v.Interface())
	}
	return nil
}

// scalarEqual compares two scalars of one type without boxing them.
func scalarEqual(o, n reflect.Value) bool {
	if !o.IsValid() || !n.IsValid() {
		return o.IsValid() == n.IsValid()
	}
	switch o.Kind() {
	case reflect.String:
		return o.String() == n.String()
	case reflect.Bool:
		return o.Bool() == n.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return o.Int() == n.Int()
	}
	return scalar(o) == scalar(n)
}

// scalarString formats a scalar as a set key.
func scalarString(v reflect.Value) string {
	if v.Kind() == reflect.String {
		return v.String()
	}
	return fmt.Sprint(scalar(v))
}

func lastSegment(rule string) string {
	for i := len(rule) - 1; i >= 0; i-- {
		if rule[i] == '.' {
			return rule[i+1:]
		}
	}
	return rule
}

func index(i int) string { return "[" + strconv.Itoa(i) + "]" }

// unconfirmedType is the type of an entity's unconfirmed mark.
var unconfirmedType = reflect.TypeFor[ropa.Unconfirmed]()

// markItems lists what an unconfirmed mark (a ropa.Unconfirmed value)
// marks: its field names, or "(the whole entity)".
func markItems(v reflect.Value) []string {
	u := v.Interface().(ropa.Unconfirmed)
	var out []string
	for _, f := range u.Items() {
		if f == "" {
			f = "(the whole entity)"
		}
		out = append(out, f)
	}
	return out
}
