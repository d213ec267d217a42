package ropa

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"cuelang.org/go/cue/ast"
	cuejson "cuelang.org/go/encoding/json"
	cueyaml "cuelang.org/go/encoding/yaml"

	"cuelang.org/go/cue/parser"
)

// A model is one CUE package, and may also hold its data in YAML or JSON
// files beside (or instead of) the .cue files: a DPO who edits YAML for
// the website can write the record in YAML. Data files are read as the
// CUE data they hold, keep their own file:line:col, join the package of
// the .cue files, and are validated against the same schema.

// defaultPackage is the package of a model written in data files only.
const defaultPackage = "model"

// IsModelFile reports whether a file name, by its extension, is a source
// of a model: .cue, or data in .yaml, .yml or .json.
func IsModelFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".cue", ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// isDataFile reports whether a model file holds data rather than CUE.
func isDataFile(name string) bool {
	return strings.ToLower(filepath.Ext(name)) != ".cue"
}

// parseSource parses one model file into CUE syntax: CUE as it is, YAML
// and JSON as the data they hold, with their positions.
func parseSource(f File) (*ast.File, error) {
	switch strings.ToLower(filepath.Ext(f.Name)) {
	case ".cue":
		return parser.ParseFile(f.Name, f.Data)
	}
	// Data files are named as CUE names the files it parses, so that
	// every diagnostic prints a file the same way.
	f.Name = displayName(f.Name)
	switch strings.ToLower(filepath.Ext(f.Name)) {
	case ".yaml", ".yml":
		return cueyaml.Extract(f.Name, f.Data)
	case ".json":
		x, err := cuejson.Extract(f.Name, f.Data)
		if err != nil {
			return nil, err
		}
		st, ok := x.(*ast.StructLit)
		if !ok {
			return nil, fmt.Errorf("%s: a model's JSON file holds one object, whose fields are the model's", f.Name)
		}
		return &ast.File{Filename: f.Name, Decls: st.Elts}, nil
	}
	return nil, fmt.Errorf("%s: not a model file (.cue, .yaml, .yml or .json)", f.Name)
}

// dataError turns a YAML or JSON parser's error, "file:line: message" or
// "file:line:col: message", into a diagnostic at that place.
func dataError(name string, err error) Diagnostic {
	if ds := cueDiagnostics(err, Positions{}); len(ds) > 0 && ds[0].Message != "" {
		return ds[0]
	}
	msg := err.Error()
	d := Diagnostic{Pos: Pos{File: displayName(name)}, Message: msg,
		Hint: "check the file's syntax; a model's data file holds one object whose fields are the model's"}
	if m := dataErrRE.FindStringSubmatch(msg); m != nil {
		d.Pos.Line, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			d.Pos.Col, _ = strconv.Atoi(m[2])
		} else {
			d.Pos.Col = 1
		}
		d.Message = m[3]
	}
	return d
}

// dataErrRE matches the place a YAML or JSON parser's error names.
var dataErrRE = regexp.MustCompile(`^[^\n]*?:(\d+)(?::(\d+))?: (.*)$`)

// parseSources parses every file, reporting every syntax error at once,
// and puts the data files in the package of the .cue files. The package
// clauses of the .cue files must agree.
func parseSources(files []File) ([]*ast.File, []Diagnostic) {
	var diags []Diagnostic
	var syntax, data []*ast.File
	pkg, pkgFile, cueFiles := "", "", 0
	for _, f := range files {
		syn, err := parseSource(f)
		if err != nil {
			if isDataFile(f.Name) {
				diags = append(diags, dataError(f.Name, err))
			} else {
				diags = append(diags, cueDiagnostics(err, Positions{})...)
			}
			continue
		}
		syntax = append(syntax, syn)
		if isDataFile(f.Name) {
			data = append(data, syn)
			continue
		}
		cueFiles++
		name := syn.PackageName()
		if pkgFile != "" && name != pkg {
			diags = append(diags, Diagnostic{Pos: Pos{File: f.Name, Line: 1, Col: 1},
				Message: fmt.Sprintf("package %q differs from package %q of %s", name, pkg, pkgFile),
				Hint:    "all .cue files of a model must declare the same package"})
			continue
		}
		pkg, pkgFile = name, f.Name
	}
	switch {
	case cueFiles == 0:
		pkg = defaultPackage
	case pkg == "":
		return syntax, diags // .cue files without a package clause: none for the data either
	}
	for _, syn := range data {
		syn.Decls = append([]ast.Decl{&ast.Package{Name: ast.NewIdent(pkg)}}, syn.Decls...)
	}
	return syntax, diags
}
