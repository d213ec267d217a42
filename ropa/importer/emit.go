package importer

import (
	"reflect"
	"sort"
	"strings"

	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/format"
	"cuelang.org/go/cue/token"
)

// emitter writes model values as CUE syntax, leaving out every field the
// sheet did not give (zero values), so that nothing absent from the sheet
// appears in the model.
type emitter struct {
	comments map[string][]string
	order    map[string][]string
	// placed records the comment paths written, so that none is lost.
	placed map[string]bool
}

// alwaysFields are written even when false or empty: the schema requires
// them.
var alwaysFields = map[string]bool{
	"decisions": true, "profiling": true, "required": true, "adheres": true,
	"audiences": true, "lawfulBases": true,
}

// defaultTrue are booleans whose schema default is true: written only when
// false.
var defaultTrue = map[string]bool{"designated": true, "covered": true}

func (e *emitter) commentGroup(path string) *ast.CommentGroup {
	ls := e.comments[path]
	if len(ls) == 0 {
		return nil
	}
	e.placed[path] = true
	cg := &ast.CommentGroup{Doc: true}
	for _, l := range ls {
		cg.List = append(cg.List, &ast.Comment{Text: "// " + l})
	}
	return cg
}

// label makes a field label, quoted when the key is not an identifier.
func label(k string) ast.Label {
	switch k {
	case "if", "for", "in", "let", "true", "false", "null", "import", "package", "func":
		return ast.NewString(k)
	}
	if ast.IsValidIdent(k) && !strings.ContainsAny(k, "-#$") {
		return ast.NewIdent(k)
	}
	return ast.NewString(k)
}

// field makes a field on its own line, with the comments of path above it.
func (e *emitter) field(path, name string, v ast.Expr) *ast.Field {
	f := &ast.Field{Label: label(name), Value: v}
	ast.SetRelPos(f, token.Newline)
	if cg := e.commentGroup(path); cg != nil {
		ast.AddComment(f, cg)
	}
	return f
}

// structOf writes a Go struct as a CUE struct.
func (e *emitter) structOf(path string, v reflect.Value) *ast.StructLit {
	s := &ast.StructLit{Lbrace: token.NoSpace.Pos(), Rbrace: token.Newline.Pos()}
	e.fields(s, path, v)
	if len(s.Elts) == 0 {
		s.Rbrace = token.NoPos
	}
	return s
}

func (e *emitter) fields(s *ast.StructLit, path string, v reflect.Value) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		if sf.Anonymous {
			e.fields(s, path, v.Field(i))
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "-" || name == "" {
			continue
		}
		p := join(path, name)
		x := e.value(p, name, v.Field(i))
		if x == nil {
			if cg := e.commentGroup(p); cg != nil {
				ast.SetRelPos(cg, token.Newline)
				s.Elts = append(s.Elts, cg)
			}
			continue
		}
		s.Elts = append(s.Elts, e.field(p, name, x))
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// value writes one value, or returns nil to leave the field out.
func (e *emitter) value(path, name string, v reflect.Value) ast.Expr {
	switch v.Kind() {
	case reflect.String:
		if v.String() == "" {
			return nil
		}
		return ast.NewString(v.String())
	case reflect.Bool:
		b := v.Bool()
		switch {
		case defaultTrue[name]:
			if b {
				return nil
			}
		case !b && !alwaysFields[name]:
			return nil
		}
		return ast.NewBool(b)
	case reflect.Int:
		if v.Int() == 0 {
			return nil
		}
		return ast.NewLit(token.INT, strings.TrimSpace(itoa(int(v.Int()))))
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return e.value(path, name, v.Elem())
	case reflect.Struct:
		return e.structOf(path, v)
	case reflect.Slice:
		if v.Len() == 0 && !alwaysFields[name] {
			return nil
		}
		l := &ast.ListLit{}
		multi := v.Type().Elem().Kind() != reflect.String || listWidth(v) > 70
		for i := 0; i < v.Len(); i++ {
			x := e.value(path, "", v.Index(i))
			if x == nil {
				if v.Index(i).Kind() == reflect.Struct {
					x = &ast.StructLit{}
				} else {
					x = ast.NewString("")
				}
			}
			if multi {
				ast.SetRelPos(x, token.Newline)
			}
			l.Elts = append(l.Elts, x)
		}
		if multi && len(l.Elts) > 0 {
			l.Rbrack = token.Newline.Pos()
		}
		return l
	case reflect.Map:
		if v.Len() == 0 {
			return nil
		}
		return e.mapOf(path, v)
	}
	return nil
}

func listWidth(v reflect.Value) int {
	n := 0
	for i := 0; i < v.Len(); i++ {
		n += len(v.Index(i).String()) + 4
	}
	return n
}

// mapOf writes a map of entities in the order the sheet named them.
func (e *emitter) mapOf(path string, v reflect.Value) *ast.StructLit {
	keys := e.order[path]
	if len(keys) == 0 {
		for _, k := range v.MapKeys() {
			keys = append(keys, k.String())
		}
		sort.Strings(keys)
	}
	s := &ast.StructLit{Lbrace: token.NoSpace.Pos(), Rbrace: token.Newline.Pos()}
	for _, k := range keys {
		ev := v.MapIndex(reflect.ValueOf(k))
		if !ev.IsValid() {
			continue
		}
		p := join(path, k)
		x := e.value(p, "", ev)
		if x == nil {
			x = &ast.StructLit{}
		}
		s.Elts = append(s.Elts, e.field(p, k, x))
	}
	return s
}

// file formats a CUE file: a header comment, the package clause, then the
// given top-level fields.
func (e *emitter) file(pkg string, head []string, fields []ast.Decl) ([]byte, error) {
	f := &ast.File{}
	pc := &ast.Package{Name: ast.NewIdent(pkg)}
	if len(head) > 0 {
		cg := &ast.CommentGroup{Doc: true}
		for _, l := range head {
			cg.List = append(cg.List, &ast.Comment{Text: strings.TrimRight("// "+l, " ")})
		}
		ast.AddComment(pc, cg)
	}
	f.Decls = append(f.Decls, pc)
	for i, d := range fields {
		if i > 0 {
			ast.SetRelPos(d, token.NewSection)
		} else {
			ast.SetRelPos(d, token.NewSection)
		}
		f.Decls = append(f.Decls, d)
	}
	return format.Node(f, format.Simplify())
}

// top writes a top-level field of the model, with its comments.
func (e *emitter) top(name string, v any) ast.Decl {
	x := e.value(name, name, reflect.ValueOf(v))
	if x == nil {
		x = &ast.StructLit{}
	}
	return e.field(name, name, x)
}
