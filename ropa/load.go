package ropa

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/build"
	"cuelang.org/go/cue/cuecontext"
	cueerrors "cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/literal"
	"cuelang.org/go/cue/token"

	"github.com/ropa-dev/ropa/schema"
)

// File is one CUE source file of a model.
type File struct {
	// Name is the file name diagnostics print.
	Name string
	// Data is the file's contents.
	Data []byte
}

// Load reads every .cue file directly inside dir (one CUE package), unifies
// it with the embedded schema, decodes it and resolves its references. On
// failure the error is a *LoadError listing every problem found.
func Load(dir string) (*Model, error) {
	files, err := ReadDir(dir)
	if err != nil {
		return nil, err
	}
	return LoadFiles(files)
}

// displayName gives a file name as diagnostics print it: relative names
// keep a leading ./ as cue prints them.
func displayName(name string) string {
	if filepath.IsAbs(name) {
		return relFile(name)
	}
	if strings.HasPrefix(name, "."+string(filepath.Separator)) || strings.HasPrefix(name, "..") {
		return name
	}
	return "." + string(filepath.Separator) + name
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

func unreadable(pos Pos, msg, hint string) *LoadError {
	return &LoadError{Kind: ErrUnreadable, Diagnostics: []Diagnostic{{Pos: pos, Message: msg, Hint: hint}}}
}

// LoadFiles loads a model from the given sources, which must form one CUE
// package. It is Load without the file system, for models read from a git
// revision or generated in memory.
func LoadFiles(files []File) (*Model, error) {
	m, err := loadFiles(files)
	if le, ok := err.(*LoadError); ok {
		tidy(le.Diagnostics)
	}
	return m, err
}

func loadFiles(files []File) (*Model, error) {
	if le := checkSources(files); le != nil {
		return nil, le
	}
	ctx := cuecontext.New()

	// Parse every file, reporting every syntax error at once.
	index := newASTIndex()
	syntax, diags := parseSources(files)
	for _, syn := range syntax {
		index.addFile(syn)
	}
	if len(diags) > 0 {
		return nil, &LoadError{Kind: ErrUnreadable, Diagnostics: diags}
	}
	if diags, kind := boundSyntax(syntax); len(diags) > 0 {
		sortDiagnostics(diags)
		return nil, &LoadError{Kind: kind, Diagnostics: diags}
	}

	positions := index.positions()
	pkg := ""
	if len(syntax) > 0 {
		pkg = syntax[0].PackageName()
	}
	if m := loadValid(syntax, index); m != nil {
		m.Package = pkg
		return m, nil
	}
	// The fast path failed: build the user's package on its own, from
	// fresh syntax (the merged file took the parsed declarations), so the
	// problems can be reported one by one.
	inst := build.NewContext().NewInstance("", nil)
	fresh, diags := parseSources(files)
	if len(diags) > 0 {
		return nil, &LoadError{Kind: ErrUnreadable, Diagnostics: diags}
	}
	boundSyntax(fresh) // passed above; this prunes the fresh trees alike
	for _, syn := range fresh {
		if err := inst.AddSyntax(syn); err != nil {
			return nil, &LoadError{Kind: ErrUnreadable, Diagnostics: cueDiagnostics(err, Positions{})}
		}
	}

	user := ctx.BuildInstance(inst)
	if err := user.Err(); err != nil {
		return nil, &LoadError{Kind: ErrInvalid, Diagnostics: explainUser(cueDiagnostics(err, positions))}
	}

	def := schemaDef(ctx)
	unified := def.Unify(user)
	if err := unified.Validate(cue.Concrete(true)); err != nil {
		// CUE stops reporting missing fields once it has found a conflict,
		// so validate each entity on its own too; and report the dangling
		// references, resolving what decodes of the user's own values, so
		// that one run lists every problem.
		diags := cueDiagnostics(err, positions)
		for _, part := range validationParts(unified) {
			if err := part.Validate(cue.Concrete(true)); err != nil {
				diags = append(diags, cueDiagnostics(err, positions)...)
			}
		}
		diags = append(diags, missingRequired(user, def, positions)...)
		diags = explain(dedupe(diags), def)
		diags = append(diags, lenientModel(user, positions).resolve()...)
		sortDiagnostics(diags)
		return nil, &LoadError{Kind: ErrInvalid, Diagnostics: diags}
	}

	m, err := decode(unified, nil, index)
	if m != nil {
		m.Package = pkg
	}
	return m, err
}

// decode turns a valid, unified model value into a resolved Model. data,
// when not nil, is the model's JSON already built from plain-data syntax.
func decode(unified cue.Value, data []byte, index *astIndex) (*Model, error) {
	// Decode through JSON: CUE's Decode walks the value field by field and
	// costs twice as much on large models.
	if data == nil {
		var err error
		if data, err = unified.MarshalJSON(); err != nil {
			return nil, &LoadError{Kind: ErrInvalid, Diagnostics: cueDiagnostics(err, index.positions())}
		}
	}
	m := &Model{}
	if err := json.Unmarshal(data, m); err != nil {
		return nil, &LoadError{Kind: ErrInvalid, Diagnostics: []Diagnostic{{Message: "cannot decode the model: " + err.Error()}}}
	}
	m.Positions = index.positions()
	m.Order = index.orders()
	diags := append(m.resolve(), m.checkDates()...)
	diags = append(diags, m.checkPeriods()...)
	if len(diags) > 0 {
		sortDiagnostics(diags)
		return nil, &LoadError{Kind: ErrInvalid, Diagnostics: diags}
	}
	return m, nil
}

// lenientModel decodes each entity of the user's value on its own, keeping
// a zero entity where one does not decode, so that references can be
// checked in a model that breaks the schema.
func lenientModel(user cue.Value, ps Positions) *Model {
	m := &Model{Positions: ps, Order: map[string][]string{}}
	for _, k := range Kinds {
		k.ops.decodeLenient(user, m, k.Path)
	}
	return m
}

func decodeEach[T any](user cue.Value, field string) map[string]*T {
	out := map[string]*T{}
	iter, err := user.LookupPath(cue.ParsePath(field)).Fields()
	if err != nil {
		return out
	}
	for iter.Next() {
		e := new(T)
		if err := iter.Value().Decode(e); err != nil {
			e = new(T)
		}
		out[iter.Selector().Unquoted()] = e
	}
	return out
}

// schemaDef compiles the embedded schema and returns #Model.
func schemaDef(ctx *cue.Context) cue.Value {
	v := ctx.CompileBytes(schema.Source, cue.Filename(schema.Filename))
	if err := v.Err(); err != nil {
		// The schema is part of the binary and tested; this cannot happen
		// in a released build.
		panic("ropa: embedded schema does not compile: " + err.Error())
	}
	return v.LookupPath(cue.MakePath(cue.Def("#Model")))
}

// pathFromStrings formats the path of a CUE error as ropa prints field
// paths: activities.rent.categories[1].
func pathFromStrings(elems []string) string {
	var b strings.Builder
	if len(elems) > 0 && elems[0] == "#Model" {
		elems = elems[1:]
	}
	for _, e := range elems {
		if uq, err := literal.Unquote(e); err == nil && strings.HasPrefix(e, `"`) {
			e = pathLabel(uq) // a valid key is written bare, any other label quoted
		} else if _, err := strconv.Atoi(e); err == nil {
			b.WriteString("[" + e + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(e)
	}
	return b.String()
}

// toPos converts a CUE position; file names are kept as the caller of
// LoadFiles gave them (ReadDir gives ./dir/file.cue).
func toPos(p token.Pos) Pos {
	return Pos{File: p.Filename(), Line: p.Line(), Col: p.Column()}
}

// cueDiagnostics turns CUE errors into diagnostics, one a problem, each at
// the first position in the user's files (falling back to the nearest
// declared ancestor of the field when CUE only knows the schema's).
func cueDiagnostics(err error, ps Positions) []Diagnostic {
	var out []Diagnostic
	seen := map[string]bool{}
	for _, e := range cueerrors.Errors(err) {
		path := pathFromStrings(e.Path())
		var pos Pos
		for _, p := range cueerrors.Positions(e) {
			if p.IsValid() && p.Filename() != schema.Filename {
				pos = toPos(p)
				break
			}
		}
		if !pos.IsValid() {
			pos = ps.Of(path)
		}
		format, args := e.Msg()
		msg := fmt.Sprintf(format, args...)
		cm := &cueMsg{format: format, args: make([]string, len(args))}
		for i, a := range args {
			cm.args[i] = fmt.Sprint(a)
		}
		if strings.HasPrefix(msg, "error in call to ") {
			// The reason a builtin failed is in the wrapped error only.
			if full := e.Error(); strings.Contains(full, msg+": ") {
				msg = full[strings.Index(full, msg+": "):]
			}
		}
		key := pos.String() + "|" + path + "|" + msg
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, Diagnostic{Pos: pos, Path: path, Message: msg, cue: cm})
	}
	sortDiagnostics(out)
	return out
}

// sortDiagnostics orders diagnostics by position, then path.
func sortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		if c := ComparePos(ds[i].Pos, ds[j].Pos); c != 0 {
			return c < 0
		}
		return ds[i].Path < ds[j].Path
	})
}

