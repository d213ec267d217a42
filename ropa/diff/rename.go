package diff

import (
	"reflect"
	"strings"
)

// refTables names, per field that holds keys of other entities ("kind
// rule", as classifyField matches them), the model path of the map those
// keys index. A reference to an old key that a rename replaced compares
// equal to the new key. TestRefTablesCoverModel keeps this table in step
// with the model's ID fields.
var refTables = map[string]string{
	"activity audiences":                    "notices",
	"activity subjects":                     "subjects",
	"activity categories":                   "categories",
	"activity specialConditions.categories": "categories",
	"activity sources":                      "sources",
	"activity recipients":                   "recipients",
	"activity transfers":                    "transfers",
	"activity retention":                    "retention",
	"activity schemes":                      "schemes",
	"activity systems":                      "systems",
	"category retention":                    "retention",
	"source recipient":                      "recipients",
	"transfer recipient":                    "recipients",
	"scheme operator":                       "recipients",
	"system vendor":                         "recipients",
	"processor-record transfers":            "transfers",
	"activity lawfulBases.laws":             "laws",
	"activity exemption.law":                "laws",
	"source exemption.law":                  "laws",
	"recipient subprocessors":               "recipients",
	"activity jointControllers":             "controller.jointControllers",
	"notice categories":                     "categories",
	"notice extends":                        "notices",
}

// renames are the renamed entities of one kind.
type renames struct {
	newToOld map[string]string // new key -> the old key it replaces
	oldToNew map[string]string // old key -> the new key that replaces it
}

// findRenames pairs, for every keyed kind, each new entity whose
// renamedFrom names a key that the old model has and the new one has not
// with that old entity, provided the old model has no entity under the new
// key. Any other renamedFrom is ignored, so the entity compares by its own
// key as usual. The loader already rejects a renamedFrom that the new
// model still defines, or that two entities claim; both are checked again
// here, first claimant winning, so hand-built models pair sensibly too.
func (d *differ) findRenames(ov, nv reflect.Value) {
	for _, k := range modelKinds() {
		if k.shape != keyedMap || k.renamedFrom == nil {
			continue
		}
		o, n := fieldByIndex(ov, k), fieldByIndex(nv, k)
		if o.Len() == 0 || n.Len() == 0 {
			continue
		}
		var r *renames
		for _, key := range orderedKeys(d.new.Order[k.path], n) {
			from := renamedFrom(k, mapGet(n, key))
			if from == "" || from == key || !mapGet(o, from).IsValid() ||
				mapGet(o, key).IsValid() || mapGet(n, from).IsValid() {
				continue
			}
			if r == nil {
				r = &renames{newToOld: map[string]string{}, oldToNew: map[string]string{}}
			}
			if _, dup := r.oldToNew[from]; dup {
				continue
			}
			r.newToOld[key], r.oldToNew[from] = from, key
		}
		if r != nil {
			if d.renamed == nil {
				d.renamed = map[string]*renames{}
			}
			d.renamed[k.path] = r
		}
	}
}

// renamedFrom returns the renamedFrom of entity v, a pointer to a struct
// of kind k, or "".
func renamedFrom(k kind, v reflect.Value) string {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return ""
	}
	return v.FieldByIndex(k.renamedFrom).String()
}

// renamesFor returns, when the field at p holds keys of a kind with
// renamed entities, the map from old key to new key; else nil.
func (d *differ) renamesFor(e *entity, p *fieldPath) map[string]string {
	if d.renamed == nil {
		return nil
	}
	r := d.renamed[refTables[e.kind+" "+p.rule()]]
	if r == nil {
		return nil
	}
	return r.oldToNew
}

// pathFields are the fields ("kind rule") that hold a model path, such as
// a waiver's target "activities.cctv": a path through a renamed entity's
// old key compares equal to the same path through its new key.
var pathFields = map[string]bool{"waiver target": true}

// followsRename reports whether the scalars o and n, which differ, are a
// reference that only follows a rename: o the old key, n the new one, or o
// a path through the old key and n the same path through the new one.
func (d *differ) followsRename(e *entity, p *fieldPath, o, n reflect.Value) bool {
	if d.renamed == nil || o.Kind() != reflect.String {
		return false
	}
	rule := p.rule()
	if pathFields[e.kind+" "+rule] {
		return d.renamePath(o.String()) == n.String()
	}
	k, ok := d.renamed[refTables[e.kind+" "+rule]].oldToNewKey(o.String())
	return ok && k == n.String()
}

// renamePath rewrites a model path through a renamed entity's old key,
// "activities.serve" or "activities.serve.purpose", to go through its new
// key; any other path is returned as is.
func (d *differ) renamePath(path string) string {
	for table, r := range d.renamed {
		rest, ok := strings.CutPrefix(path, table+".")
		if !ok {
			continue
		}
		key, tail := rest, ""
		if i := strings.IndexAny(rest, ".["); i >= 0 {
			key, tail = rest[:i], rest[i:]
		}
		if k, ok := r.oldToNew[key]; ok {
			return table + "." + k + tail
		}
	}
	return path
}

// fixTarget returns, for a keyed list of kind whose key includes a path
// field (a waiver's target), the function that makes old keys follow the
// renames; else nil.
func (d *differ) fixTarget(kind string) func(field, value string) string {
	if d.renamed == nil {
		return nil
	}
	return func(field, value string) string {
		if pathFields[kind+" "+field] {
			return d.renamePath(value)
		}
		return value
	}
}

// entityRenamed records that e, under its new key at path, replaces the
// entity with key from in the old model.
func (d *differ) entityRenamed(e *entity, from, path string) {
	d.add(Change{Class: d.classifyRenamed(e), Kind: e.kind, Key: e.key, Op: Renamed,
		Old: from, New: e.key, Path: path, Side: "new", Pos: d.new.Positions.Of(path)})
}

// oldToNewKey returns the new key of the renamed entity whose old key is
// old; r may be nil.
func (r *renames) oldToNewKey(old string) (string, bool) {
	if r == nil {
		return "", false
	}
	k, ok := r.oldToNew[old]
	return k, ok
}
