package ropa

import (
	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/build"
	"cuelang.org/go/cue/cuecontext"
	"cuelang.org/go/cue/parser"
	"cuelang.org/go/cue/token"

	"github.com/ropa-dev/ropa/schema"
)

// slowPathOnly makes LoadFiles skip the fast path, and exportOnly makes
// the fast path export the evaluated value rather than read plain data from
// the syntax; tests compare the paths.
var slowPathOnly, exportOnly bool

// modelField is the field of the merged file that holds the model.
const modelField = "ropa__model"

// loadValid is the fast path for a valid model: the user's declarations are
// evaluated once, inside `#Model & { ... }` in one file with the schema,
// instead of evaluating the user's package and then unifying it with the
// schema, which evaluates every value twice and holds both graphs. It
// returns nil whenever it cannot load the model cleanly (a problem, an
// import it cannot merge, a reference across files it cannot place), and
// LoadFiles then takes the path that reports every problem.
func loadValid(files []*ast.File, index *astIndex) *Model {
	if slowPathOnly {
		return nil
	}
	merged, ok := mergeWithSchema(files)
	if !ok {
		return nil
	}
	ctx := cuecontext.New()
	inst := build.NewContext().NewInstance("", nil)
	if err := inst.AddSyntax(merged); err != nil {
		return nil
	}
	root := ctx.BuildInstance(inst)
	if root.Err() != nil {
		return nil
	}
	v := root.LookupPath(cue.MakePath(cue.Str(modelField)))
	if v.Validate(cue.Concrete(true)) != nil {
		return nil
	}
	var data []byte
	if plain, ok := plainJSON(files); ok && !exportOnly {
		data = plain
	}
	m, err := decode(v, data, index)
	if err != nil {
		return nil
	}
	return m
}

// mergeWithSchema builds one file, taking the declarations out of the
// given syntax trees: the schema's declarations, the user's
// imports, and `ropa__model: #Model & { every user declaration }`.
func mergeWithSchema(files []*ast.File) (*ast.File, bool) {
	merged, err := parser.ParseFile(schema.Filename, schema.Source)
	if err != nil {
		return nil, false
	}
	var decls, imports []ast.Decl
	seen := map[string]string{} // import name -> path
	for _, syn := range files {
		for _, d := range syn.Decls {
			switch d := d.(type) {
			case *ast.Package, *ast.CommentGroup, *ast.Attribute:
			case *ast.ImportDecl:
				var specs []*ast.ImportSpec
				for _, spec := range d.Specs {
					name := spec.Path.Value
					if spec.Name != nil {
						name = spec.Name.Name
					}
					if p, dup := seen[name]; dup {
						if p != spec.Path.Value {
							return nil, false // two files import different packages under one name
						}
						continue // the same import in another file
					}
					seen[name] = spec.Path.Value
					specs = append(specs, spec)
				}
				if len(specs) > 0 {
					imports = append(imports, &ast.ImportDecl{Specs: specs})
				}
			default:
				decls = append(decls, d)
			}
		}
	}
	var out []ast.Decl
	for _, d := range merged.Decls {
		if _, ok := d.(*ast.Package); ok {
			out = append(out, d)
		}
	}
	out = append(out, imports...)
	for _, d := range merged.Decls {
		if _, ok := d.(*ast.Package); !ok {
			out = append(out, d)
		}
	}
	out = append(out, &ast.Field{
		Label: ast.NewIdent(modelField),
		Value: ast.NewBinExpr(token.AND, ast.NewIdent("#Model"), &ast.StructLit{Elts: decls}),
	})
	merged.Decls = out
	return merged, true
}
