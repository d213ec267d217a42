// Package export writes the resolved model as JSON for other tools: a
// documented, versioned shape (docs/export.md) with entities in source
// order, each carrying its key, and references between entities given as
// those keys. The same model always gives the same bytes.
package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/ropa-dev/ropa/render"
	"github.com/ropa-dev/ropa/ropa"
)

// Format and Version identify the shape JSON writes. Version changes when
// a field is removed or changes meaning; added fields keep the version.
const (
	Format  = "ropa-export"
	Version = 1
)

// keyed is an entity with its key, written as the entity's JSON object
// with "key" as its first member.
type keyed struct {
	key string
	v   any
}

// MarshalJSON writes {"key": k, ...the entity's fields}.
func (k keyed) MarshalJSON() ([]byte, error) {
	body, err := marshal(k.v)
	if err != nil {
		return nil, err
	}
	key, err := marshal(k.key)
	if err != nil {
		return nil, err
	}
	return withMember(append([]byte(`{"key":`), key...), body)
}

// withMember returns the object head (an open object with members and no
// closing brace) followed by the members of the JSON object body.
func withMember(head, body []byte) ([]byte, error) {
	body = bytes.TrimSpace(body)
	if len(body) < 2 || body[0] != '{' || body[len(body)-1] != '}' {
		return nil, fmt.Errorf("export: %s is not a JSON object", body)
	}
	if inner := bytes.TrimSpace(body[1 : len(body)-1]); len(inner) > 0 {
		head = append(append(head, ','), inner...)
	}
	return append(head, '}'), nil
}

// marshal is json.Marshal without escaping <, > and &: the export keeps
// text as the model writes it.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// controller writes the controller with its joint controllers as a list in
// source order, each with its key, after the other fields.
func controller(m *ropa.Model) (json.RawMessage, error) {
	c := m.Controller
	c.JointControllers = nil
	body, err := marshal(c)
	if err != nil {
		return nil, err
	}
	jcs, err := marshal(entities(m, "controller.jointControllers", reflect.ValueOf(m.Controller.JointControllers)))
	if err != nil {
		return nil, err
	}
	return appendMember(body, "jointControllers", jcs)
}

// appendMember adds the member name: value at the end of the JSON object
// body.
func appendMember(body []byte, name string, value []byte) ([]byte, error) {
	body = bytes.TrimSpace(body)
	if len(body) < 2 || body[0] != '{' || body[len(body)-1] != '}' {
		return nil, fmt.Errorf("export: %s is not a JSON object", body)
	}
	n, err := marshal(name)
	if err != nil {
		return nil, err
	}
	out := append([]byte(nil), body[:len(body)-1]...)
	if len(bytes.TrimSpace(body[1:len(body)-1])) > 0 {
		out = append(out, ',')
	}
	out = append(append(append(out, n...), ':'), value...)
	return append(out, '}'), nil
}

// JSON writes the resolved model m to w as the export document (format
// "ropa-export", version 1; docs/export.md describes it), indented by two
// spaces and ending in a newline. After format and version come the
// model's fields in the order ropa.Model declares them: each keyed kind
// (ropa.Kinds) as a list of its entities in source order, each with its
// key; the controller with its joint controllers listed likewise; a list
// or map the model leaves empty as [] or {}; an absent optional object
// or text (reviewInterval) left out.
func JSON(w io.Writer, m *ropa.Model) error {
	var body bytes.Buffer
	body.WriteString(`{"format":"` + Format + `","version":` + fmt.Sprint(Version))
	mv := reflect.ValueOf(m).Elem()
	mt := mv.Type()
	for i := range mt.NumField() {
		sf := mt.Field(i)
		name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "" || name == "-" || !sf.IsExported() {
			continue
		}
		v, err := member(m, name, mv.Field(i), strings.Contains(opts, "omitempty"))
		if err != nil {
			return err
		}
		if v == nil {
			continue
		}
		n, _ := marshal(name)
		body.WriteByte(',')
		body.Write(n)
		body.WriteByte(':')
		body.Write(v)
	}
	body.WriteByte('}')
	var out bytes.Buffer
	if err := json.Indent(&out, body.Bytes(), "", "  "); err != nil {
		return fmt.Errorf("export: %v", err)
	}
	out.WriteByte('\n')
	_, err := w.Write(out.Bytes())
	return err
}

// member returns the JSON of one model field, or nil to leave it out.
func member(m *ropa.Model, name string, v reflect.Value, omitEmpty bool) ([]byte, error) {
	if name == "controller" {
		return controller(m)
	}
	if k, ok := ropa.KindAt(name); ok {
		return marshal(entities(m, k.Path, v))
	}
	switch v.Kind() {
	case reflect.Slice:
		if v.IsNil() {
			return []byte("[]"), nil
		}
	case reflect.Map:
		if v.IsNil() {
			return []byte("{}"), nil
		}
	case reflect.Pointer:
		if v.IsNil() && omitEmpty {
			return nil, nil
		}
	case reflect.String:
		if v.String() == "" && omitEmpty {
			return nil, nil
		}
	}
	return marshal(v.Interface())
}

// entities lists the entities of the keyed map v (the kind at path) in
// source order, each with its key.
func entities(m *ropa.Model, path string, v reflect.Value) []keyed {
	out := []keyed{}
	for _, k := range m.Order[path] {
		if e := v.MapIndex(reflect.ValueOf(k)); e.IsValid() {
			out = append(out, keyed{key: k, v: e.Interface()})
		}
	}
	return out
}

// Producer writes model.json, the export document, in `ropa build`.
var Producer = render.Producer{
	Name:     "export",
	Internal: true,
	Doc:      "the resolved model as JSON (model.json; see docs/export.md)",
	Artifacts: func(m *ropa.Model, _ render.Options) ([]render.Artifact, error) {
		return []render.Artifact{{Path: "model.json", Write: func(w io.Writer) error { return JSON(w, m) }}}, nil
	},
	Outputs: func(*ropa.Model, render.Options) []render.Output { return []render.Output{{Path: "model.json"}} },
}
