package ropa

import (
	"reflect"
	"slices"
	"sort"
	"strings"

	"cuelang.org/go/cue"
)

// Keyed is what every keyed entity of the model has: the key the model
// gives it and, when it was renamed since the previous version, the key it
// had then, so that ropa diff pairs the two.
type Keyed struct {
	// Key is the entity's key in its map, set when the model is loaded.
	Key string `json:"-"`
	// RenamedFrom is the key the entity had in the previous version; empty
	// when it was not renamed.
	RenamedFrom string `json:"renamedFrom,omitempty"`
	// Unconfirmed marks the entity, or some of its fields, as assumed
	// rather than confirmed; nil when the model does not mark it.
	Unconfirmed *Unconfirmed `json:"unconfirmed,omitempty"`
}

// keyed gives generic code the entity's Keyed.
func (k *Keyed) keyed() *Keyed { return k }

// Entity is a keyed entity of the model: a *Notice, *Activity, ...
type Entity interface{ keyed() *Keyed }

// Kind is one kind of keyed entity: a map of the model from key to entity.
// Kinds is the one table that loading, resolution, positions, source
// order, error explanations, the diff, the export and the lint usage rules
// are driven from, so that a new kind is one entry here (with its schema
// definition and its model type).
type Kind struct {
	// Path is the model path of the map: "activities",
	// "controller.jointControllers".
	Path string
	// Name is the kind's singular name as ropa diff prints it: "activity",
	// "joint-controller".
	Name string
	// Noun names one entity in messages: "activity", "retention rule".
	Noun string
	// Def is the schema definition of one entity: "#Activity".
	Def string
	// UsedBy says what refers to entities of the kind, for the linter's
	// unused-<Name> rule, and Example shows such a reference in CUE; an
	// empty UsedBy means the kind has no such rule.
	UsedBy, Example string

	ops kindOps
}

// kindOps are the typed operations on one kind's map.
type kindOps interface {
	// prepare completes the source order of the map, sets each entity's
	// key and checks its renames.
	prepare(r *resolver, path string)
	// decodeLenient decodes each entity of the user's value on its own.
	decodeLenient(user cue.Value, m *Model, path string)
	// keys returns the keys of the map, sorted.
	keys(m *Model) []string
	// get returns the Keyed of the entity with the given key.
	get(m *Model, key string) (*Keyed, bool)
	// fieldNames returns the model's names of the entity's fields.
	fieldNames() []string
}

