package ropa

import (
	"fmt"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"

	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/literal"
	"cuelang.org/go/cue/token"
)

// CUE evaluates everything a package declares, and its evaluator has no
// cancellation: once started, a model runs until it is done. A record of
// processing is data (strings, lists of keys, a few shared values), so
// the constructs that make evaluation cost grow without bound are ones no
// real model needs. boundSyntax inspects the parsed files before anything
// is evaluated and either drops what cannot matter or refuses, at its
// position, what would cost more than a model can:
//
//   - Hidden fields (_x) and definitions (#X) that nothing refers to are
//     dropped. They take no part in the model's data, yet CUE evaluates
//     them: `_s1: _s0+_s0` ... `_s36: _s35+_s35` ran out of memory with
//     nothing using _s36. Dropping them changes no result.
//   - Imports are limited to standard-library packages that compute
//     values from values (allowedImports). Anything else cannot be loaded
//     (ropa reads one directory, not a module), and packages such as
//     encoding/yaml (alias expansion) or tool/* have no place in a model.
//   - Comprehensions nest at most maxForDepth `for` clauses deep: each
//     level multiplies the work (five levels over 32 values is 33 million
//     elements, over 90 seconds).
//   - list.Range needs constant bounds, and at most maxRangeLen elements;
//     strings.Repeat, list.Repeat and `*` by a number need a constant
//     count, at most maxRepeatCount: a repetition makes its whole result
//     in one allocation, too fast for a memory watchdog to stop.
//
// What a static look cannot bound (a string doubled through fields the
// model does use, a comprehension over a large computed list) is left to
// the time and memory limits the CLI applies around evaluation.
const (
	maxForDepth    = 3
	maxRangeLen    = 100_000
	maxRepeatCount = 10_000
	maxRepeatBytes = 1 << 20
)

// allowedImports are the standard-library packages a model may import.
var allowedImports = []string{"list", "math", "net", "path", "regexp", "strconv", "strings", "struct", "time"}

func importAllowed(p string) bool {
	i := sort.SearchStrings(allowedImports, p)
	return i < len(allowedImports) && allowedImports[i] == p
}

// boundSyntax prunes unreferenced hidden fields and definitions from the
// files in place, and returns a diagnostic for each construct it refuses.
// A refused import is a problem with the model (ErrInvalid); anything else
// refused is a resource limit (ErrResource).
func boundSyntax(files []*ast.File) (diags []Diagnostic, kind ErrorKind) {
	kind = ErrInvalid
	imported := 0 // refused imports, counted apart from resource limits
	for _, f := range files {
		imports := map[string]string{} // local name -> import path
		for spec := range f.ImportSpecs() {
			p, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				continue
			}
			name := path.Base(p)
			if i := strings.LastIndexByte(name, ':'); i >= 0 {
				name = name[i+1:]
			}
			if spec.Name != nil {
				name = spec.Name.Name
			}
			imports[name] = p
			if !importAllowed(p) {
				diags = append(diags, Diagnostic{Pos: toPos(spec.Path.Pos()),
					Message: fmt.Sprintf("package %q cannot be imported: a model may import only the CUE standard library packages %s",
						p, strings.Join(allowedImports, ", ")),
					Hint: "a model is one directory of plain CUE; write the values out, or compute them with one of those packages"})
				imported++
			}
		}
		consts := constants(f)
		var forStack []int
		depth := 0
		ast.Walk(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Comprehension:
				fors := 0
				for _, c := range n.Clauses {
					if _, ok := c.(*ast.ForClause); ok {
						fors++
					}
				}
				forStack = append(forStack, fors)
				depth += fors
				if depth > maxForDepth && fors > 0 && depth-fors <= maxForDepth {
					diags = append(diags, resourceDiag(n.Pos(),
						fmt.Sprintf("comprehensions nest %d `for` clauses deep here, more than the %d ropa evaluates", depth, maxForDepth),
						"each nested `for` multiplies the work by the length of its list; write the values out, or loop over fewer levels"))
				}
			case *ast.CallExpr:
				if d, ok := checkCall(n, imports, consts); !ok {
					diags = append(diags, d)
				}
			case *ast.BinaryExpr:
				if n.Op == token.MUL {
					if d, ok := checkRepeatOp(n, consts); !ok {
						diags = append(diags, d)
					}
				}
			}
			return true
		}, func(n ast.Node) {
			if _, ok := n.(*ast.Comprehension); ok {
				depth -= forStack[len(forStack)-1]
				forStack = forStack[:len(forStack)-1]
			}
		})
	}
	if len(diags) > imported {
		kind = ErrResource
	}
	if len(diags) == 0 {
		pruneUnreferenced(files)
	}
	return diags, kind
}

