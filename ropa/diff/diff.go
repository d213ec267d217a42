package diff

import (
	"reflect"
	"sort"

	"github.com/ropa-dev/ropa/ropa"
)

// Diff lists the changes from old to new. Both models must be loaded (and
// so resolved) by ropa. It runs in time linear in the size of the models
// and returns the changes in a deterministic order.
func Diff(old, new *ropa.Model) *Result {
	d := &differ{old: old, new: new}
	ov, nv := reflect.ValueOf(old).Elem(), reflect.ValueOf(new).Elem()
	d.findRenames(ov, nv)
	for _, k := range modelKinds() {
		o, n := fieldByIndex(ov, k), fieldByIndex(nv, k)
		switch k.shape {
		case keyedMap:
			d.keyedMap(k, o, n)
		case keyedList:
			d.keyedList(k, o, n)
		default:
			e := &entity{kind: k.name, oldV: o, newV: n}
			d.walk(e, d.at(k.path, k.path), o, n)
		}
	}
	if d.out == nil {
		d.out = []Change{}
	}
	d.markStale()
	return &Result{Changes: d.out}
}

// markStale notes, on each changed text, the languages the new model
// translates it into from another English (the translation's fingerprint
// is not the new text's): the change makes those translations stale.
func (d *differ) markStale() {
	if len(d.new.Translations) == 0 {
		return
	}
	langs := make([]string, 0, len(d.new.Translations))
	for l := range d.new.Translations {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for i := range d.out {
		c := &d.out[i]
		text, ok := c.New.(string)
		if c.Op != Changed || !ok || c.Side != "new" {
			continue
		}
		for _, l := range langs {
			if t, ok := d.new.Translations[l][c.Path]; ok && t.Of != ropa.Fingerprint(text) {
				c.StaleTranslations = append(c.StaleTranslations, l)
			}
		}
	}
}

// differ holds the two models and the changes found so far.
type differ struct {
	old, new *ropa.Model
	out      []Change
	fp       fieldPath // reused by every entity, to spare allocations
	// renamed holds, per model path of a keyed kind (categories,
	// controller.jointControllers), its renamed entities; nil when none.
	renamed map[string]*renames
}

// at starts a walk of an entity at the given model paths.
func (d *differ) at(oldBase, newBase string) *fieldPath {
	d.fp = fieldPath{oldBase: oldBase, newBase: newBase, frames: d.fp.frames[:0]}
	return &d.fp
}

// entity is the entity whose fields are being compared.
type entity struct {
	kind, key  string
	oldV, newV reflect.Value
}

// fieldByIndex returns the field of the model that holds kind k, or its
// zero value when a nil pointer stands in the way.
func fieldByIndex(v reflect.Value, k kind) reflect.Value {
	for i, x := range k.index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Zero(k.typ)
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// keyedMap compares the entities of a map kind by key, new keys in source
// order first, then the removed ones in their old order. A renamed entity
// compares with the old entity it replaces, under its new key.
func (d *differ) keyedMap(k kind, o, n reflect.Value) {
	oldKeys := orderedKeys(d.old.Order[k.path], o)
	newKeys := orderedKeys(d.new.Order[k.path], n)
	r := d.renamed[k.path]
	for _, key := range newKeys {
		path := k.path + "." + selector(key)
		nv, ov := mapGet(n, key), mapGet(o, key)
		e := &entity{kind: k.name, key: key, oldV: ov, newV: nv}
		oldPath := path
		if !ov.IsValid() && r != nil {
			if from, ok := r.newToOld[key]; ok {
				ov, oldPath = mapGet(o, from), k.path+"."+selector(from)
				e.oldV = ov
				d.entityRenamed(e, from, path)
			}
		}
		if !ov.IsValid() {
			d.entityAdded(e, path)
			continue
		}
		d.walk(e, d.at(oldPath, path), ov, nv)
	}
	for _, key := range oldKeys {
		if mapGet(n, key).IsValid() {
			continue
		}
		if _, ok := r.oldToNewKey(key); ok {
			continue
		}
		e := &entity{kind: k.name, key: key, oldV: mapGet(o, key)}
		d.entityRemoved(e, k.path+"."+selector(key))
	}
}

// orderedKeys lists the keys of map m in the given source order, then any
// the order does not name, sorted.
func orderedKeys(order []string, m reflect.Value) []string {
	if m.Len() == 0 {
		return nil
	}
	keys := make([]string, 0, m.Len())
	seen := make(map[string]bool, m.Len())
	for _, k := range order {
		if !seen[k] && mapGet(m, k).IsValid() {
			keys = append(keys, k)
			seen[k] = true
		}
	}
	if len(keys) == m.Len() {
		return keys
	}
	var rest []string
	iter := m.MapRange()
	for iter.Next() {
		if k := iter.Key().String(); !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(keys, rest...)
}

// keyedList compares the items of a list kind, such as waivers, by the
// key listKey gives them.
func (d *differ) keyedList(k kind, o, n reflect.Value) {
	oldKeys, newKeys := listKeysFixed(k.json, o, d.fixTarget(k.name)), listKeys(k.json, n)
	oldAt := make(map[string]int, len(oldKeys))
	for i, key := range oldKeys {
		oldAt[key] = i
	}
	matched := make(map[string]bool, len(newKeys))
	for j, key := range newKeys {
		np := k.path + index(j)
		e := &entity{kind: k.name, key: key, newV: n.Index(j)}
		i, ok := oldAt[key]
		if !ok {
			d.entityAdded(e, np)
			continue
		}
		matched[key] = true
		e.oldV = o.Index(i)
		d.walk(e, d.at(k.path+index(i), np), e.oldV, e.newV)
	}
	for i, key := range oldKeys {
		if !matched[key] {
			d.entityRemoved(&entity{kind: k.name, key: key, oldV: o.Index(i)}, k.path+index(i))
		}
	}
}

func (d *differ) entityAdded(e *entity, path string) {
	d.add(Change{Class: d.classifyAdded(e), Kind: e.kind, Key: e.key, Op: Added,
		Path: path, Side: "new", Pos: d.new.Positions.Of(path)})
}

func (d *differ) entityRemoved(e *entity, path string) {
	d.add(Change{Class: d.classifyRemoved(e), Kind: e.kind, Key: e.key, Op: Removed,
		Path: path, Side: "old", Pos: d.old.Positions.Of(path)})
}

func (d *differ) add(c Change) { d.out = append(d.out, c) }

// mapGet returns the value of m at key, or the invalid Value when m has
// none; the key is converted to m's key type, which may be a named string.
func mapGet(m reflect.Value, key string) reflect.Value {
	if m.Len() == 0 {
		return reflect.Value{}
	}
	return m.MapIndex(reflect.ValueOf(key).Convert(m.Type().Key()))
}
