package ropa

import (
	"encoding/json"
	"reflect"
	"strconv"
	"sync"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/cuecontext"
	"cuelang.org/go/cue/literal"
	"cuelang.org/go/cue/token"

	"github.com/ropa-dev/ropa/schema"
)

// Most models are plain data: fields whose values are literals. For those,
// the evaluated model is the user's literals, merged across files, plus the
// schema's defaults for the fields left out. plainJSON builds that directly
// from the syntax, which on a 5,000-activity model takes a tenth of the time
// and none of the memory of exporting the evaluated value (CUE orders every
// struct's fields to export it). CUE still validates the model; this only
// decodes it. Anything that is not plain data (references, expressions,
// comprehensions, embeddings, definitions, optional markers) makes
// plainJSON decline, and the caller exports the evaluated value instead.
// TestFastPathMatchesSlowPath holds the two paths to the same result.

// plainJSON returns the model's JSON from its syntax with schema defaults
// applied, or false when the files are not plain data. Top-level hidden
// fields (_contract: {...}) used as values, and `&` of plain values, count
// as plain data: that is how models share a lawful basis between
// activities.
func plainJSON(files []*ast.File) ([]byte, bool) {
	c := &plainConv{hidden: map[string]ast.Expr{}, done: map[string]any{}, busy: map[string]bool{}}
	var fields []*ast.Field
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.Package, *ast.CommentGroup, *ast.Attribute:
			case *ast.Field:
				if name, ok := hiddenName(d.Label); ok {
					if _, dup := c.hidden[name]; dup || d.Constraint != token.ILLEGAL {
						return nil, false
					}
					c.hidden[name] = d.Value
					continue
				}
				fields = append(fields, d)
			default:
				return nil, false
			}
		}
	}
	root := map[string]any{}
	for _, f := range fields {
		if !c.addField(root, f) {
			return nil, false
		}
	}
	applyDefaults(root, reflect.TypeOf(Model{}))
	data, err := json.Marshal(root)
	return data, err == nil
}

// hiddenName returns the name of a hidden field label (_name).
func hiddenName(l ast.Label) (string, bool) {
	if id, ok := l.(*ast.Ident); ok && len(id.Name) > 1 && id.Name[0] == '_' && id.Name[1] != '#' {
		return id.Name, true
	}
	return "", false
}

// plainConv converts plain-data syntax, resolving top-level hidden fields.
type plainConv struct {
	hidden map[string]ast.Expr
	done   map[string]any
	busy   map[string]bool
}

// addField merges one field into obj.
func (c *plainConv) addField(obj map[string]any, f *ast.Field) bool {
	if f.Constraint != token.ILLEGAL {
		return false // optional or required markers are schema, not data
	}
	if id, isIdent := f.Label.(*ast.Ident); isIdent && (id.Name[0] == '#' || id.Name[0] == '_') {
		return false
	}
	name, ok := labelName(f.Label)
	if !ok || name == "" {
		return false
	}
	v, ok := c.value(f.Value)
	if !ok {
		return false
	}
	return merge(obj, name, v)
}

// value converts a literal expression.
func (c *plainConv) value(x ast.Expr) (any, bool) {
	switch x := x.(type) {
	case *ast.StructLit:
		obj := map[string]any{}
		for _, e := range x.Elts {
			f, ok := e.(*ast.Field)
			if !ok {
				if _, isComment := e.(*ast.CommentGroup); isComment {
					continue
				}
				return nil, false
			}
			if !c.addField(obj, f) {
				return nil, false
			}
		}
		return obj, true
	case *ast.ListLit:
		list := make([]any, 0, len(x.Elts))
		for _, e := range x.Elts {
			v, ok := c.value(e)
			if !ok {
				return nil, false
			}
			list = append(list, v)
		}
		return list, true
	case *ast.BinaryExpr:
		if x.Op != token.AND {
			return nil, false
		}
		a, ok1 := c.value(x.X)
		b, ok2 := c.value(x.Y)
		if !ok1 || !ok2 {
			return nil, false
		}
		holder := map[string]any{"v": a}
		if !merge(holder, "v", b) {
			return nil, false
		}
		return holder["v"], true
	case *ast.ParenExpr:
		return c.value(x.X)
	case *ast.BasicLit:
		switch x.Kind {
		case token.STRING:
			s, err := literal.Unquote(x.Value)
			if err != nil {
				return nil, false
			}
			return s, true
		case token.INT:
			n, err := strconv.ParseInt(x.Value, 10, 64)
			if err != nil {
				return nil, false
			}
			return n, true
		case token.TRUE:
			return true, true
		case token.FALSE:
			return false, true
		}
	case *ast.Ident:
		switch x.Name {
		case "true":
			return true, true
		case "false":
			return false, true
		}
		return c.hiddenValue(x.Name)
	}
	return nil, false
}

// hiddenValue converts the value of a top-level hidden field, once; each
// use gets its own copy.
func (c *plainConv) hiddenValue(name string) (any, bool) {
	if v, ok := c.done[name]; ok {
		return deepCopy(v), true
	}
	expr, ok := c.hidden[name]
	if !ok || c.busy[name] {
		return nil, false
	}
	c.busy[name] = true
	v, ok := c.value(expr)
	c.busy[name] = false
	if !ok {
		return nil, false
	}
	c.done[name] = v
	return deepCopy(v), true
}