func resourceDiag(p token.Pos, msg, hint string) Diagnostic {
	return Diagnostic{Pos: toPos(p), Message: msg, Hint: hint}
}

// checkCall bounds list.Range, strings.Repeat and list.Repeat.
func checkCall(call *ast.CallExpr, imports map[string]string, consts map[string]float64) (Diagnostic, bool) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return Diagnostic{}, true
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return Diagnostic{}, true
	}
	name, ok := sel.Sel.(*ast.Ident)
	if !ok {
		return Diagnostic{}, true
	}
	fn := imports[pkg.Name] + "." + name.Name
	switch fn {
	case "list.Range":
		if len(call.Args) != 3 {
			return Diagnostic{}, true
		}
		var v [3]float64
		for i, a := range call.Args {
			x, ok := constNumber(a, consts)
			if !ok {
				return resourceDiag(call.Pos(), "list.Range needs constant bounds here: ropa cannot tell how long the list would be",
					"write the start, end and step as numbers"), false
			}
			v[i] = x
		}
		if v[2] != 0 {
			if n := (v[1] - v[0]) / v[2]; n > maxRangeLen {
				return resourceDiag(call.Pos(), fmt.Sprintf("list.Range makes %.0f elements, more than the %d ropa evaluates", math.Ceil(n), maxRangeLen),
					"a model lists its entities; use a shorter range"), false
			}
		}
	case "strings.Repeat", "list.Repeat":
		if len(call.Args) != 2 {
			return Diagnostic{}, true
		}
		return checkRepeat(call.Pos(), fn, call.Args[0], call.Args[1], consts)
	}
	return Diagnostic{}, true
}

// checkRepeatOp bounds `x * n`, which repeats x when it is a string, bytes
// or a list: a number literal on one side is the count.
func checkRepeatOp(b *ast.BinaryExpr, consts map[string]float64) (Diagnostic, bool) {
	_, xNum := constNumber(b.X, consts)
	_, yNum := constNumber(b.Y, consts)
	switch {
	case xNum && yNum:
		return Diagnostic{}, true // arithmetic
	case yNum:
		return checkRepeat(b.Pos(), "*", b.X, b.Y, consts)
	case xNum:
		return checkRepeat(b.Pos(), "*", b.Y, b.X, consts)
	}
	if isTextOrList(b.X) || isTextOrList(b.Y) {
		return resourceDiag(b.Pos(), "a string or list is repeated by a count ropa cannot know before evaluating",
			"write the count as a number"), false
	}
	return Diagnostic{}, true // two computed operands: left to the evaluation limits
}

// checkRepeat bounds one repetition of operand, count times.
func checkRepeat(p token.Pos, fn string, operand, count ast.Expr, consts map[string]float64) (Diagnostic, bool) {
	n, ok := constNumber(count, consts)
	if !ok {
		return resourceDiag(p, fmt.Sprintf("%s repeats by a count ropa cannot know before evaluating", fn),
			"write the count as a number"), false
	}
	if fn == "*" && !isTextOrList(operand) && n <= maxRepeatCount {
		return Diagnostic{}, true // most likely arithmetic; small either way
	}
	size := 1.0
	if lit, ok := operand.(*ast.BasicLit); ok && lit.Kind == token.STRING {
		if s, err := literal.Unquote(lit.Value); err == nil {
			size = float64(max(len(s), 1))
		}
	} else if l, ok := operand.(*ast.ListLit); ok {
		size = float64(max(len(l.Elts), 1))
	} else if n > maxRepeatCount {
		return resourceDiag(p, fmt.Sprintf("%s repeats a computed value %.0f times, more than the %d ropa allows", fn, n, maxRepeatCount),
			"write the value out, or repeat it fewer times"), false
	}
	if n > maxRepeatCount || n*size > maxRepeatBytes {
		return resourceDiag(p, fmt.Sprintf("%s repeats a value %.0f times, more than ropa evaluates (at most %d times, %d bytes or elements)",
			fn, n, maxRepeatCount, maxRepeatBytes), "write the value out, or repeat it fewer times"), false
	}
	return Diagnostic{}, true
}

// isTextOrList reports whether an expression is a string, bytes or list
// literal, or an interpolation.
func isTextOrList(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.BasicLit:
		return x.Kind == token.STRING
	case *ast.ListLit, *ast.Interpolation:
		return true
	case *ast.ParenExpr:
		return isTextOrList(x.X)
	}
	return false
}

