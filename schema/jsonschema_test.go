package schema

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/build"
	"cuelang.org/go/cue/cuecontext"
	"cuelang.org/go/cue/parser"
	"cuelang.org/go/encoding/jsonschema"
)

// exampleJSON decodes an example's CUE package, without the schema, to
// the plain JSON data a YAML or JSON model would hold.
func exampleJSON(t *testing.T, ctx *cue.Context, dir string) []byte {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "*.cue"))
	inst := build.NewContext().NewInstance(dir, nil)
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(n, data, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if err := inst.AddSyntax(f); err != nil {
			t.Fatal(err)
		}
	}
	v := ctx.BuildInstance(inst)
	b, err := v.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestJSONSchemaValidatesExamples generates the JSON Schema, reads it back
// as a JSON Schema validator (CUE's jsonschema decoder) and checks every
// example's data against it, and that a misspelt field and a bad key fail.
func TestJSONSchemaValidatesExamples(t *testing.T) {
	js, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc["$id"] != JSONSchemaID || doc["$defs"] == nil {
		t.Fatalf("unexpected schema head: $id %v", doc["$id"])
	}
	ctx := cuecontext.New()
	jsv := ctx.CompileBytes(js, cue.Filename("ropa.schema.json"))
	f, err := jsonschema.Extract(jsv, &jsonschema.Config{})
	if err != nil {
		t.Fatalf("the generated JSON Schema does not read back: %v", err)
	}
	validator := ctx.BuildFile(f)
	if err := validator.Err(); err != nil {
		t.Fatal(err)
	}
	check := func(data []byte) error {
		v := ctx.CompileBytes(data)
		return validator.Unify(v).Validate(cue.Concrete(true))
	}
	dirs, _ := filepath.Glob("../examples/*/model.cue")
	if len(dirs) == 0 {
		t.Fatal("no examples")
	}
	for _, d := range dirs {
		dir := filepath.Dir(d)
		data := exampleJSON(t, ctx, dir)
		if err := check(data); err != nil {
			t.Errorf("%s: %v", dir, err)
		}
		if filepath.Base(dir) == "minimal" {
			bad := strings.Replace(string(data), `"purpose":`, `"purpse":`, 1)
			if check([]byte(bad)) == nil {
				t.Error("a misspelt field validates")
			}
			bad = strings.Replace(string(data), `"categories":["identity"`, `"categories":["Identity"`, 1)
			if bad == string(data) || check([]byte(bad)) == nil {
				t.Error("a bad key validates")
			}
		}
	}
}