// validationParts splits a model into the values validated one by one
// after a first failure: each top-level field, and each entity of a map.
func validationParts(v cue.Value) []cue.Value {
	var parts []cue.Value
	iter, err := v.Fields()
	if err != nil {
		return nil
	}
	for iter.Next() {
		field := iter.Value()
		if field.IncompleteKind() == cue.StructKind && isMapField([]cue.Selector{iter.Selector()}) {
			if sub, err := field.Fields(); err == nil {
				for sub.Next() {
					parts = append(parts, sub.Value())
				}
				continue
			}
		}
		parts = append(parts, field)
	}
	return parts
}

// dedupe drops repeated diagnostics, keeping the first of each.
func dedupe(ds []Diagnostic) []Diagnostic {
	seen := map[string]bool{}
	out := ds[:0]
	for _, d := range ds {
		key := d.Pos.String() + "|" + d.Path + "|" + d.Message
		if strings.HasPrefix(d.Message, "required field") {
			key = d.Path + "|required"
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	return out
}

// requiredFields lists the fields the schema requires at a path.
func requiredFields(def cue.Value, path string) []string {
	v := schemaAt(def, path)
	if !v.Exists() {
		return nil
	}
	iter, err := v.Fields()
	if err != nil {
		return nil
	}
	var out []string
	for iter.Next() {
		if _, hasDefault := iter.Value().Default(); hasDefault {
			continue
		}
		out = append(out, iter.Selector().Unquoted())
	}
	return out
}

// missingRequired reports, for every entity of every map, the required
// fields the user's value lacks. CUE reports them too, but not for an
// entity that also has a conflict.
func missingRequired(user, def cue.Value, ps Positions) []Diagnostic {
	var out []Diagnostic
	iter, err := user.Fields()
	if err != nil {
		return nil
	}
	for iter.Next() {
		table := iter.Selector().Unquoted()
		if !isMapField([]cue.Selector{cue.Str(table)}) || table == "phrases" {
			continue
		}
		required := requiredFields(def, table+".x")
		entities, err := iter.Value().Fields()
		if err != nil {
			continue
		}
		for entities.Next() {
			key := entities.Selector().Unquoted()
			for _, name := range required {
				if entities.Value().LookupPath(cue.MakePath(cue.Str(name))).Exists() {
					continue
				}
				path := keyPath(table, key) + "." + name
				out = append(out, Diagnostic{Pos: ps.Of(path), Path: path,
					Message: fmt.Sprintf("required field %q is missing", name),
					Hint:    fmt.Sprintf("add `%s: ...` here; `ropa schema` shows its type", name)})
			}
		}
	}
	return out
}

// longQuoted matches a quoted string in a message longer than a reader
// can take in: a key or value of thousands of characters, repeated in
// every message about it, would bury the message.
var longQuoted = regexp.MustCompile(`"(?:[^"\\]|\\.){80,}"`)

// longBare matches a long unquoted label in a path.
var longBare = regexp.MustCompile(`[A-Za-z0-9_$-]{80,}`)

// tidy shortens long quoted strings in diagnostics, and long labels in
// their paths, to their first 40 and last 10 characters, saying how long
// they were.
func tidy(ds []Diagnostic) {
	shorten := func(s string) string {
		if len(s) < 80 {
			return s
		}
		return longQuoted.ReplaceAllStringFunc(s, func(q string) string {
			inner := q[1 : len(q)-1]
			head, tail := inner[:40], inner[len(inner)-10:]
			for !utf8.ValidString(head) && len(head) > 0 {
				head = head[:len(head)-1]
			}
			for !utf8.ValidString(tail) && len(tail) > 0 {
				tail = tail[1:]
			}
			return fmt.Sprintf("%q (%d characters)", head+"..."+tail, utf8.RuneCountInString(inner))
		})
	}
	for i := range ds {
		ds[i].Message = shorten(ds[i].Message)
		ds[i].Hint = shorten(ds[i].Hint)
		ds[i].Path = longBare.ReplaceAllStringFunc(shorten(ds[i].Path), func(k string) string {
			return fmt.Sprintf("%s...%s(%d characters)", k[:40], k[len(k)-10:], len(k))
		})
	}
}
