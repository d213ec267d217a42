package ropa

import (
	"strconv"

	"cuelang.org/go/cue/ast"
)

// astIndex records, from the parsed files alone, where each field path is
// declared and the order in which each struct's labels first appear.
// Reading the syntax is far cheaper than walking the evaluated value (which
// sorts every struct's fields), and it is where a person looks to fix a
// problem. Values computed by expressions keep the position of the nearest
// declared ancestor.
type astIndex struct {
	positions Positions
	order     map[string][]string
}

func newASTIndex() *astIndex {
	return &astIndex{positions: Positions{}, order: map[string][]string{}}
}

// addFile indexes one parsed file.
func (x *astIndex) addFile(f *ast.File) {
	if _, ok := x.positions[""]; !ok {
		x.positions[""] = Pos{File: f.Filename, Line: 1, Col: 1}
	}
	x.decls("", f.Decls)
}

func (x *astIndex) decls(path string, decls []ast.Decl) {
	for _, d := range decls {
		switch d := d.(type) {
		case *ast.Field:
			x.field(path, d)
		case *ast.EmbedDecl:
			if s, ok := d.Expr.(*ast.StructLit); ok {
				x.decls(path, s.Elts)
			}
		}
	}
}

func (x *astIndex) field(parent string, f *ast.Field) {
	name, ok := labelName(f.Label)
	if !ok {
		return
	}
	path := name
	if parent != "" {
		path = parent + "." + name
	}
	if _, seen := x.positions[path]; !seen {
		x.positions[path] = toPos(f.Label.Pos())
		x.order[parent] = append(x.order[parent], name)
	}
	x.value(path, f.Value)
}

func (x *astIndex) value(path string, v ast.Expr) {
	switch v := v.(type) {
	case *ast.StructLit:
		x.decls(path, v.Elts)
	case *ast.ListLit:
		for i, e := range v.Elts {
			p := path + "[" + strconv.Itoa(i) + "]"
			if _, seen := x.positions[p]; !seen {
				x.positions[p] = toPos(e.Pos())
			}
			x.value(p, e)
		}
	case *ast.BinaryExpr:
		// a & b: both sides declare parts of the same value.
		if v.Op.String() == "&" {
			x.value(path, v.X)
			x.value(path, v.Y)
		}
	}
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
