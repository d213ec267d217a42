package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
	"cuelang.org/go/encoding/jsonschema"
)

// JSONSchemaID is the $id the generated JSON Schema carries.
const JSONSchemaID = "https://github.com/ropa-dev/ropa/schema/ropa.schema.json"

// JSONSchema generates a JSON Schema (draft 2020-12) for a model's data
// from the CUE schema's #Model, with CUE's own JSON Schema generator: every
// definition becomes a $defs entry and every comment a description, so it
// never drifts from the CUE schema. Editors use it for models written as
// YAML or JSON.
func JSONSchema() ([]byte, error) {
	ctx := cuecontext.New()
	v := ctx.CompileBytes(Source, cue.Filename(Filename))
	if err := v.Err(); err != nil {
		return nil, fmt.Errorf("schema: %v", err)
	}
	expr, err := jsonschema.Generate(v.LookupPath(cue.ParsePath("#Model")), &jsonschema.GenerateConfig{})
	if err != nil {
		return nil, fmt.Errorf("schema: generating JSON Schema: %v", err)
	}
	js := ctx.BuildExpr(expr)
	if err := js.Err(); err != nil {
		return nil, fmt.Errorf("schema: generating JSON Schema: %v", err)
	}
	raw, err := js.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("schema: generating JSON Schema: %v", err)
	}
	doc, err := mergeEmbedded(raw)
	if err != nil {
		return nil, fmt.Errorf("schema: generating JSON Schema: %v", err)
	}
	doc["$id"] = JSONSchemaID
	doc["title"] = "ropa model (schema version " + Version + ")"
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("schema: generating JSON Schema: %v", err)
	}
	return out.Bytes(), nil
}

// mergeEmbedded works around how CUE v0.17 generates an embedded
// definition (#DPO embeds #Contact): a closed object with its own
// properties next to a $ref to another closed object, which no instance
// can satisfy, as each side forbids the other's properties. It copies the
// referenced definition's properties (and required list) into the object
// and drops the $ref, which is what the embedding means.
func mergeEmbedded(raw []byte) (map[string]any, error) {
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	defs, _ := doc["$defs"].(map[string]any)
	for _, d := range defs {
		obj, ok := d.(map[string]any)
		if !ok {
			continue
		}
		ref, _ := obj["$ref"].(string)
		props, _ := obj["properties"].(map[string]any)
		name, isDef := strings.CutPrefix(ref, "#/$defs/")
		if !isDef || props == nil {
			continue
		}
		target, _ := defs[name].(map[string]any)
		tprops, _ := target["properties"].(map[string]any)
		if tprops == nil {
			continue
		}
		for k, v := range tprops {
			if _, dup := props[k]; !dup {
				props[k] = v
			}
		}
		if req, ok := target["required"].([]any); ok {
			have, _ := obj["required"].([]any)
			obj["required"] = append(have, req...)
		}
		delete(obj, "$ref")
	}
	return doc, nil
}
