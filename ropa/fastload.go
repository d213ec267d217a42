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
	// The plain data is read and decoded into a Model from the syntax while
	// CUE evaluates the merged file: the two share nothing but the syntax
	// trees, which plainJSON and the index only read (CUE's resolver writes
	// only identifiers' Node and Scope, which neither reads), so loading
	// takes the time of evaluation alone on a machine with a second core.
	// The Model is used only if CUE then finds the model valid.
	early := make(chan plainResult, 1)
	if exportOnly {
		early <- plainResult{}
	} else {
		go func() { early <- decodePlain(files, index) }()
	}
	v, valid := evaluate(merged)
	plain := <-early // waited for even when invalid: no work outlives Load
	if !valid {
		return nil
	}
	if plain.plain {
		return plain.m // nil when the model's references do not resolve
	}
	m, err := decode(v, nil, index)
	if err != nil {
		return nil
	}
	return m
}

// plainResult is what decodePlain makes of the syntax: whether it is plain
// data, and if so the Model it decodes to, nil when that fails.
type plainResult struct {
	plain bool
	m     *Model
}

// decodePlain builds the model's JSON from plain-data syntax (plainJSON)
// and decodes it.
func decodePlain(files []*ast.File, index *astIndex) (r plainResult) {
	defer func() {
		// Never a panic from a goroutine, which no caller could recover:
		// loadValid then takes the slower route that exports the value.
		if recover() != nil {
			r = plainResult{}
		}
	}()
	data, ok := plainJSON(files)
	if !ok {
		return plainResult{}
	}
	m, err := decode(cue.Value{}, data, index)
	if err != nil {
		return plainResult{plain: true}
	}
	return plainResult{plain: true, m: m}
}

// evaluate builds the merged file and validates the model in it, returning
// the model's value and whether it is valid and concrete.
func evaluate(merged *ast.File) (cue.Value, bool) {
	ctx := cuecontext.New()
	inst := build.NewContext().NewInstance("", nil)
	if err := inst.AddSyntax(merged); err != nil {
		return cue.Value{}, false
	}
	root := ctx.BuildInstance(inst)
	if root.Err() != nil {
		return cue.Value{}, false
	}
	v := root.LookupPath(cue.MakePath(cue.Str(modelField)))
	if v.Validate(cue.Concrete(true)) != nil {
		return cue.Value{}, false
	}
	return v, true
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