// constants maps the names of fields whose value is a number literal, at
// any depth, to the number: a count written `_n: 1000000` and used as
// `x * _n` is as constant as the literal.
func constants(f *ast.File) map[string]float64 {
	out := map[string]float64{}
	ast.Walk(f, func(n ast.Node) bool {
		if fd, ok := n.(*ast.Field); ok {
			if name, ok := labelName(fd.Label); ok {
				if v, ok := constNumber(fd.Value, nil); ok {
					if old, dup := out[name]; !dup || v > old {
						out[name] = v // keep the largest of fields named alike
					}
				}
			}
		}
		return true
	}, nil)
	return out
}

// constNumber evaluates a number literal, possibly negated, parenthesised,
// or combined with + - * /, or an identifier in consts.
func constNumber(x ast.Expr, consts map[string]float64) (float64, bool) {
	switch x := x.(type) {
	case *ast.BasicLit:
		if x.Kind != token.INT && x.Kind != token.FLOAT {
			return 0, false
		}
		var info literal.NumInfo
		if literal.ParseNum(x.Value, &info) != nil {
			return 0, false
		}
		v, err := strconv.ParseFloat(info.String(), 64)
		return v, err == nil
	case *ast.ParenExpr:
		return constNumber(x.X, consts)
	case *ast.UnaryExpr:
		v, ok := constNumber(x.X, consts)
		switch x.Op {
		case token.SUB:
			return -v, ok
		case token.ADD:
			return v, ok
		}
	case *ast.BinaryExpr:
		a, ok1 := constNumber(x.X, consts)
		b, ok2 := constNumber(x.Y, consts)
		if !ok1 || !ok2 {
			return 0, false
		}
		switch x.Op {
		case token.ADD:
			return a + b, true
		case token.SUB:
			return a - b, true
		case token.MUL:
			return a * b, true
		case token.QUO:
			if b != 0 {
				return a / b, true
			}
		}
	case *ast.Ident:
		v, ok := consts[x.Name]
		return v, ok
	}
	return 0, false
}

// declName returns the name of a hidden field (_x, _#x) or a definition
// (#X).
func declName(l ast.Label) (string, bool) {
	id, ok := l.(*ast.Ident)
	if !ok || len(id.Name) < 2 {
		return "", false
	}
	if id.Name[0] == '_' || id.Name[0] == '#' {
		return id.Name, true
	}
	return "", false
}

// pruneUnreferenced removes, in place, the hidden fields and definitions
// no live part of the package names. Names are matched without regard to
// scope, so a field is kept whenever anything could refer to it: the
// pruning only ever drops what cannot be used.
func pruneUnreferenced(files []*ast.File) {
	decls := map[string][]*ast.Field{} // hidden fields and definitions, by name
	live := map[string]bool{}
	var queue []ast.Node
	var visit func(n ast.Node)
	visit = func(root ast.Node) {
		ast.Walk(root, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Field:
				if name, ok := declName(n.Label); ok {
					decls[name] = append(decls[name], n)
					if live[name] {
						queue = append(queue, n.Value)
					}
					return false // visited only once referenced
				}
				switch n.Label.(type) {
				case *ast.Ident, *ast.BasicLit:
				default:
					visit(n.Label) // a pattern or dynamic label is an expression
				}
				if n.Value != nil {
					visit(n.Value)
				}
				return false
			case *ast.ImportSpec, *ast.Package:
				return false
			case *ast.Ident:
				if !live[n.Name] {
					live[n.Name] = true
					for _, d := range decls[n.Name] {
						queue = append(queue, d.Value)
					}
				}
			}
			return true
		}, nil)
	}
	for _, f := range files {
		visit(f)
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		visit(n)
	}
	keep := func(d ast.Decl) bool {
		f, ok := d.(*ast.Field)
		if !ok {
			return true
		}
		name, ok := declName(f.Label)
		return !ok || live[name]
	}
	for _, f := range files {
		ast.Walk(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.File:
				n.Decls = filterDecls(n.Decls, keep)
			case *ast.StructLit:
				n.Elts = filterDecls(n.Elts, keep)
			}
			return true
		}, nil)
	}
}

func filterDecls(ds []ast.Decl, keep func(ast.Decl) bool) []ast.Decl {
	out := ds[:0]
	for _, d := range ds {
		if keep(d) {
			out = append(out, d)
		}
	}
	return out
}
