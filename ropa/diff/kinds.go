package diff

import (
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/ropa-dev/ropa/ropa"
)

// shape is how a kind holds its entities.
type shape int

const (
	// keyedMap: a map from key to entity, e.g. activities.
	keyedMap shape = iota
	// keyedList: a list whose items are keyed by a field, e.g. waivers.
	keyedList
	// single: one entity, e.g. controller, security.
	single
)

// kind is one kind of entity in the model.
type kind struct {
	name  string // as printed: activity, joint-controller, ...
	json  string // json name of the field that holds it
	path  string // model path: activities, controller.jointControllers
	index []int  // reflect field index from Model
	typ   reflect.Type
	shape shape
	// renamedFrom is the index of the renamedFrom field in the entity
	// struct of a keyedMap kind, or nil when its entities have none.
	renamedFrom []int
}

// kindNames are the printed names of the model's fields that are not keyed
// kinds; the keyed kinds take theirs from ropa.Kinds.
var kindNames = map[string]string{
	"controller":           "controller",
	"supervisoryAuthority": "supervisory-authority",
	"security":             "security",
	"complaints":           "complaints",
	"rightsContact":        "rights-contact",
	"waivers":              "waiver",
	"history":              "history",
	"phrases":              "phrase",
	"schemaVersion":        "schema-version",
}

// kindRank is the order kinds are reported in; kinds not listed (fields
// added to the model later) follow in model order.
var kindRank = []string{
	"activity", "category", "subject", "source", "recipient", "transfer",
	"retention", "scheme", "system", "law", "cookie", "notice", "processor-record",
	"controller", "joint-controller", "supervisory-authority", "security",
}

var (
	kindsOnce sync.Once
	allKinds  []kind
)

// modelKinds lists the kinds of the model, found by reflection over
// ropa.Model, in report order.
func modelKinds() []kind {
	kindsOnce.Do(func() {
		t := reflect.TypeFor[ropa.Model]()
		for _, f := range fieldsOf(t) {
			if f.embedded {
				continue
			}
			k := kind{name: kindName(f.name), json: f.name, path: f.name, index: f.index, typ: f.typ, shape: shapeOf(f.typ)}
			if k.shape == keyedMap {
				k.renamedFrom = renamedFromIndex(f.typ.Elem())
			}
			allKinds = append(allKinds, k)
			// Maps of entities inside a single entity are kinds of their
			// own: controller.jointControllers.
			if k.shape == single {
				if st := derefType(f.typ); st.Kind() == reflect.Struct {
					for _, sf := range fieldsOf(st) {
						if sf.entityMap {
							idx := append(append([]int{}, f.index...), sf.index...)
							allKinds = append(allKinds, kind{name: kindName(sf.name), json: sf.name,
								path: f.name + "." + sf.name, index: idx, typ: sf.typ, shape: keyedMap,
								renamedFrom: renamedFromIndex(sf.typ.Elem())})
						}
					}
				}
			}
		}
		rank := map[string]int{}
		for i, n := range kindRank {
			rank[n] = i + 1
		}
		sort.SliceStable(allKinds, func(i, j int) bool {
			ri, rj := rank[allKinds[i].name], rank[allKinds[j].name]
			if ri == 0 {
				ri = len(kindRank) + 1
			}
			if rj == 0 {
				rj = len(kindRank) + 1
			}
			return ri < rj
		})
	})
	return allKinds
}

// kindName is the printed name of the model field with the given json
// name (the last segment of a keyed kind's path).
func kindName(json string) string {
	for _, k := range ropa.Kinds {
		if k.Path == json || strings.HasSuffix(k.Path, "."+json) {
			return k.Name
		}
	}
	if n, ok := kindNames[json]; ok {
		return n
	}
	return json
}

func shapeOf(t reflect.Type) shape {
	switch {
	case t.Kind() == reflect.Map && t.Key().Kind() == reflect.String:
		return keyedMap
	case t.Kind() == reflect.Slice && derefType(t.Elem()).Kind() == reflect.Struct:
		return keyedList
	}
	return single
}

func derefType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// isEntityMap reports whether t is a map from key to entity pointer, the
// shape of a kind nested in a single entity.
func isEntityMap(t reflect.Type) bool {
	if t.Kind() != reflect.Map || t.Key().Kind() != reflect.String ||
		t.Elem().Kind() != reflect.Pointer || t.Elem().Elem().Kind() != reflect.Struct {
		return false
	}
	// An entity is keyed; a map of other structures (a notice's delegate)
	// is a field of its entity.
	_, keyed := t.Elem().Elem().FieldByName("Keyed")
	return keyed
}

// renamedFromField is the json name of the field by which an entity names
// the key it had in the previous version. It is metadata for the diff, not
// part of the record, so the walk never compares it.
const renamedFromField = "renamedFrom"

// renamedFromIndex returns the index of the string field renamedFrom in
// the entity type t (a struct or a pointer to one), or nil when it has
// none.
func renamedFromIndex(t reflect.Type) []int {
	t = derefType(t)
	if t.Kind() != reflect.Struct {
		return nil
	}
	// Keyed entities embed ropa.Keyed, which holds RenamedFrom.
	if sf, ok := t.FieldByName("RenamedFrom"); ok && sf.Type.Kind() == reflect.String {
		return sf.Index
	}
	return nil
}

// field is one json-visible field of a struct type.
type field struct {
	name      string // json name
	index     []int
	typ       reflect.Type
	embedded  bool // anonymous struct whose fields are promoted
	entityMap bool // a nested kind, compared on its own
	meta      bool // renamedFrom: pairs entities, never compared
}

var fieldCache sync.Map // reflect.Type -> []field

// fieldsOf lists the json-visible fields of struct type t in declaration
// order, skipping unexported fields and those tagged json:"-".
func fieldsOf(t reflect.Type) []field {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]field)
	}
	var fs []field
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		name, _, _ := cutComma(sf.Tag.Get("json"))
		if name == "-" {
			continue
		}
		if sf.Anonymous && name == "" && derefType(sf.Type).Kind() == reflect.Struct {
			fs = append(fs, field{index: sf.Index, typ: sf.Type, embedded: true})
			continue
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		fs = append(fs, field{name: name, index: sf.Index, typ: sf.Type, entityMap: isEntityMap(sf.Type),
			meta: name == renamedFromField})
	}
	fieldCache.Store(t, fs)
	return fs
}

func cutComma(tag string) (string, string, bool) {
	for i := 0; i < len(tag); i++ {
		if tag[i] == ',' {
			return tag[:i], tag[i+1:], true
		}
	}
	return tag, "", false
}