// merge sets obj[name] = v, unifying with a value already there as CUE
// would for data: structs merge field by field, equal scalars agree;
// anything else (two lists, different scalars) declines.
func merge(obj map[string]any, name string, v any) bool {
	old, exists := obj[name]
	if !exists {
		obj[name] = v
		return true
	}
	oldObj, ok1 := old.(map[string]any)
	newObj, ok2 := v.(map[string]any)
	if ok1 && ok2 {
		for k, nv := range newObj {
			if !merge(oldObj, k, nv) {
				return false
			}
		}
		return true
	}
	switch old.(type) {
	case string, bool, int64:
		return old == v
	}
	return false
}

// applyDefaults fills, in the JSON tree of a value of Go type t, the
// schema defaults of the fields the user left out, recursing into every
// nested struct, list and map by the Go types the tree decodes into.
func applyDefaults(v any, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return
		}
		for name, def := range schemaDefaults(t) {
			if _, set := obj[name]; !set {
				obj[name] = deepCopy(def)
			}
		}
		for _, f := range nestedFields(t) {
			if f.name == "" {
				applyDefaults(obj, f.t) // an embedded struct
			} else if child, ok := obj[f.name]; ok {
				applyDefaults(child, f.t)
			}
		}
	case reflect.Slice:
		if list, ok := v.([]any); ok {
			for _, e := range list {
				applyDefaults(e, t.Elem())
			}
		}
	case reflect.Map:
		if obj, ok := v.(map[string]any); ok {
			for _, e := range obj {
				applyDefaults(e, t.Elem())
			}
		}
	}
}

// nestedField is a struct field applyDefaults descends into: its JSON
// name ("" for an embedded struct) and its Go type.
type nestedField struct {
	name string
	t    reflect.Type
}

// nestedFieldsOf caches nestedFields by struct type.
var nestedFieldsOf sync.Map // reflect.Type -> []nestedField

// nestedFields returns the fields of struct type t that can hold a struct,
// and so schema defaults: applyDefaults visits every node of a model's
// tree, and reading each field's tag there was a quarter of its time.
func nestedFields(t reflect.Type) []nestedField {
	if fs, ok := nestedFieldsOf.Load(t); ok {
		return fs.([]nestedField)
	}
	var fs []nestedField
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		switch {
		case sf.Anonymous:
			fs = append(fs, nestedField{t: sf.Type})
		case holdsStruct(sf.Type):
			if name := jsonName(sf); name != "" {
				fs = append(fs, nestedField{name: name, t: sf.Type})
			}
		}
	}
	nestedFieldsOf.Store(t, fs)
	return fs
}

// holdsStruct reports whether a value of type t is or holds a struct.
func holdsStruct(t reflect.Type) bool {
	for {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			t = t.Elem()
		case reflect.Struct:
			return true
		default:
			return false
		}
	}
}

// jsonName is the JSON field name of a struct field, "" for json:"-".
func jsonName(sf reflect.StructField) string {
	tag := sf.Tag.Get("json")
	if tag == "-" || tag == "" {
		return ""
	}
	for i := 0; i < len(tag); i++ {
		if tag[i] == ',' {
			return tag[:i]
		}
	}
	return tag
}

var (
	defaultsOnce sync.Once
	defaultsByGo map[reflect.Type]map[string]any
)

// schemaDefaults returns the defaults of the CUE definition named like the
// Go type (#Activity for Activity): for each regular field with a concrete
// default, its JSON value.
func schemaDefaults(t reflect.Type) map[string]any {
	defaultsOnce.Do(func() {
		defaultsByGo = map[reflect.Type]map[string]any{}
		schemaRoot := cuecontext.New().CompileBytes(schema.Source, cue.Filename(schema.Filename))
		collectDefaults(schemaRoot, reflect.TypeOf(Model{}), map[reflect.Type]bool{})
	})
	return defaultsByGo[t]
}

func collectDefaults(schemaRoot cue.Value, t reflect.Type, seen map[reflect.Type]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return
	}
	seen[t] = true
	def := schemaRoot.LookupPath(cue.MakePath(cue.Def("#" + t.Name())))
	if def.Exists() {
		defaults := map[string]any{}
		if iter, err := def.Fields(); err == nil {
			for iter.Next() {
				// A default, or a value the schema fixes (schemaVersion).
				d, _ := iter.Value().Default()
				if d.Validate(cue.Concrete(true)) != nil {
					continue
				}
				data, err := d.MarshalJSON()
				if err != nil {
					continue
				}
				var val any
				if json.Unmarshal(data, &val) == nil {
					defaults[iter.Selector().Unquoted()] = normalise(val)
				}
			}
		}
		if len(defaults) > 0 {
			defaultsByGo[t] = defaults
		}
	}
	for i := 0; i < t.NumField(); i++ {
		collectDefaults(schemaRoot, t.Field(i).Type, seen)
	}
}

// normalise turns encoding/json's float64 numbers into int64 where whole,
// as plainValue produces them.
func normalise(v any) any {
	switch v := v.(type) {
	case float64:
		if v == float64(int64(v)) {
			return int64(v)
		}
	case map[string]any:
		for k, e := range v {
			v[k] = normalise(e)
		}
	case []any:
		for i, e := range v {
			v[i] = normalise(e)
		}
	}
	return v
}

// deepCopy copies a JSON tree, so a default inserted into one model is not
// shared with another.
func deepCopy(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}
