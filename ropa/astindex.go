package ropa

import (
	"strconv"
	"sync"

	"cuelang.org/go/cue/ast"
)

// astIndex answers, from the parsed files alone, where a field path is
// declared and in which order a struct's labels first appear. Reading the
// syntax is far cheaper than walking the evaluated value (which sorts every
// struct's fields), and it is where a person looks to fix a problem. It
// looks paths up lazily: a clean 5,000-activity model asks for a few hundred
// positions, not the 150,000 its fields would fill. Values computed by
// expressions keep the position of the nearest declared ancestor.
type astIndex struct {
	files []*ast.File

	mu     sync.Mutex
	fields map[*ast.StructLit]map[string][]*ast.Field // large structs, by label
}

func newASTIndex() *astIndex {
	return &astIndex{fields: map[*ast.StructLit]map[string][]*ast.Field{}}
}

// addFile adds one parsed file; files are searched in the order added.
func (x *astIndex) addFile(f *ast.File) { x.files = append(x.files, f) }

// positions returns the Positions of the files added.
func (x *astIndex) positions() Positions { return Positions{x: x, root: x.root()} }

// root is where findings about what the model lacks point: its
// schemaVersion field, else the start of its first file.
func (x *astIndex) root() Pos {
	if p, ok := x.lookup("schemaVersion"); ok {
		return p
	}
	if len(x.files) > 0 {
		return Pos{File: x.files[0].Filename, Line: 1, Col: 1}
	}
	return Pos{}
}

// order returns the labels of the struct at path, in the order the files
// first declare them.
func (x *astIndex) order(path string) []string {
	x.mu.Lock()
	defer x.mu.Unlock()
	cands := x.candidates(path)
	seen := map[string]bool{}
	var out []string
	for _, c := range cands {
		for _, f := range structFields(c) {
			if name, ok := labelName(f.Label); ok && !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	return out
}

// orders returns the source order of every keyed map of the model.
func (x *astIndex) orders() map[string][]string {
	out := map[string][]string{}
	for _, k := range Kinds {
		out[k.Path] = x.order(k.Path)
	}
	return out
}

// lookup returns the position that first declares path: a field's label,
// or a list element.
func (x *astIndex) lookup(path string) (Pos, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	var pos Pos
	found := false
	cands := x.tops()
	for _, seg := range splitPath(path) {
		var next []ast.Expr
		found = false
		if seg.isIndex {
			i := seg.index
			for _, c := range cands {
				for _, e := range expand(c) {
					if l, ok := e.(*ast.ListLit); ok && i < len(l.Elts) {
						if !found {
							pos, found = toPos(l.Elts[i].Pos()), true
						}
						next = append(next, l.Elts[i])
					}
				}
			}
		} else {
			for _, c := range cands {
				for _, f := range x.named(c, seg.name) {
					if !found {
						pos, found = toPos(f.Label.Pos()), true
					}
					next = append(next, f.Value)
				}
			}
		}
		if len(next) == 0 {
			return Pos{}, false
		}
		cands = next
	}
	return pos, found
}

// candidates returns every expression that declares path.
func (x *astIndex) candidates(path string) []ast.Expr {
	cands := x.tops()
	for _, seg := range splitPath(path) {
		var next []ast.Expr
		for _, c := range cands {
			for _, f := range x.named(c, seg.name) {
				next = append(next, f.Value)
			}
		}
		cands = next
	}
	return cands
}

// tops returns each file's declarations as a struct.
func (x *astIndex) tops() []ast.Expr {
	out := make([]ast.Expr, len(x.files))
	for i, f := range x.files {
		out[i] = &ast.StructLit{Elts: f.Decls}
	}
	return out
}

// named returns the fields labelled name in the structs e stands for,
// through a cached map for large structs.
func (x *astIndex) named(e ast.Expr, name string) []*ast.Field {
	var out []*ast.Field
	for _, v := range expand(e) {
		s, ok := v.(*ast.StructLit)
		if !ok {
			continue
		}
		if len(s.Elts) <= 16 {
			for _, f := range structFields(s) {
				if l, ok := labelName(f.Label); ok && l == name {
					out = append(out, f)
				}
			}
			continue
		}
		m, ok := x.fields[s]
		if !ok {
			m = map[string][]*ast.Field{}
			for _, f := range structFields(s) {
				if l, ok := labelName(f.Label); ok {
					m[l] = append(m[l], f)
				}
			}
			x.fields[s] = m
		}
		out = append(out, m[name]...)
	}
	return out
}

// expand returns the literal values an expression stands for: both sides of
// a & b, the inside of parentheses.
func expand(e ast.Expr) []ast.Expr {
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op.String() == "&" {
			return append(expand(e.X), expand(e.Y)...)
		}
	case *ast.ParenExpr:
		return expand(e.X)
	}
	return []ast.Expr{e}
}

// structFields returns the fields of a struct, including those of structs
// embedded in it.
func structFields(e ast.Expr) []*ast.Field {
	var out []*ast.Field
	for _, v := range expand(e) {
		s, ok := v.(*ast.StructLit)
		if !ok {
			continue
		}
		for _, d := range s.Elts {
			switch d := d.(type) {
			case *ast.Field:
				out = append(out, d)
			case *ast.EmbedDecl:
				out = append(out, structFields(d.Expr)...)
			}
		}
	}
	return out
}

// labelName returns the field name of an identifier or a quoted label.
func labelName(l ast.Label) (string, bool) {
	switch l := l.(type) {
	case *ast.Ident:
		return l.Name, true
	case *ast.BasicLit:
		s, err := strconv.Unquote(l.Value)
		if err != nil {
			return "", false
		}
		return s, true
	}
	return "", false
}