// Kinds are the keyed kinds of the model, in the order the model declares
// them.
var Kinds = []Kind{
	mapKind(Kind{Path: "notices", Name: "notice", Noun: "notice", Def: "#Notice",
		UsedBy: "activity or cookie (in its audiences)", Example: `activities: rent: audiences: ["tenants", "staff"]`},
		func(m *Model) *map[string]*Notice { return &m.Notices }),
	mapKind(Kind{Path: "subjects", Name: "subject", Noun: "subject", Def: "#Subject",
		UsedBy: "activity", Example: `activities: rent: subjects: ["tenants", "guarantors"]`},
		func(m *Model) *map[string]*Subject { return &m.Subjects }),
	mapKind(Kind{Path: "categories", Name: "category", Noun: "category", Def: "#Category",
		UsedBy: "activity", Example: `activities: rent: categories: ["identity", "financial"]`},
		func(m *Model) *map[string]*Category { return &m.Categories }),
	mapKind(Kind{Path: "sources", Name: "source", Noun: "source", Def: "#Source",
		UsedBy: "activity", Example: `activities: rent: sources: ["you", "council"]`},
		func(m *Model) *map[string]*Source { return &m.Sources }),
	mapKind(Kind{Path: "recipients", Name: "recipient", Noun: "recipient", Def: "#Recipient",
		UsedBy: "activity, source, transfer, scheme, system or recipient (as a sub-processor)", Example: `activities: rent: recipients: ["repairs", "council"]`},
		func(m *Model) *map[string]*Recipient { return &m.Recipients }),
	mapKind(Kind{Path: "transfers", Name: "transfer", Noun: "transfer", Def: "#Transfer",
		UsedBy: "activity or processor record", Example: `activities: rent: transfers: ["surveys"]`},
		func(m *Model) *map[string]*Transfer { return &m.Transfers }),
	mapKind(Kind{Path: "retention", Name: "retention", Noun: "retention rule", Def: "#Retention",
		UsedBy: "activity or category", Example: `categories: identity: retention: ["tenancy", "complaints"]`},
		func(m *Model) *map[string]*Retention { return &m.Retention }),
	mapKind(Kind{Path: "schemes", Name: "scheme", Noun: "scheme", Def: "#Scheme",
		UsedBy: "activity", Example: `activities: rent: schemes: ["rental-exchange"]`},
		func(m *Model) *map[string]*Scheme { return &m.Schemes }),
	mapKind(Kind{Path: "systems", Name: "system", Noun: "system", Def: "#System",
		UsedBy: "activity", Example: `activities: rent: systems: ["housing"]`},
		func(m *Model) *map[string]*System { return &m.Systems }),
	mapKind(Kind{Path: "laws", Name: "law", Noun: "law", Def: "#Law",
		UsedBy: "lawful basis or exemption", Example: `activities: rent: lawfulBases: [{basis: "contract", laws: ["spare"]}]`},
		func(m *Model) *map[string]*Law { return &m.Laws }),
	mapKind(Kind{Path: "activities", Name: "activity", Noun: "activity", Def: "#Activity"},
		func(m *Model) *map[string]*Activity { return &m.Activities }),
	mapKind(Kind{Path: "cookies", Name: "cookie", Noun: "cookie", Def: "#Cookie"},
		func(m *Model) *map[string]*Cookie { return &m.Cookies }),
	mapKind(Kind{Path: "processorRecords", Name: "processor-record", Noun: "processor record", Def: "#ProcessorRecord"},
		func(m *Model) *map[string]*ProcessorRecord { return &m.ProcessorRecords }),
	mapKind(Kind{Path: "controller.jointControllers", Name: "joint-controller", Noun: "joint controller", Def: "#JointController"},
		func(m *Model) *map[string]*JointController { return &m.Controller.JointControllers }),
}

// Keyed returns the Keyed of the entity with the given key in the kind's
// map in m, and whether there is one.
func (k Kind) Keyed(m *Model, key string) (*Keyed, bool) { return k.ops.get(m, key) }

// HasField reports whether entities of the kind have a field of that
// name in the model ("owner", "lawfulBases").
func (k Kind) HasField(name string) bool { return slices.Contains(k.ops.fieldNames(), name) }

// KindAt returns the kind whose map is at path.
func KindAt(path string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Path == path {
			return k, true
		}
	}
	return Kind{}, false
}

// Keys returns the keys of the kind's map in m, sorted.
func (k Kind) Keys(m *Model) []string { return k.ops.keys(m) }

// mapKind attaches to k the operations on the map field returns.
func mapKind[T any, P interface {
	*T
	Entity
}](k Kind, field func(*Model) *map[string]*T) Kind {
	k.ops = mapOps[T, P]{field: field}
	return k
}

// mapOps implements kindOps for a map of *T.
type mapOps[T any, P interface {
	*T
	Entity
}] struct {
	field func(*Model) *map[string]*T
}

func (o mapOps[T, P]) prepare(r *resolver, path string) {
	entities := *o.field(r.m)
	completeOrder(r.m, path, entities)
	for k, e := range entities {
		if e != nil {
			P(e).keyed().Key = k
		}
	}
	checkRenames(r, path, entities, func(e *T) string {
		if e == nil {
			return ""
		}
		return P(e).keyed().RenamedFrom
	})
}

func (o mapOps[T, P]) decodeLenient(user cue.Value, m *Model, path string) {
	*o.field(m) = decodeEach[T](user, path)
}

func (o mapOps[T, P]) keys(m *Model) []string {
	entities := *o.field(m)
	out := make([]string, 0, len(entities))
	for k := range entities {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (o mapOps[T, P]) get(m *Model, key string) (*Keyed, bool) {
	e := (*o.field(m))[key]
	if e == nil {
		return nil, false
	}
	return P(e).keyed(), true
}

func (o mapOps[T, P]) fieldNames() []string { return FieldNames(reflect.TypeFor[T]()) }

// FieldNames returns the model's names of the fields of the struct type t
// (their JSON names), those of embedded structs included.
func FieldNames(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			out = append(out, FieldNames(f.Type)...)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" && name != "-" && f.IsExported() {
			out = append(out, name)
		}
	}
	return out
}
